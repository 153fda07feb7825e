//! The role and ban rules, one by one, without HTTP (see [`super::roles`] and
//! [`super::bans`]).

use super::model::Role;
use super::*;

/// Unix ms.
const NOW: u64 = 1_700_000_000_000;
const SEC: u64 = 1000;

/// A store with one open room of `owner`, `mgr` its manager; the room's id.
fn room() -> (Chatrooms, u64) {
    let mut rooms = Chatrooms::default();
    let new = NewRoom {
        creator: "owner".into(),
        ..NewRoom::default()
    };
    let id = rooms.create(new, NOW).unwrap();
    rooms
        .set_role(id, Some("owner"), "mgr", Role::Manager)
        .unwrap();
    (rooms, id)
}

fn enter(rooms: &mut Chatrooms, id: u64, accid: &str, tags: &[&str]) -> Result<(), ChatroomError> {
    let entry = Entry {
        client_type: 16,
        tags: Some(tags.iter().map(|t| (*t).to_owned()).collect()),
        ..Entry::default()
    };
    rooms.enter(id, accid, entry, NOW)
}

fn member<'a>(rooms: &'a Chatrooms, id: u64, accid: &str) -> Option<&'a RoomMember> {
    rooms.get(id).unwrap().members.get(accid)
}

fn code(e: ChatroomError) -> u32 {
    e.v1().code()
}

#[test]
fn the_creator_appoints_managers_and_managers_make_normal_members() {
    let (mut rooms, id) = room();
    assert_eq!(member(&rooms, id, "mgr").unwrap().role, Role::Manager);
    let normal = rooms
        .set_role(id, Some("mgr"), "lisi", Role::Normal)
        .unwrap()
        .unwrap();
    assert_eq!(normal.role, Role::Normal);
    assert!(!normal.online(), "a fixed member exists while offline");
    let err = rooms
        .set_role(id, Some("mgr"), "lisi", Role::Manager)
        .unwrap_err();
    assert_eq!(code(err), 403, "only the creator appoints managers");
    rooms.set_role(id, None, "lisi", Role::Manager).unwrap();
    let err = rooms
        .set_role(id, Some("mgr"), "lisi", Role::Normal)
        .unwrap_err();
    assert_eq!(code(err), 403, "a manager does not act on another manager");
    let err = rooms
        .set_role(id, Some("guest"), "wang", Role::Normal)
        .unwrap_err();
    assert_eq!(code(err), 403, "a non-member operator");
}

#[test]
fn the_creator_anonymous_and_virtual_roles_are_not_set() {
    let (mut rooms, id) = room();
    for (target, to) in [
        ("owner", Role::Normal),
        ("lisi", Role::Creator),
        ("lisi", Role::Virtual),
    ] {
        let err = rooms.set_role(id, Some("owner"), target, to).unwrap_err();
        assert_eq!(code(err), 414, "{target} to {to:?}");
    }
    assert_eq!(member(&rooms, id, "owner").unwrap().role, Role::Creator);
    assert_eq!(
        code(rooms.set_role(id + 1, None, "a", Role::Normal).unwrap_err()),
        404
    );
}

#[test]
fn made_a_guest_a_member_stays_while_online_and_leaves_when_offline() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "guest", &[]).unwrap();
    rooms.set_role(id, None, "guest", Role::Normal).unwrap();
    rooms.set_role(id, None, "offline", Role::Normal).unwrap();
    let back = rooms
        .set_role(id, Some("mgr"), "guest", Role::Guest)
        .unwrap();
    assert_eq!(back.unwrap().role, Role::Guest);
    assert!(
        rooms
            .set_role(id, None, "offline", Role::Guest)
            .unwrap()
            .is_none()
    );
    assert!(member(&rooms, id, "offline").is_none());
    rooms.leave(id, "guest", None, NOW).unwrap();
    assert!(member(&rooms, id, "guest").is_none());
}

#[test]
fn fixed_members_are_capped_at_1000_limited_ones_included() {
    let (mut rooms, id) = room();
    // owner and mgr are two.
    for i in 0..roles::FIXED_MAX - 3 {
        rooms
            .set_role(id, None, &format!("m{i}"), Role::Normal)
            .unwrap();
    }
    rooms
        .restrict(id, None, "banned", Restriction::ChatBan, true, NOW)
        .unwrap();
    let err = rooms.set_role(id, None, "one", Role::Normal).unwrap_err();
    assert_eq!(code(err), 419);
    let err = rooms
        .restrict(id, None, "two", Restriction::Blacklist, true, NOW)
        .unwrap_err();
    assert_eq!(code(err), 419);
    rooms.set_role(id, None, "m0", Role::Manager).unwrap();
    assert_eq!(
        member(&rooms, id, "m0").unwrap().role,
        Role::Manager,
        "no new fixed member"
    );
}

#[test]
fn blacklisting_disconnects_keeps_a_limited_record_and_refuses_entry() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "guest", &[]).unwrap();
    let m = rooms
        .restrict(id, Some("mgr"), "guest", Restriction::Blacklist, true, NOW)
        .unwrap()
        .unwrap();
    assert!(m.blocked && !m.online());
    assert_eq!(rooms.get(id).unwrap().online_count(), 0);
    assert_eq!(
        code(enter(&mut rooms, id, "guest", &[]).unwrap_err()),
        13003
    );
    assert_eq!(rooms.blacklist(id).unwrap().len(), 1);
    let off = rooms
        .restrict(
            id,
            Some("owner"),
            "guest",
            Restriction::Blacklist,
            false,
            NOW,
        )
        .unwrap();
    assert!(off.is_none(), "an offline guest taken off leaves the room");
    enter(&mut rooms, id, "guest", &[]).unwrap();
}

#[test]
fn bans_follow_the_operator_rules() {
    let (mut rooms, id) = room();
    for (operator, target) in [
        (Some("mgr"), "owner"),
        (None, "owner"),
        (Some("owner"), "owner"),
        (Some("mgr"), "mgr"),
        (Some("nobody"), "lisi"),
    ] {
        let err = rooms
            .restrict(id, operator, target, Restriction::ChatBan, true, NOW)
            .unwrap_err();
        assert_eq!(code(err), 403, "{operator:?} on {target}");
    }
    rooms.set_role(id, None, "mgr2", Role::Manager).unwrap();
    let err = rooms
        .temp_mute(id, Some("mgr"), "mgr2", 60, NOW)
        .unwrap_err();
    assert_eq!(code(err), 403);
    rooms
        .restrict(id, Some("owner"), "mgr2", Restriction::ChatBan, true, NOW)
        .unwrap();
    let m = member(&rooms, id, "mgr2").unwrap();
    assert!(m.chat_banned && m.role == Role::Manager);
}

#[test]
fn a_chat_ban_and_a_temporary_ban_are_independent() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "guest", &[]).unwrap();
    assert_eq!(
        rooms.temp_mute(id, Some("mgr"), "guest", 60, NOW).unwrap(),
        60
    );
    rooms
        .restrict(id, None, "guest", Restriction::ChatBan, true, NOW)
        .unwrap();
    rooms
        .restrict(id, None, "guest", Restriction::ChatBan, false, NOW)
        .unwrap();
    let m = member(&rooms, id, "guest").unwrap();
    assert!(!m.chat_banned);
    assert_eq!(
        m.temp_mute_until,
        Some(NOW + 60 * SEC),
        "lifting one keeps the other"
    );
    assert_eq!(rooms.chat_banned(id, NOW).unwrap().len(), 1);
    assert!(rooms.chat_banned(id, NOW + 60 * SEC).unwrap().is_empty());
}

#[test]
fn a_temporary_ban_is_replaced_lifted_and_checked() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "guest", &[]).unwrap();
    rooms.temp_mute(id, None, "guest", 600, NOW).unwrap();
    rooms.temp_mute(id, None, "guest", 30, NOW + SEC).unwrap();
    let m = member(&rooms, id, "guest").unwrap();
    assert_eq!(
        m.temp_mute_until,
        Some(NOW + 31 * SEC),
        "replaced, not added"
    );
    assert_eq!(m.temp_mute_left(NOW + 30 * SEC + 1), 1);
    let left = rooms
        .temp_mute(id, None, "guest", 0, NOW + 11 * SEC)
        .unwrap();
    assert_eq!(left, 20, "a lift answers what the ban still had");
    assert_eq!(member(&rooms, id, "guest").unwrap().temp_mute_until, None);
    let err = rooms
        .temp_mute(id, None, "guest", MUTE_SECONDS_MAX + 1, NOW)
        .unwrap_err();
    assert_eq!(code(err), 414);
    assert_eq!(
        code(rooms.temp_mute(id, None, "nobody", 5, NOW).unwrap_err()),
        404
    );
}

#[test]
fn a_tag_ban_covers_every_member_carrying_the_tag_until_it_expires() {
    let (mut rooms, id) = room();
    assert_eq!(rooms.tag_mute(id, Some("mgr"), "vip", 60, NOW).unwrap(), 60);
    let room = rooms.get(id).unwrap();
    let tags = |t: &[&str]| t.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert!(room.tag_muted(&tags(&["a", "vip"]), NOW));
    assert!(!room.tag_muted(&tags(&["a"]), NOW));
    assert!(!room.tag_muted(&tags(&["vip"]), NOW + 60 * SEC));
    let err = rooms
        .tag_mute(id, Some("lisi"), "vip", 60, NOW)
        .unwrap_err();
    assert_eq!(code(err), 403);
    assert_eq!(
        rooms.tag_mute(id, None, "vip", 0, NOW + 45 * SEC).unwrap(),
        15
    );
    assert!(
        !rooms
            .get(id)
            .unwrap()
            .tag_muted(&tags(&["vip"]), NOW + 46 * SEC)
    );
}
