//! Custom system notifications: `msg/sendAttachMsg.action` (one account or a team) and
//! `msg/sendBatchAttachMsg.action` (many accounts). They are not messages: they go to the
//! notification log (`GET /_emulator/state/notifications`).

use serde_json::{Value, json};

use super::State;
use super::send::json_object;
use crate::call::Call;
use crate::families::message_common::{known, notify, team};
use crate::lock;
use crate::notifications::Notification;
use crate::params::{Params, check_accid};
use crate::reply::{ApiError, Reply};

/// The longest `attach`.
const ATTACH_MAX: usize = 4096;
/// The most receivers of one batch (the docs; the Java SDK's comment says 5000).
const BATCH_MAX: usize = 500;

/// The fields both share; answers `attach` and whether it is kept offline (`save` 2).
pub(in crate::families) fn common(p: &Params) -> Result<(String, bool), ApiError> {
    let attach = p.text_req("attach", ATTACH_MAX)?.to_owned();
    p.text("pushcontent", 500)?;
    p.text("payload", 2048)?;
    p.text("sound", 30)?;
    p.text("forcePushContent", 500)?;
    p.text("env", 32)?;
    p.flag("isForcePush")?;
    json_object(p, "option")?;
    let save = p.int_opt("save", &[1, 2])?.unwrap_or(2);
    Ok((attach, save == 2))
}

/// `msg/sendAttachMsg.action`: `msgtype` 0 to account `to`, 1 to team `to` (803 while there
/// are no teams). Answers `{"code":200}`.
pub(super) fn send_attach_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = p.account_id("from")?;
    let msgtype = p.int_in("msgtype", &[0, 1])?;
    let to = if msgtype == 0 {
        p.account_id("to")?
    } else {
        p.text_req("to", 32)?.to_owned()
    };
    let (attach, offline) = common(&p)?;
    let kind = if msgtype == 0 { 1 } else { 2 };
    {
        let accounts = lock(&state.accounts);
        let teams = lock(&state.teams);
        known(&accounts, "from", &from).map_err(|r| r.v1())?;
        // Notifications ignore mutes; only the receiver must exist.
        if kind == 1 {
            known(&accounts, "to", &to)
        } else {
            team(&teams, &to).map(drop)
        }
        .map_err(|r| r.v1())?;
    }
    notify(
        &mut lock(&state.notes),
        &state.callbacks,
        Notification {
            sender: from,
            receiver: to,
            conversation_type: kind,
            content: attach,
            offline,
            via: "msg/sendAttachMsg.action".into(),
            time: call.now.saturating_mul(1000),
        },
    );
    Ok(Reply::ok())
}

/// `msg/sendBatchAttachMsg.action`: to each of `toAccids`; unknown ones are reported in
/// `unregister` (a string holding a JSON array). Answers `{"code":200,"unregister"}`.
pub(super) fn send_batch_attach_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = p.account_id("fromAccid")?;
    let to = p.json_list("toAccids", BATCH_MAX)?;
    for (i, accid) in to.iter().enumerate() {
        check_accid(&format!("toAccids[{i}]"), accid)?;
    }
    let (attach, offline) = common(&p)?;
    let mut unregister = Vec::new();
    let mut receivers = Vec::new();
    {
        let accounts = lock(&state.accounts);
        known(&accounts, "fromAccid", &from).map_err(|r| r.v1())?;
        for accid in to {
            let accid = accid.to_ascii_lowercase();
            if accounts.contains(&accid) {
                receivers.push(accid);
            } else {
                unregister.push(accid);
            }
        }
    }
    let time = call.now.saturating_mul(1000);
    let mut notes = lock(&state.notes);
    for receiver in receivers {
        notify(
            &mut notes,
            &state.callbacks,
            Notification {
                sender: from.clone(),
                receiver,
                conversation_type: 1,
                content: attach.clone(),
                offline,
                via: "msg/sendBatchAttachMsg.action".into(),
                time,
            },
        );
    }
    Ok(Reply::json(&json!({
        "code": 200,
        "unregister": Value::from(unregister).to_string(),
    })))
}
