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
    /// A number outside its allowed range.
    OutOfRange {
        /// The smallest value allowed, if bounded below.
        min: Option<i64>,
        /// The largest value allowed, if bounded above.
        max: Option<i64>,
        /// The value given.
        actual: i128,
    },
    /// A number that is not one of the values the API defines.
    NotOneOf {
        /// The values allowed.
        allowed: &'static [i64],
        /// The value given.
        actual: i128,
    },
    /// A list with more items than allowed.
    TooManyItems {
        /// The most items allowed.
        limit: usize,
        /// How many items the list has.
        actual: usize,
    },
    /// A list with fewer items than required.
    TooFewItems {
        /// The fewest items allowed.
        limit: usize,
        /// How many items the list has.
        actual: usize,
    },
    /// Text that must be JSON is not.
    NotJson {
        /// Where the JSON parser stopped, in characters from the start (counted from 1).
        column: usize,
        /// The line of that position (counted from 1).
        line: usize,
    },
    /// A path parameter that the URL would not keep as one segment (`.` or `..`).
    PathSegment,
    /// The value names the same account as another field, where the action needs two
    /// different ones (adding yourself as a friend, blocking yourself, ...).
    SameAccount {
        /// The wire name of the other field, beside this one (in a nested object, the
        /// field's path is prefixed, the other's name is not).
        other: &'static str,
    },
    /// A list names the same item twice where each may appear once (a member list with an
    /// account twice; accounts compare ignoring ASCII case).
    Duplicate {
        /// The repeated item, as first written.
        item: String,
        /// Its first position, counted from 0.
        first: usize,
        /// The position of the repeat.
        again: usize,
    },
    /// A parameter given by name (an action read from JSON, see
    /// [`FromWire`](crate::dynamic::FromWire)) that the action or object does not have.
    UnknownParameter {
        /// The names it has, in declaration order.
        known: Vec<&'static str>,
    },
    /// A parameter given by name whose JSON value cannot be read as the field's type (text
    /// where a number is expected, a number out of the type's range, ...).
    WrongType {
        /// What did not fit, with any value quoted by the reader left out.
        reason: String,
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
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::{max_len, Rule};
///
/// let err = max_len("name", &"x".repeat(65), 64).unwrap_err();
/// assert_eq!(err.field(), "name");
/// assert_eq!(err.rule(), &Rule::MaxLen { limit: 64, actual: 65 });
/// assert_eq!(err.to_string(), "`name` has 65 characters, at most 64 allowed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    field: Cow<'static, str>,
    rule: Rule,
}

impl ValidationError {
    /// An error for `field` (its wire name, or a path such as `user_information.name`)
    /// breaking `rule`.
    pub fn new(field: impl Into<Cow<'static, str>>, rule: Rule) -> Self {
        ValidationError {
            field: field.into(),
            rule,
        }
    }

    /// The same error, seen from the field `outer` that holds the value: a nested field's
    /// path gains its parent (`name` becomes `user_information.name`), a list item's gains
    /// the list (`[3]` becomes `accids[3]`), and a value's own error (empty path) is named
    /// after the field.
    ///
    /// ```
    /// # extern crate nim_core as nim_api;
    /// use nim_api::validate::{Rule, ValidationError};
    ///
    /// let inner = ValidationError::new("name", Rule::Required);
    /// assert_eq!(inner.within("user_information").field(), "user_information.name");
    /// let item = ValidationError::new("", Rule::Required).at_index(3).within("accids");
    /// assert_eq!(item.field(), "accids[3]");
    /// ```
    #[must_use]
    pub fn within(mut self, outer: &str) -> Self {
        self.field = if self.field.is_empty() {
            Cow::Owned(outer.to_owned())
        } else if self.field.starts_with('[') {
            Cow::Owned(format!("{outer}{}", self.field))
        } else {
            Cow::Owned(format!("{outer}.{}", self.field))
        };
        self
    }

    /// The same error, for item `index` of a list (`[index]` before the path).
    #[must_use]
    pub fn at_index(mut self, index: usize) -> Self {
        self.field = if self.field.is_empty() || self.field.starts_with('[') {
            Cow::Owned(format!("[{index}]{}", self.field))
        } else {
            Cow::Owned(format!("[{index}].{}", self.field))
        };
        self
    }

    /// An endpoint-specific rule broken by `field`.
    pub fn custom(
        field: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        ValidationError::new(
            field,
            Rule::Custom {
                message: message.into(),
            },
        )
    }

    /// The field's wire name (`needkick`, not `need_kick`), with its parents for nested
    /// values (`user_information.name`, `accids[3]`).
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The broken rule.
    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    /// The limit that was broken, for length and item-count rules.
    pub fn limit(&self) -> Option<usize> {
        match self.rule {
            Rule::MaxLen { limit, .. }
            | Rule::TooManyItems { limit, .. }
            | Rule::TooFewItems { limit, .. } => Some(limit),
            _ => None,
        }
    }

    /// The value's length in characters, or the list's item count, for those rules.
    pub fn actual(&self) -> Option<usize> {
        match self.rule {
            Rule::MaxLen { actual, .. }
            | Rule::TooManyItems { actual, .. }
            | Rule::TooFewItems { actual, .. } => Some(actual),
            _ => None,
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = &self.field;
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
            Rule::OutOfRange { min, max, actual } => match (min, max) {
                (Some(min), Some(max)) => {
                    write!(f, "`{field}` is {actual}, allowed {min} to {max}")
                }
                (Some(min), None) => write!(f, "`{field}` is {actual}, at least {min} allowed"),
                (None, Some(max)) => write!(f, "`{field}` is {actual}, at most {max} allowed"),
                (None, None) => write!(f, "`{field}` is {actual}, out of range"),
            },
            Rule::NotOneOf { allowed, actual } => {
                let allowed: Vec<String> = allowed.iter().map(i64::to_string).collect();
                write!(
                    f,
                    "`{field}` is {actual}, allowed one of {}",
                    allowed.join(", ")
                )
            }
            Rule::TooManyItems { limit, actual } => {
                write!(f, "`{field}` has {actual} items, at most {limit} allowed")
            }
            Rule::TooFewItems { limit, actual } => {
                write!(f, "`{field}` has {actual} items, at least {limit} required")
            }
            Rule::NotJson { line, column } => write!(
                f,
                "`{field}` must be JSON text; it is not valid JSON at line {line}, column {column}"
            ),
            Rule::PathSegment => write!(
                f,
                "`{field}` is `.` or `..`, which a URL path cannot carry as a value"
            ),
            Rule::SameAccount { other } => write!(
                f,
                "`{field}` names the same account as `{other}` (accids compare ignoring \
                 case); the action needs another account"
            ),
            Rule::Duplicate { item, first, again } => write!(
                f,
                "`{field}` lists {item:?} twice (items {first} and {again}); each may appear \
                 once (accounts compare ignoring case)"
            ),
            Rule::UnknownParameter { known } if known.is_empty() => {
                write!(f, "`{field}` is not a parameter: none are taken here")
            }
            Rule::UnknownParameter { known } => {
                write!(f, "`{field}` is not a parameter; expected one of ")?;
                for (i, name) in known.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}`{name}`")?;
                }
                Ok(())
            }
            Rule::WrongType { reason } if field.is_empty() => {
                write!(f, "the parameters cannot be read: {reason}")
            }
            Rule::WrongType { reason } => write!(f, "`{field}` cannot be read: {reason}"),
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
    message = "`{Self}` is not a text field, so text rules cannot apply to it",
    label = "`max_len`, `accid` and `json` need `String`, `&str`, `Cow<str>` or an `Option` of one",
    note = "remove the rule from this field, or change its type to `String` or `Option<String>`"
)]
pub trait Text {
    /// The text, or `None` when the value is absent.
    fn text(&self) -> Option<&str>;
}

/// A field type that names an account: the types `distinct = [owner, other]` compares.
///
/// Implemented for `Accid`, `String`, `str`, `Box<str>`, `Cow<str>`, references to them and
/// `Option` of any of them (`None` names no account, so it passes).
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not name an account, so `distinct` cannot compare it",
    label = "`distinct = [owner, other]` needs `Accid`, `String` or an `Option` of one",
    note = "name two account fields in `distinct`, or check this pair with `custom = fn`"
)]
pub trait AccountName {
    /// The account's id as written, or `None` when absent.
    fn account_name(&self) -> Option<&str>;
}

macro_rules! impl_account_name {
    ($($ty:ty),*) => {$(
        impl AccountName for $ty {
            fn account_name(&self) -> Option<&str> {
                Some(self)
            }
        }
    )*};
}

impl_account_name!(String, str, Box<str>, Cow<'_, str>);

impl<T: AccountName + ?Sized> AccountName for &T {
    fn account_name(&self) -> Option<&str> {
        (**self).account_name()
    }
}

impl<T: AccountName> AccountName for Option<T> {
    fn account_name(&self) -> Option<&str> {
        self.as_ref().and_then(AccountName::account_name)
    }
}

/// An item of a list whose items must be distinct (`unique`): an account or other text
/// (compared ignoring ASCII case, as the server lowercases accids) or an integer id.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared for `unique`",
    label = "`unique` needs a list of accounts, text or integer ids",
    note = "remove `unique`, or check the list with `custom = fn`"
)]
pub trait UniqueItem {
    /// The item as compared: lowercased text, or the integer's digits.
    fn unique_key(&self) -> Option<Cow<'_, str>>;
}

impl<T: AccountName + ?Sized> UniqueItem for T {
    fn unique_key(&self) -> Option<Cow<'_, str>> {
        let name = self.account_name()?;
        Some(if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        })
    }
}

macro_rules! impl_unique_integer {
    ($($ty:ty),*) => {$(
        impl UniqueItem for $ty {
            fn unique_key(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Owned(self.to_string()))
            }
        }
    )*};
}

impl_unique_integer!(u32, u64, i64);

/// A field type holding a list whose items must be distinct: the types `unique` applies to.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list of accounts, text or integer ids, so `unique` cannot \
               apply to it",
    label = "`unique` needs a `Vec` (or an `Option<Vec<_>>`) of `Accid`, text or integers"
)]
pub trait UniqueList {
    /// The first item written twice: `(item, first position, position of the repeat)`.
    fn first_repeat(&self) -> Option<(String, usize, usize)>;
}

impl<T: UniqueItem> UniqueList for [T] {
    fn first_repeat(&self) -> Option<(String, usize, usize)> {
        let mut seen: std::collections::HashMap<Cow<'_, str>, usize> =
            std::collections::HashMap::with_capacity(self.len());
        for (again, item) in self.iter().enumerate() {
            let Some(key) = item.unique_key() else {
                continue;
            };
            if let Some(&first) = seen.get(&key) {
                return Some((key.into_owned(), first, again));
            }
            seen.insert(key, again);
        }
        None
    }
}

impl<T: UniqueItem> UniqueList for Vec<T> {
    fn first_repeat(&self) -> Option<(String, usize, usize)> {
        self.as_slice().first_repeat()
    }
}

impl<T: UniqueList> UniqueList for Option<T> {
    fn first_repeat(&self) -> Option<(String, usize, usize)> {
        self.as_ref().and_then(UniqueList::first_repeat)
    }
}

impl<T: UniqueList + ?Sized> UniqueList for &T {
    fn first_repeat(&self) -> Option<(String, usize, usize)> {
        (**self).first_repeat()
    }
}

/// `unique`: no item of the list twice (accounts and text compared ignoring ASCII case). An
/// absent list passes.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::{unique, Rule};
///
/// let members = vec!["alice", "bob", "Alice"];
/// let err = unique("members", &members).unwrap_err();
/// assert_eq!(err.rule(), &Rule::Duplicate { item: "alice".into(), first: 0, again: 2 });
/// assert!(unique("members", &vec!["alice", "bob"]).is_ok());
/// assert!(unique("tids", &vec![1_u64, 2, 1]).is_err());
/// ```
pub fn unique<T: UniqueList + ?Sized>(
    field: &'static str,
    value: &T,
) -> Result<(), ValidationError> {
    match value.first_repeat() {
        None => Ok(()),
        Some((item, first, again)) => Err(ValidationError::new(
            field,
            Rule::Duplicate { item, first, again },
        )),
    }
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

/// `required`: the value is present and, for text, non-empty.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::required;
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

/// `distinct = [owner, other]` on the struct: `value` (field `field`) must not name the same
/// account as `owner` (field `owner_field`). Accids are compared ignoring ASCII case, as the
/// server lowercases them. An absent value passes. The derive reads both through
/// [`AccountName`].
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::{Rule, distinct};
///
/// assert!(distinct("faccid", Some("lisi"), "accid", Some("zhangsan")).is_ok());
/// assert!(distinct("faccid", None, "accid", Some("zhangsan")).is_ok());
/// let err = distinct("faccid", Some("ZhangSan"), "accid", Some("zhangsan")).unwrap_err();
/// assert_eq!(err.rule(), &Rule::SameAccount { other: "accid" });
/// assert_eq!(
///     err.to_string(),
///     "`faccid` names the same account as `accid` (accids compare ignoring case); the action needs another account",
/// );
/// ```
pub fn distinct(
    field: &'static str,
    value: Option<&str>,
    owner_field: &'static str,
    owner: Option<&str>,
) -> Result<(), ValidationError> {
    match (value, owner) {
        (Some(a), Some(b)) if a.eq_ignore_ascii_case(b) => Err(ValidationError::new(
            field,
            Rule::SameAccount { other: owner_field },
        )),
        _ => Ok(()),
    }
}

/// `max_len = limit`: at most `limit` characters (Unicode scalar values, not bytes).
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::max_len;
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
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::accid;
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

/// A field type holding a number: the types `min`, `max` and `one_of` apply to.
///
/// Implemented for the integer types and `Option` of them (`None` is absent: it passes).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number, so `min`, `max` and `one_of` cannot apply to it",
    label = "range rules need an integer type or an `Option` of one",
    note = "for a set of named values, declare an enum instead of a number rule"
)]
pub trait Number {
    /// The value, or `None` when it is absent.
    fn number(&self) -> Option<i128>;
}

macro_rules! impl_number {
    ($($ty:ty),*) => {$(
        impl Number for $ty {
            fn number(&self) -> Option<i128> {
                Some(i128::from(*self))
            }
        }
    )*};
}

impl_number!(u8, u16, u32, u64, i8, i16, i32, i64);

impl<T: Number> Number for Option<T> {
    fn number(&self) -> Option<i128> {
        self.as_ref().and_then(Number::number)
    }
}

impl<T: Number + ?Sized> Number for &T {
    fn number(&self) -> Option<i128> {
        (**self).number()
    }
}

/// A field type holding a list: the types `min_items` and `max_items` apply to.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list, so `min_items` and `max_items` cannot apply to it",
    label = "item-count rules need a `Vec` or an `Option<Vec<_>>`"
)]
pub trait List {
    /// How many items the list has, or `None` when it is absent.
    fn items(&self) -> Option<usize>;
}

impl<T> List for Vec<T> {
    fn items(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> List for [T] {
    fn items(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T: List> List for Option<T> {
    fn items(&self) -> Option<usize> {
        self.as_ref().and_then(List::items)
    }
}

impl<T: List + ?Sized> List for &T {
    fn items(&self) -> Option<usize> {
        (**self).items()
    }
}

impl<T> Presence for Vec<T> {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

/// A value that checks itself: an [`Accid`](crate::Accid), a nested parameter object
/// (`#[derive(Params)]`), or a list or `Option` of them.
///
/// Errors name the path inside the value (`name`, `[3]`, or nothing for the value itself);
/// the field holding the value adds its own name with [`ValidationError::within`]. The
/// derive checks every field whose type implements this trait, with no attribute needed.
pub trait Validate {
    /// Checks every rule of the value.
    fn validate(&self) -> Result<(), ValidationError>;
}

impl<T: Validate> Validate for Option<T> {
    fn validate(&self) -> Result<(), ValidationError> {
        self.as_ref().map_or(Ok(()), Validate::validate)
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self) -> Result<(), ValidationError> {
        self.iter()
            .enumerate()
            .try_for_each(|(i, item)| item.validate().map_err(|e| e.at_index(i)))
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate(&self) -> Result<(), ValidationError> {
        (**self).validate()
    }
}

/// `min = a, max = b`: a number within `a..=b` (either bound may be absent). An absent value
/// passes.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::range;
/// assert!(range("type", &Some(4u8), Some(1), Some(4)).is_ok());
/// let err = range("type", &9u8, Some(1), Some(4)).unwrap_err();
/// assert_eq!(err.to_string(), "`type` is 9, allowed 1 to 4");
/// ```
pub fn range<T: Number + ?Sized>(
    field: &'static str,
    value: &T,
    min: Option<i64>,
    max: Option<i64>,
) -> Result<(), ValidationError> {
    let Some(actual) = value.number() else {
        return Ok(());
    };
    let below = min.is_some_and(|min| actual < i128::from(min));
    let above = max.is_some_and(|max| actual > i128::from(max));
    if below || above {
        Err(ValidationError::new(
            field,
            Rule::OutOfRange { min, max, actual },
        ))
    } else {
        Ok(())
    }
}

/// `one_of = [..]`: a number among the values the API defines. An absent value passes.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::one_of;
/// assert!(one_of("client_type", &16u32, &[1, 2, 4, 16, 64]).is_ok());
/// assert!(one_of("client_type", &3u32, &[1, 2, 4, 16, 64]).is_err());
/// ```
pub fn one_of<T: Number + ?Sized>(
    field: &'static str,
    value: &T,
    allowed: &'static [i64],
) -> Result<(), ValidationError> {
    match value.number() {
        Some(actual) if !allowed.iter().any(|&a| i128::from(a) == actual) => Err(
            ValidationError::new(field, Rule::NotOneOf { allowed, actual }),
        ),
        _ => Ok(()),
    }
}

/// `min_items = a, max_items = b`: a list with `a..=b` items. An absent list passes.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::items;
/// let accids = vec!["a"; 201];
/// let err = items("accids", &accids, None, Some(200)).unwrap_err();
/// assert_eq!(err.to_string(), "`accids` has 201 items, at most 200 allowed");
/// ```
pub fn items<T: List + ?Sized>(
    field: &'static str,
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), ValidationError> {
    let Some(actual) = value.items() else {
        return Ok(());
    };
    if let Some(limit) = max.filter(|&max| actual > max) {
        return Err(ValidationError::new(
            field,
            Rule::TooManyItems { limit, actual },
        ));
    }
    if let Some(limit) = min.filter(|&min| actual < min) {
        return Err(ValidationError::new(
            field,
            Rule::TooFewItems { limit, actual },
        ));
    }
    Ok(())
}

/// `json`: text that must be valid JSON (a `bid`, an `ex` the API parses). An absent value
/// passes; an empty one does not.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::json;
/// assert!(json("bid", &r#"{"textbid":"1"}"#.to_string()).is_ok());
/// let err = json("bid", &"{oops".to_string()).unwrap_err();
/// assert!(err.to_string().starts_with("`bid` must be JSON text"));
/// ```
pub fn json<T: Text + ?Sized>(field: &'static str, value: &T) -> Result<(), ValidationError> {
    let Some(text) = value.text() else {
        return Ok(());
    };
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => Ok(()),
        Err(e) => Err(ValidationError::new(
            field,
            Rule::NotJson {
                line: e.line(),
                column: e.column(),
            },
        )),
    }
}

/// The accid as sent: ASCII-lowercased, borrowed when it already is.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::validate::accid_wire;
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
