//! Stand-in answers for the actions the emulator cannot really perform (machine
//! translation, speech recognition, the AI chat assistant): deterministic, documented, and
//! plainly fake, so a test can predict them exactly and nobody mistakes them for real output.
//!
//! The requests are still checked (required fields, lengths, known accounts, and the
//! language and format codes below, which are the emulator's lists: the Youdao codes of the
//! official examples and the SDKs' four audio formats; the real server may accept more);
//! only the result is made up.

/// The (method, path as in the inventories `docs/spec/v1-paths.txt` / `v2-ops.txt`) of
/// every action whose answer is a fake stand-in rather than an emulated effect. Each is
/// answered by a fixed rule:
///
/// - translation (`translator/textMsg.action`, `POST /im/v2/translations`): the text is
///   `"[<target>] " + text`; an `auto` (or absent) source is "detected" as `zh-CHS` when the
///   text has a CJK ideograph, `en` otherwise;
/// - speech recognition (`POST /im/v2/tools/asr`): `"[asr <format>] " + url`;
/// - chat assist (`POST /ai/chat_assistant/v1/chat_assist`): one item per asked style, in
///   order, answering `"[<style>] " + receiver_last_message` (or, without one, the first
///   `history` text; or nothing).
///
/// ```
/// assert!(nim_emulator::FAKE_ANSWERS.contains(&("POST", "/im/v2/translations")));
/// ```
pub const FAKE_ANSWERS: &[(&str, &str)] = &[
    ("POST", "translator/textMsg.action"),
    ("POST", "/im/v2/translations"),
    ("POST", "/im/v2/tools/asr"),
    ("POST", "/ai/chat_assistant/v1/chat_assist"),
];

/// The language codes translation accepts: the Youdao translation API's, whose codes
/// (`zh-CHS`, `en`, `la`, `th`) are the only ones the official pages show. The real list is
/// linked from the docs but not reproduced in any source found: a code missing here may
/// still be valid on the real server.
pub(crate) const LANGUAGES: &[&str] = &[
    "zh-CHS", "zh-CHT", "yue", "en", "ja", "ko", "fr", "es", "pt", "it", "ru", "de", "vi", "id",
    "ms", "th", "ar", "hi", "tr", "pl", "nl", "sv", "da", "no", "fi", "el", "cs", "hu", "ro", "bg",
    "uk", "he", "fa", "ur", "bn", "ta", "te", "km", "lo", "my", "tl", "sw", "la", "af", "sq", "am",
    "hy", "az", "eu", "be", "bs", "ca", "ceb", "co", "hr", "eo", "et", "fy", "gl", "ka", "gu",
    "ht", "ha", "haw", "is", "ig", "ga", "jw", "kn", "kk", "ku", "ky", "lv", "lt", "lb", "mk",
    "mg", "ml", "mt", "mi", "mr", "mn", "ne", "ny", "ps", "pa", "sm", "gd", "sr-Cyrl", "sr-Latn",
    "st", "sn", "sd", "si", "sk", "sl", "so", "su", "tg", "cy", "xh", "yi", "yo", "zu",
];

/// The "detect the source language" code.
pub(crate) const AUTO: &str = "auto";

/// The fake translation of `text` into `target`.
pub(crate) fn translate(text: &str, target: &str) -> String {
    format!("[{target}] {text}")
}

/// The source language of `text`, when asked to detect it: `zh-CHS` if it has a CJK
/// ideograph, `en` otherwise.
pub(crate) fn detect(text: &str) -> &'static str {
    let cjk = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}');
    if text.chars().any(cjk) {
        "zh-CHS"
    } else {
        "en"
    }
}

/// The fake recognised text of the audio at `url` in `format`.
pub(crate) fn recognise(format: &str, url: &str) -> String {
    format!("[asr {format}] {url}")
}

/// The chat styles and their display names.
pub(crate) const STYLES: &[(&str, &str)] = &[
    ("warm", "温暖"),
    ("hot", "热情"),
    ("smart", "机智"),
    ("stochastic", "随机"),
];

/// The fake suggested reply in `style` to `last`.
pub(crate) fn suggest(style: &str, last: &str) -> String {
    format!("[{style}] {last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_are_the_documented_ones() {
        assert_eq!(translate("你好", "en"), "[en] 你好");
        assert_eq!(detect("你好 world"), "zh-CHS");
        assert_eq!(detect("salve"), "en");
        assert_eq!(
            recognise("mp3", "https://x/a.mp3"),
            "[asr mp3] https://x/a.mp3"
        );
        assert_eq!(suggest("hot", "漂亮吗?"), "[hot] 漂亮吗?");
        assert!(LANGUAGES.iter().all(|l| *l != AUTO));
    }
}
