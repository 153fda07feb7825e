//! Sending into chatrooms: `chatroom/sendMsg`, `batchSendMsg`, `sendMsgToSomeone`,
//! `batchSendMsgToSomeone`, `broadcast`. Who may send and what is kept are the store's rules
//! ([`crate::chatrooms`]); here the form is read and checked against the documented
//! limits, and the answers are written as production writes them (`time`, `roomId` and
//! `type` as strings, the Java SDK's live tests).
//!
//! The message's own parameters (`msgId`, `msgType`, `attach`, `subType`, `ext`,
//! `resendFlag`) are read by one reader for the form and for each `msgList` item.
//!
//! - `msgType`: 0 text, 1 image, 2 audio, 3 video, 4 location, 6 file, 10 tip, 100 custom
//!   (414 otherwise). `attach` is the text itself for 0 and 10; a JSON object for 1 to 6
//!   (the media keys of the message-format page, not checked further, as for one-to-one and
//!   team messages); any text for 100. At most 4096 characters, as `ext`.
//! - Emulator choices: `abandonRatio` is checked (0 to 9999) and never drops a message (a
//!   random drop would make tests flaky); the moderation and copy switches are checked and
//!   have no effect; `locX`/`locY`/`locZ` must be numbers and are not kept; directed
//!   messages go to no one (there are no clients), and receivers need not be in the room.
//! - Batches: a `msgList` that is not a JSON array of 1 to 10 objects is 414; an item that
//!   breaks a rule is listed in `fail` with the reason and the others are sent; a sender the
//!   room refuses refuses the whole call (the same sender for every item).
//! - `broadcast` is taken as enabled for the app (production answers 403 "no right to send
//!   chatroom broadcast msg!" otherwise). It stores nothing (no source says broadcasts reach
//!   the rooms' histories) and answers the message without `roomId`.

use serde_json::{Map, Value, json};

use super::{State, now_ms, registered, rooms};
use crate::call::Call;
use crate::chatrooms::{Outgoing, RoomMessage};
use crate::message_content::{CLIENT_ID_MAX, SENDABLE_TYPES};
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// `attach` and `ext`: at most 4096 characters.
const ATTACH_MAX: usize = 4096;
/// The most messages of a batch.
const BATCH_MAX: usize = 10;
/// The most receivers of a directed message.
const RECEIVERS_MAX: usize = 100;

/// `chatroom/sendMsg.action`: answers `{"code":200,"desc":{message}}`.
pub(super) fn send(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let from = registered(&p, state, "fromAccid")?;
    let mut out = message(&p, &from)?;
    delivery(&p, &mut out)?;
    common(&p)?;
    position(&p)?;
    let sent = rooms(call, state)
        .send(id, out, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "desc": sent_view(&sent, Some(id)) }),
    ))
}

/// `chatroom/sendMsgToSomeone.action`: a message for `toAccids` (1 to 100), never stored.
pub(super) fn send_to_some(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let from = registered(&p, state, "fromAccid")?;
    receivers(&p)?;
    let mut out = message(&p, &from)?;
    out.store = false;
    common(&p)?;
    let sent = rooms(call, state)
        .send(id, out, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "desc": sent_view(&sent, Some(id)) }),
    ))
}

/// `chatroom/batchSendMsg.action`: answers top-level `success` and `fail`.
pub(super) fn batch_send(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let from = registered(&p, state, "fromAccid")?;
    let mut switches = Outgoing::default();
    delivery(&p, &mut switches)?;
    common(&p)?;
    batch(call, state, id, &p, &from, &switches)
}

/// `chatroom/batchSendMsgToSomeone.action`: a batch for `toAccids`, never stored.
pub(super) fn batch_send_to_some(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let from = registered(&p, state, "fromAccid")?;
    receivers(&p)?;
    common(&p)?;
    let switches = Outgoing {
        store: false,
        ..Outgoing::default()
    };
    batch(call, state, id, &p, &from, &switches)
}

/// `chatroom/broadcast.action`: checked, answered, stored nowhere (see the module docs).
pub(super) fn broadcast(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = registered(&p, state, "fromAccid")?;
    let mut out = message(&p, &from)?;
    out.high_priority = p.switch("highPriority")?.unwrap_or(false);
    p.text("notifyTargetTags", 128)?;
    common(&p)?;
    if p.get("yidunAntiSpamExt").is_some() {
        return Err(ApiError::param("broadcast takes no yidunAntiSpamExt"));
    }
    let sent = out.unstored(now_ms(call));
    Ok(Reply::json(
        &json!({ "code": 200, "desc": sent_view(&sent, None) }),
    ))
}

/// Sends each `msgList` item with the call's `switches`; items that break a rule go to
/// `fail`.
fn batch(
    call: &Call<'_>,
    state: &State,
    id: u64,
    p: &Params,
    from: &str,
    switches: &Outgoing,
) -> Result<Reply, ApiError> {
    let text = p
        .get("msgList")
        .ok_or_else(|| ApiError::param("msgList is missing"))?;
    let Ok(items) = serde_json::from_str::<Vec<Value>>(text) else {
        return Err(ApiError::param(
            "msgList must be a JSON array of message objects",
        ));
    };
    if items.is_empty() || items.len() > BATCH_MAX {
        return Err(ApiError::param(format!(
            "msgList has {} messages, 1 to {BATCH_MAX} allowed",
            items.len()
        )));
    }
    // A list the server refuses whole is refused before any item is stored, so a retry
    // after the 414 cannot send an item twice.
    let items: Vec<Map<String, Value>> = items
        .into_iter()
        .map(|item| match item {
            Value::Object(item) => Ok(item),
            _ => Err(ApiError::param("msgList items must be JSON objects")),
        })
        .collect::<Result<_, _>>()?;
    let now = now_ms(call);
    let mut rooms = rooms(call, state);
    let (mut success, mut fail) = (Vec::new(), Vec::new());
    for item in items {
        let key = item
            .get("msgId")
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .unwrap_or_default();
        let out = match message(&item_params(&item), from) {
            Ok(out) => Outgoing {
                store: switches.store,
                ignore_temp_mute: switches.ignore_temp_mute,
                high_priority: switches.high_priority,
                notify_target_tags: switches.notify_target_tags.clone(),
                ..out
            },
            Err(err) => {
                fail.push(json!({ key: err.desc() }));
                continue;
            }
        };
        let sent = rooms.send(id, out, now).map_err(|e| e.v1())?;
        success.push(json!({ key: sent_view(&sent, Some(id)) }));
    }
    Ok(Reply::json(
        &json!({ "code": 200, "success": success, "fail": fail }),
    ))
}

/// A `msgList` item as form parameters, so one reader checks both (numbers and other JSON
/// values as their JSON text).
fn item_params(item: &Map<String, Value>) -> Params {
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (name, value) in item {
        match value {
            Value::String(text) => form.append_pair(name, text),
            other => form.append_pair(name, &other.to_string()),
        };
    }
    Params::parse(form.finish().as_bytes())
}

/// The message's own parameters: `msgId`, `msgType`, `attach`, `subType`, `ext`,
/// `resendFlag`.
fn message(p: &Params, from: &str) -> Result<Outgoing, ApiError> {
    let client_id = p.text_req("msgId", CLIENT_ID_MAX)?.to_owned();
    let msg_type = p.int_in("msgType", SENDABLE_TYPES)?;
    let attach = p.text_or_empty("attach", ATTACH_MAX)?.unwrap_or_default();
    if matches!(msg_type, 1..=6)
        && !serde_json::from_str::<Value>(attach).is_ok_and(|v| v.is_object())
    {
        return Err(ApiError::param(format!(
            "attach must be a JSON object for msgType {msg_type}"
        )));
    }
    let sub_type = match p.u64_opt("subType")? {
        Some(0) => return Err(ApiError::param("subType must be at least 1")),
        Some(n) => Some(u32::try_from(n).map_err(|_| ApiError::param("subType is too large"))?),
        None => None,
    };
    Ok(Outgoing {
        client_id,
        from: from.to_owned(),
        msg_type,
        body: attach.to_owned(),
        sub_type,
        ext: p.text("ext", ATTACH_MAX)?.map(str::to_owned),
        resend: p.int_opt("resendFlag", &[0, 1])? == Some(1),
        store: true,
        ..Outgoing::default()
    })
}

/// The delivery switches of `sendMsg` and `batchSendMsg`, into `out`.
fn delivery(p: &Params, out: &mut Outgoing) -> Result<(), ApiError> {
    out.ignore_temp_mute = p.switch("ignoreMute")?.unwrap_or(false);
    out.store = p.int_opt("skipHistory", &[0, 1])? != Some(1);
    out.high_priority = p.switch("highPriority")?.unwrap_or(false);
    out.notify_target_tags = p.text("notifyTargetTags", 128)?.map(str::to_owned);
    if p.u64_opt("abandonRatio")?.is_some_and(|r| r > 9999) {
        return Err(ApiError::param("abandonRatio must be 0 to 9999"));
    }
    p.switch("needHighPriorityMsgResend")?;
    p.int_opt("chatMsgPriority", &[0, 1, 2, 3])?;
    p.int_opt("forbiddenIfHighPriorityMsgFreq", &[0, 1])?;
    Ok(())
}

/// The copy and moderation parameters every send takes: checked, no effect.
fn common(p: &Params) -> Result<(), ApiError> {
    p.int_opt("route", &[0, 1])?;
    p.text("env", 32)?;
    p.switch("antispam")?;
    for (name, limit) in [
        ("yidunAntiCheating", 1024),
        ("yidunAntiSpamExt", 1024),
        ("antispamCustom", 5000),
    ] {
        p.text(name, limit)?;
    }
    Ok(())
}

/// `locX`, `locY`, `locZ` of `sendMsg`: finite numbers when given; checked and not kept
/// (nothing reads them back).
fn position(p: &Params) -> Result<(), ApiError> {
    for name in ["locX", "locY", "locZ"] {
        if let Some(text) = p.get(name)
            && !text.trim().parse::<f64>().is_ok_and(f64::is_finite)
        {
            return Err(ApiError::param(format!("{name} must be a number")));
        }
    }
    Ok(())
}

/// `toAccids`: a JSON array of 1 to 100 account ids.
fn receivers(p: &Params) -> Result<Vec<String>, ApiError> {
    let list = p.json_list("toAccids", RECEIVERS_MAX)?;
    for accid in &list {
        crate::params::check_accid("toAccids", accid)?;
    }
    Ok(list)
}

/// A message as the send actions answer it; `roomId` left out for a broadcast.
fn sent_view(m: &RoomMessage, room: Option<u64>) -> Value {
    let mut view = json!({
        "time": m.time.to_string(),
        "msgid_client": m.client_id,
        "fromAccount": m.from,
        "fromNick": m.sender_nick,
        "fromAvator": m.sender_avatar,
        "fromClientType": "REST",
        "attach": m.body,
        "type": m.msg_type.to_string(),
        "ext": m.ext.clone().unwrap_or_default(),
    });
    if let Some(room) = room {
        view["roomId"] = json!(room.to_string());
    }
    if m.high_priority {
        view["highPriorityFlag"] = json!(1);
    }
    view
}
