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

    /// An optional text parameter of at most `limit` characters.
    pub(crate) fn text(&self, name: &str, limit: usize) -> Result<Option<&str>, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        // Counting characters, not bytes: a 64-character Chinese name is within 64.
        let count = value.chars().count();
        if count > limit {
            return Err(ApiError::param(format!(
                "{name} is too long: {count} characters, at most {limit} allowed"
            )));
        }
        Ok(Some(value))
    }

    /// The required `accid`: at most 32 characters of the accid alphabet, lowercased as the
    /// server stores it.
    pub(crate) fn accid(&self) -> Result<String, ApiError> {
        let accid = self
            .text("accid", ACCID_MAX)?
            .ok_or_else(|| ApiError::param("accid is missing"))?;
        if !accid.chars().all(is_accid_char) {
            return Err(ApiError::param(
                "accid contains an invalid character: only letters, digits, '_', '@', '.' and \
                 '-' are allowed",
            ));
        }
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
}
