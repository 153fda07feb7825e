//! v1 messages (`msg/*`, `history/*`, `job/nos/del`, 20 actions) on the shared message store:
//! a message sent here is the message v2 queries find, and the reverse.
//!
//! Locks are taken in one order: accounts, friends, teams, messages, broadcasts, notifications.

mod broadcast;
mod files;
pub(super) mod history;
pub(super) mod notify;
pub(super) mod recall;
mod receipts;
pub(super) mod send;
mod sessions;

use std::sync::{Arc, Mutex};

use crate::accounts::Accounts;
use crate::broadcasts::Broadcasts;
use crate::callbacks::Callbacks;
use crate::friends::Friends;
use crate::messages::Messages;
use crate::notifications::Notifications;
use crate::router::{Registry, Route};
use crate::teams::Teams;

/// What the v1 message handlers borrow.
pub(super) struct State {
    pub(in crate::families) accounts: Arc<Mutex<Accounts>>,
    friends: Arc<Mutex<Friends>>,
    pub(in crate::families) teams: Arc<Mutex<Teams>>,
    pub(in crate::families) messages: Arc<Mutex<Messages>>,
    broadcasts: Arc<Mutex<Broadcasts>>,
    pub(in crate::families) notes: Arc<Mutex<Notifications>>,
    pub(in crate::families) callbacks: Arc<Callbacks>,
}

const ROUTES: &[Route<State>] = &[
    Route::v1("msg/sendMsg.action", send::send_msg),
    Route::v1("msg/sendBatchMsg.action", send::send_batch_msg),
    Route::v1("msg/recall.action", recall::recall),
    Route::v1("msg/delMsg.action", recall::del_msg),
    Route::v1("msg/delMsgOneWay.action", recall::del_msg_one_way),
    Route::v1("msg/delRoamSession.action", receipts::del_roam_session),
    Route::v1("msg/markReadMsg.action", receipts::mark_read_msg),
    Route::v1("msg/markReadTeamMsg.action", receipts::mark_read_team_msg),
    Route::v1("msg/broadcastMsg.action", broadcast::broadcast_msg),
    Route::v1(
        "history/delBroadcastMsgById.action",
        broadcast::delete_by_id,
    ),
    Route::v1("history/queryBroadcastMsg.action", broadcast::query_list),
    Route::v1(
        "history/queryBroadcastMsgById.action",
        broadcast::query_by_id,
    ),
    Route::v1("msg/upload.action", files::upload),
    Route::v1("job/nos/del.action", files::delete_files),
    Route::v1("msg/sendAttachMsg.action", notify::send_attach_msg),
    Route::v1(
        "msg/sendBatchAttachMsg.action",
        notify::send_batch_attach_msg,
    ),
    Route::v1("history/querySessionMsg.action", history::query_session_msg),
    Route::v1("history/queryTeamMsg.action", history::query_team_msg),
    Route::v1(
        "history/querySessionList.action",
        sessions::query_session_list,
    ),
    Route::v1(
        "history/queryUserEvents.action",
        sessions::query_user_events,
    ),
];

/// Registers the 20 v1 message actions.
pub(super) fn register(registry: &mut Registry) {
    let state = state(registry);
    registry.routes(state, ROUTES);
}

/// The message state, also borrowed by the super team family, whose message actions are
/// these sends, recalls and history queries with other parameter names.
pub(super) fn state(registry: &mut Registry) -> State {
    State {
        accounts: registry.shared::<Accounts>(),
        friends: registry.shared::<Friends>(),
        teams: registry.shared::<Teams>(),
        messages: registry.shared::<Messages>(),
        broadcasts: registry.shared::<Broadcasts>(),
        notes: registry.shared::<Notifications>(),
        callbacks: registry.kept::<Callbacks>(),
    }
}
