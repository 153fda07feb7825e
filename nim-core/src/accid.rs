//! `Accid`: an IM account ID as a type, so that every field holding one is checked and sent
//! the same way without repeating three attributes on each.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{self, Presence, Text, Validate, ValidationError};

/// An IM account ID (`accid` in v1, `account_id` in v2).
///
/// At most [`Accid::MAX_LEN`] characters of ASCII letters, digits, `_`, `@`, `.` and `-`,
/// and never empty: checked by [`Validate`] before a request leaves. The server treats
/// accids case-insensitively and lowercases them, so an `Accid` keeps what you wrote but is
/// always *sent* lowercased (in forms, queries, paths and JSON bodies).
///
/// It converts from `&str` and `String` and dereferences to `str`, so it reads like a string:
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::Accid;
/// use nim_api::validate::Validate;
///
/// let id: Accid = "ZhangSan".into();
/// assert_eq!(id, "ZhangSan");
/// assert_eq!(id.wire(), "zhangsan");
/// assert!(id.starts_with("Zhang"));
/// assert!(id.validate().is_ok());
///
/// let bad = Accid::from("zhang san");
/// assert_eq!(
///     bad.validate().unwrap_err().to_string(),
///     "`` contains ' ' at position 5; only ASCII letters, digits, `_`, `@`, `.` and `-` are allowed",
/// );
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Accid(String);

impl Accid {
    /// The longest accid, in characters.
    pub const MAX_LEN: usize = 32;

    /// An accid as written (checked when the request holding it is validated).
    pub fn new(id: impl Into<String>) -> Self {
        Accid(id.into())
    }

    /// The accid as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The accid as sent: lowercased, borrowed when it already is.
    pub fn wire(&self) -> Cow<'_, str> {
        validate::accid_wire(&self.0)
    }

    /// The accid as written, as a `String`.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl Validate for Accid {
    fn validate(&self) -> Result<(), ValidationError> {
        validate::required("", &self.0)?;
        validate::max_len("", &self.0, Accid::MAX_LEN)?;
        validate::accid("", &self.0)
    }
}

impl Text for Accid {
    fn text(&self) -> Option<&str> {
        Some(&self.0)
    }
}

impl crate::validate::AccountName for Accid {
    fn account_name(&self) -> Option<&str> {
        Some(self.as_str())
    }
}

impl Presence for Accid {
    fn is_present(&self) -> bool {
        !self.0.is_empty()
    }
}

impl fmt::Debug for Accid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Accid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Deref for Accid {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Accid {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Accid {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Accid {
    fn from(id: &str) -> Self {
        Accid(id.to_owned())
    }
}

impl From<String> for Accid {
    fn from(id: String) -> Self {
        Accid(id)
    }
}

impl From<&String> for Accid {
    fn from(id: &String) -> Self {
        Accid(id.clone())
    }
}

impl From<&Accid> for Accid {
    fn from(id: &Accid) -> Self {
        id.clone()
    }
}

impl From<Accid> for String {
    fn from(id: Accid) -> Self {
        id.0
    }
}

macro_rules! eq_with_text {
    ($($ty:ty),*) => {$(
        impl PartialEq<$ty> for Accid {
            fn eq(&self, other: &$ty) -> bool {
                self.0 == *other
            }
        }
        impl PartialEq<Accid> for $ty {
            fn eq(&self, other: &Accid) -> bool {
                *self == other.0
            }
        }
    )*};
}

eq_with_text!(str, &str, String);

/// Serialised as sent: lowercased.
impl Serialize for Accid {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.wire())
    }
}

impl<'de> Deserialize<'de> for Accid {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Accid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Rule;

    #[test]
    fn rules() {
        assert_eq!(
            Accid::from("").validate().unwrap_err().rule(),
            &Rule::Required
        );
        let long = Accid::from("a".repeat(33));
        assert_eq!(long.validate().unwrap_err().limit(), Some(32));
        assert!(Accid::from("a".repeat(32)).validate().is_ok());
        assert!(Accid::from("a.b-c_d@e").validate().is_ok());
    }

    #[test]
    fn serialises_lowercased() {
        let json = serde_json::to_string(&Accid::from("ZhangSan")).unwrap_or_default();
        assert_eq!(json, r#""zhangsan""#);
        let back: Accid = serde_json::from_str(r#""LiSi""#).unwrap_or_default();
        assert_eq!(back, "LiSi");
    }
}
