//! Mutes: the whole team (`mute`), single members (`muteTlist`) and the list of muted
//! members (`getMuteTlists`).

use serde_json::json;

use super::queries::member_page;
use super::{State, account_list, now_ms, team_at};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::{Team, TeamMute};

/// The most accounts one `muteTlist` names (legacy docs and the Java SDK's Javadoc).
const PER_CALL_MAX: usize = 10;

/// `superteam/mute.action`: the owner alone sets `muteType` 0 (nobody), 1 (ordinary
/// members) or 3 (everyone, the owner included). Only `muteType`: super teams have no
/// `mute` parameter. Answers `{"code":200}`. A missing `muteType` is refused (414) as the
/// docs require it, though the Go SDK leaves a 0 out and so cannot unmute.
pub(super) fn mute(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let mute_type = p.int_in("muteType", &[0, 1, 3])?;
    let mute = TeamMute::from_number(mute_type)
        .ok_or_else(|| ApiError::param("muteType must be one of 0, 1, 3"))?;
    let mut teams = lock(&state.teams);
    teams
        .mute_team(at, &owner, mute, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/muteTlist.action`: `owner` (the owner, or a manager for ordinary members)
/// mutes (`mute=1`) or unmutes (`mute=0`) 1 to 10 members, all or none. Answers
/// `{"code":200}`.
pub(super) fn mute_tlist(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let targets = account_list(&p, "muteAccids", PER_CALL_MAX, false)?;
    let muted = p.int_in("mute", &[0, 1])? == 1;
    lock(&state.teams)
        .mute_members(at, &owner, &targets, muted, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/getMuteTlists.action`: a page of the muted members, paged like `getTlists`.
/// Answers `{"code":200,"muteTlists":[...]}`.
pub(super) fn get_mute_tlists(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let teams = lock(&state.teams);
    let members = member_page(&p, &teams, Team::muted)?;
    Ok(Reply::json(&json!({ "code": 200, "muteTlists": members })))
}
