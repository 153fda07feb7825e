//! System push (`/im/v2/push_notification`, Java SDK only): send stores a push, get reads
//! one, list pages through them newest first. Nothing official documents these operations;
//! the emulator's choices (each a guess) are:
//!
//! - `content` and `target_type` are required; `target_type` (and the list's `type`) can only
//!   be `1` (every user), the one value the Java SDK's test uses;
//! - `target_os` items are the broadcast platforms (`ios`, `aos`, `pc`, `web`, `mac`);
//! - `roam_expire_after` is in seconds (default 604800, 7 days) and counts only with
//!   `roam_enabled`; `roam_expire_time` is then `create_time` + that, in ms;
//! - `push_config.push_payload` must be JSON text;
//! - an unknown `push_id` answers 404; `limit` is 1 to 100 (default 100); `page_token` is
//!   the `next_token` of the previous page.

use serde_json::{Map, Value, json};

use super::State;
use crate::broadcasts::{TARGET_OS, check_target_os};
use crate::call::Call;
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::check_accid;
use crate::pushes::Push;
use crate::reply::{ApiError, Reply};
use nim_core::Code;

/// The target types known: every user.
const TARGET_TYPES: &[i64] = &[1];

/// The roaming period when `roam_enabled` gives none: 7 days, in seconds.
const DEFAULT_ROAM_SECS: u64 = 604_800;

/// The `push_config` members, checked and kept as sent.
fn push_config(config: &JsonBody) -> Result<Value, ApiError> {
    let mut kept = Map::new();
    for flag in ["push_nick_enabled", "push_badge_enabled"] {
        if let Some(on) = config.bool(flag)? {
            kept.insert(flag.to_owned(), Value::Bool(on));
        }
    }
    if let Some(text) = config.string("push_content", usize::MAX)? {
        kept.insert("push_content".to_owned(), Value::String(text));
    }
    if let Some(payload) = config.string("push_payload", usize::MAX)? {
        if serde_json::from_str::<Value>(&payload).is_err() {
            return Err(ApiError::param(format!(
                "{} must be JSON text",
                config.field("push_payload")
            )));
        }
        kept.insert("push_payload".to_owned(), Value::String(payload));
    }
    Ok(Value::Object(kept))
}

/// `POST /im/v2/push_notification`: `content`, `target_type`, `push_config`?,
/// `sender_account_id`?, `target_os`?, `roam_enabled`?, `roam_expire_after`? (s). data: the push.
pub(super) fn send(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let content = body.required_string("content", usize::MAX)?;
    let target_type = body
        .int("target_type", TARGET_TYPES)?
        .ok_or_else(|| body.missing("target_type"))?;
    let target_os = body
        .strings("target_os", TARGET_OS.len(), 8)?
        .unwrap_or_default();
    check_target_os("target_os", &target_os)?;
    let sender = body
        .string("sender_account_id", 32)?
        .filter(|s| !s.is_empty());
    if let Some(sender) = &sender {
        check_accid("sender_account_id", sender)?;
    }
    let roam_enabled = body.bool("roam_enabled")?.unwrap_or(false);
    let roam_secs = body.uint("roam_expire_after")?.unwrap_or(DEFAULT_ROAM_SECS);
    let push_config = body
        .object("push_config")?
        .map(|c| push_config(&c))
        .transpose()?;
    let sender = sender.map(|s| s.to_ascii_lowercase());
    if let Some(sender) = &sender {
        state.known_v2("sender_account_id", sender)?;
    }
    let now_ms = call.now.saturating_mul(1000);
    let push = lock(&state.pushes).insert(Push {
        sender,
        content,
        target_type,
        target_os,
        roam_enabled,
        roam_expire_time: roam_enabled
            .then(|| now_ms.saturating_add(roam_secs.saturating_mul(1000))),
        create_time: now_ms,
        push_config,
        ..Push::default()
    });
    Ok(Reply::ok_data(push.view()))
}

/// `GET /im/v2/push_notification/{push_id}`: data: the push; 404 if unknown.
pub(super) fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id: u64 = call
        .path_param("push_id")
        .parse()
        .map_err(|_| ApiError::param("push_id must be a non-negative integer"))?;
    let pushes = lock(&state.pushes);
    let push = pushes.get(id).ok_or_else(|| {
        ApiError::new(Code::NotFound, format!("push notification not found: {id}"))
    })?;
    Ok(Reply::ok_data(push.view()))
}

/// `GET /im/v2/push_notification?page_token&limit&type`: newest first. data `{has_more,
/// next_token, items}`.
pub(super) fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let limit = call.page_limit(100)?;
    let target_type = call.query_int_in("type", TARGET_TYPES)?;
    let before = match call.query_param("page_token") {
        None => None,
        Some(t) => Some(t.parse::<u64>().map_err(|_| {
            ApiError::param("page_token is not a token this server gave out: use next_token")
        })?),
    };
    let pushes = lock(&state.pushes);
    let rest = pushes.newest_first(target_type, before);
    let has_more = rest.len() > limit;
    let page: Vec<&Push> = rest.into_iter().take(limit).collect();
    let next = match page.last() {
        Some(p) if has_more => p.id.to_string(),
        _ => String::new(),
    };
    let items: Vec<Value> = page.into_iter().map(Push::view).collect();
    Ok(Reply::ok_data(
        json!({ "has_more": has_more, "next_token": next, "items": items }),
    ))
}
