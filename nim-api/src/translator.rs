//! The v1 `translator/*` action (family "translations"): machine translation of a text
//! message, `translator/textMsg.action`.
//!
//! Translation is an add-on the app must have enabled (contact sales); one call translates
//! at most 5,000 characters, at most one million calls an hour, 100 calls a second per app
//! (then a 10 s block). Facts from the official page (DY2OTgxNzc) and both SDKs, which
//! agree.
//!
//! **Language codes.** The page links a list of supported codes that no source here
//! reproduces; its examples (`en`, `zh-CHS`, `la2en`, the v2 example `th`) are the Youdao
//! translation API's codes. So a code is checked for its *form* only, before sending: 1 to
//! 16 characters, ASCII letters, digits and `-` (the limit of 16 is a guess, well above
//! every code seen). Whether the server knows the code is the server's call. `auto` (detect)
//! is allowed as a source, never as a target.
//!
//! ```
//! use nim_api::translator::TranslateTextMsg;
//! # use nim_api::Endpoint as _;
//!
//! let request = TranslateTextMsg::new("zhangsan", "你好", "en");
//! assert_eq!(request.to_form().unwrap(), "accid=zhangsan&text=%E4%BD%A0%E5%A5%BD&to=en");
//! ```

use std::borrow::Cow;

use serde::Deserialize;

use crate::Accid;
use crate::validate::ValidationError;
use crate::wire::optional_number;

/// The language code meaning "detect the source language" (`auto`).
pub const AUTO: &str = "auto";

/// The longest language code accepted (a guess: no source gives one; real codes have at
/// most 7 characters, `sr-Cyrl`).
pub const LANGUAGE_CODE_MAX: usize = 16;

/// The most characters one call translates (documented for v1; assumed for v2).
pub const TEXT_MAX: usize = 5000;

/// `translator/textMsg.action`: translates `text` (at most 5,000 characters) into `to` for
/// account `accid`. Answers the translation, the language pair (`la2en`) and when it was
/// done.
///
/// `from` defaults to `auto` (detected); `to` must name a language (`auto` is refused
/// before sending, as the docs forbid it). Idempotent: it changes no state (each call is
/// billed, though).
///
/// ```
/// use nim_api::translator::TranslateTextMsg;
/// # use nim_api::Endpoint as _;
///
/// let request = TranslateTextMsg::new("ZhangSan", "Salve", "en").from("la");
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&text=Salve&to=en&from=la");
/// let to_auto = TranslateTextMsg::new("zhangsan", "Salve", "auto");
/// assert_eq!(to_auto.validate().unwrap_err().field(), "to");
/// let long = TranslateTextMsg::new("zhangsan", "字".repeat(5001), "en");
/// assert_eq!(long.validate().unwrap_err().to_string(), "`text` has 5001 characters, at most 5000 allowed");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "translator/textMsg.action", idempotent, setters,
      response = TextTranslation, response_field = "data")]
pub struct TranslateTextMsg {
    /// The account asking for the translation.
    pub accid: Accid,
    /// The text, 1 to 5,000 characters.
    #[nim(required, max_len = 5000)]
    pub text: String,
    /// The target language code, e.g. `en`; never `auto`.
    #[nim(required, custom = target_language)]
    pub to: String,
    /// The source language code, e.g. `zh-CHS`; detected (`auto`) when unset.
    #[nim(custom = source_language)]
    pub from: Option<String>,
}

/// The `data` of a [`TranslateTextMsg`] answer.
///
/// ```
/// use nim_api::translator::TextTranslation;
///
/// let answer: TextTranslation = serde_json::from_str(
///     r#"{"translation":"Hello","language":"la2en","timestamp":1658233825185}"#,
/// ).unwrap();
/// assert_eq!(answer.pair(), Some(("la", "en")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TextTranslation {
    /// The translated text.
    #[serde(default)]
    pub translation: String,
    /// The source and target codes joined by `2` (`la2en`): source before, target after.
    #[serde(default)]
    pub language: String,
    /// When the translation was done, Unix ms.
    #[serde(default, deserialize_with = "optional_number")]
    pub timestamp: Option<u64>,
}

impl TextTranslation {
    /// [`language`](Self::language) split into (source, target) at its `2`. Codes never
    /// hold a digit `2`, so the split is unambiguous; `None` when there is none.
    pub fn pair(&self) -> Option<(&str, &str)> {
        self.language.split_once('2')
    }
}

/// A language code's form: 1 to [`LANGUAGE_CODE_MAX`] ASCII letters, digits or `-`.
pub(crate) fn language_code(code: &str) -> Result<(), ValidationError> {
    let bad = |why: Cow<'static, str>| Err(ValidationError::custom("", why));
    if code.is_empty() {
        return bad("a language code is needed".into());
    }
    let count = code.chars().count();
    if count > LANGUAGE_CODE_MAX {
        return bad(format!(
            "a language code has at most {LANGUAGE_CODE_MAX} characters, this one {count}"
        )
        .into());
    }
    if let Some(c) = code
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
    {
        return bad(format!(
            "{c:?} cannot be in a language code (ASCII letters, digits and `-` only)"
        )
        .into());
    }
    Ok(())
}

/// A target language: a well-formed code other than `auto`.
pub(crate) fn target_language(code: &str) -> Result<(), ValidationError> {
    language_code(code)?;
    if code.eq_ignore_ascii_case(AUTO) {
        return Err(ValidationError::custom(
            "",
            "the target language cannot be `auto`: name one, e.g. `en`",
        ));
    }
    Ok(())
}

/// An optional source language: a well-formed code (`auto` allowed) when set.
pub(crate) fn source_language(code: &Option<String>) -> Result<(), ValidationError> {
    code.as_deref().map_or(Ok(()), language_code)
}

crate::catalogue::family! {
    "translator::";
    TranslateTextMsg,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Endpoint as _;

    #[test]
    fn language_codes_are_checked_for_form() {
        assert!(language_code("zh-CHS").is_ok());
        assert!(language_code("sr-Cyrl").is_ok());
        assert!(language_code("").is_err());
        assert!(language_code("en_US").is_err());
        assert!(language_code(&"x".repeat(17)).is_err());
        assert!(target_language("AUTO").is_err());
        assert!(source_language(&Some("auto".to_owned())).is_ok());
        assert!(source_language(&None).is_ok());
    }

    #[test]
    fn errors_name_the_field_and_rule() {
        let err = TranslateTextMsg::new("a", "t", "e n")
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), "to");
        assert!(err.to_string().contains("' '"), "{err}");
        let err = TranslateTextMsg::new("a", "t", "en")
            .from("zh_CHS")
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), "from");
        let err = TranslateTextMsg::new("a", "", "en").validate().unwrap_err();
        assert_eq!(err.field(), "text");
    }
}
