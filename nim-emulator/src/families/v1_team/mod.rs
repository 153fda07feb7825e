//! v1 advanced teams (`team/*.action`, 21 actions) on the shared team store: a team made
//! here is the team v2 `team_type` 1 operations see, and team messages ask the same store
//! who may speak. The rules and the refusal codes (801-815, 414) are the store's
//! ([`crate::teams`]); this family reads the form, checks the documented limits, and writes
//! the answers in the v1 shapes.
//!
//! Where the sources leave a choice open, the emulator's choices:
//!
//! - **Consent.** Invitees of `team/create` and `team/add` must accept only when the call
//!   sends `magree=1` *and* the team's `beinvitemode` is 0 (the newer docs' create text;
//!   their add text reads the other way round and is unconfirmed). Otherwise they join at
//!   once. A pending invitation is answered with
//!   [`Emulator::answer_team_invitation`](crate::Emulator::answer_team_invitation).
//! - **Accounts.** The owner and the invitees of create and add must be registered (414
//!   `<field> <id> not register`, as the message families answer); other actions name
//!   members, and a non-member is 804.
//! - **Lists.** `tids` elements may be numbers (both SDKs) or strings (the docs' example);
//!   switch values `mute` of `muteTlist` / `muteTlistAll` may be `0`/`1` or `false`/`true`
//!   (the SDKs differ). Duplicate accounts in a list count once; the owner named among
//!   create's invitees is skipped (the docs say not to name it); create without `members`
//!   (both SDKs leave an empty list out, the docs require it) makes a team of one.
//! - **Required zeros.** `joinmode` of create, `ope` of query and `mute` of muteTlist stay
//!   required, as the docs have them: the Go SDK leaves out zeros, the Java SDK sends them,
//!   and where the SDKs disagree the docs decide.
//! - **`teamMemberLimit`** at least 2, 200 by default: the docs bound it by the app's
//!   configured maximum, which the emulator does not have (the store's
//!   `DEFAULT_MEMBER_LIMIT`; v2 `members_limit` and super team `tlevel` alike).
//! - **Notifications.** `attach` and `isNotifyClose*` are checked and kept as the docs
//!   say; the emulator has no clients, so no team notification is delivered.
//!
//! Locks are taken in one order: accounts, teams, messages.

mod answers;
mod lifecycle;
mod managers;
mod members;
mod mutes;
mod online;
mod queries;
mod read_receipts;

use std::sync::{Arc, Mutex};

use crate::accounts::Accounts;
use crate::messages::Messages;
use crate::params::Params;
use crate::reply::ApiError;
use crate::router::{Registry, Route};
use crate::teams::{Kind, Teams};

use super::v1_team_params::{account_list, all_known, tid_list, with_failed};

/// The team kind every `team/*` action works on.
const KIND: Kind = Kind::Advanced;
/// The most accounts one `members` list of create, add and kick names (the docs).
const MEMBERS_PER_CALL: usize = 200;
/// The invitees of a create: the owner and the members are at most 200 together (the docs).
const CREATE_MEMBERS_MAX: usize = 199;
/// The most accounts one manager change names (the docs).
const MANAGERS_PER_CALL: usize = 10;
/// `msg`, the invitation text: at most 150 characters.
const INVITE_TEXT_MAX: usize = 150;
/// `attach`, carried in the team notification: at most 512 characters.
const ATTACH_MAX: usize = 512;

/// What the v1 team handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    teams: Arc<Mutex<Teams>>,
    messages: Arc<Mutex<Messages>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v1("team/create.action", lifecycle::create),
    Route::v1("team/update.action", lifecycle::update),
    Route::v1("team/remove.action", lifecycle::remove),
    Route::v1("team/add.action", members::add),
    Route::v1("team/kick.action", members::kick),
    Route::v1("team/leave.action", members::leave),
    Route::v1("team/updateTeamNick.action", members::update_nick),
    Route::v1("team/muteTeam.action", members::notification_switch),
    Route::v1("team/addManager.action", managers::add_managers),
    Route::v1("team/removeManager.action", managers::remove_managers),
    Route::v1("team/changeOwner.action", managers::change_owner),
    Route::v1("team/muteTlist.action", mutes::mute_member),
    Route::v1("team/muteTlistAll.action", mutes::mute_all),
    Route::v1("team/listTeamMute.action", mutes::list_mutes),
    Route::v1("team/query.action", queries::query),
    Route::v1("team/queryDetail.action", queries::query_detail),
    Route::v1("team/joinTeams.action", queries::joined_teams),
    Route::v1("team/listMemberInfo.action", queries::member_records),
    Route::v1("team/listOnlineUsers.action", online::online_users),
    Route::v1("team/listOnlineUserCount.action", online::online_counts),
    Route::v1("team/getMarkReadInfo.action", read_receipts::read_info),
];

/// Registers the 21 v1 team actions.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        teams: registry.shared::<Teams>(),
        messages: registry.shared::<Messages>(),
    };
    registry.routes(state, ROUTES);
}

/// The required `tid`, with the kind of this family.
fn team_ref(p: &Params) -> Result<(u64, Kind), ApiError> {
    Ok((p.u64_req("tid")?, KIND))
}

/// The optional `attach` (checked, then unused: no notification is delivered).
fn attach(p: &Params) -> Result<(), ApiError> {
    p.text("attach", ATTACH_MAX).map(drop)
}

/// An optional mode (0 or 1, or 0 to 2 for `joinmode`) as the store keeps it.
fn mode(p: &Params, name: &str, allowed: &[i64]) -> Result<Option<u8>, ApiError> {
    Ok(p.int_opt(name, allowed)?.and_then(|n| u8::try_from(n).ok()))
}
