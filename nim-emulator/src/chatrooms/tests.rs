//! The store's rules, one by one, without HTTP: open and closed rooms, delay close,
//! entering and leaving.

use super::model::{Member, QueueElement};
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
        rooms.update(id, cleared).unwrap().info.announcement,
        None,
        "an empty text is stored as absent"
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
    // A record kept offline (as a blacklist or ban will keep one, v1 `LIMITED`).
    let mut banned = Member::new(Role::Guest);
    banned.chat_banned = true;
    rooms
        .get_mut(id)
        .unwrap()
        .members
        .insert("banned".into(), banned);
    rooms.get_mut(id).unwrap().queue.elements =
        vec![element("k1", "guest", true), element("k2", "guest", false)];
    rooms
        .set_valid(id, "owner", false, (None, None), NOW)
        .unwrap();
    let r = rooms.get(id).unwrap();
    assert_eq!(r.online_count(), 0);
    assert_eq!(role(&rooms, id, "guest"), None);
    assert_eq!(role(&rooms, id, "owner"), Some(Role::Creator));
    assert!(rooms.get(id).unwrap().members["banned"].chat_banned);
    let keys: Vec<&str> = r.queue.elements.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["k2"]);
    assert_eq!(code(enter(&mut rooms, id, "guest").unwrap_err()), 13002);
    // Reopened, the kept records are there again and entering works.
    rooms
        .set_valid(id, "owner", true, (None, None), NOW)
        .unwrap();
    assert!(rooms.get(id).unwrap().members["banned"].chat_banned);
    enter(&mut rooms, id, "guest").unwrap();
}

#[test]
fn a_refused_reopen_leaves_the_room_closed() {
    let (mut rooms, id) = room();
    rooms
        .set_valid(id, "owner", false, (None, None), NOW)
        .unwrap();
    let too_long = (Some(DelayPolicy::Fixed), Some(DELAY_SECONDS_MAX + 1));
    let err = rooms
        .set_valid(id, "owner", true, too_long, NOW)
        .unwrap_err();
    assert_eq!(code(err), 414);
    let r = rooms.get(id).unwrap();
    assert!(!r.valid);
    assert_eq!(
        (r.delay.policy, r.delay.deadline),
        (DelayPolicy::None, None)
    );
}

fn element(key: &str, owner: &str, transient: bool) -> QueueElement {
    QueueElement {
        key: key.into(),
        value: "v".into(),
        owner: owner.into(),
        transient,
        create_time: NOW,
        update_time: NOW,
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
    let delay = rooms.get(id).unwrap().delay;
    assert_eq!(delay.deadline, Some(NOW + 110 * SEC));
    assert_eq!(
        delay.start,
        NOW + 100 * SEC,
        "startTime: when it became empty"
    );
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
    let web = Entry {
        client_type: 16,
        ..Entry::default()
    };
    let android = Entry {
        client_type: 1,
        ..Entry::default()
    };
    rooms.enter(id, "a", web, NOW).unwrap();
    rooms.enter(id, "a", android, NOW).unwrap();
    rooms.get_mut(id).unwrap().queue.elements = vec![
        element("t", "a", true),
        element("p", "a", false),
        element("o", "b", true),
    ];
    let keys = |rooms: &Chatrooms| -> Vec<String> {
        let r = rooms.get(id).unwrap();
        r.queue.elements.iter().map(|e| e.key.clone()).collect()
    };
    // The first leave (web) keeps the Android connection: still online, element kept.
    rooms.leave(id, "a", Some(16), NOW).unwrap();
    let m = &rooms.get(id).unwrap().members["a"];
    assert!(m.online());
    assert_eq!(m.connections.len(), 1);
    assert_eq!(m.connections[0].client_type, 1);
    assert_eq!(keys(&rooms), ["t", "p", "o"]);
    // The last leave removes the guest and its transient element only.
    rooms.leave(id, "a", Some(1), NOW).unwrap();
    assert_eq!(role(&rooms, id, "a"), None);
    assert_eq!(keys(&rooms), ["p", "o"]);
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
fn refusals_answer_their_code_with_the_reason() {
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
            ChatroomError::Repeated {
                desc: "again".into(),
            },
            417,
            "again",
        ),
    ];
    for (error, code, needle) in errors {
        assert_eq!(error.v1().code(), code);
        assert!(error.describe().contains(needle), "{}", error.describe());
    }
}
