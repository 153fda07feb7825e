//! Validation primitives: the rules `#[derive(Endpoint)]` turns field attributes into.
//!
//! Every rule names the field by its wire name and says what it expected, so an invalid
//! request is rejected before any network I/O with a message a person can act on.
//! Lengths are counted in characters (Unicode scalar values), as the API counts them: a
//! 64-character Chinese name is valid where the limit is 64.

use std::borrow::Cow;
use std::fmt;

/// Which rule a value broke, with the data needed to explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// The field is required: it was absent or empty.
    Required,
    /// The value has more characters than allowed.
    MaxLen {
        /// The most characters allowed.
        limit: usize,
        /// How many characters the value has.
        actual: usize,
    },
    /// The value contains a character outside the accid alphabet
    /// (ASCII letters, digits, `_`, `@`, `.`, `-`).
    AccidAlphabet {
        /// The first offending character.
        found: char,
        /// Its position, counted in characters from 0.
        position: usize,
    },
    /// A rule defined by the endpoint itself.
    Custom {
        /// What was expected, in words.
        message: Cow<'static, str>,
    },
}

/// A request failed validation; nothing was sent.
///
/// ```
/// use nim_core::validate::{max_len, Rule};
///
/// let err = max_len("name", &"x".repeat(65), 64).unwrap_err();
/// assert_eq!(err.field(), "name");
/// assert_eq!(err.rule(), &Rule::MaxLen { limit: 64, actual: 65 });
/// assert_eq!(err.to_string(), "`name` has 65 characters, at most 64 allowed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    field: &'static str,
    rule: Rule,
}

impl ValidationError {
    /// An error for `field` (its wire name) breaking `rule`.
    pub fn new(field: &'static str, rule: Rule) -> Self {
        ValidationError { field, rule }
    }

    /// An endpoint-specific rule broken by `field`.
    pub fn custom(field: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        ValidationError::new(
            field,
            Rule::Custom {
                message: message.into(),
            },
        )
    }

    /// The field's wire name (`needkick`, not `need_kick`).
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// The broken rule.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// The limit that was exceeded, for length rules.
    pub fn limit(&self) -> Option<usize> {
        match self.rule {
            Rule::MaxLen { limit, .. } => Some(limit),
            _ => None,
        }
    }

    /// The value's length in characters, for length rules.
    pub fn actual(&self) -> Option<usize> {
        match self.rule {
            Rule::MaxLen { actual, .. } => Some(actual),
            _ => None,
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = self.field;
        match &self.rule {
            Rule::Required => write!(f, "`{field}` is required and must not be empty"),
            Rule::MaxLen { limit, actual } => {
                write!(
                    f,
                    "`{field}` has {actual} characters, at most {limit} allowed"
                )
            }
            Rule::AccidAlphabet { found, position } => write!(
                f,
                "`{field}` contains {found:?} at position {position}; only ASCII letters, \
                 digits, `_`, `@`, `.` and `-` are allowed"
            ),
            Rule::Custom { message } => write!(f, "`{field}`: {message}"),
        }
    }
}

impl std::error::Error for ValidationError {}

/// A field type that holds text: the types `max_len` and `accid` apply to.
///
/// Implemented for `String`, `str`, `Box<str>`, `Cow<str>`, references to them and `Option`
/// of any of them (`None` is absent: it passes length and alphabet checks).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a text field, so length and alphabet rules cannot apply to it",
    label = "`max_len` and `accid` need `String`, `&str`, `Cow<str>` or an `Option` of one",
    note = "remove the rule from this field, or change its type to `String` or `Option<String>`"
)]
pub trait Text {
    /// The text, or `None` when the value is absent.
    fn text(&self) -> Option<&str>;
}

/// A field type for which `required` means something: text (present and non-empty) or an
/// `Option` (present).
#[diagnostic::on_unimplemented(
    message = "`required` cannot mean anything for a field of type `{Self}`",
    label = "a `{Self}` value is always present",
    note = "`required` applies to text fields (`String`, `&str`) and to `Option` fields"
)]
pub trait Presence {
    /// Whether the value is present and, for text, non-empty.
    fn is_present(&self) -> bool;
}

macro_rules! impl_text {
    ($($ty:ty),*) => {$(
        impl Text for $ty {
            fn text(&self) -> Option<&str> {
                Some(self)
            }
        }
        impl Presence for $ty {
            fn is_present(&self) -> bool {
                !self.is_empty()
            }
        }
    )*};
}

impl_text!(String, str, Box<str>);

impl Text for Cow<'_, str> {
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl Presence for Cow<'_, str> {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

impl<T: Text + ?Sized> Text for &T {
    fn text(&self) -> Option<&str> {
        (**self).text()
    }
}

impl<T: Presence + ?Sized> Presence for &T {
    fn is_present(&self) -> bool {
        (**self).is_present()
    }
}

impl<T: Text> Text for Option<T> {
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(Text::text)
    }
}

impl<T: crate::form::FormValue> Presence for Option<T> {
    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(|v| !v.is_empty_value())
    }
}

/// `required`: the value is present and, for text, non-empty.
///
/// ```
/// use nim_core::validate::required;
/// assert!(required("accid", &"zhangsan".to_string()).is_ok());
/// assert!(required("accid", &String::new()).is_err());
/// assert!(required("token", &None::<String>).is_err());
/// assert!(required("token", &Some(String::new())).is_err());
/// ```
pub fn required<T: Presence + ?Sized>(
    field: &'static str,
    value: &T,
) -> Result<(), ValidationError> {
    if value.is_present() {
        Ok(())
    } else {
        Err(ValidationError::new(field, Rule::Required))
    }
}

/// `max_len = limit`: at most `limit` characters (Unicode scalar values, not bytes).
///
/// ```
/// use nim_core::validate::max_len;
/// let name = "网".repeat(64); // 192 bytes, 64 characters
/// assert!(max_len("name", &name, 64).is_ok());
/// assert!(max_len("name", &format!("{name}网"), 64).is_err());
/// assert!(max_len("name", &None::<String>, 64).is_ok());
/// ```
pub fn max_len<T: Text + ?Sized>(
    field: &'static str,
    value: &T,
    limit: usize,
) -> Result<(), ValidationError> {
    let Some(text) = value.text() else {
        return Ok(());
    };
    // A string never has more characters than bytes, so short strings skip the count.
    if text.len() <= limit {
        return Ok(());
    }
    let actual = text.chars().count();
    if actual <= limit {
        Ok(())
    } else {
        Err(ValidationError::new(field, Rule::MaxLen { limit, actual }))
    }
}

/// Whether `c` belongs to the accid alphabet: ASCII letters, digits, `_`, `@`, `.`, `-`.
pub fn is_accid_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '.' | '-')
}

/// `accid`: only ASCII letters, digits, `_`, `@`, `.` and `-`. An absent value passes (combine
/// with `required` to demand one). Upper-case letters are allowed here and lowercased on the
/// wire by [`accid_wire`], as the server does.
///
/// ```
/// use nim_core::validate::accid;
/// assert!(accid("accid", &"Zhang.San-01@x_y".to_string()).is_ok());
/// let err = accid("accid", &"zhang san".to_string()).unwrap_err();
/// assert_eq!(err.to_string(), "`accid` contains ' ' at position 5; only ASCII letters, digits, `_`, `@`, `.` and `-` are allowed");
/// ```
pub fn accid<T: Text + ?Sized>(field: &'static str, value: &T) -> Result<(), ValidationError> {
    let Some(text) = value.text() else {
        return Ok(());
    };
    match text.chars().enumerate().find(|&(_, c)| !is_accid_char(c)) {
        None => Ok(()),
        Some((position, found)) => Err(ValidationError::new(
            field,
            Rule::AccidAlphabet { found, position },
        )),
    }
}

/// The accid as sent: ASCII-lowercased, borrowed when it already is.
///
/// ```
/// use nim_core::validate::accid_wire;
/// assert_eq!(accid_wire("ZhangSan"), "zhangsan");
/// assert!(matches!(accid_wire("lisi"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn accid_wire(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_len_counts_characters_not_bytes() {
        let s = "é".repeat(10); // 20 bytes
        assert!(max_len("f", &s, 10).is_ok());
        let err = max_len("f", &s, 9).unwrap_err();
        assert_eq!(err.limit(), Some(9));
        assert_eq!(err.actual(), Some(10));
    }

    #[test]
    fn accid_reports_first_bad_char_by_char_index() {
        let err = accid("accid", "网a#").unwrap_err();
        assert_eq!(
            err.rule(),
            &Rule::AccidAlphabet {
                found: '网',
                position: 0
            }
        );
        let err = accid("accid", "ab#").unwrap_err();
        assert_eq!(
            err.rule(),
            &Rule::AccidAlphabet {
                found: '#',
                position: 2
            }
        );
    }

    #[test]
    fn required_on_options_of_non_text() {
        assert!(required("n", &Some(3u32)).is_ok());
        assert!(required("n", &None::<u32>).is_err());
    }

    #[test]
    fn custom_rule_display() {
        let e = ValidationError::custom("gender", "must be 0, 1 or 2");
        assert_eq!(e.to_string(), "`gender`: must be 0, 1 or 2");
        assert_eq!(e.limit(), None);
    }
}
