//! A room's members over HTTP: the v1 member actions (kickMember, updateMyRoomRole,
//! membersByPage, queryMembersByRole, queryMembers, the tag actions) and the v2 ones
//! (chatroom listOnlineMembers, listFixedMembers; chatroom_member updateOnlineMemberInfo,
//! batchQueryChatroomMembers, kickMember, modifyMemberTags, queryTaggedMembersCount,
//! listTaggedMembers), with clients entering through the admin route, and the refusals
//! with their codes (403, 404, 414).

use crate::common::Harness;
use crate::{admin, create, get, harness, ok};
use serde_json::{Value, json};

/// `accid`'s client of `client_type` enters room `id` with `tags` (and `nick`).
async fn enter_as(h: &Harness, id: &str, accid: &str, client_type: u8, tags: &[&str]) {
    let body = json!({
        "roomid": id.parse::<u64>().unwrap(), "accid": accid, "client_type": client_type,
        "tags": tags,
    });
    let (status, answer) = admin(h, "_emulator/state/chatroom_enter", body).await;
    assert_eq!(status, 200, "{answer}");
}

/// The accids of a v1 `desc.data` list.
fn accids_v1(answer: &Value) -> Vec<String> {
    answer["desc"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["accid"].as_str().unwrap().to_owned())
        .collect()
}

/// The accids of v2 items.
fn accids_v2(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["account_id"].as_str().unwrap().to_owned())
        .collect()
}

/// A room of `owner` with `guest` (entered first) and `other` (a second later) online.
async fn room_with_guests(h: &Harness) -> String {
    let id = create(h, &[]).await;
    enter_as(h, &id, "guest", 16, &["vip"]).await;
    h.clock.advance(1);
    enter_as(h, &id, "other", 1, &["new"]).await;
    id
}

/// `owner` and `guest` as `chatroom/queryMembers.action` answers them.
async fn query_members(h: &Harness, id: &str) -> Value {
    let params = [("roomid", id), ("accids", r#"["owner","guest"]"#)];
    ok(h.call("chatroom/queryMembers.action", &params).await)
}

async fn by_page(
    h: &Harness,
    id: &str,
    kind: &str,
    endtime: &str,
    limit: &str,
) -> crate::common::Answer {
    let params = [
        ("roomid", id),
        ("type", kind),
        ("endtime", endtime),
        ("limit", limit),
    ];
    h.call("chatroom/membersByPage.action", &params).await
}

#[tokio::test]
async fn members_by_page_lists_fixed_members_and_online_guests_newest_first() {
    let h = harness().await;
    let id = room_with_guests(&h).await;

    let fixed = ok(by_page(&h, &id, "0", "0", "100").await);
    assert_eq!(accids_v1(&fixed), ["owner"]);
    let owner = &fixed["desc"]["data"][0];
    assert_eq!(owner["type"], "CREATOR");
    assert_eq!(owner["onlineStat"], false);
    assert_eq!(owner["roomid"].as_u64().unwrap().to_string(), id);

    let guests = ok(by_page(&h, &id, "1", "0", "100").await);
    assert_eq!(accids_v1(&guests), ["other", "guest"]);
    assert_eq!(guests["desc"]["data"][0]["type"], "TEMPORARY");
    assert_eq!(guests["desc"]["data"][0]["onlineStat"], true);
    assert!(
        ok(by_page(&h, &id, "2", "0", "100").await)["desc"]["data"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Paging: one at a time, the next page strictly before the last member's time.
    let first = ok(by_page(&h, &id, "1", "0", "1").await);
    assert_eq!(accids_v1(&first), ["other"]);
    let cursor = first["desc"]["data"][0]["enterTime"]
        .as_u64()
        .unwrap()
        .to_string();
    let second = ok(by_page(&h, &id, "1", &cursor, "1").await);
    assert_eq!(accids_v1(&second), ["guest"]);

    // The creator online is an online fixed member.
    enter_as(&h, &id, "owner", 16, &[]).await;
    assert_eq!(
        accids_v1(&ok(by_page(&h, &id, "2", "0", "10").await)),
        ["owner"]
    );

    by_page(&h, &id, "3", "0", "10")
        .await
        .assert_error(414, "type");
    by_page(&h, &id, "0", "0", "101")
        .await
        .assert_error(414, "limit");
    by_page(&h, &id, "0", "0", "0")
        .await
        .assert_error(414, "limit");
    let params = [("roomid", id.as_str()), ("type", "0"), ("limit", "10")];
    h.call("chatroom/membersByPage.action", &params)
        .await
        .assert_error(414, "endtime");
    by_page(&h, "1", "0", "0", "10")
        .await
        .assert_error(404, "does not exist");
}

#[tokio::test]
async fn members_are_read_by_role_and_by_account() {
    let h = harness().await;
    let id = room_with_guests(&h).await;
    let roles = [
        ("roomid", id.as_str()),
        ("roles", r#"{"creator":true,"manager":true}"#),
    ];
    let answer = ok(h.call("chatroom/queryMembersByRole.action", &roles).await);
    assert_eq!(accids_v1(&answer), ["owner"]);
    let none = [("roomid", id.as_str()), ("roles", r#"{"mute":true}"#)];
    let answer = ok(h.call("chatroom/queryMembersByRole.action", &none).await);
    assert!(accids_v1(&answer).is_empty());
    let bad = [("roomid", id.as_str()), ("roles", "[1]")];
    h.call("chatroom/queryMembersByRole.action", &bad)
        .await
        .assert_error(414, "roles");

    let accids = r#"["Guest","nobody","owner","guest"]"#;
    let params = [("roomid", id.as_str()), ("accids", accids)];
    let answer = ok(h.call("chatroom/queryMembers.action", &params).await);
    assert_eq!(
        accids_v1(&answer),
        ["guest", "owner"],
        "asked order, members only, once"
    );
    let many =
        serde_json::to_string(&(0..201).map(|i| format!("a{i}")).collect::<Vec<_>>()).unwrap();
    let params = [("roomid", id.as_str()), ("accids", many.as_str())];
    h.call("chatroom/queryMembers.action", &params)
        .await
        .assert_error(414, "accids");
}

#[tokio::test]
async fn kick_member_drops_an_online_member_and_checks_the_operator() {
    let h = harness().await;
    let id = room_with_guests(&h).await;
    let kick = |target: &'static str, operator: &'static str| {
        let id = id.clone();
        let h = &h;
        async move {
            let params = [
                ("roomid", id.as_str()),
                ("targetAccid", target),
                ("accid", operator),
                ("notifyExt", "bye"),
            ];
            h.call("chatroom/kickMember.action", &params).await
        }
    };
    kick("guest", "other")
        .await
        .assert_error(403, "no permission");
    enter_as(&h, &id, "owner", 16, &[]).await;
    kick("owner", "owner")
        .await
        .assert_error(403, "no permission");
    ok(kick("guest", "owner").await);
    assert_eq!(get(&h, &id).await["onlineusercount"], 2);
    assert!(
        h.emu
            .chatroom(id.parse().unwrap())
            .unwrap()
            .member("guest")
            .is_none()
    );
    kick("guest", "owner").await.assert_error(404, "not online");
    kick("guest", "nobody")
        .await
        .assert_error(414, "not register");
    // No ban: the kicked guest enters again.
    enter_as(&h, &id, "guest", 16, &[]).await;
}

#[tokio::test]
async fn update_my_room_role_keeps_a_saved_profile_and_a_session_one_until_leaving() {
    let h = harness().await;
    let id = room_with_guests(&h).await;
    let update = |accid: &'static str, nick: &'static str, save: &'static str| {
        let id = id.clone();
        let h = &h;
        async move {
            let params = [
                ("roomid", id.as_str()),
                ("accid", accid),
                ("nick", nick),
                ("avator", "https://a/1.png"),
                ("save", save),
                ("needNotify", "true"),
            ];
            h.call("chatroom/updateMyRoomRole.action", &params).await
        }
    };
    let nick_of = |answer: &Value, accid: &str| {
        answer["desc"]["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["accid"] == accid)
            .map(|m| m["nick"].clone())
    };
    // The creator, offline: saved with save=true; without, 200 and nothing changes.
    ok(update("owner", "Boss", "true").await);
    ok(update("owner", "Nobody", "false").await);
    let answer = query_members(&h, &id).await;
    assert_eq!(nick_of(&answer, "owner"), Some(json!("Boss")));
    assert_eq!(answer["desc"]["data"][0]["avator"], "https://a/1.png");
    // A guest: for its connections, gone when it leaves.
    ok(update("guest", "Gus", "false").await);
    assert_eq!(
        nick_of(&query_members(&h, &id).await, "guest"),
        Some(json!("Gus"))
    );
    h.emu.leave_chatroom(id.parse().unwrap(), "guest").unwrap();
    update("guest", "Gus", "false")
        .await
        .assert_error(404, "not in");

    let long = "名".repeat(65);
    let params = [
        ("roomid", id.as_str()),
        ("accid", "owner"),
        ("nick", long.as_str()),
    ];
    h.call("chatroom/updateMyRoomRole.action", &params)
        .await
        .assert_error(414, "nick");
    let params = [("roomid", id.as_str()), ("accid", "owner"), ("bid", "x")];
    h.call("chatroom/updateMyRoomRole.action", &params)
        .await
        .assert_error(414, "bid");
}

#[tokio::test]
async fn tags_are_counted_per_account_listed_per_connection_and_replaced() {
    let h = harness().await;
    let id = room_with_guests(&h).await;
    h.clock.advance(1);
    enter_as(&h, &id, "guest", 1, &["vip"]).await;
    let count = |tag: &'static str| {
        let params = [("roomid", id.clone()), ("tag", tag.to_owned())];
        let h = &h;
        async move {
            let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
            ok(h.call("chatroom/tagMembersCount.action", &params).await)["data"].clone()
        }
    };
    assert_eq!(
        count("vip").await,
        json!({"tag": "vip", "onlineUserCount": 1})
    );

    let params = [
        ("roomid", id.as_str()),
        ("tag", "vip"),
        ("endTime", "0"),
        ("limit", "10"),
    ];
    let answer = ok(h.call("chatroom/tagMembersQuery.action", &params).await);
    assert_eq!(
        accids_v1(&answer),
        ["guest", "guest"],
        "one record per connection"
    );
    assert_eq!(answer["desc"]["data"][0]["tags"], r#"["vip"]"#);

    let update = [
        ("roomId", id.as_str()),
        ("accid", "other"),
        ("tags", r#"["vip","gold"]"#),
        ("notifyTargetTags", r#"{"tag":"vip"}"#),
    ];
    ok(h.call("chatroom/updateChatRoomRoleTag.action", &update)
        .await);
    assert_eq!(count("vip").await["onlineUserCount"], 2);
    assert_eq!(count("new").await["onlineUserCount"], 0);
    let params = [
        ("roomid", id.as_str()),
        ("tag", "gold"),
        ("endTime", "0"),
        ("limit", "10"),
    ];
    let answer = ok(h.call("chatroom/tagMembersQuery.action", &params).await);
    assert_eq!(
        answer["desc"]["data"][0]["notifyTargetTags"],
        r#"{"tag":"vip"}"#
    );

    let offline = [
        ("roomId", id.as_str()),
        ("accid", "owner"),
        ("tags", r#"["vip"]"#),
    ];
    h.call("chatroom/updateChatRoomRoleTag.action", &offline)
        .await
        .assert_error(404, "not online");
    let eleven = serde_json::to_string(&vec!["t"; 11]).unwrap();
    let many = [
        ("roomId", id.as_str()),
        ("accid", "other"),
        ("tags", eleven.as_str()),
    ];
    h.call("chatroom/updateChatRoomRoleTag.action", &many)
        .await
        .assert_error(414, "tags");
}

#[tokio::test]
async fn v2_lists_online_and_fixed_members_by_offset_and_role() {
    let h = harness().await;
    let id = room_with_guests(&h).await;
    let online = |query: &str| format!("im/v2/chatrooms/{id}/actions/list_online_members?{query}");
    let page = h.v2("GET", &online("offset=0&limit=1"), None).await.data();
    assert_eq!(accids_v2(&page["items"]), ["other"]);
    assert_eq!(
        (page["offset"].clone(), page["has_more"].clone()),
        (json!(1), json!(true))
    );
    let item = &page["items"][0];
    assert_eq!(item["member_role"], 3);
    assert_eq!(item["is_online"], true);
    assert_eq!(item["online_count"], 1);
    assert_eq!(item["online_info_list"][0]["client_type"], 1);
    assert_eq!(item["tags"], r#"["new"]"#);
    let page = h.v2("GET", &online("offset=1&limit=1"), None).await.data();
    assert_eq!(accids_v2(&page["items"]), ["guest"]);
    assert_eq!(page["has_more"], false);
    let page = h
        .v2("GET", &online("offset=0&limit=10&member_roles=1,2"), None)
        .await
        .data();
    assert!(accids_v2(&page["items"]).is_empty());
    h.v2("GET", &online("limit=101"), None)
        .await
        .assert_v2_error(414, "limit");
    h.v2("GET", &online("member_roles=9"), None)
        .await
        .assert_v2_error(414, "member_roles");

    let fixed = format!("im/v2/chatrooms/{id}/actions/list_members");
    let list = h.v2("GET", &fixed, None).await.data();
    assert_eq!(accids_v2(&list["items"]), ["owner"]);
    assert_eq!(list["items"][0]["member_role"], 1);
    assert_eq!(list["items"][0]["online_info_list"], json!([]));
    let list = h
        .v2("GET", &format!("{fixed}?member_roles=0"), None)
        .await
        .data();
    assert!(accids_v2(&list["items"]).is_empty());
    h.v2("GET", "im/v2/chatrooms/1/actions/list_members", None)
        .await
        .assert_v2_error(404, "does not exist");
}

#[tokio::test]
async fn v2_member_operations_update_query_tag_and_kick() {
    let h = harness().await;
    let id = room_with_guests(&h).await;
    let room: u64 = id.parse().unwrap();

    // updateOnlineMemberInfo: the guest online; the creator offline only with persistence.
    let body = json!({"room_id": room, "room_nick": "Gus", "extension": "x", "accountId": "guest"});
    let member = h
        .v2("PATCH", "im/v2/room_members/guest", Some(body))
        .await
        .data();
    assert_eq!(
        (member["room_nick"].clone(), member["extension"].clone()),
        (json!("Gus"), json!("x"))
    );
    assert_eq!(member["online_info_list"][0]["room_nick"], "Gus");
    let body = json!({"room_id": room, "room_nick": "Boss"});
    h.v2("PATCH", "im/v2/room_members/owner", Some(body))
        .await
        .assert_v2_error(404, "not online");
    let body = json!({"room_id": room, "room_nick": "Boss", "persistence": true});
    let member = h
        .v2("PATCH", "im/v2/room_members/owner", Some(body))
        .await
        .data();
    assert_eq!(member["room_nick"], "Boss");
    assert_eq!(member["is_online"], false);

    // batchQueryChatroomMembers.
    let batch = format!("im/v2/room_members/{id}/actions/batch?account_ids=owner,Guest,nobody");
    let data = h.v2("GET", &batch, None).await.data();
    assert_eq!(accids_v2(&data["success_list"]), ["owner", "guest"]);
    assert_eq!(data["failed_list"][0]["account_id"], "nobody");
    assert_eq!(data["failed_list"][0]["error_code"], 404);

    // Tags.
    let body = json!({"room_id": room, "tags": ["vip"], "notify_target_tags": "{\"tag\":\"vip\"}"});
    h.v2("PATCH", "im/v2/room_members/other/actions/tags", Some(body))
        .await
        .data();
    let count = format!("im/v2/room_members/{id}/actions/tagged_members_count?tag=vip");
    let data = h.v2("GET", &count, None).await.data();
    assert_eq!(data, json!({"tag": "vip", "online_user_count": 2}));
    let list =
        format!("im/v2/room_members/{id}/actions/list_tag_members?tag=vip&offset=0&limit=10");
    let data = h.v2("GET", &list, None).await.data();
    assert_eq!(accids_v2(&data["items"]), ["other", "guest"]);
    assert_eq!(data["items"][0]["notify_target_tags"], "{\"tag\":\"vip\"}");
    let body = json!({"room_id": room});
    h.v2("PATCH", "im/v2/room_members/other/actions/tags", Some(body))
        .await
        .assert_v2_error(414, "tags");
    let body = json!({"room_id": room, "tags": ["x".repeat(33)]});
    h.v2("PATCH", "im/v2/room_members/other/actions/tags", Some(body))
        .await
        .assert_v2_error(414, "tags");
    let body = json!({"room_id": room, "tags": []});
    h.v2("PATCH", "im/v2/room_members/owner/actions/tags", Some(body))
        .await
        .assert_v2_error(404, "not online");

    // kickMember (v2.1).
    let body = json!({"room_id": room, "operator_account_id": "other"});
    h.v2(
        "PATCH",
        "im/v2.1/room_members/guest/actions/kicked",
        Some(body),
    )
    .await
    .assert_v2_error(403, "no permission");
    let body =
        json!({"room_id": room, "operator_account_id": "owner", "notification_enabled": true});
    h.v2(
        "PATCH",
        "im/v2.1/room_members/guest/actions/kicked",
        Some(body.clone()),
    )
    .await
    .data();
    assert_eq!(get(&h, &id).await["onlineusercount"], 1);
    h.v2(
        "PATCH",
        "im/v2.1/room_members/guest/actions/kicked",
        Some(body),
    )
    .await
    .assert_v2_error(404, "not online");
}

#[tokio::test]
async fn members_entering_in_the_same_second_are_each_on_one_page() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    for accid in ["guest", "other"] {
        enter_as(&h, &id, accid, 16, &[]).await;
    }
    let first = ok(by_page(&h, &id, "1", "0", "1").await);
    let cursor = first["desc"]["data"][0]["enterTime"]
        .as_u64()
        .unwrap()
        .to_string();
    let second = ok(by_page(&h, &id, "1", &cursor, "1").await);
    let mut both = accids_v1(&first);
    both.extend(accids_v1(&second));
    // Newest first: `other` entered after `guest`, in the same second.
    assert_eq!(both, ["other", "guest"]);
    let cursor = second["desc"]["data"][0]["enterTime"]
        .as_u64()
        .unwrap()
        .to_string();
    assert!(accids_v1(&ok(by_page(&h, &id, "1", &cursor, "1").await)).is_empty());
}
