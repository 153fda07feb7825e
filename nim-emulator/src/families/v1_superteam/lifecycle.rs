//! A super team's life: `create`, `updateTinfo`, `changeLevel`, `dismiss`.

use serde_json::{Value, json};

use super::{State, account_list, all_known, now_ms, team_at, with_failed};
use crate::call::Call;
use crate::lock;
use crate::params::Params;
use crate::reply::{ApiError, Reply};
use crate::teams::{
    DEFAULT_MEMBER_LIMIT, Info, Kind, ModeChanges, Modes, NewTeam, TeamChanges, TeamMute,
};

/// `tname`: at most 64 characters.
const NAME_MAX: usize = 64;
/// `msg`, the invitation text: at most 150 characters.
pub(super) const INVITE_TEXT_MAX: usize = 150;
/// `intro`: at most 512 characters.
const INTRO_MAX: usize = 512;
/// `announcement`, `serverCustom`, `icon`: at most 1024 characters.
const TEXT_MAX: usize = 1024;
/// The owner and the invitees of a create are at most 200 together.
const CREATE_INVITEES_MAX: usize = 199;

/// The texts and modes create and updateTinfo share (every one optional; an empty text
/// clears it in an update). `bid` must be JSON when given.
fn settings(p: &Params) -> Result<(Info, ModeChanges), ApiError> {
    let text = |name: &str, max: usize| -> Result<Option<String>, ApiError> {
        Ok(p.text_or_empty(name, max)?.map(str::to_owned))
    };
    let info = Info {
        name: p.text("tname", NAME_MAX)?.map(str::to_owned),
        icon: text("icon", TEXT_MAX)?,
        announcement: text("announcement", TEXT_MAX)?,
        intro: text("intro", INTRO_MAX)?,
        custom: text("serverCustom", TEXT_MAX)?,
        client_custom: None,
    };
    let mode = |name: &str, allowed: &[i64]| -> Result<Option<u8>, ApiError> {
        Ok(p.int_opt(name, allowed)?.and_then(|m| u8::try_from(m).ok()))
    };
    let modes = ModeChanges {
        join: mode("joinmode", &[0, 1, 2])?,
        be_invite: mode("beinvitemode", &[0, 1])?,
        invite: mode("invitemode", &[0, 1])?,
        update_info: mode("uptinfomode", &[0, 1])?,
        update_custom: mode("upcustommode", &[0, 1])?,
    };
    if let Some(bid) = p.get("bid")
        && serde_json::from_str::<Value>(bid).is_err()
    {
        return Err(ApiError::param("bid must be JSON"));
    }
    Ok((info, modes))
}

/// The member limit `tlevel`, at least 2 when given.
fn level(p: &Params) -> Result<Option<usize>, ApiError> {
    match p.u64_opt("tlevel")? {
        None => Ok(None),
        Some(n) if n >= 2 => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX))),
        Some(_) => Err(ApiError::param("tlevel must be at least 2")),
    }
}

/// `superteam/create.action`: a super team owned by `owner`, with `inviteAccids` invited
/// (joining at once with `beinvitemode=1`, else waiting for their consent). `inviteAccids`
/// may be `[]` or absent (the SDKs leave it out when empty). `joinmode` may be absent and
/// then is 0: the legacy docs require it, but the Java SDK's Javadoc makes it optional with
/// default 0 and the Go SDK leaves a 0 out, so both SDKs send creates without it. Answers
/// `{"code":200,"tid":"<id>","faccid"?}`; 801 when the invitees overflow `tlevel`, 806 when
/// the owner is in as many teams as an account may be.
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let owner = p.account_id("owner")?;
    let mut invitees = match p.get("inviteAccids") {
        None => Vec::new(),
        Some(text) if text.trim() == "[]" => Vec::new(),
        Some(_) => account_list(&p, "inviteAccids", CREATE_INVITEES_MAX, false)?,
    };
    invitees.retain(|a| *a != owner);
    p.text_req("tname", NAME_MAX)?;
    let message = p.text_req("msg", INVITE_TEXT_MAX)?.to_owned();
    let (info, changes) = settings(&p)?;
    let mut modes = Modes::default();
    modes.apply(changes);
    let new = NewTeam {
        kind: Kind::Super,
        owner: owner.clone(),
        info,
        modes,
        limit: level(&p)?.unwrap_or(DEFAULT_MEMBER_LIMIT),
        mute: TeamMute::None,
        notify_close_online: false,
        notify_close_persistent: false,
    };
    let accounts = lock(&state.accounts);
    all_known(&accounts, "owner", std::slice::from_ref(&owner))?;
    all_known(&accounts, "inviteAccids", &invitees)?;
    let consent = modes.be_invite == 0;
    let (tid, invited) = lock(&state.teams)
        .create(new, &invitees, consent, Some(message), now_ms(call))
        .map_err(|e| e.v1())?;
    let answer = json!({ "code": 200, "tid": tid.to_string() });
    Ok(Reply::json(&with_failed(answer, &invited.failed)))
}

/// `superteam/dismiss.action`: the owner dismisses the team. Answers `{"code":200}`.
pub(super) fn dismiss(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    lock(&state.teams).dismiss(at, &owner).map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/updateTinfo.action`: `owner` (the owner or a manager; any member for the texts
/// with `uptinfomode=1`, for `serverCustom` with `upcustommode=1`) changes what is given.
/// An empty `tname` is refused (a team keeps a name). Answers `{"code":200}`.
pub(super) fn update_tinfo(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    if p.raw("tname") == Some("") {
        return Err(ApiError::param("tname must not be empty"));
    }
    let (info, modes) = settings(&p)?;
    let changes = TeamChanges {
        info,
        modes,
        ..TeamChanges::default()
    };
    lock(&state.teams)
        .update(at, &owner, changes, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/changeLevel.action`: the owner alone sets the member limit `tlevel` (at least
/// 2, and not below the current member count: 414). Answers `{"code":200}`.
pub(super) fn change_level(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let limit = level(&p)?.ok_or_else(|| ApiError::param("tlevel is missing"))?;
    let changes = TeamChanges {
        limit: Some(limit),
        ..TeamChanges::default()
    };
    let mut teams = lock(&state.teams);
    teams
        .update(at, &owner, changes, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}
