//! v2 `tool` family: speech recognition (`/im/v2/tools/asr`) and text translation
//! (`/im/v2/translations`).
//!
//! Facts from both official SDKs (which agree except that only the Go SDK sends
//! `translator_config.vendor`) and the official Apifox page for translation. No official
//! page for speech recognition was found: its limits are not documented.
//!
//! Language codes are checked for their form only, as for v1
//! [`TranslateTextMsg`](crate::translator::TranslateTextMsg): see [`crate::translator`].

use serde::Deserialize;

use crate::Accid;
use crate::translator::{source_language, target_language};

crate::callback::lenient::text_enum! {
    /// An audio file's format (`format`): the four the SDKs name, and any other as
    /// [`Other`](AudioFormat::Other) (their comments say "such as wav, opus, mp3, aac"; no
    /// complete list is documented).
    ///
    /// ```
    /// use nim_api::v2::tool::AudioFormat;
    ///
    /// assert_eq!(serde_json::to_string(&AudioFormat::Mp3).unwrap(), r#""mp3""#);
    /// let amr = AudioFormat::Other("amr".into());
    /// assert_eq!(serde_json::to_string(&amr).unwrap(), r#""amr""#);
    /// assert_eq!(serde_json::from_str::<AudioFormat>(r#""amr""#).unwrap(), amr);
    /// ```
    pub enum AudioFormat {
        /// WAV (`"wav"`).
        Wav = "wav",
        /// Opus (`"opus"`).
        Opus = "opus",
        /// MP3 (`"mp3"`).
        Mp3 = "mp3",
        /// AAC (`"aac"`).
        Aac = "aac",
    }
}

/// `POST /im/v2/tools/asr` (asr): the text spoken in the audio file at `url`, as heard by
/// the server's speech recognition. Answers `{text}`.
///
/// `sample_rate` (Hz) and `duration` (ms) describe the audio; both optional. No limit on
/// the URL or the audio is documented. Idempotent: it changes no state.
///
/// ```
/// use nim_api::v2::tool::{Asr, AudioFormat};
/// # use nim_api::Endpoint as _;
///
/// let request = Asr::new("ZhangSan", AudioFormat::Mp3, "https://example.com/a.mp3")
///     .sample_rate(16000u32)
///     .duration(3200u64);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/tools/asr");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_account_id":"zhangsan","format":"mp3","url":"https://example.com/a.mp3","sample_rate":16000,"duration":3200}"#,
/// );
/// assert_eq!(Asr::new("zhangsan", AudioFormat::Wav, "").validate().unwrap_err().field(), "url");
/// let unnamed = Asr::new("zhangsan", AudioFormat::Other(String::new()), "https://example.com/a");
/// assert_eq!(unnamed.validate().unwrap_err().field(), "format");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/tools/asr", idempotent, setters, response = AsrResult)]
pub struct Asr {
    /// The account asking.
    pub operator_account_id: Accid,
    /// The audio's format (an [`Other`](AudioFormat::Other) must not be empty).
    #[nim(custom = named_format)]
    pub format: AudioFormat,
    /// Where the server downloads the audio from.
    #[nim(required)]
    pub url: String,
    /// The sampling rate, in Hz (e.g. 16000).
    pub sample_rate: Option<u32>,
    /// The audio's length, in milliseconds.
    pub duration: Option<u64>,
}

/// The `data` of an [`Asr`] answer.
///
/// ```
/// let answer: nim_api::v2::tool::AsrResult = serde_json::from_str(r#"{"text":"你好"}"#).unwrap();
/// assert_eq!(answer.text, "你好");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct AsrResult {
    /// The recognised text.
    #[serde(default)]
    pub text: String,
}

/// How a [`TranslateText`] translates (`translator_config`).
///
/// ```
/// use nim_api::v2::tool::TranslatorConfig;
///
/// let config = TranslatorConfig::new().strict(true);
/// assert_eq!(serde_json::to_string(&config).unwrap(), r#"{"strict":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct TranslatorConfig {
    /// Use exactly the given source and target languages (Apifox: default `true`).
    pub strict: Option<bool>,
    /// The translation provider. Only the Go SDK sends it; its values are not documented.
    pub vendor: Option<String>,
}

/// `POST /im/v2/translations` (translateText): translates `source_text` into
/// `target_language`. Answers the translation and both languages (the source as detected
/// when it was `auto`).
///
/// `source_language` unset means `auto`: the Java SDK fills in `"auto"`, the Go SDK leaves
/// it out; this client leaves it out too. Apifox marks nothing required, both SDKs mark
/// `operator_account_id`, `source_text` and `target_language` required, as here. The text
/// limit is not documented for v2: v1's 5,000 characters is assumed. Idempotent: it
/// changes no state (each call is billed, though).
///
/// ```
/// use nim_api::v2::tool::{TranslateText, TranslatorConfig};
/// # use nim_api::Endpoint as _;
///
/// let request = TranslateText::new("zhangsan", "你好中国", "th")
///     .source_language("zh-CHS")
///     .translator_config(TranslatorConfig::new().strict(true));
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     r#"{"operator_account_id":"zhangsan","source_text":"你好中国","source_language":"zh-CHS","target_language":"th","translator_config":{"strict":true}}"#,
/// );
/// let bad = TranslateText::new("zhangsan", "hi", "auto");
/// assert_eq!(bad.validate().unwrap_err().field(), "target_language");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/translations", idempotent, setters, response = TranslatedText)]
pub struct TranslateText {
    /// The account asking.
    pub operator_account_id: Accid,
    /// The text, 1 to 5,000 characters (limit assumed from v1).
    #[nim(required, max_len = 5000)]
    pub source_text: String,
    /// The source language code; detected (`auto`) when unset.
    #[nim(custom = source_language)]
    pub source_language: Option<String>,
    /// The target language code, e.g. `en`; never `auto`.
    #[nim(required, custom = target_language)]
    pub target_language: String,
    /// How to translate.
    pub translator_config: Option<TranslatorConfig>,
}

/// The `data` of a [`TranslateText`] answer.
///
/// ```
/// let answer: nim_api::v2::tool::TranslatedText = serde_json::from_str(
///     r#"{"translated_text":"สวัสดีประเทศจีน","source_language":"zh-CHS","target_language":"th"}"#,
/// ).unwrap();
/// assert_eq!(answer.source_language, "zh-CHS");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TranslatedText {
    /// The translation.
    #[serde(default)]
    pub translated_text: String,
    /// The source language (the detected one when `auto` was asked).
    #[serde(default)]
    pub source_language: String,
    /// The target language.
    #[serde(default)]
    pub target_language: String,
}

/// An [`AudioFormat::Other`] must name a format.
fn named_format(format: &AudioFormat) -> Result<(), crate::validate::ValidationError> {
    if format.as_str().trim().is_empty() {
        return Err(crate::validate::ValidationError::custom(
            "",
            "an AudioFormat::Other must name a format",
        ));
    }
    Ok(())
}

crate::catalogue::family! {
    "v2::tool::";
    Asr, TranslateText,
}
