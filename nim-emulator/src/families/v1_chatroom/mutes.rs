//! `chatroom/temporaryMute` and `chatroom/tagTemporaryMute`: temporary chat bans of one
//! member or of a tag, on the emulator's clock. The rules are the store's
//! ([`crate::chatrooms`] `bans`).

use serde_json::json;

use super::roles::NOTIFY_EXT_MAX;
use super::{State, now_ms, registered, rooms};
use crate::call::Call;
use crate::chatrooms::MUTE_SECONDS_MAX;
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// `targetTag`: at most 32 characters (the client guide's tag limit).
const TAG_MAX: usize = 32;
/// `notifyTargetTags`: at most 128 characters (the v2 twin's limit).
const TARGET_TAGS_MAX: usize = 128;

/// `chatroom/temporaryMute.action`: bans `target` from sending for `muteDuration` seconds
/// (0 lifts). Answers `{"code":200,"desc":{"muteDuration":n}}`.
pub(super) fn temporary_mute(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let operator = registered(&p, state, "operator")?;
    let target = registered(&p, state, "target")?;
    let seconds = duration(&p)?;
    notification(&p)?;
    let now = now_ms(call);
    let answered = rooms(call, state)
        .temp_mute(id, Some(&operator), &target, seconds, now)
        .map_err(|e| e.v1())?;
    Ok(answer(answered))
}

/// `chatroom/tagTemporaryMute.action`: bans tag `targetTag` from sending for
/// `muteDuration` seconds (0 lifts). Answers `{"code":200,"desc":{"muteDuration":n}}`
/// (under `desc`, as production does; the Java SDK reads `data`).
pub(super) fn tag_temporary_mute(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let operator = registered(&p, state, "operator")?;
    let tag = p.text_req("targetTag", TAG_MAX)?.to_owned();
    if tag.is_empty() {
        return Err(ApiError::param("targetTag is missing"));
    }
    let seconds = duration(&p)?;
    p.text("notifyTargetTags", TARGET_TAGS_MAX)?;
    notification(&p)?;
    let now = now_ms(call);
    let answered = rooms(call, state)
        .tag_mute(id, Some(&operator), &tag, seconds, now)
        .map_err(|e| e.v1())?;
    Ok(answer(answered))
}

/// The required `muteDuration`, 0 to 30 days in seconds.
fn duration(p: &Params) -> Result<u64, ApiError> {
    let seconds = p.u64_req("muteDuration")?;
    if seconds > MUTE_SECONDS_MAX {
        return Err(ApiError::param(format!(
            "muteDuration must be at most {MUTE_SECONDS_MAX}, not {seconds}"
        )));
    }
    Ok(seconds)
}

/// `needNotify` and `notifyExt`: checked, not kept (no clients to notify).
fn notification(p: &Params) -> Result<(), ApiError> {
    p.switch("needNotify")?;
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    Ok(())
}

fn answer(seconds: u64) -> Reply {
    Reply::json(&json!({ "code": 200, "desc": { "muteDuration": seconds } }))
}
