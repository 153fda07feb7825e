//! The queue's rules, without HTTP.

use super::super::model::Member;
use super::super::{ChatroomError, Chatrooms, Entry, Info, NewRoom};
use super::*;

const NOW: u64 = 1_700_000_000_000;

/// A store with one open room of `owner`, where `guest` is online; its id.
fn room() -> (Chatrooms, u64) {
    let mut rooms = Chatrooms::default();
    let new = NewRoom {
        creator: "owner".into(),
        info: Info {
            name: "room".into(),
            ..Info::default()
        },
        ..NewRoom::default()
    };
    let id = rooms.create(new, NOW).unwrap();
    enter(&mut rooms, id, "guest");
    (rooms, id)
}

fn enter(rooms: &mut Chatrooms, id: u64, accid: &str) {
    let entry = Entry {
        client_type: 16,
        ..Entry::default()
    };
    rooms.enter(id, accid, entry, NOW).unwrap();
}

fn offer(key: &str, value: &str, owner: &str) -> QueueWrite {
    QueueWrite {
        key: key.into(),
        value: value.into(),
        owner: owner.into(),
        transient: Some(false),
        policy: AddPolicy::AddOrUpdate,
        time: NOW,
    }
}

fn code(e: ChatroomError) -> u32 {
    e.v1().code()
}

/// The queue as `key=value@owner` texts, head first.
fn queue(rooms: &Chatrooms, id: u64) -> Vec<String> {
    let room = rooms.queue_room(id).unwrap();
    select(room, &[])
        .iter()
        .map(|e| format!("{}={}@{}", e.key, e.value, e.owner))
        .collect()
}

#[test]
fn new_keys_go_to_the_tail_and_an_update_keeps_the_place_and_takes_the_owner() {
    let (mut rooms, id) = room();
    assert_eq!(
        rooms.queue_write(id, offer("a", "1", "owner")),
        Ok(Written::Inserted)
    );
    assert_eq!(
        rooms.queue_write(id, offer("b", "2", "owner")),
        Ok(Written::Inserted)
    );
    assert_eq!(
        rooms.queue_write(id, offer("a", "3", "guest")),
        Ok(Written::Updated)
    );
    assert_eq!(queue(&rooms, id), ["a=3@guest", "b=2@owner"]);
}

#[test]
fn the_add_policy_refuses_an_existing_key_or_a_missing_one() {
    let (mut rooms, id) = room();
    rooms.queue_write(id, offer("a", "1", "owner")).unwrap();
    let add_only = QueueWrite {
        policy: AddPolicy::AddOnly,
        ..offer("a", "2", "owner")
    };
    assert_eq!(code(rooms.queue_write(id, add_only).unwrap_err()), 417);
    let update_only = QueueWrite {
        policy: AddPolicy::UpdateOnly,
        ..offer("z", "2", "owner")
    };
    assert_eq!(code(rooms.queue_write(id, update_only).unwrap_err()), 404);
    assert_eq!(queue(&rooms, id), ["a=1@owner"]);
}

#[test]
fn a_full_queue_refuses_new_keys_but_updates_existing_ones() {
    let (mut rooms, id) = room();
    assert_eq!(rooms.queue_room(id).unwrap().queue.size_limit, 50);
    rooms.queue_init(id, 1).unwrap();
    rooms.queue_write(id, offer("a", "1", "owner")).unwrap();
    assert_eq!(
        code(rooms.queue_write(id, offer("b", "1", "owner")).unwrap_err()),
        419
    );
    assert_eq!(
        rooms.queue_write(id, offer("a", "2", "owner")),
        Ok(Written::Updated)
    );
    assert_eq!(
        code(rooms.queue_init(id, QUEUE_LIMIT_MAX + 1).unwrap_err()),
        414
    );
}

#[test]
fn lowering_the_limit_keeps_the_elements_until_the_queue_is_below_it() {
    let (mut rooms, id) = room();
    for key in ["a", "b", "c"] {
        rooms.queue_write(id, offer(key, "v", "owner")).unwrap();
    }
    rooms.queue_init(id, 2).unwrap();
    assert_eq!(queue(&rooms, id).len(), 3);
    rooms.queue_poll(id, None).unwrap();
    assert_eq!(
        code(rooms.queue_write(id, offer("d", "v", "owner")).unwrap_err()),
        419
    );
    rooms.queue_poll(id, None).unwrap();
    assert_eq!(
        rooms.queue_write(id, offer("d", "v", "owner")),
        Ok(Written::Inserted)
    );
}

#[test]
fn poll_takes_the_head_or_the_named_key_and_404s_when_there_is_none() {
    let (mut rooms, id) = room();
    for key in ["a", "b", "c"] {
        rooms.queue_write(id, offer(key, key, "owner")).unwrap();
    }
    assert_eq!(rooms.queue_poll(id, Some("b")).unwrap().key, "b");
    assert_eq!(rooms.queue_poll(id, None).unwrap().key, "a");
    assert_eq!(code(rooms.queue_poll(id, Some("b")).unwrap_err()), 404);
    assert_eq!(rooms.queue_poll(id, None).unwrap().key, "c");
    assert_eq!(code(rooms.queue_poll(id, None).unwrap_err()), 404);
}

#[test]
fn drop_empties_the_queue_and_keeps_its_limit() {
    let (mut rooms, id) = room();
    rooms.queue_init(id, 7).unwrap();
    rooms.queue_write(id, offer("a", "1", "owner")).unwrap();
    assert_eq!(rooms.queue_drop(id), Ok(1));
    assert_eq!(rooms.queue_drop(id), Ok(0));
    let room = rooms.queue_room(id).unwrap();
    assert!(room.queue.elements.is_empty());
    assert_eq!(room.queue.size_limit, 7);
}

#[test]
fn only_the_creator_or_an_online_member_offers_and_only_the_creator_or_a_manager_updates() {
    let (mut rooms, id) = room();
    let online = QueueOperator::CreatorOrOnline;
    let managers = QueueOperator::CreatorOrManager;
    assert_eq!(rooms.queue_operator(id, "owner", online), Ok(()));
    assert_eq!(rooms.queue_operator(id, "guest", online), Ok(()));
    assert_eq!(
        code(rooms.queue_operator(id, "nobody", online).unwrap_err()),
        403
    );
    assert_eq!(rooms.queue_operator(id, "owner", managers), Ok(()));
    assert_eq!(
        code(rooms.queue_operator(id, "guest", managers).unwrap_err()),
        403
    );
    // A manager offline may still update (the roles actions make managers; set here).
    rooms
        .get_mut(id)
        .unwrap()
        .members
        .insert("boss".into(), Member::new(Role::Manager));
    assert_eq!(rooms.queue_operator(id, "boss", managers), Ok(()));
    assert_eq!(
        code(rooms.queue_operator(id, "boss", online).unwrap_err()),
        403
    );
    assert_eq!(
        code(rooms.queue_operator(id + 1, "owner", online).unwrap_err()),
        404
    );
}

#[test]
fn a_transient_element_needs_its_owner_online_and_goes_when_it_leaves() {
    let (mut rooms, id) = room();
    let transient = |key: &str, owner: &str| QueueWrite {
        transient: Some(true),
        ..offer(key, "v", owner)
    };
    assert_eq!(
        code(rooms.queue_write(id, transient("a", "owner")).unwrap_err()),
        403
    );
    rooms.queue_write(id, transient("b", "guest")).unwrap();
    rooms.queue_write(id, offer("c", "v", "guest")).unwrap();
    // A batch update keeps the flag (and names no owner of its own to check).
    let kept = QueueWrite {
        transient: None,
        policy: AddPolicy::UpdateOnly,
        ..offer("b", "w", "guest")
    };
    rooms.queue_write(id, kept).unwrap();
    assert!(rooms.queue_room(id).unwrap().queue.elements[0].transient);
    rooms.leave(id, "guest", None, NOW).unwrap();
    assert_eq!(queue(&rooms, id), ["c=v@guest"]);
}

#[test]
fn a_closed_room_refuses_changes_and_can_still_be_read() {
    let (mut rooms, id) = room();
    rooms.queue_write(id, offer("a", "1", "owner")).unwrap();
    rooms
        .set_valid(id, "owner", false, (None, None), NOW)
        .unwrap();
    assert_eq!(
        code(rooms.queue_write(id, offer("b", "1", "owner")).unwrap_err()),
        13002
    );
    assert_eq!(code(rooms.queue_poll(id, None).unwrap_err()), 13002);
    assert_eq!(code(rooms.queue_drop(id).unwrap_err()), 13002);
    assert_eq!(code(rooms.queue_init(id, 5).unwrap_err()), 13002);
    let online = QueueOperator::CreatorOrOnline;
    assert_eq!(
        code(rooms.queue_operator(id, "owner", online).unwrap_err()),
        13002
    );
    assert_eq!(queue(&rooms, id), ["a=1@owner"]);
}

#[test]
fn multi_get_answers_in_the_order_asked_once_per_key_and_skips_missing_keys() {
    let (mut rooms, id) = room();
    for key in ["a", "b", "c"] {
        rooms.queue_write(id, offer(key, "v", "owner")).unwrap();
    }
    let room = rooms.queue_room(id).unwrap();
    let keys: Vec<String> = ["c", "x", "a", "c"].map(String::from).to_vec();
    let got: Vec<&str> = select_in_order(room, &keys)
        .iter()
        .map(|e| e.key.as_str())
        .collect();
    assert_eq!(got, ["c", "a"]);
    let filtered: Vec<&str> = select(room, &keys).iter().map(|e| e.key.as_str()).collect();
    assert_eq!(filtered, ["a", "c"]);
}

#[test]
fn an_update_keeps_the_create_time_and_moves_the_update_time() {
    let (mut rooms, id) = room();
    rooms.queue_write(id, offer("a", "1", "owner")).unwrap();
    let later = QueueWrite {
        time: NOW + 5,
        ..offer("a", "2", "owner")
    };
    rooms.queue_write(id, later).unwrap();
    let element = &rooms.queue_room(id).unwrap().queue.elements[0];
    assert_eq!((element.create_time, element.update_time), (NOW, NOW + 5));
}
