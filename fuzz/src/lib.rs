//! Helpers shared by the fuzz targets: a generator of JSON documents and oracles written
//! independently of nim-core, from the documented behaviour rather than from its code.

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use serde_json::{Map, Value};

/// Deepest nesting [`Json::to_value`] produces; deeper arrays and objects become `null`.
pub const MAX_DEPTH: usize = 6;

/// A JSON document drawn from fuzz input, biased towards the members the API answers with.
#[derive(Debug, Arbitrary)]
pub enum Json {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float (non-finite values become `null`).
    Float(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object.
    Obj(Vec<(Key, Json)>),
}

/// An object key: mostly the names the API uses.
#[derive(Debug, Arbitrary)]
pub enum Key {
    /// `"code"`
    Code,
    /// `"desc"`
    Desc,
    /// `"info"`
    Info,
    /// `"accid"`
    Accid,
    /// `"token"`
    Token,
    /// `"name"`
    Name,
    /// Any other key, without `"` (a key ending in `"token` would be redacted too, by
    /// design, which the snippet oracle does not model).
    Other(String),
}

impl Key {
    fn name(&self) -> String {
        match self {
            Key::Code => "code".into(),
            Key::Desc => "desc".into(),
            Key::Info => "info".into(),
            Key::Accid => "accid".into(),
            Key::Token => "token".into(),
            Key::Name => "name".into(),
            Key::Other(s) => s.replace('"', ""),
        }
    }
}

impl Json {
    /// The document as a `serde_json::Value`, at most [`MAX_DEPTH`] deep.
    pub fn to_value(&self) -> Value {
        self.to_value_at(0)
    }

    fn to_value_at(&self, depth: usize) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Int(i) => Value::from(*i),
            Json::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Json::Str(s) => Value::String(s.clone()),
            Json::Arr(_) | Json::Obj(_) if depth >= MAX_DEPTH => Value::Null,
            Json::Arr(items) => items.iter().map(|j| j.to_value_at(depth + 1)).collect(),
            Json::Obj(members) => {
                let mut map = Map::new();
                for (k, v) in members {
                    map.insert(k.name(), v.to_value_at(depth + 1));
                }
                Value::Object(map)
            }
        }
    }
}

/// An API answer drawn from fuzz input: `code`, `desc` and `info` chosen separately so the
/// success and error paths of decoding are both reached often.
#[derive(Debug, Arbitrary)]
pub struct Answer {
    /// The `code` member.
    pub code: Code,
    /// The `desc` member, if any.
    pub desc: Option<Json>,
    /// The `info` member, if any.
    pub info: Option<Info>,
    /// Further members.
    pub extra: Vec<(Key, Json)>,
    /// Written with whitespace (`to_string_pretty`).
    pub pretty: bool,
}

/// The `code` member of an [`Answer`].
#[derive(Debug, Arbitrary)]
pub enum Code {
    /// No `code` member.
    Absent,
    /// `200`
    Ok,
    /// A number.
    Num(u32),
    /// A string (gateways send `"200"`).
    Text(String),
    /// Any other JSON.
    Other(Json),
}

/// The `info` member of an [`Answer`]: usually the shape of an account answer.
#[derive(Debug, Arbitrary)]
pub enum Info {
    /// `{"accid": .., "token": .., "name": ..}` with each member optional.
    Account {
        /// `accid`
        accid: Option<Json>,
        /// `token`
        token: Option<Json>,
        /// `name`
        name: Option<Json>,
    },
    /// Any other JSON.
    Other(Json),
}

impl Answer {
    /// The answer as a JSON object.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        for (k, v) in &self.extra {
            map.insert(k.name(), v.to_value());
        }
        let code = match &self.code {
            Code::Absent => None,
            Code::Ok => Some(Value::from(200)),
            Code::Num(n) => Some(Value::from(*n)),
            Code::Text(s) => Some(Value::String(s.clone())),
            Code::Other(j) => Some(j.to_value()),
        };
        if let Some(code) = code {
            map.insert("code".into(), code);
        }
        if let Some(desc) = &self.desc {
            map.insert("desc".into(), desc.to_value());
        }
        match &self.info {
            None => {}
            Some(Info::Other(j)) => {
                map.insert("info".into(), j.to_value());
            }
            Some(Info::Account { accid, token, name }) => {
                let mut info = Map::new();
                for (k, v) in [("accid", accid), ("token", token), ("name", name)] {
                    if let Some(v) = v {
                        info.insert(k.into(), v.to_value());
                    }
                }
                map.insert("info".into(), Value::Object(info));
            }
        }
        Value::Object(map)
    }

    /// The answer as body bytes.
    pub fn to_body(&self) -> Vec<u8> {
        let value = self.to_value();
        let text = if self.pretty {
            serde_json::to_vec_pretty(&value)
        } else {
            serde_json::to_vec(&value)
        };
        text.unwrap_or_default()
    }
}

/// The `code` of an answer as the API defines success: a JSON object whose `code` member is a
/// number, or a decimal string (some gateways), that fits a u32. `None` for anything else.
pub fn answer_code(body: &[u8]) -> Option<u32> {
    let Ok(Value::Object(obj)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    match obj.get("code")? {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Whether `bytes` is one well-formed JSON document (UTF-8 included: `IgnoredAny` would skip
/// invalid UTF-8 inside strings).
pub fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<Value>(bytes).is_ok()
}

/// Token values worth checking for in redacted text: the raw (still escaped) string values of
/// members written `"token" : "..."` in a well-formed JSON `body`, that are at least 4
/// characters of letters, digits, `-` and `_` only, and occur exactly once in the body.
///
/// Such a value can only reach a redacted text through the `"token"` member itself: it cannot
/// be assembled across a `***`, a replaced control character, a `…` or a U+FFFD, and it occurs
/// nowhere else in the body. Returns nothing for a body that is not well-formed JSON: the
/// redaction promises nothing about arbitrary text.
pub fn checkable_token_values(body: &[u8]) -> Vec<String> {
    if !is_json(body) {
        return Vec::new();
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return Vec::new();
    };
    token_string_values(text)
        .into_iter()
        .filter(|v| {
            v.chars().count() >= 4
                && v.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                && text.matches(v.as_str()).count() == 1
        })
        .collect()
}

/// The raw text of every string value written right after `"token"`, optional JSON
/// whitespace, `:`, optional JSON whitespace (a lexical scan, escapes honoured).
pub fn token_string_values(text: &str) -> Vec<String> {
    const KEY: &str = "\"token\"";
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let mut found = Vec::new();
    for (at, _) in text.match_indices(KEY) {
        let rest = text[at + KEY.len()..].trim_start_matches(is_ws);
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let Some(inside) = rest.trim_start_matches(is_ws).strip_prefix('"') else {
            continue;
        };
        let mut escaped = false;
        for (i, c) in inside.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    found.push(inside[..i].to_owned());
                    break;
                }
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_values_are_found_lexically() {
        let body =
            br#"{"info":{"token" : "abcd1234","x":"token"},"token":12,"t":{"token":"a\"b"}}"#;
        assert_eq!(
            token_string_values(std::str::from_utf8(body).unwrap()),
            ["abcd1234", r#"a\"b"#]
        );
        assert_eq!(checkable_token_values(body), ["abcd1234"]);
        assert!(checkable_token_values(br#"{"token":"abcd1234""#).is_empty());
        assert!(checkable_token_values(br#"{"token":"abcd","x":"abcd"}"#).is_empty());
    }

    #[test]
    fn answer_code_follows_the_api() {
        assert_eq!(answer_code(br#"{"code":200}"#), Some(200));
        assert_eq!(answer_code(br#"{"code":" 416 "}"#), Some(416));
        assert_eq!(answer_code(br#"{"code":70000}"#), None);
        assert_eq!(answer_code(br#"{"code":200.0}"#), None);
        assert_eq!(answer_code(b"[200]"), None);
    }
}
