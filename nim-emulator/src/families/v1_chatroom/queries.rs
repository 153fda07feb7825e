//! Reading rooms: `chatroom/get`, `chatroom/getBatch`, `chatroom/queryUserRoomIds`.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::super::v1_team_params::id_of;
use super::{State, answers, rooms};
use crate::call::Call;
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// The most rooms one `getBatch` names.
const BATCH_MAX: usize = 20;

/// `chatroom/get.action`: room `roomid`, open or closed. Answers `{"code":200,"chatroom":{
/// roomid, valid, creator, name, announcement?, broadcasturl?, ext?, queuelevel, muted,
/// ionotify, onlineusercount?}}`; `onlineusercount` only with `needOnlineUserCount=true`.
pub(super) fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let count = p.switch("needOnlineUserCount")?.unwrap_or(false);
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "chatroom": answers::info(room, count) }),
    ))
}

/// `chatroom/getBatch.action`: rooms `roomids` (1 to 20). Answers `{"code":200,
/// "succRooms":[room as in get], "noExistRooms":[id], "failRooms":[]}` (real arrays, as
/// production sends them), each list in request order.
pub(super) fn get_batch(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let ids = room_ids(&p)?;
    let count = p.switch("needOnlineUserCount")?.unwrap_or(false);
    let rooms = rooms(call, state);
    let mut found: Vec<Value> = Vec::new();
    let mut missing: Vec<u64> = Vec::new();
    for id in ids {
        match rooms.get(id) {
            Ok(room) => found.push(answers::info(room, count)),
            Err(_) => missing.push(id),
        }
    }
    Ok(Reply::json(&json!({
        "code": 200, "succRooms": found, "noExistRooms": missing, "failRooms": [],
    })))
}

/// `roomids`: a JSON array of 1 to 20 ids, numbers or numeric strings, each once (a repeat
/// is 414, as nim-api refuses it before sending; the docs do not say).
fn room_ids(p: &Params) -> Result<Vec<u64>, ApiError> {
    let bad = || ApiError::param("roomids must be a JSON array of room ids, e.g. [123]");
    let text = p
        .get("roomids")
        .ok_or_else(|| ApiError::param("roomids is missing"))?;
    let items: Vec<Value> = serde_json::from_str(text).map_err(|_| bad())?;
    if items.is_empty() || items.len() > BATCH_MAX {
        return Err(ApiError::param(format!(
            "roomids must name 1 to {BATCH_MAX} rooms, not {}",
            items.len()
        )));
    }
    let mut seen = BTreeSet::new();
    let mut ids = Vec::with_capacity(items.len());
    for item in &items {
        let id = id_of(item).ok_or_else(bad)?;
        if !seen.insert(id) {
            return Err(ApiError::param(format!("roomids names room {id} twice")));
        }
        ids.push(id);
    }
    Ok(ids)
}

/// `chatroom/queryUserRoomIds.action`: the open rooms `creator` made, ascending. Answers
/// `{"code":200,"desc":{"roomids":["<id>",...]}}`: strings, as the docs' example and
/// production have them (the Java SDK reads a top-level `roomids`, the Go SDK a string;
/// they disagree with each other, so the docs win). An unknown `creator` gets an empty list:
/// the emulator's choice (unconfirmed: no source says).
pub(super) fn open_room_ids(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let creator = p.account_id("creator")?;
    let ids: Vec<String> = rooms(call, state)
        .open_rooms_of(&creator)
        .iter()
        .map(u64::to_string)
        .collect();
    Ok(Reply::json(
        &json!({ "code": 200, "desc": { "roomids": ids } }),
    ))
}
