//! Reading: `getTinfos` (teams by id), `getTlists` (a team's members, page by page),
//! `joinTeams` (an account's teams).

use serde_json::{Value, json};

use super::views::{joined_view, member_view, team_view};
use super::{State, team_at, tid_list};
use crate::call::Call;
use crate::lock;
use crate::params::Params;
use crate::reply::{ApiError, Reply};
use crate::teams::{Kind, Team, Teams};

/// The most ids one `getTinfos` names.
const TIDS_MAX: usize = 20;
/// The longest member page (the Java SDK's Javadoc; the legacy docs say 100).
const PAGE_MAX: u64 = 2000;

/// `superteam/getTinfos.action`: the super teams among `tids` (a JSON array of ids, as
/// strings as the docs show them or as numbers as the Go SDK sends them), 1 to 20. Unknown
/// ids and advanced teams are left out. Answers `{"code":200,"tinfos":[...]}`.
pub(super) fn get_tinfos(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let tids = tid_list(&p, "tids", TIDS_MAX)?;
    let teams = lock(&state.teams);
    let found: Vec<Value> = tids
        .into_iter()
        .filter_map(|tid| teams.get(tid, Kind::Super).ok())
        .map(team_view)
        .collect();
    Ok(Reply::json(&json!({ "code": 200, "tinfos": found })))
}

/// `superteam/getTlists.action`: a page of team `tid`'s members. Answers
/// `{"code":200,"tlists":[...]}`.
pub(super) fn get_tlists(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let teams = lock(&state.teams);
    let members = member_page(&p, &teams, |t| t.members.keys().cloned().collect())?;
    Ok(Reply::json(&json!({ "code": 200, "tlists": members })))
}

/// The member page `getTlists` and `getMuteTlists` answer: the members of team `tid` that
/// `pick` names (all, or the muted ones), ordered by join time then account, `reverse` 1 oldest first (default) from
/// `timetag` on, 2 newest first from `timetag` back (`0`: from the newest), at most `limit`
/// (1 to 2000). Both ends include `timetag`, so members who joined in the same millisecond
/// are never skipped; the next page starts at the last `jointime` and repeats that member.
pub(super) fn member_page(
    p: &Params,
    teams: &Teams,
    pick: fn(&Team) -> Vec<String>,
) -> Result<Vec<Value>, ApiError> {
    let (tid, kind) = team_at(p, "tid")?;
    // Absent is 0, from the start: the Go SDK leaves a 0 out.
    let timetag = p.u64_opt("timetag")?.unwrap_or(0);
    let limit = p.u64_req("limit")?;
    if limit == 0 || limit > PAGE_MAX {
        return Err(ApiError::param(format!("limit must be 1 to {PAGE_MAX}")));
    }
    let ascending = p.int_opt("reverse", &[1, 2])?.unwrap_or(1) == 1;
    let team = teams.get(tid, kind).map_err(|e| e.v1())?;
    let mut members: Vec<(u64, String)> = pick(team)
        .into_iter()
        .filter_map(|accid| Some((team.members.get(&accid)?.join_time, accid)))
        .filter(|(time, _)| {
            if ascending {
                *time >= timetag
            } else {
                timetag == 0 || *time <= timetag
            }
        })
        .collect();
    members.sort();
    if !ascending {
        members.reverse();
    }
    Ok(members
        .into_iter()
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .filter_map(|(_, accid)| member_view(team, &accid))
        .collect())
}

/// `superteam/joinTeams.action`: the super teams account `accid` is a member of. The SDKs
/// read different keys (Go `tinfos`, Java `tlists`) and no documented example settles it, so
/// both carry the same list, each team in both SDKs' spellings. Answers
/// `{"code":200,"count":N,"tinfos":[...],"tlists":[...]}`.
pub(super) fn join_teams(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let accid = p.accid()?;
    let teams = lock(&state.teams);
    let joined: Vec<Value> = teams
        .joined(&accid, Kind::Super)
        .into_iter()
        .map(joined_view)
        .collect();
    Ok(Reply::json(&json!({
        "code": 200,
        "count": joined.len(),
        "tinfos": joined,
        "tlists": joined,
    })))
}
