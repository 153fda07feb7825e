//! Shapes that many actions share: enums sent as numbers, batch answers with per-item
//! failures, lists a server may send as JSON text.

use serde::de::{self, DeserializeOwned};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Declares an enum the API sends as a number: its `FormValue` (v1 forms), `Serialize` and
/// `Deserialize` (v2 JSON, answers) all use the number. An unknown number in an answer is a
/// deserialisation error naming the enum, never a panic.
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $repr:ty {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant = $value, )*
        }

        impl $name {
            /// The number the API uses.
            pub fn as_number(self) -> $repr {
                self as $repr
            }

            /// The variant for `n`, if the API defines one.
            pub fn from_number(n: $repr) -> Option<Self> {
                match n {
                    $( $value => Some($name::$variant), )*
                    _ => None,
                }
            }
        }

        impl $crate::FormValue for $name {
            fn write_form(&self, name: &str, form: &mut $crate::Form) {
                self.as_number().write_form(name, form);
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&self.as_number(), serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let n = <$repr as serde::Deserialize>::deserialize(deserializer)?;
                $name::from_number(n).ok_or_else(|| {
                    serde::de::Error::custom(format_args!(
                        "{} is not a known {}", n, stringify!($name)
                    ))
                })
            }
        }
    };
}

pub(crate) use int_enum;

/// Deserialises a yes/no member sent as a JSON boolean, as `0` / `1`, or as text holding
/// either (v1 answers use all three); absent or `null` is `false`.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    optional_flag(d).map(Option::unwrap_or_default)
}

/// [`flag`] keeping absence apart: `null` and empty text are `None`.
pub(crate) fn optional_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Bool(bool),
        Number(u64),
        Text(String),
    }
    // The value is not quoted: callback bodies may hold tokens.
    let invalid = || serde::de::Error::custom("expected a yes/no value (true/false, 1/0)");
    match Option::<Either>::deserialize(d)? {
        None => Ok(None),
        Some(Either::Bool(b)) => Ok(Some(b)),
        Some(Either::Number(0)) => Ok(Some(false)),
        Some(Either::Number(1)) => Ok(Some(true)),
        Some(Either::Number(_)) => Err(invalid()),
        Some(Either::Text(text)) => match text.trim() {
            "true" | "1" => Ok(Some(true)),
            "false" | "0" => Ok(Some(false)),
            "" => Ok(None),
            _ => Err(invalid()),
        },
    }
}

/// Deserialises a number sent as a JSON number or as text holding one (answers do both);
/// absent, `null` and empty text are `None`.
pub(crate) fn optional_number<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64>,
{
    let invalid = |shown: &dyn std::fmt::Display| {
        de::Error::custom(format_args!("`{shown}` is not a number in range"))
    };
    let n = match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Number(n)) => n.as_i64().ok_or_else(|| invalid(&n))?,
        Some(Value::String(text)) if text.trim().is_empty() => return Ok(None),
        Some(Value::String(text)) => text.trim().parse().map_err(|_| invalid(&text))?,
        Some(other) => return Err(invalid(&other)),
    };
    T::try_from(n).map(Some).map_err(|_| invalid(&n))
}

/// [`optional_number`] with absence, `null` and empty text read as `T::default()` (0).
pub(crate) fn number<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + Default,
{
    optional_number(d).map(Option::unwrap_or_default)
}

/// Deserialises text that may be `null` (or absent, with `#[serde(default)]`) as empty text.
pub(crate) fn text_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Option::<String>::deserialize(d).map(Option::unwrap_or_default)
}

/// Deserialises a list of strings sent either as a JSON array or as a string holding one
/// (v1 answers do both); absent or `null` is empty.
pub(crate) fn lenient_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        List(Vec<String>),
        Text(String),
    }
    match Option::<Either>::deserialize(d)? {
        None => Ok(Vec::new()),
        Some(Either::List(list)) => Ok(list),
        Some(Either::Text(text)) if text.trim().is_empty() => Ok(Vec::new()),
        Some(Either::Text(text)) => serde_json::from_str(&text).map_err(serde::de::Error::custom),
    }
}

/// Deserialises a value sent either as JSON or as a string holding its JSON text (v1
/// answers do both for lists and objects: `friends`, `friend`, `subscribes`, `msgs`, ...).
/// `null` and empty text read as `T::default()` (an empty list, `None`); with
/// `#[serde(default)]`, so does an absent member. Text that is not JSON of `T` is an error.
///
/// Not for a `T` that is itself text: its string would be read as JSON.
pub(crate) fn json_or_text<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    match Value::deserialize(d)? {
        Value::Null => Ok(T::default()),
        Value::String(text) if text.trim().is_empty() => Ok(T::default()),
        Value::String(text) => serde_json::from_str(&text).map_err(de::Error::custom),
        value => T::deserialize(value).map_err(de::Error::custom),
    }
}

/// The answer of a batch operation: what succeeded, and what failed with its code.
///
/// A partial failure is a *successful* call: always look at [`failures`](Self::failures)
/// (or [`is_complete`](Self::is_complete)).
///
/// ```
/// use nim_api::BatchResult;
///
/// let result: BatchResult<serde_json::Value> = serde_json::from_str(
///     r#"{"success_list":[{"account_id":"a"}],
///         "failed_list":[{"account_id":"b","error_code":102404,"error_msg":"not found"}]}"#,
/// ).unwrap();
/// assert!(!result.is_complete());
/// assert_eq!(result.failures()[0].account_id.as_deref(), Some("b"));
/// assert_eq!(result.failures()[0].error_code, 102404);
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
#[non_exhaustive]
pub struct BatchResult<T> {
    /// The items that succeeded.
    #[serde(default)]
    pub success_list: Vec<T>,
    /// The items that failed, each with its code and message.
    #[serde(default)]
    pub failed_list: Vec<Failure>,
}

impl Failure {
    /// The account or receiver it concerned, whichever key the answer used.
    pub fn account(&self) -> Option<&str> {
        self.account_id.as_deref().or(self.receiver_id.as_deref())
    }
}

impl<T> BatchResult<T> {
    /// The items that failed.
    pub fn failures(&self) -> &[Failure] {
        &self.failed_list
    }

    /// Whether every item succeeded.
    pub fn is_complete(&self) -> bool {
        self.failed_list.is_empty()
    }

    /// The items that succeeded.
    pub fn successes(&self) -> &[T] {
        &self.success_list
    }
}

/// One failed item of a batch operation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Failure {
    /// The account it concerned (account batches; the receiver of a batch send as the Java
    /// SDK reads it). See [`account`](Self::account).
    #[serde(default)]
    pub account_id: Option<String>,
    /// The receiver of a batch send as the Go SDK reads it. An answer may carry either key,
    /// or both (a serde alias would refuse both as a duplicate).
    #[serde(default)]
    pub receiver_id: Option<String>,
    /// The device it concerned (kick).
    #[serde(default)]
    pub device_id: Option<String>,
    /// Why it failed: the code a single call would have answered (e.g. 102404).
    #[serde(default)]
    pub error_code: u32,
    /// The server's explanation.
    #[serde(default)]
    pub error_msg: String,
}

/// One page of a v2 list walked with `page_token` / `next_token` (messages, broadcasts,
/// friends, block and mute lists, ...): [`Client::pages`](crate::Client::pages) follows
/// `next_token` while `has_more` holds.
///
/// ```
/// use nim_api::{Page, TokenPage};
///
/// let page: TokenPage<String> =
///     serde_json::from_str(r#"{"has_more":true,"next_token":"t2","items":["a","b"],"total":5}"#).unwrap();
/// assert_eq!((page.items.len(), page.total), (2, Some(5)));
/// assert_eq!(page.next_page_token(), Some("t2"));
/// let last: TokenPage<String> = serde_json::from_str(r#"{"has_more":false,"next_token":"t3"}"#).unwrap();
/// assert_eq!(last.next_page_token(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
#[non_exhaustive]
pub struct TokenPage<T> {
    /// Whether more pages follow.
    #[serde(default)]
    pub has_more: bool,
    /// The cursor of the next page (absent or empty on the last).
    #[serde(default)]
    pub next_token: Option<String>,
    /// This page's items.
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
    /// The number of items in the whole list, where the operation gives it (friends).
    #[serde(default)]
    pub total: Option<u64>,
}

impl<T> Default for TokenPage<T> {
    fn default() -> Self {
        TokenPage {
            has_more: false,
            next_token: None,
            items: Vec::new(),
            total: None,
        }
    }
}

impl<T> nim_core::Page for TokenPage<T> {
    fn next_page_token(&self) -> Option<&str> {
        next_token(self.has_more, &self.next_token)
    }
}

/// The cursor to follow: a last page may still carry a token, so `has_more` decides.
pub(crate) fn next_token(has_more: bool, token: &Option<String>) -> Option<&str> {
    token.as_deref().filter(|t| has_more && !t.is_empty())
}

int_enum! {
    /// A user's gender on the profile, sent as `0`, `1` or `2`.
    #[derive(Default)]
    pub enum Gender: u8 {
        /// Not given (`0`).
        #[default]
        Unknown = 0,
        /// Male (`1`).
        Male = 1,
        /// Female (`2`).
        Female = 2,
    }
}

impl Gender {
    /// The number the API uses.
    pub fn as_u8(self) -> u8 {
        self.as_number()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "json_or_text")]
        list: Vec<u64>,
        #[serde(default, deserialize_with = "json_or_text")]
        object: Option<Holder2>,
    }

    #[derive(Debug, Default, PartialEq, Deserialize)]
    struct Holder2 {
        a: u64,
    }

    #[test]
    fn json_or_text_reads_json_text_null_and_absence_alike() {
        let read = |text: &str| serde_json::from_str::<Holder>(text);
        let full = Holder {
            list: vec![1, 2],
            object: Some(Holder2 { a: 3 }),
        };
        assert_eq!(read(r#"{"list":[1,2],"object":{"a":3}}"#).unwrap(), full);
        assert_eq!(
            read(r#"{"list":"[1,2]","object":"{\"a\":3}"}"#).unwrap(),
            full
        );
        assert_eq!(
            read(r#"{"list":null,"object":null}"#).unwrap(),
            Holder::default()
        );
        assert_eq!(
            read(r#"{"list":"","object":" "}"#).unwrap(),
            Holder::default()
        );
        assert_eq!(read("{}").unwrap(), Holder::default());
        assert!(read(r#"{"list":"[1,"}"#).is_err());
        assert!(read(r#"{"object":"{\"b\":1}"}"#).is_err());
        assert!(read(r#"{"list":7}"#).is_err());
    }
}

/// The accounts a v1 team action could not add (`faccid`): invitees already in as many
/// teams as an account may be, or members a kick could not remove. Absent when every account
/// went through. `accid` comes as a JSON array or as a string holding one; both read here.
///
/// ```
/// use nim_api::FailedAccids;
///
/// let failed: FailedAccids =
///     serde_json::from_str(r#"{"accid":["a","b"],"msg":"team count exceed"}"#).unwrap();
/// assert_eq!(failed.accids, ["a", "b"]);
/// assert_eq!(failed.msg.as_deref(), Some("team count exceed"));
/// let text: FailedAccids = serde_json::from_str(r#"{"accid":"[\"c\"]"}"#).unwrap();
/// assert_eq!(text.accids, ["c"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FailedAccids {
    /// The accounts that failed (`accid`).
    #[serde(default, rename = "accid", deserialize_with = "lenient_list")]
    pub accids: Vec<String>,
    /// Why (`msg`), e.g. `team count exceed`.
    #[serde(default)]
    pub msg: Option<String>,
}
