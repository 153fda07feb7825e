//! v2 block contacts (`/im/v2/block_contacts`, 3 operations) on the v1 blacklist
//! (`user/setSpecialRelation` `relationType=1`): a v1 blacklisting is a v2 block and the
//! reverse. Handlers and codes: [`contact_list`](super::contact_list).

use super::contact_list::{self, Kind, State};
use crate::router::{Registry, Route};

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/block_contacts", contact_list::add),
    Route::v2(
        "DELETE",
        "/im/v2/block_contacts/{account_id}",
        contact_list::remove,
    ),
    Route::v2("GET", "/im/v2/block_contacts", contact_list::list),
];

/// Registers addBlockContact, removeBlockContact and listBlockContacts.
pub(super) fn register(registry: &mut Registry) {
    contact_list::register(registry, Kind::Block, ROUTES);
}
