//! v1 `user/*.action`: accounts, profiles, mutes, push settings, online status and special
//! relations, all on the shared account store.

mod account;
mod profile;
mod relations;
mod settings;

use std::sync::{Arc, Mutex};

use crate::accounts::{Account, Accounts};
use crate::lock;
use crate::reply::ApiError;
use crate::router::{Registry, Route};

/// What the v1 user handlers borrow.
pub(super) struct State {
    accounts: Arc<Mutex<Accounts>>,
}

impl State {
    /// Runs `change` on the existing account `accid`, under the store's lock; 414
    /// `accid X not register` if there is none.
    fn with_account<T>(
        &self,
        accid: &str,
        change: impl FnOnce(&mut Account) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        change(lock(&self.accounts).existing(accid)?)
    }
}

const ROUTES: &[Route<State>] = &[
    Route::v1("user/create.action", account::create),
    Route::v1("user/update.action", account::update),
    Route::v1("user/refreshToken.action", account::refresh_token),
    Route::v1("user/block.action", account::block),
    Route::v1("user/unblock.action", account::unblock),
    Route::v1("user/updateUinfo.action", profile::update_uinfo),
    Route::v1("user/getUinfos.action", profile::get_uinfos),
    Route::v1("user/mute.action", settings::mute),
    Route::v1("user/muteModule.action", settings::mute_module),
    Route::v1("user/setDonnop.action", settings::set_donnop),
    Route::v1("user/userOnlineStatus.action", settings::online_status),
    Route::v1(
        "user/setSpecialRelation.action",
        relations::set_special_relation,
    ),
    Route::v1("user/listBlackAndMuteList.action", relations::list),
];

/// Registers the 13 v1 user actions.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
    };
    registry.routes(state, ROUTES);
}
