//! Members coming and going, and their own settings: `team/add`, `team/kick`, `team/leave`,
//! `team/updateTeamNick`, `team/muteTeam`.

use serde_json::json;

use super::{
    INVITE_TEXT_MAX, MEMBERS_PER_CALL, State, account_list, all_known, attach, team_ref,
    with_failed,
};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::MemberChanges;

/// `nick`: at most 32 characters.
const NICK_MAX: usize = 32;
/// A member's `custom`: at most 1024 characters.
const MEMBER_CUSTOM_MAX: usize = 1024;

/// `team/add.action`: `owner` (anyone the team's `invitemode` lets) invites `members` with
/// the text `msg`; they must accept when `magree=1` and the team's `beinvitemode` is 0.
/// Answers `{"code":200}`, plus `faccid` naming the invitees in too many teams. A member
/// already in is 809, an overflow 801 (nobody joins), an inviter without the right 802.
pub(super) fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let invitees = account_list(&p, "members", MEMBERS_PER_CALL, false)?;
    let message = p.text_req("msg", INVITE_TEXT_MAX)?.to_owned();
    let magree = p.int_opt("magree", &[0, 1])?;
    attach(&p)?;
    let accounts = lock(&state.accounts);
    all_known(&accounts, "members", &invitees)?;
    let mut teams = lock(&state.teams);
    let be_invite = teams
        .get(team.0, team.1)
        .map_err(|e| e.v1())?
        .modes
        .be_invite;
    let consent = magree == Some(1) && be_invite == 0;
    let now = call.now.saturating_mul(1000);
    let invited = teams
        .invite(team, &operator, &invitees, consent, Some(message), now)
        .map_err(|e| e.v1())?;
    Ok(Reply::json(&with_failed(
        json!({ "code": 200 }),
        &invited.failed,
    )))
}

/// `team/kick.action`: `owner` (the owner, or a manager for ordinary members) removes
/// `member`, or `members` when `member` is absent (the docs: `member` wins); neither is 414.
/// Refused as a whole when one may not go. Answers `{"code":200}`.
pub(super) fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let targets = if p.get("member").is_some() {
        vec![p.account_id("member")?]
    } else if p.get("members").is_some() {
        account_list(&p, "members", MEMBERS_PER_CALL, false)?
    } else {
        return Err(ApiError::param("member or members is required"));
    };
    attach(&p)?;
    lock(&state.teams)
        .kick(team, &operator, &targets, call.now.saturating_mul(1000))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `team/leave.action`: member `accid` leaves; the owner cannot (802: it transfers the team
/// first). Answers `{"code":200}`.
pub(super) fn leave(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let accid = p.accid()?;
    attach(&p)?;
    lock(&state.teams)
        .leave(team, &accid, call.now.saturating_mul(1000))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `team/updateTeamNick.action`: `owner` sets member `accid`'s `nick` and `custom` (an
/// empty value clears one; neither set changes nothing, as both are optional in the docs).
/// A member edits its own record, a manager an ordinary member's, the owner anyone's.
/// Answers `{"code":200}`.
pub(super) fn update_nick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let target = p.accid()?;
    let changes = MemberChanges {
        nick: p.text_or_empty("nick", NICK_MAX)?.map(str::to_owned),
        ext: p
            .text_or_empty("custom", MEMBER_CUSTOM_MAX)?
            .map(str::to_owned),
        ..MemberChanges::default()
    };
    lock(&state.teams)
        .update_member(
            team,
            &operator,
            &target,
            changes,
            call.now.saturating_mul(1000),
        )
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `team/muteTeam.action`: member `accid` turns its notifications of the team's messages off
/// (`ope=1`) or on (`ope=2`). Not a speaking ban: messages still arrive. Answers
/// `{"code":200}`; a non-member is 804.
pub(super) fn notification_switch(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let accid = p.accid()?;
    // The store's notify states: 0 every message notifies, 1 none.
    let notify_state = match p.int_in("ope", &[1, 2])? {
        1 => 1,
        _ => 0,
    };
    let changes = MemberChanges {
        notify_state: Some(notify_state),
        ..MemberChanges::default()
    };
    lock(&state.teams)
        .update_member(team, &accid, &accid, changes, call.now.saturating_mul(1000))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}
