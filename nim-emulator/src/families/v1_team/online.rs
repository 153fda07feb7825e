//! Who is there: `team/listOnlineUsers` and `team/listOnlineUserCount` (members with an
//! online session, as a test set them with
//! [`Emulator::set_sessions`](crate::Emulator::set_sessions)).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{KIND, State, team_ref, tid_list};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::Team;

/// `tids` of `team/listOnlineUserCount`: at most 100 teams (the docs).
const TIDS_PER_COUNT: usize = 100;

/// `team/listOnlineUsers.action`: the members of team `tid` with a session now. Answers
/// `{"code":200,"data":{"count":N,"status":{"<accid>":[{clientType, loginTime}]}}}`.
pub(super) fn online_users(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (tid, kind) = team_ref(&p)?;
    let accounts = lock(&state.accounts);
    let teams = lock(&state.teams);
    let team = teams.get(tid, kind).map_err(|e| e.v1())?;
    let status: BTreeMap<&str, Value> = online(&accounts, team).into_iter().collect();
    Ok(Reply::json(&json!({
        "code": 200,
        "data": { "count": status.len(), "status": status },
    })))
}

/// `team/listOnlineUserCount.action`: per team of `tids` (1 to 100), how many members are
/// online and offline. Answers `{"code":200,"data":[{tid, onlineUserCount,
/// offlineUserCount}]}`; teams that do not exist (or are super teams) are left out, as in
/// any batch count (the emulator's choice: the docs name no refusal).
pub(super) fn online_counts(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let tids = tid_list(&p, "tids", TIDS_PER_COUNT)?;
    let accounts = lock(&state.accounts);
    let teams = lock(&state.teams);
    let data: Vec<Value> = tids
        .into_iter()
        .filter_map(|tid| teams.get(tid, KIND).ok())
        .map(|team| {
            let online = online(&accounts, team).len();
            json!({
                "tid": team.tid,
                "onlineUserCount": online,
                "offlineUserCount": team.members.len().saturating_sub(online),
            })
        })
        .collect();
    Ok(Reply::json(&json!({ "code": 200, "data": data })))
}

/// The members of `team` with at least one session, each with its sessions as v1 lists
/// them.
fn online<'t>(accounts: &Accounts, team: &'t Team) -> Vec<(&'t str, Value)> {
    team.members
        .keys()
        .filter_map(|accid| {
            let sessions = &accounts.find(accid)?.sessions;
            let list: Vec<Value> = sessions
                .iter()
                .map(|s| json!({ "clientType": s.client_type, "loginTime": s.login_time }))
                .collect();
            (!list.is_empty()).then_some((accid.as_str(), Value::Array(list)))
        })
        .collect()
}
