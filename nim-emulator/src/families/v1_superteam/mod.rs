//! v1 super teams (`superteam/*.action`, 23 actions) on the shared team store with
//! [`Kind::Super`]: a super team made here is the one v2 `team_type` 2 queries see, and its
//! messages go into the shared message store through the v1 message family's helpers. The
//! rules and the refusal codes (801-815, 414) are the store's ([`crate::teams`]).
//!
//! Emulator choices where the docs fix nothing:
//! - Account lists naming an account twice count it once; the owner in its own create
//!   invitee list is ignored (the docs say it need not be there).
//! - `tid` lists and ids are read as numbers or strings holding one (the docs show strings,
//!   the Go SDK sends numbers).
//! - The default member limit is 200 (`tlevel` default in the legacy docs); a `tlevel` of at
//!   least 2 is taken without a maximum (the console sets it).
//! - Unknown accounts are refused with 414 `<field> <id> not register`, as elsewhere.
//!
//! Locks are taken in the message family's order: accounts, teams, messages, notifications.

mod lifecycle;
mod managers;
mod members;
mod messages;
mod mutes;
mod queries;
mod views;

use super::v1_message::{self, State};
use super::v1_team_params::{account_list, all_known, id_of, tid_list, with_failed};
use crate::call::Call;
use crate::params::Params;
use crate::reply::ApiError;
use crate::router::{Registry, Route};
use crate::teams::Kind;

const ROUTES: &[Route<State>] = &[
    Route::v1("superteam/create.action", lifecycle::create),
    Route::v1("superteam/dismiss.action", lifecycle::dismiss),
    Route::v1("superteam/updateTinfo.action", lifecycle::update_tinfo),
    Route::v1("superteam/changeLevel.action", lifecycle::change_level),
    Route::v1("superteam/invite.action", members::invite),
    Route::v1("superteam/kick.action", members::kick),
    Route::v1("superteam/leave.action", members::leave),
    Route::v1("superteam/updateTeamNick.action", members::update_team_nick),
    Route::v1("superteam/updateTlist.action", members::update_tlist),
    Route::v1("superteam/addManager.action", managers::add_manager),
    Route::v1("superteam/removeManager.action", managers::remove_manager),
    Route::v1("superteam/changeOwner.action", managers::change_owner),
    Route::v1("superteam/mute.action", mutes::mute),
    Route::v1("superteam/muteTlist.action", mutes::mute_tlist),
    Route::v1("superteam/getMuteTlists.action", mutes::get_mute_tlists),
    Route::v1("superteam/getTinfos.action", queries::get_tinfos),
    Route::v1("superteam/getTlists.action", queries::get_tlists),
    Route::v1("superteam/joinTeams.action", queries::join_teams),
    Route::v1("superteam/sendMsg.action", messages::send_msg),
    Route::v1("superteam/sendAttachMsg.action", messages::send_attach_msg),
    Route::v1("superteam/recallMsg.action", messages::recall_msg),
    Route::v1(
        "superteam/queryHistoryMsg.action",
        messages::query_history_msg,
    ),
    Route::v1(
        "superteam/queryHistoryMsgByIds.action",
        messages::query_history_msg_by_ids,
    ),
];

/// Registers the 23 v1 super team actions.
pub(super) fn register(registry: &mut Registry) {
    let state = v1_message::state(registry);
    registry.routes(state, ROUTES);
}

/// The super team named by parameter `name` (`tid`, or `to` in the message actions).
fn team_at(p: &Params, name: &str) -> Result<(u64, Kind), ApiError> {
    Ok((p.u64_req(name)?, Kind::Super))
}

/// The state clock in milliseconds, as the team store keeps times.
fn now_ms(call: &Call<'_>) -> u64 {
    call.now.saturating_mul(1000)
}
