//! The operations that list a team's members: listTeamMembers (paged, filtered),
//! listOnlineTeamMembers and batchQueryTeamOnlineMembersCount. Online means a session a test
//! set on the member's account (the emulator has no IM clients).

use serde_json::{Value, json};

use super::input::Input;
use super::paging::{PAGE_MAX, Page, parse_token};
use super::{State, view};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::{Kind, Role, Team};

/// Teams of one online count: at most 100 (Java SDK).
const COUNT_MAX: usize = 100;

/// `GET /im/v2.1/teams/{team_id}/actions/list_members?team_type=&member_type=&chat_banned_type=&descending=&page_token=&limit=`:
/// the members by join time (oldest first unless `descending`), `member_type` 0 all, 1 owner
/// and managers, 2 ordinary members; `chat_banned_type` 0 all, 1 muted, 2 not muted. The
/// cursor is the Java SDK's `page_token` or the Go SDK's `next_token`; the Go SDK's `offset`
/// starts the first page. `limit` 1 to 100 (default 100). data `{has_more, next_token,
/// items}`.
pub(super) fn members(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let tid = input.tid()?;
    let kind = input.kind()?;
    let roles = input.int("member_type", &[0, 1, 2])?.unwrap_or(0);
    let banned = input.int("chat_banned_type", &[0, 1, 2])?.unwrap_or(0);
    let descending = input.flag("descending")?.unwrap_or(false);
    let limit = call.page_limit(PAGE_MAX)?;
    let scope = format!("members:{tid}");
    let token = match input.text("page_token", usize::MAX)? {
        Some(token) => Some(token),
        None => input.text("next_token", usize::MAX)?,
    };
    let start = match token {
        Some(token) => parse_token(&scope, &token)?,
        None => usize::try_from(input.uint("offset")?.unwrap_or(0)).unwrap_or(usize::MAX),
    };
    let teams = lock(&state.teams);
    let team = teams.get(tid, kind).map_err(|e| e.v2())?;
    let mut listed: Vec<(&String, u64, Role, bool)> = team
        .members
        .iter()
        .map(|(a, m)| (a, m.join_time, m.role, m.muted))
        .filter(|(_, _, role, _)| match roles {
            1 => role.manages(),
            2 => *role == Role::Member,
            _ => true,
        })
        .filter(|(_, _, _, muted)| match banned {
            1 => *muted,
            2 => !*muted,
            _ => true,
        })
        .collect();
    listed.sort_by_key(|(a, time, _, _)| (*time, a.as_str()));
    if descending {
        listed.reverse();
    }
    let items: Vec<Value> = listed
        .into_iter()
        .map(|(a, ..)| view::member(team, a))
        .collect();
    let page = Page::cut(items, &scope, start, limit);
    Ok(Reply::ok_data(json!({
        "has_more": page.has_more,
        "next_token": page.next_token,
        "items": page.items,
    })))
}

/// `GET /im/v2/teams/{team_id}/actions/list_online_members?team_type=1`: the members with a
/// session and their clients. Advanced teams only (`team_type` 1, also when absent: the Go
/// SDK sends none). data `{items: [{account_id, online_status: [{login_time,
/// client_type}]}]}`.
pub(super) fn online(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let tid = input.tid()?;
    advanced_only(&input)?;
    let accounts = lock(&state.accounts);
    let teams = lock(&state.teams);
    let team = teams.get(tid, Kind::Advanced).map_err(|e| e.v2())?;
    let items: Vec<Value> = team
        .members
        .keys()
        .filter_map(|accid| {
            let sessions = &accounts.find(accid)?.sessions;
            let status: Vec<Value> = sessions
                .iter()
                .map(|s| json!({ "login_time": s.login_time, "client_type": s.client_type }))
                .collect();
            (!status.is_empty()).then(|| json!({ "account_id": accid, "online_status": status }))
        })
        .collect();
    Ok(Reply::ok_data(json!({ "items": items })))
}

/// `GET /im/v2/teams/actions/online_members_count?team_type=1&team_ids=1,2`: per advanced
/// team (1 to 100), how many members are online and offline; teams that are not advanced
/// teams are listed in `failed_list` with their code. data `{success_list, failed_list}`.
pub(super) fn online_counts(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    advanced_only(&input)?;
    let tids = input.tids("team_ids", COUNT_MAX)?;
    let accounts = lock(&state.accounts);
    let teams = lock(&state.teams);
    let mut counted = Vec::new();
    let mut failed = Vec::new();
    for tid in tids {
        match teams.get(tid, Kind::Advanced) {
            Ok(team) => {
                let online = online_count(&accounts, team);
                counted.push(json!({
                    "team_id": tid,
                    "online_count": online,
                    "offline_count": team.members.len().saturating_sub(online),
                }));
            }
            Err(e) => failed.push(view::failed_team(tid, &e)),
        }
    }
    Ok(Reply::ok_data(json!({
        "success_list": counted,
        "failed_list": failed,
    })))
}

/// How many members of `team` have a session.
fn online_count(accounts: &Accounts, team: &Team) -> usize {
    team.members
        .keys()
        .filter(|a| accounts.find(a).is_some_and(|acc| !acc.sessions.is_empty()))
        .count()
}

/// Refuses `team_type` 2: the online-member operations serve advanced teams only (the Java
/// SDK checks the same before sending). An absent `team_type` is 1.
fn advanced_only(input: &Input<'_, '_>) -> Result<(), ApiError> {
    match input.int("team_type", &[1, 2])? {
        Some(2) => Err(ApiError::param(
            "team_type must be 1: online members are served for advanced teams only",
        )),
        _ => Ok(()),
    }
}
