//! Admin views and knobs of the team store, the language-neutral side of
//! [`Emulator::team`](crate::Emulator::team), `teams_of`, `answer_team_invitation` and
//! `set_team_count_limit`: `/_emulator/state/teams`, `/_emulator/state/team_invitations`
//! and `/_emulator/state/team_count_limit`.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::call::Call;
use crate::json_body::JsonBody;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::teams::{TeamKind, TeamRecord, TeamRole, Teams};

struct State {
    teams: Arc<Mutex<Teams>>,
}

const ROUTES: &[Route<State>] = &[
    Route::admin("GET", "/_emulator/state/teams", teams),
    Route::admin(
        "POST",
        "/_emulator/state/team_invitations",
        answer_invitation,
    ),
    Route::admin("PUT", "/_emulator/state/team_count_limit", set_count_limit),
];

/// Registers the team admin routes.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        teams: registry.shared::<Teams>(),
    };
    registry.routes(state, ROUTES);
}

fn team_view(t: &TeamRecord) -> Value {
    let kind = match t.kind {
        TeamKind::Advanced => "advanced",
        _ => "super",
    };
    let members: Vec<Value> = t
        .members
        .iter()
        .map(|m| {
            let role = match m.role {
                TeamRole::Owner => "owner",
                TeamRole::Manager => "manager",
                _ => "member",
            };
            json!({
                "accid": m.accid, "role": role, "nick": m.nick, "ext": m.ext,
                "muted": m.muted, "inviter": m.inviter, "join_time": m.join_time,
            })
        })
        .collect();
    json!({
        "tid": t.tid, "kind": kind, "name": t.name, "owner": t.owner, "limit": t.limit,
        "mute_type": t.mute_type, "members": members,
        "pending_invitations": t.pending_invitations,
    })
}

/// `?tid=N`: that team (404 if there is none); `?accid=a`: `{"accid","teams":[...]}`, the
/// teams it is a member of, ordered by id. A team is `{tid, kind, name, owner, limit,
/// mute_type, members:[{accid, role, nick, ext, muted, inviter, join_time}],
/// pending_invitations}`.
fn teams(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let teams = lock(&state.teams);
    if let Some(tid) = call.query_param("tid") {
        let tid: u64 = tid
            .trim()
            .parse()
            .map_err(|_| ApiError::param("tid must be a team id"))?;
        let team = teams
            .any(tid)
            .ok_or_else(|| ApiError::with_code(404, format!("no team {tid}")))?;
        return Ok(Reply::json(&team_view(&TeamRecord::from(team))));
    }
    let accid = call
        .query_param("accid")
        .ok_or_else(|| ApiError::param("tid or accid is required"))?
        .to_ascii_lowercase();
    let list: Vec<Value> = teams
        .all()
        .filter(|t| t.members.contains_key(&accid))
        .map(|t| team_view(&TeamRecord::from(t)))
        .collect();
    Ok(Reply::json(&json!({ "accid": accid, "teams": list })))
}

/// `{"tid","accid","accept":true|false}`: the invitee's client answers its invitation
/// (`Emulator::answer_team_invitation`). 414 with the reason when there is no such team or
/// invitation, or the team is full.
fn answer_invitation(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse(call.body)?;
    let tid = body.uint("tid")?.ok_or_else(|| body.missing("tid"))?;
    let accid = body.required_string("accid", 32)?.to_ascii_lowercase();
    let accept = body.bool("accept")?.ok_or_else(|| body.missing("accept"))?;
    let now = call.now.saturating_mul(1000);
    let mut teams = lock(&state.teams);
    let answered = if accept {
        teams.accept_invite(tid, &accid, now)
    } else {
        teams.decline_invite(tid, &accid)
    };
    answered.map_err(|e| ApiError::param(e.describe()))?;
    Ok(Reply::ok())
}

/// `{"limit": N}`: how many teams one account may be in, until reset.
fn set_count_limit(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse(call.body)?;
    let limit = body.uint("limit")?.ok_or_else(|| body.missing("limit"))?;
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    lock(&state.teams).set_team_count_limit(limit);
    Ok(Reply::ok())
}
