//! Members of a room: `chatroom/kickMember`, `chatroom/updateMyRoomRole`,
//! `chatroom/membersByPage`, `chatroom/queryMembersByRole`, `chatroom/queryMembers`. The
//! rules are the store's ([`crate::chatrooms`]'s roster); the lists answer
//! `{"code":200,"desc":{"data":[...]}}` (the docs, and production in 2022).

use serde_json::{Value, json};

use super::{State, bid, now_ms, registered, rooms};
use crate::call::Call;
use crate::chatrooms::{MemberFilter, MemberView, ProfileChange, RoomRole, page_before};
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// `notifyExt`: at most 2048 characters (the official role page for updateMyRoomRole;
/// kickMember's by analogy).
const NOTIFY_EXT_MAX: usize = 2048;
/// `nick`: at most 64 characters (the legacy official table).
const NICK_MAX: usize = 64;
/// `avator`: the emulator's bound (undocumented).
const AVATAR_MAX: usize = 1024;
/// `ext`: at most 4096 characters (the v2 twin's documented limit; v1 gives none).
const EXT_MAX: usize = 4096;
/// The longest page of `membersByPage` (the official member-list page).
pub(super) const PAGE_MAX: u64 = 100;
/// The most accounts `queryMembers` reads (the legacy official table).
const QUERY_MAX: usize = 200;

/// `{"code":200,"desc":{"data":[records]}}`.
pub(super) fn list_reply(views: &[MemberView<'_>], tags: bool) -> Reply {
    let data: Vec<Value> = views.iter().map(|v| v.v1(tags)).collect();
    Reply::json(&json!({ "code": 200, "desc": { "data": data } }))
}

/// The required page size `limit`: 1 to [`PAGE_MAX`] (414 otherwise).
pub(super) fn page_limit(p: &Params) -> Result<usize, ApiError> {
    let limit = p.u64_req("limit")?;
    if !(1..=PAGE_MAX).contains(&limit) {
        return Err(ApiError::param(format!("limit must be 1 to {PAGE_MAX}")));
    }
    usize::try_from(limit).map_err(|_| ApiError::param("limit is out of range"))
}

/// `chatroom/kickMember.action`: `accid` (the creator or a manager, registered) kicks
/// `targetAccid`, who must be online (404); `notifyExt` is checked and kept nowhere (no
/// clients to notify). Answers `{"code":200}`.
pub(super) fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let target = p.account_id("targetAccid")?;
    let operator = registered(&p, state, "accid")?;
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    let now = now_ms(call);
    rooms(call, state)
        .kick(id, &operator, &target, now)
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `chatroom/updateMyRoomRole.action`: member `accid`'s `nick`, `avator` (sic) and `ext`,
/// kept with `save=true` on a fixed member, else for its current connections (200 with no
/// effect on an offline fixed member, as the Java SDK's live test sees for the creator).
/// `needNotify`, `notifyExt` and `bid` are checked and kept nowhere. Answers `{"code":200}`.
pub(super) fn update_profile(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let accid = p.accid()?;
    let change = ProfileChange {
        persist: p.switch("save")?.unwrap_or(false),
        nick: p.text("nick", NICK_MAX)?.map(str::to_owned),
        avatar: p.text("avator", AVATAR_MAX)?.map(str::to_owned),
        ext: p.text("ext", EXT_MAX)?.map(str::to_owned),
    };
    p.switch("needNotify")?;
    p.text("notifyExt", NOTIFY_EXT_MAX)?;
    bid(&p)?;
    rooms(call, state)
        .update_profile(id, &accid, change)
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `chatroom/membersByPage.action`: `type` 0 the fixed members (online or not), 1 the
/// online guests, 2 the online fixed members; newest first, strictly before `endtime` (0:
/// now), at most `limit` (1 to 100).
pub(super) fn by_page(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let filter = match p.int_in("type", &[0, 1, 2])? {
        0 => MemberFilter::Fixed,
        1 => MemberFilter::OnlineGuests,
        _ => MemberFilter::OnlineFixed,
    };
    let endtime = p.u64_req("endtime")?;
    let limit = page_limit(&p)?;
    let now = now_ms(call);
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v1())?;
    let views = page_before(room.members_where(filter, |_| true, now), endtime, limit);
    Ok(list_reply(&views, false))
}

/// Which fixed members `queryMembersByRole` wants (`roles`, a JSON object of flags).
#[derive(Debug, Clone, Copy, Default)]
struct Wanted {
    creator: bool,
    manager: bool,
    blacklist: bool,
    mute: bool,
}

/// Reads `roles`: a JSON object whose members `creator`, `manager`, `blacklist` and `mute`
/// are booleans (or `"true"`/`"false"`, `1`/`0`); other members are ignored, absent ones are
/// false. Not an object, or a flag of another type, is 414.
fn wanted(p: &Params) -> Result<Wanted, ApiError> {
    let refused = || {
        ApiError::param(
            r#"roles must be a JSON object of flags, e.g. {"creator":true,"manager":true}"#,
        )
    };
    let text = p.text_req("roles", 1024)?;
    let value: Value = serde_json::from_str(text).map_err(|_| refused())?;
    let object = value.as_object().ok_or_else(refused)?;
    let flag = |name: &str| match object.get(name) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::Number(n)) if n.as_u64() == Some(1) => Ok(true),
        Some(Value::Number(n)) if n.as_u64() == Some(0) => Ok(false),
        Some(Value::String(s)) if s == "true" => Ok(true),
        Some(Value::String(s)) if s == "false" => Ok(false),
        Some(_) => Err(refused()),
    };
    Ok(Wanted {
        creator: flag("creator")?,
        manager: flag("manager")?,
        blacklist: flag("blacklist")?,
        mute: flag("mute")?,
    })
}

/// `chatroom/queryMembersByRole.action`: the fixed members with any of the roles or states
/// `roles` selects (`creator`, `manager`, `blacklist`, `mute`: permanently chat-banned),
/// newest first, unpaged (at most 1000 fixed members).
pub(super) fn by_role(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let w = wanted(&p)?;
    let now = now_ms(call);
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v1())?;
    let views = room.members_where(
        MemberFilter::Fixed,
        |m| {
            (w.creator && m.role == RoomRole::Creator)
                || (w.manager && m.role == RoomRole::Manager)
                || (w.blacklist && m.blocked)
                || (w.mute && m.chat_banned)
        },
        now,
    );
    Ok(list_reply(&views, false))
}

/// `chatroom/queryMembers.action`: the members among `accids` (1 to 200), in the order
/// asked, each once: fixed members and online ones; other accounts are left out (the Web
/// SDK's docs).
pub(super) fn by_accid(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let id = p.u64_req("roomid")?;
    let mut accids: Vec<String> = p
        .json_list("accids", QUERY_MAX)?
        .into_iter()
        .map(|a| a.to_ascii_lowercase())
        .collect();
    let mut seen = std::collections::HashSet::new();
    accids.retain(|a| seen.insert(a.clone()));
    let now = now_ms(call);
    let rooms = rooms(call, state);
    let room = rooms.get(id).map_err(|e| e.v1())?;
    let views: Vec<MemberView<'_>> = accids
        .iter()
        .filter_map(|a| room.member_view(a, now))
        .collect();
    Ok(list_reply(&views, false))
}
