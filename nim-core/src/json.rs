//! JSON bodies of v2 requests, written member by member.

use serde::Serialize;

use crate::validate::ValidationError;

/// A JSON object being written: the body of a v2 request.
///
/// Members are appended in order; a value that serialises to `null` is left out, so an unset
/// optional value is absent rather than `null` (what the API documents for optional
/// fields). A value that cannot be serialised (a custom `Serialize` that fails) is reported
/// by [`finish`](JsonObject::finish), naming the member.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::JsonObject;
///
/// let mut body = JsonObject::new();
/// body.member("account_id", "zhangsan");
/// body.member("token", &None::<String>);
/// body.member("enabled", &true);
/// assert_eq!(body.finish().unwrap(), r#"{"account_id":"zhangsan","enabled":true}"#);
/// ```
#[derive(Debug)]
pub struct JsonObject {
    buf: Vec<u8>,
    members: usize,
    failed: Option<&'static str>,
}

impl Default for JsonObject {
    fn default() -> Self {
        JsonObject::new()
    }
}

impl JsonObject {
    /// An empty object.
    pub fn new() -> Self {
        let mut buf = Vec::with_capacity(128);
        buf.push(b'{');
        JsonObject {
            buf,
            members: 0,
            failed: None,
        }
    }

    /// Appends `"name": value`, unless `value` serialises to `null`.
    pub fn member<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        let start = self.buf.len();
        if self.members > 0 {
            self.buf.push(b',');
        }
        // Member names are identifiers: quoted as they are unless they need escaping.
        let quoted = if name.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
            self.buf.push(b'"');
            self.buf.extend_from_slice(name.as_bytes());
            self.buf.push(b'"');
            Ok(())
        } else {
            serde_json::to_writer(&mut self.buf, name)
        };
        let written = quoted
            .and_then(|()| {
                self.buf.push(b':');
                let value_start = self.buf.len();
                serde_json::to_writer(&mut self.buf, value).map(|()| value_start)
            })
            .map(|value_start| &self.buf[value_start..] != b"null");
        match written {
            Ok(true) => self.members += 1,
            Ok(false) => self.buf.truncate(start),
            Err(_) => {
                self.buf.truncate(start);
                self.failed.get_or_insert(name);
            }
        }
    }

    /// Whether no member was written.
    pub fn is_empty(&self) -> bool {
        self.members == 0
    }

    /// The object's text, or an error naming the first member that could not be serialised.
    pub fn finish(mut self) -> Result<String, ValidationError> {
        if let Some(name) = self.failed {
            return Err(ValidationError::custom(
                name,
                "cannot be written as JSON (its `Serialize` impl failed)",
            ));
        }
        self.buf.push(b'}');
        // serde_json writes UTF-8 only; the lossy conversion never replaces anything here.
        Ok(String::from_utf8(self.buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }
}

/// A value whose members can be written into a JSON body: a nested parameter object
/// (`#[derive(Params)]`) that an action's field `#[nim(flatten)]` spreads into its own body.
pub trait JsonMembers {
    /// Appends each set member to `body`.
    fn write_members(&self, body: &mut JsonObject);
}

/// An unset object writes nothing.
impl<T: JsonMembers> JsonMembers for Option<T> {
    fn write_members(&self, body: &mut JsonObject) {
        if let Some(value) = self {
            value.write_members(body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn empty_object() {
        assert_eq!(JsonObject::new().finish().ok().as_deref(), Some("{}"));
    }

    #[test]
    fn failing_member_is_named() {
        let mut bad: HashMap<Vec<u8>, u8> = HashMap::new();
        bad.insert(vec![1], 1);
        let mut body = JsonObject::new();
        body.member("a", &1);
        body.member("map", &bad);
        let err = body.finish().unwrap_err();
        assert_eq!(err.field(), "map");
    }

    #[test]
    fn escapes_text() {
        let mut body = JsonObject::new();
        body.member("ex", "a\"b\n张");
        assert_eq!(body.finish().ok().as_deref(), Some(r#"{"ex":"a\"b\n张"}"#));
    }
}
