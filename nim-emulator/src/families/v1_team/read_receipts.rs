//! Who has read a team message: `team/getMarkReadInfo`, counting the reads
//! `msg/markReadTeamMsg` records on the message.

use nim_core::Code;
use serde_json::{Value, json};

use super::{State, team_ref};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::read_state;

/// `team/getMarkReadInfo.action`: who has read message `msgid` that `fromAccid` sent to
/// team `tid`. Answers `{"code":200,"data":{readSize, unreadSize}}`, with `readAccids` and
/// `unreadAccids` when `snapshot=true`: of the members who were in the team when it was
/// sent (the sender aside), those who marked it read with `msg/markReadTeamMsg` and the
/// others ([`read_state`]). A message sent without read receipts has no readers.
/// A message not found in that team from that sender is 404 (the emulator's choice; the
/// docs name none).
pub(super) fn read_info(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (tid, kind) = team_ref(&p)?;
    let msgid = p.u64_req("msgid")?;
    let sender = p.account_id("fromAccid")?;
    let snapshot = p.switch("snapshot")?.unwrap_or(false);
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
    let Some(message) = found else {
        return Err(ApiError::new(
            Code::NotFound,
            format!("message {msgid} from {sender} not found in team {tid}"),
        ));
    };
    let (read, unread) = read_state(team, message);
    let mut data = json!({ "readSize": read.len(), "unreadSize": unread.len() });
    if snapshot && let Value::Object(map) = &mut data {
        map.insert("readAccids".into(), json!(read));
        map.insert("unreadAccids".into(), json!(unread));
    }
    Ok(Reply::json(&json!({ "code": 200, "data": data })))
}
