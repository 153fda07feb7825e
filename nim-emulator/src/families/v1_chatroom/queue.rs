//! The room queue (`chatroom/queue*.action`): init, offer, batch offer, batch update, list,
//! multi-get, poll, drop, on the store's queue ([`crate::chatrooms`] has the rules and the
//! codes; v2 `chatroom_queue` acts on the same queue).
//!
//! Emulator choices where the sources are silent:
//!
//! - `sizeLimit` of queueInit is required by the docs and optional in the Java SDK (default
//!   50), and the Go SDK drops a `0`: an absent value sets 50.
//! - `operator` (offer, batch offer) defaults to the creator; an unregistered one is 404 (the
//!   official queue page). `accid` of a batch-offer element must be registered too; an element
//!   refused for any reason (unknown owner, transient owner offline, full queue) is listed in
//!   `failedKeys` and the others are written.
//! - At most 100 elements per batch offer (no source; the client SDK's batch limit) and 200
//!   per batch update (the legacy official tables); at most 1000 keys per multi-get (the
//!   largest queue).
//! - `highPriority`, `highPriorityPolicy`, `needNotify` and `notifyExt` are checked and have
//!   no other effect (the emulator has no clients to notify, and no rate to exceed); the
//!   answers' `highPriority` is whether `highPriority=1` was asked.

use serde_json::{Map, Value, json};

use super::{State, now_ms, rooms};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::{AddPolicy, Chatrooms, QueueOperator, QueueWrite, select, select_in_order};
use crate::lock;
use crate::params::{Params, check_accid};
use crate::reply::{ApiError, Reply};
use crate::router::Route;

/// `key`: at most 128 characters.
pub(crate) const KEY_MAX: usize = 128;
/// `value`: at most 4096 characters.
pub(crate) const VALUE_MAX: usize = 4096;
/// `notifyExt`: at most 2048 characters.
pub(crate) const NOTIFY_EXT_MAX: usize = 2048;
/// Elements of one batch offer.
const BATCH_OFFER_MAX: usize = 100;
/// Pairs of one batch update.
const BATCH_UPDATE_MAX: usize = 200;
/// Keys of one multi-get.
const MULTI_GET_MAX: usize = 1000;

/// The queue routes, registered beside the room routes.
pub(super) const ROUTES: &[Route<State>] = &[
    Route::v1("chatroom/queueInit.action", init),
    Route::v1("chatroom/queueDrop.action", drop_all),
    Route::v1("chatroom/queueOffer.action", offer),
    Route::v1("chatroom/queueBatchOffer.action", batch_offer),
    Route::v1("chatroom/queueBatchUpdateElements.action", batch_update),
    Route::v1("chatroom/queueList.action", list),
    Route::v1("chatroom/queuePoll.action", poll),
    Route::v1("chatroom/queueMultiGet.action", multi_get),
];

/// `chatroom/queueInit.action`: sets the limit (0 to 1000; absent: 50). `desc` `{}`.
pub(super) fn init(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let limit = p.u64_opt("sizeLimit")?.unwrap_or(50);
    rooms(call, state)
        .queue_init(id, limit)
        .map_err(|e| e.v1())?;
    Ok(answer(json!({})))
}

/// `chatroom/queueDrop.action`: empties the queue. `desc` `{"highPriority":..}`.
pub(super) fn drop_all(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let high = priority(&p)?;
    rooms(call, state).queue_drop(id).map_err(|e| e.v1())?;
    Ok(answer(json!({ "highPriority": high })))
}

/// `chatroom/queueOffer.action`: `operator` (the creator when absent) adds or updates
/// `key`; `transient=true` deletes it when the operator leaves. `desc` `{"highPriority":..}`.
pub(super) fn offer(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let key = p.text_req("key", KEY_MAX)?.to_owned();
    let value = p.text_req("value", VALUE_MAX)?.to_owned();
    let transient = p.switch("transient")?.unwrap_or(false);
    let high = priority(&p)?;
    let accounts = lock(&state.accounts);
    let mut rooms = rooms(call, state);
    let operator = operator(&p, &accounts, &rooms, id)?;
    rooms
        .queue_operator(id, &operator, QueueOperator::CreatorOrOnline)
        .map_err(|e| e.v1())?;
    let write = QueueWrite {
        key,
        value,
        owner: operator,
        transient: Some(transient),
        policy: AddPolicy::AddOrUpdate,
        time: now_ms(call),
    };
    rooms.queue_write(id, write).map_err(|e| e.v1())?;
    Ok(answer(json!({ "highPriority": high })))
}

/// `chatroom/queueBatchOffer.action`: `elements`, `[{"key","value","accid","transient"}]`
/// (`accid` the owner, default the operator; `transient` default the request's), each added
/// or updated. `desc` `{"failedKeys":[..],"highPriority":..}`.
pub(super) fn batch_offer(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let transient = p.switch("transient")?.unwrap_or(false);
    let items = json_items(&p, "elements", BATCH_OFFER_MAX)?;
    notify(&p)?;
    let high = priority(&p)?;
    let accounts = lock(&state.accounts);
    let mut rooms = rooms(call, state);
    let operator = operator(&p, &accounts, &rooms, id)?;
    let elements = items
        .iter()
        .enumerate()
        .map(|(i, item)| offered(item, i, &operator, (transient, now_ms(call))))
        .collect::<Result<Vec<_>, _>>()?;
    rooms
        .queue_operator(id, &operator, QueueOperator::CreatorOrOnline)
        .map_err(|e| e.v1())?;
    let mut failed = Vec::new();
    for write in elements {
        let key = write.key.clone();
        let known = accounts.contains(&write.owner);
        if !known || rooms.queue_write(id, write).is_err() {
            failed.push(key);
        }
    }
    Ok(answer(
        json!({ "failedKeys": failed, "highPriority": high }),
    ))
}

/// `chatroom/queueBatchUpdateElements.action`: `operator`, the creator or a manager, changes
/// the values of `elements` (`{"key":"value",..}`) that exist; the others are not added but
/// listed. `desc` `{"noExistElementKey":[..],"highPriority":..}`.
pub(super) fn batch_update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let operator = p.account_id("operator")?;
    let pairs = key_values(&p)?;
    notify(&p)?;
    let high = priority(&p)?;
    let accounts = lock(&state.accounts);
    registered(&accounts, "operator", &operator)?;
    let mut rooms = rooms(call, state);
    rooms
        .queue_operator(id, &operator, QueueOperator::CreatorOrManager)
        .map_err(|e| e.v1())?;
    let mut missing = Vec::new();
    for (key, value) in pairs {
        let write = QueueWrite {
            key: key.clone(),
            value,
            owner: operator.clone(),
            transient: None,
            policy: AddPolicy::UpdateOnly,
            time: now_ms(call),
        };
        if rooms.queue_write(id, write).is_err() {
            missing.push(key);
        }
    }
    Ok(answer(
        json!({ "noExistElementKey": missing, "highPriority": high }),
    ))
}

/// `chatroom/queueList.action`: every element, head first. `desc` `{"list":[{"k":"v"},..]}`.
pub(super) fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let rooms = rooms(call, state);
    let room = rooms.queue_room(id).map_err(|e| e.v1())?;
    let list: Vec<Value> = select(room, &[])
        .iter()
        .map(|e| pair(&e.key, &e.value))
        .collect();
    Ok(answer(json!({ "list": list })))
}

/// `chatroom/queueMultiGet.action`: the elements of `keys` (a JSON array), in the order of
/// `keys`; missing keys are left out (the Java SDK reads every value as text, so `null`
/// values would break it). `desc` `{"list":[{"k":"v"},..]}`.
pub(super) fn multi_get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let keys = p.json_list("keys", MULTI_GET_MAX)?;
    if let Some((i, key)) = keys
        .iter()
        .enumerate()
        .find(|(_, k)| k.is_empty() || k.chars().count() > KEY_MAX)
    {
        return Err(ApiError::param(format!(
            "keys[{i}] must have 1 to {KEY_MAX} characters, not {}",
            key.chars().count()
        )));
    }
    let rooms = rooms(call, state);
    let room = rooms.queue_room(id).map_err(|e| e.v1())?;
    let list: Vec<Value> = select_in_order(room, &keys)
        .iter()
        .map(|e| pair(&e.key, &e.value))
        .collect();
    Ok(answer(json!({ "list": list })))
}

/// `chatroom/queuePoll.action`: removes the element of `key`, or the head when `key` is
/// absent or empty. `desc` `{"key":..,"value":..,"highPriority":..}`; 404 when there is none.
pub(super) fn poll(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let key = p.text("key", KEY_MAX)?.map(str::to_owned);
    let high = priority(&p)?;
    let element = rooms(call, state)
        .queue_poll(id, key.as_deref())
        .map_err(|e| e.v1())?;
    Ok(answer(json!({
        "key": element.key,
        "value": element.value,
        "highPriority": high,
    })))
}

/// `{"code":200,"desc":desc}`: every queue answer is under `desc`.
fn answer(desc: Value) -> Reply {
    Reply::json(&json!({ "code": 200, "desc": desc }))
}

/// One `{"key":"value"}` item of a list.
fn pair(key: &str, value: &str) -> Value {
    let mut item = Map::new();
    item.insert(key.to_owned(), Value::String(value.to_owned()));
    Value::Object(item)
}

/// `highPriority` (0 or 1) and `highPriorityPolicy` (0 or 1); answers whether high priority
/// was asked.
fn priority(p: &Params) -> Result<bool, ApiError> {
    let high = p.int_opt("highPriority", &[0, 1])?;
    p.int_opt("highPriorityPolicy", &[0, 1])?;
    Ok(high == Some(1))
}

/// `needNotify` (a switch) and `notifyExt` (at most 2048 characters), checked.
fn notify(p: &Params) -> Result<(), ApiError> {
    p.switch("needNotify")?;
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    Ok(())
}

/// 404 for an account that does not exist (the official queue page for `operator`).
fn registered(accounts: &Accounts, field: &str, accid: &str) -> Result<(), ApiError> {
    if accounts.contains(accid) {
        return Ok(());
    }
    Err(ApiError::with_code(
        404,
        format!("{field} {accid} does not exist"),
    ))
}

/// The optional `operator`, registered; the room's creator when absent.
fn operator(
    p: &Params,
    accounts: &Accounts,
    rooms: &Chatrooms,
    id: u64,
) -> Result<String, ApiError> {
    if p.get("operator").is_none() {
        return Ok(rooms.get(id).map_err(|e| e.v1())?.creator.clone());
    }
    let operator = p.account_id("operator")?;
    registered(accounts, "operator", &operator)?;
    Ok(operator)
}

/// A required JSON array of objects in form field `name`, 1 to `max` items.
fn json_items(p: &Params, name: &str, max: usize) -> Result<Vec<Map<String, Value>>, ApiError> {
    let text = p.text_req(name, usize::MAX)?;
    let items: Vec<Map<String, Value>> = serde_json::from_str(text).map_err(|_| {
        ApiError::param(format!(
            "{name} must be a JSON array of objects, e.g. [{{\"key\":\"k\",\"value\":\"v\"}}]"
        ))
    })?;
    if items.is_empty() || items.len() > max {
        return Err(ApiError::param(format!(
            "{name} must have 1 to {max} items, not {}",
            items.len()
        )));
    }
    Ok(items)
}

/// Element `i` of a batch offer as a write at `time`: `key` and `value` checked as in
/// queueOffer, `transient` the request's unless the element sets its own.
fn offered(
    item: &Map<String, Value>,
    i: usize,
    operator: &str,
    (transient, time): (bool, u64),
) -> Result<QueueWrite, ApiError> {
    let text = |name: &str, max: usize, required: bool| -> Result<Option<String>, ApiError> {
        let field = format!("elements[{i}].{name}");
        match item.get(name) {
            None | Some(Value::Null) if required => {
                Err(ApiError::param(format!("{field} is missing")))
            }
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.chars().count() > max => Err(ApiError::param(format!(
                "{field} is too long: {} characters, at most {max} allowed",
                s.chars().count()
            ))),
            Some(Value::String(s)) if s.is_empty() && required => {
                Err(ApiError::param(format!("{field} is missing")))
            }
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::param(format!("{field} must be a string"))),
        }
    };
    let key = text("key", KEY_MAX, true)?.unwrap_or_default();
    let value = text("value", VALUE_MAX, true)?.unwrap_or_default();
    let owner = match text("accid", usize::MAX, false)? {
        Some(accid) if !accid.is_empty() => {
            check_accid(&format!("elements[{i}].accid"), &accid)?;
            accid.to_ascii_lowercase()
        }
        _ => operator.to_owned(),
    };
    let transient = match item.get("transient") {
        None | Some(Value::Null) => transient,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) if s == "true" => true,
        Some(Value::String(s)) if s == "false" => false,
        Some(_) => {
            return Err(ApiError::param(format!(
                "elements[{i}].transient must be true or false"
            )));
        }
    };
    Ok(QueueWrite {
        key,
        value,
        owner,
        transient: Some(transient),
        policy: AddPolicy::AddOrUpdate,
        time,
    })
}

/// The required `elements` of a batch update: a JSON object of 1 to 200 `key: value` texts.
fn key_values(p: &Params) -> Result<Vec<(String, String)>, ApiError> {
    let text = p.text_req("elements", usize::MAX)?;
    let map: Map<String, Value> = serde_json::from_str(text).map_err(|_| {
        ApiError::param("elements must be a JSON object of texts, e.g. {\"k\":\"v\"}")
    })?;
    if map.is_empty() || map.len() > BATCH_UPDATE_MAX {
        return Err(ApiError::param(format!(
            "elements must have 1 to {BATCH_UPDATE_MAX} keys, not {}",
            map.len()
        )));
    }
    map.into_iter()
        .map(|(key, value)| {
            let Value::String(value) = value else {
                return Err(ApiError::param(format!("elements.{key} must be a string")));
            };
            if key.is_empty() || key.chars().count() > KEY_MAX {
                return Err(ApiError::param(format!(
                    "elements: key {key:?} must have 1 to {KEY_MAX} characters"
                )));
            }
            if value.chars().count() > VALUE_MAX {
                return Err(ApiError::param(format!(
                    "elements.{key} is too long: at most {VALUE_MAX} characters allowed"
                )));
            }
            Ok((key, value))
        })
        .collect()
}
