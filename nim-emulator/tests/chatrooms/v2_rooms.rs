//! The v2 `chatroom` room operations over HTTP: create, read, update, open and close, the
//! room-wide chat ban (v2 toggleChatroomMute and v1 muteRoom), the enter/leave switch,
//! addresses and a creator's open rooms; one store with the v1 actions (a room made by
//! either is read by the other); the refusals with their codes.

use crate::common::{Answer, Harness};
use crate::{create, get, harness, ok};
use serde_json::{Value, json};

/// `POST /im/v2/chatrooms` by `owner` with `extra` members; the answer.
async fn create_v2(h: &Harness, extra: Value) -> Answer {
    let mut body = json!({"creator": "owner", "room_name": "Lobby"});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    h.v2("POST", "im/v2/chatrooms", Some(body)).await
}

/// A new room made through v2; its id.
async fn room_v2(h: &Harness) -> u64 {
    create_v2(h, json!({})).await.data()["room_id"]
        .as_u64()
        .unwrap()
}

/// getChatroomInfo with `query` (`""` for none).
async fn info(h: &Harness, id: u64, query: &str) -> Value {
    h.v2("GET", &format!("im/v2/chatrooms/{id}{query}"), None)
        .await
        .data()
}

#[tokio::test]
async fn create_answers_the_room_and_v1_reads_it() {
    let h = harness().await;
    let body = json!({
        "creator": "Owner", "room_name": "Lobby", "announcement": "welcome",
        "live_url": "https://live.example/1", "extension": "{\"k\":1}", "queue_level": 1,
        "delay_close_policy": 2, "delay_seconds": 600, "in_out_notification": false,
        "antispam_configuration": {"enabled": true, "business_id_map": [{"type": 1, "business_id": "b"}]},
    });
    let data = h.v2("POST", "im/v2/chatrooms", Some(body)).await.data();
    assert_eq!(data["creator"], "owner");
    assert_eq!(data["room_name"], "Lobby");
    assert_eq!(data["valid"], true);
    assert_eq!(data["chat_banned"], false);
    assert_eq!(data["queue_level"], 1);
    assert_eq!(data["delay_info"]["delay_close_policy"], 2);
    assert_eq!(data["delay_info"]["delay_seconds"], 600);
    assert_eq!(data["delay_info"]["delay_close_enable"], true);
    let id = data["room_id"].as_u64().unwrap();

    let v1 = get(&h, &id.to_string()).await;
    assert_eq!(v1["name"], "Lobby");
    assert_eq!(v1["broadcasturl"], "https://live.example/1");
    assert_eq!(v1["ext"], "{\"k\":1}");
    assert_eq!(v1["ionotify"], false);
    assert_eq!(v1["queuelevel"], 1);
}

#[tokio::test]
async fn a_v1_room_is_read_and_changed_through_v2() {
    let h = harness().await;
    let id: u64 = create(&h, &[("announcement", "old")])
        .await
        .parse()
        .unwrap();
    let data = info(&h, id, "").await;
    assert_eq!(data["room_name"], "Lobby");
    assert_eq!(data["announcement"], "old");
    assert_eq!(data["in_out_notification"], 1);
    assert_eq!(data["cdn_message_enable"], false);
    assert!(data.get("online_user_count").is_none());

    let patch =
        json!({"room_id": id, "room_name": "Renamed", "announcement": "", "queue_level": 0});
    let path = format!("im/v2/chatrooms/{id}");
    let data = h.v2("PATCH", &path, Some(patch)).await.data();
    assert_eq!(data["room_name"], "Renamed");
    assert_eq!(data["announcement"], "");
    let v1 = get(&h, &id.to_string()).await;
    assert_eq!(v1["name"], "Renamed");
    assert!(v1.get("announcement").is_none(), "cleared");
}

#[tokio::test]
async fn create_and_update_check_their_parameters() {
    let h = harness().await;
    let long = "n".repeat(129);
    for (extra, code, needle) in [
        (json!({"room_name": long}), 414, "room_name"),
        (json!({"room_name": ""}), 414, "room_name"),
        (json!({"creator": "nobody"}), 102404, "nobody"),
        (json!({"queue_level": 2}), 414, "queue_level"),
        (json!({"delay_close_policy": 3}), 414, "delay_close_policy"),
        (json!({"delay_seconds": 604_801}), 414, "delaySeconds"),
        (json!({"live_url": "u".repeat(1025)}), 414, "live_url"),
    ] {
        create_v2(&h, extra).await.assert_v2_error(code, needle);
    }
    let body = json!({"room_name": "Lobby"});
    h.v2("POST", "im/v2/chatrooms", Some(body))
        .await
        .assert_v2_error(414, "creator");
    let id = room_v2(&h).await;
    let path = format!("im/v2/chatrooms/{id}");
    h.v2("PATCH", &path, Some(json!({"room_name": " "})))
        .await
        .assert_v2_error(414, "room_name");
    h.v2(
        "PATCH",
        "im/v2/chatrooms/1",
        Some(json!({"room_name": "x"})),
    )
    .await
    .assert_v2_error(404, "does not exist");
    h.v2("GET", "im/v2/chatrooms/abc", None)
        .await
        .assert_v2_error(414, "room_id");
}

#[tokio::test]
async fn online_counts_come_when_asked() {
    let h = harness().await;
    let id = room_v2(&h).await;
    h.emu.enter_chatroom(id, "guest", 16, &[]).unwrap();
    h.emu.enter_chatroom(id, "guest", 1, &[]).unwrap();
    h.emu.enter_chatroom(id, "other", 16, &[]).unwrap();
    let data = info(&h, id, "?need_online_user_count=true").await;
    assert_eq!(data["online_user_count"], 2, "accounts, not connections");
    assert!(data.get("web_online_user_count").is_none());
    let data = info(&h, id, "?online_user_count_by_type=true").await;
    assert_eq!(data["web_online_user_count"], 2);
    assert_eq!(data["android_online_user_count"], 1);
    assert_eq!(data["ios_online_user_count"], 0);
}

#[tokio::test]
async fn only_the_creator_closes_and_reopens_and_repeats_are_417() {
    let h = harness().await;
    let id = room_v2(&h).await;
    h.emu.enter_chatroom(id, "guest", 16, &[]).unwrap();
    let path = format!("im/v2/chatrooms/{id}/actions/update_status");
    let by = |operator: &str, valid: bool| json!({"operator_account_id": operator, "valid": valid});
    h.v2("PATCH", &path, Some(by("other", false)))
        .await
        .assert_v2_error(403, "creator");
    h.v2("PATCH", &path, Some(by("owner", true)))
        .await
        .assert_v2_error(417, "already open");
    h.v2(
        "PATCH",
        &path,
        Some(json!({"operator_account_id": "owner"})),
    )
    .await
    .assert_v2_error(414, "valid");

    let data = h.v2("PATCH", &path, Some(by("owner", false))).await.data();
    assert_eq!(data["valid"], false);
    let record = h.emu.chatroom(id).unwrap();
    assert!(record.member("guest").is_none(), "closing drops the guests");
    let open = "im/v2/chatrooms/actions/opend_chatrooms?creator_account_id=Owner";
    assert_eq!(h.v2("GET", open, None).await.data()["items"], json!([]));
    assert!(h.emu.enter_chatroom(id, "guest", 16, &[]).is_err());

    let reopen = json!({"operator_account_id": "owner", "valid": true, "delay_close_policy": 1, "delay_seconds": 60});
    let data = h.v2("PATCH", &path, Some(reopen)).await.data();
    assert_eq!(data["valid"], true);
    assert_eq!(data["delay_info"]["delay_close_policy"], 1);
    assert_eq!(
        h.v2("GET", open, None).await.data()["items"],
        json!([id.to_string()])
    );
    h.clock.advance(60);
    assert_eq!(
        info(&h, id, "").await["valid"],
        false,
        "closed by its policy"
    );
}

#[tokio::test]
async fn open_rooms_list_both_protocols_rooms_as_strings() {
    let h = harness().await;
    let v1: u64 = create(&h, &[]).await.parse().unwrap();
    let v2 = room_v2(&h).await;
    let open = "im/v2/chatrooms/actions/opend_chatrooms?creator_account_id=owner";
    let items = h.v2("GET", open, None).await.data()["items"].clone();
    assert_eq!(items, json!([v1.to_string(), v2.to_string()]));
    let none = "im/v2/chatrooms/actions/opend_chatrooms?creator_account_id=nobody";
    assert_eq!(h.v2("GET", none, None).await.data()["items"], json!([]));
    h.v2("GET", "im/v2/chatrooms/actions/opend_chatrooms", None)
        .await
        .assert_v2_error(414, "creator_account_id");
}

#[tokio::test]
async fn the_creator_and_managers_ban_the_whole_room_v1_and_v2_alike() {
    let h = harness().await;
    let id = room_v2(&h).await;
    let path = format!("im/v2/chatrooms/{id}/actions/chat_banned");
    let ban = |operator: &str, on: bool| json!({"operator_account_id": operator, "chat_banned": on, "notification_enabled": false});
    assert_eq!(
        h.v2("PATCH", &path, Some(ban("owner", true))).await.data(),
        json!({})
    );
    assert!(h.emu.chatroom(id).unwrap().muted);
    assert_eq!(info(&h, id, "").await["chat_banned"], true);
    assert_eq!(get(&h, &id.to_string()).await["muted"], true);
    h.v2("PATCH", &path, Some(ban("other", false)))
        .await
        .assert_v2_error(403, "creator and managers");
    h.v2(
        "PATCH",
        &path,
        Some(json!({"operator_account_id": "owner"})),
    )
    .await
    .assert_v2_error(414, "chat_banned");

    let room = id.to_string();
    let unmute = [
        ("roomid", room.as_str()),
        ("operator", "owner"),
        ("mute", "false"),
    ];
    let answer = ok(h.call("chatroom/muteRoom.action", &unmute).await);
    assert_eq!(answer["desc"]["success"], true);
    assert!(!h.emu.chatroom(id).unwrap().muted);
    let by_guest = [
        ("roomid", room.as_str()),
        ("operator", "guest"),
        ("mute", "true"),
    ];
    h.call("chatroom/muteRoom.action", &by_guest)
        .await
        .assert_error(403, "creator and managers");
    let no_switch = [("roomid", room.as_str()), ("operator", "owner")];
    h.call("chatroom/muteRoom.action", &no_switch)
        .await
        .assert_error(414, "mute");
    let missing = [("roomid", "1"), ("operator", "owner"), ("mute", "true")];
    h.call("chatroom/muteRoom.action", &missing)
        .await
        .assert_error(404, "does not exist");
}

#[tokio::test]
async fn the_in_out_switch_is_in_the_query() {
    let h = harness().await;
    let id = room_v2(&h).await;
    let path = format!("im/v2/chatrooms/{id}/actions/in_out_notification");
    let off = format!("{path}?in_out_notification=false");
    assert_eq!(h.v2("PATCH", &off, None).await.data(), json!({}));
    assert_eq!(info(&h, id, "").await["in_out_notification"], 0);
    assert_eq!(get(&h, &id.to_string()).await["ionotify"], false);
    h.v2("PATCH", &path, None)
        .await
        .assert_v2_error(414, "in_out_notification");
    let missing = "im/v2/chatrooms/1/actions/in_out_notification?in_out_notification=true";
    h.v2("PATCH", missing, None)
        .await
        .assert_v2_error(404, "does not exist");
}

#[tokio::test]
async fn addresses_for_registered_accounts_of_open_rooms() {
    let h = harness().await;
    let id = room_v2(&h).await;
    let path = |q: &str| format!("im/v2/chatrooms/{id}/actions/address{q}");
    let data = h
        .v2(
            "GET",
            &path("?account_id=Guest&client_ip=203.0.113.7&client_type=2"),
            None,
        )
        .await
        .data();
    let items: Vec<&str> = data["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(!items.is_empty());
    assert!(items.iter().all(|a| a.contains("commonlink")), "{items:?}");
    h.v2("GET", &path("?account_id=guest"), None)
        .await
        .assert_v2_error(414, "client_ip");
    let ip_type = path("?account_id=guest&client_ip=1.2.3.4&ip_type=1");
    assert_eq!(h.v2("GET", &ip_type, None).await.code(), 200);
    h.v2(
        "GET",
        &path("?account_id=guest&client_ip=1.2.3.4&ip_type=v6"),
        None,
    )
    .await
    .assert_v2_error(414, "ip_type");
    h.v2("GET", &path("?account_id=nobody&client_ip=1.2.3.4"), None)
        .await
        .assert_v2_error(102404, "nobody");
    let close = json!({"operator_account_id": "owner", "valid": false});
    let status = format!("im/v2/chatrooms/{id}/actions/update_status");
    h.v2("PATCH", &status, Some(close)).await.data();
    h.v2("GET", &path("?account_id=guest&client_ip=1.2.3.4"), None)
        .await
        .assert_v2_error(13002, "closed");
}
