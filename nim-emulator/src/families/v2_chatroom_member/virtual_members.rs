//! Virtual members: addVirtualMembers, deleteVirtualMembers, clearVirtualMembers,
//! queryVirtualMembers. The rules (24 hours, roles kept, closed rooms) are the store's
//! ([`crate::chatrooms`]).
//!
//! Emulator choices: at most 100 accounts per call (the Java Javadoc for delete, the v1
//! robot page for add); an account repeated in one call is 414; accounts that do not exist
//! (102404) or are blacklisted in the room (13003) go to `failed_list` and the rest are
//! added; deleting an account that is not a virtual member puts it in `failed_list` (404).

use serde_json::{Value, json};

use super::super::v2_common::failed;
use super::State;
use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::{ChatroomError, Chatrooms, RobotProfile};
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::{ACCID_MAX, check_accid};
use crate::reply::ApiError;
use crate::reply::Reply;

/// Accounts in one call: at most 100.
const PER_CALL_MAX: usize = 100;
/// `extension` (the member's and the top-level one): at most 4096 characters.
const EXTENSION_MAX: usize = 4096;
/// `room_nick` and `room_avatar`: the emulator's bound (undocumented).
const PROFILE_MAX: usize = 1024;
/// `notification_extension`: at most 2048 characters.
const NOTIFY_EXT_MAX: usize = 2048;

/// The store, settled to the call's time.
fn rooms<'a>(call: &Call<'_>, state: &'a State) -> std::sync::MutexGuard<'a, Chatrooms> {
    let mut rooms = lock(&state.chatrooms);
    rooms.settle(now_ms(call));
    rooms
}

fn now_ms(call: &Call<'_>) -> u64 {
    call.now.saturating_mul(1000)
}

/// The required `room_id` of the query (deleting, clearing, querying).
fn query_room(call: &Call<'_>) -> Result<u64, ApiError> {
    let text = call
        .query_param("room_id")
        .ok_or_else(|| ApiError::param("room_id is required"))?;
    text.trim()
        .parse()
        .map_err(|_| ApiError::param(format!("room_id must be a room id, not `{text}`")))
}

/// A `failed_list` item for a store refusal.
fn refused(accid: &str, err: &ChatroomError) -> Value {
    failed(accid, &err.v2(), &err.describe())
}

/// `POST /im/v2/room_members/actions/virtual_members`: body `{room_id, virtual_members:
/// [{account_id, room_nick?, room_avatar?, extension?}], extension?, notification_enabled?,
/// notification_extension?}`. data `{success_list: [accid], failed_list}` (renewed
/// members are in `success_list`).
pub(super) fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = body
        .uint("room_id")?
        .ok_or_else(|| body.missing("room_id"))?;
    let items = body
        .objects("virtual_members")?
        .filter(|items| !items.is_empty())
        .ok_or_else(|| ApiError::param("virtual_members is required (1 to 100 accounts)"))?;
    if items.len() > PER_CALL_MAX {
        return Err(ApiError::param(format!(
            "virtual_members has {} items, at most {PER_CALL_MAX} allowed",
            items.len()
        )));
    }
    let mut robots = Vec::with_capacity(items.len());
    for item in &items {
        robots.push(member(item, &robots)?);
    }
    body.string("extension", EXTENSION_MAX)?;
    body.bool("notification_enabled")?;
    body.string("notification_extension", NOTIFY_EXT_MAX)?;
    let (robots, mut failed_list) = split_known(&lock(&state.accounts), robots);
    let done = rooms(call, state)
        .add_robots(id, robots, now_ms(call))
        .map_err(|e| e.v2())?;
    failed_list.extend(done.refused.iter().map(|(a, e)| refused(a, e)));
    let success: Vec<&String> = done.added.iter().chain(&done.renewed).collect();
    Ok(Reply::ok_data(json!({
        "success_list": success,
        "failed_list": failed_list,
    })))
}

/// One `virtual_members` item, refused when its account repeats an earlier one.
fn member(
    item: &JsonBody,
    earlier: &[(String, RobotProfile)],
) -> Result<(String, RobotProfile), ApiError> {
    let accid = item.required_string("account_id", ACCID_MAX)?;
    check_accid(&item.field("account_id"), &accid)?;
    let accid = accid.to_ascii_lowercase();
    if earlier.iter().any(|(a, _)| *a == accid) {
        return Err(ApiError::param(format!(
            "{} repeats account {accid}",
            item.field("account_id")
        )));
    }
    let profile = RobotProfile {
        nick: item.string("room_nick", PROFILE_MAX)?,
        avatar: item.string("room_avatar", PROFILE_MAX)?,
        ext: item.string("extension", EXTENSION_MAX)?,
    };
    Ok((accid, profile))
}

/// The robots whose account exists, and a `failed_list` item (102404) for each other.
fn split_known(
    accounts: &Accounts,
    robots: Vec<(String, RobotProfile)>,
) -> (Vec<(String, RobotProfile)>, Vec<Value>) {
    let mut failed_list = Vec::new();
    let known = robots
        .into_iter()
        .filter(|(accid, _)| {
            let exists = accounts.contains(accid);
            if !exists {
                let err = super::super::v2_common::not_found(accid);
                failed_list.push(failed(accid, &err, err.desc()));
            }
            exists
        })
        .collect();
    (known, failed_list)
}

/// `DELETE /im/v2/room_members/actions/virtual_members?room_id=&account_ids=a,b&
/// notification_enabled=`: data `{success_list, failed_list}`.
pub(super) fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = query_room(call)?;
    let accids = account_ids(call)?;
    notify_flag(call)?;
    let (removed, refused_list) = rooms(call, state)
        .remove_robots(id, &accids)
        .map_err(|e| e.v2())?;
    let failed_list: Vec<Value> = refused_list.iter().map(|(a, e)| refused(a, e)).collect();
    Ok(Reply::ok_data(json!({
        "success_list": removed,
        "failed_list": failed_list,
    })))
}

/// The required `account_ids` of the query: comma-joined, 1 to 100, each once.
fn account_ids(call: &Call<'_>) -> Result<Vec<String>, ApiError> {
    let text = call
        .query_param("account_ids")
        .ok_or_else(|| ApiError::param("account_ids is required"))?;
    let mut ids: Vec<String> = Vec::new();
    for id in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        check_accid("account_ids", id)?;
        let id = id.to_ascii_lowercase();
        if ids.contains(&id) {
            return Err(ApiError::param(format!("account_ids repeats {id}")));
        }
        ids.push(id);
    }
    if ids.is_empty() || ids.len() > PER_CALL_MAX {
        return Err(ApiError::param(format!(
            "account_ids has {} items, 1 to {PER_CALL_MAX} allowed",
            ids.len()
        )));
    }
    Ok(ids)
}

/// The optional `notification_enabled` of the query: checked, kept nowhere.
fn notify_flag(call: &Call<'_>) -> Result<(), ApiError> {
    match call.query_param("notification_enabled").as_deref() {
        None | Some("true" | "false" | "1" | "0") => Ok(()),
        Some(_) => Err(ApiError::param(
            "notification_enabled must be true or false",
        )),
    }
}

/// `DELETE /im/v2/room_members/actions/clear_virtual_members?room_id=&notification_enabled=`:
/// data `{"count": N}`.
pub(super) fn clear(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = query_room(call)?;
    notify_flag(call)?;
    let count = rooms(call, state).clear_robots(id).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({ "count": count })))
}

/// `GET /im/v2.1/room_members/actions/virtual_members?room_id=`: data `{"items": [{account_id,
/// room_nick, room_avatar, extension, enter_time}]}`, by account id; `enter_time` is when it
/// was last added (its expiry less 24 hours).
pub(super) fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = query_room(call)?;
    let rooms = rooms(call, state);
    let items: Vec<Value> = rooms
        .robots(id)
        .map_err(|e| e.v2())?
        .into_iter()
        .map(|(accid, m)| {
            let added = m
                .robot_until
                .map(|until| until.saturating_sub(crate::chatrooms::ROBOT_TTL_MS));
            json!({
                "account_id": accid,
                "room_nick": m.nick.clone().unwrap_or_default(),
                "room_avatar": m.avatar.clone().unwrap_or_default(),
                "extension": m.ext.clone().unwrap_or_default(),
                "enter_time": added,
            })
        })
        .collect();
    Ok(Reply::ok_data(json!({ "items": items })))
}
