//! Special relations: `user/setSpecialRelation.action` and `user/listBlackAndMuteList.action`.

use nim_core::Code;
use serde_json::json;

use super::State;
use crate::accounts::RELATION_LIST_MAX as LIST_MAX;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// `user/setSpecialRelation.action`: `relationType` 1 blacklist / 2 mute, `value` 1 add /
/// 0 remove, of `targetAcc` (which must exist). Answers `{"code":200}`; a 3,001st entry
/// is 419.
pub(super) fn set_special_relation(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let target = params.account_id("targetAcc")?;
    let relation = params.int_in("relationType", &[1, 2])?;
    let value = params.int_in("value", &[0, 1])?;
    // The v2 block and mute operations share these lists and refuse a self-entry: so does
    // v1, so that no entry exists that v2 could neither list sensibly nor remove (the
    // emulator's choice; no page says).
    if accid == target {
        return Err(ApiError::param("targetAcc must not be accid itself"));
    }
    let mut accounts = lock(&state.accounts);
    accounts.existing(&target).map_err(|_| {
        ApiError::param(format!(
            "targetAcc {target} {}",
            nim_core::desc::NOT_REGISTER
        ))
    })?;
    let account = accounts.existing(&accid)?;
    let (list, name) = if relation == 1 {
        (&mut account.blacklist, "blacklist")
    } else {
        (&mut account.mutelist, "mutelist")
    };
    match (list.binary_search(&target), value) {
        (Err(at), 1) => {
            if list.len() >= LIST_MAX {
                return Err(ApiError::new(
                    Code::OverLimit,
                    format!("{name} is full: at most {LIST_MAX} accounts"),
                ));
            }
            list.insert(at, target);
        }
        (Ok(at), 0) => {
            list.remove(at);
        }
        _ => {}
    }
    Ok(Reply::ok())
}

/// `user/listBlackAndMuteList.action`: `{"code":200,"mutelist":[...],"blacklist":[...]}`.
pub(super) fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = call.form()?.accid()?;
    state.with_account(&accid, |a| {
        Ok(Reply::json(&json!({
            "code": 200,
            "mutelist": a.mutelist,
            "blacklist": a.blacklist,
        })))
    })
}
