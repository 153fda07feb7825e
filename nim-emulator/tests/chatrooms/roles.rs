//! Roles and bans over HTTP: v1 `chatroom/setMemberRole`, `temporaryMute`,
//! `tagTemporaryMute` and the v2 `chatroom_member` role and ban operations, their effect on
//! the shared store (seen through the inspection API and the other protocol) and their
//! refusals with their codes (403, 404, 414, 419 is a store unit test, 13003).

use crate::{create, enter, harness, ok};
use common::Harness;
use nim_emulator::ChatroomRole;
use serde_json::{Value, json};

use crate::common;

/// `chatroom/setMemberRole.action` by `operator`.
async fn set_role(
    h: &Harness,
    id: &str,
    operator: &str,
    target: &str,
    opt: &str,
    on: &str,
) -> common::Answer {
    let params = [
        ("roomid", id),
        ("operator", operator),
        ("target", target),
        ("opt", opt),
        ("optvalue", on),
    ];
    h.call("chatroom/setMemberRole.action", &params).await
}

fn role(h: &Harness, id: &str, accid: &str) -> Option<ChatroomRole> {
    let room = h.emu.chatroom(id.parse().unwrap()).unwrap();
    room.member(accid).map(|m| m.role)
}

#[tokio::test]
async fn v1_set_member_role_appoints_demotes_and_answers_the_type() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let answer = ok(set_role(&h, &id, "owner", "other", "1", "true").await);
    assert_eq!(
        answer["desc"],
        json!({"roomid": id.parse::<u64>().unwrap(), "level": 0, "accid": "other", "type": "MANAGER"})
    );
    assert_eq!(role(&h, &id, "other"), Some(ChatroomRole::Manager));
    let answer = ok(set_role(&h, &id, "other", "guest", "2", "true").await);
    assert_eq!(answer["desc"]["type"], "COMMON");
    assert_eq!(role(&h, &id, "guest"), Some(ChatroomRole::Normal));
    set_role(&h, &id, "other", "owner", "-2", "true")
        .await
        .assert_error(403, "creator");
    set_role(&h, &id, "guest", "other", "1", "false")
        .await
        .assert_error(403, "no permission");
    let answer = ok(set_role(&h, &id, "owner", "other", "1", "false").await);
    assert_eq!(answer["desc"]["type"], "TEMPORARY");
    assert_eq!(
        role(&h, &id, "other"),
        None,
        "an offline guest leaves the room"
    );
    let answer = ok(set_role(&h, &id, "owner", "guest", "1", "false").await);
    assert_eq!(
        answer["desc"]["type"], "COMMON",
        "unsetting a role not held changes nothing"
    );
}

#[tokio::test]
async fn v1_set_member_role_checks_its_parameters() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    set_role(&h, &id, "owner", "other", "3", "true")
        .await
        .assert_error(414, "opt");
    let params = [
        ("roomid", id.as_str()),
        ("operator", "owner"),
        ("target", "other"),
        ("opt", "1"),
    ];
    h.call("chatroom/setMemberRole.action", &params)
        .await
        .assert_error(414, "optvalue");
    set_role(&h, &id, "owner", "nobody", "1", "true")
        .await
        .assert_error(414, "not register");
    set_role(&h, "1", "owner", "other", "1", "true")
        .await
        .assert_error(404, "does not exist");
}

#[tokio::test]
async fn v1_blacklisting_disconnects_and_refuses_entry_with_13003() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    assert_eq!(enter(&h, &id, "guest", &[]).await.0, 200);
    let answer = ok(set_role(&h, &id, "owner", "guest", "-1", "true").await);
    assert_eq!(answer["desc"]["type"], "LIMITED");
    let room = h.emu.chatroom(id.parse().unwrap()).unwrap();
    let guest = room.member("guest").unwrap();
    assert!(guest.blocked && !guest.online());
    let (status, body) = enter(&h, &id, "guest", &[]).await;
    assert_ne!(status, 200);
    assert!(body["error"].as_str().unwrap().contains("13003"), "{body}");
    ok(set_role(&h, &id, "owner", "guest", "-1", "false").await);
    assert_eq!(enter(&h, &id, "guest", &[]).await.0, 200);
}

/// `chatroom/temporaryMute.action` by `owner`.
async fn temp_mute(h: &Harness, id: &str, target: &str, secs: &str) -> common::Answer {
    let params = [
        ("roomid", id),
        ("operator", "owner"),
        ("target", target),
        ("muteDuration", secs),
    ];
    h.call("chatroom/temporaryMute.action", &params).await
}

#[tokio::test]
async fn v1_temporary_mute_runs_on_the_emulators_clock() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    enter(&h, &id, "guest", &[]).await;
    let answer = ok(temp_mute(&h, &id, "guest", "300").await);
    assert_eq!(answer["desc"], json!({"muteDuration": 300}));
    let until = h
        .emu
        .chatroom(id.parse().unwrap())
        .unwrap()
        .member("guest")
        .unwrap()
        .temp_mute_until;
    assert_eq!(until, Some((h.clock_now() + 300) * 1000));
    h.emu.advance_clock(100);
    let answer = ok(temp_mute(&h, &id, "guest", "0").await);
    assert_eq!(
        answer["desc"]["muteDuration"], 200,
        "a lift answers what was left"
    );
    temp_mute(&h, &id, "guest", "2592001")
        .await
        .assert_error(414, "muteDuration");
    temp_mute(&h, &id, "other", "60")
        .await
        .assert_error(404, "not in chatroom");
}

#[tokio::test]
async fn v1_tag_temporary_mute_answers_under_desc() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let params = [
        ("roomid", id.as_str()),
        ("operator", "owner"),
        ("targetTag", "vip"),
        ("muteDuration", "60"),
        ("notifyTargetTags", r#"{"tag":"vip"}"#),
        ("needNotify", "false"),
    ];
    let answer = ok(h.call("chatroom/tagTemporaryMute.action", &params).await);
    assert_eq!(answer["desc"], json!({"muteDuration": 60}));
    let room = h.emu.chatroom(id.parse().unwrap()).unwrap();
    assert_eq!(
        room.tag_mutes.get("vip"),
        Some(&((h.clock_now() + 60) * 1000))
    );
    let by_guest = [
        ("roomid", id.as_str()),
        ("operator", "guest"),
        ("targetTag", "vip"),
        ("muteDuration", "60"),
    ];
    h.call("chatroom/tagTemporaryMute.action", &by_guest)
        .await
        .assert_error(403, "no permission");
    let untagged = [
        ("roomid", id.as_str()),
        ("operator", "owner"),
        ("muteDuration", "60"),
    ];
    h.call("chatroom/tagTemporaryMute.action", &untagged)
        .await
        .assert_error(414, "targetTag");
}

/// A v2 PATCH of `action` (`chat_banned`, `blocked`, ...) on `target` with `body`.
async fn v2_toggle(h: &Harness, target: &str, action: &str, body: Value) -> common::Answer {
    let path = format!("im/v2/room_members/{target}/actions/{action}");
    h.v2("PATCH", &path, Some(body)).await
}

/// The accounts of a v2 list answer's `items`.
fn accounts(data: &Value) -> Vec<String> {
    data["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["account_id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn v2_set_member_role_sets_roles_and_the_profile_and_refuses_the_creator() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    let body = json!({
        "room_id": room, "operator_account_id": "owner", "member_role": 2,
        "room_nick": "Oth", "member_level": 3, "accountId": "junk the Java SDK leaks",
    });
    let data = h
        .v2("POST", "im/v2/room_members/Other", Some(body))
        .await
        .data();
    assert_eq!(data, json!({}));
    let record = h.emu.chatroom(room).unwrap();
    let other = record.member("other").unwrap();
    assert_eq!(
        (other.role, other.nick.as_deref(), other.level),
        (ChatroomRole::Manager, Some("Oth"), 3)
    );
    let body = json!({"room_id": id, "member_role": 0});
    h.v2("POST", "im/v2/room_members/guest", Some(body))
        .await
        .data();
    assert_eq!(
        role(&h, &id, "guest"),
        Some(ChatroomRole::Normal),
        "no operator: the app"
    );
    for (target, body, code, needle) in [
        (
            "owner",
            json!({"room_id": room, "member_role": 0}),
            414,
            "CREATOR",
        ),
        (
            "guest",
            json!({"room_id": room, "member_role": 1}),
            414,
            "cannot be set",
        ),
        (
            "guest",
            json!({"room_id": room, "member_role": 6}),
            414,
            "member_role",
        ),
        ("guest", json!({"room_id": room}), 414, "member_role"),
        (
            "guest",
            json!({"room_id": room, "operator_account_id": "other", "member_role": 2}),
            403,
            "only the creator",
        ),
        (
            "nobody",
            json!({"room_id": room, "member_role": 0}),
            102404,
            "nobody",
        ),
        (
            "guest",
            json!({"room_id": 1, "member_role": 0}),
            404,
            "does not exist",
        ),
    ] {
        let path = format!("im/v2/room_members/{target}");
        h.v2("POST", &path, Some(body))
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn v2_blacklist_and_chat_ban_show_in_their_lists_and_in_v1() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    assert_eq!(enter(&h, &id, "guest", &[]).await.0, 200);
    let block = json!({"room_id": room, "operator_account_id": "owner", "blocked": true});
    assert_eq!(
        v2_toggle(&h, "guest", "blocked", block).await.data(),
        json!({})
    );
    let (_, body) = enter(&h, &id, "guest", &[]).await;
    assert!(body["error"].as_str().unwrap().contains("13003"), "{body}");
    let ban = json!({"room_id": id, "operator_account_id": "owner", "chat_banned": true});
    v2_toggle(&h, "other", "chat_banned", ban).await.data();

    for version in ["v2.1", "v2"] {
        let path = format!("im/{version}/room_members/{room}/actions/blocked");
        assert_eq!(accounts(&h.v2("GET", &path, None).await.data()), ["guest"]);
        let path = format!("im/{version}/room_members/{room}/actions/chat_banned");
        let data = h.v2("GET", &path, None).await.data();
        assert_eq!(accounts(&data), ["other"]);
        assert_eq!(data["items"][0]["chat_banned"], true);
        assert_eq!(data["items"][0]["temp_chat_banned"], false);
    }
    let members = ok(h
        .call(
            "chatroom/setMemberRole.action",
            &[
                ("roomid", id.as_str()),
                ("operator", "owner"),
                ("target", "other"),
                ("opt", "-2"),
                ("optvalue", "false"),
            ],
        )
        .await);
    assert_eq!(
        members["desc"]["type"], "TEMPORARY",
        "v1 sees the v2 ban and lifts it"
    );
    let data = h
        .v2(
            "GET",
            &format!("im/v2.1/room_members/{room}/actions/chat_banned"),
            None,
        )
        .await
        .data();
    assert!(accounts(&data).is_empty());

    let on_creator = json!({"room_id": room, "operator_account_id": "owner", "blocked": true});
    v2_toggle(&h, "owner", "blocked", on_creator)
        .await
        .assert_v2_error(403, "creator");
    let no_operator = json!({"room_id": room, "blocked": true});
    v2_toggle(&h, "other", "blocked", no_operator)
        .await
        .assert_v2_error(414, "operator_account_id");
    let no_switch = json!({"room_id": room, "operator_account_id": "owner"});
    v2_toggle(&h, "other", "chat_banned", no_switch)
        .await
        .assert_v2_error(414, "chat_banned");
    h.v2("GET", "im/v2.1/room_members/1/actions/blocked", None)
        .await
        .assert_v2_error(404, "does not exist");
}

#[tokio::test]
async fn v2_temporary_ban_expires_on_the_emulators_clock() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    enter(&h, &id, "guest", &[]).await;
    let ban = json!({
        "room_id": room, "operator_account_id": "owner", "chat_banned": true,
        "chat_banned_duration": 120, "notification_enabled": true,
    });
    let data = v2_toggle(&h, "guest", "temp_chat_banned", ban).await.data();
    assert_eq!(data, json!({"mute_duration": 120}));
    h.emu.advance_clock(20);
    let path = format!("im/v2.1/room_members/{room}/actions/chat_banned");
    let data = h.v2("GET", &path, None).await.data();
    assert_eq!(data["items"][0]["temp_chat_banned"], true);
    assert_eq!(data["items"][0]["temp_chat_banned_time"], 100);
    h.emu.advance_clock(100);
    assert!(
        accounts(&h.v2("GET", &path, None).await.data()).is_empty(),
        "expired"
    );

    for (body, needle) in [
        (
            json!({"room_id": room, "operator_account_id": "owner", "chat_banned": true}),
            "required when",
        ),
        (
            json!({"room_id": room, "operator_account_id": "owner", "chat_banned": true, "chat_banned_duration": 2_592_001}),
            "2592000",
        ),
        (
            json!({"room_id": room, "operator_account_id": "owner", "chat_banned": false, "notification_extension": "x".repeat(2049)}),
            "notification_extension",
        ),
    ] {
        v2_toggle(&h, "guest", "temp_chat_banned", body)
            .await
            .assert_v2_error(414, needle);
    }
    let lift = json!({"room_id": room, "operator_account_id": "owner", "chat_banned": false});
    assert_eq!(
        v2_toggle(&h, "guest", "temp_chat_banned", lift)
            .await
            .data(),
        json!({"mute_duration": 0})
    );
}

#[tokio::test]
async fn v2_tag_ban_is_kept_on_the_room() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let room: u64 = id.parse().unwrap();
    let ban = json!({
        "room_id": room.to_string(), "operator_account_id": "owner", "target_tag": "vip",
        "chat_banned": true, "chat_banned_duration": 3000,
        "notification_target_tags": r#"{"tag":"vip"}"#,
    });
    let path = "im/v2/room_members/actions/chat_banned_tagged_members";
    assert_eq!(
        h.v2("PATCH", path, Some(ban)).await.data(),
        json!({"mute_duration": 3000})
    );
    let until = (h.clock_now() + 3000) * 1000;
    assert_eq!(
        h.emu.chatroom(room).unwrap().tag_mutes.get("vip"),
        Some(&until)
    );
    let lift = json!({"room_id": room, "operator_account_id": "owner", "target_tag": "vip", "chat_banned": false});
    assert_eq!(
        h.v2("PATCH", path, Some(lift)).await.data(),
        json!({"mute_duration": 0})
    );
    assert!(h.emu.chatroom(room).unwrap().tag_mutes.is_empty());
    let by_guest = json!({"room_id": room, "operator_account_id": "guest", "target_tag": "vip", "chat_banned": false});
    h.v2("PATCH", path, Some(by_guest))
        .await
        .assert_v2_error(403, "no permission");
    let long = json!({"room_id": room, "operator_account_id": "owner", "target_tag": "t".repeat(33), "chat_banned": false});
    h.v2("PATCH", path, Some(long))
        .await
        .assert_v2_error(414, "target_tag");
}
