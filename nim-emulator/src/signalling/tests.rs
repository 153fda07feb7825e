//! The store's rules: expiry on the clock given, the member limit, and every code.

use super::{
    INVITATION_LIFETIME_MS, MEMBERS_MAX, NewRoom, ROOM_LIFETIME_MS, RoomType, Signalling, code,
};

const T0: u64 = 1_700_000_000_000;

fn new_room(name: Option<&str>) -> NewRoom {
    NewRoom {
        name: name.map(str::to_owned),
        kind: RoomType::Video,
        creator: "owner".to_owned(),
        ext: Some("x".to_owned()),
    }
}

/// A store with one room named `call`, made at `T0`; its id.
fn with_room() -> (Signalling, String) {
    let mut store = Signalling::default();
    let id = store.create(new_room(Some("call")), T0).unwrap().id.clone();
    (store, id)
}

#[test]
fn a_room_has_an_id_its_name_and_two_hours() {
    let (mut store, id) = with_room();
    assert_eq!(id.len(), 32);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    let room = store.find(Some(&id), None, T0).unwrap();
    assert_eq!((room.name.as_str(), room.kind), ("call", RoomType::Video));
    assert_eq!(room.expire_time, T0 + ROOM_LIFETIME_MS);
    assert!(room.members.is_empty());
    // Without a name, the id names it.
    let unnamed = store.create(new_room(None), T0).unwrap().clone();
    assert_eq!(unnamed.name, unnamed.id);
    assert_ne!(unnamed.id, id);
}

#[test]
fn a_name_is_unique_among_open_rooms_only() {
    let (mut store, id) = with_room();
    let taken = store.create(new_room(Some("call")), T0).unwrap_err();
    assert_eq!(taken.code(), code::NAME_TAKEN);
    store.close(&id, "owner", T0).unwrap();
    assert!(store.create(new_room(Some("call")), T0).is_ok());
}

#[test]
fn a_room_past_its_end_is_gone_and_its_name_free() {
    let (mut store, id) = with_room();
    let end = T0 + ROOM_LIFETIME_MS;
    assert!(store.find(Some(&id), None, end - 1).is_ok());
    assert_eq!(
        store.find(Some(&id), None, end).unwrap_err().code(),
        code::NO_ROOM
    );
    assert_eq!(store.delay(&id, end).unwrap_err().code(), code::NO_ROOM);
    assert!(store.create(new_room(Some("call")), end).is_ok());
}

#[test]
fn a_delay_moves_the_end_to_now_plus_two_hours() {
    let (mut store, id) = with_room();
    let later = T0 + ROOM_LIFETIME_MS - 1000;
    let room = store.delay(&id, later).unwrap();
    assert_eq!(room.expire_time, later + ROOM_LIFETIME_MS);
    assert!(
        store
            .find(Some(&id), None, T0 + ROOM_LIFETIME_MS + 1)
            .is_ok()
    );
}

#[test]
fn members_keep_a_room_open_and_it_ends_two_hours_after_the_last_leaves() {
    let (mut store, id) = with_room();
    let joined = T0 + 60_000;
    store.join(&id, "lisi", "phone", joined).unwrap();
    let room = store.find(Some(&id), None, joined).unwrap();
    assert_eq!(room.expire_time, joined + ROOM_LIFETIME_MS);
    // Long past its end, the room is open while someone is in it.
    let much_later = joined + 3 * ROOM_LIFETIME_MS;
    assert!(store.find(Some(&id), None, much_later).is_ok());
    store.kick(&id, "owner", "lisi", much_later).unwrap();
    let room = store.find(Some(&id), None, much_later).unwrap();
    assert_eq!(room.expire_time, much_later + ROOM_LIFETIME_MS);
    let end = much_later + ROOM_LIFETIME_MS;
    assert!(store.find(Some(&id), None, end - 1).is_ok());
    let gone = store.find(Some(&id), None, end).unwrap_err();
    assert_eq!(gone.code(), code::NO_ROOM);
}

#[test]
fn find_reads_the_id_first_then_the_name() {
    let (mut store, id) = with_room();
    assert_eq!(store.find(None, Some("call"), T0).unwrap().id, id);
    assert_eq!(store.find(Some(&id), Some("other"), T0).unwrap().id, id);
    let missing = store.find(Some("nope"), Some("call"), T0).unwrap_err();
    assert_eq!(missing.code(), code::NO_ROOM);
    assert_eq!(store.find(None, None, T0).unwrap_err().code(), 414);
}

#[test]
fn close_needs_the_creator_or_a_member() {
    let (mut store, id) = with_room();
    assert_eq!(
        store.close(&id, "stranger", T0).unwrap_err().code(),
        code::NOT_IN_ROOM
    );
    store.join(&id, "member", "d1", T0).unwrap();
    store.close(&id, "member", T0).unwrap();
    assert_eq!(
        store.close(&id, "owner", T0).unwrap_err().code(),
        code::NO_ROOM
    );
}

#[test]
fn invitations_are_recorded_renewed_cancelled_and_expire() {
    let (mut store, id) = with_room();
    store.invite(&id, "owner", "bob", "r1", T0).unwrap();
    store.invite(&id, "owner", "bob", "r1", T0 + 1000).unwrap();
    let room = store.find(Some(&id), None, T0 + 1000).unwrap();
    assert_eq!(room.invitations.len(), 1, "the same invitation is renewed");
    assert_eq!(
        room.invitations[0].expire_time,
        T0 + 1000 + INVITATION_LIFETIME_MS
    );
    // A different request id, inviter or invitee is not it.
    for (inviter, invitee, request) in [("owner", "bob", "r2"), ("owner", "eve", "r1")] {
        let err = store
            .cancel_invite(&id, inviter, invitee, request, T0)
            .unwrap_err();
        assert_eq!(err.code(), code::NO_INVITATION);
    }
    store.cancel_invite(&id, "owner", "bob", "r1", T0).unwrap();
    let again = store
        .cancel_invite(&id, "owner", "bob", "r1", T0)
        .unwrap_err();
    assert_eq!(again.code(), code::NO_INVITATION);

    store.invite(&id, "owner", "bob", "r3", T0).unwrap();
    let late = T0 + INVITATION_LIFETIME_MS;
    let expired = store
        .cancel_invite(&id, "owner", "bob", "r3", late)
        .unwrap_err();
    assert_eq!(expired.code(), code::NO_INVITATION);
}

#[test]
fn invite_checks_the_inviter_the_invitee_and_the_room() {
    let (mut store, id) = with_room();
    let outsider = store.invite(&id, "stranger", "bob", "r", T0).unwrap_err();
    assert_eq!(outsider.code(), code::NOT_IN_ROOM);
    store.join(&id, "bob", "d", T0).unwrap();
    let inside = store.invite(&id, "owner", "bob", "r", T0).unwrap_err();
    assert_eq!(inside.code(), code::ALREADY_IN_ROOM);
    // A member invites too.
    store.invite(&id, "bob", "carol", "r", T0).unwrap();
    let missing = store.invite("nope", "owner", "bob", "r", T0).unwrap_err();
    assert_eq!(missing.code(), code::NO_ROOM);
}

#[test]
fn a_room_holds_at_most_100_members() {
    let (mut store, id) = with_room();
    for i in 0..MEMBERS_MAX {
        store.join(&id, &format!("m{i}"), "d", T0).unwrap();
    }
    assert_eq!(
        store.join(&id, "late", "d", T0).unwrap_err().code(),
        code::ROOM_FULL
    );
    assert_eq!(
        store
            .invite(&id, "owner", "late", "r", T0)
            .unwrap_err()
            .code(),
        code::ROOM_FULL
    );
    store.kick(&id, "owner", "m0", T0).unwrap();
    assert!(store.join(&id, "late", "d", T0).is_ok());
}

#[test]
fn join_gives_uids_and_uses_up_invitations() {
    let (mut store, id) = with_room();
    store.invite(&id, "owner", "bob", "r", T0).unwrap();
    let bob = store.join(&id, "bob", "phone", T0 + 5).unwrap();
    let carol = store.join(&id, "carol", "web", T0 + 6).unwrap();
    assert_eq!((bob.join_time, bob.device_id.as_str()), (T0 + 5, "phone"));
    assert_ne!(bob.uid, carol.uid);
    assert!(
        store
            .find(Some(&id), None, T0)
            .unwrap()
            .invitations
            .is_empty()
    );
    assert_eq!(
        store.join(&id, "bob", "d", T0).unwrap_err().code(),
        code::ALREADY_IN_ROOM
    );
}

#[test]
fn only_the_creator_kicks_and_only_members() {
    let (mut store, id) = with_room();
    store.join(&id, "bob", "d", T0).unwrap();
    store.join(&id, "carol", "d", T0).unwrap();
    assert_eq!(
        store.kick(&id, "bob", "carol", T0).unwrap_err().code(),
        code::NO_PERMISSION
    );
    assert_eq!(
        store.kick(&id, "owner", "stranger", T0).unwrap_err().code(),
        code::NOT_IN_ROOM
    );
    store.kick(&id, "owner", "bob", T0).unwrap();
    let room = store.find(Some(&id), None, T0).unwrap();
    assert_eq!(room.members.len(), 1);
    assert!(room.member("bob").is_none());
}

#[test]
fn control_checks_the_sender_and_the_target() {
    let (mut store, id) = with_room();
    store.join(&id, "bob", "d", T0).unwrap();
    store.control(&id, "owner", None, T0).unwrap();
    store.control(&id, "bob", Some("bob"), T0).unwrap();
    assert_eq!(
        store.control(&id, "eve", None, T0).unwrap_err().code(),
        code::NOT_IN_ROOM
    );
    assert_eq!(
        store
            .control(&id, "owner", Some("eve"), T0)
            .unwrap_err()
            .code(),
        code::NOT_IN_ROOM
    );
    // Once the last member is gone, the room ends 2 hours later.
    store.kick(&id, "owner", "bob", T0).unwrap();
    let expired = store.control(&id, "owner", None, T0 + ROOM_LIFETIME_MS);
    assert_eq!(expired.unwrap_err().code(), code::NO_ROOM);
}

#[test]
fn both_protocols_show_the_same_room() {
    let (mut store, id) = with_room();
    store.join(&id, "bob", "d", T0 + 1).unwrap();
    let room = store.find(Some(&id), None, T0).unwrap();
    let (v1, v2) = (room.v1(), room.v2());
    assert_eq!(v1["type"], "VIDEO");
    assert_eq!(v2["channel_type"], 2);
    assert_eq!(v1["channelId"], v2["channel_id"]);
    assert_eq!(
        v1["members"][0]["createTime"],
        v2["member_list"][0]["join_time"]
    );
    assert_eq!(v1["members"][0]["accid"], "bob");
    // The join moved the room's end to 2 hours after it.
    assert_eq!(
        v2["member_list"][0]["expire_time"],
        T0 + 1 + ROOM_LIFETIME_MS
    );
}
