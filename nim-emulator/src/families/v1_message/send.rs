//! Sending: `msg/sendMsg.action` (1:1 or team) and `msg/sendBatchMsg.action` (1:1 to many).

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::State;
use crate::call::Call;
use crate::families::message_common::{Refusal, friend_check, may_send, store};
use crate::lock;
use crate::message_content::{self, Content, DESC_MAX, EXT_MAX, SENDABLE_TYPES};
use crate::messages::{CLIENT_TYPE_REST, Message};
use crate::params::{Params, check_accid};
use crate::reply::{ApiError, Reply};

/// The most receivers of one `sendBatchMsg`, and with `returnMsgid=true`.
const BATCH_MAX: usize = 500;
const BATCH_MAX_WITH_IDS: usize = 100;

/// The content and options both sends share: `type`, `body`, `msgDesc`, `ext`, and the
/// checked-only push and option fields.
pub(in crate::families) struct Common {
    content: Content,
    ext: Option<String>,
    sender_no_sense: bool,
    receiver_no_sense: bool,
    /// `checkFriend=true`: deliver only if the receiver has the sender as a friend.
    check_friend: bool,
    /// `markRead=1`: a team message whose readers are recorded.
    mark_read: bool,
    /// `option` `"badge":false`: not counted as unread.
    uncounted: bool,
    /// `option` `"sessionUpdate":false`: the conversation is not updated.
    no_conversation_update: bool,
}

pub(in crate::families) fn common(p: &Params) -> Result<Common, ApiError> {
    let message_type = p.int_in("type", SENDABLE_TYPES)?;
    let body = p.text_req("body", message_content::BODY_MAX)?;
    let desc = p.text("msgDesc", DESC_MAX)?;
    let mut content =
        message_content::from_v1(u32::try_from(message_type).unwrap_or(0), body, desc)?;
    if let Some(sub_type) = p.u64_opt("subType")? {
        if sub_type == 0 {
            return Err(ApiError::param("subType must be greater than 0"));
        }
        content.sub_type = Some(sub_type);
    }
    let ext = p.text("ext", EXT_MAX)?.map(str::to_owned);
    let option = json_object(p, "option")?.unwrap_or_default();
    let off = |key: &str| option.get(key).and_then(Value::as_bool) == Some(false);
    let (uncounted, no_conversation_update) = (off("badge"), off("sessionUpdate"));
    // Both spellings are in use (docs lowercase, current SDKs camelCase).
    p.text("pushcontent", 500)?;
    p.text("pushContent", 500)?;
    p.text("payload", 2048)?;
    let check_friend = p.flag("checkFriend")?.unwrap_or(false);
    p.flag("antispam")?;
    let mark_read = p.int_opt("markRead", &[0, 1])? == Some(1);
    let sender_no_sense = p.int_opt("msgSenderNoSense", &[0, 1])? == Some(1);
    let receiver_no_sense = p.int_opt("msgReceiverNoSense", &[0, 1])? == Some(1);
    Ok(Common {
        content,
        ext,
        sender_no_sense,
        receiver_no_sense,
        check_friend,
        mark_read,
        uncounted,
        no_conversation_update,
    })
}

/// The JSON object `name`, if sent; 414 when it is not one.
pub(in crate::families) fn json_object(
    p: &Params,
    name: &str,
) -> Result<Option<serde_json::Map<String, Value>>, ApiError> {
    match p.get(name).map(serde_json::from_str::<Value>) {
        None => Ok(None),
        Some(Ok(Value::Object(object))) => Ok(Some(object)),
        Some(_) => Err(ApiError::param(format!("{name} must be a JSON object"))),
    }
}

/// A new record from `sender` to `receiver`, not yet stored.
pub(in crate::families) fn record(sender: &str, receiver: &str, kind: u8, c: &Common) -> Message {
    let mut m = Message {
        sender: sender.to_owned(),
        receiver: receiver.to_owned(),
        conversation_type: kind,
        extension: c.ext.clone(),
        sender_client_type: CLIENT_TYPE_REST,
        ..Message::default()
    };
    c.content.clone().apply(&mut m);
    let mut no_sense = BTreeSet::new();
    if c.sender_no_sense {
        no_sense.insert(sender.to_owned());
    }
    if c.receiver_no_sense && kind == 1 {
        no_sense.insert(receiver.to_owned());
    }
    m.no_sense_for = no_sense;
    if c.mark_read && kind == 2 {
        m.read_by = Some(BTreeSet::new());
    }
    m.uncounted = c.uncounted;
    m.no_conversation_update = c.no_conversation_update;
    m
}

/// `msg/sendMsg.action`: `ope` 0 to an account, 1 to a team. Answers
/// `{"code":200,"data":{"msgid","timetag","antispam":false}}`.
pub(super) fn send_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = p.account_id("from")?;
    let ope = p.int_in("ope", &[0, 1])?;
    let to = if ope == 0 {
        p.account_id("to")?
    } else {
        p.text_req("to", 32)?.to_owned()
    };
    let kind = if ope == 0 { 1 } else { 2 };
    let c = common(&p)?;
    {
        let accounts = lock(&state.accounts);
        let friends = lock(&state.friends);
        let teams = lock(&state.teams);
        may_send(&accounts, &teams, ("from", &from), kind, ("to", &to))
            .and_then(|()| friend_check(&friends, c.check_friend, &from, kind, &to))
            .map_err(|r| r.v1())?;
    }
    let m = store(
        &mut lock(&state.messages),
        &state.callbacks,
        record(&from, &to, kind, &c),
        call.now,
    );
    Ok(Reply::json(&json!({
        "code": 200,
        "data": { "msgid": m.server_id, "timetag": m.create_time, "antispam": false },
    })))
}

/// `msg/sendBatchMsg.action`: one message from `fromAccid` to each of `toAccids`. Unknown
/// receivers are reported in `unregister` (a string holding a JSON array, as the docs show),
/// not refused; a receiver that blacklisted the sender (or, with `checkFriend=true`, lacks
/// it as a friend) gets nothing and is in neither `unregister` nor `msgids`. Answers
/// `{"code":200,"unregister","timetag","msgids"?}`.
pub(super) fn send_batch_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = p.account_id("fromAccid")?;
    let return_ids = p.flag("returnMsgid")?.unwrap_or(false);
    let max = if return_ids {
        BATCH_MAX_WITH_IDS
    } else {
        BATCH_MAX
    };
    let to = p.json_list("toAccids", max)?;
    for (i, accid) in to.iter().enumerate() {
        check_accid(&format!("toAccids[{i}]"), accid)?;
    }
    let c = common(&p)?;
    let mut unregister = Vec::new();
    let mut receivers = Vec::new();
    {
        let accounts = lock(&state.accounts);
        let friends = lock(&state.friends);
        let teams = lock(&state.teams);
        // The sender's own checks (exists, not banned, not muted) fail the whole call.
        may_send(
            &accounts,
            &teams,
            ("fromAccid", &from),
            1,
            ("fromAccid", &from),
        )
        .map_err(|r| r.v1())?;
        for accid in to {
            let accid = accid.to_ascii_lowercase();
            match may_send(
                &accounts,
                &teams,
                ("fromAccid", &from),
                1,
                ("toAccids", &accid),
            )
            .and_then(|()| friend_check(&friends, c.check_friend, &from, 1, &accid))
            {
                Ok(()) => receivers.push(accid),
                Err(Refusal::Unknown { .. }) => unregister.push(accid),
                Err(Refusal::Blacklisted { .. } | Refusal::NotFriend { .. }) => {}
                Err(other) => return Err(other.v1()),
            }
        }
    }
    let mut messages = lock(&state.messages);
    let mut ids = Map::new();
    for to in &receivers {
        let m = store(
            &mut messages,
            &state.callbacks,
            record(&from, to, 1, &c),
            call.now,
        );
        ids.insert(to.clone(), json!(m.server_id));
    }
    let timetag = messages.tick(call.now);
    let mut answer = json!({
        "code": 200,
        "unregister": Value::from(unregister).to_string(),
        "timetag": timetag,
    });
    if return_ids && let Some(map) = answer.as_object_mut() {
        map.insert("msgids".into(), Value::Object(ids));
    }
    Ok(Reply::json(&answer))
}
