//! A `Deserializer` over a `serde_json::Value` that also accepts what a person types in a
//! shell, and what the wire itself carries, where a type asks for something stricter:
//!
//! - a number or a flag asked for, text given: the text is read as the number or flag
//!   (`"42"`, `"true"`, `"0"`);
//! - a flag asked for, `0` or `1` given;
//! - text asked for, a number or a flag given: its JSON text (`42` -> `"42"`);
//! - a list asked for, text given: the JSON array it holds (`"[\"a\",\"b\"]"`, the v1 form
//!   of a list), else its comma-separated items (`"a,b"`, the v2 query form), `""` being empty;
//! - an object asked for, text given: the JSON object it holds (a v1 nested object).
//!
//! The rules apply at every depth (items of lists, members of objects). A type that asks for
//! "anything" (`serde_json::Value`, untagged enums) gets the value as it is.

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Unexpected, Visitor};
use serde_json::{Map, Number, Value};

type Error = serde_json::Error;

/// A JSON value read leniently; see the module's documentation.
pub(crate) struct Lenient(pub(crate) Value);

impl<'de> IntoDeserializer<'de, Error> for Lenient {
    type Deserializer = Lenient;

    fn into_deserializer(self) -> Lenient {
        self
    }
}

/// The number `text` holds, or the error a visitor expecting `expected` would report.
fn number(text: &str, expected: &dyn de::Expected) -> Result<Value, Error> {
    text.trim()
        .parse::<Number>()
        .map(Value::Number)
        .map_err(|_| de::Error::invalid_type(Unexpected::Str(text), expected))
}

/// The items of a list given as text: a JSON array, or comma-separated items.
fn list(text: &str) -> Result<Vec<Value>, Error> {
    let trimmed = text.trim();
    if trimmed.starts_with('[') {
        return serde_json::from_str(trimmed);
    }
    if trimmed.is_empty() {
        return Ok(Vec::new());
    }
    Ok(trimmed
        .split(',')
        .map(|item| Value::String(item.trim().to_owned()))
        .collect())
}

macro_rules! numbers {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                Value::String(text) => number(&text, &visitor)?.$method(visitor),
                other => other.$method(visitor),
            }
        }
    )*};
}

macro_rules! forward {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.0.$method(visitor)
        }
    )*};
}

impl<'de> Deserializer<'de> for Lenient {
    type Error = Error;

    forward!(
        deserialize_any,
        deserialize_char,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_unit,
        deserialize_identifier,
        deserialize_ignored_any
    );

    numbers!(
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_f32,
        deserialize_f64
    );

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(text) => match text.trim() {
                "true" | "1" => visitor.visit_bool(true),
                "false" | "0" => visitor.visit_bool(false),
                _ => Err(de::Error::invalid_type(Unexpected::Str(&text), &visitor)),
            },
            Value::Number(n) if n.as_u64() == Some(0) => visitor.visit_bool(false),
            Value::Number(n) if n.as_u64() == Some(1) => visitor.visit_bool(true),
            other => other.deserialize_bool(visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            // Whole numbers only: a fraction or a number past 64 bits would not come back as
            // the digits that were written (`1.10` prints `1.1`); those must be given as text.
            Value::Number(n) if n.is_u64() || n.is_i64() => visitor.visit_string(n.to_string()),
            Value::Number(_) => Err(de::Error::custom(
                "a number that is not a whole 64-bit one cannot be read as text exactly; \
                 give it as text (in quotes)",
            )),
            Value::Bool(b) => visitor.visit_string(b.to_string()),
            other => other.deserialize_string(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(Lenient(other)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items = match self.0 {
            Value::Array(items) => items,
            Value::String(text) => list(&text)?,
            other => return other.deserialize_seq(visitor),
        };
        let mut seq = SeqDeserializer::new(items.into_iter().map(Lenient));
        let value = visitor.visit_seq(&mut seq)?;
        seq.end()?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let members: Map<String, Value> = match self.0 {
            Value::Object(members) => members,
            Value::String(text) if text.trim_start().starts_with('{') => {
                serde_json::from_str(&text)?
            }
            other => return other.deserialize_map(visitor),
        };
        let mut map = MapDeserializer::new(
            members
                .into_iter()
                .map(|(key, value)| (key, Lenient(value))),
        );
        let value = visitor.visit_map(&mut map)?;
        map.end()?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    fn read<T: for<'de> Deserialize<'de>>(value: Value) -> Result<T, Error> {
        T::deserialize(Lenient(value))
    }

    #[test]
    fn numbers_from_text_and_text_from_numbers() {
        assert_eq!(read::<u32>(json!("42")).unwrap(), 42);
        assert_eq!(read::<u32>(json!(" 42 ")).unwrap(), 42);
        assert_eq!(read::<i64>(json!("-7")).unwrap(), -7);
        assert_eq!(read::<f64>(json!("1.5")).unwrap(), 1.5);
        assert!(read::<u8>(json!("300")).is_err());
        assert!(read::<u8>(json!("x")).is_err());
        assert_eq!(read::<String>(json!(42)).unwrap(), "42");
        assert_eq!(read::<String>(json!(-42)).unwrap(), "-42");
        assert!(read::<String>(json!(1.10)).is_err());
        let huge: Value = serde_json::from_str("123456789012345678901234").unwrap();
        assert!(read::<String>(huge).is_err());
        assert_eq!(read::<String>(json!(true)).unwrap(), "true");
    }

    #[test]
    fn flags_from_text_and_digits() {
        for (given, want) in [
            (json!(true), true),
            (json!("true"), true),
            (json!("1"), true),
            (json!(1), true),
            (json!("false"), false),
            (json!(0), false),
        ] {
            assert_eq!(read::<bool>(given).unwrap(), want);
        }
        assert!(read::<bool>(json!(2)).is_err());
        assert!(read::<bool>(json!("yes")).is_err());
    }

    #[test]
    fn lists_from_arrays_json_text_and_commas() {
        let want = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(read::<Vec<String>>(json!(["a", "b"])).unwrap(), want);
        assert_eq!(read::<Vec<String>>(json!(r#"["a","b"]"#)).unwrap(), want);
        assert_eq!(read::<Vec<String>>(json!("a, b")).unwrap(), want);
        assert_eq!(read::<Vec<u64>>(json!("1,2")).unwrap(), vec![1, 2]);
        assert_eq!(read::<Vec<u64>>(json!(["1", 2])).unwrap(), vec![1, 2]);
        assert!(read::<Vec<u64>>(json!("")).unwrap().is_empty());
        assert!(read::<Vec<u64>>(json!("[1,")).is_err());
    }

    #[test]
    fn objects_from_json_text_and_members_leniently() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Point {
            x: u32,
            flag: Option<bool>,
        }
        let want = Point {
            x: 1,
            flag: Some(true),
        };
        assert_eq!(read::<Point>(json!({"x": "1", "flag": 1})).unwrap(), want);
        assert_eq!(
            read::<Point>(json!(r#"{"x":1,"flag":true}"#)).unwrap(),
            want
        );
        assert_eq!(read::<Option<Point>>(json!(null)).unwrap(), None::<Point>);
    }

    #[test]
    fn anything_is_taken_as_it_is() {
        assert_eq!(read::<Value>(json!("[1]")).unwrap(), json!("[1]"));
        assert_eq!(read::<Value>(json!({"a": [1]})).unwrap(), json!({"a": [1]}));
    }
}
