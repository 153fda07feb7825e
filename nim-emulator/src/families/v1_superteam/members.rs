//! Membership: `invite`, `kick`, `leave`, and the members' own settings (`updateTeamNick`,
//! `updateTlist`).

use serde_json::json;

use super::lifecycle::INVITE_TEXT_MAX;
use super::{State, account_list, all_known, now_ms, team_at, with_failed};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::MemberChanges;

/// The most accounts one invite or kick names (legacy docs).
const PER_CALL_MAX: usize = 200;
/// `nick` and `custom` of a member: at most 32 characters.
const MEMBER_TEXT_MAX: usize = 32;

/// `superteam/invite.action`: `owner` (the owner or a manager; anyone with `invitemode=1`)
/// invites 1 to 200 accounts. The team's `beinvitemode` says whether they join at once (1)
/// or wait for their consent (0). Answers `{"code":200,"faccid"?}`; 809 if one is a member
/// already, 801 if they would overflow the limit.
pub(super) fn invite(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let invitees = account_list(&p, "inviteAccids", PER_CALL_MAX, false)?;
    let message = p.text_req("msg", INVITE_TEXT_MAX)?.to_owned();
    let accounts = lock(&state.accounts);
    all_known(&accounts, "inviteAccids", &invitees)?;
    let mut teams = lock(&state.teams);
    let consent = teams.get(at.0, at.1).map_err(|e| e.v1())?.modes.be_invite == 0;
    let invited = teams
        .invite(at, &owner, &invitees, consent, Some(message), now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::json(&with_failed(
        json!({ "code": 200 }),
        &invited.failed,
    )))
}

/// `superteam/kick.action`: `owner` (the owner, or a manager for ordinary members) removes
/// 1 to 200 members, all or none. Answers `{"code":200}`.
pub(super) fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let targets = account_list(&p, "kickAccids", PER_CALL_MAX, false)?;
    lock(&state.teams)
        .kick(at, &owner, &targets, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/leave.action`: member `accid` leaves (802 for the owner, who transfers
/// first). Answers `{"code":200}`.
pub(super) fn leave(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let accid = p.accid()?;
    lock(&state.teams)
        .leave(at, &accid, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/updateTeamNick.action`: `owner` sets member `accid`'s nickname (`""` clears
/// it). The store's rule decides who may: the member itself, a manager for ordinary
/// members, the owner for anyone. Answers `{"code":200}`.
pub(super) fn update_team_nick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let accid = p.accid()?;
    let nick = p
        .text_or_empty("nick", MEMBER_TEXT_MAX)?
        .ok_or_else(|| ApiError::param("nick is missing"))?;
    let changes = MemberChanges {
        nick: Some(nick.to_owned()),
        ..MemberChanges::default()
    };
    lock(&state.teams)
        .update_member(at, &owner, &accid, changes, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/updateTlist.action`: member `accid` changes its own `nick`, `custom` (`""`
/// clears either) and `silentType` (1: the team's notifications off). Answers
/// `{"code":200}`.
pub(super) fn update_tlist(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let accid = p.accid()?;
    let text = |name: &str| -> Result<Option<String>, ApiError> {
        Ok(p.text_or_empty(name, MEMBER_TEXT_MAX)?.map(str::to_owned))
    };
    let silent = p.int_opt("silentType", &[0, 1])?;
    let changes = MemberChanges {
        nick: text("nick")?,
        ext: text("custom")?,
        notify_state: silent.map(|s| u8::from(s == 1)),
        ..MemberChanges::default()
    };
    lock(&state.teams)
        .update_member(at, &accid, &accid, changes, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}
