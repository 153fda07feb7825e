//! Where clients connect: `chatroom/requestAddr`.

use serde_json::json;

use super::{State, rooms};
use crate::call::Call;
use crate::chatrooms::ChatroomError;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// `clientip`: the emulator's bound (an IPv6 address is at most 45 characters).
const CLIENT_IP_MAX: usize = 64;

/// `chatroom/requestAddr.action`: the addresses `accid`'s client (`clienttype` 1 web, the
/// default, 2 other, 3 WeChat mini program) connects to. Nothing changes: entering is the
/// client's step (the admin route `chatroom_enter`). Answers `{"code":200,"addr":[
/// "host:port"]}`, fixed fake hosts of the `.invalid` domain. 404 for an unknown room or
/// an unregistered `accid` (the official requestAddr page); 13002 for a closed room and 13003 for a
/// blacklisted account (the emulator's choice, see the family's docs).
pub(super) fn request_addr(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let accid = p.account_id("accid")?;
    if !lock(&state.accounts).contains(&accid) {
        return Err(ApiError::with_code(
            404,
            format!("accid {accid} does not exist"),
        ));
    }
    let client_type = p.int_opt("clienttype", &[1, 2, 3])?.unwrap_or(1);
    p.text("clientip", CLIENT_IP_MAX)?;
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v1())?;
    if !room.valid {
        return Err(ChatroomError::Closed { room: id }.v1());
    }
    if room.members.get(&accid).is_some_and(|m| m.blocked) {
        return Err(ChatroomError::Blocked { room: id, accid }.v1());
    }
    let link = match client_type {
        2 => "commonlink",
        3 => "wechatlink",
        _ => "weblink",
    };
    let addr = [
        format!("chat{link}01.emulator.invalid:443"),
        format!("chat{link}02.emulator.invalid:443"),
    ];
    Ok(Reply::json(&json!({ "code": 200, "addr": addr })))
}
