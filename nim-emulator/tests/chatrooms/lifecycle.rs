//! The v1 chatroom lifecycle actions (`chatroom/*.action`) over HTTP: create, read, update,
//! close and reopen, delay close on the emulator's clock, the enter/leave notification
//! switch, addresses and a creator's open rooms; clients entering and leaving through the
//! admin routes; the refusals with their codes (403, 404, 414, 417, 13002).

use crate::{admin, admin_get, create, enter, get, harness, ok, toggle};
use nim_emulator::ChatroomRole;
use serde_json::json;

#[tokio::test]
async fn create_answers_the_room_and_get_reads_it_back() {
    let h = harness().await;
    let params = [
        ("creator", "Owner"),
        ("name", "Lobby"),
        ("announcement", "welcome"),
        ("broadcasturl", "https://live.example/1"),
        ("ext", r#"{"k":1}"#),
        ("queuelevel", "1"),
        ("bid", r#"{"textbid":"t"}"#),
    ];
    let answer = ok(h.call("chatroom/create.action", &params).await);
    let room = &answer["chatroom"];
    assert_eq!(room["creator"], "owner");
    assert_eq!(room["name"], "Lobby");
    assert_eq!(room["valid"], true);
    assert_eq!(room["muted"], false);
    assert_eq!(room["queuelevel"], 1);
    assert_eq!(room["delayInfo"]["delayClosePolicy"], 0);
    assert_eq!(room["delayInfo"]["delayCloseEnable"], false);
    let id = room["roomid"].as_u64().unwrap().to_string();

    let got = get(&h, &id).await;
    assert_eq!(got["announcement"], "welcome");
    assert_eq!(got["broadcasturl"], "https://live.example/1");
    assert_eq!(got["ext"], r#"{"k":1}"#);
    assert_eq!(got["ionotify"], true);
    assert_eq!(got["onlineusercount"], 0);
    let plain = ok(h.call("chatroom/get.action", &[("roomid", &id)]).await);
    assert!(plain["chatroom"].get("onlineusercount").is_none());

    let record = h.emu.chatroom(id.parse().unwrap()).unwrap();
    assert_eq!(record.member("owner").unwrap().role, ChatroomRole::Creator);
}

#[tokio::test]
async fn create_checks_its_parameters() {
    let h = harness().await;
    let long = "n".repeat(129);
    for (params, needle) in [
        (vec![("name", "Lobby")], "creator"),
        (vec![("creator", "owner")], "name"),
        (vec![("creator", "owner"), ("name", long.as_str())], "name"),
        (vec![("creator", "nobody"), ("name", "x")], "not register"),
        (
            vec![("creator", "owner"), ("name", "x"), ("queuelevel", "2")],
            "queuelevel",
        ),
        (
            vec![
                ("creator", "owner"),
                ("name", "x"),
                ("delayClosePolicy", "3"),
            ],
            "delayClosePolicy",
        ),
        (
            vec![
                ("creator", "owner"),
                ("name", "x"),
                ("delaySeconds", "604801"),
            ],
            "delaySeconds",
        ),
        (
            vec![("creator", "owner"), ("name", "x"), ("bid", "[1]")],
            "bid",
        ),
    ] {
        h.call("chatroom/create.action", &params)
            .await
            .assert_error(414, needle);
    }
}

#[tokio::test]
async fn get_batch_lists_found_and_missing_rooms_with_numbers_or_strings() {
    let h = harness().await;
    let a = create(&h, &[]).await;
    let b = create(&h, &[("name", "Second")]).await;
    // The Java SDK's spacing, the docs' strings, and numbers, mixed.
    let ids = format!(r#"["{b}", {a}, 42]"#);
    let answer = ok(h
        .call("chatroom/getBatch.action", &[("roomids", &ids)])
        .await);
    let found: Vec<String> = answer["succRooms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["roomid"].as_u64().unwrap().to_string())
        .collect();
    assert_eq!(found, [b.clone(), a.clone()]);
    assert_eq!(answer["succRooms"][0]["name"], "Second");
    assert_eq!(answer["noExistRooms"], json!([42]));
    assert_eq!(answer["failRooms"], json!([]));

    let many = json!((1..=21).collect::<Vec<u64>>()).to_string();
    h.call("chatroom/getBatch.action", &[("roomids", &many)])
        .await
        .assert_error(414, "1 to 20");
    h.call("chatroom/getBatch.action", &[("roomids", "[]")])
        .await
        .assert_error(414, "roomids");
    h.call("chatroom/getBatch.action", &[("roomids", "1,2")])
        .await
        .assert_error(414, "roomids");
    // A repeat is refused, as nim-api refuses it before sending.
    let twice = format!(r#"[{a}, "{a}"]"#);
    h.call("chatroom/getBatch.action", &[("roomids", &twice)])
        .await
        .assert_error(414, "twice");
}

#[tokio::test]
async fn update_changes_only_what_it_sets() {
    let h = harness().await;
    let id = create(&h, &[("announcement", "old"), ("ext", "e")]).await;
    let params = [
        ("roomid", id.as_str()),
        ("name", "Renamed"),
        ("announcement", ""),
        ("needNotify", "false"),
        ("notifyExt", "{}"),
        ("queuelevel", "1"),
    ];
    let answer = ok(h.call("chatroom/update.action", &params).await);
    let room = &answer["chatroom"];
    assert_eq!(room["name"], "Renamed");
    assert!(
        room.get("announcement").is_none(),
        "a cleared text is left out: {room}"
    );
    assert_eq!(room["ext"], "e");
    assert!(get(&h, &id).await.get("announcement").is_none());
    assert!(
        room.get("queuelevel").is_none(),
        "update answers seven fields"
    );
    assert_eq!(get(&h, &id).await["queuelevel"], 1);

    h.call("chatroom/update.action", &[("roomid", &id), ("name", " ")])
        .await
        .assert_error(414, "name");
    h.call("chatroom/update.action", &[("roomid", "1"), ("name", "x")])
        .await
        .assert_error(404, "does not exist");
}

#[tokio::test]
async fn closing_kicks_members_refuses_entering_and_reopening_an_open_room_is_417() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    toggle(&h, &id, "owner", "true")
        .await
        .assert_error(417, "already open");
    toggle(&h, &id, "other", "false")
        .await
        .assert_error(403, "creator");
    let (status, _) = enter(&h, &id, "guest", &["vip"]).await;
    assert_eq!(status, 200);
    assert_eq!(get(&h, &id).await["onlineusercount"], 1);

    let closed = ok(toggle(&h, &id, "owner", "false").await);
    assert_eq!(closed["desc"]["valid"], false);
    assert!(closed["desc"]["delayInfo"].is_object());
    let room = get(&h, &id).await;
    assert_eq!(room["valid"], false);
    assert_eq!(room["onlineusercount"], 0);
    assert!(
        h.emu
            .chatroom(id.parse().unwrap())
            .unwrap()
            .member("guest")
            .is_none()
    );

    // Members and later actions are refused.
    let (status, error) = enter(&h, &id, "guest", &[]).await;
    assert_eq!(status, 400);
    assert!(
        error["error"].as_str().unwrap().contains("13002"),
        "{error}"
    );
    h.call(
        "chatroom/requestAddr.action",
        &[("roomid", &id), ("accid", "guest")],
    )
    .await
    .assert_error(13002, "closed");
    toggle(&h, &id, "owner", "false")
        .await
        .assert_error(417, "already closed");

    let reopened = ok(toggle(&h, &id, "owner", "true").await);
    assert_eq!(reopened["desc"]["valid"], true);
    assert_eq!(enter(&h, &id, "guest", &[]).await.0, 200);
}

#[tokio::test]
async fn a_refused_reopen_leaves_the_room_closed() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    ok(toggle(&h, &id, "owner", "false").await);
    let params = [
        ("roomid", id.as_str()),
        ("operator", "owner"),
        ("valid", "true"),
        ("delayClosePolicy", "1"),
        ("delaySeconds", "604801"),
    ];
    h.call("chatroom/toggleCloseStat.action", &params)
        .await
        .assert_error(414, "delaySeconds");
    let room = get(&h, &id).await;
    assert_eq!(room["valid"], false);
    let record = h.emu.chatroom(id.parse().unwrap()).unwrap();
    assert_eq!(
        (record.delay_close_policy, record.close_deadline),
        (0, None)
    );
    let (status, error) = enter(&h, &id, "guest", &[]).await;
    assert_eq!(status, 400);
    assert!(
        error["error"].as_str().unwrap().contains("13002"),
        "{error}"
    );
}

#[tokio::test]
async fn a_missing_valid_is_414_as_the_go_sdk_meets_it() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let params = [("roomid", id.as_str()), ("operator", "owner")];
    h.call("chatroom/toggleCloseStat.action", &params)
        .await
        .assert_error(414, "valid");
}

#[tokio::test]
async fn a_fixed_time_policy_closes_the_room_on_the_emulators_clock() {
    let h = harness().await;
    let id = create(&h, &[("delayClosePolicy", "1"), ("delaySeconds", "600")]).await;
    let info = get(&h, &id).await;
    assert_eq!(info["valid"], true);
    let record = h.emu.chatroom(id.parse().unwrap()).unwrap();
    assert_eq!(
        record.close_deadline,
        Some((crate::common::T0 + 600) * 1000)
    );

    // Setting it again restarts the countdown from now.
    h.emu.advance_clock(300);
    let params = [
        ("roomid", id.as_str()),
        ("delayClosePolicy", "1"),
        ("delaySeconds", "600"),
    ];
    let answer = ok(h
        .call("chatroom/updateDelayClosePolicy.action", &params)
        .await);
    let delay = &answer["chatroom"]["delayInfo"];
    assert_eq!(delay["delayCloseEnable"], true);
    assert_eq!(delay["delaySeconds"], 600);
    assert_eq!(delay["status"], 1);
    assert_eq!(delay["startTime"], (crate::common::T0 + 300) * 1000);
    h.emu.advance_clock(599);
    assert_eq!(get(&h, &id).await["valid"], true);
    h.emu.advance_clock(1);
    assert_eq!(get(&h, &id).await["valid"], false);
    let ids = ok(h
        .call("chatroom/queryUserRoomIds.action", &[("creator", "owner")])
        .await);
    assert_eq!(ids["desc"]["roomids"], json!([]));
}

#[tokio::test]
async fn an_idle_policy_counts_from_the_moment_the_room_empties() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    assert_eq!(enter(&h, &id, "guest", &[]).await.0, 200);
    let params = [
        ("roomid", id.as_str()),
        ("delayClosePolicy", "2"),
        ("delaySeconds", "60"),
    ];
    let answer = ok(h
        .call("chatroom/updateDelayClosePolicy.action", &params)
        .await);
    assert_eq!(answer["chatroom"]["delayInfo"]["status"], 0);
    h.emu.advance_clock(3600);
    assert_eq!(get(&h, &id).await["valid"], true, "occupied: no countdown");

    let leave = json!({"roomid": id.parse::<u64>().unwrap(), "accid": "guest"});
    let (status, _) = admin(&h, "_emulator/state/chatroom_leave", leave.clone()).await;
    assert_eq!(status, 200);
    h.emu.advance_clock(59);
    assert_eq!(get(&h, &id).await["valid"], true);
    h.emu.advance_clock(1);
    assert_eq!(get(&h, &id).await["valid"], false);
    // Nobody is left to leave.
    assert_eq!(
        admin(&h, "_emulator/state/chatroom_leave", leave).await.0,
        404
    );
}

#[tokio::test]
async fn the_in_out_notification_switch_is_seen_by_get() {
    let h = harness().await;
    let id = create(&h, &[("inOutNotification", "0")]).await;
    assert_eq!(get(&h, &id).await["ionotify"], false);
    let params = [("roomid", id.as_str()), ("close", "false")];
    let answer = ok(h
        .call("chatroom/updateInOutNotification.action", &params)
        .await);
    assert_eq!(answer, json!({"code": 200}));
    assert_eq!(get(&h, &id).await["ionotify"], true);
    let params = [("roomid", id.as_str()), ("close", "true")];
    ok(h.call("chatroom/updateInOutNotification.action", &params)
        .await);
    assert_eq!(get(&h, &id).await["ionotify"], false);
    h.call(
        "chatroom/updateInOutNotification.action",
        &[("roomid", &id)],
    )
    .await
    .assert_error(414, "close");
    let params = [("roomid", "7"), ("close", "true")];
    h.call("chatroom/updateInOutNotification.action", &params)
        .await
        .assert_error(404, "does not exist");
}

#[tokio::test]
async fn request_addr_answers_addresses_and_query_user_room_ids_lists_open_rooms() {
    let h = harness().await;
    let a = create(&h, &[]).await;
    let b = create(&h, &[]).await;
    let params = [
        ("roomid", a.as_str()),
        ("accid", "guest"),
        ("clienttype", "2"),
    ];
    let answer = ok(h.call("chatroom/requestAddr.action", &params).await);
    let addr = answer["addr"].as_array().unwrap();
    assert!(!addr.is_empty());
    assert!(addr[0].as_str().unwrap().contains("commonlink"));
    let bad = [
        ("roomid", a.as_str()),
        ("accid", "guest"),
        ("clienttype", "4"),
    ];
    h.call("chatroom/requestAddr.action", &bad)
        .await
        .assert_error(414, "clienttype");
    // An unregistered account is 404 (the official requestAddr page); so is an unknown room.
    let stranger = [("roomid", a.as_str()), ("accid", "stranger")];
    h.call("chatroom/requestAddr.action", &stranger)
        .await
        .assert_error(404, "stranger");
    let no_room = [("roomid", "1"), ("accid", "guest")];
    h.call("chatroom/requestAddr.action", &no_room)
        .await
        .assert_error(404, "does not exist");

    // A client enters one of them (with tags); the rooms stay the creator's.
    let (status, _) = enter(&h, &a, "guest", &["vip", "new"]).await;
    assert_eq!(status, 200);
    let record = h.emu.chatroom(a.parse().unwrap()).unwrap();
    let guest = record.member("guest").unwrap();
    assert_eq!(guest.role, ChatroomRole::Guest);
    assert_eq!(guest.tags, ["vip", "new"]);
    assert_eq!(guest.connections, [16]);

    let ids = ok(h
        .call("chatroom/queryUserRoomIds.action", &[("creator", "owner")])
        .await);
    assert_eq!(ids["desc"]["roomids"], json!([a, b]));
    ok(toggle(&h, &b, "owner", "false").await);
    let ids = ok(h
        .call("chatroom/queryUserRoomIds.action", &[("creator", "owner")])
        .await);
    assert_eq!(ids["desc"]["roomids"], json!([a]));
    let none = ok(h
        .call("chatroom/queryUserRoomIds.action", &[("creator", "other")])
        .await);
    assert_eq!(none["desc"]["roomids"], json!([])); // An unknown creator: an empty list (the emulator's choice, unconfirmed).
    let unknown = ok(h
        .call("chatroom/queryUserRoomIds.action", &[("creator", "nobody")])
        .await);
    assert_eq!(unknown["desc"]["roomids"], json!([]));
}

#[tokio::test]
async fn the_admin_routes_show_rooms_and_check_what_enters() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let (status, error) = enter(&h, "1", "guest", &[]).await;
    assert_eq!(status, 404, "{error}");
    let (status, error) = enter(&h, &id, "stranger", &[]).await;
    assert_eq!(status, 400, "{error}");
    let body = json!({"roomid": id.parse::<u64>().unwrap(), "accid": "stranger", "anonymous": true,
                      "client_type": 4, "nick": "Visitor"});
    assert_eq!(
        admin(&h, "_emulator/state/chatroom_enter", body).await.0,
        200
    );

    let view = admin_get(&h, &format!("_emulator/state/chatrooms?roomid={id}")).await;
    assert_eq!(view["online_count"], 1);
    let stranger = view["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["accid"] == "stranger")
        .unwrap();
    assert_eq!(stranger["role"], "anonymous");
    assert_eq!(stranger["nick"], "Visitor");
    assert_eq!(stranger["connections"], json!([4]));
    let list = admin_get(&h, "_emulator/state/chatrooms?creator=OWNER").await;
    assert_eq!(list["rooms"].as_array().unwrap().len(), 1);
    // Tags at most 10 of at most 32 characters, a nick at most 64.
    let room: u64 = id.parse().unwrap();
    let eleven: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
    let ten = &eleven[..10];
    for body in [
        json!({"roomid": room, "accid": "guest", "tags": eleven}),
        json!({"roomid": room, "accid": "guest", "tags": ["x".repeat(33)]}),
        json!({"roomid": room, "accid": "guest", "nick": "n".repeat(65)}),
    ] {
        let (status, error) = admin(&h, "_emulator/state/chatroom_enter", body).await;
        assert_eq!(status, 400, "{error}");
    }
    let body = json!({"roomid": room, "accid": "guest", "tags": ten, "nick": "n".repeat(64)});
    let (status, error) = admin(&h, "_emulator/state/chatroom_enter", body).await;
    assert_eq!(status, 200, "{error}");
    h.emu.leave_chatroom(room, "guest").unwrap();

    // The Rust side checks what the route checks: a registered, valid account id.
    let error = h
        .emu
        .enter_chatroom(room, "stranger2", 16, &[])
        .unwrap_err();
    assert!(error.contains("not register"), "{error}");
    let error = h.emu.enter_chatroom(room, "bad id", 16, &[]).unwrap_err();
    assert!(error.contains("accid"), "{error}");
    h.emu.enter_chatroom(room, "Guest", 16, &["vip"]).unwrap();
}
