//! Speaking bans: `team/muteTlist` (one member), `team/muteTlistAll` (the whole team),
//! `team/listTeamMute` (who is banned alone).

use serde_json::{Value, json};

use super::{State, attach, team_ref};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::TeamMute;

/// `team/muteTlist.action`: `owner` bans member `accid` from speaking (`mute=1`) or lifts
/// the ban (`mute=0`; `true`/`false` read too). The owner is never banned (802), nor the
/// caller itself (414); a manager bans ordinary members only. Answers `{"code":200}`.
pub(super) fn mute_member(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let target = p.accid()?;
    let muted = p
        .switch("mute")?
        .ok_or_else(|| ApiError::param("mute is missing"))?;
    attach(&p)?;
    lock(&state.teams)
        .mute_members(
            team,
            &operator,
            &[target],
            muted,
            call.now.saturating_mul(1000),
        )
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `team/muteTlistAll.action`: `owner` (or a manager) bans the team: `mute=true` the
/// ordinary members, `false` nobody; or `muteType` 0 nobody, 1 the ordinary members, 3
/// everyone. `mute` wins when both come; neither is 414. Answers `{"code":200}`.
pub(super) fn mute_all(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let by_type = p
        .int_opt("muteType", &[0, 1, 3])?
        .and_then(TeamMute::from_number);
    let mute = match p.switch("mute")? {
        Some(true) => TeamMute::Members,
        Some(false) => TeamMute::None,
        None => by_type.ok_or_else(|| ApiError::param("mute or muteType is required"))?,
    };
    attach(&p)?;
    lock(&state.teams)
        .mute_team(team, &operator, mute, call.now.saturating_mul(1000))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `team/listTeamMute.action`: the members banned alone, for the owner or a manager (an
/// ordinary member is 802). Answers `{"code":200,"mutes":[{accid, nick?, tid, type}]}`,
/// `type` the role (0 member, 1 owner, 2 manager).
pub(super) fn list_mutes(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let teams = lock(&state.teams);
    let t = teams.managed_by(team, &operator).map_err(|e| e.v1())?;
    let mutes: Vec<Value> = t
        .muted()
        .iter()
        .filter_map(|accid| {
            let m = t.members.get(accid)?;
            let mut item = json!({
                "accid": accid,
                "tid": t.tid,
                "type": m.role.number(),
            });
            if let (Some(nick), Value::Object(map)) = (&m.nick, &mut item) {
                map.insert("nick".into(), json!(nick));
            }
            Some(item)
        })
        .collect();
    Ok(Reply::json(&json!({ "code": 200, "mutes": mutes })))
}
