//! What the v2 account and user families share: their six-digit codes, the `{account_id}`
//! path parameter, comma-joined id lists, and the profile fields (`user_information`).

use serde_json::{Value, json};

use crate::accounts::Account;
use crate::call::Call;
use crate::json_body::{JsonBody, check_len};
use crate::params::{ACCID_MAX, check_accid};
use crate::reply::ApiError;

/// v2: the account does not exist.
pub(super) const ACCOUNT_NOT_FOUND: u32 = 102404;
/// v2: the account already exists.
pub(super) const ACCOUNT_EXISTS: u32 = 102405;

/// The most ids one batch query takes (the docs state 100 for online status and no limit
/// for the others; the emulator applies 100 to all to bound the answer).
pub(super) const BATCH_MAX: usize = 100;

/// 102404 for `accid`.
pub(super) fn not_found(accid: &str) -> ApiError {
    ApiError::with_code(ACCOUNT_NOT_FOUND, format!("account not found: {accid}"))
}

/// The decoded `{account_id}` path parameter, checked like a v1 accid and lowercased.
pub(super) fn path_account_id(call: &Call<'_>) -> Result<String, ApiError> {
    let accid = call.path_param("account_id");
    check_accid("account_id", accid)?;
    Ok(accid.to_ascii_lowercase())
}

/// A required account id member `name` of a JSON body, checked like a v1 accid and
/// lowercased.
pub(super) fn body_account_id(body: &JsonBody, name: &str) -> Result<String, ApiError> {
    let id = body.required_string(name, ACCID_MAX)?;
    check_accid(&body.field(name), &id)?;
    Ok(id.to_ascii_lowercase())
}

/// A required account id query parameter `name`, checked like a v1 accid and lowercased.
pub(super) fn query_account_id(call: &Call<'_>, name: &str) -> Result<String, ApiError> {
    let id = call
        .query_param(name)
        .ok_or_else(|| ApiError::param(format!("{name} is required")))?;
    check_accid(name, &id)?;
    Ok(id.to_ascii_lowercase())
}

/// A required comma-joined id list in the query (`?account_ids=a,b`), at most
/// [`BATCH_MAX`] items; empty items are skipped.
pub(super) fn query_ids(call: &Call<'_>, name: &str) -> Result<Vec<String>, ApiError> {
    let text = call
        .query_param(name)
        .ok_or_else(|| ApiError::param(format!("{name} is required")))?;
    let ids: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    if ids.is_empty() {
        return Err(ApiError::param(format!("{name} is required")));
    }
    if ids.len() > BATCH_MAX {
        return Err(ApiError::param(format!(
            "{name} has {} items, at most {BATCH_MAX} allowed",
            ids.len()
        )));
    }
    Ok(ids)
}

/// A `failed_list` item.
pub(super) fn failed(accid: &str, err: &ApiError, msg: &str) -> Value {
    json!({ "account_id": accid, "error_code": err.code(), "error_msg": msg })
}

/// Profile fields a request sets; `Some("")` clears one.
#[derive(Debug, Default)]
pub(super) struct Profile {
    name: Option<String>,
    avatar: Option<String>,
    sign: Option<String>,
    email: Option<String>,
    birthday: Option<String>,
    mobile: Option<String>,
    extension: Option<String>,
    gender: Option<u8>,
}

impl Profile {
    /// Reads and checks the profile fields of `body` (a `user_information` object, or an
    /// updateUser body), with their documented limits.
    pub(super) fn parse(body: &JsonBody) -> Result<Profile, ApiError> {
        let mode = body.int("email_validation_mode", &[0, 1, 2])?.unwrap_or(0);
        let email = body.string("email", 64)?;
        if let Some(email) = email.as_deref().filter(|e| !e.is_empty() && mode != 2)
            && !looks_like_email(email)
        {
            return Err(ApiError::param(format!(
                "{} is not an e-mail address (set email_validation_mode 2 to skip the check)",
                body.field("email")
            )));
        }
        let gender = body.int("gender", &[0, 1, 2])?;
        Ok(Profile {
            name: body.string("name", 64)?,
            avatar: body.string("avatar", 1024)?,
            sign: body.string("sign", 256)?,
            email,
            birthday: body.string("birthday", 16)?,
            mobile: body.string("mobile", 32)?,
            extension: body.string("extension", 1024)?,
            gender: gender.and_then(|g| u8::try_from(g).ok()),
        })
    }

    /// Writes the fields given into `account`.
    pub(super) fn apply(self, a: &mut Account) {
        let fields = [
            (&mut a.name, self.name),
            (&mut a.icon, self.avatar),
            (&mut a.sign, self.sign),
            (&mut a.email, self.email),
            (&mut a.birth, self.birthday),
            (&mut a.mobile, self.mobile),
            (&mut a.ex, self.extension),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                *field = (!value.is_empty()).then_some(value);
            }
        }
        if self.gender.is_some() {
            a.gender = self.gender;
        }
    }
}

/// Checks `antispam_configuration{enabled, business_id_map[{type, business_id}]}` if present.
pub(super) fn check_antispam(body: &JsonBody) -> Result<(), ApiError> {
    let Some(antispam) = body.object("antispam_configuration")? else {
        return Ok(());
    };
    antispam.bool("enabled")?;
    for item in antispam.objects("business_id_map")?.unwrap_or_default() {
        if item.int("type", &[1, 2])?.is_none() {
            return Err(item.missing("type"));
        }
        item.required_string("business_id", 256)?;
    }
    Ok(())
}

/// `kick_notify_extension`, at most 256 characters.
pub(super) fn kick_notify_extension(body: &JsonBody) -> Result<Option<String>, ApiError> {
    body.string("kick_notify_extension", 256)
}

/// One `@`, something before it, a dotted domain after it, no spaces.
fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
}

/// Checks an id from a list (`account_ids[i]`) like a path `account_id`.
pub(super) fn check_list_id(field: &str, id: &str) -> Result<(), ApiError> {
    check_len(field, id, 32)?;
    check_accid(field, id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(looks_like_email("a@b.cn"));
        for bad in ["a", "@b.cn", "a@b", "a@.b", "a@b.", "a b@c.d", "a@b@c.d"] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }
}
