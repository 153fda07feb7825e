//! A request's form parameters and the checks the API documents for them.
//!
//! Over-long values are answered with code 414 and a desc naming the parameter, as the real
//! server answers them; the API also defines 405 ("parameter too long"), but the account
//! actions list only 414 among their status codes, so 405 is never sent here.

use nim_core::validate::is_accid_char;

use crate::reply::ApiError;

/// The longest accid, in characters.
pub(crate) const ACCID_MAX: usize = 32;

/// The decoded `application/x-www-form-urlencoded` body.
#[derive(Debug, Default)]
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes a form body. Invalid percent-escapes and invalid UTF-8 are decoded lossily
    /// (U+FFFD), as servlet containers do, so they surface as alphabet or length errors.
    pub(crate) fn parse(body: &[u8]) -> Params {
        Params {
            pairs: form_urlencoded::parse(body).into_owned().collect(),
        }
    }

    /// A parameter's value; the first occurrence wins and an empty value counts as absent
    /// (form clients often send empty optional fields).
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// A parameter's value as sent, `Some("")` for an empty one (profile updates clear a
    /// field with an empty value).
    pub(crate) fn raw(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// An optional text parameter of at most `limit` characters, `Some("")` when sent empty.
    pub(crate) fn text_or_empty(&self, name: &str, limit: usize) -> Result<Option<&str>, ApiError> {
        let Some(value) = self.raw(name) else {
            return Ok(None);
        };
        check_chars(name, value, limit)?;
        Ok(Some(value))
    }

    /// A required JSON array of strings in one form field (`accids=["a","b"]`), with at
    /// least one and at most `max_count` items.
    pub(crate) fn json_list(&self, name: &str, max_count: usize) -> Result<Vec<String>, ApiError> {
        let text = self
            .get(name)
            .ok_or_else(|| ApiError::param(format!("{name} is missing")))?;
        let list: Vec<String> = serde_json::from_str(text).map_err(|_| {
            ApiError::param(format!(
                "{name} must be a JSON array of strings, e.g. [\"a\",\"b\"]"
            ))
        })?;
        if list.is_empty() {
            return Err(ApiError::param(format!("{name} is empty")));
        }
        if list.len() > max_count {
            return Err(ApiError::param(format!(
                "{name} has {} items, at most {max_count} allowed",
                list.len()
            )));
        }
        Ok(list)
    }

    /// A required integer parameter, one of `allowed`.
    pub(crate) fn int_in(&self, name: &str, allowed: &[i64]) -> Result<i64, ApiError> {
        let text = self
            .get(name)
            .ok_or_else(|| ApiError::param(format!("{name} is missing")))?;
        let list: Vec<String> = allowed.iter().map(i64::to_string).collect();
        text.parse::<i64>()
            .ok()
            .filter(|n| allowed.contains(n))
            .ok_or_else(|| ApiError::param(format!("{name} must be one of {}", list.join(", "))))
    }

    /// A required text parameter of at most `limit` characters.
    pub(crate) fn text_req(&self, name: &str, limit: usize) -> Result<&str, ApiError> {
        self.text(name, limit)?
            .ok_or_else(|| ApiError::param(format!("{name} is missing")))
    }

    /// An optional non-negative integer parameter (ids, millisecond times).
    pub(crate) fn u64_opt(&self, name: &str) -> Result<Option<u64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => text
                .trim()
                .parse::<u64>()
                .map(Some)
                .map_err(|_| ApiError::param(format!("{name} must be a non-negative integer"))),
        }
    }

    /// A required non-negative integer parameter.
    pub(crate) fn u64_req(&self, name: &str) -> Result<u64, ApiError> {
        self.u64_opt(name)?
            .ok_or_else(|| ApiError::param(format!("{name} is missing")))
    }

    /// An optional integer parameter, one of `allowed` when given.
    pub(crate) fn int_opt(&self, name: &str, allowed: &[i64]) -> Result<Option<i64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.int_in(name, allowed).map(Some),
        }
    }

    /// A required boolean parameter, spelled exactly `true` or `false`.
    pub(crate) fn required_flag(&self, name: &str) -> Result<bool, ApiError> {
        self.flag(name)?
            .ok_or_else(|| ApiError::param(format!("{name} is missing")))
    }

    /// An optional text parameter of at most `limit` characters.
    pub(crate) fn text(&self, name: &str, limit: usize) -> Result<Option<&str>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        check_chars(name, value, limit)?;
        Ok(Some(value))
    }

    /// The required `accid`: at most 32 characters of the accid alphabet, lowercased as the
    /// server stores it.
    pub(crate) fn accid(&self) -> Result<String, ApiError> {
        self.account_id("accid")
    }

    /// A required account id parameter `name` (`accid`, `targetAcc`), checked like `accid`.
    pub(crate) fn account_id(&self, name: &str) -> Result<String, ApiError> {
        let accid = self
            .text(name, ACCID_MAX)?
            .ok_or_else(|| ApiError::param(format!("{name} is missing")))?;
        check_accid(name, accid)?;
        Ok(accid.to_ascii_lowercase())
    }

    /// The optional `gender`: 0 unknown, 1 male, 2 female; anything else is a parameter error.
    pub(crate) fn gender(&self) -> Result<Option<u8>, ApiError> {
        match self.get("gender") {
            None => Ok(None),
            Some("0") => Ok(Some(0)),
            Some("1") => Ok(Some(1)),
            Some("2") => Ok(Some(2)),
            Some(_) => Err(ApiError::param("gender must be 0, 1 or 2")),
        }
    }

    /// An optional yes/no parameter that the API spells `true`/`false` or `1`/`0` (team and
    /// chatroom switches take either; surrounding spaces are ignored).
    pub(crate) fn switch(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name).map(str::trim) {
            None => Ok(None),
            Some("true" | "1") => Ok(Some(true)),
            Some("false" | "0") => Ok(Some(false)),
            Some(_) => Err(ApiError::param(format!(
                "{name} must be true, false, 1 or 0"
            ))),
        }
    }

    /// [`switch`](Self::switch), required.
    pub(crate) fn required_switch(&self, name: &str) -> Result<bool, ApiError> {
        self.switch(name)?
            .ok_or_else(|| ApiError::param(format!("{name} is missing")))
    }

    /// An optional boolean parameter, spelled exactly `true` or `false`.
    pub(crate) fn flag(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(_) => Err(ApiError::param(format!("{name} must be true or false"))),
        }
    }
}

/// Refuses `value` longer than `limit` characters. Counting characters, not bytes: a
/// 64-character Chinese name is within 64.
fn check_chars(name: &str, value: &str, limit: usize) -> Result<(), ApiError> {
    let count = value.chars().count();
    if count > limit {
        return Err(ApiError::param(format!(
            "{name} is too long: {count} characters, at most {limit} allowed"
        )));
    }
    Ok(())
}

/// Refuses an account id `value` (of field `name`) that is empty, too long or outside the
/// accid alphabet.
pub(crate) fn check_accid(name: &str, value: &str) -> Result<(), ApiError> {
    if value.is_empty() {
        return Err(ApiError::param(format!("{name} is missing")));
    }
    check_chars(name, value, ACCID_MAX)?;
    if !value.chars().all(is_accid_char) {
        return Err(ApiError::param(format!(
            "{name} contains an invalid character: only letters, digits, '_', '@', '.' and '-' \
             are allowed"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_and_first_wins() {
        let p = Params::parse(b"accid=Zhang.San&name=%E5%BC%A0+%E4%B8%89&accid=other&ex=");
        assert_eq!(p.accid().unwrap(), "zhang.san");
        assert_eq!(p.get("name"), Some("张 三"));
        assert_eq!(p.get("ex"), None);
    }

    #[test]
    fn hostile_bytes_give_errors_not_panics() {
        let p = Params::parse(b"accid=%FF%FE&gender=%00&needkick=TRUE&%zz=1");
        assert!(p.accid().is_err());
        assert!(p.gender().is_err());
        assert!(p.flag("needkick").is_err());
    }

    #[test]
    fn json_lists_and_ints() {
        let p = Params::parse(b"accids=%5B%22a%22%2C%22B%22%5D&bad=%5B1%5D&n=2&e=");
        assert_eq!(p.json_list("accids", 2).unwrap(), ["a", "B"]);
        assert!(p.json_list("accids", 1).is_err());
        assert!(p.json_list("bad", 5).is_err());
        assert!(p.json_list("none", 5).is_err());
        assert_eq!(p.int_in("n", &[1, 2]).unwrap(), 2);
        assert!(p.int_in("n", &[0, 1]).is_err());
        assert_eq!(p.text_or_empty("e", 3).unwrap(), Some(""));
    }
}
