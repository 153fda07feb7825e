//! Read receipts and roaming clean-up: `msg/markReadMsg.action`,
//! `msg/markReadTeamMsg.action`, `msg/delRoamSession.action`.

use serde_json::json;

use super::State;
use crate::call::Call;
use crate::families::message_common::{known, team};
use crate::lock;
use crate::messages::{Conversation, ReadPoint};
use crate::reply::{ApiError, Reply};
use crate::teams::{Kind, mark_read};

/// `msg/markReadMsg.action`: `from` (the reader) has read `to`'s messages up to the one with
/// client id `msgidClient`. Answers `{"code":200,"data":{"timestamp"}}`.
pub(super) fn mark_read_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = p.account_id("from")?;
    let to = p.account_id("to")?;
    let message = p.text_req("msgidClient", 128)?.to_owned();
    {
        let accounts = lock(&state.accounts);
        known(&accounts, "from", &from).map_err(|r| r.v1())?;
        known(&accounts, "to", &to).map_err(|r| r.v1())?;
    }
    let mut messages = lock(&state.messages);
    let time = messages.tick(call.now);
    messages
        .read_points
        .insert((from, to), ReadPoint { message, time });
    Ok(Reply::json(
        &json!({ "code": 200, "data": { "timestamp": time } }),
    ))
}

/// `msg/markReadTeamMsg.action`: member `accid` read `msgids` of advanced team `tid`.
/// Answers `{"code":200,"data":{"errMsgIds":[...]}}`, listing the ids that could not be
/// marked (the store's [receipt rules](crate::teams::mark_read)). No team is 803, a super
/// team 805, a non-member 804 (the store's codes; the docs name none for this action).
pub(super) fn mark_read_team_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let accid = p.accid()?;
    let tid = p.u64_req("tid")?;
    let ids = p.text_req("msgids", 10_000)?;
    let ids: Vec<u64> = serde_json::from_str(ids)
        .map_err(|_| ApiError::param("msgids must be a JSON array of message ids, e.g. [1,2]"))?;
    known(&lock(&state.accounts), "accid", &accid).map_err(|r| r.v1())?;
    let teams = lock(&state.teams);
    let team = teams.get(tid, Kind::Advanced).map_err(|e| e.v1())?;
    let failed = mark_read(team, &mut lock(&state.messages), &accid, &ids).map_err(|e| e.v1())?;
    Ok(Reply::json(
        &json!({ "code": 200, "data": { "errMsgIds": failed } }),
    ))
}

/// `msg/delRoamSession.action`: `type` 1 (1:1), 2 (team), 3 (super team); deletes `from`'s
/// roaming copies of the conversation with `to`. Roaming is not history: history queries
/// still list the messages. Answers `{"code":200}`.
pub(super) fn del_roam_session(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let kind = p.int_in("type", &[1, 2, 3])?;
    let from = p.account_id("from")?;
    let to = if kind == 1 {
        p.account_id("to")?
    } else {
        p.text_req("to", 32)?.to_owned()
    };
    {
        let accounts = lock(&state.accounts);
        known(&accounts, "from", &from).map_err(|r| r.v1())?;
        if kind == 1 {
            known(&accounts, "to", &to).map_err(|r| r.v1())?;
        }
    }
    if kind != 1 {
        team(&lock(&state.teams), &to).map_err(|r| r.v1())?;
    }
    let kind = u8::try_from(kind).unwrap_or(1);
    let conversation = Conversation::new(&from, kind, &to).id();
    let mut messages = lock(&state.messages);
    let time = messages.tick(call.now);
    messages.roaming_cleared.insert((from, conversation), time);
    Ok(Reply::ok())
}
