//! Who has read a team message: `team/getMarkReadInfo`, counting the reads
//! `msg/markReadTeamMsg` records on the message.

use nim_core::Code;
use serde_json::{Value, json};

use super::{State, switch, team_ref};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// `team/getMarkReadInfo.action`: who has read message `msgid` that `fromAccid` sent to
/// team `tid`. Answers `{"code":200,"data":{readSize, unreadSize}}`, with `readAccids` and
/// `unreadAccids` when `snapshot=true`: the members (the sender aside) who marked it read
/// with `msg/markReadTeamMsg`, and the others. A message sent without read receipts has no
/// readers: every member but the sender is unread.
/// A message not found in that team from that sender is 404 (the emulator's choice; the
/// docs name none).
pub(super) fn read_info(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (tid, kind) = team_ref(&p)?;
    let msgid = p.u64_req("msgid")?;
    let sender = p.account_id("fromAccid")?;
    let snapshot = switch(&p, "snapshot")?.unwrap_or(false);
    let teams = lock(&state.teams);
    let team = teams.get(tid, kind).map_err(|e| e.v1())?;
    let messages = lock(&state.messages);
    let found = messages.get(msgid).filter(|m| {
        m.conversation_type == kind.conversation()
            && m.receiver == tid.to_string()
            && m.sender == sender
            && !m.recalled
            && !m.deleted
    });
    if found.is_none() {
        return Err(ApiError::new(
            Code::NotFound,
            format!("message {msgid} from {sender} not found in team {tid}"),
        ));
    }
    let readers = found.and_then(|m| m.read_by.as_ref());
    let (read, unread): (Vec<&String>, Vec<&String>) = team
        .members
        .keys()
        .filter(|a| **a != sender)
        .partition(|a| readers.is_some_and(|r| r.contains(*a)));
    let mut data = json!({ "readSize": read.len(), "unreadSize": unread.len() });
    if snapshot && let Value::Object(map) = &mut data {
        map.insert("readAccids".into(), json!(read));
        map.insert("unreadAccids".into(), json!(unread));
    }
    Ok(Reply::json(&json!({ "code": 200, "data": data })))
}
