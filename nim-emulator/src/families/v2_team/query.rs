//! The operations that read teams: getTeamInfo, batchQueryTeamInfo, queryJoinedTeams.

use serde_json::{Value, json};

use super::input::Input;
use super::members::known;
use super::paging::{PAGE_MAX, Page, parse_token};
use super::{State, view};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::Kind;

/// Teams of one batch query: at most 30 advanced or 20 super teams (Java SDK Javadoc).
fn batch_max(kind: Kind) -> usize {
    match kind {
        Kind::Advanced => 30,
        Kind::Super => 20,
    }
}

/// `GET /im/v2.1/teams/{team_id}?team_type=`: data `team_info`; 108404 for no team, 108302
/// for a team of the other kind.
pub(super) fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let tid = input.tid()?;
    let kind = input.kind()?;
    let teams = lock(&state.teams);
    let team = teams.get(tid, kind).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(
        json!({ "team_info": view::team_info(team) }),
    ))
}

/// `GET /im/v2.1/teams?team_type=&team_ids=[1,2]`: data `team_info_list` (the teams of this
/// kind, in the order asked) and `invalid_tids` (the ids naming none, as text, the Java
/// SDK's type).
pub(super) fn batch(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let kind = input.kind()?;
    let tids = input.tids("team_ids", batch_max(kind))?;
    let teams = lock(&state.teams);
    let mut found = Vec::new();
    let mut invalid = Vec::new();
    for tid in tids {
        match teams.get(tid, kind) {
            Ok(team) => found.push(view::team_info(team)),
            Err(_) => invalid.push(tid.to_string()),
        }
    }
    Ok(Reply::ok_data(json!({
        "team_info_list": found,
        "invalid_tids": invalid,
    })))
}

/// `GET /im/v2.1/team_members/{account_id}/actions/joined_teams?team_type=&page_token=&limit=&need_return_member_info=`:
/// the teams of this kind the account is in, by id, `limit` 1 to 100 (default 100). With
/// `need_return_member_info` 1 each carries the account's `member_info`. data
/// `{has_more, next_token, team_info_list}`; 102404 for no account.
pub(super) fn joined(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let accid = input.path_account()?;
    let kind = input.kind()?;
    let limit = call.page_limit(PAGE_MAX)?;
    let with_member = input.int("need_return_member_info", &[0, 1])? == Some(1);
    let scope = format!("joined:{accid}:{}", kind.v2());
    let start = match input.text("page_token", usize::MAX)? {
        Some(token) => parse_token(&scope, &token)?,
        None => 0,
    };
    known(&lock(&state.accounts), &accid)?;
    let teams = lock(&state.teams);
    let items: Vec<Value> = teams
        .joined(&accid, kind)
        .into_iter()
        .map(|team| {
            let mut info = view::team_info(team);
            if with_member && let Value::Object(map) = &mut info {
                map.insert("member_info".into(), view::member(team, &accid));
            }
            info
        })
        .collect();
    let page = Page::cut(items, &scope, start, limit);
    Ok(Reply::ok_data(json!({
        "has_more": page.has_more,
        "next_token": page.next_token,
        "team_info_list": page.items,
    })))
}
