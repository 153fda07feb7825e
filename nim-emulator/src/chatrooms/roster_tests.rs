//! The roster's rules, one by one, without HTTP: lists and their order, v1 and v2 paging,
//! the profile (kept or for the session), tags, kicks, and the two answer shapes.

use super::model::{Member, Role};
use super::roster::{check_tags, page_at, page_before};
use super::*;

/// Unix ms.
const NOW: u64 = 1_700_000_000_000;
const SEC: u64 = 1000;

/// A store with one open room of `owner` (made at `NOW`); its id.
fn room() -> (Chatrooms, u64) {
    let mut rooms = Chatrooms::default();
    let new = NewRoom {
        creator: "owner".into(),
        ..NewRoom::default()
    };
    let id = rooms.create(new, NOW).unwrap();
    (rooms, id)
}

/// `accid` enters with client type `client_type` and `tags` at `at`.
fn enter_at(rooms: &mut Chatrooms, id: u64, accid: &str, client_type: u8, tags: &[&str], at: u64) {
    let entry = Entry {
        client_type,
        tags: Some(tags.iter().map(|t| (*t).to_owned()).collect()),
        ..Entry::default()
    };
    rooms.enter(id, accid, entry, at).unwrap();
}

/// Makes `accid` a fixed member of `role` (what setMemberRole will do).
fn make_fixed(rooms: &mut Chatrooms, id: u64, accid: &str, role: Role) {
    rooms
        .get_mut(id)
        .unwrap()
        .members
        .entry(accid.to_owned())
        .or_insert_with(|| Member::new(role))
        .role = role;
}

fn accids(views: &[MemberView<'_>]) -> Vec<String> {
    views.iter().map(|v| v.accid().to_owned()).collect()
}

fn listed(rooms: &Chatrooms, id: u64, filter: MemberFilter) -> Vec<String> {
    accids(&rooms.get(id).unwrap().members_where(filter, |_| true, NOW))
}

fn code(e: ChatroomError) -> u32 {
    e.v1().code()
}

#[test]
fn lists_split_fixed_members_from_online_guests_newest_first() {
    let (mut rooms, id) = room();
    make_fixed(&mut rooms, id, "mgr", Role::Manager);
    make_fixed(&mut rooms, id, "normal", Role::Normal);
    enter_at(&mut rooms, id, "guest1", 16, &[], NOW + SEC);
    enter_at(&mut rooms, id, "mgr", 1, &[], NOW + 2 * SEC);
    enter_at(&mut rooms, id, "guest2", 16, &[], NOW + 3 * SEC);

    // Fixed: the manager entered last; owner and normal never did (the room's time), by id.
    assert_eq!(
        listed(&rooms, id, MemberFilter::Fixed),
        ["mgr", "normal", "owner"]
    );
    assert_eq!(
        listed(&rooms, id, MemberFilter::OnlineGuests),
        ["guest2", "guest1"]
    );
    assert_eq!(listed(&rooms, id, MemberFilter::OnlineFixed), ["mgr"]);
    assert_eq!(
        listed(&rooms, id, MemberFilter::Online),
        ["guest2", "mgr", "guest1"]
    );

    // A blacklisted guest is a restricted fixed member (v1 LIMITED), kept offline.
    rooms
        .get_mut(id)
        .unwrap()
        .members
        .get_mut("guest1")
        .unwrap()
        .blocked = true;
    assert!(listed(&rooms, id, MemberFilter::Fixed).contains(&"guest1".to_owned()));
    assert_eq!(listed(&rooms, id, MemberFilter::OnlineGuests), ["guest2"]);
}

#[test]
fn v1_pages_are_cut_strictly_before_endtime_and_v2_pages_by_offset() {
    let (mut rooms, id) = room();
    for (i, accid) in ["a", "b", "c", "d"].iter().enumerate() {
        enter_at(&mut rooms, id, accid, 16, &[], NOW + (i as u64 + 1) * SEC);
    }
    let all = || {
        rooms
            .get(id)
            .unwrap()
            .members_where(MemberFilter::Online, |_| true, NOW)
    };
    let first = page_before(all(), 0, 2);
    assert_eq!(accids(&first), ["d", "c"]);
    let next = first.last().unwrap().enter_time();
    assert_eq!(accids(&page_before(all(), next, 2)), ["b", "a"]);
    assert!(page_before(all(), NOW + SEC, 10).is_empty());

    let (page, more, next) = page_at(accids(&all()), 1, 2);
    assert_eq!(
        (page, more, next),
        (vec!["c".to_owned(), "b".to_owned()], true, 3)
    );
    let (page, more, next) = page_at(accids(&all()), 3, 2);
    assert_eq!((page, more, next), (vec!["a".to_owned()], false, 4));
}

#[test]
fn a_saved_profile_stays_and_a_session_profile_goes_with_the_last_connection() {
    let (mut rooms, id) = room();
    let change = |nick: &str, persist| ProfileChange {
        nick: Some(nick.into()),
        persist,
        ..ProfileChange::default()
    };
    // The creator offline: kept with save, nothing without.
    assert_eq!(
        rooms
            .update_profile(id, "owner", change("boss", true))
            .unwrap(),
        ProfileOutcome::Saved
    );
    assert_eq!(
        rooms
            .update_profile(id, "owner", change("temp", false))
            .unwrap(),
        ProfileOutcome::Nothing
    );
    let nick = |rooms: &Chatrooms, accid: &str| {
        let room = rooms.get(id).unwrap();
        room.member_view(accid, NOW)
            .and_then(|v| v.nick().map(str::to_owned))
    };
    assert_eq!(nick(&rooms, "owner").as_deref(), Some("boss"));

    // Online: a change without save shows until it leaves.
    enter_at(&mut rooms, id, "owner", 16, &[], NOW);
    assert_eq!(
        rooms
            .update_profile(id, "owner", change("temp", false))
            .unwrap(),
        ProfileOutcome::Session
    );
    assert_eq!(nick(&rooms, "owner").as_deref(), Some("temp"));
    rooms.leave(id, "owner", None, NOW).unwrap();
    assert_eq!(nick(&rooms, "owner").as_deref(), Some("boss"));

    // A guest: save has no effect beyond the session; offline, it is no member (404).
    enter_at(&mut rooms, id, "guest", 16, &[], NOW);
    assert_eq!(
        rooms
            .update_profile(id, "guest", change("g", true))
            .unwrap(),
        ProfileOutcome::Session
    );
    assert_eq!(nick(&rooms, "guest").as_deref(), Some("g"));
    rooms.leave(id, "guest", None, NOW).unwrap();
    let err = rooms
        .update_profile(id, "guest", change("g", true))
        .unwrap_err();
    assert_eq!(code(err), 404);
}

#[test]
fn tags_change_for_online_members_only_and_count_accounts_once() {
    let (mut rooms, id) = room();
    enter_at(&mut rooms, id, "a", 1, &["vip"], NOW + SEC);
    enter_at(&mut rooms, id, "a", 16, &["vip"], NOW + 2 * SEC);
    enter_at(&mut rooms, id, "b", 16, &["new"], NOW + 3 * SEC);
    let room = rooms.get(id).unwrap();
    assert_eq!(room.tagged_count("vip"), 1);
    let per_connection = room.tagged_connections("vip", NOW);
    assert_eq!(accids(&per_connection), ["a", "a"]);
    assert_eq!(per_connection[0].enter_time(), NOW + 2 * SEC);

    let change = TagChange {
        tags: Some(vec!["vip".into()]),
        notify_target_tags: Some(r#"{"tag":"vip"}"#.into()),
    };
    rooms.set_tags(id, "b", change.clone()).unwrap();
    assert_eq!(rooms.get(id).unwrap().tagged_count("vip"), 2);
    let err = rooms.set_tags(id, "owner", change).unwrap_err();
    assert_eq!(code(err), 404, "the creator is offline");

    assert!(check_tags("tags", &vec!["t".to_owned(); 10]).is_ok());
    assert_eq!(
        code(check_tags("tags", &vec!["t".to_owned(); 11]).unwrap_err()),
        414
    );
    assert_eq!(
        code(check_tags("tags", &["x".repeat(33)]).unwrap_err()),
        414
    );
    assert_eq!(code(check_tags("tags", &[String::new()]).unwrap_err()), 414);
}

#[test]
fn kicks_follow_rank_need_an_online_target_and_keep_fixed_members() {
    let (mut rooms, id) = room();
    make_fixed(&mut rooms, id, "mgr", Role::Manager);
    make_fixed(&mut rooms, id, "mgr2", Role::Manager);
    for accid in ["guest", "mgr2", "owner"] {
        enter_at(&mut rooms, id, accid, 16, &[], NOW);
    }
    // Only the creator and managers kick; a manager kicks neither a manager nor the creator.
    assert_eq!(code(rooms.kick(id, "guest", "mgr2", NOW).unwrap_err()), 403);
    assert_eq!(code(rooms.kick(id, "mgr", "mgr2", NOW).unwrap_err()), 403);
    assert_eq!(code(rooms.kick(id, "mgr", "owner", NOW).unwrap_err()), 403);
    assert_eq!(
        code(rooms.kick(id, "owner", "owner", NOW).unwrap_err()),
        403
    );
    // The target must be online.
    assert_eq!(code(rooms.kick(id, "owner", "mgr", NOW).unwrap_err()), 404);
    assert_eq!(
        code(rooms.kick(id, "owner", "nobody", NOW).unwrap_err()),
        404
    );

    rooms.kick(id, "mgr", "guest", NOW).unwrap();
    rooms.kick(id, "owner", "mgr2", NOW).unwrap();
    let room = rooms.get(id).unwrap();
    assert!(
        !room.members.contains_key("guest"),
        "a kicked guest is gone"
    );
    let kept = &room.members["mgr2"];
    assert_eq!((kept.role, kept.online()), (Role::Manager, false));
    // No ban: it enters again.
    enter_at(&mut rooms, id, "guest", 16, &[], NOW);
}

#[test]
fn the_v1_record_and_the_v2_object_describe_the_same_member() {
    let (mut rooms, id) = room();
    enter_at(&mut rooms, id, "guest", 16, &["vip"], NOW + SEC);
    {
        let m = rooms.get_mut(id).unwrap().members.get_mut("guest").unwrap();
        m.chat_banned = true;
        m.temp_mute_until = Some(NOW + 90 * SEC);
        m.nick = Some("Gus".into());
    }
    let room = rooms.get(id).unwrap();
    let view = room.member_view("guest", NOW).unwrap();
    let v1 = view.v1(true);
    assert_eq!(v1["type"], "LIMITED");
    assert_eq!(v1["nick"], "Gus");
    assert_eq!(v1["onlineStat"], true);
    assert_eq!(v1["enterTime"], NOW + SEC);
    assert_eq!(
        (v1["muted"].clone(), v1["tempMuteTtl"].clone()),
        (true.into(), 90.into())
    );
    assert_eq!(v1["tags"], r#"["vip"]"#);
    assert!(v1.get("blacklisted").is_none(), "unset flags are left out");

    let v2 = view.v2();
    assert_eq!(v2["member_role"], 3);
    assert_eq!(v2["room_nick"], "Gus");
    assert_eq!(v2["chat_banned"], true);
    assert_eq!(v2["blocked"], false);
    assert_eq!(v2["temp_chat_banned_time"], 90);
    assert_eq!(v2["online_count"], 1);
    assert_eq!(v2["online_info_list"][0]["client_type"], 16);
    assert_eq!(v2["tags"], r#"["vip"]"#);

    let owner = room.member_view("owner", NOW).unwrap();
    assert_eq!(owner.v1(false)["type"], "CREATOR");
    assert_eq!(owner.v1(false)["onlineStat"], false);
    assert_eq!(owner.v2()["online_info_list"], serde_json::json!([]));
    assert_eq!(
        owner.enter_time(),
        NOW,
        "never entered: the room's creation"
    );
}

#[test]
fn a_temporary_ban_shows_its_seconds_left_until_it_ends_and_virtual_members_count_as_present() {
    let (mut rooms, id) = room();
    let bot = vec![("bot".to_owned(), RobotProfile::default())];
    rooms.add_robots(id, bot, NOW).unwrap();
    rooms
        .get_mut(id)
        .unwrap()
        .members
        .get_mut("owner")
        .unwrap()
        .temp_mute_until = Some(NOW + 1500);
    let room = rooms.get(id).unwrap();
    let owner = |now| room.member_view("owner", now).unwrap();
    assert_eq!(owner(NOW).temp_mute_left(), Some(2), "rounded up");
    assert_eq!(owner(NOW + 1500).temp_mute_left(), None);
    assert_eq!(owner(NOW + 1500).v2()["temp_chat_banned"], false);
    assert!(owner(NOW + 1500).v1(false).get("tempMuted").is_none());

    // A virtual member has no connection but is in the room: listed with the guests.
    assert_eq!(listed(&rooms, id, MemberFilter::OnlineGuests), ["bot"]);
    let bot = room.member_view("bot", NOW).unwrap();
    assert_eq!(
        (
            bot.v1(false)["isRobot"].clone(),
            bot.v1(false)["type"].clone()
        ),
        (true.into(), "TEMPORARY".into())
    );
    assert_eq!(bot.v1(false)["robotExpirAt"], 24 * 3600, "seconds left");
    assert_eq!(bot.v2()["member_role"], 5);
}

#[test]
fn entries_in_one_second_get_distinct_times_so_pages_neither_skip_nor_repeat() {
    let (mut rooms, id) = room();
    for accid in ["a", "b", "c"] {
        enter_at(&mut rooms, id, accid, 16, &[], NOW + SEC);
    }
    make_fixed(&mut rooms, id, "m1", Role::Normal);
    make_fixed(&mut rooms, id, "m2", Role::Normal);
    let guests = |rooms: &Chatrooms| {
        let room = rooms.get(id).unwrap();
        let views = room.members_where(MemberFilter::OnlineGuests, |_| true, NOW);
        views
            .iter()
            .map(|v| (v.accid().to_owned(), v.enter_time()))
            .collect::<Vec<_>>()
    };
    let times: Vec<u64> = guests(&rooms).iter().map(|(_, t)| *t).collect();
    assert_eq!(times, [NOW + SEC + 2, NOW + SEC + 1, NOW + SEC]);
    // One per page, each asked before the last one's time, while another guest enters in
    // the same second between two pages: each of the first three once, the newcomer
    // above the cut.
    let mut seen = Vec::new();
    let mut endtime = 0;
    loop {
        let page: Vec<(String, u64)> = guests(&rooms)
            .into_iter()
            .filter(|(_, t)| endtime == 0 || *t < endtime)
            .take(1)
            .collect();
        let Some((accid, time)) = page.into_iter().next() else {
            break;
        };
        if seen.is_empty() {
            enter_at(&mut rooms, id, "d", 16, &[], NOW + SEC);
        }
        seen.push(accid);
        endtime = time;
    }
    assert_eq!(seen, ["c", "b", "a"]);
    let room = rooms.get(id).unwrap();
    assert_eq!(
        room.members_where(MemberFilter::OnlineGuests, |_| true, NOW)
            .first()
            .map(|v| v.accid()),
        Some("d")
    );
    // Fixed members that never entered share the room's time too.
    let fixed = room.members_where(MemberFilter::Fixed, |_| true, NOW);
    let times: Vec<u64> = fixed.iter().map(MemberView::enter_time).collect();
    assert_eq!(times, [NOW, NOW - 1, NOW - 2]);
}
