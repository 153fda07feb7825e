//! Path parameters of v2 templates (`/im/v2/accounts/{account_id}`): how a value becomes one
//! path segment that can never change which action is called.

use std::borrow::Cow;

use crate::accid::Accid;
use crate::validate::{Rule, ValidationError};

/// A value that can fill a `{param}` of a path template.
///
/// Text is used as it is, an [`Accid`] lowercased, integers in decimal.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot fill a path parameter",
    label = "a path parameter must be text, an `Accid` or an integer"
)]
pub trait PathValue {
    /// The value's text before escaping.
    fn path_text(&self) -> Cow<'_, str>;
}

impl PathValue for Accid {
    fn path_text(&self) -> Cow<'_, str> {
        self.wire()
    }
}

impl PathValue for String {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl PathValue for str {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl<T: PathValue + ?Sized> PathValue for &T {
    fn path_text(&self) -> Cow<'_, str> {
        (**self).path_text()
    }
}

macro_rules! integer_path_value {
    ($($ty:ty),*) => {$(
        impl PathValue for $ty {
            fn path_text(&self) -> Cow<'_, str> {
                Cow::Owned(itoa::Buffer::new().format(*self).to_owned())
            }
        }
    )*};
}

integer_path_value!(u8, u16, u32, u64, i8, i16, i32, i64);

/// Checks a path parameter: not empty, not `.` or `..` (which a URL resolves as steps up the
/// path, even when escaped).
pub fn check_segment<T: PathValue + ?Sized>(
    field: &'static str,
    value: &T,
) -> Result<(), ValidationError> {
    match &*value.path_text() {
        "" => Err(ValidationError::new(field, Rule::Required)),
        "." | ".." => Err(ValidationError::new(field, Rule::PathSegment)),
        _ => Ok(()),
    }
}

/// Appends `value` to `out` as one path segment: unreserved characters, `|` (conversation
/// ids keep it, as the official SDKs send them) and `@` stay as they are; everything else,
/// `/`, `?`, `#` and `%` first among them, is percent-encoded from its UTF-8 bytes.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::path::append_segment;
///
/// let mut out = String::from("/im/v2/accounts/");
/// append_segment(&mut out, &"a/../b?c#d%e");
/// assert_eq!(out, "/im/v2/accounts/a%2F..%2Fb%3Fc%23d%25e");
/// let mut out = String::new();
/// append_segment(&mut out, &"zhangsan|1|lisi");
/// assert_eq!(out, "zhangsan|1|lisi");
/// ```
pub fn append_segment<T: PathValue + ?Sized>(out: &mut String, value: &T) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.path_text().bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'|' | b'@') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_are_refused_and_escaping_is_total() {
        assert!(check_segment("id", &"..".to_string()).is_err());
        assert!(check_segment("id", &".".to_string()).is_err());
        assert!(check_segment("id", &String::new()).is_err());
        assert!(check_segment("id", &"a.b".to_string()).is_ok());
        let mut out = String::new();
        append_segment(&mut out, &"张 +");
        assert_eq!(out, "%E5%BC%A0%20%2B");
        let mut out = String::new();
        append_segment(&mut out, &42u64);
        assert_eq!(out, "42");
    }
}
