//! A super team's messages, on the v1 message family's helpers: `sendMsg` (a team message of
//! conversation type 3), `sendAttachMsg` (a custom notification), `recallMsg`,
//! `queryHistoryMsg` and `queryHistoryMsgByIds`. What differs from `msg/*` is the parameter
//! names (`tid`/`fromAccid`, `from`/`to`; camelCase `pushContent`/`pushPayload`) and that the
//! team must be a super team (803 none, 805 an advanced team).

use serde_json::{Value, json};

use super::{State, id_of, team_at};
use crate::call::Call;
use crate::families::message_common::{Refusal, known, may_send, notify, store};
use crate::families::v1_message::history::{answer, filters};
use crate::families::v1_message::notify;
use crate::families::v1_message::recall::{Effect, Target, ignore_time, take_back};
use crate::families::v1_message::send::{common, json_object, record};
use crate::lock;
use crate::message_content::v1_view;
use crate::messages::Conversation;
use crate::notifications::Notification;
use crate::params::{Params, check_accid};
use crate::reply::{ApiError, Reply};
use crate::teams::{Kind, TeamError};

/// The most messages one `queryHistoryMsgByIds` names (the Java SDK's Javadoc).
const BY_IDS_MAX: usize = 100;

/// The push and moderation fields only the super team actions spell this way: checked,
/// not acted on (the emulator pushes nothing).
fn push_fields(p: &Params) -> Result<(), ApiError> {
    p.text("pushContent", 500)?;
    p.text("pushPayload", 2048)?;
    json_object(p, "pushPayload")?;
    p.text("forcePushContent", 500)?;
    p.flag("isForcePush")?;
    p.flag("forcePushAll")?;
    if p.get("forcePushList").is_some() {
        for (i, accid) in p.json_list("forcePushList", usize::MAX)?.iter().enumerate() {
            check_accid(&format!("forcePushList[{i}]"), accid)?;
        }
    }
    Ok(())
}

/// `superteam/sendMsg.action`: member `fromAccid` sends a message to super team `tid`,
/// refused when it may not speak there (804 not a member, 812 muted alone or by the team's
/// mute). `isCheckMute=false` sends past the mutes (membership is still required); absent
/// or `true` applies them. Answers `{"code":200,"data":{"msgid","timetag","antispam":false}}`.
pub(super) fn send_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (tid, _) = team_at(&p, "tid")?;
    let tid = tid.to_string();
    let from = p.account_id("fromAccid")?;
    let c = common(&p)?;
    push_fields(&p)?;
    p.text("env", 32)?;
    let check_mute = p.flag("isCheckMute")?.unwrap_or(true);
    {
        let accounts = lock(&state.accounts);
        let teams = lock(&state.teams);
        match may_send(
            &accounts,
            &teams,
            ("fromAccid", &from),
            Kind::Super.conversation(),
            ("tid", &tid),
        ) {
            Err(Refusal::Team(TeamError::Muted { .. })) if !check_mute => Ok(()),
            other => other,
        }
        .map_err(|r| r.v1())?;
    }
    let m = store(
        &mut lock(&state.messages),
        &state.callbacks,
        record(&from, &tid, Kind::Super.conversation(), &c),
        call.now,
    );
    Ok(Reply::json(&json!({
        "code": 200,
        "data": { "msgid": m.server_id, "timetag": m.create_time, "antispam": false },
    })))
}

/// `superteam/sendAttachMsg.action`: a custom notification from `from` to super team `to`
/// (not a message: it goes to the notification log). Like `msg/sendAttachMsg` it ignores
/// mutes and membership; the team must exist and be a super team. Answers `{"code":200}`.
pub(super) fn send_attach_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = p.account_id("from")?;
    let (tid, kind) = team_at(&p, "to")?;
    let (attach, offline) = notify::common(&p)?;
    push_fields(&p)?;
    {
        let accounts = lock(&state.accounts);
        known(&accounts, "from", &from).map_err(|r| r.v1())?;
        lock(&state.teams).get(tid, kind).map_err(|e| e.v1())?;
    }
    notify(
        &mut lock(&state.notes),
        &state.callbacks,
        Notification {
            sender: from,
            receiver: tid.to_string(),
            conversation_type: Kind::Super.conversation(),
            content: attach,
            offline,
            via: "superteam/sendAttachMsg.action".into(),
            time: call.now.saturating_mul(1000),
        },
    );
    Ok(Reply::ok())
}

/// `superteam/recallMsg.action`: recalls message `deleteMsgid` that `from` sent to super
/// team `to`, within the recall window (508 outside it; `ignoreTime=1` allows 30 days), as
/// `msg/recall` does. A message that is not there is answered 200, as there. Answers
/// `{"code":200}`.
pub(super) fn recall_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("deleteMsgid")?;
    p.u64_req("timetag")?;
    let from = p.account_id("from")?;
    let (tid, kind) = team_at(&p, "to")?;
    p.text("msg", 128)?;
    p.text("pushContent", 500)?;
    p.text("pushPayload", 2048)?;
    let window = ignore_time(&p)?;
    lock(&state.teams).get(tid, kind).map_err(|e| e.v1())?;
    let target = Target {
        id,
        team: true,
        from,
        to: tid.to_string(),
        postscript: p.get("msg").map(str::to_owned),
        attach: None,
    };
    take_back(call, state, &target, window, Effect::Recall)
}

/// `superteam/queryHistoryMsg.action`: the messages of super team `tid` as member `accid`
/// sees them (804 for a non-member), in a time window as `history/queryTeamMsg` takes it.
/// Answers `{"code":200,"size":N,"msgs":[...]}`.
pub(super) fn query_history_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (tid, kind) = team_at(&p, "tid")?;
    let accid = p.accid()?;
    let f = filters(&p)?;
    known(&lock(&state.accounts), "accid", &accid).map_err(|r| r.v1())?;
    {
        let teams = lock(&state.teams);
        let team = teams.get(tid, kind).map_err(|e| e.v1())?;
        if team.role(&accid).is_none() {
            let e = TeamError::NotMember {
                tid,
                accid: accid.clone(),
            };
            return Err(e.v1());
        }
    }
    let conversation = Conversation::new(&accid, Kind::Super.conversation(), &tid.to_string());
    Ok(answer(state, &conversation, &f))
}

/// `superteam/queryHistoryMsgByIds.action`: the super team messages `msgs` names (1 to
/// 100 `{msgid, from, to, time}`), those that exist, were sent by `from` to team `to` and
/// are neither recalled nor deleted, in the order asked. `time` is not compared (the id
/// names the message). Answers `{"code":200,"size":N,"msgs":[...]}`.
pub(super) fn query_history_msg_by_ids(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let bad = || {
        ApiError::param(format!(
            "msgs must be a JSON array of 1 to {BY_IDS_MAX} {{msgid, from, to, time}} objects"
        ))
    };
    let text = p
        .get("msgs")
        .ok_or_else(|| ApiError::param("msgs is missing"))?;
    let refs: Vec<Value> = serde_json::from_str(text).map_err(|_| bad())?;
    if refs.is_empty() || refs.len() > BY_IDS_MAX {
        return Err(bad());
    }
    let messages = lock(&state.messages);
    let mut found = Vec::new();
    for r in &refs {
        // Ids as numbers or strings holding one.
        let (Some(id), Some(from), Some(tid)) =
            (id_of(&r["msgid"]), r["from"].as_str(), id_of(&r["to"]))
        else {
            return Err(bad());
        };
        let from = from.to_ascii_lowercase();
        // Conversation type 3 is a super team's, so the team's kind needs no look-up.
        let hit = messages.get(id).filter(|m| {
            m.conversation_type == Kind::Super.conversation()
                && m.sender == from
                && m.receiver == tid.to_string()
                && !m.recalled
                && !m.deleted
        });
        found.extend(hit.map(v1_view));
    }
    Ok(Reply::json(
        &json!({ "code": 200, "size": found.len(), "msgs": found }),
    ))
}
