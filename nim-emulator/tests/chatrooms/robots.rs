//! Robots and virtual members over HTTP: v1 addRobot, removeRobot, cleanRobot and v2
//! addVirtualMembers, deleteVirtualMembers, clearVirtualMembers, queryVirtualMembers on one
//! store; present without a connection, counted online, gone after 24 hours; the refusals.

use crate::common::Harness;
use crate::{create, harness, ok, toggle};
use nim_emulator::ChatroomRole;
use serde_json::{Value, json};

/// The `desc` list `key` of a robot answer, sent as JSON text.
fn text_list(desc: &Value, key: &str) -> Vec<String> {
    serde_json::from_str(desc[key].as_str().unwrap()).unwrap()
}

async fn query(h: &Harness, id: &str) -> Value {
    let path = format!("im/v2.1/room_members/actions/virtual_members?room_id={id}");
    h.v2("GET", &path, None).await.data()["items"].clone()
}

#[tokio::test]
async fn v1_robots_are_added_listed_by_v2_and_removed() {
    let h = harness().await;
    h.emu.insert_account("bot1", Some("t"));
    let id = create(&h, &[]).await;
    let params = [
        ("roomid", id.as_str()),
        ("accids", r#"["Bot1","owner","nobody"]"#),
        ("roleExt", r#"{"k":1}"#),
    ];
    let desc = ok(h.call("chatroom/addRobot.action", &params).await)["desc"].clone();
    assert_eq!(text_list(&desc, "successAccids"), ["bot1", "owner"]);
    assert_eq!(text_list(&desc, "failAccids"), ["nobody"]);
    assert!(text_list(&desc, "oldAccids").is_empty());

    let record = h.emu.chatroom(id.parse().unwrap()).unwrap();
    let bot = record.member("bot1").unwrap();
    assert_eq!(bot.role, ChatroomRole::Virtual);
    assert!(!bot.online());
    assert_eq!(bot.ext.as_deref(), Some(r#"{"k":1}"#));
    assert_eq!(record.member("owner").unwrap().role, ChatroomRole::Creator);

    let again = [("roomid", id.as_str()), ("accids", r#"["bot1"]"#)];
    let desc = ok(h.call("chatroom/addRobot.action", &again).await)["desc"].clone();
    assert_eq!(text_list(&desc, "oldAccids"), ["bot1"]);

    let items = query(&h, &id).await;
    let ids: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["account_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["bot1", "owner"]);
    assert_eq!(items[0]["extension"], r#"{"k":1}"#);
    assert_eq!(items[0]["enter_time"], h.clock_now() * 1000);

    let remove = [("roomid", id.as_str()), ("accids", r#"["bot1","guest"]"#)];
    let desc = ok(h.call("chatroom/removeRobot.action", &remove).await)["desc"].clone();
    assert_eq!(text_list(&desc, "successAccids"), ["bot1"]);
    assert_eq!(text_list(&desc, "failAccids"), ["guest"]);
    let desc = ok(h
        .call(
            "chatroom/cleanRobot.action",
            &[("roomid", id.as_str()), ("notify", "true")],
        )
        .await)["desc"]
        .clone();
    assert_eq!(desc["size"], 1, "the owner");
    assert_eq!(query(&h, &id).await, json!([]));
    let record = h.emu.chatroom(id.parse().unwrap()).unwrap();
    assert!(record.member("bot1").is_none());
    assert_eq!(record.member("owner").unwrap().robot_until, None);
}

#[tokio::test]
async fn v1_robot_actions_check_their_parameters() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let many: Vec<String> = (0..101).map(|i| format!("a{i}")).collect();
    let many = serde_json::to_string(&many).unwrap();
    for (accids, needle) in [
        ("[]", "accids"),
        (many.as_str(), "at most 100"),
        (r#"["a","A"]"#, "repeats"),
        ("bot1", "JSON array"),
    ] {
        let params = [("roomid", id.as_str()), ("accids", accids)];
        h.call("chatroom/addRobot.action", &params)
            .await
            .assert_error(414, needle);
    }
    let long = "x".repeat(4097);
    let params = [
        ("roomid", id.as_str()),
        ("accids", r#"["guest"]"#),
        ("roleExt", long.as_str()),
    ];
    h.call("chatroom/addRobot.action", &params)
        .await
        .assert_error(414, "roleExt");
    let params = [("roomid", "1"), ("accids", r#"["guest"]"#)];
    h.call("chatroom/addRobot.action", &params)
        .await
        .assert_error(404, "does not exist");
    h.call("chatroom/cleanRobot.action", &[("roomid", "1")])
        .await
        .assert_error(404, "does not exist");
    assert_eq!(toggle(&h, &id, "owner", "false").await.code(), 200);
    let params = [("roomid", id.as_str()), ("accids", r#"["guest"]"#)];
    h.call("chatroom/addRobot.action", &params)
        .await
        .assert_error(13002, "closed");
}

#[tokio::test]
async fn v2_virtual_members_count_online_and_leave_after_24_hours() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    let body = json!({
        "room_id": room,
        "virtual_members": [
            {"account_id": "Guest", "room_nick": "Helper", "room_avatar": "https://a.example/1", "extension": "e"},
            {"account_id": "nobody"},
        ],
        "notification_enabled": true,
    });
    let path = "im/v2/room_members/actions/virtual_members";
    let data = h.v2("POST", path, Some(body)).await.data();
    assert_eq!(data["success_list"], json!(["guest"]));
    assert_eq!(data["failed_list"][0]["account_id"], "nobody");
    assert_eq!(data["failed_list"][0]["error_code"], 102404);

    let items = query(&h, &id).await;
    assert_eq!(items[0]["room_nick"], "Helper");
    assert_eq!(items[0]["room_avatar"], "https://a.example/1");
    let v2_info = format!("im/v2/chatrooms/{id}?need_online_user_count=true");
    assert_eq!(
        h.v2("GET", &v2_info, None).await.data()["online_user_count"],
        1
    );
    let old = format!("im/v2/room_members/actions/virtual_members?room_id={id}");
    assert_eq!(
        h.v2("GET", &old, None).await.data()["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    h.clock.advance(24 * 3600 - 1);
    assert_eq!(query(&h, &id).await.as_array().unwrap().len(), 1);
    h.clock.advance(1);
    assert_eq!(query(&h, &id).await, json!([]));
    assert!(h.emu.chatroom(room).unwrap().member("guest").is_none());
}

#[tokio::test]
async fn v2_virtual_members_are_deleted_and_cleared() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    let add = json!({"room_id": room, "virtual_members": [{"account_id": "guest"}, {"account_id": "other"}]});
    let path = "im/v2/room_members/actions/virtual_members";
    h.v2("POST", path, Some(add)).await.data();

    let delete = format!("{path}?room_id={id}&account_ids=Guest,owner&notification_enabled=false");
    let data = h.v2("DELETE", &delete, None).await.data();
    assert_eq!(data["success_list"], json!(["guest"]));
    assert_eq!(data["failed_list"][0]["account_id"], "owner");
    assert_eq!(data["failed_list"][0]["error_code"], 404);

    let clear = format!("im/v2/room_members/actions/clear_virtual_members?room_id={id}");
    assert_eq!(h.v2("DELETE", &clear, None).await.data()["count"], 1);
    assert_eq!(h.v2("DELETE", &clear, None).await.data()["count"], 0);
    assert_eq!(query(&h, &id).await, json!([]));
}

#[tokio::test]
async fn v2_virtual_member_operations_check_their_parameters() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    let path = "im/v2/room_members/actions/virtual_members";
    let many: Vec<Value> = (0..101)
        .map(|i| json!({"account_id": format!("a{i}")}))
        .collect();
    for (body, code, needle) in [
        (
            json!({"virtual_members": [{"account_id": "guest"}]}),
            414,
            "room_id",
        ),
        (json!({"room_id": room}), 414, "virtual_members"),
        (
            json!({"room_id": room, "virtual_members": []}),
            414,
            "virtual_members",
        ),
        (
            json!({"room_id": room, "virtual_members": many}),
            414,
            "at most 100",
        ),
        (
            json!({"room_id": room, "virtual_members": [{"room_nick": "x"}]}),
            414,
            "account_id",
        ),
        (
            json!({"room_id": room, "virtual_members": [{"account_id": "a"}, {"account_id": "A"}]}),
            414,
            "repeats",
        ),
        (
            json!({"room_id": room, "virtual_members": [{"account_id": "a", "extension": "x".repeat(4097)}]}),
            414,
            "extension",
        ),
        (
            json!({"room_id": 1, "virtual_members": [{"account_id": "guest"}]}),
            404,
            "does not exist",
        ),
    ] {
        h.v2("POST", path, Some(body))
            .await
            .assert_v2_error(code, needle);
    }
    h.v2("DELETE", &format!("{path}?room_id={id}"), None)
        .await
        .assert_v2_error(414, "account_ids");
    h.v2(
        "DELETE",
        &format!("{path}?room_id={id}&account_ids=a,a"),
        None,
    )
    .await
    .assert_v2_error(414, "repeats");
    h.v2("GET", "im/v2.1/room_members/actions/virtual_members", None)
        .await
        .assert_v2_error(414, "room_id");
    h.v2(
        "GET",
        "im/v2.1/room_members/actions/virtual_members?room_id=1",
        None,
    )
    .await
    .assert_v2_error(404, "does not exist");
    assert_eq!(toggle(&h, &id, "owner", "false").await.code(), 200);
    let add = json!({"room_id": room, "virtual_members": [{"account_id": "guest"}]});
    h.v2("POST", path, Some(add))
        .await
        .assert_v2_error(13002, "closed");
}

#[tokio::test]
async fn a_virtual_member_that_enters_is_online_and_virtual() {
    // Nothing served in this area blacklists: the store's unit tests cover that refusal
    // (13003).
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    let add = json!({"room_id": room, "virtual_members": [{"account_id": "guest"}]});
    h.v2(
        "POST",
        "im/v2/room_members/actions/virtual_members",
        Some(add),
    )
    .await
    .data();
    h.emu.enter_chatroom(room, "guest", 16, &[]).unwrap();
    let member = h
        .emu
        .chatroom(room)
        .unwrap()
        .member("guest")
        .cloned()
        .unwrap();
    assert!(member.online() && member.robot_until.is_some());
}
