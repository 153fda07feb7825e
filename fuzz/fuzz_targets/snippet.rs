//! Fuzz target `snippet`: `nim_core::snippet` on the raw input, and on a JSON document
//! generated from it (compact or pretty), the way an answer body reaches an error.
//!
//! What `snippet` promises (nim-core `error.rs`): at most `SNIPPET_CHARS` characters of the
//! first `4 * SNIPPET_CHARS` bytes, invalid UTF-8 replaced, control characters as spaces, `…`
//! when cut, and the string value of every `"token"` member replaced by `***`. Asserted:
//! - no panic; at most `SNIPPET_CHARS + 1` characters; no control character; `…` at the end
//!   when more than `4 * SNIPPET_CHARS` bytes were given;
//! - text of at most `SNIPPET_CHARS` characters without `"token"` comes back unchanged but for
//!   control characters;
//! - in well-formed JSON, no token value that could only come from its `"token"` member
//!   (`nim_fuzz::checkable_token_values`) appears;
//! - a generated document that fits the bytes read gives exactly the document with every
//!   `"token"` string value replaced by `***`, controls as spaces, cut to `SNIPPET_CHARS` plus
//!   `…`; a longer compact one gives a prefix of that (but for the cut character and `…`);
//!   no token value of 4+ characters found nowhere else in the document ever appears.
//!
//! Not asserted, as not promised: redaction of keys written with escapes (`"tok\u0065n"`),
//! of non-string values (`"token":12`), or of text that is not JSON.
#![no_main]

use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use nim_core::{SNIPPET_CHARS, snippet};
use nim_fuzz::{Json, checkable_token_values};
use serde_json::Value;

/// The bytes of a body `snippet` reads.
const HEAD_BYTES: usize = SNIPPET_CHARS * 4;

fuzz_target!(|data: &[u8]| {
    raw(data);
    let mut u = Unstructured::new(data);
    if let (Ok(pretty), Ok(json)) = (bool::arbitrary(&mut u), Json::arbitrary_take_rest(u)) {
        document(&json.to_value(), pretty);
    }
});

fn raw(data: &[u8]) {
    let out = snippet(data);
    assert!(out.chars().count() <= SNIPPET_CHARS + 1, "{out:?}");
    assert!(!out.chars().any(char::is_control), "{out:?}");
    if data.len() > HEAD_BYTES {
        assert!(out.ends_with('…'), "{out:?}");
    }
    if let Ok(text) = std::str::from_utf8(data)
        && text.chars().count() <= SNIPPET_CHARS
        && !text.contains("\"token\"")
    {
        assert_eq!(out, spaced(text));
    }
    for token in checkable_token_values(data) {
        assert!(!out.contains(&token), "token {token:?} in {out:?}");
    }
}

fn document(value: &Value, pretty: bool) {
    let write = |v: &Value| {
        if pretty {
            serde_json::to_string_pretty(v)
        } else {
            serde_json::to_string(v)
        }
        .unwrap_or_default()
    };
    let doc = write(value);
    let mut tokens = Vec::new();
    let redacted = redact(value, &mut tokens);
    // `snippet` writes a redacted member as `"token":"***"`, whatever the spacing was.
    let expected = write(&redacted).replace(r#""token": "***""#, r#""token":"***""#);
    let out = snippet(doc.as_bytes());

    if doc.len() <= HEAD_BYTES {
        let mut model: String = spaced(&expected).chars().take(SNIPPET_CHARS).collect();
        if expected.chars().count() > SNIPPET_CHARS {
            model.push('…');
        }
        assert_eq!(out, model, "document {doc:?}");
    } else if !pretty {
        // Compact: nothing between `"token":` and the value, so a cut anywhere leaves a prefix.
        let Some(head) = out.strip_suffix('…') else {
            panic!("cut without …: {out:?}");
        };
        let head = head.trim_end_matches('\u{fffd}');
        assert!(
            spaced(&expected).starts_with(head),
            "snippet {out:?} is not a prefix of the redacted document {expected:?}"
        );
    }

    let visible = spaced(&expected);
    for token in tokens {
        // The value as it is written in the document.
        let written = serde_json::to_string(&token).unwrap_or_default();
        let written = &written[1..written.len().saturating_sub(1).max(1)];
        let assemblable = written.contains(['…', '\u{fffd}', '*']) || visible.contains(written);
        if written.chars().count() >= 4 && !assemblable {
            assert!(!out.contains(written), "token {written:?} in {out:?}");
        }
    }
}

/// `value` with the string value of every `"token"` member replaced by `"***"`; the replaced
/// values are collected in `tokens`.
fn redact(value: &Value, tokens: &mut Vec<String>) -> Value {
    match value {
        Value::Array(items) => items.iter().map(|v| redact(v, tokens)).collect(),
        Value::Object(members) => members
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) if k == "token" => {
                    tokens.push(s.clone());
                    (k.clone(), Value::String("***".into()))
                }
                _ => (k.clone(), redact(v, tokens)),
            })
            .collect(),
        other => other.clone(),
    }
}

/// Control characters shown as spaces, as `snippet` shows them.
fn spaced(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
