//! The speak rules and the history's rules, without HTTP.

use super::model::{Member, Role};
use super::*;

/// Unix ms.
const NOW: u64 = 1_700_000_000_000;

/// A store with one open room of `owner`, `guest` online in it; the room id.
fn room() -> (Chatrooms, u64) {
    let mut rooms = Chatrooms::default();
    let new = NewRoom {
        creator: "owner".into(),
        ..NewRoom::default()
    };
    let id = rooms.create(new, NOW).unwrap();
    let entry = Entry {
        client_type: 16,
        tags: Some(vec!["vip".into()]),
        ..Entry::default()
    };
    rooms.enter(id, "guest", entry, NOW).unwrap();
    (rooms, id)
}

fn text(from: &str, client_id: &str, words: &str) -> Outgoing {
    Outgoing {
        client_id: client_id.into(),
        from: from.into(),
        msg_type: 0,
        body: words.into(),
        store: true,
        ..Outgoing::default()
    }
}

fn code(e: ChatroomError) -> u32 {
    e.v1().code()
}

fn member<'a>(rooms: &'a mut Chatrooms, id: u64, accid: &str) -> &'a mut Member {
    rooms.get_mut(id).unwrap().members.get_mut(accid).unwrap()
}

fn everything() -> HistoryQuery {
    HistoryQuery {
        limit: 100,
        ..HistoryQuery::default()
    }
}

fn bodies(rooms: &Chatrooms, id: u64, query: &HistoryQuery) -> Vec<String> {
    let (found, _) = rooms.history(id, query).unwrap();
    found.iter().map(|m| m.body.clone()).collect()
}

#[test]
fn anyone_speaks_into_an_open_room_with_its_room_profile_while_in_it() {
    let (mut rooms, id) = room();
    assert!(rooms.send(id, text("owner", "a", "hi"), NOW).is_ok());
    let yo = rooms.send(id, text("guest", "b", "yo"), NOW).unwrap();
    assert_eq!(yo.sender_tags, ["vip"]);
    // Not in the room: sent all the same, with no room profile and no tags.
    let outside = rooms.send(id, text("stranger", "c", "?"), NOW).unwrap();
    assert!(outside.sender_tags.is_empty());
    assert_eq!(
        code(
            rooms
                .send(id + 1, text("owner", "d", "?"), NOW)
                .unwrap_err()
        ),
        404
    );
    rooms.leave(id, "guest", None, NOW).unwrap();
    let gone = rooms.send(id, text("guest", "e", "bye"), NOW).unwrap();
    assert!(gone.sender_tags.is_empty(), "its tags left with it");
    assert_eq!(bodies(&rooms, id, &everything()), ["hi", "yo", "?", "bye"]);
}

#[test]
fn a_closed_room_refuses_messages_with_13002() {
    let (mut rooms, id) = room();
    rooms
        .set_valid(id, "owner", false, (None, None), NOW)
        .unwrap();
    assert_eq!(
        code(rooms.send(id, text("owner", "a", "hi"), NOW).unwrap_err()),
        13002
    );
    assert_eq!(rooms.get(id).unwrap().messages.len(), 0);
}

#[test]
fn blacklisted_banned_and_muted_senders_are_refused() {
    let (mut rooms, id) = room();
    member(&mut rooms, id, "guest").blocked = true;
    assert_eq!(
        code(rooms.send(id, text("guest", "a", "x"), NOW).unwrap_err()),
        13003
    );
    member(&mut rooms, id, "guest").blocked = false;
    member(&mut rooms, id, "guest").chat_banned = true;
    let mut ignoring = text("guest", "b", "x");
    ignoring.ignore_temp_mute = true;
    // Ignoring the temporary mute does not lift a permanent ban.
    assert_eq!(
        code(rooms.send(id, ignoring.clone(), NOW).unwrap_err()),
        13004
    );
    member(&mut rooms, id, "guest").chat_banned = false;
    member(&mut rooms, id, "guest").temp_mute_until = Some(NOW + 1000);
    assert_eq!(
        code(rooms.send(id, text("guest", "c", "x"), NOW).unwrap_err()),
        13004
    );
    assert!(rooms.send(id, ignoring, NOW).is_ok());
    // The mute expires on the clock.
    assert!(rooms.send(id, text("guest", "d", "x"), NOW + 1000).is_ok());
}

#[test]
fn a_muted_room_lets_only_the_creator_and_managers_speak() {
    let (mut rooms, id) = room();
    rooms.get_mut(id).unwrap().muted = true;
    assert_eq!(
        code(rooms.send(id, text("guest", "a", "x"), NOW).unwrap_err()),
        13004
    );
    assert!(rooms.send(id, text("owner", "b", "x"), NOW).is_ok());
    member(&mut rooms, id, "guest").role = Role::Manager;
    assert!(rooms.send(id, text("guest", "c", "x"), NOW).is_ok());
}

#[test]
fn times_increase_strictly_and_unstored_messages_stay_out() {
    let (mut rooms, id) = room();
    let first = rooms.send(id, text("owner", "a", "1"), NOW).unwrap();
    let second = rooms.send(id, text("owner", "b", "2"), NOW).unwrap();
    assert_eq!((first.time, second.time), (NOW, NOW + 1));
    let mut skipped = text("owner", "c", "3");
    skipped.store = false;
    rooms.send(id, skipped, NOW).unwrap();
    assert_eq!(bodies(&rooms, id, &everything()), ["1", "2"]);
    assert_eq!(second.sender_nick, "");
    assert_eq!(second.client_type, 32);
}

#[test]
fn a_resend_answers_the_stored_message() {
    let (mut rooms, id) = room();
    let first = rooms.send(id, text("owner", "a", "1"), NOW).unwrap();
    let mut again = text("owner", "a", "1");
    again.resend = true;
    assert_eq!(rooms.send(id, again, NOW + 5).unwrap(), first);
    // Without the flag a repeated id is stored again.
    rooms.send(id, text("owner", "a", "1"), NOW + 6).unwrap();
    assert_eq!(rooms.get(id).unwrap().messages.len(), 2);
}

#[test]
fn recall_needs_the_sender_or_a_manager_and_an_exact_match() {
    let (mut rooms, id) = room();
    let m = rooms.send(id, text("owner", "a", "1"), NOW).unwrap();
    let g = rooms.send(id, text("guest", "b", "2"), NOW).unwrap();
    let target = |m: &RoomMessage| (m.client_id.clone(), m.from.clone(), m.time);
    let (c, f, t) = target(&m);
    let owned = Target {
        client_id: Some(&c),
        from: &f,
        time: t,
    };
    assert_eq!(code(rooms.recall(id, &owned, "guest").unwrap_err()), 403);
    let wrong_time = Target {
        time: t + 7,
        ..owned.clone()
    };
    assert_eq!(
        code(rooms.recall(id, &wrong_time, "owner").unwrap_err()),
        404
    );
    rooms.recall(id, &owned, "owner").unwrap();
    assert_eq!(code(rooms.recall(id, &owned, "owner").unwrap_err()), 404);
    // The creator recalls a guest's message.
    let (c, f, t) = target(&g);
    let guests = Target {
        client_id: Some(&c),
        from: &f,
        time: t,
    };
    rooms.recall(id, &guests, "owner").unwrap();
    assert!(bodies(&rooms, id, &everything()).is_empty());
    assert!(rooms.get(id).unwrap().messages.iter().all(|m| m.recalled));
}

#[test]
fn delete_names_the_message_by_sender_and_time() {
    let (mut rooms, id) = room();
    let m = rooms.send(id, text("owner", "a", "1"), NOW).unwrap();
    rooms.send(id, text("owner", "b", "2"), NOW).unwrap();
    let target = Target {
        client_id: None,
        from: "owner",
        time: m.time,
    };
    rooms.delete_message(id, &target).unwrap();
    assert_eq!(code(rooms.delete_message(id, &target).unwrap_err()), 404);
    assert_eq!(bodies(&rooms, id, &everything()), ["2"]);
}

#[test]
fn history_filters_orders_and_pages() {
    let (mut rooms, id) = room();
    for (i, from) in ["owner", "guest", "owner", "guest"].iter().enumerate() {
        let mut out = text(from, &format!("c{i}"), &i.to_string());
        if i == 2 {
            out.msg_type = 100;
        }
        rooms.send(id, out, NOW).unwrap();
    }
    let descending = HistoryQuery {
        descending: true,
        limit: 2,
        ..HistoryQuery::default()
    };
    let (page, more) = rooms.history(id, &descending).unwrap();
    assert_eq!(
        page.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(),
        ["3", "2"]
    );
    assert!(more);
    let next = HistoryQuery {
        before: Some(page[1].time),
        ..descending.clone()
    };
    let (page, more) = rooms.history(id, &next).unwrap();
    assert_eq!(
        page.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(),
        ["1", "0"]
    );
    assert!(!more);
    let owners_text = HistoryQuery {
        sender: Some("owner".into()),
        types: Some(vec![0]),
        ..everything()
    };
    assert_eq!(bodies(&rooms, id, &owners_text), ["0"]);
    let after = HistoryQuery {
        after: Some(NOW + 1),
        ..everything()
    };
    assert_eq!(bodies(&rooms, id, &after), ["2", "3"]);
    let tagged = HistoryQuery {
        tags: Some(vec!["vip".into()]),
        ..everything()
    };
    assert_eq!(bodies(&rooms, id, &tagged), ["1", "3"]);
}

#[test]
fn a_silent_delete_by_an_operator_follows_the_recall_rules() {
    let (mut rooms, id) = room();
    let m = rooms.send(id, text("owner", "a", "1"), NOW).unwrap();
    let target = Target {
        client_id: Some("a"),
        from: "owner",
        time: m.time,
    };
    assert_eq!(
        code(rooms.delete_as(id, &target, "guest").unwrap_err()),
        403
    );
    rooms.delete_as(id, &target, "owner").unwrap();
    let stored = &rooms.get(id).unwrap().messages[0];
    assert!(stored.deleted && !stored.recalled);
    assert_eq!(
        code(rooms.delete_as(id, &target, "owner").unwrap_err()),
        404
    );
}

#[test]
fn a_tag_mute_silences_its_carriers_until_it_expires() {
    let (mut rooms, id) = room();
    rooms.tag_mute(id, Some("owner"), "vip", 60, NOW).unwrap();
    assert_eq!(
        code(rooms.send(id, text("guest", "a", "x"), NOW).unwrap_err()),
        13004
    );
    // The creator carries no tag; ignoring temporary mutes ignores a tag mute too.
    assert!(rooms.send(id, text("owner", "b", "x"), NOW).is_ok());
    let mut ignoring = text("guest", "c", "x");
    ignoring.ignore_temp_mute = true;
    assert!(rooms.send(id, ignoring, NOW).is_ok());
    assert!(
        rooms
            .send(id, text("guest", "d", "x"), NOW + 60_000)
            .is_ok()
    );
}
