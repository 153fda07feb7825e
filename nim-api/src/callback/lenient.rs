//! Reading callback bodies as the docs show them: numbers that come as JSON numbers or as
//! strings, yes/no values in four spellings, JSON members sent as JSON or as a string
//! holding it. Error messages name what was expected, never the value sent (a body may hold
//! a token).
//!
//! An optional member that does not read as documented is dropped (`None`, or an empty
//! list) rather than costing the whole event: a copy refused with 400 is a copy lost, for
//! one odd piece of metadata. Only a required member of the wrong shape is `InvalidEvent`.

use std::str::FromStr;

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use nim_core::callback::CallbackError;

use crate::message::{MessageClientId, MessageServerId};

/// The body as a JSON object and its `eventType` (a number, or a string holding one;
/// `None` when absent or not a whole number). Anything but a JSON object is `InvalidJson`.
pub(crate) fn object(body: &[u8]) -> Result<(Option<u64>, Map<String, Value>), CallbackError> {
    let invalid = |reason: String| CallbackError::InvalidJson { reason };
    let parsed = serde_json::from_slice::<Value>(body);
    let map = match parsed.map_err(|e| invalid(without_values(&e.to_string())))? {
        Value::Object(map) => map,
        other => {
            return Err(invalid(format!(
                "expected a JSON object, found {}",
                kind_of(&other)
            )));
        }
    };
    let event_type = match map.get("eventType") {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(text)) => text.trim().parse().ok(),
        _ => None,
    };
    Ok((event_type, map))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads the event of a known `eventType`. A required member missing or of the wrong shape
/// is `InvalidEvent`, whose reason names the member (its path of wire names) and what was
/// expected, never the value sent.
pub(crate) fn read_event<T: DeserializeOwned>(
    event_type: u64,
    map: Map<String, Value>,
) -> Result<T, CallbackError> {
    let value = Value::Object(map);
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let path = e.path().to_string();
        let message = without_values(&e.into_inner().to_string());
        let member = if path != "." {
            Some(path)
        } else if message.starts_with("missing field") {
            None
        } else {
            flattened_culprit::<T>(&value)
        };
        let reason = match member {
            Some(member) => format!("`{member}`: {message}"),
            None => message,
        };
        CallbackError::InvalidEvent { event_type, reason }
    })
}

/// The member of a flattened struct (where serde loses the path) whose value is wrong: the
/// one whose removal reads, or reads as that very member missing. Bounded, since the body is
/// the sender's: a typed event has a few dozen members at most.
fn flattened_culprit<T: DeserializeOwned>(value: &Value) -> Option<String> {
    const MAX_TRIES: usize = 64;
    let map = value.as_object()?;
    map.keys()
        .take(MAX_TRIES)
        .find(|key| {
            let mut rest = map.clone();
            rest.remove(*key);
            match T::deserialize(&Value::Object(rest)) {
                Ok(_) => true,
                Err(e) => e.to_string() == format!("missing field `{key}`"),
            }
        })
        .cloned()
}

/// serde's message without the value it quotes (`invalid type: string "…", expected u64`
/// becomes `expected u64`). The messages of this module's readers quote no values.
pub(crate) fn without_values(message: &str) -> String {
    if let Some(at) = message.find(", expected ") {
        return message[at + 2..].to_owned();
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return "not of the documented type".to_owned();
    }
    message.to_owned()
}

/// Text: a string, or a number or boolean written as text. `null`, and a list or an object
/// where text belongs, are `None`.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(read_text(Value::deserialize(d)?).ok())
}

fn read_text(value: Value) -> Result<String, String> {
    match value {
        Value::String(text) => Ok(text),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(format!("expected text, found {}", kind_of(&other))),
    }
}

/// [`text`] that must be there.
pub(crate) fn req_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    read_text(Value::deserialize(d)?).map_err(D::Error::custom)
}

/// A number sent as a JSON number or as a string holding one. `null`, empty text and
/// anything that does not read as a `T` are `None`.
pub(crate) fn number<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
{
    Ok(read_number::<T, D::Error>(Value::deserialize(d)?)
        .ok()
        .flatten())
}

/// [`number`] that must be there and read.
pub(crate) fn req_number<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
{
    read_number(Value::deserialize(d)?)?
        .ok_or_else(|| D::Error::custom("expected a number, found nothing"))
}

/// `Ok(None)` for `null` and empty text; an error naming the expected type otherwise.
fn read_number<T: FromStr, E: serde::de::Error>(value: Value) -> Result<Option<T>, E> {
    let parsed = match value {
        Value::Null => return Ok(None),
        Value::String(text) if text.trim().is_empty() => return Ok(None),
        Value::String(text) => text.trim().parse().ok(),
        Value::Number(n) => n.to_string().parse().ok(),
        _ => None,
    };
    parsed.map(Some).ok_or_else(|| {
        E::custom(format_args!(
            "expected a {} number, or a string holding one",
            std::any::type_name::<T>()
        ))
    })
}

/// A code of a [`code_enum!`] type, read as [`number`] does.
pub(crate) fn code<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Code,
{
    Ok(number::<D, T::Repr>(d)?.map(T::from_code))
}

/// An enum of codes declared with [`code_enum!`].
pub(crate) trait Code {
    /// The code's integer type.
    type Repr: FromStr;
    /// The variant of `code` (`Other` when unknown).
    fn from_code(code: Self::Repr) -> Self;
}

/// A yes/no value: `true`/`false`, `1`/`0`, or text holding either.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(crate::wire::optional_flag(d).unwrap_or(None))
}

/// A JSON member sent as JSON, or as a string holding a JSON object or array. Text that is
/// not one stays [`Value::String`]; `null` and empty text are `None`.
pub(crate) fn json<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Ok(json_in(Value::deserialize(d)?))
}

/// [`json`] on a value already read.
pub(crate) fn json_in(value: Value) -> Option<Value> {
    match value {
        Value::Null => None,
        Value::String(text) if text.trim().is_empty() => None,
        Value::String(text) => match serde_json::from_str::<Value>(&text) {
            Ok(parsed @ (Value::Object(_) | Value::Array(_))) => Some(parsed),
            _ => Some(Value::String(text)),
        },
        other => Some(other),
    }
}

/// A list of accounts sent as a JSON array, as a string holding one, or as the bracketed
/// text `[a, b]` the docs show for `tMembers`. `null`, empty text and any other shape are
/// empty.
pub(crate) fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let items = match Value::deserialize(d)? {
        Value::Null => return Ok(Vec::new()),
        Value::Array(items) => items,
        Value::String(text) => match serde_json::from_str::<Value>(&text) {
            Ok(Value::Array(items)) => items,
            _ => {
                let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
                return Ok(inner
                    .split(',')
                    .map(|item| item.trim().trim_matches('"').to_owned())
                    .filter(|item| !item.is_empty())
                    .collect());
            }
        },
        _ => return Ok(Vec::new()),
    };
    // Accounts are text; a number is written as text, anything else is dropped.
    Ok(items
        .into_iter()
        .filter_map(|item| match item {
            Value::String(text) => Some(text),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect())
}

/// A message's server id, as a number or a string holding one.
pub(crate) fn server_id<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<MessageServerId>, D::Error> {
    Ok(number::<D, u64>(d)?.map(MessageServerId::new))
}

/// [`server_id`] that must be there.
pub(crate) fn req_server_id<'de, D: Deserializer<'de>>(d: D) -> Result<MessageServerId, D::Error> {
    req_number::<D, u64>(d).map(MessageServerId::new)
}

/// A message's client id; empty text is `None`.
pub(crate) fn client_id<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<MessageClientId>, D::Error> {
    Ok(text(d)?
        .filter(|id| !id.is_empty())
        .map(MessageClientId::from))
}

/// The v2 message type number of a copy's `msgType` name, where the message is one that
/// [`MessageBody`](crate::message::MessageBody) reads.
pub(crate) fn message_type_number(name: &str) -> Option<u32> {
    Some(match name {
        "TEXT" => 0,
        "PICTURE" => 1,
        "AUDIO" => 2,
        "VIDEO" => 3,
        "LOCATION" => 4,
        "NOTIFICATION" => 5,
        "FILE" => 6,
        "TIPS" => 10,
        "CUSTOM" => 100,
        _ => return None,
    })
}

/// Declares an enum of names the API sends as text, with `Other` for a name this crate
/// does not know. Names compare ignoring ASCII case (a doc example sends `iOS`). Requests
/// use it too, where a source calls its list open ("such as ...", "more will come"): it
/// serialises as the name, an `Other` as given.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A name this crate does not know, as sent.
            Other(String),
        }

        impl $name {
            /// The name as the API writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(name) => name,
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = $crate::callback::lenient::req_text(d)?;
                let name = text.trim();
                $( if name.eq_ignore_ascii_case($wire) { return Ok($name::$variant); } )*
                Ok($name::Other(name.to_owned()))
            }
        }
    };
}

/// Declares an enum of codes the API sends as numbers (or strings holding one), with
/// `Other` for a code this crate does not know.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident : $repr:ty {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A code this crate does not know, as sent.
            Other($repr),
        }

        impl $name {
            /// The code as the API sends it.
            pub fn code(self) -> $repr {
                match self {
                    $( $name::$variant => $value, )*
                    $name::Other(code) => code,
                }
            }
        }

        impl $crate::callback::lenient::Code for $name {
            type Repr = $repr;
            fn from_code(code: $repr) -> Self {
                match code {
                    $( $value => $name::$variant, )*
                    code => $name::Other(code),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = $crate::callback::lenient::req_number::<D, $repr>(d)?;
                Ok(<$name as $crate::callback::lenient::Code>::from_code(code))
            }
        }
    };
}

pub(crate) use {code_enum, text_enum};
