//! v2 mute contacts (`/im/v2/mute_contacts`, 3 operations) on the v1 mutelist
//! (`user/setSpecialRelation` `relationType=2`): a v1 mute is a v2 mute contact and the
//! reverse. Handlers and codes: [`contact_list`](super::contact_list).

use super::contact_list::{self, Kind, State};
use crate::router::{Registry, Route};

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/mute_contacts", contact_list::add),
    Route::v2(
        "DELETE",
        "/im/v2/mute_contacts/{account_id}",
        contact_list::remove,
    ),
    Route::v2("GET", "/im/v2/mute_contacts", contact_list::list),
];

/// Registers addMuteContact, removeMuteContact and listMuteContacts.
pub(super) fn register(registry: &mut Registry) {
    contact_list::register(registry, Kind::Mute, ROUTES);
}
