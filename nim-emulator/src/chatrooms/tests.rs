//! The store's rules, one by one, without HTTP: open and closed rooms, delay close,
//! entering and leaving, roles, bans and who may speak.

use super::members::RoleChange;
use super::model::QueueElement;
use super::*;

/// Unix ms.
const NOW: u64 = 1_700_000_000_000;
const SEC: u64 = 1000;

fn new_room(creator: &str) -> NewRoom {
    NewRoom {
        creator: creator.into(),
        info: Info {
            name: "room".into(),
            ..Info::default()
        },
        in_out_notify: true,
        ..NewRoom::default()
    }
}

/// A store with one open room of `owner`; its id.
fn room() -> (Chatrooms, u64) {
    let mut rooms = Chatrooms::default();
    let id = rooms.create(new_room("owner"), NOW).unwrap();
    (rooms, id)
}

fn enter(rooms: &mut Chatrooms, id: u64, accid: &str) -> Result<(), ChatroomError> {
    let entry = Entry {
        client_type: 16,
        ..Entry::default()
    };
    rooms.enter(id, accid, entry, NOW)
}

fn code(e: ChatroomError) -> u32 {
    e.v1().code()
}

fn role(rooms: &Chatrooms, id: u64, accid: &str) -> Option<Role> {
    rooms.get(id).unwrap().members.get(accid).map(|m| m.role)
}

#[test]
fn a_new_room_is_open_with_its_creator_as_a_fixed_offline_member() {
    let (rooms, id) = room();
    let r = rooms.get(id).unwrap();
    assert!(r.valid && !r.muted && r.in_out_notify);
    assert_eq!(r.creator, "owner");
    assert_eq!(role(&rooms, id, "owner"), Some(Role::Creator));
    assert_eq!(r.online_count(), 0);
    assert_eq!(r.delay.policy, DelayPolicy::None);
    assert_eq!(r.delay.deadline, None);
    assert_eq!(code(rooms.get(id + 1).unwrap_err()), 404);
}

#[test]
fn ids_are_assigned_in_order_and_open_rooms_are_listed_by_creator() {
    let mut rooms = Chatrooms::default();
    let a = rooms.create(new_room("owner"), NOW).unwrap();
    let b = rooms.create(new_room("owner"), NOW).unwrap();
    let c = rooms.create(new_room("other"), NOW).unwrap();
    assert_eq!((b, c), (a + 1, a + 2));
    assert_eq!(rooms.open_rooms_of("owner"), [a, b]);
    rooms
        .set_valid(a, "owner", false, (None, None), NOW)
        .unwrap();
    assert_eq!(rooms.open_rooms_of("owner"), [b]);
    assert!(rooms.open_rooms_of("nobody").is_empty());
}

#[test]
fn an_update_changes_only_what_it_sets() {
    let (mut rooms, id) = room();
    let changes = RoomChanges {
        announcement: Some("hello".into()),
        queue_level: Some(1),
        ..RoomChanges::default()
    };
    let r = rooms.update(id, changes).unwrap();
    assert_eq!(r.info.name, "room");
    assert_eq!(r.info.announcement.as_deref(), Some("hello"));
    assert_eq!(r.queue_level, 1);
    let cleared = RoomChanges {
        announcement: Some(String::new()),
        ..RoomChanges::default()
    };
    assert_eq!(
        rooms
            .update(id, cleared)
            .unwrap()
            .info
            .announcement
            .as_deref(),
        Some("")
    );
}

#[test]
fn only_the_creator_opens_or_closes_and_repeating_the_state_is_417() {
    let (mut rooms, id) = room();
    let err = rooms
        .set_valid(id, "mgr", false, (None, None), NOW)
        .unwrap_err();
    assert_eq!(code(err), 403);
    let err = rooms
        .set_valid(id, "owner", true, (None, None), NOW)
        .unwrap_err();
    assert_eq!(code(err), 417);
    assert!(
        !rooms
            .set_valid(id, "owner", false, (None, None), NOW)
            .unwrap()
            .valid
    );
    let err = rooms
        .set_valid(id, "owner", false, (None, None), NOW)
        .unwrap_err();
    assert_eq!(code(err), 417);
    assert!(
        rooms
            .set_valid(id, "owner", true, (None, None), NOW)
            .unwrap()
            .valid
    );
}

#[test]
fn closing_kicks_everyone_keeps_fixed_members_and_refuses_entering() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "guest").unwrap();
    enter(&mut rooms, id, "owner").unwrap();
    rooms
        .set_role(id, "owner", "mgr", RoleChange::Manager, true)
        .unwrap();
    rooms
        .set_role(id, "owner", "banned", RoleChange::ChatBan, true)
        .unwrap();
    rooms.get_mut(id).unwrap().queue.elements =
        vec![element("k1", "guest", true), element("k2", "guest", false)];
    rooms
        .set_valid(id, "owner", false, (None, None), NOW)
        .unwrap();
    let r = rooms.get(id).unwrap();
    assert_eq!(r.online_count(), 0);
    assert_eq!(role(&rooms, id, "guest"), None);
    assert_eq!(role(&rooms, id, "mgr"), Some(Role::Manager));
    assert!(rooms.get(id).unwrap().members["banned"].chat_banned);
    let keys: Vec<&str> = r.queue.elements.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["k2"]);
    assert_eq!(code(enter(&mut rooms, id, "guest").unwrap_err()), 13002);
    assert_eq!(
        code(rooms.check_speaker(id, "owner", NOW).unwrap_err()),
        13002
    );
    // Reopened, the fixed members and bans are there again and entering works.
    rooms
        .set_valid(id, "owner", true, (None, None), NOW)
        .unwrap();
    assert_eq!(role(&rooms, id, "mgr"), Some(Role::Manager));
    enter(&mut rooms, id, "guest").unwrap();
    rooms.check_speaker(id, "guest", NOW).unwrap();
}

fn element(key: &str, owner: &str, transient: bool) -> QueueElement {
    QueueElement {
        key: key.into(),
        value: "v".into(),
        owner: owner.into(),
        transient,
    }
}

#[test]
fn policy_1_closes_a_fixed_time_after_it_was_set_whoever_is_inside() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "guest").unwrap();
    let r = rooms
        .set_delay(id, Some(DelayPolicy::Fixed), Some(60), NOW)
        .unwrap();
    assert_eq!(r.delay.deadline, Some(NOW + 60 * SEC));
    rooms.settle(NOW + 59 * SEC);
    assert!(rooms.get(id).unwrap().valid);
    // Setting it again restarts the countdown.
    rooms.set_delay(id, None, Some(60), NOW + 30 * SEC).unwrap();
    rooms.settle(NOW + 60 * SEC);
    assert!(rooms.get(id).unwrap().valid);
    rooms.settle(NOW + 90 * SEC);
    let r = rooms.get(id).unwrap();
    assert!(!r.valid);
    assert_eq!(r.online_count(), 0);
    assert_eq!(r.delay.deadline, None);
}

#[test]
fn policy_2_counts_from_the_moment_the_room_becomes_empty() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "guest").unwrap();
    let r = rooms
        .set_delay(id, Some(DelayPolicy::Idle), Some(10), NOW)
        .unwrap();
    assert_eq!(r.delay.deadline, None, "not empty: no countdown");
    rooms.settle(NOW + 100 * SEC);
    assert!(rooms.get(id).unwrap().valid);
    rooms.leave(id, "guest", None, NOW + 100 * SEC).unwrap();
    assert_eq!(rooms.get(id).unwrap().delay.deadline, Some(NOW + 110 * SEC));
    // Someone entering stops it.
    rooms
        .enter(id, "guest", Entry::default(), NOW + 105 * SEC)
        .unwrap();
    rooms.settle(NOW + 200 * SEC);
    assert!(rooms.get(id).unwrap().valid);
    rooms.leave(id, "guest", None, NOW + 200 * SEC).unwrap();
    rooms.settle(NOW + 210 * SEC);
    assert!(!rooms.get(id).unwrap().valid);
}

#[test]
fn delay_seconds_default_to_seven_days_and_are_capped_there() {
    let (mut rooms, id) = room();
    let r = rooms
        .set_delay(id, Some(DelayPolicy::Fixed), None, NOW)
        .unwrap();
    assert_eq!(r.delay.seconds, DELAY_SECONDS_MAX);
    let err = rooms
        .set_delay(
            id,
            Some(DelayPolicy::Fixed),
            Some(DELAY_SECONDS_MAX + 1),
            NOW,
        )
        .unwrap_err();
    assert_eq!(code(err), 414);
    let r = rooms
        .set_delay(id, Some(DelayPolicy::None), None, NOW)
        .unwrap();
    assert_eq!(
        (r.delay.policy, r.delay.deadline),
        (DelayPolicy::None, None)
    );
    let mut new = new_room("owner");
    new.delay = Some((DelayPolicy::Fixed, Some(5)));
    let made = rooms.create(new, NOW).unwrap();
    rooms.settle(NOW + 5 * SEC);
    assert!(!rooms.get(made).unwrap().valid);
}

#[test]
fn a_closed_room_keeps_its_policy_and_reopening_restarts_it() {
    let (mut rooms, id) = room();
    let closed = rooms
        .set_valid(
            id,
            "owner",
            false,
            (Some(DelayPolicy::Fixed), Some(30)),
            NOW,
        )
        .unwrap();
    assert_eq!(closed.delay.policy, DelayPolicy::Fixed);
    assert_eq!(closed.delay.deadline, None);
    let reopened = rooms
        .set_valid(id, "owner", true, (None, None), NOW + 100 * SEC)
        .unwrap();
    assert_eq!(reopened.delay.deadline, Some(NOW + 130 * SEC));
}

#[test]
fn entering_and_leaving_make_guests_come_and_go() {
    let (mut rooms, id) = room();
    let entry = Entry {
        client_type: 1,
        tags: Some(vec!["vip".into()]),
        nick: Some("Guest".into()),
        ..Entry::default()
    };
    rooms.enter(id, "guest", entry, NOW).unwrap();
    enter(&mut rooms, id, "guest").unwrap();
    let m = &rooms.get(id).unwrap().members["guest"];
    assert_eq!(m.role, Role::Guest);
    assert_eq!(m.tags, ["vip"]);
    assert_eq!(m.nick.as_deref(), Some("Guest"));
    assert_eq!(m.connections.len(), 2);
    rooms.leave(id, "guest", Some(1), NOW).unwrap();
    assert_eq!(
        role(&rooms, id, "guest"),
        Some(Role::Guest),
        "one connection left"
    );
    rooms.leave(id, "guest", None, NOW).unwrap();
    assert_eq!(role(&rooms, id, "guest"), None);
    assert_eq!(code(rooms.leave(id, "guest", None, NOW).unwrap_err()), 404);
    // A fixed member stays, offline.
    enter(&mut rooms, id, "owner").unwrap();
    rooms.leave(id, "owner", None, NOW).unwrap();
    assert_eq!(role(&rooms, id, "owner"), Some(Role::Creator));
    let anonymous = Entry {
        anonymous: true,
        ..Entry::default()
    };
    rooms.enter(id, "anon", anonymous, NOW).unwrap();
    assert_eq!(role(&rooms, id, "anon"), Some(Role::Anonymous));
}

#[test]
fn leaving_deletes_the_owners_transient_queue_elements_with_its_last_connection() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "a").unwrap();
    enter(&mut rooms, id, "a").unwrap();
    rooms.get_mut(id).unwrap().queue.elements = vec![
        element("t", "a", true),
        element("p", "a", false),
        element("o", "b", true),
    ];
    rooms.leave(id, "a", Some(16), NOW).unwrap();
    let keys = |rooms: &Chatrooms| -> Vec<String> {
        let r = rooms.get(id).unwrap();
        r.queue.elements.iter().map(|e| e.key.clone()).collect()
    };
    // Both connections were of type 16: both left.
    assert_eq!(keys(&rooms), ["p", "o"]);
}

#[test]
fn the_creator_appoints_managers_and_managers_make_normal_members() {
    let (mut rooms, id) = room();
    rooms
        .set_role(id, "owner", "mgr", RoleChange::Manager, true)
        .unwrap();
    let m = rooms
        .set_role(id, "mgr", "a", RoleChange::Normal, true)
        .unwrap();
    assert_eq!(m.role, Role::Normal);
    // Not a manager: no permission; a manager cannot appoint managers.
    let err = rooms
        .set_role(id, "a", "b", RoleChange::Normal, true)
        .unwrap_err();
    assert_eq!(code(err), 403);
    let err = rooms
        .set_role(id, "mgr", "a", RoleChange::Manager, true)
        .unwrap_err();
    assert_eq!(code(err), 403);
    // Unset: an offline account with no ban leaves the room; online it is a guest.
    rooms
        .set_role(id, "mgr", "a", RoleChange::Normal, false)
        .unwrap();
    assert_eq!(role(&rooms, id, "a"), None);
    enter(&mut rooms, id, "b").unwrap();
    rooms
        .set_role(id, "owner", "b", RoleChange::Manager, true)
        .unwrap();
    rooms
        .set_role(id, "owner", "b", RoleChange::Manager, false)
        .unwrap();
    assert_eq!(role(&rooms, id, "b"), Some(Role::Guest));
}

#[test]
fn managers_cannot_act_on_the_creator_or_other_managers() {
    let (mut rooms, id) = room();
    for m in ["m1", "m2"] {
        rooms
            .set_role(id, "owner", m, RoleChange::Manager, true)
            .unwrap();
    }
    for change in [
        RoleChange::Normal,
        RoleChange::Blacklist,
        RoleChange::ChatBan,
    ] {
        let err = rooms.set_role(id, "m1", "m2", change, true).unwrap_err();
        assert_eq!(code(err), 403, "{change:?} on a manager");
        let err = rooms.set_role(id, "m1", "owner", change, true).unwrap_err();
        assert_eq!(code(err), 403, "{change:?} on the creator");
    }
    let err = rooms
        .set_role(id, "owner", "owner", RoleChange::Manager, false)
        .unwrap_err();
    assert_eq!(code(err), 403, "nobody acts on the creator");
    assert_eq!(
        code(rooms.temp_mute(id, "m1", "m2", 60, NOW).unwrap_err()),
        403
    );
    // The creator acts on managers.
    rooms
        .set_role(id, "owner", "m2", RoleChange::ChatBan, true)
        .unwrap();
}

#[test]
fn fixed_members_are_at_most_1000() {
    let (mut rooms, id) = room();
    for i in 1..FIXED_MAX {
        rooms
            .set_role(id, "owner", &format!("n{i}"), RoleChange::Normal, true)
            .unwrap();
    }
    let err = rooms
        .set_role(id, "owner", "one-more", RoleChange::Normal, true)
        .unwrap_err();
    assert_eq!(code(err), 419);
    // A blacklisted guest is kept too (v1 LIMITED) and counts.
    let err = rooms
        .set_role(id, "owner", "one-more", RoleChange::Blacklist, true)
        .unwrap_err();
    assert_eq!(code(err), 419);
    // Changing an existing fixed member is not a new one.
    rooms
        .set_role(id, "owner", "n1", RoleChange::Manager, true)
        .unwrap();
}

#[test]
fn the_blacklist_kicks_and_refuses_entering() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "a").unwrap();
    let m = rooms
        .set_role(id, "owner", "a", RoleChange::Blacklist, true)
        .unwrap();
    assert!(m.blocked && !m.online());
    assert_eq!(role(&rooms, id, "a"), Some(Role::Guest), "kept as LIMITED");
    assert_eq!(code(enter(&mut rooms, id, "a").unwrap_err()), 13003);
    rooms
        .set_role(id, "owner", "a", RoleChange::Blacklist, false)
        .unwrap();
    assert_eq!(role(&rooms, id, "a"), None);
    enter(&mut rooms, id, "a").unwrap();
}

#[test]
fn temporary_bans_replace_the_expiry_zero_lifts_and_30_days_is_the_most() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "a").unwrap();
    let until = rooms.temp_mute(id, "owner", "a", 600, NOW).unwrap();
    assert_eq!(until, Some(NOW + 600 * SEC));
    assert_eq!(code(rooms.check_speaker(id, "a", NOW).unwrap_err()), 13004);
    // A new ban replaces the expiry: shorter, not added.
    let until = rooms.temp_mute(id, "owner", "a", 60, NOW + SEC).unwrap();
    assert_eq!(until, Some(NOW + 61 * SEC));
    rooms.check_speaker(id, "a", NOW + 61 * SEC).unwrap();
    rooms.temp_mute(id, "owner", "a", 60, NOW).unwrap();
    assert_eq!(rooms.temp_mute(id, "owner", "a", 0, NOW).unwrap(), None);
    rooms.check_speaker(id, "a", NOW).unwrap();
    let err = rooms
        .temp_mute(id, "owner", "a", TEMP_MUTE_MAX_SECS + 1, NOW)
        .unwrap_err();
    assert_eq!(code(err), 414);
    rooms
        .temp_mute(id, "owner", "a", TEMP_MUTE_MAX_SECS, NOW)
        .unwrap();
    assert_eq!(
        code(rooms.temp_mute(id, "owner", "nobody", 60, NOW).unwrap_err()),
        404
    );
}

#[test]
fn permanent_and_room_wide_bans_stop_speakers_but_the_room_mute_spares_managers() {
    let (mut rooms, id) = room();
    enter(&mut rooms, id, "a").unwrap();
    rooms
        .set_role(id, "owner", "a", RoleChange::ChatBan, true)
        .unwrap();
    assert_eq!(code(rooms.check_speaker(id, "a", NOW).unwrap_err()), 13004);
    // Lifting the permanent ban leaves a temporary one as it was.
    rooms.temp_mute(id, "owner", "a", 60, NOW).unwrap();
    rooms
        .set_role(id, "owner", "a", RoleChange::ChatBan, false)
        .unwrap();
    assert_eq!(code(rooms.check_speaker(id, "a", NOW).unwrap_err()), 13004);
    rooms.check_speaker(id, "a", NOW + 60 * SEC).unwrap();
    rooms.get_mut(id).unwrap().muted = true;
    assert_eq!(code(rooms.check_speaker(id, "b", NOW).unwrap_err()), 13004);
    rooms.check_speaker(id, "owner", NOW).unwrap();
}

#[test]
fn in_out_notifications_switch() {
    let (mut rooms, id) = room();
    rooms.set_in_out_notify(id, false).unwrap();
    assert!(!rooms.get(id).unwrap().in_out_notify);
    assert_eq!(
        code(rooms.set_in_out_notify(id + 9, true).unwrap_err()),
        404
    );
}

#[test]
fn both_protocols_answer_the_same_codes_with_the_reason() {
    let errors = [
        (ChatroomError::NotFound { room: 1 }, 404, "does not exist"),
        (ChatroomError::Closed { room: 1 }, 13002, "closed"),
        (
            ChatroomError::Blocked {
                room: 1,
                accid: "a".into(),
            },
            13003,
            "blacklist",
        ),
        (
            ChatroomError::FixedFull {
                room: 1,
                limit: FIXED_MAX,
            },
            419,
            "1000",
        ),
        (
            ChatroomError::Repeated {
                desc: "again".into(),
            },
            417,
            "again",
        ),
    ];
    for (error, code, needle) in errors {
        assert_eq!(error.v1().code(), code);
        assert_eq!(error.v2().code(), code);
        assert!(error.describe().contains(needle), "{}", error.describe());
    }
}
