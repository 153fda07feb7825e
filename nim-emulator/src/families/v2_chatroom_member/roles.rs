//! setMemberRole (`POST /im/v2/room_members/{account_id}`).

use serde_json::json;

use super::{State, operator, room_id, rooms, target};
use crate::call::Call;
use crate::chatrooms::{RoleProfile, RoomRole};
use crate::reply::{ApiError, Reply};

/// `room_nick`, `room_avatar` and `extension`: at most 4096 characters (the extension's
/// documented limit; the emulator's bound for the other two).
const PROFILE_TEXT_MAX: usize = 4096;

/// setMemberRole: `member_role` 0 normal, 2 manager, 3 guest (1, 4 and 5 are 414, the
/// store's rule); the profile fields are kept when the member is in the room afterwards.
/// Answers `{"code":200,"data":{}}`.
pub(super) fn set_member_role(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let id = room_id(call, &body)?;
    let target = target(call, state)?;
    let operator = operator(&body, state)?;
    let number = body
        .int("member_role", &[0, 1, 2, 3, 4, 5])?
        .ok_or_else(|| body.missing("member_role"))?;
    let role = RoomRole::from_v2(number).ok_or_else(|| body.missing("member_role"))?;
    super::notification(&body)?;
    let profile = RoleProfile {
        nick: body.string("room_nick", PROFILE_TEXT_MAX)?,
        avatar: body.string("room_avatar", PROFILE_TEXT_MAX)?,
        ext: body.string("extension", PROFILE_TEXT_MAX)?,
        level: body.uint("member_level")?,
    };
    let mut rooms = rooms(call, state);
    rooms
        .set_role(id, operator.as_deref(), &target, role)
        .map_err(|e| e.v2())?;
    rooms.set_profile(id, &target, profile);
    Ok(Reply::ok_data(json!({})))
}
