//! The tools family: v1 `translator/textMsg` and v2 `tool` (speech recognition,
//! translation), `ai` (chat assist) and `system_push` (7 actions).
//!
//! Translation, speech recognition and chat assist answer fake, documented results
//! ([`FAKE_ANSWERS`](crate::FAKE_ANSWERS), rules in [`crate::fake`]) after checking the
//! request as the real server would; system push keeps its pushes in
//! [`Pushes`](crate::pushes::Pushes).

mod assist;
mod system_push;
mod translate;

use std::sync::{Arc, Mutex};

use super::message_common::known;
use crate::accounts::Accounts;
use crate::lock;
use crate::pushes::Pushes;
use crate::reply::ApiError;
use crate::router::{Registry, Route};

/// What the tools family borrows: accounts (every action names one) and the push store.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    pushes: Arc<Mutex<Pushes>>,
}

impl State {
    /// Refuses an account that does not exist (v2 102404).
    fn known_v2(&self, field: &str, id: &str) -> Result<(), ApiError> {
        known(&lock(&self.accounts), field, id).map_err(|r| r.v2())
    }
}

const ROUTES: &[Route<State>] = &[
    Route::v1("translator/textMsg.action", translate::v1),
    Route::v2("POST", "/im/v2/translations", translate::v2),
    Route::v2("POST", "/im/v2/tools/asr", assist::asr),
    Route::v2(
        "POST",
        "/ai/chat_assistant/v1/chat_assist",
        assist::chat_assist,
    ),
    Route::v2("POST", "/im/v2/push_notification", system_push::send),
    Route::v2(
        "GET",
        "/im/v2/push_notification/{push_id}",
        system_push::get,
    ),
    Route::v2("GET", "/im/v2/push_notification", system_push::list),
];

/// Registers the 7 tools actions.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        pushes: registry.shared::<Pushes>(),
    };
    registry.routes(state, ROUTES);
}
