//! What the v1 `team/*` and `superteam/*` handlers both read and answer: account lists,
//! team id lists, registered-account checks and the `faccid` member of their answers.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::message_common::known;
use crate::accounts::Accounts;
use crate::params::{Params, check_accid};
use crate::reply::ApiError;

/// A JSON array of accids in form field `name`, at most `max` (and at least one unless
/// `empty_ok`): checked, lowercased, duplicates dropped.
pub(super) fn account_list(
    p: &Params,
    name: &str,
    max: usize,
    empty_ok: bool,
) -> Result<Vec<String>, ApiError> {
    if empty_ok && p.get(name).is_some_and(is_empty_array) {
        return Ok(Vec::new());
    }
    accounts_of(name, p.json_list(name, max)?)
}

/// Whether `text` is a JSON array with nothing in it.
fn is_empty_array(text: &str) -> bool {
    serde_json::from_str::<Vec<Value>>(text).is_ok_and(|list| list.is_empty())
}

/// Checks, lowercases and de-duplicates `list`, the items of parameter `name`.
pub(super) fn accounts_of(name: &str, list: Vec<String>) -> Result<Vec<String>, ApiError> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(list.len());
    for (i, accid) in list.into_iter().enumerate() {
        check_accid(&format!("{name}[{i}]"), &accid)?;
        let accid = accid.to_ascii_lowercase();
        if seen.insert(accid.clone()) {
            out.push(accid);
        }
    }
    Ok(out)
}

/// A JSON array of team ids in form field `name`, 1 to `max`: numbers as the SDKs send
/// them, or strings of digits as the docs' examples write them.
pub(super) fn tid_list(p: &Params, name: &str, max: usize) -> Result<Vec<u64>, ApiError> {
    let bad = || {
        ApiError::param(format!(
            "{name} must be a JSON array of team ids, e.g. [123]"
        ))
    };
    let text = p
        .get(name)
        .ok_or_else(|| ApiError::param(format!("{name} is missing")))?;
    let items: Vec<Value> = serde_json::from_str(text).map_err(|_| bad())?;
    if items.is_empty() || items.len() > max {
        return Err(ApiError::param(format!(
            "{name} must name 1 to {max} teams, not {}",
            items.len()
        )));
    }
    items
        .iter()
        .map(id_of)
        .collect::<Option<Vec<u64>>>()
        .ok_or_else(bad)
}

/// An id in a JSON list: a number, or a string holding one (the docs show strings, the Go
/// SDK sends numbers).
pub(super) fn id_of(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Refuses (414 `<field> <id> not register`) unless every one of `ids` is an account.
pub(super) fn all_known(accounts: &Accounts, field: &str, ids: &[String]) -> Result<(), ApiError> {
    ids.iter()
        .try_for_each(|id| known(accounts, field, id))
        .map_err(|r| r.v1())
}

/// `answer` with `faccid` naming the accounts that could not join (in as many teams as an
/// account may be), when there are any.
pub(super) fn with_failed(mut answer: Value, failed: &[String]) -> Value {
    if !failed.is_empty()
        && let Some(map) = answer.as_object_mut()
    {
        let faccid = json!({ "accid": failed, "msg": "team count exceed" });
        map.insert("faccid".into(), faccid);
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_checked_lowercased_and_deduplicated() {
        let p = Params::parse(b"m=%5B%22LiSi%22%2C%22lisi%22%5D&e=%5B%5D&t=%5B1%2C%222%22%5D");
        assert_eq!(account_list(&p, "m", 5, false).unwrap(), ["lisi"]);
        assert!(account_list(&p, "e", 5, false).is_err());
        assert!(account_list(&p, "e", 5, true).unwrap().is_empty());
        assert!(account_list(&p, "m", 1, false).is_err());
        assert_eq!(tid_list(&p, "t", 5).unwrap(), [1, 2]);
        assert!(tid_list(&p, "e", 5).is_err());
        let answer = with_failed(json!({"code": 200}), &["a".to_owned()]);
        assert_eq!(answer["faccid"]["accid"], json!(["a"]));
        assert_eq!(with_failed(json!({}), &[]), json!({}));
    }
}
