//! Per-account views: `history/querySessionList.action` (the account's conversations, from
//! the message store) and `history/queryUserEvents.action` (its logins and logouts, as a
//! test recorded them: the emulator has no IM clients).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::State;
use super::history::{LIMIT_MAX, Window};
use crate::call::Call;
use crate::families::message_common::known;
use crate::lock;
use crate::message_content::v1_view;
use crate::messages::Message;
use crate::reply::{ApiError, Reply};

/// `history/querySessionList.action`: `{"code":200,"data":{"hasMore","sessions":[{
/// sessionType, accid, tid, updateTime, ext, lastMsgType, lastMsg?}]}}`, newest first, of the
/// conversations whose last visible message falls in `minTimestamp..=maxTimestamp`.
pub(super) fn query_session_list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let accid = p.accid()?;
    let min = p.u64_opt("minTimestamp")?.unwrap_or(0);
    let max = p.u64_opt("maxTimestamp")?.unwrap_or(u64::MAX);
    let limit = p.u64_opt("limit")?.unwrap_or(LIMIT_MAX);
    if limit == 0 || limit > LIMIT_MAX {
        return Err(ApiError::param(format!("limit must be 1 to {LIMIT_MAX}")));
    }
    let need_last = p.int_opt("needLastMsg", &[0, 1])? == Some(1);
    known(&lock(&state.accounts), "accid", &accid).map_err(|r| r.v1())?;
    let messages = lock(&state.messages);
    // Team conversations join here once teams exist; now every conversation is 1:1.
    let mut last: BTreeMap<String, &Message> = BTreeMap::new();
    for m in messages
        .select(|m| m.conversation_type == 1 && m.involves(&accid) && m.visible_to(&accid, false))
    {
        let peer = if m.sender == accid {
            &m.receiver
        } else {
            &m.sender
        };
        last.insert(peer.clone(), m);
    }
    let mut sessions: Vec<(&String, &Message)> = last
        .iter()
        .map(|(peer, m)| (peer, *m))
        .filter(|(_, m)| min <= m.create_time && m.create_time <= max)
        .collect();
    sessions.sort_by_key(|s| std::cmp::Reverse(s.1.create_time));
    let limit = usize::try_from(limit).unwrap_or(100);
    let has_more = sessions.len() > limit;
    let sessions: Vec<Value> = sessions
        .into_iter()
        .take(limit)
        .map(|(peer, m)| {
            let mut s = json!({
                "sessionType": 1,
                "accid": peer,
                "tid": null,
                "updateTime": m.create_time,
                "ext": "",
                "lastMsgType": m.message_type.to_string(),
            });
            if need_last && let Some(map) = s.as_object_mut() {
                map.insert("lastMsg".into(), json!(v1_view(m).to_string()));
            }
            s
        })
        .collect();
    Ok(Reply::json(&json!({
        "code": 200,
        "data": { "hasMore": has_more, "sessions": sessions },
    })))
}

/// `history/queryUserEvents.action`: `{"code":200,"size","events":[{accid, timestamp,
/// eventType, clientIp, sdkVersion, clientType, deviceId, code}]}`.
pub(super) fn query_user_events(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let accid = p.accid()?;
    let window = Window::parse(&p)?;
    known(&lock(&state.accounts), "accid", &accid).map_err(|r| r.v1())?;
    let notes = lock(&state.notes);
    let mut events: Vec<_> = notes
        .events
        .iter()
        .filter(|e| e.accid == accid && window.contains(e.timestamp))
        .collect();
    events.sort_by_key(|e| e.timestamp);
    if !window.ascending {
        events.reverse();
    }
    let events: Vec<Value> = events
        .into_iter()
        .take(window.limit)
        .map(|e| {
            json!({
                "accid": e.accid,
                "timestamp": e.timestamp,
                "eventType": e.event_type,
                "clientIp": e.client_ip,
                "sdkVersion": 0,
                "clientType": e.client_type,
                "deviceId": e.device_id,
                "code": 200,
            })
        })
        .collect();
    Ok(Reply::json(
        &json!({ "code": 200, "size": events.len(), "events": events }),
    ))
}
