//! Robots (virtual members): `chatroom/addRobot`, `chatroom/removeRobot`,
//! `chatroom/cleanRobot`. The rules (24 hours, roles kept, closed rooms) are the store's
//! ([`crate::chatrooms`]).
//!
//! The lists of add and remove are answered as **text holding a JSON array**, as the docs'
//! example and a production sample show (`"successAccids":"[\"a\"]"`). `failAccids` holds
//! the accounts that do not exist and those blacklisted in the room (add), and those that
//! were not robots (remove); `oldAccids` those that already were robots (their 24 hours
//! restart). `accids` is a JSON array of 1 to 100 accounts, each once (a repeat is 414).

use serde_json::json;

use super::{State, now_ms, rooms};
use crate::call::Call;
use crate::chatrooms::RobotProfile;
use crate::lock;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// Accounts in one call: at most 100 (the "Manage chatbots" page).
const PER_CALL_MAX: usize = 100;
/// `roleExt`: at most 4096 characters.
const ROLE_EXT_MAX: usize = 4096;
/// `notifyExt`: at most 2048 characters.
const NOTIFY_EXT_MAX: usize = 2048;

/// A list as the robot answers carry it: JSON text.
fn text_list(items: &[String]) -> String {
    serde_json::Value::from(items.to_vec()).to_string()
}

/// The required `accids`: 1 to 100 account ids, each once, lowercased.
fn accids(p: &crate::params::Params) -> Result<Vec<String>, ApiError> {
    let list = p.json_list("accids", PER_CALL_MAX)?;
    if list.is_empty() {
        return Err(ApiError::param("accids is required (1 to 100 accounts)"));
    }
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for accid in list {
        check_accid("accids", &accid)?;
        let accid = accid.to_ascii_lowercase();
        if out.contains(&accid) {
            return Err(ApiError::param(format!("accids repeats {accid}")));
        }
        out.push(accid);
    }
    Ok(out)
}

/// `chatroom/addRobot.action`: `roomid`, `accids`, `roleExt?` (each robot's member
/// extension), `notifyExt?`. Answers `{"code":200,"desc":{"successAccids":"[..]",
/// "failAccids":"[..]","oldAccids":"[..]"}}`; a closed room is 13002, no such room 404.
pub(super) fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let accids = accids(&p)?;
    let ext = p.text("roleExt", ROLE_EXT_MAX)?.map(str::to_owned);
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    let (known, mut fail): (Vec<String>, Vec<String>) = {
        let accounts = lock(&state.accounts);
        accids.into_iter().partition(|a| accounts.contains(a))
    };
    let robots = known
        .into_iter()
        .map(|accid| {
            let profile = RobotProfile {
                ext: ext.clone(),
                ..RobotProfile::default()
            };
            (accid, profile)
        })
        .collect();
    let done = rooms(call, state)
        .add_robots(id, robots, now_ms(call))
        .map_err(|e| e.v1())?;
    fail.extend(done.refused.into_iter().map(|(accid, _)| accid));
    Ok(Reply::json(&json!({
        "code": 200,
        "desc": {
            "successAccids": text_list(&done.added),
            "failAccids": text_list(&fail),
            "oldAccids": text_list(&done.renewed),
        },
    })))
}

/// `chatroom/removeRobot.action`: `roomid`, `accids`. Answers `{"code":200,"desc":{
/// "successAccids":"[..]","failAccids":"[..]"}}`.
pub(super) fn remove(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let accids = accids(&p)?;
    let (removed, refused) = rooms(call, state)
        .remove_robots(id, &accids)
        .map_err(|e| e.v1())?;
    let fail: Vec<String> = refused.into_iter().map(|(accid, _)| accid).collect();
    Ok(Reply::json(&json!({
        "code": 200,
        "desc": {
            "successAccids": text_list(&removed),
            "failAccids": text_list(&fail),
        },
    })))
}

/// `chatroom/cleanRobot.action`: `roomid`, `notify?` (checked, kept nowhere). Answers
/// `{"code":200,"desc":{"size":N}}`.
pub(super) fn clean(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    p.switch("notify")?;
    let size = rooms(call, state).clear_robots(id).map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "desc": { "size": size } }),
    ))
}
