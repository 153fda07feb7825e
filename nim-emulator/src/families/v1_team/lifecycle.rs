//! Making, editing and dismissing a team: `team/create`, `team/update`, `team/remove`.

use serde_json::{Value, json};

use super::{
    CREATE_MEMBERS_MAX, INVITE_TEXT_MAX, KIND, State, account_list, all_known, attach, mode,
    team_ref, with_failed,
};
use crate::call::Call;
use crate::lock;
use crate::params::Params;
use crate::reply::{ApiError, Reply};
use crate::teams::{
    DEFAULT_MEMBER_LIMIT, Info, ModeChanges, Modes, NewTeam, TeamChanges, TeamMute,
};

/// `tname`: at most 64 characters.
const NAME_MAX: usize = 64;

/// `team/create.action`: `owner` makes team `tname` and invites `members` (`[]` or absent:
/// a team of one) with the text `msg`. Answers `{"code":200,"tid":"<id>"}` (a string, as
/// the docs' example shows it), plus `faccid` naming the invitees in too many teams; the
/// owner in too many teams is 806, invitees over the member limit 801.
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let name = p.text_req("tname", NAME_MAX)?.to_owned();
    let owner = p.account_id("owner")?;
    // The docs require `members`; both SDKs leave it out when it is empty: both are read.
    let mut invitees = match p.get("members") {
        Some(_) => account_list(&p, "members", CREATE_MEMBERS_MAX, true)?,
        None => Vec::new(),
    };
    invitees.retain(|a| *a != owner);
    let message = p.text_req("msg", INVITE_TEXT_MAX)?.to_owned();
    let magree = p.int_opt("magree", &[0, 1])?;
    p.int_in("joinmode", &[0, 1, 2])?;
    let settings = settings(&p)?;
    let notify_online = p.int_opt("isNotifyCloseOnline", &[0, 1])?;
    let notify_persistent = p.int_opt("isNotifyClosePersistent", &[0, 1])?;
    attach(&p)?;
    let mut info = Info {
        name: Some(name),
        ..Info::default()
    };
    info.apply(settings.info);
    let mut modes = Modes::default();
    modes.apply(settings.modes);
    // Consent is asked only when the call asks for it and the team's mode allows it.
    let consent = magree == Some(1) && modes.be_invite == 0;
    let new = NewTeam {
        kind: KIND,
        owner: owner.clone(),
        info,
        modes,
        limit: settings.limit.unwrap_or(DEFAULT_MEMBER_LIMIT),
        mute: TeamMute::None,
        notify_close_online: notify_online == Some(1),
        notify_close_persistent: notify_persistent == Some(1),
    };
    let accounts = lock(&state.accounts);
    all_known(&accounts, "owner", std::slice::from_ref(&owner))?;
    all_known(&accounts, "members", &invitees)?;
    let now = call.now.saturating_mul(1000);
    let (tid, invited) = lock(&state.teams)
        .create(new, &invitees, consent, Some(message), now)
        .map_err(|e| e.v1())?;
    let answer = json!({ "code": 200, "tid": tid.to_string() });
    Ok(Reply::json(&with_failed(answer, &invited.failed)))
}

/// `team/update.action`: `owner` (or a member the team's modes allow) changes what the
/// form sets; an empty text clears it (the name excepted). Lowering the member limit below
/// the team's size is 414. Answers `{"code":200}`.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let mut changes = settings(&p)?;
    changes.info.name = p.text("tname", NAME_MAX)?.map(str::to_owned);
    attach(&p)?;
    lock(&state.teams)
        .update(team, &operator, changes, call.now.saturating_mul(1000))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `team/remove.action`: the owner dismisses the team. Answers `{"code":200}`; a repeat
/// finds no team (803).
pub(super) fn remove(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    attach(&p)?;
    lock(&state.teams)
        .dismiss(team, &operator)
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// What create and update both read: the texts (`Some("")` clears one), the modes, the
/// member limit, and `bid` (checked: a JSON object; moderation is not emulated).
fn settings(p: &Params) -> Result<TeamChanges, ApiError> {
    let text = |name: &str, max: usize| p.text_or_empty(name, max).map(|t| t.map(str::to_owned));
    let info = Info {
        icon: text("icon", 1024)?,
        announcement: text("announcement", 1024)?,
        intro: text("intro", 512)?,
        custom: text("custom", 1024)?,
        ..Info::default()
    };
    let modes = ModeChanges {
        join: mode(p, "joinmode", &[0, 1, 2])?,
        be_invite: mode(p, "beinvitemode", &[0, 1])?,
        invite: mode(p, "invitemode", &[0, 1])?,
        update_info: mode(p, "uptinfomode", &[0, 1])?,
        update_custom: mode(p, "upcustommode", &[0, 1])?,
    };
    let limit = match p.u64_opt("teamMemberLimit")? {
        None => None,
        Some(n) if n >= 2 => usize::try_from(n).ok(),
        Some(n) => {
            return Err(ApiError::param(format!(
                "teamMemberLimit must be at least 2, not {n}"
            )));
        }
    };
    if let Some(bid) = p.text("bid", 1024)?
        && !matches!(serde_json::from_str(bid), Ok(Value::Object(_)))
    {
        return Err(ApiError::param(
            "bid must be a JSON object, e.g. {\"textbid\":\"..\",\"picbid\":\"..\"}",
        ));
    }
    Ok(TeamChanges {
        info,
        modes,
        limit,
        mute: None,
    })
}
