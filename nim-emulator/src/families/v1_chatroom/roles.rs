//! `chatroom/setMemberRole`: roles, the blacklist and the permanent chat ban (opt 1, 2, −1,
//! −2). The rules are the store's ([`crate::chatrooms`] `roles` and `bans`).

use serde_json::json;

use super::{State, now_ms, registered, rooms};
use crate::call::Call;
use crate::chatrooms::{Restriction, RoomMember, RoomRole};
use crate::reply::{ApiError, Reply};

/// `notifyExt`: at most 2048 characters (checked, not kept: no clients to notify).
pub(super) const NOTIFY_EXT_MAX: usize = 2048;

/// `chatroom/setMemberRole.action`: `opt` 1 manager, 2 normal member, −1 blacklist, −2
/// permanent chat ban; `optvalue` true sets, false unsets (a member left with no role, ban
/// or blacklist is a guest again). Answers `{"code":200,"desc":{roomid, level, accid,
/// type}}` (the docs' example); `type` `TEMPORARY` for a target that is a guest after the
/// call, online or gone.
pub(super) fn set_member_role(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let operator = registered(&p, state, "operator")?;
    let target = registered(&p, state, "target")?;
    let opt = p.int_in("opt", &[1, 2, -1, -2])?;
    let on = p.required_switch("optvalue")?;
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    let now = now_ms(call);
    let mut rooms = rooms(call, state);
    let op = Some(operator.as_str());
    let held = rooms
        .get(id)
        .ok()
        .and_then(|r| r.members.get(&target).map(|m| m.role));
    let result = match (opt, on) {
        (1, true) => rooms.set_role(id, op, &target, RoomRole::Manager),
        (2, true) => rooms.set_role(id, op, &target, RoomRole::Normal),
        // Unsetting a role the target does not hold changes nothing (the store still
        // checks the room and the operator).
        (1, false) if held != Some(RoomRole::Manager) => current(&mut rooms, id, op, &target),
        (2, false) if held != Some(RoomRole::Normal) => current(&mut rooms, id, op, &target),
        (1 | 2, false) => rooms.set_role(id, op, &target, RoomRole::Guest),
        (-1, on) => rooms.restrict(id, op, &target, Restriction::Blacklist, on, now),
        _ => rooms.restrict(id, op, &target, Restriction::ChatBan, on, now),
    };
    let member = result.map_err(|e| e.v1())?;
    let (level, kind) = member.map_or((0, "TEMPORARY"), |m| (m.level, member_type(m)));
    Ok(Reply::json(&json!({
        "code": 200,
        "desc": { "roomid": id, "level": level, "accid": target, "type": kind },
    })))
}

/// The target as it is, once the operator may act on it: a role unset the target does not
/// hold.
fn current<'a>(
    rooms: &'a mut crate::chatrooms::Chatrooms,
    id: u64,
    operator: Option<&str>,
    target: &str,
) -> Result<Option<&'a RoomMember>, crate::chatrooms::ChatroomError> {
    let role = rooms.get(id)?.members.get(target).map(|m| m.role);
    match role {
        // Re-setting the role it has runs every check and changes nothing.
        Some(role @ (RoomRole::Manager | RoomRole::Normal)) => {
            rooms.set_role(id, operator, target, role)
        }
        _ => rooms.set_role(id, operator, target, RoomRole::Guest),
    }
}

/// The v1 `type` of a member: its role's, except `LIMITED` for a blacklisted or chat-banned
/// member that is neither creator nor manager.
pub(super) fn member_type(member: &RoomMember) -> &'static str {
    let limited = member.blocked || member.chat_banned;
    match member.role {
        RoomRole::Creator | RoomRole::Manager => member.role.v1(),
        _ if limited => "LIMITED",
        role => role.v1(),
    }
}
