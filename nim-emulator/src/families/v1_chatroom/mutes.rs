//! `chatroom/temporaryMute` and `chatroom/tagTemporaryMute`: temporary chat bans of one
//! member or of a tag, on the emulator's clock. The rules are the store's
//! ([`crate::chatrooms`] `bans`).

use serde_json::json;

use super::{State, existing, now_ms, rooms};
use crate::call::Call;
use crate::chatrooms::{NOTIFY_EXT_MAX, TAG_MAX, TARGET_TAGS_MAX, check_mute_seconds};
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// `chatroom/temporaryMute.action`: bans `target` from sending for `muteDuration` seconds
/// (0 lifts). The target needs no membership: any registered account (404 otherwise).
/// Answers `{"code":200,"desc":{"muteDuration":n}}`.
pub(super) fn temporary_mute(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let operator = existing(&p, state, "operator")?;
    let target = existing(&p, state, "target")?;
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
    let operator = existing(&p, state, "operator")?;
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
    check_mute_seconds("muteDuration", seconds).map_err(|e| e.v1())?;
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
