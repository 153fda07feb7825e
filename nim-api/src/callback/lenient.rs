//! Reading callback bodies as the docs show them: numbers that come as JSON numbers or as
//! strings, yes/no values in four spellings, JSON members sent as JSON or as a string
//! holding it. Error messages name what was expected, never the value sent (a body may hold
//! a token).

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
    let map = match serde_json::from_slice::<Value>(body).map_err(|e| invalid(e.to_string()))? {
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

/// Reads the event of a known `eventType`. A member of the wrong shape is `InvalidEvent`
/// whose reason names the member (its wire name).
pub(crate) fn read_event<T: DeserializeOwned>(
    event_type: u64,
    map: Map<String, Value>,
) -> Result<T, CallbackError> {
    let value = Value::Object(map);
    let first = match T::deserialize(&value) {
        Ok(event) => return Ok(event),
        Err(e) => e.to_string(),
    };
    // serde names a missing member, not a malformed one: find the member without which the
    // error changes (the types here read members one by one, in the map's order).
    let culprit = value.as_object().and_then(|map| {
        map.keys().find(|key| {
            let mut rest = map.clone();
            rest.remove(*key);
            T::deserialize(&Value::Object(rest)).map_or_else(|e| e.to_string() != first, |_| true)
        })
    });
    let reason = match culprit {
        Some(key) if !first.contains(&format!("`{key}`")) => format!("`{key}`: {first}"),
        _ => first,
    };
    Err(CallbackError::InvalidEvent { event_type, reason })
}

/// Text: a string, or a number or boolean written as text. `null` is `None`.
pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::String(text) => Ok(Some(text)),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        other => Err(D::Error::custom(format_args!(
            "expected text, found {}",
            kind_of(&other)
        ))),
    }
}

/// [`text`] that must be there.
pub(crate) fn req_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    text(d)?.ok_or_else(|| D::Error::custom("expected text, found null"))
}

/// A number sent as a JSON number or as a string holding one. `null` and empty text are
/// `None`.
pub(crate) fn number<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
{
    let parsed = match Value::deserialize(d)? {
        Value::Null => return Ok(None),
        Value::String(text) if text.trim().is_empty() => return Ok(None),
        Value::String(text) => text.trim().parse().ok(),
        Value::Number(n) => n.to_string().parse().ok(),
        _ => None,
    };
    parsed.map(Some).ok_or_else(|| {
        D::Error::custom(format_args!(
            "expected a {} number, or a string holding one",
            std::any::type_name::<T>()
        ))
    })
}

/// [`number`] that must be there.
pub(crate) fn req_number<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
{
    number(d)?.ok_or_else(|| D::Error::custom("expected a number, found nothing"))
}

/// A yes/no value: `true`/`false`, `1`/`0`, or text holding either.
pub(crate) fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    crate::wire::optional_flag(d)
}

/// A JSON member sent as JSON, or as a string holding a JSON object or array. Text that is
/// not one stays [`Value::String`]; `null` and empty text are `None`.
pub(crate) fn json<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => None,
        Value::String(text) if text.trim().is_empty() => None,
        Value::String(text) => match serde_json::from_str::<Value>(&text) {
            Ok(parsed @ (Value::Object(_) | Value::Array(_))) => Some(parsed),
            _ => Some(Value::String(text)),
        },
        other => Some(other),
    })
}

/// A list of accounts sent as a JSON array, as a string holding one, or as the bracketed
/// text `[a, b]` the docs show for `tMembers`. `null` and empty text are empty.
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
        other => {
            return Err(D::Error::custom(format_args!(
                "expected a list, found {}",
                kind_of(&other)
            )));
        }
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::String(text) => Ok(text),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(D::Error::custom(format_args!(
                "expected a list of accounts, found {} in it",
                kind_of(&other)
            ))),
        })
        .collect()
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
/// does not know. Names compare ignoring ASCII case (a doc example sends `iOS`).
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

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(match $crate::callback::lenient::req_number::<D, $repr>(d)? {
                    $( $value => $name::$variant, )*
                    code => $name::Other(code),
                })
            }
        }
    };
}

pub(crate) use {code_enum, text_enum};
