//! Speech recognition (`POST /im/v2/tools/asr`) and the AI chat assistant (`POST
//! /ai/chat_assistant/v1/chat_assist`): checked, then answered by [`fake`]'s rules.

use serde_json::{Value, json};

use super::State;
use crate::call::Call;
use crate::fake::{self, STYLES};
use crate::json_body::JsonBody;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// The audio formats the SDKs name.
const FORMATS: &[&str] = &["wav", "opus", "mp3", "aac"];

/// The documented limits of chat assist: each tag list and the history (characters of all
/// their texts), the last message, and the number of styles.
const TAGS_MAX: usize = 2000;
const HISTORY_MAX: usize = 1500;
const LAST_MESSAGE_MAX: usize = 256;
const STYLES_MAX: usize = 3;

/// A required account id field, checked and lowercased.
fn account(body: &JsonBody, name: &str) -> Result<String, ApiError> {
    let id = body.required_string(name, 32)?;
    check_accid(&body.field(name), &id)?;
    Ok(id.to_ascii_lowercase())
}

/// `POST /im/v2/tools/asr`: `operator_account_id`, `format` (wav, opus, mp3, aac), `url`
/// (http or https), `sample_rate`?, `duration`? (ms). data `{text}`.
pub(super) fn asr(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let operator = account(&body, "operator_account_id")?;
    let format = body.required_string("format", 16)?;
    if !FORMATS.contains(&format.as_str()) {
        return Err(ApiError::param(format!(
            "format {format:?} is not supported: only {}",
            FORMATS.join(", ")
        )));
    }
    let url = body.required_string("url", usize::MAX)?;
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(ApiError::param("url must be an http or https URL"));
    }
    if body.uint("sample_rate")? == Some(0) {
        return Err(ApiError::param("sample_rate must be positive"));
    }
    body.uint("duration")?;
    state.known_v2("operator_account_id", &operator)?;
    Ok(Reply::ok_data(
        json!({ "text": fake::recognise(&format, &url) }),
    ))
}

/// An optional list of strings whose texts add up to at most `max` characters.
fn tags(body: &JsonBody, name: &str) -> Result<(), ApiError> {
    let tags = body
        .strings(name, usize::MAX, TAGS_MAX)?
        .unwrap_or_default();
    let total: usize = tags.iter().map(|t| t.chars().count()).sum();
    if total > TAGS_MAX {
        return Err(ApiError::param(format!(
            "{name} has {total} characters, at most {TAGS_MAX} allowed"
        )));
    }
    Ok(())
}

/// `POST /ai/chat_assistant/v1/chat_assist`: `sender_id`, `receiver_id`, `style_list` (1 to
/// 3 of warm, hot, smart, stochastic), `sender_tag_list`?, `receiver_tag_list`?,
/// `receiver_last_message`?, `history`? (`[{sender_id, text}]`). data `{items: [{style,
/// style_name, answer}]}`.
pub(super) fn chat_assist(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let sender = account(&body, "sender_id")?;
    let receiver = account(&body, "receiver_id")?;
    tags(&body, "sender_tag_list")?;
    tags(&body, "receiver_tag_list")?;
    let last = body.string("receiver_last_message", LAST_MESSAGE_MAX)?;
    let styles = body
        .strings("style_list", STYLES_MAX, 16)?
        .unwrap_or_default();
    if styles.is_empty() {
        return Err(body.missing("style_list"));
    }
    let mut items = Vec::with_capacity(styles.len());
    for style in &styles {
        let Some((_, name)) = STYLES.iter().find(|(code, _)| code == style) else {
            return Err(ApiError::param(format!(
                "style_list: unknown style {style:?}"
            )));
        };
        items.push((style.clone(), *name));
    }
    let mut history = Vec::new();
    for item in body.objects("history")?.unwrap_or_default() {
        account(&item, "sender_id")?;
        history.push(item.required_string("text", HISTORY_MAX)?);
    }
    let total: usize = history.iter().map(|t| t.chars().count()).sum();
    if total > HISTORY_MAX {
        return Err(ApiError::param(format!(
            "history has {total} characters, at most {HISTORY_MAX} allowed"
        )));
    }
    state.known_v2("sender_id", &sender)?;
    state.known_v2("receiver_id", &receiver)?;
    let last = last
        .filter(|l| !l.is_empty())
        .or_else(|| history.first().cloned())
        .unwrap_or_default();
    let items: Vec<Value> = items
        .into_iter()
        .map(|(style, name)| {
            json!({ "style": style, "style_name": name, "answer": fake::suggest(&style, &last) })
        })
        .collect();
    Ok(Reply::ok_data(json!({ "items": items })))
}
