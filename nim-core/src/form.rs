//! Form encoding: how field values become an `application/x-www-form-urlencoded` body.

use std::borrow::Cow;

use crate::accid::Accid;
use crate::validate::{Presence, Text};

/// An `application/x-www-form-urlencoded` body being written, UTF-8, `+` for spaces.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::Form;
///
/// let mut form = Form::new();
/// form.append("accid", "zhangsan");
/// form.append("name", "张 三&");
/// assert_eq!(form.finish(), "accid=zhangsan&name=%E5%BC%A0+%E4%B8%89%26");
/// ```
#[derive(Debug, Default, Clone)]
pub struct Form {
    body: String,
}

impl Form {
    /// An empty form.
    pub fn new() -> Self {
        Form::default()
    }

    /// An empty form with room for `bytes` bytes.
    pub fn with_capacity(bytes: usize) -> Self {
        Form {
            body: String::with_capacity(bytes),
        }
    }

    /// Appends `name=value`, percent-encoding both.
    pub fn append(&mut self, name: &str, value: &str) {
        if !self.body.is_empty() {
            self.body.push('&');
        }
        encode_into(&mut self.body, name);
        self.body.push('=');
        encode_into(&mut self.body, value);
    }

    /// Appends a field value using its [`FormValue`] encoding (absent values write nothing).
    pub fn append_value<T: FormValue + ?Sized>(&mut self, name: &str, value: &T) {
        value.write_form(name, self);
    }

    /// Whether nothing has been appended.
    pub fn is_empty(&self) -> bool {
        self.body.is_empty()
    }

    /// The encoded body.
    pub fn as_str(&self) -> &str {
        &self.body
    }

    /// Consumes the form and returns the encoded body.
    pub fn finish(self) -> String {
        self.body
    }
}

/// Appends `text` form-urlencoded to `out`: byte for byte what
/// `form_urlencoded::byte_serialize` writes (kept by hand: the crate's iterator of pieces made
/// `prepare` 1.21x the hand-written baseline, see BENCHMARKS.md; the tests below compare
/// the two on every character class) (ASCII letters, digits and `*-._` as they are, a
/// space as `+`, every other byte of the UTF-8 as `%XX` in upper-case hex), but copying each
/// run of unchanged bytes at once instead of going through an iterator of pieces.
fn encode_into(out: &mut String, text: &str) {
    // At least the input's length is written; escapes grow it further, amortised.
    out.reserve(text.len());
    let mut run = 0;
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        if UNCHANGED[usize::from(byte)] {
            continue;
        }
        // `text[run..i]` is all unchanged ASCII, so both ends are char boundaries; when it is
        // empty, `run` may sit inside a character and `get` answers `None`: nothing to copy.
        if let Some(unchanged) = text.get(run..i) {
            out.push_str(unchanged);
        }
        run = i + 1;
        if byte == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(char::from(UPPER_HEX[usize::from(byte >> 4)]));
            out.push(char::from(UPPER_HEX[usize::from(byte & 15)]));
        }
    }
    if let Some(rest) = text.get(run..) {
        out.push_str(rest);
    }
}

/// The bytes form encoding leaves as they are: ASCII letters, digits, `*`, `-`, `.`, `_`.
const UNCHANGED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(
            byte as u8,
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z'
        );
        byte += 1;
    }
    table
};

/// The digits of a `%XX` escape.
const UPPER_HEX: &[u8; 16] = b"0123456789ABCDEF";

/// How a field's value is written into a request form.
///
/// Text is sent as it is, `bool` as `true`/`false`, integers in decimal, and an `Option` only
/// when it is `Some` (so `Some(String::new())` is sent as an empty value, and `None` not at
/// all). Implement it for your own types, e.g. an enum sent as its number:
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::{Form, FormValue};
///
/// #[derive(Clone, Copy)]
/// enum Level { Low = 1, High = 2 }
///
/// impl FormValue for Level {
///     fn write_form(&self, name: &str, form: &mut Form) {
///         (*self as u8).write_form(name, form);
///     }
/// }
///
/// let mut form = Form::new();
/// form.append_value("level", &Some(Level::High));
/// form.append_value("other", &None::<Level>);
/// assert_eq!(form.finish(), "level=2");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent as a form field",
    label = "this type has no form encoding",
    note = "implement `FormValue` for it, or mark the field `#[nim(skip)]`"
)]
pub trait FormValue {
    /// Appends `name=<this value>` to `form`, or nothing when the value is absent.
    fn write_form(&self, name: &str, form: &mut Form);

    /// Appends `name=<this value>` to a query string. The same as in a form, except for
    /// lists, which v2 queries send comma-joined rather than as a JSON array.
    fn write_query(&self, name: &str, query: &mut Form) {
        self.write_form(name, query);
    }

    /// Whether this value is empty text (used by `required` on `Option` fields).
    fn is_empty_value(&self) -> bool {
        false
    }
}

macro_rules! text_form_value {
    ($($ty:ty),*) => {$(
        impl FormValue for $ty {
            fn write_form(&self, name: &str, form: &mut Form) {
                form.append(name, self);
            }
            fn is_empty_value(&self) -> bool {
                self.is_empty()
            }
        }
    )*};
}

text_form_value!(String, str, Box<str>, Cow<'_, str>);

macro_rules! integer_form_value {
    ($($ty:ty),*) => {$(
        impl FormValue for $ty {
            fn write_form(&self, name: &str, form: &mut Form) {
                form.append(name, itoa::Buffer::new().format(*self));
            }
        }
    )*};
}

integer_form_value!(u8, u16, u32, u64, i8, i16, i32, i64, usize, isize);

/// A value that writes several parameters of a v1 form: an action's field marked
/// `#[nim(flatten)]` (for example a typed message, sent as `type` and `body`).
///
/// ```
/// use nim_api::{Form, FormMembers};
///
/// struct Point { x: i32, y: i32 }
/// impl FormMembers for Point {
///     fn write_form_members(&self, form: &mut Form) {
///         form.append("x", &self.x.to_string());
///         form.append("y", &self.y.to_string());
///     }
/// }
/// let mut form = Form::new();
/// Point { x: 1, y: 2 }.write_form_members(&mut form);
/// assert_eq!(form.finish(), "x=1&y=2");
/// # extern crate nim_core as nim_api;
/// ```
pub trait FormMembers {
    /// Appends each parameter this value sets to `form`.
    fn write_form_members(&self, form: &mut Form);
}

/// An unset object writes nothing.
impl<T: FormMembers> FormMembers for Option<T> {
    fn write_form_members(&self, form: &mut Form) {
        if let Some(value) = self {
            value.write_form_members(form);
        }
    }
}

impl FormValue for bool {
    fn write_form(&self, name: &str, form: &mut Form) {
        form.append(name, if *self { "true" } else { "false" });
    }
}

impl<T: FormValue> FormValue for Option<T> {
    fn write_form(&self, name: &str, form: &mut Form) {
        if let Some(value) = self {
            value.write_form(name, form);
        }
    }

    fn write_query(&self, name: &str, query: &mut Form) {
        if let Some(value) = self {
            value.write_query(name, query);
        }
    }

    fn is_empty_value(&self) -> bool {
        self.as_ref().is_none_or(FormValue::is_empty_value)
    }
}

impl<T: FormValue + ?Sized> FormValue for &T {
    fn write_form(&self, name: &str, form: &mut Form) {
        (**self).write_form(name, form);
    }

    fn write_query(&self, name: &str, query: &mut Form) {
        (**self).write_query(name, query);
    }

    fn is_empty_value(&self) -> bool {
        (**self).is_empty_value()
    }
}

/// Writes an accid field: its text ASCII-lowercased, absent values not at all.
pub fn append_accid<T: Text + ?Sized>(form: &mut Form, name: &str, value: &T) {
    if let Some(text) = value.text() {
        form.append(name, &crate::validate::accid_wire(text));
    }
}

/// Writes `value` as JSON text into one form field (a nested object in a v1 action).
pub fn append_json<T: serde::Serialize + ?Sized>(form: &mut Form, name: &str, value: &T) {
    // A derived parameter object serialises strings, numbers and booleans only: no failure
    // case. A hand-written `Serialize` that fails leaves the field out.
    if let Ok(text) = serde_json::to_string(value) {
        form.append(name, &text);
    }
}

/// `required` on an `Option` field: present and, for text, not empty.
impl<T: FormValue> Presence for Option<T> {
    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(|v| !v.is_empty_value())
    }
}

impl FormValue for Accid {
    fn write_form(&self, name: &str, form: &mut Form) {
        form.append(name, &self.wire());
    }

    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

/// An item of a list field: how it is written inside a v1 JSON array and in a v2
/// comma-joined query value.
pub trait ListItem {
    /// Appends the item as JSON (a string quoted and escaped, a number as it is).
    fn write_json(&self, out: &mut String);
    /// Appends the item as plain text.
    fn write_text(&self, out: &mut String);
}

/// Appends `text` as a JSON string.
pub(crate) fn json_string(out: &mut String, text: &str) {
    // Serialising a `str` into a `String` has no failure case (no I/O, no map keys).
    if let Ok(quoted) = serde_json::to_string(text) {
        out.push_str(&quoted);
    }
}

macro_rules! text_list_item {
    ($($ty:ty),*) => {$(
        impl ListItem for $ty {
            fn write_json(&self, out: &mut String) {
                json_string(out, self);
            }
            fn write_text(&self, out: &mut String) {
                out.push_str(self);
            }
        }
    )*};
}

text_list_item!(String, str, Box<str>, Cow<'_, str>);

impl ListItem for Accid {
    fn write_json(&self, out: &mut String) {
        json_string(out, &self.wire());
    }
    fn write_text(&self, out: &mut String) {
        out.push_str(&self.wire());
    }
}

macro_rules! integer_list_item {
    ($($ty:ty),*) => {$(
        impl ListItem for $ty {
            fn write_json(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
            fn write_text(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}

integer_list_item!(u8, u16, u32, u64, i8, i16, i32, i64);

impl<T: ListItem + ?Sized> ListItem for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
    fn write_text(&self, out: &mut String) {
        (**self).write_text(out);
    }
}

/// A list: one JSON array in a form field (v1, e.g. `accids=["a","b"]`), comma-joined in a
/// query (v2, e.g. `account_ids=a,b`).
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::{Accid, Form, FormValue};
///
/// let ids: Vec<Accid> = vec!["A".into(), "b".into()];
/// let mut form = Form::new();
/// ids.write_form("accids", &mut form);
/// assert_eq!(form.as_str(), "accids=%5B%22a%22%2C%22b%22%5D");
/// let mut query = Form::new();
/// ids.write_query("account_ids", &mut query);
/// assert_eq!(query.as_str(), "account_ids=a%2Cb");
/// ```
impl<T: ListItem> FormValue for Vec<T> {
    fn write_form(&self, name: &str, form: &mut Form) {
        let mut json = String::with_capacity(2 + self.len() * 16);
        json.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            item.write_json(&mut json);
        }
        json.push(']');
        form.append(name, &json);
    }

    fn write_query(&self, name: &str, query: &mut Form) {
        let mut joined = String::with_capacity(self.len() * 16);
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                joined.push(',');
            }
            item.write_text(&mut joined);
        }
        query.append(name, &joined);
    }

    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_bools() {
        let mut form = Form::new();
        form.append_value("a", &0u8);
        form.append_value("b", &-42i64);
        form.append_value("c", &i64::MIN);
        form.append_value("d", &u64::MAX);
        form.append_value("e", &true);
        form.append_value("f", &Some(false));
        form.append_value("g", &None::<bool>);
        assert_eq!(
            form.finish(),
            format!("a=0&b=-42&c={}&d={}&e=true&f=false", i64::MIN, u64::MAX)
        );
    }

    #[test]
    fn some_empty_is_sent_none_is_not() {
        let mut form = Form::new();
        form.append_value("x", &Some(String::new()));
        form.append_value("y", &None::<String>);
        assert_eq!(form.as_str(), "x=");
    }

    /// What `encode_into` must write: the `form_urlencoded` crate's encoding.
    fn reference(text: &str) -> String {
        form_urlencoded::byte_serialize(text.as_bytes()).collect()
    }

    fn encoded(text: &str) -> String {
        let mut out = String::new();
        encode_into(&mut out, text);
        out
    }

    #[test]
    fn encoding_matches_form_urlencoded_for_every_char() {
        // Every ASCII character, and every other char class of UTF-8 (2, 3 and 4 bytes),
        // alone, doubled and between unchanged characters.
        let mut chars: Vec<char> = (0u8..128).map(char::from).collect();
        chars.extend([
            '\u{80}', 'é', '\u{7ff}', '\u{800}', '张', '\u{fffd}', '\u{ffff}',
        ]);
        chars.extend(['\u{10000}', '😀', '\u{10ffff}']);
        for c in chars {
            for text in [
                c.to_string(),
                format!("{c}{c}"),
                format!("a{c}b"),
                format!("{c}z{c}"),
            ] {
                assert_eq!(encoded(&text), reference(&text), "{text:?}");
            }
        }
        assert_eq!(encoded(""), "");
    }

    #[test]
    fn encoding_matches_form_urlencoded_on_random_text() {
        // A fixed xorshift sequence: mostly unchanged ASCII with escapes and multi-byte
        // characters mixed in, in runs of every length.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| {
                    let r = next();
                    match r % 4 {
                        0 | 1 => char::from(b'a' + (r >> 8) as u8 % 26),
                        2 => char::from((r >> 8) as u8 % 128),
                        _ => char::from_u32((r >> 8) as u32 % 0x11_0000).unwrap_or('网'),
                    }
                })
                .collect();
            assert_eq!(encoded(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn accid_is_lowercased() {
        let mut form = Form::new();
        append_accid(&mut form, "accid", "ZhangSan");
        append_accid(&mut form, "other", &None::<String>);
        assert_eq!(form.finish(), "accid=zhangsan");
    }
}
