//! A team request's parameters wherever the client put them: the path, then the query, then
//! the JSON body. The SDKs disagree on the place of some (disbandTeam's in the query or a
//! body), so every operation reads through this one reader. Refusals are 414 naming the
//! field.

use serde_json::Value;

use crate::call::Call;
use crate::json_body::{JsonBody, check_len};
use crate::params::check_accid;
use crate::reply::ApiError;
use crate::teams::Kind;

use super::super::v2_common::check_list_id;

/// `extension`, the notification's extension (not stored): at most 512 characters.
pub(super) const EXTENSION_MAX: usize = 512;

/// One request's parameters.
pub(super) struct Input<'a, 'c> {
    call: &'a Call<'c>,
    body: JsonBody,
}

impl<'a, 'c> Input<'a, 'c> {
    /// Reads the body of `call` (`{}` when it sent none).
    pub(super) fn read(call: &'a Call<'c>) -> Result<Self, ApiError> {
        Ok(Input {
            call,
            body: call.json()?,
        })
    }

    /// The JSON body, for nested objects.
    pub(super) fn body(&self) -> &JsonBody {
        &self.body
    }

    /// The state clock's time in Unix milliseconds.
    pub(super) fn now_ms(&self) -> u64 {
        self.call.now.saturating_mul(1000)
    }

    /// An optional text of at most `max` characters.
    pub(super) fn text(&self, name: &str, max: usize) -> Result<Option<String>, ApiError> {
        match self.call.query_param(name) {
            Some(text) => {
                check_len(name, &text, max)?;
                Ok(Some(text))
            }
            None => self.body.string(name, max),
        }
    }

    /// A required account id, lowercased.
    pub(super) fn account(&self, name: &str) -> Result<String, ApiError> {
        let id = self.text(name, usize::MAX)?.unwrap_or_default();
        check_accid(name, &id)?;
        Ok(id.to_ascii_lowercase())
    }

    /// The `{account_id}` of the path, lowercased.
    pub(super) fn path_account(&self) -> Result<String, ApiError> {
        let id = self.call.path_param("account_id");
        check_accid("account_id", id)?;
        Ok(id.to_ascii_lowercase())
    }

    /// An optional integer among `allowed`; a body may send it as a number or a string
    /// holding one.
    pub(super) fn int(&self, name: &str, allowed: &[i64]) -> Result<Option<i64>, ApiError> {
        if self.call.query_param(name).is_some() {
            return self.call.query_int_in(name, allowed);
        }
        match self.body.value(name) {
            Some(Value::String(text)) => {
                let n = text
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| allowed.contains(n));
                n.map(Some).ok_or_else(|| not_one_of(name, allowed))
            }
            _ => self.body.int(name, allowed),
        }
    }

    /// A required integer among `allowed`.
    pub(super) fn required_int(&self, name: &str, allowed: &[i64]) -> Result<i64, ApiError> {
        self.int(name, allowed)?
            .ok_or_else(|| ApiError::param(format!("{name} is required")))
    }

    /// An optional non-negative integer.
    pub(super) fn uint(&self, name: &str) -> Result<Option<u64>, ApiError> {
        match self.call.query_param(name) {
            Some(text) => text
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| ApiError::param(format!("{name} must be a non-negative integer"))),
            None => self.body.uint(name),
        }
    }

    /// An optional boolean (`true`/`false` in the query).
    pub(super) fn flag(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.call.query_param(name).as_deref() {
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(_) => Err(ApiError::param(format!("{name} must be true or false"))),
            None => self.body.bool(name),
        }
    }

    /// The required `team_type`: 1 advanced team, 2 super team.
    pub(super) fn kind(&self) -> Result<Kind, ApiError> {
        let n = self.required_int("team_type", &[1, 2])?;
        Kind::from_v2(n).ok_or_else(|| not_one_of("team_type", &[1, 2]))
    }

    /// The team: the path's `{team_id}`, or else a `team_id` parameter. A body may send it
    /// as a number (both SDKs) or a string holding one.
    pub(super) fn tid(&self) -> Result<u64, ApiError> {
        let text = match self.call.path_param("team_id") {
            "" => match self.call.query_param("team_id") {
                Some(text) => text,
                None => match self.body.value("team_id") {
                    Some(Value::Number(n)) => n.to_string(),
                    Some(Value::String(s)) => s.clone(),
                    Some(_) => return Err(not_a_tid()),
                    None => return Err(ApiError::param("team_id is required")),
                },
            },
            path => path.to_owned(),
        };
        parse_tid(&text)
    }

    /// A required list of 1 to `max` account ids, lowercased, each once (a repeat counts
    /// once): comma-joined in the query, an array in a body.
    pub(super) fn accounts(&self, name: &str, max: usize) -> Result<Vec<String>, ApiError> {
        let raw = match self.call.query_param(name) {
            Some(text) => split(&text),
            None => self
                .body
                .strings(name, usize::MAX, usize::MAX)?
                .unwrap_or_default(),
        };
        let ids = self.optional_accounts_from(name, raw, max)?;
        if ids.is_empty() {
            return Err(ApiError::param(format!("{name} is required")));
        }
        Ok(ids)
    }

    /// An optional list of at most `max` account ids from a body (none is empty).
    pub(super) fn optional_accounts(
        &self,
        name: &str,
        max: usize,
    ) -> Result<Vec<String>, ApiError> {
        let raw = self.body.strings(name, usize::MAX, usize::MAX)?;
        self.optional_accounts_from(name, raw.unwrap_or_default(), max)
    }

    fn optional_accounts_from(
        &self,
        name: &str,
        raw: Vec<String>,
        max: usize,
    ) -> Result<Vec<String>, ApiError> {
        let mut ids: Vec<String> = Vec::with_capacity(raw.len());
        for (i, id) in raw.iter().enumerate() {
            check_list_id(&format!("{name}[{i}]"), id)?;
            let id = id.to_ascii_lowercase();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.len() > max {
            return Err(ApiError::param(format!(
                "{name} has {} accounts, at most {max} allowed",
                ids.len()
            )));
        }
        Ok(ids)
    }

    /// A required list of 1 to `max` team ids, each once: a JSON array of numbers or quoted
    /// numbers (`[1,"2"]`), or comma-joined (`1,2`).
    pub(super) fn tids(&self, name: &str, max: usize) -> Result<Vec<u64>, ApiError> {
        let raw: Vec<String> = match self.call.query_param(name) {
            Some(text) => match serde_json::from_str::<Vec<Value>>(&text) {
                Ok(items) => items
                    .iter()
                    .map(|v| match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect(),
                Err(_) => split(&text),
            },
            None => match self.body.value(name) {
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect(),
                _ => Vec::new(),
            },
        };
        let mut tids = Vec::with_capacity(raw.len());
        for text in &raw {
            let tid = parse_tid(text)?;
            if !tids.contains(&tid) {
                tids.push(tid);
            }
        }
        if tids.is_empty() {
            return Err(ApiError::param(format!("{name} is required")));
        }
        if tids.len() > max {
            return Err(ApiError::param(format!(
                "{name} has {} teams, at most {max} allowed",
                tids.len()
            )));
        }
        Ok(tids)
    }

    /// The notification `extension` (at most 512 characters; not stored, so only checked).
    pub(super) fn check_extension(&self) -> Result<(), ApiError> {
        self.text("extension", EXTENSION_MAX).map(drop)
    }
}

/// The items of a comma-joined list, empty ones skipped.
fn split(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A team id in decimal.
fn parse_tid(text: &str) -> Result<u64, ApiError> {
    text.trim().parse().map_err(|_| not_a_tid())
}

fn not_a_tid() -> ApiError {
    ApiError::param("team_id must be a team id (a positive integer)")
}

fn not_one_of(name: &str, allowed: &[i64]) -> ApiError {
    let list: Vec<String> = allowed.iter().map(i64::to_string).collect();
    ApiError::param(format!("{name} must be one of {}", list.join(", ")))
}
