//! v2 teams: the `team` family (11 operations) and the `team_member` family (6 operations) on
//! the shared team store, so a team made here is the team v1 `team/*` and `superteam/*` see.
//! The rules, and which refusal answers which code, are in [`crate::teams`]; `team_type` 1
//! is an advanced team, 2 a super team.
//!
//! Where the sources disagree, every form is served:
//! - paths: each operation at `/im/v2.1/...` and `/im/v2/...` (the SDKs' current versions put
//!   some on each; the older SDKs and the Apifox pages use `/im/v2/` for all);
//! - parameters are read from the query first, then from a JSON body, whatever the method:
//!   disbandTeam (query in both SDKs, a body on the old Apifox page), kick and leave (query
//!   in both SDKs) and the rest (bodies) need no per-operation switch;
//! - listTeamMembers: the Java SDK's `page_token` or the Go SDK's `next_token` (and `offset`);
//! - `team_ids` of batchQueryTeamInfo and the online count: a JSON array (numbers or quoted
//!   numbers, as both SDKs send the first) or a comma-joined list;
//! - the online-member operations take no `team_type` from the Go SDK: it defaults to 1;
//! - `operator_id` of update, disband and the manager operations: required by the Go SDK,
//!   optional in the Java SDK's Javadoc; without one the owner acts;
//! - updateTeamMember answers the member flat (Java SDK, Apifox page) and again inside
//!   `member_info` (Go SDK).
//!
//! Emulator choices where no source fixes the behaviour: `members_limit` defaults to 200 for
//! both kinds (the store's `DEFAULT_MEMBER_LIMIT`, as v1 makes them); an account id repeated
//! in a list counts once; list members that are not members of the team (kick, mute) and
//! invitees with no account are listed in `failed_list` (109404, 102404) while the rest go
//! on; invitees waiting for consent are in `success_list` (their invitation went out).
//!
//! Locks are taken in one order: accounts, teams.

mod fields;
mod input;
mod list;
mod manage;
mod members;
mod paging;
mod query;
mod view;

use std::sync::{Arc, Mutex};

use crate::accounts::Accounts;
use crate::router::{Registry, Route};
use crate::teams::Teams;

/// What the v2 team handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    teams: Arc<Mutex<Teams>>,
}

/// The `team` family's routes, each at `/im/v2.1` and `/im/v2`.
const TEAM_ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2.1/teams", manage::create),
    Route::v2("POST", "/im/v2/teams", manage::create),
    Route::v2("PATCH", "/im/v2.1/teams/{team_id}", manage::update),
    Route::v2("PATCH", "/im/v2/teams/{team_id}", manage::update),
    Route::v2("DELETE", "/im/v2.1/teams/{team_id}", manage::disband),
    Route::v2("DELETE", "/im/v2/teams/{team_id}", manage::disband),
    Route::v2("GET", "/im/v2.1/teams", query::batch),
    Route::v2("GET", "/im/v2/teams", query::batch),
    Route::v2("GET", "/im/v2.1/teams/{team_id}", query::get),
    Route::v2("GET", "/im/v2/teams/{team_id}", query::get),
    Route::v2(
        "PATCH",
        "/im/v2/teams/{team_id}/actions/transfer_owner",
        manage::transfer,
    ),
    Route::v2(
        "PATCH",
        "/im/v2.1/teams/{team_id}/actions/transfer_owner",
        manage::transfer,
    ),
    Route::v2(
        "POST",
        "/im/v2/teams/{team_id}/actions/add_manager",
        manage::add_managers,
    ),
    Route::v2(
        "POST",
        "/im/v2.1/teams/{team_id}/actions/add_manager",
        manage::add_managers,
    ),
    Route::v2(
        "DELETE",
        "/im/v2/teams/{team_id}/actions/remove_manager",
        manage::remove_managers,
    ),
    Route::v2(
        "DELETE",
        "/im/v2.1/teams/{team_id}/actions/remove_manager",
        manage::remove_managers,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/teams/{team_id}/actions/list_members",
        list::members,
    ),
    Route::v2(
        "GET",
        "/im/v2/teams/{team_id}/actions/list_members",
        list::members,
    ),
    Route::v2(
        "GET",
        "/im/v2/teams/{team_id}/actions/list_online_members",
        list::online,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/teams/{team_id}/actions/list_online_members",
        list::online,
    ),
    Route::v2(
        "GET",
        "/im/v2/teams/actions/online_members_count",
        list::online_counts,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/teams/actions/online_members_count",
        list::online_counts,
    ),
];

/// The `team_member` family's routes, each at `/im/v2` and `/im/v2.1`.
const MEMBER_ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/team_members", members::invite),
    Route::v2("POST", "/im/v2.1/team_members", members::invite),
    Route::v2(
        "DELETE",
        "/im/v2/team_members/actions/kick_member",
        members::kick,
    ),
    Route::v2(
        "DELETE",
        "/im/v2.1/team_members/actions/kick_member",
        members::kick,
    ),
    Route::v2(
        "DELETE",
        "/im/v2/team_members/actions/leave",
        members::leave,
    ),
    Route::v2(
        "DELETE",
        "/im/v2.1/team_members/actions/leave",
        members::leave,
    ),
    Route::v2(
        "PATCH",
        "/im/v2.1/team_members/{account_id}",
        members::update,
    ),
    Route::v2("PATCH", "/im/v2/team_members/{account_id}", members::update),
    Route::v2(
        "PATCH",
        "/im/v2/team_members/actions/batch_mute",
        members::mute,
    ),
    Route::v2(
        "PATCH",
        "/im/v2.1/team_members/actions/batch_mute",
        members::mute,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/team_members/{account_id}/actions/joined_teams",
        query::joined,
    ),
    Route::v2(
        "GET",
        "/im/v2/team_members/{account_id}/actions/joined_teams",
        query::joined,
    ),
];

/// Registers the 17 v2 team and team member operations (34 routes).
pub(super) fn register(registry: &mut Registry) {
    for routes in [TEAM_ROUTES, MEMBER_ROUTES] {
        let state = State {
            accounts: registry.shared::<Accounts>(),
            teams: registry.shared::<Teams>(),
        };
        registry.routes(state, routes);
    }
}
