//! Per-account settings: `user/mute.action`, `user/muteModule.action`,
//! `user/setDonnop.action`, and the online status query `user/userOnlineStatus.action`.

use serde_json::{Map, Value, json};

use super::State;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::views;

/// The most accids one `userOnlineStatus` may ask for.
const ONLINE_STATUS_MAX: usize = 100;

/// `user/mute.action`: `mute=true` mutes the account in 1:1 chats, teams and chat rooms,
/// `false` lifts it. Answers `{"code":200}`.
pub(super) fn mute(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let mute = params.required_flag("mute")?;
    state.with_account(&accid, |a| {
        a.muted = mute;
        Ok(Reply::ok())
    })
}

/// `user/muteModule.action`: sets the module flags given (at least one); answers
/// `{"code":200,"data":{"muteP2P","muteTeam","muteRoom","muteQChat"}}`.
pub(super) fn mute_module(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let p2p = params.flag("muteP2P")?;
    let team = params.flag("muteTeam")?;
    let room = params.flag("muteRoom")?;
    let qchat = params.flag("muteQChat")?;
    if p2p.is_none() && team.is_none() && room.is_none() && qchat.is_none() {
        return Err(ApiError::param(
            "at least one of muteP2P, muteTeam, muteRoom, muteQChat is required",
        ));
    }
    state.with_account(&accid, |a| {
        a.set_module_mutes([p2p, team, room, qchat]);
        let data: Map<String, Value> = views::module_mutes(a)
            .into_iter()
            .map(|(k, v)| (k.to_owned(), Value::Bool(v)))
            .collect();
        Ok(Reply::json(&json!({ "code": 200, "data": data })))
    })
}

/// `user/setDonnop.action`: `donnopOpen=true` stops mobile push while a desktop client is
/// online. Answers `{"code":200}`.
pub(super) fn set_donnop(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let open = params.required_flag("donnopOpen")?;
    state.with_account(&accid, |a| {
        a.donnop = open;
        Ok(Reply::ok())
    })
}

/// `user/userOnlineStatus.action`: `{"code":200,"data":{"invalidAccids":[...],"status":{accid:
/// [{"clientType","loginTime"}]}}}`; offline accounts are absent from `status`.
pub(super) fn online_status(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accids = params.json_list("accids", ONLINE_STATUS_MAX)?;
    let accounts = lock(&state.accounts);
    let mut invalid = Vec::new();
    let mut status = Map::new();
    for accid in accids {
        match accounts.find(&accid) {
            None => invalid.push(Value::String(accid)),
            Some(a) if a.sessions.is_empty() => {}
            Some(a) => {
                let clients: Vec<Value> = a
                    .sessions
                    .iter()
                    .map(|s| json!({ "clientType": s.client_type, "loginTime": s.login_time }))
                    .collect();
                status.insert(a.accid.clone(), Value::Array(clients));
            }
        }
    }
    Ok(Reply::json(&json!({
        "code": 200,
        "data": { "invalidAccids": invalid, "status": status },
    })))
}
