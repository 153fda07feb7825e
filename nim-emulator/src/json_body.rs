//! A v2 JSON body and typed reads of its fields. Every refusal is code 414 with a `msg` that
//! names the field by its full path (`user_information.name`), the rule and the limit.
//!
//! `null` counts as absent (the Go SDK sends `null` for some unset fields). Unknown fields are
//! ignored: the Java SDK leaks camelCase copies of path parameters (`accountId`) into bodies.

use serde_json::{Map, Value};

use crate::reply::ApiError;

/// A JSON object from a request body, or one nested in it.
#[derive(Debug, Default)]
pub(crate) struct JsonBody {
    map: Map<String, Value>,
    /// The path of this object inside the body, with a trailing `.` (empty at the top).
    prefix: String,
}

impl JsonBody {
    /// The body of a request that sent none: `{}`.
    pub(crate) fn empty() -> JsonBody {
        JsonBody::default()
    }

    /// Parses an admin body: one JSON object, or nothing but whitespace, which reads as `{}`.
    pub(crate) fn parse_or_empty(bytes: &[u8]) -> Result<JsonBody, ApiError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            Ok(JsonBody::empty())
        } else {
            JsonBody::parse(bytes)
        }
    }

    /// Parses a body that must be one JSON object.
    pub(crate) fn parse(bytes: &[u8]) -> Result<JsonBody, ApiError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|err| {
            ApiError::param(format!(
                "request body is not valid JSON: {err} (line {}, column {})",
                err.line(),
                err.column()
            ))
        })?;
        match value {
            Value::Object(map) => Ok(JsonBody {
                map,
                prefix: String::new(),
            }),
            other => Err(ApiError::param(format!(
                "request body must be a JSON object, not {}",
                kind(&other)
            ))),
        }
    }

    /// The full name of field `name`, for messages.
    pub(crate) fn field(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    fn wrong_type(&self, name: &str, expected: &str, got: &Value) -> ApiError {
        ApiError::param(format!(
            "{} must be {expected}, not {}",
            self.field(name),
            kind(got)
        ))
    }

    /// An optional string of at most `max_chars` characters (`""` allowed).
    pub(crate) fn string(&self, name: &str, max_chars: usize) -> Result<Option<String>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let Value::String(text) = value else {
            return Err(self.wrong_type(name, "a string", value));
        };
        check_len(&self.field(name), text, max_chars)?;
        Ok(Some(text.clone()))
    }

    /// A required, non-empty string of at most `max_chars` characters.
    pub(crate) fn required_string(&self, name: &str, max_chars: usize) -> Result<String, ApiError> {
        match self.string(name, max_chars)? {
            Some(text) if !text.is_empty() => Ok(text),
            _ => Err(self.missing(name)),
        }
    }

    /// The error for a required field that is absent.
    pub(crate) fn missing(&self, name: &str) -> ApiError {
        ApiError::param(format!("{} is required", self.field(name)))
    }

    /// An optional boolean.
    pub(crate) fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.wrong_type(name, "true or false", other)),
        }
    }

    /// An optional integer, one of `allowed`.
    pub(crate) fn int(&self, name: &str, allowed: &[i64]) -> Result<Option<i64>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let Some(n) = value.as_i64() else {
            return Err(self.wrong_type(name, "an integer", value));
        };
        if !allowed.contains(&n) {
            let list: Vec<String> = allowed.iter().map(i64::to_string).collect();
            return Err(ApiError::param(format!(
                "{} must be one of {}, not {n}",
                self.field(name),
                list.join(", ")
            )));
        }
        Ok(Some(n))
    }

    /// An optional non-negative integer.
    pub(crate) fn uint(&self, name: &str) -> Result<Option<u64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(value) => match value.as_u64() {
                Some(n) => Ok(Some(n)),
                None => Err(self.wrong_type(name, "a non-negative integer", value)),
            },
        }
    }

    /// Field `name` as it is, any JSON type, if present and not `null`.
    pub(crate) fn value(&self, name: &str) -> Option<&Value> {
        self.get(name)
    }

    /// An optional nested object.
    pub(crate) fn object(&self, name: &str) -> Result<Option<JsonBody>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(JsonBody {
                map: map.clone(),
                prefix: format!("{}.", self.field(name)),
            })),
            Some(other) => Err(self.wrong_type(name, "an object", other)),
        }
    }

    /// An optional array of objects, each at `name[i]`.
    pub(crate) fn objects(&self, name: &str) -> Result<Option<Vec<JsonBody>>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let Value::Array(items) = value else {
            return Err(self.wrong_type(name, "an array", value));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let field = format!("{}[{i}]", self.field(name));
            let Value::Object(map) = item else {
                return Err(ApiError::param(format!(
                    "{field} must be an object, not {}",
                    kind(item)
                )));
            };
            out.push(JsonBody {
                map: map.clone(),
                prefix: format!("{field}."),
            });
        }
        Ok(Some(out))
    }

    /// An optional array of at most `max_count` strings, each at most `max_chars` characters.
    pub(crate) fn strings(
        &self,
        name: &str,
        max_count: usize,
        max_chars: usize,
    ) -> Result<Option<Vec<String>>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let Value::Array(items) = value else {
            return Err(self.wrong_type(name, "an array of strings", value));
        };
        if items.len() > max_count {
            return Err(ApiError::param(format!(
                "{} has {} items, at most {max_count} allowed",
                self.field(name),
                items.len()
            )));
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let field = format!("{}[{i}]", self.field(name));
            let Value::String(text) = item else {
                return Err(ApiError::param(format!(
                    "{field} must be a string, not {}",
                    kind(item)
                )));
            };
            check_len(&field, text, max_chars)?;
            out.push(text.clone());
        }
        Ok(Some(out))
    }
}

/// Refuses `text` longer than `max_chars` characters (not bytes).
pub(crate) fn check_len(field: &str, text: &str, max_chars: usize) -> Result<(), ApiError> {
    let count = text.chars().count();
    if count > max_chars {
        return Err(ApiError::param(format!(
            "{field} is too long: {count} characters, at most {max_chars} allowed"
        )));
    }
    Ok(())
}

/// A JSON value's kind, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> JsonBody {
        JsonBody::parse(text.as_bytes()).unwrap()
    }

    fn msg(err: ApiError) -> String {
        format!("{err:?}")
    }

    #[test]
    fn fields_are_named_by_their_full_path() {
        let b = body(r#"{"user_information":{"name":5,"gender":3},"list":["a",1],"n":null}"#);
        let info = b.object("user_information").unwrap().unwrap();
        assert!(msg(info.string("name", 64).unwrap_err()).contains("user_information.name"));
        assert!(msg(info.int("gender", &[0, 1, 2]).unwrap_err()).contains("one of 0, 1, 2"));
        assert!(msg(b.strings("list", 10, 32).unwrap_err()).contains("list[1]"));
        assert_eq!(b.string("n", 1).unwrap(), None);
        assert!(msg(b.required_string("n", 1).unwrap_err()).contains("n is required"));
    }

    #[test]
    fn malformed_bodies_are_refused() {
        assert!(msg(JsonBody::parse(b"{").unwrap_err()).contains("not valid JSON"));
        assert!(msg(JsonBody::parse(b"[1]").unwrap_err()).contains("JSON object"));
        assert!(msg(JsonBody::parse(&[0xff, 0xfe]).unwrap_err()).contains("JSON"));
    }

    #[test]
    fn lengths_count_characters() {
        let b = body(&format!(r#"{{"name":"{}"}}"#, "网".repeat(64)));
        assert!(b.string("name", 64).is_ok());
        assert!(b.string("name", 63).is_err());
    }
}
