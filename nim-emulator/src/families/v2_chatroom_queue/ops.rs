//! The five operations. Each answers `data` with the snake_case members both SDKs read.

use serde_json::{Value, json};

use super::{State, notification, room_id, rooms, route};
use crate::call::Call;
use crate::chatrooms::{
    AddPolicy, ChatroomError, QUEUE_LIMIT_MAX, QueueElement, QueueOperator, QueueWrite, Room,
    Written, select,
};
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};

/// `element_key`: at most 128 characters.
const KEY_MAX: usize = 128;
/// `element_value`: at most 4096 characters.
const VALUE_MAX: usize = 4096;
/// Elements of one update.
const UPDATE_MAX: usize = 100;
/// The limit an initialize without `queue_size_limit` sets.
const DEFAULT_LIMIT: u64 = 100;

/// `POST /im/v2/room_queues/{room_id}`: sets the limit (`queue_size_limit`, 0 to 1000;
/// absent: 100), keeping the elements. data `{}`.
pub(super) fn initialize(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = room_id(call)?;
    let body = call.json()?;
    let limit = body.uint("queue_size_limit")?.unwrap_or(DEFAULT_LIMIT);
    if limit > QUEUE_LIMIT_MAX {
        return Err(ApiError::param(format!(
            "queue_size_limit must be 0 to {QUEUE_LIMIT_MAX}, not {limit}"
        )));
    }
    route(&body)?;
    rooms(call, state)
        .queue_init(id, limit)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `POST /im/v2/room_queues/{room_id}/actions/query`: the elements of `element_key_list`
/// (none: all), in queue order. data: `room_id`, `queue_size_limit`, `queue_size`,
/// `element_list`.
pub(super) fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = room_id(call)?;
    let body = call.json()?;
    let keys = body
        .strings("element_key_list", usize::MAX, KEY_MAX)?
        .unwrap_or_default();
    route(&body)?;
    let rooms = rooms(call, state);
    let room = rooms.queue_room(id).map_err(|e| e.v2())?;
    let mut data = sizes(room);
    data["element_list"] = select(room, &keys).into_iter().map(element).collect();
    Ok(Reply::ok_data(data))
}

/// `PATCH /im/v2/room_queues/{room_id}` (also PUT): `operator_account_id` writes each of
/// `element_list` by its `element_add_policy`. data: `room_id`, `queue_size_limit`,
/// `queue_size`, `insert_element_list`, `update_element_list`, `failed_element_list`.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = room_id(call)?;
    let body = call.json()?;
    let operator = account(&body, "operator_account_id")?;
    let items = body
        .objects("element_list")?
        .filter(|items| !items.is_empty())
        .ok_or_else(|| body.missing("element_list"))?;
    if items.len() > UPDATE_MAX {
        return Err(ApiError::param(format!(
            "element_list has {} items, at most {UPDATE_MAX} allowed",
            items.len()
        )));
    }
    let writes = items
        .iter()
        .map(|item| write(item, &operator, call.now.saturating_mul(1000)))
        .collect::<Result<Vec<_>, _>>()?;
    notification(&body)?;
    route(&body)?;
    let accounts = lock(&state.accounts);
    if !accounts.contains(&operator) {
        return Err(ApiError::with_code(
            404,
            format!("operator_account_id {operator} does not exist"),
        ));
    }
    let mut rooms = rooms(call, state);
    rooms
        .queue_operator(id, &operator, QueueOperator::CreatorOrOnline)
        .map_err(|e| e.v2())?;
    let (mut inserted, mut updated, mut failed) = (Vec::new(), Vec::new(), Vec::new());
    for write in writes {
        let key = write.key.clone();
        let outcome = if accounts.contains(&write.owner) {
            rooms.queue_write(id, write)
        } else {
            Err(ChatroomError::Missing {
                desc: format!("element_account_id {} does not exist", write.owner),
            })
        };
        match outcome {
            Ok(Written::Inserted) => inserted.push(key),
            Ok(Written::Updated) => updated.push(key),
            Err(e) => {
                let e = e.v2();
                failed.push(json!({
                    "element_key": key, "error_code": e.code(), "error_msg": e.desc(),
                }));
            }
        }
    }
    let room = rooms.queue_room(id).map_err(|e| e.v2())?;
    let mut data = sizes(room);
    data["insert_element_list"] = json!(inserted);
    data["update_element_list"] = json!(updated);
    data["failed_element_list"] = json!(failed);
    Ok(Reply::ok_data(data))
}

/// `DELETE /im/v2/room_queues/{room_id}`: empties the queue. data: `room_id`, `queue_size`
/// (before), and `high_priority` when notifications are on.
pub(super) fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = room_id(call)?;
    let body = call.json()?;
    let (high, notify) = notification(&body)?;
    route(&body)?;
    let before = rooms(call, state).queue_drop(id).map_err(|e| e.v2())?;
    let mut data = json!({ "room_id": id, "queue_size": before });
    if notify {
        data["high_priority"] = json!(high);
    }
    Ok(Reply::ok_data(data))
}

/// `PATCH /im/v2/room_queues/{room_id}/actions/poll` (also POST): removes the element of
/// `element_key`, or the head. data: the element; 404 when there is none.
pub(super) fn poll(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = room_id(call)?;
    let body = call.json()?;
    let key = body
        .string("element_key", KEY_MAX)?
        .filter(|k| !k.is_empty());
    notification(&body)?;
    route(&body)?;
    let polled = rooms(call, state)
        .queue_poll(id, key.as_deref())
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(element(&polled)))
}

/// `room_id`, `queue_size_limit` and `queue_size` of `room`.
fn sizes(room: &Room) -> Value {
    json!({
        "room_id": room.id,
        "queue_size_limit": room.queue.size_limit,
        "queue_size": room.queue.elements.len(),
    })
}

/// One element as query and poll answer it; `create_time` and `update_time` (Unix ms) are
/// read by the Go SDK (on query), the rest by both SDKs.
fn element(e: &QueueElement) -> Value {
    json!({
        "element_key": e.key,
        "element_value": e.value,
        "element_account_id": e.owner,
        "element_transient": e.transient,
        "create_time": e.create_time,
        "update_time": e.update_time,
    })
}

/// A required account id member, lowercased.
fn account(body: &JsonBody, name: &str) -> Result<String, ApiError> {
    let id = body.required_string(name, usize::MAX)?;
    check_accid(&body.field(name), &id)?;
    Ok(id.to_ascii_lowercase())
}

/// One `element_list` item as a write at `time` (owner: `element_account_id`, else the
/// operator).
fn write(item: &JsonBody, operator: &str, time: u64) -> Result<QueueWrite, ApiError> {
    let owner = match item.string("element_account_id", usize::MAX)? {
        Some(id) if !id.is_empty() => {
            check_accid(&item.field("element_account_id"), &id)?;
            id.to_ascii_lowercase()
        }
        _ => operator.to_owned(),
    };
    let policy = item
        .int("element_add_policy", &[0, 1, 2])?
        .and_then(AddPolicy::from_number)
        .unwrap_or_default();
    Ok(QueueWrite {
        key: item.required_string("element_key", KEY_MAX)?,
        value: item.required_string("element_value", VALUE_MAX)?,
        owner,
        transient: Some(item.bool("element_transient")?.unwrap_or(false)),
        policy,
        time,
    })
}
