//! Actions described at run time: read from a JSON object of parameters by their wire names
//! ([`FromWire`]), listed with their parameters ([`ParamInfo`]), and sent as an
//! [`EncodedCall`] that answers JSON. This is what a command line (`nim call <action>
//! --param k=v`) or any other caller that knows an action only by name builds on.
//!
//! `#[derive(Endpoint)]` and `#[derive(Params)]` implement [`FromWire`] for every action and
//! parameter object; nothing is written by hand.
//!
//! # How values are read
//!
//! Parameters are keyed by their wire names (`accid`, `msgtype`, `account_id`), path and
//! query parameters by theirs too, the members of a flattened object (`#[nim(flatten)]`) as
//! the action's own. Each value is read as its field's type, accepting both what a person
//! types and what the wire carries:
//!
//! | the field is | accepted |
//! | --- | --- |
//! | text (`String`, `Accid`, ids) | a JSON string; a number or `true`/`false` as its JSON text |
//! | a number, or an enum sent as one | a JSON number, or text holding one (`"42"`) |
//! | a flag (`bool`) | `true`/`false`, `0`/`1`, or text holding any of them |
//! | a list | a JSON array; text holding one (the v1 form: `"[\"a\",\"b\"]"`); comma-separated text (the v2 query form: `"a,b"`) |
//! | a parameter object | a JSON object, or text holding one (the v1 form) |
//! | an `Option` | absent or `null` for unset |
//!
//! A key the action does not have is an error naming it and the known ones; an absent
//! parameter that is not an `Option` is [`Rule::Required`];
//! a value of the wrong type is [`Rule::WrongType`]. The
//! field rules themselves ([`Endpoint::validate`]) run when the action is encoded, as for
//! an action built in Rust.
//!
//! ```
//! # extern crate nim_core as nim_api;
//! use nim_api::dynamic::{EncodedCall, FromWire, ParamInfo, ParamPlace};
//! use nim_api::{Endpoint, Form, FormValue, NoContent, ValidationError};
//! use serde_json::json;
//!
//! /// A hand-written action; `#[derive(Endpoint)]` writes all of this.
//! struct Block { accid: String, needkick: Option<bool> }
//!
//! impl Endpoint for Block {
//!     const PATH: &'static str = "user/block.action";
//!     type Response = NoContent;
//!     fn validate(&self) -> Result<(), ValidationError> {
//!         nim_api::validate::required("accid", self.accid.as_str())
//!     }
//!     fn write_form(&self, form: &mut Form) {
//!         self.accid.write_form("accid", form);
//!         self.needkick.write_form("needkick", form);
//!     }
//! }
//!
//! impl FromWire for Block {
//!     const PARAMS: &'static [ParamInfo] = &[
//!         ParamInfo::new("accid", "String", true, ParamPlace::Body).with_rules("required"),
//!         ParamInfo::new("needkick", "Option<bool>", false, ParamPlace::Body),
//!     ];
//!     fn from_wire(value: serde_json::Value) -> Result<Self, ValidationError> {
//!         let mut params = nim_api::dynamic::object(value)?;
//!         nim_api::dynamic::no_unknown(&params, Self::PARAMS)?;
//!         let accid = nim_api::dynamic::param(&mut params, "accid")?.unwrap_or_default();
//!         let needkick = nim_api::dynamic::param(&mut params, "needkick")?;
//!         Ok(Block { accid, needkick })
//!     }
//! }
//!
//! let block = Block::from_wire(json!({"accid": "zhangsan", "needkick": "true"})).unwrap();
//! let call = EncodedCall::of(&block).unwrap();
//! assert_eq!(call.into_encoded().body.unwrap().1, "accid=zhangsan&needkick=true");
//! ```

mod lenient;

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::decode;
use crate::endpoint::{Encoded, Endpoint};
use crate::error::Error;
use crate::rate::RateLimit;
use crate::validate::{Rule, ValidationError};

/// A value that can be read from the JSON form of its parameters, keyed by wire names: an
/// action or a parameter object. Derived with `#[derive(Endpoint)]` and
/// `#[derive(Params)]`; see the [module documentation](self) for how values are read, and
/// for a hand-written impl.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::dynamic::FromWire;
///
/// // A list of objects is read item by item; errors name the item.
/// let err = <Vec<Flag>>::from_wire(serde_json::json!([{"on": true}, {"on": "maybe"}]));
/// assert_eq!(err.unwrap_err().field(), "[1].on");
/// # #[derive(Debug)]
/// # struct Flag { on: bool }
/// # impl FromWire for Flag {
/// #     const PARAMS: &'static [nim_api::dynamic::ParamInfo] = &[];
/// #     fn from_wire(value: serde_json::Value) -> Result<Self, nim_api::ValidationError> {
/// #         let mut members = nim_api::dynamic::object(value)?;
/// #         Ok(Flag { on: nim_api::dynamic::param(&mut members, "on")?.unwrap_or_default() })
/// #     }
/// # }
/// ```
pub trait FromWire: Sized {
    /// The parameters, in declaration order (skipped fields left out).
    const PARAMS: &'static [ParamInfo];

    /// Reads the value from a JSON object (or text holding one). Unknown keys, absent
    /// required parameters and values of the wrong type are errors naming the parameter;
    /// the field rules are not checked here.
    fn from_wire(value: Value) -> Result<Self, ValidationError>;
}

/// A parameter object whose members are sent as the parameters of the action that holds it
/// (`#[nim(flatten)]`): read from the action's own parameters. Derived with
/// `#[derive(Params)]`.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::dynamic::{FromWireMembers, ParamInfo, ParamPlace};
///
/// struct Point { x: i32 }
/// impl FromWireMembers for Point {
///     const MEMBERS: &'static [ParamInfo] = &[ParamInfo::new("x", "i32", true, ParamPlace::Body)];
///     fn from_wire_members(
///         params: &mut serde_json::Map<String, serde_json::Value>,
///     ) -> Result<Self, nim_api::ValidationError> {
///         Ok(Point { x: nim_api::dynamic::param(params, "x")?.unwrap_or_default() })
///     }
/// }
///
/// let mut params = nim_api::dynamic::object(serde_json::json!({"x": "3", "y": 4})).unwrap();
/// assert_eq!(Point::from_wire_members(&mut params).unwrap().x, 3);
/// assert_eq!(params.len(), 1); // `y` is left for the action
/// ```
pub trait FromWireMembers: Sized {
    /// The members, in declaration order.
    const MEMBERS: &'static [ParamInfo];

    /// Reads the value from the members in `params` it knows, taking them out; the others are
    /// left for the action.
    fn from_wire_members(params: &mut Map<String, Value>) -> Result<Self, ValidationError>;
}

/// An unset object is read as `null`.
impl<T: FromWire> FromWire for Option<T> {
    const PARAMS: &'static [ParamInfo] = T::PARAMS;

    fn from_wire(value: Value) -> Result<Self, ValidationError> {
        match value {
            Value::Null => Ok(None),
            value => T::from_wire(value).map(Some),
        }
    }
}

/// A list of objects: a JSON array, or text holding one.
impl<T: FromWire> FromWire for Vec<T> {
    const PARAMS: &'static [ParamInfo] = T::PARAMS;

    fn from_wire(value: Value) -> Result<Self, ValidationError> {
        let items = match value {
            Value::Array(items) => items,
            Value::String(text) if text.trim_start().starts_with('[') => {
                serde_json::from_str(&text).map_err(|e| wrong_type(&e))?
            }
            other => return Err(wrong_type_of(&other, "a list")),
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| T::from_wire(item).map_err(|e| e.at_index(i)))
            .collect()
    }
}

/// Where a parameter is sent.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::dynamic::ParamPlace;
/// assert_eq!(ParamPlace::Path.as_str(), "path");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParamPlace {
    /// The body: a form field (v1), a JSON member (v2), a member of a parameter object.
    Body,
    /// A `{name}` of the v2 path template.
    Path,
    /// The query string (v2).
    Query,
    /// The body, as the members of a flattened object: see [`ParamInfo::members`].
    Flattened,
}

impl ParamPlace {
    /// `"body"`, `"path"`, `"query"` or `"flattened"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ParamPlace::Body => "body",
            ParamPlace::Path => "path",
            ParamPlace::Query => "query",
            ParamPlace::Flattened => "flattened",
        }
    }
}

/// One parameter of an action or parameter object, as declared: what `nim actions
/// --verbose` prints. The derives write them (`FromWire::PARAMS`).
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::dynamic::{ParamInfo, ParamPlace};
///
/// let name = ParamInfo::new("name", "Option<String>", false, ParamPlace::Body)
///     .with_rules("max_len = 64");
/// assert_eq!((name.name, name.ty, name.required), ("name", "Option<String>", false));
/// assert_eq!(name.rules, "max_len = 64");
/// assert!(name.members().is_empty());
/// ```
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct ParamInfo {
    /// The wire name (`accid`, `account_id`); for a flattened object, the field's name.
    pub name: &'static str,
    /// The field's Rust type as written, e.g. `"Option<Vec<Accid>>"`.
    pub ty: &'static str,
    /// Whether it must be given: not an `Option`, no default, or marked `required`.
    pub required: bool,
    /// Where it is sent.
    pub place: ParamPlace,
    /// Its rules as written in `#[nim(...)]`, e.g. `"max_len = 64"`; empty when none.
    pub rules: &'static str,
    members: fn() -> &'static [ParamInfo],
}

/// No members: the `members` of a value that is not a parameter object.
fn no_members() -> &'static [ParamInfo] {
    &[]
}

impl ParamInfo {
    /// A parameter called `name` on the wire, of type `ty` (as written, for people), with no
    /// rules and no members: for a hand-written [`FromWire`] impl.
    pub const fn new(
        name: &'static str,
        ty: &'static str,
        required: bool,
        place: ParamPlace,
    ) -> ParamInfo {
        ParamInfo::__new(name, ty, required, place, "", no_members)
    }

    /// The same parameter, with its rules described (e.g. `"max_len = 64"`).
    #[must_use]
    pub const fn with_rules(mut self, rules: &'static str) -> ParamInfo {
        self.rules = rules;
        self
    }

    /// What the derive writes for each parameter. Not a public API.
    #[doc(hidden)]
    pub const fn __new(
        name: &'static str,
        ty: &'static str,
        required: bool,
        place: ParamPlace,
        rules: &'static str,
        members: fn() -> &'static [ParamInfo],
    ) -> ParamInfo {
        ParamInfo {
            name,
            ty,
            required,
            place,
            rules,
            members,
        }
    }

    /// The members of a parameter object (nested, a list of them, or flattened: then they
    /// are parameters of the action itself); empty for other values.
    pub fn members(&self) -> &'static [ParamInfo] {
        (self.members)()
    }
}

impl fmt::Debug for ParamInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParamInfo")
            .field("name", &self.name)
            .field("ty", &self.ty)
            .field("required", &self.required)
            .field("place", &self.place)
            .field("rules", &self.rules)
            .field("members", &self.members())
            .finish()
    }
}

/// Reads a value of a type with a `Deserialize` impl leniently: numbers and flags from text,
/// text from numbers, lists from JSON text or comma-separated text, objects from JSON text
/// (see the [module documentation](self)). The error's field is empty: name it with
/// [`ValidationError::within`].
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::dynamic::from_value;
/// use serde_json::json;
///
/// assert_eq!(from_value::<u32>(json!("42")).unwrap(), 42);
/// assert_eq!(from_value::<Vec<String>>(json!("a,b")).unwrap(), ["a", "b"]);
/// let err = from_value::<u8>(json!("many")).unwrap_err().within("count");
/// assert_eq!(err.field(), "count");
/// assert!(err.to_string().starts_with("`count` cannot be read: invalid type"), "{err}");
/// ```
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, ValidationError> {
    T::deserialize(lenient::Lenient(value)).map_err(|e| wrong_type(&e))
}

/// The members of a JSON object given as parameters, or as text holding one (the v1 form of
/// a nested object).
///
/// ```
/// # extern crate nim_core as nim_api;
/// use serde_json::json;
///
/// let members = nim_api::dynamic::object(json!(r#"{"a":1}"#)).unwrap();
/// assert_eq!(members["a"], 1);
/// assert!(nim_api::dynamic::object(json!([1])).is_err());
/// ```
pub fn object(value: Value) -> Result<Map<String, Value>, ValidationError> {
    match value {
        Value::Object(members) => Ok(members),
        Value::String(text) if text.trim_start().starts_with('{') => {
            serde_json::from_str(&text).map_err(|e| wrong_type(&e))
        }
        other => Err(wrong_type_of(&other, "a JSON object of parameters")),
    }
}

/// Takes the parameter `name` out of `params`; `null` counts as absent.
///
/// ```
/// # extern crate nim_core as nim_api;
/// let mut params = nim_api::dynamic::object(serde_json::json!({"a": null, "b": 1})).unwrap();
/// assert_eq!(nim_api::dynamic::take(&mut params, "a"), None);
/// assert_eq!(nim_api::dynamic::take(&mut params, "b"), Some(serde_json::json!(1)));
/// assert!(params.is_empty());
/// ```
pub fn take(params: &mut Map<String, Value>, name: &str) -> Option<Value> {
    params.remove(name).filter(|value| !value.is_null())
}

/// Takes the parameter `name` out of `params` and reads it with [`from_value`], naming it in
/// the error: what a hand-written [`FromWire`] impl reads each member with.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use serde_json::json;
///
/// let mut params = nim_api::dynamic::object(json!({"limit": "10"})).unwrap();
/// assert_eq!(nim_api::dynamic::param::<u32>(&mut params, "limit").unwrap(), Some(10));
/// assert_eq!(nim_api::dynamic::param::<u32>(&mut params, "limit").unwrap(), None);
/// ```
pub fn param<T: DeserializeOwned>(
    params: &mut Map<String, Value>,
    name: &'static str,
) -> Result<Option<T>, ValidationError> {
    take(params, name)
        .map(from_value)
        .transpose()
        .map_err(|e| e.within(name))
}

/// Fails on the first key of `params` (in key order) that is none of `known` (nor a member
/// of one of them that is flattened), listing the known names. Run before reading, so a typo
/// of a required parameter is reported as the typo.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use serde_json::json;
///
/// let params = nim_api::dynamic::object(json!({"acid": "x"})).unwrap();
/// let err = nim_api::dynamic::no_unknown(&params, &[]).unwrap_err();
/// assert_eq!(err.field(), "acid");
/// assert!(nim_api::dynamic::no_unknown(&serde_json::Map::new(), &[]).is_ok());
/// ```
pub fn no_unknown(
    params: &Map<String, Value>,
    known: &'static [ParamInfo],
) -> Result<(), ValidationError> {
    let names = names(known);
    match params.keys().find(|key| !names.contains(&key.as_str())) {
        None => Ok(()),
        Some(key) => Err(ValidationError::new(
            key.clone(),
            Rule::UnknownParameter { known: names },
        )),
    }
}

/// The names given for `params`: a flattened object's members in its place.
fn names(params: &'static [ParamInfo]) -> Vec<&'static str> {
    let mut names = Vec::with_capacity(params.len());
    for param in params {
        match param.place {
            ParamPlace::Flattened => names.extend(self::names(param.members())),
            _ => names.push(param.name),
        }
    }
    names
}

/// A reader's error, without the value it may quote (a token typed by hand is still a token).
fn wrong_type(err: &serde_json::Error) -> ValidationError {
    ValidationError::new(
        "",
        Rule::WrongType {
            reason: mask_given_value(&err.to_string()),
        },
    )
}

/// A reader's message without the value it was given (it may be a token typed into the
/// wrong parameter), keeping what the reader expected and any field it names:
///
/// - this crate's id types: `` `x` is not an id`` (the value runs to the last `` ` is not``);
/// - serde's `unknown variant `x`, expected one of ...` (to the last `` `, expected``);
/// - serde's `invalid type`/`invalid value`/`invalid length` messages, which quote the value
///   in `"..."`;
///
/// and anything else (`missing field `lat``, `unknown field ...`) as it is: those name
/// fields, not values.
fn mask_given_value(message: &str) -> String {
    if let Some(rest) = message.strip_prefix('`') {
        return match rest.rfind("` is not") {
            Some(end) => format!("`…{}", &rest[end..]),
            None => "`…`".to_owned(),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        return match rest.rfind("`, expected") {
            Some(end) => format!("unknown variant `…{}", &rest[end..]),
            None => "unknown variant `…`".to_owned(),
        };
    }
    decode::mask_values(message)
}

/// `value` is not `expected`; names only the kind of value given.
fn wrong_type_of(value: &Value, expected: &str) -> ValidationError {
    let given = match value {
        Value::Null => "null",
        Value::Bool(_) => "a flag",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    ValidationError::new(
        "",
        Rule::WrongType {
            reason: format!("{given} given, {expected} expected"),
        },
    )
}

/// A validated, encoded request together with what the client needs to know about its
/// action (its rate-limit key, whether it may be retried, how its answer is checked): what
/// [`Client::call_encoded`](crate::Client::call_encoded) sends, for actions known only at run
/// time. Its answer is JSON.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::dynamic::EncodedCall;
/// use nim_api::{Accid, Endpoint, Form, FormValue, NoContent, ValidationError};
///
/// struct Unblock { accid: Accid }
/// impl Endpoint for Unblock {
///     const PATH: &'static str = "user/unblock.action";
///     const IDEMPOTENT: bool = true;
///     type Response = NoContent;
///     fn validate(&self) -> Result<(), ValidationError> { Ok(()) }
///     fn write_form(&self, form: &mut Form) { self.accid.write_form("accid", form) }
/// }
///
/// let call = EncodedCall::of(&Unblock { accid: "A".into() }).unwrap();
/// assert!(call.is_idempotent());
/// assert_eq!(call.encoded().path, "user/unblock.action");
/// let answer = call.decode(br#"{"code":200}"#).unwrap();
/// assert_eq!(answer["code"], 200);
/// assert_eq!(call.decode(br#"{"code":414,"desc":"bad"}"#).unwrap_err().api_code(), Some(414));
/// ```
///
/// Its parts are read-only: what the client may do with a call (send it again, how fast)
/// comes from the action's declaration, and is not changed on the way.
#[derive(Clone)]
pub struct EncodedCall {
    pub(crate) encoded: Encoded,
    pub(crate) action_path: &'static str,
    pub(crate) idempotent: bool,
    pub(crate) rate_limit: Option<RateLimit>,
    pub(crate) check: fn(&[u8]) -> Result<Value, Error>,
}

impl EncodedCall {
    /// Validates and encodes `request`; its answer will be checked against `E::Response`.
    pub fn of<E: Endpoint>(request: &E) -> Result<EncodedCall, ValidationError> {
        Ok(EncodedCall {
            encoded: request.encode()?,
            action_path: E::PATH,
            idempotent: E::IDEMPOTENT,
            rate_limit: E::RATE_LIMIT,
            check: decode::decode_answer::<E>,
        })
    }

    /// A request encoded by other means, for an action declared nowhere, its answer checked
    /// for its code only. `action_path` keys the client's per-action settings and rate
    /// limiter (e.g. `"demo/thing.action"`): give a path no declared action has, since the
    /// first limit seen for a path is the one kept. `idempotent` says whether the client may
    /// send it again when an attempt's outcome is unknown; `rate_limit` is its own limit, if
    /// stricter than the app's.
    ///
    /// ```
    /// # extern crate nim_core as nim_api;
    /// use nim_api::dynamic::EncodedCall;
    /// use nim_api::{ApiVersion, Encoded, Method, RateLimit};
    ///
    /// let encoded = Encoded {
    ///     method: Method::Post,
    ///     version: ApiVersion::V1,
    ///     path: "demo/thing.action".to_owned(),
    ///     body: Some((nim_api::FORM_CONTENT_TYPE, "a=1".to_owned())),
    /// };
    /// let call = EncodedCall::new(encoded, "demo/thing.action", true, Some(RateLimit::per_minute(120)));
    /// assert!(call.is_idempotent());
    /// assert_eq!(call.rate_limit(), Some(RateLimit::per_minute(120)));
    /// assert_eq!(call.decode(br#"{"code":200,"anything":[1]}"#).unwrap()["anything"][0], 1);
    /// ```
    pub fn new(
        encoded: Encoded,
        action_path: &'static str,
        idempotent: bool,
        rate_limit: Option<RateLimit>,
    ) -> EncodedCall {
        EncodedCall {
            encoded,
            action_path,
            idempotent,
            rate_limit,
            check: decode::decode_any_answer,
        }
    }

    /// The request: method, path with its query, body.
    pub fn encoded(&self) -> &Encoded {
        &self.encoded
    }

    /// The request, taken out of the call.
    pub fn into_encoded(self) -> Encoded {
        self.encoded
    }

    /// The action's path as declared ([`Endpoint::PATH`]; the template for v2): the key of
    /// its rate limiter and of the client's per-action settings.
    pub fn action_path(&self) -> &'static str {
        self.action_path
    }

    /// Whether the client may send it again when an attempt's outcome is unknown.
    pub fn is_idempotent(&self) -> bool {
        self.idempotent
    }

    /// The action's own rate limit, if stricter than the app's.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit
    }

    /// Decodes an answer: the whole answer object when its code is 200 and its response fits
    /// the action's type, otherwise the error [`Client::call`](crate::Client::call) would
    /// return.
    pub fn decode(&self, body: &[u8]) -> Result<Value, Error> {
        (self.check)(body)
    }
}

impl fmt::Debug for EncodedCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EncodedCall")
            .field("encoded", &self.encoded)
            .field("action_path", &self.action_path)
            .field("idempotent", &self.idempotent)
            .field("rate_limit", &self.rate_limit)
            .finish_non_exhaustive()
    }
}

/// What the derive's `FromWire` impls call; not a public API.
#[doc(hidden)]
pub mod __private {
    use super::*;

    /// The required parameter `name` is absent.
    pub fn missing(name: &'static str) -> ValidationError {
        ValidationError::new(name, Rule::Required)
    }

    /// Chooses how a field's value is read, by the most specific means its type has, by
    /// method resolution at the concrete type (`(&&&Read::<T>::new()).reader()`): its own
    /// [`FromWire`] impl (found at the first step), else its `Deserialize` impl read
    /// leniently (the second), else an error saying it cannot be read (the third). The
    /// reader is a function pointer, so the code that calls it ([`read_required`],
    /// [`read_optional`], [`read_defaulted`]) is generic over the type only and shared by every field of that type.
    pub struct Read<T>(PhantomData<T>);

    impl<T> Read<T> {
        /// The reader of a `T`.
        #[allow(clippy::new_without_default)]
        pub const fn new() -> Self {
            Read(PhantomData)
        }
    }

    /// How a value is read.
    pub type Reader<T> = fn(Value) -> Result<T, ValidationError>;

    /// The first choice: `T: FromWire`.
    pub trait ReadWire<T> {
        /// The reader.
        fn reader(&self) -> Reader<T>;
        /// The members of a parameter object.
        fn wire_members(&self) -> &'static [ParamInfo];
    }

    impl<T: FromWire> ReadWire<T> for &&Read<T> {
        fn reader(&self) -> Reader<T> {
            T::from_wire
        }
        fn wire_members(&self) -> &'static [ParamInfo] {
            T::PARAMS
        }
    }

    /// The second choice: `T: Deserialize`.
    pub trait ReadSerde<T> {
        /// The reader.
        fn reader(&self) -> Reader<T>;
        /// None.
        fn wire_members(&self) -> &'static [ParamInfo];
    }

    impl<T: DeserializeOwned> ReadSerde<T> for &Read<T> {
        fn reader(&self) -> Reader<T> {
            from_value::<T>
        }
        fn wire_members(&self) -> &'static [ParamInfo] {
            &[]
        }
    }

    /// The last resort: a type that cannot be read.
    pub trait ReadNothing<T> {
        /// A reader that fails.
        fn reader(&self) -> Reader<T>;
        /// None.
        fn wire_members(&self) -> &'static [ParamInfo];
    }

    impl<T> ReadNothing<T> for Read<T> {
        fn reader(&self) -> Reader<T> {
            |_| Err(cannot_read())
        }
        fn wire_members(&self) -> &'static [ParamInfo] {
            &[]
        }
    }

    /// A field that must be given: read by `read`, [`missing`] when absent.
    pub fn read_required<T>(
        params: &mut Map<String, Value>,
        name: &'static str,
        read: Reader<T>,
    ) -> Result<T, ValidationError> {
        match take(params, name) {
            Some(value) => read(value).map_err(|e| e.within(name)),
            None => Err(missing(name)),
        }
    }

    /// An `Option` field: `None` when absent.
    pub fn read_optional<T>(
        params: &mut Map<String, Value>,
        name: &'static str,
        read: Reader<T>,
    ) -> Result<Option<T>, ValidationError> {
        take(params, name)
            .map(|value| read(value).map_err(|e| e.within(name)))
            .transpose()
    }

    /// A `default` field: its `Default` when absent.
    pub fn read_defaulted<T: Default>(
        params: &mut Map<String, Value>,
        name: &'static str,
        read: Reader<T>,
    ) -> Result<T, ValidationError> {
        read_optional(params, name, read).map(Option::unwrap_or_default)
    }

    /// The value of a skipped field (`#[nim(skip)]`, never sent): its `Default` when it has
    /// one (`(&&Read::<T>::new()).skipped()` finds this impl first), else building the action
    /// by name fails with an error naming the field: a skipped field need not have a
    /// `Default` to compile.
    pub trait SkippedDefault<T> {
        /// The field's value, or why there is none.
        fn skipped(&self, name: &'static str) -> Result<T, ValidationError>;
    }

    impl<T: Default> SkippedDefault<T> for &Read<T> {
        fn skipped(&self, _name: &'static str) -> Result<T, ValidationError> {
            Ok(T::default())
        }
    }

    /// The fallback of [`SkippedDefault`]: a type without `Default`.
    pub trait SkippedNoDefault<T> {
        /// Why the field has no value.
        fn skipped(&self, name: &'static str) -> Result<T, ValidationError>;
    }

    impl<T> SkippedNoDefault<T> for Read<T> {
        fn skipped(&self, name: &'static str) -> Result<T, ValidationError> {
            Err(ValidationError::custom(
                name,
                "is skipped (never sent) and its type has no `Default`, so the action cannot \
                 be built by name",
            ))
        }
    }

    /// The members of a value that is not a parameter object.
    pub fn no_members() -> &'static [ParamInfo] {
        &[]
    }

    /// The error of a field `name` whose type cannot be read: it implements neither
    /// [`FromWire`] nor `Deserialize` for any lifetime (a borrowed value cannot be read from
    /// JSON the reader owns).
    pub fn unreadable<T>(name: &'static str) -> Result<T, ValidationError> {
        Err(cannot_read().within(name))
    }

    fn cannot_read() -> ValidationError {
        ValidationError::custom(
            "",
            "cannot be read from JSON: its type implements neither `FromWire` nor \
             `DeserializeOwned`",
        )
    }

    /// Reads a flattened object's members, chosen like [`Read`] (`(&&Read::<T>::new()).read_flat(params)`):
    /// `T: FromWireMembers` first.
    pub trait ReadFlat<T> {
        /// Reads the value from the action's parameters.
        fn read_flat(&self, params: &mut Map<String, Value>) -> Result<T, ValidationError>;
        /// The members.
        fn flat_members(&self) -> &'static [ParamInfo];
    }

    impl<T: FromWireMembers> ReadFlat<T> for &Read<T> {
        fn read_flat(&self, params: &mut Map<String, Value>) -> Result<T, ValidationError> {
            T::from_wire_members(params)
        }
        fn flat_members(&self) -> &'static [ParamInfo] {
            T::MEMBERS
        }
    }

    /// The fallback of [`ReadFlat`]: a type that cannot be read.
    pub trait ReadFlatNothing<T> {
        /// Fails.
        fn read_flat(&self, params: &mut Map<String, Value>) -> Result<T, ValidationError>;
        /// None.
        fn flat_members(&self) -> &'static [ParamInfo];
    }

    impl<T> ReadFlatNothing<T> for Read<T> {
        fn read_flat(&self, _params: &mut Map<String, Value>) -> Result<T, ValidationError> {
            Err(cannot_read())
        }
        fn flat_members(&self) -> &'static [ParamInfo] {
            &[]
        }
    }

    /// Whether any of `members` is among `params` (an optional flattened object is set).
    pub fn any_present(params: &Map<String, Value>, members: &[ParamInfo]) -> bool {
        members
            .iter()
            .any(|m| params.get(m.name).is_some_and(|v| !v.is_null()))
    }
}

#[cfg(test)]
mod tests {
    use super::mask_given_value;

    #[test]
    fn the_value_a_reader_quotes_is_masked_and_what_it_expected_kept() {
        assert_eq!(
            mask_given_value(r#"invalid type: string "tok\"en", expected u32"#),
            r#"invalid type: string "…", expected u32"#
        );
        assert_eq!(
            mask_given_value("unknown variant `secret`, expected one of `ios`, `aos`"),
            "unknown variant `…`, expected one of `ios`, `aos`"
        );
        assert_eq!(
            mask_given_value("`secret` is not an id"),
            "`…` is not an id"
        );
        assert_eq!(
            mask_given_value("`a` is not `b` is not an id"),
            "`…` is not an id"
        );
        assert_eq!(
            mask_given_value("unknown variant `a`b`, expected one of `ios`"),
            "unknown variant `…`, expected one of `ios`"
        );
        assert_eq!(mask_given_value("`secret is cut"), "`…`");
        assert_eq!(mask_given_value("invalid length 3"), "invalid length 3");
        // Field names are not values.
        assert_eq!(
            mask_given_value("missing field `lat`"),
            "missing field `lat`"
        );
        assert_eq!(
            mask_given_value("unknown field `md55`, expected `url`"),
            "unknown field `md55`, expected `url`"
        );
    }
}
