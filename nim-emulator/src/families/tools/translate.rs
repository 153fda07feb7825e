//! Translation, v1 `translator/textMsg.action` and v2 `POST /im/v2/translations`: the text
//! (at most 5,000 characters, documented for v1 and applied to v2) and language codes are
//! checked, the account must exist, and the answer is [`fake::translate`]'s.

use serde_json::json;

use super::State;
use crate::call::Call;
use crate::fake::{self, AUTO, LANGUAGES};
use crate::families::message_common::known;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// The most characters translated at once.
const TEXT_MAX: usize = 5000;

/// A known language code for `field`; `auto` only where `auto_ok`.
fn language(field: &str, code: &str, auto_ok: bool) -> Result<(), ApiError> {
    if code == AUTO {
        return if auto_ok {
            Ok(())
        } else {
            Err(ApiError::param(format!("{field} cannot be auto")))
        };
    }
    if LANGUAGES.contains(&code) {
        Ok(())
    } else {
        Err(ApiError::param(format!(
            "{field} {code:?} is not a supported language"
        )))
    }
}

/// The source language reported: the one given, or the detected one for `auto`.
fn source<'a>(given: Option<&'a str>, text: &str) -> &'a str {
    match given {
        Some(code) if code != AUTO => code,
        _ => fake::detect(text),
    }
}

/// `translator/textMsg.action`: `accid`, `text`, `to`, `from`?. Answers `{"code":200,
/// "data":{translation, language: "<from>2<to>", timestamp}}`.
pub(super) fn v1(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let text = params.text_req("text", TEXT_MAX)?;
    let to = params.text_req("to", 64)?;
    language("to", to, false)?;
    let from = params.text("from", 64)?;
    if let Some(from) = from {
        language("from", from, true)?;
    }
    known(&lock(&state.accounts), "accid", &accid).map_err(|r| r.v1())?;
    Ok(Reply::json(&json!({
        "code": 200,
        "data": {
            "translation": fake::translate(text, to),
            "language": format!("{}2{to}", source(from, text)),
            "timestamp": call.now.saturating_mul(1000),
        },
    })))
}

/// `POST /im/v2/translations`: `operator_account_id`, `source_text`, `source_language`?,
/// `target_language`, `translator_config`? (`strict`, `vendor`). data `{translated_text,
/// source_language, target_language}`.
pub(super) fn v2(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let operator = body.required_string("operator_account_id", 32)?;
    crate::params::check_accid("operator_account_id", &operator)?;
    let text = body.required_string("source_text", TEXT_MAX)?;
    let from = body
        .string("source_language", 64)?
        .filter(|s| !s.is_empty());
    if let Some(from) = &from {
        language("source_language", from, true)?;
    }
    let to = body.required_string("target_language", 64)?;
    language("target_language", &to, false)?;
    if let Some(config) = body.object("translator_config")? {
        config.bool("strict")?;
        config.string("vendor", usize::MAX)?;
    }
    state.known_v2("operator_account_id", &operator.to_ascii_lowercase())?;
    Ok(Reply::ok_data(json!({
        "translated_text": fake::translate(&text, &to),
        "source_language": source(from.as_deref(), &text),
        "target_language": to,
    })))
}
