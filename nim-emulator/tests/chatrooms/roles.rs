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
