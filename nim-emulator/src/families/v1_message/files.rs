//! Files: `msg/upload.action` (base64 `content` in the form) and `job/nos/del.action` (delete
//! uploads of a time range). The URL an upload answers points at the emulator's admin route
//! `GET /_emulator/files/{id}`, which shows the file.

use serde_json::json;

use super::State;
use crate::base64;
use crate::call::Call;
use crate::lock;
use crate::notifications::Upload;
use crate::reply::{ApiError, Reply};

/// The largest decoded upload: 15 MB, as documented (the request body limit is lower).
const UPLOAD_MAX: usize = 15 * 1024 * 1024;
/// The shortest `expireSec`: one day.
const EXPIRE_MIN: u64 = 86_400;

/// `msg/upload.action`: answers `{"code":200,"url":"http://<emulator>/_emulator/files/<id>"}`.
/// The URL is always plain http (the emulator serves no TLS), whatever `ishttps` says.
pub(super) fn upload(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let content = p
        .get("content")
        .ok_or_else(|| ApiError::param("content is missing"))?;
    let bytes =
        base64::decode(content).ok_or_else(|| ApiError::param("content is not valid base64"))?;
    if bytes.len() > UPLOAD_MAX {
        return Err(ApiError::param(format!(
            "content is too large: {} bytes, at most {UPLOAD_MAX} allowed",
            bytes.len()
        )));
    }
    // The SDK treats a longer type as absent; the emulator is stricter and names it.
    let content_type = p.text("type", 128)?.map(str::to_owned);
    let tag = p.text("tag", 32)?.map(str::to_owned);
    p.flag("ishttps")?;
    if let Some(secs) = p.u64_opt("expireSec")?
        && secs < EXPIRE_MIN
    {
        return Err(ApiError::param(format!(
            "expireSec must be at least {EXPIRE_MIN}"
        )));
    }
    let host = call.headers.get("Host").unwrap_or("127.0.0.1");
    let time = call.now.saturating_mul(1000);
    let id = lock(&state.notes).upload(Upload {
        bytes,
        content_type,
        tag,
        time,
        ..Upload::default()
    });
    let url = format!("http://{host}/_emulator/files/{id}");
    Ok(Reply::json(&json!({ "code": 200, "url": url })))
}

/// `job/nos/del.action`: deletes the uploads made in `startTime..=endTime` (ms) whose type
/// contains `contentType` and whose tag equals `tag` (when given). Answers
/// `{"code":200,"data":{"taskid"}}`; the emulator does the work at once.
pub(super) fn delete_files(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let start = p.u64_req("startTime")?;
    let end = p.u64_req("endTime")?;
    if start > end {
        return Err(ApiError::param(
            "bad time: startTime must not be after endTime",
        ));
    }
    let content_type = p.get("contentType");
    let tag = p.get("tag");
    let mut notes = lock(&state.notes);
    notes.uploads.retain(|u| {
        let matches = start <= u.time
            && u.time <= end
            && content_type
                .is_none_or(|t| u.content_type.as_deref().is_some_and(|c| c.contains(t)))
            && tag.is_none_or(|t| u.tag.as_deref() == Some(t));
        !matches
    });
    let taskid = format!("emu-task-{}", call.now);
    Ok(Reply::json(
        &json!({ "code": 200, "data": { "taskid": taskid } }),
    ))
}
