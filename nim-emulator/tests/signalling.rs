//! Signalling rooms over HTTP: v1 `signal/*.action` and v2 `/im/v2/signalling_room` on one
//! store; the room record each answers; expiry and delay on the state clock; invitations
//! and their 90 s; the codes (10404-10419, 403, unknown accounts 414 / 102404); the admin
//! view and join.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Answer, Harness, T0};
use serde_json::{Value, json};

const MS0: u64 = T0 * 1000;
const TWO_HOURS_MS: u64 = 2 * 60 * 60 * 1000;

/// `owner`, `bob` and `carol` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["owner", "bob", "carol"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

/// `signal/<action>.action` with `params`.
async fn v1(h: &Harness, action: &str, params: &[(&str, &str)]) -> Answer {
    h.call(&format!("signal/{action}.action"), params).await
}

/// Asserts `{"code":200,...}` and answers the JSON.
fn ok(answer: Answer) -> Value {
    assert_eq!(answer.code(), 200, "{}", answer.body);
    answer.json()
}

/// A video room `name` made by `owner` through v1; its `data`.
async fn create_v1(h: &Harness, name: &str) -> Value {
    let params = [
        ("type", "2"),
        ("from", "owner"),
        ("channelName", name),
        ("ext", "e"),
    ];
    ok(v1(h, "createRoom", &params).await)["data"].clone()
}

/// The admin route's URL.
fn admin_url(h: &Harness, path: &str) -> String {
    format!("http://{}/_emulator/state/{path}", h.emu.local_addr())
}

/// `accid`'s client joins room `id`: the HTTP status and the JSON.
async fn join(h: &Harness, id: &str, accid: &str) -> (u16, Value) {
    let body = json!({"channel_id": id, "accid": accid, "device_id": "phone"});
    let response = h
        .http
        .post(admin_url(h, "signalling_join"))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.text().await.unwrap()).unwrap(),
    )
}

/// The admin view of room `id`.
async fn view(h: &Harness, id: &str) -> Value {
    let url = format!("{}?channel_id={id}", admin_url(h, "signalling"));
    let response = h.http.get(url).send().await.unwrap();
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

#[tokio::test]
async fn a_v1_room_is_answered_in_v1_words_and_read_through_v2() {
    let h = harness().await;
    let room = create_v1(&h, "call-1").await;
    let id = room["channelId"].as_str().unwrap().to_owned();
    assert_eq!(
        room,
        json!({
            "channelName": "call-1", "type": "VIDEO", "channelId": id,
            "channelCreateTime": MS0, "channelExpireTime": MS0 + TWO_HOURS_MS,
            "creator": "owner", "ext": "e", "members": [],
        })
    );
    join(&h, &id, "bob").await;

    let by_name = h
        .v2("GET", "im/v2/signalling_room?channel_name=call-1", None)
        .await
        .data();
    assert_eq!(by_name["channel_id"], id.as_str());
    assert_eq!(by_name["channel_type"], 2);
    assert_eq!(by_name["creator_account_id"], "owner");
    assert_eq!(by_name["channel_extension"], "e");
    let bob = &by_name["member_list"][0];
    assert_eq!(bob["account_id"], "bob");
    assert_eq!(bob["device_id"], "phone");
    assert_eq!(bob["join_time"], MS0);

    // v1 getRoomInfo by id and by name answers the same room.
    let by_id = ok(v1(&h, "getRoomInfo", &[("channelId", &id)]).await)["data"].clone();
    let by_name = ok(v1(&h, "getRoomInfo", &[("channelName", "call-1")]).await)["data"].clone();
    assert_eq!(by_id, by_name);
    assert_eq!(by_id["members"][0]["accid"], "bob");

    // Closed through v2: gone for both.
    let close = format!("im/v2/signalling_room?channel_id={id}&operator_account_id=owner");
    assert_eq!(h.v2("DELETE", &close, None).await.data(), json!({}));
    v1(&h, "getRoomInfo", &[("channelId", &id)])
        .await
        .assert_error(10404, "does not exist");
}

#[tokio::test]
async fn a_v2_room_is_closed_through_v1() {
    let h = harness().await;
    let body = json!({"creator_account_id": "Owner", "channel_type": 1, "channel_name": "talk",
        "route_config": {"route_enabled": true}});
    let room = h
        .v2("POST", "im/v2/signalling_room", Some(body))
        .await
        .data();
    let id = room["channel_id"].as_str().unwrap().to_owned();
    assert_eq!(room["creator_account_id"], "owner");
    assert_eq!(room["channel_type"], 1);
    assert_eq!(room["member_list"], json!([]));
    assert_eq!(room["expire_time"], MS0 + TWO_HOURS_MS);

    let info = ok(v1(&h, "getRoomInfo", &[("channelId", &id)]).await)["data"].clone();
    assert_eq!(info["type"], "AUDIO");
    v1(&h, "closeRoom", &[("channelId", &id), ("from", "bob")])
        .await
        .assert_error(10406, "not in channel");
    ok(v1(
        &h,
        "closeRoom",
        &[("channelId", &id), ("from", "owner"), ("isSave", "1")],
    )
    .await);
    h.v2(
        "GET",
        &format!("im/v2/signalling_room?channel_id={id}"),
        None,
    )
    .await
    .assert_v2_error(10404, "does not exist");
}

#[tokio::test]
async fn names_are_unique_among_open_rooms() {
    let h = harness().await;
    create_v1(&h, "call-1").await;
    v1(
        &h,
        "createRoom",
        &[("type", "1"), ("from", "bob"), ("channelName", "call-1")],
    )
    .await
    .assert_error(10405, "taken");
    let body = json!({"creator_account_id": "bob", "channel_type": 3, "channel_name": "call-1"});
    h.v2("POST", "im/v2/signalling_room", Some(body))
        .await
        .assert_v2_error(10405, "taken");
    // Without a name, the channel id names the room.
    let unnamed = ok(v1(&h, "createRoom", &[("type", "3"), ("from", "bob")]).await)["data"].clone();
    assert_eq!(unnamed["channelName"], unnamed["channelId"]);
    assert_eq!(unnamed["type"], "CUSTOM");
}

#[tokio::test]
async fn rooms_expire_after_two_hours_unless_delayed() {
    let h = harness().await;
    let a = create_v1(&h, "a").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();
    let b = create_v1(&h, "b").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();

    h.clock.advance(2 * 60 * 60 - 10);
    let delayed = ok(v1(&h, "delayRoom", &[("channelId", &a)]).await)["data"].clone();
    let now_ms = h.clock_now() * 1000;
    assert_eq!(delayed["channelExpireTime"], now_ms + TWO_HOURS_MS);
    let again = h
        .v2(
            "PUT",
            &format!("im/v2/signalling_room?channel_id={a}"),
            None,
        )
        .await
        .data();
    assert_eq!(again["expire_time"], now_ms + TWO_HOURS_MS);

    h.clock.advance(10);
    // `b` reached its end: closed for every action; its name is free.
    v1(&h, "getRoomInfo", &[("channelName", "b")])
        .await
        .assert_error(10404, "b");
    v1(&h, "delayRoom", &[("channelId", &b)])
        .await
        .assert_error(10404, "does not exist");
    h.v2(
        "PUT",
        &format!("im/v2/signalling_room?channel_id={b}"),
        None,
    )
    .await
    .assert_v2_error(10404, "does not exist");
    create_v1(&h, "b").await;
    // `a` lives on.
    ok(v1(&h, "getRoomInfo", &[("channelId", &a)]).await);
}

#[tokio::test]
async fn invitations_are_recorded_cancelled_and_expire_after_90_seconds() {
    let h = harness().await;
    let id = create_v1(&h, "call").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();
    let invite = [
        ("channelId", id.as_str()),
        ("from", "owner"),
        ("to", "Bob"),
        ("requestId", "r1"),
        ("needPush", "1"),
        ("pushTitle", "Call"),
        ("pushPayload", "{}"),
        ("isSave", "1"),
    ];
    ok(v1(&h, "invite", &invite).await);
    let pending = view(&h, &id).await["invitations"].clone();
    assert_eq!(
        pending,
        json!([{"request_id": "r1", "inviter": "owner", "invitee": "bob",
            "expire_time": MS0 + 90_000}])
    );
    let cancel = [
        ("channelId", id.as_str()),
        ("from", "owner"),
        ("to", "bob"),
        ("requestId", "r1"),
    ];
    ok(v1(&h, "cancelInvite", &cancel).await);
    v1(&h, "cancelInvite", &cancel)
        .await
        .assert_error(10408, "no pending invitation");

    // v2: invited, then cancelled too late.
    let body = json!({"channel_id": id, "inviter_account_id": "owner",
        "invitee_account_id": "carol", "request_id": "r2", "offline_enabled": true,
        "unread_enabled": false, "push_config": {"push_enabled": true, "push_content": "hi"}});
    assert_eq!(
        h.v2(
            "POST",
            "im/v2/signalling_room/actions/invite",
            Some(body.clone())
        )
        .await
        .data(),
        json!({})
    );
    h.clock.advance(90);
    h.v2(
        "POST",
        "im/v2/signalling_room/actions/cancel_invite",
        Some(body),
    )
    .await
    .assert_v2_error(10408, "no pending invitation");
    assert_eq!(view(&h, &id).await["invitations"], json!([]));
}

#[tokio::test]
async fn invite_refuses_outsiders_members_and_a_full_room() {
    let h = harness().await;
    let id = create_v1(&h, "call").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();
    let invite = |from: &'static str, to: &'static str| {
        vec![
            ("channelId", id.clone()),
            ("from", from.into()),
            ("to", to.into()),
            ("requestId", "r".into()),
        ]
    };
    let call = |params: Vec<(&'static str, String)>| {
        let h = &h;
        async move {
            let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
            v1(h, "invite", &params).await
        }
    };
    call(invite("bob", "carol"))
        .await
        .assert_error(10406, "not in channel");
    join(&h, &id, "bob").await;
    call(invite("owner", "bob"))
        .await
        .assert_error(10407, "already in channel");
    // A member invites too.
    assert_eq!(call(invite("bob", "carol")).await.code(), 200);
    call(invite("owner", "nobody"))
        .await
        .assert_error(414, "not register");
    for i in 0..99 {
        let accid = format!("m{i}");
        h.emu.insert_account(&accid, Some("t"));
        assert_eq!(join(&h, &id, &accid).await.0, 200);
    }
    call(invite("owner", "carol"))
        .await
        .assert_error(10419, "full");
    let (status, refused) = join(&h, &id, "carol").await;
    assert_eq!(status, 400);
    assert!(
        refused["error"].as_str().unwrap().ends_with("(10419)"),
        "{refused}"
    );
}

#[tokio::test]
async fn only_the_creator_kicks_and_only_members_are_kicked() {
    let h = harness().await;
    let id = create_v1(&h, "call").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();
    join(&h, &id, "bob").await;
    join(&h, &id, "carol").await;
    v1(
        &h,
        "kick",
        &[("channelId", &id), ("from", "bob"), ("to", "carol")],
    )
    .await
    .assert_error(403, "only the creator");
    ok(v1(
        &h,
        "kick",
        &[
            ("channelId", &id),
            ("from", "owner"),
            ("to", "carol"),
            ("isSave", "0"),
        ],
    )
    .await);
    let body = json!({"channel_id": id, "operator_account_id": "owner",
        "target_account_id": "carol", "offline_enabled": true});
    h.v2("POST", "im/v2/signalling_room/actions/kick", Some(body))
        .await
        .assert_v2_error(10406, "not in channel");
    let body =
        json!({"channel_id": id, "operator_account_id": "owner", "target_account_id": "bob"});
    h.v2("POST", "im/v2/signalling_room/actions/kick", Some(body))
        .await
        .data();
    assert_eq!(view(&h, &id).await["member_list"], json!([]));
}

#[tokio::test]
async fn control_signals_check_the_sender_and_the_target() {
    let h = harness().await;
    let id = create_v1(&h, "call").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();
    join(&h, &id, "bob").await;
    ok(v1(
        &h,
        "ctrlRoom",
        &[("channelId", &id), ("from", "owner"), ("attachExt", "{}")],
    )
    .await);
    ok(v1(
        &h,
        "ctrlRoom",
        &[("channelId", &id), ("from", "bob"), ("to", "bob")],
    )
    .await);
    v1(
        &h,
        "ctrlRoom",
        &[("channelId", &id), ("from", "owner"), ("to", "carol")],
    )
    .await
    .assert_error(10406, "carol");
    let body = json!({"channel_id": id, "operator_account_id": "carol"});
    h.v2("POST", "im/v2/signalling_room/actions/control", Some(body))
        .await
        .assert_v2_error(10406, "carol");
    let body = json!({"channel_id": id, "operator_account_id": "owner",
        "target_account_id": "Bob", "server_extension": "mute"});
    assert_eq!(
        h.v2("POST", "im/v2/signalling_room/actions/control", Some(body))
            .await
            .data(),
        json!({})
    );
}

#[tokio::test]
async fn bad_parameters_and_unknown_accounts_are_refused() {
    let h = harness().await;
    v1(&h, "createRoom", &[("type", "4"), ("from", "owner")])
        .await
        .assert_error(414, "type");
    v1(&h, "createRoom", &[("type", "1"), ("from", "ghost")])
        .await
        .assert_error(414, "not register");
    let long = "n".repeat(129);
    v1(
        &h,
        "createRoom",
        &[("type", "1"), ("from", "owner"), ("channelName", &long)],
    )
    .await
    .assert_error(414, "channelName");
    v1(
        &h,
        "createRoom",
        &[("type", "1"), ("from", "owner"), ("isRoute", "2")],
    )
    .await
    .assert_error(414, "isRoute");
    v1(&h, "getRoomInfo", &[])
        .await
        .assert_error(414, "required");
    let id = create_v1(&h, "call").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();
    let payload = [
        ("channelId", id.as_str()),
        ("from", "owner"),
        ("to", "bob"),
        ("requestId", "r"),
        ("pushPayload", "{oops"),
    ];
    v1(&h, "invite", &payload)
        .await
        .assert_error(414, "pushPayload");

    let body = json!({"creator_account_id": "ghost", "channel_type": 1});
    h.v2("POST", "im/v2/signalling_room", Some(body))
        .await
        .assert_v2_error(102404, "ghost");
    let body = json!({"creator_account_id": "owner"});
    h.v2("POST", "im/v2/signalling_room", Some(body))
        .await
        .assert_v2_error(414, "channel_type");
    h.v2("GET", "im/v2/signalling_room", None)
        .await
        .assert_v2_error(414, "required");
    let body = json!({"channel_id": id, "inviter_account_id": "owner",
        "invitee_account_id": "ghost", "request_id": "r"});
    h.v2("POST", "im/v2/signalling_room/actions/invite", Some(body))
        .await
        .assert_v2_error(102404, "ghost");
    let body = json!({"channel_id": id, "inviter_account_id": "owner",
        "invitee_account_id": "bob", "request_id": "r", "push_config": {"push_title": "t".repeat(33)}});
    h.v2("POST", "im/v2/signalling_room/actions/invite", Some(body))
        .await
        .assert_v2_error(414, "push_config.push_title");
    // The Go SDK sends an unset payload as "": no payload. Anything else must be JSON.
    let go_shaped = |payload: &str| {
        json!({"channel_id": id, "inviter_account_id": "owner", "invitee_account_id": "bob",
            "request_id": format!("go-{payload}"), "push_config": {"push_enabled": true,
            "push_title": "", "push_content": "", "push_payload": payload}})
    };
    let path = "im/v2/signalling_room/actions/invite";
    h.v2("POST", path, Some(go_shaped(""))).await.data();
    h.v2("POST", path, Some(go_shaped("{not json")))
        .await
        .assert_v2_error(414, "push_payload");
    let close = format!("im/v2/signalling_room?channel_id={id}&operator_account_id=ghost");
    h.v2("DELETE", &close, None)
        .await
        .assert_v2_error(102404, "ghost");
}

#[tokio::test]
async fn reset_empties_the_store() {
    let h = harness().await;
    let id = create_v1(&h, "call").await["channelId"]
        .as_str()
        .unwrap()
        .to_owned();
    let response = h
        .http
        .post(format!("http://{}/_emulator/reset", h.emu.local_addr()))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    h.emu.insert_account("owner", Some("t"));
    v1(&h, "getRoomInfo", &[("channelId", &id)])
        .await
        .assert_error(10404, "does not exist");
}
