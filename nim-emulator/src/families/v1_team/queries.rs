//! The queries: `team/query` (teams), `team/queryDetail` (one team with member records),
//! `team/joinTeams` (an account's teams), `team/listMemberInfo` (an account's member
//! records).

use serde_json::{Map, Value, json};

use super::{KIND, State, all_known, answers, team_ref, tid_list};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// `tids` of `team/query`: at most 10 teams (the newer docs).
const TIDS_PER_QUERY: usize = 10;

/// `team/query.action`: teams `tids`, with the ordinary members' accids when `ope=1`.
/// Answers `{"code":200,"tinfos":[...]}`. A missing team (or a super team) is refused
/// (803 / 805) unless the legacy docs' `ignoreInvalid=true` asks to skip it.
pub(super) fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let tids = tid_list(&p, "tids", TIDS_PER_QUERY)?;
    let with_members = p.int_in("ope", &[0, 1])? == 1;
    let ignore_invalid = p.flag("ignoreInvalid")?.unwrap_or(false);
    let teams = lock(&state.teams);
    let mut tinfos = Vec::with_capacity(tids.len());
    for tid in tids {
        match teams.get(tid, KIND) {
            Ok(team) => tinfos.push(answers::summary(team, with_members)),
            Err(_) if ignore_invalid => {}
            Err(e) => return Err(e.v1()),
        }
    }
    Ok(Reply::json(&json!({ "code": 200, "tinfos": tinfos })))
}

/// `team/queryDetail.action`: team `tid` with the owner, managers and ordinary members as
/// member records. Answers `{"code":200,"tinfo":{...}}`.
pub(super) fn query_detail(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (tid, kind) = team_ref(&p)?;
    let teams = lock(&state.teams);
    let team = teams.get(tid, kind).map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "tinfo": answers::detail(team) }),
    ))
}

/// `team/joinTeams.action`: the advanced teams `accid` is in, ordered by id. Answers
/// `{"code":200,"count":N,"infos":[{tid, tname, owner, maxusers, size, custom?}]}`; an
/// unregistered account is 414.
pub(super) fn joined_teams(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let accid = p.accid()?;
    let accounts = lock(&state.accounts);
    all_known(&accounts, "accid", std::slice::from_ref(&accid))?;
    let teams = lock(&state.teams);
    let infos: Vec<Value> = teams
        .joined(&accid, KIND)
        .into_iter()
        .map(|team| {
            let profile = answers::profile(team);
            let mut item: Map<String, Value> = ["tid", "tname", "maxusers", "size", "custom"]
                .iter()
                .filter_map(|k| profile.get(*k).map(|v| ((*k).to_owned(), v.clone())))
                .collect();
            item.insert("owner".into(), json!(team.owner));
            Value::Object(item)
        })
        .collect();
    Ok(Reply::json(
        &json!({ "code": 200, "count": infos.len(), "infos": infos }),
    ))
}

/// `team/listMemberInfo.action`: `accid`'s member record in every advanced team it is in.
/// Answers `{"code":200,"data":[{tid, accid, nick?, custom?, mute, pushEnable,
/// managerPushEnable, createtime, updatetime}]}`; an unregistered account is 414.
pub(super) fn member_records(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let accid = p.accid()?;
    let accounts = lock(&state.accounts);
    all_known(&accounts, "accid", std::slice::from_ref(&accid))?;
    let teams = lock(&state.teams);
    let data: Vec<Value> = teams
        .joined(&accid, KIND)
        .into_iter()
        .map(|team| answers::member(team, &accid))
        .collect();
    Ok(Reply::json(&json!({ "code": 200, "data": data })))
}
