//! Admin views and knobs of the message families: `/_emulator/state/messages`,
//! `.../notifications`, `.../broadcasts`, `.../recall_window`, `.../user_events`, and
//! `/_emulator/files/{id}` (what `msg/upload.action`'s URL points at).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{Value, json};

use crate::base64;
use crate::broadcasts::Broadcasts;
use crate::call::Call;
use crate::json_body::JsonBody;
use crate::lock;
use crate::messages::{Conversation, Message, Messages};
use crate::notifications::{Notifications, UserEvent};
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// The longest recall window a test may set: the console's maximum, 7 days.
const RECALL_WINDOW_MAX: u64 = 7 * 86_400;

struct State {
    messages: Arc<Mutex<Messages>>,
    broadcasts: Arc<Mutex<Broadcasts>>,
    notes: Arc<Mutex<Notifications>>,
}

const ROUTES: &[Route<State>] = &[
    Route::admin("GET", "/_emulator/state/messages", messages),
    Route::admin("GET", "/_emulator/state/notifications", notifications),
    Route::admin("GET", "/_emulator/state/broadcasts", broadcasts),
    Route::admin("GET", "/_emulator/state/recall_window", recall_window),
    Route::admin("PUT", "/_emulator/state/recall_window", set_recall_window),
    Route::admin("GET", "/_emulator/state/user_events", user_events),
    Route::admin("POST", "/_emulator/state/user_events", add_user_event),
    Route::admin("GET", "/_emulator/files/{id}", file),
];

/// Registers the message admin routes.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        messages: registry.shared::<Messages>(),
        broadcasts: registry.shared::<Broadcasts>(),
        notes: registry.shared::<Notifications>(),
    };
    registry.routes(state, ROUTES);
}

/// Everything stored about a message, flags included.
pub(crate) fn admin_view(m: &Message) -> Value {
    json!({
        "server_id": m.server_id,
        "client_id": m.client_id,
        "sender": m.sender,
        "receiver": m.receiver,
        "conversation_type": m.conversation_type,
        "message_type": m.message_type,
        "sub_type": m.sub_type,
        "text": m.text,
        "attachment": m.attachment,
        "extension": m.extension,
        "create_time": m.create_time,
        "sender_client_type": m.sender_client_type,
        "recalled": m.recalled,
        "deleted": m.deleted,
        "no_sense_for": m.no_sense_for,
        "cleared_for": m.cleared_for,
        "thread_root": m.thread_root,
        "modified_by": m.modified.as_ref().map(|(who, _)| who),
        "modify_time": m.modified.as_ref().map(|(_, when)| when),
        "comments": m.comments.iter().map(|c| json!({
            "operator_id": c.operator_id, "index": c.index,
            "extension": c.extension, "time": c.time,
        })).collect::<Vec<_>>(),
        "stream_finished": m.stream.as_ref().map(|s| s.finished),
    })
}

/// Every message, oldest first, or those of `?conversation_id=a|1|b` (1:1: both directions),
/// whatever their flags.
fn messages(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let filter = match call.query_param("conversation_id") {
        Some(id) => Some(Conversation::parse("conversation_id", &id)?),
        None => None,
    };
    let messages = lock(&state.messages);
    let list: Vec<Value> = messages
        .select(|m| filter.as_ref().is_none_or(|c| c.contains(m)))
        .into_iter()
        .map(admin_view)
        .collect();
    Ok(Reply::json(&Value::Array(list)))
}

/// The custom-notification log, oldest first.
fn notifications(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let notes = lock(&state.notes);
    let list: Vec<Value> = notes
        .log
        .iter()
        .map(|n| {
            json!({
                "sender": n.sender, "receiver": n.receiver,
                "conversation_type": n.conversation_type, "content": n.content,
                "offline": n.offline, "via": n.via, "time": n.time,
            })
        })
        .collect();
    Ok(Reply::json(&Value::Array(list)))
}

/// `{"broadcasts":[...], "chatroom":[...]}`, expired broadcasts included (with their
/// `expire_time`), oldest first.
fn broadcasts(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let b = lock(&state.broadcasts);
    let list: Vec<Value> = b
        .all()
        .iter()
        .map(|b| {
            json!({
                "id": b.id, "from": b.from, "body": b.body, "offline": b.offline,
                "target_os": b.target_os, "create_time": b.create_time,
                "expire_time": b.expire_time,
            })
        })
        .collect();
    let chatroom: Vec<Value> = b
        .chatroom
        .iter()
        .map(|c| {
            json!({
                "client_broadcast_id": c.client_broadcast_id, "sender_id": c.sender_id,
                "message": c.message, "create_time": c.create_time,
            })
        })
        .collect();
    Ok(Reply::json(
        &json!({ "broadcasts": list, "chatroom": chatroom }),
    ))
}

/// `{"seconds": N}`: the two-way recall window in force.
fn recall_window(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let secs = lock(&state.messages).recall_window().as_secs();
    Ok(Reply::json(&json!({ "seconds": secs })))
}

/// `{"seconds": N}` sets the two-way recall window (default 120, at most 604,800: the
/// console's range) until reset.
fn set_recall_window(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse_or_empty(call.body)?;
    let secs = body
        .uint("seconds")?
        .ok_or_else(|| body.missing("seconds"))?;
    if secs > RECALL_WINDOW_MAX {
        return Err(ApiError::param(format!(
            "seconds is {secs}, at most {RECALL_WINDOW_MAX} (7 days) allowed"
        )));
    }
    lock(&state.messages).set_recall_window(Duration::from_secs(secs));
    Ok(Reply::json(&json!({ "seconds": secs })))
}

fn event_view(e: &UserEvent) -> Value {
    json!({
        "accid": e.accid, "event_type": e.event_type, "timestamp": e.timestamp,
        "client_type": e.client_type, "client_ip": e.client_ip, "device_id": e.device_id,
    })
}

/// Every recorded login/logout event.
fn user_events(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let notes = lock(&state.notes);
    Ok(Reply::json(&Value::Array(
        notes.events.iter().map(event_view).collect(),
    )))
}

/// `{"accid","event_type":2|3,"timestamp"?,"client_type"?,"client_ip"?,"device_id"?}` records
/// a login (2) or logout (3) for `history/queryUserEvents.action`; `timestamp` (ms) defaults
/// to the state clock, `client_type` to `"AOS"`.
fn add_user_event(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse_or_empty(call.body)?;
    let accid = body.required_string("accid", 32)?.to_ascii_lowercase();
    let kind = body
        .int("event_type", &[2, 3])?
        .ok_or_else(|| body.missing("event_type"))?;
    let timestamp = body
        .uint("timestamp")?
        .unwrap_or_else(|| call.now.saturating_mul(1000));
    let mut event = UserEvent::new(
        accid,
        u8::try_from(kind).unwrap_or(2),
        timestamp,
        body.string("client_type", 16)?
            .unwrap_or_else(|| "AOS".into()),
    );
    if let Some(ip) = body.string("client_ip", 64)? {
        event.client_ip = ip;
    }
    if let Some(device) = body.string("device_id", 128)? {
        event.device_id = device;
    }
    let view = event_view(&event);
    lock(&state.notes).events.push(event);
    Ok(Reply::json(&view))
}

/// An uploaded file: `{"id","content_type","tag","size","upload_time","content_base64"}`
/// (admin answers are JSON, so the bytes come base64-encoded); 404 if unknown or deleted.
fn file(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id: u64 = call.path_param("id").parse().unwrap_or(0);
    let notes = lock(&state.notes);
    let u =
        notes.uploads.iter().find(|u| u.id == id).ok_or_else(|| {
            ApiError::with_code(404, format!("no file {}", call.path_param("id")))
        })?;
    Ok(Reply::json(&json!({
        "id": u.id,
        "content_type": u.content_type,
        "tag": u.tag,
        "size": u.bytes.len(),
        "upload_time": u.time,
        "content_base64": base64::encode(&u.bytes),
    })))
}
