//! The message families: v1 and v2 share one message store, one broadcast store and one
//! notification log.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Harness;
use serde_json::{Value, json};

/// `alice`, `bob` and `carol` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["alice", "bob", "carol"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

fn window(h: &Harness) -> (String, String) {
    let now = h.emu.state_now() * 1000;
    ((now - 3_600_000).to_string(), (now + 3_600_000).to_string())
}

/// Sends a v1 text message; answers its msgid.
async fn v1_text(h: &Harness, from: &str, to: &str, text: &str) -> u64 {
    let body = json!({ "msg": text }).to_string();
    let a = h
        .call(
            "msg/sendMsg.action",
            &[
                ("from", from),
                ("ope", "0"),
                ("to", to),
                ("type", "0"),
                ("body", &body),
            ],
        )
        .await;
    assert_eq!(a.code(), 200, "{}", a.body);
    a.json()["data"]["msgid"].as_u64().unwrap()
}

async fn v1_history(h: &Harness, from: &str, to: &str, extra: &[(&str, &str)]) -> Value {
    let (begin, end) = window(h);
    let mut params = vec![
        ("from", from),
        ("to", to),
        ("begintime", &begin),
        ("endtime", &end),
    ];
    params.extend_from_slice(extra);
    let a = h.call("history/querySessionMsg.action", &params).await;
    assert_eq!(a.code(), 200, "{}", a.body);
    a.json()
}

async fn v2_page(h: &Harness, conversation: &str, extra: &str) -> Value {
    let (begin, end) = window(h);
    let path = format!(
        "im/v2.1/conversations/{conversation}/messages?begin_time={begin}&end_time={end}&limit=100{extra}"
    );
    h.v2("GET", &path, None).await.data()
}

#[tokio::test]
async fn v1_sends_are_v2_messages_and_the_reverse() {
    let h = harness().await;
    let place =
        r#"{"title":"West Lake","lng":120.14805006980896,"lat":30.242291,"size":9007199254740993}"#;
    let a = h
        .call(
            "msg/sendMsg.action",
            &[
                ("from", "Alice"),
                ("ope", "0"),
                ("to", "bob"),
                ("type", "4"),
                ("body", place),
                ("msgDesc", "here"),
                ("ext", "{\"k\":1}"),
            ],
        )
        .await;
    assert_eq!(a.code(), 200, "{}", a.body);
    let data = a.json()["data"].clone();
    let id = data["msgid"].as_u64().unwrap();
    assert!(id > u64::from(u32::MAX) && id < 1 << 53);
    assert_eq!(data["antispam"], false);
    assert!(data["timetag"].as_u64().unwrap() >= common::T0 * 1000);

    // v2 sees it, from either side, with the same content.
    let page = v2_page(&h, "bob|1|alice", "").await;
    let item = &page["items"][0];
    assert_eq!(item["message_server_id"], id);
    assert_eq!(item["message_type"], 4);
    assert_eq!(item["text"], "here");
    assert_eq!(item["extension"], "{\"k\":1}");
    assert_eq!(
        item["attachment"],
        serde_json::from_str::<Value>(place).unwrap()
    );
    let one = h
        .v2(
            "GET",
            &format!("im/v2.1/conversations/alice|1|bob/messages/{id}"),
            None,
        )
        .await
        .data();
    assert_eq!(one["attachment"]["lng"].as_f64(), Some(120.14805006980896));
    assert_eq!(one["attachment"]["size"].as_u64(), Some(9007199254740993));

    // A v2 image is a v1 body with the same keys.
    let image = json!({"name":"a.jpg","md5":"x","url":"http://h/a.jpg","ext":"jpg","w":10,"h":20,"size":300});
    let sent = h
        .v2(
            "POST",
            "im/v2/conversations/bob|1|alice/messages",
            Some(json!({"message": {"message_type": 1, "attachment": image.to_string(), "message_client_id": "c-1"}})),
        )
        .await
        .data();
    assert_eq!(sent["sender_id"], "bob");
    assert_eq!(sent["receiver_id"], "alice");
    assert_eq!(sent["conversation_type"], 1);
    assert_eq!(sent["message_client_id"], "c-1");
    let history = v1_history(&h, "alice", "bob", &[("reverse", "1")]).await;
    assert_eq!(history["size"], 2);
    let msgs = history["msgs"].as_array().unwrap();
    assert_eq!(msgs[0]["msgid"], id);
    assert_eq!(msgs[0]["msgDesc"], "here");
    assert_eq!(msgs[1]["body"], image);
    assert_eq!(msgs[1]["msgidclient"], "c-1");
    assert_eq!(msgs[1]["from"], "bob");
    assert_eq!(msgs[1]["fromclienttype"], 32);
    // Text round trip and the type filter.
    v1_text(&h, "bob", "alice", "hello").await;
    let texts = v1_history(&h, "alice", "bob", &[("type", "0")]).await;
    assert_eq!(texts["msgs"][0]["body"], json!({"msg": "hello"}));
    assert_eq!(
        v2_page(&h, "alice|1|bob", "&message_type=0").await["items"][0]["text"],
        "hello"
    );
    assert_eq!(h.emu.conversation_messages("alice|1|bob").len(), 3);
}

#[tokio::test]
async fn pages_follow_the_documented_order_without_repeats() {
    let h = harness().await;
    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(v1_text(&h, "alice", "bob", &format!("m{i}")).await);
    }
    // descending=true is oldest first, as the docs define it.
    let first = v2_page(&h, "alice|1|bob", "&descending=true").await;
    assert_eq!(first["items"][0]["message_server_id"], ids[0]);
    let newest = v2_page(&h, "alice|1|bob", "").await;
    assert_eq!(newest["items"][0]["message_server_id"], ids[4]);
    let (begin, end) = window(&h);
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let path = format!(
            "im/v2.1/conversations/alice|1|bob/messages?begin_time={begin}&end_time={end}&limit=2&page_token={token}"
        );
        let data = h.v2("GET", &path, None).await.data();
        for item in data["items"].as_array().unwrap() {
            seen.push(item["message_server_id"].as_u64().unwrap());
        }
        if !data["has_more"].as_bool().unwrap() {
            assert_eq!(data["next_token"], "");
            break;
        }
        token = data["next_token"].as_str().unwrap().to_owned();
    }
    ids.reverse();
    assert_eq!(seen, ids);
    // v1: limit and excludeMsgid.
    let page = v1_history(
        &h,
        "bob",
        "alice",
        &[("limit", "2"), ("excludeMsgid", &ids[0].to_string())],
    )
    .await;
    assert_eq!(page["msgs"][0]["msgid"], ids[1]);
    assert_eq!(page["size"], 2);
}

#[tokio::test]
async fn batches_report_unknown_receivers() {
    let h = harness().await;
    let a = h
        .call(
            "msg/sendBatchMsg.action",
            &[
                ("fromAccid", "alice"),
                ("toAccids", r#"["bob","nobody","carol"]"#),
                ("type", "0"),
                ("body", r#"{"msg":"hi"}"#),
                ("returnMsgid", "true"),
            ],
        )
        .await;
    assert_eq!(a.code(), 200, "{}", a.body);
    let v = a.json();
    assert_eq!(v["unregister"], "[\"nobody\"]");
    assert!(v["timetag"].as_u64().is_some());
    assert!(v["msgids"]["bob"].as_u64().is_some() && v["msgids"]["carol"].as_u64().is_some());
    let data = h
        .v2(
            "POST",
            "im/v2/conversations/messages",
            Some(json!({"sender_id": "alice", "receiver_ids": ["bob", "ghost"], "message": {"message_type": 0, "text": "yo"}})),
        )
        .await
        .data();
    assert_eq!(data["success_list"][0]["receiver_id"], "bob");
    assert!(
        data["success_list"][0]["message_server_id"]
            .as_u64()
            .is_some()
    );
    let failed = &data["failed_list"][0];
    assert_eq!(
        (
            failed["account_id"].as_str(),
            failed["receiver_id"].as_str()
        ),
        (Some("ghost"), Some("ghost"))
    );
    assert_eq!(failed["error_code"], 102404);
    // Custom notifications are logged, not stored as messages.
    let n = h
        .call(
            "msg/sendBatchAttachMsg.action",
            &[
                ("fromAccid", "alice"),
                ("toAccids", r#"["bob","x1"]"#),
                ("attach", "{}"),
            ],
        )
        .await;
    assert_eq!(n.json()["unregister"], "[\"x1\"]");
    let n = h
        .v2(
            "POST",
            "im/v2/custom_notification/batch",
            Some(json!({"sender_id":"alice","receiver_ids":["carol","x2"],"content":"{}"})),
        )
        .await
        .data();
    assert_eq!(n["success_list"], json!(["carol"]));
    assert_eq!(n["failed_list"][0]["account_id"], "x2");
    assert_eq!(h.emu.notifications().len(), 2);
    assert_eq!(h.emu.messages().len(), 3);
}

#[tokio::test]
async fn recall_works_inside_the_window_only() {
    let h = harness().await;
    let recall = |id: u64, extra: Option<(&'static str, &'static str)>| {
        let id = id.to_string();
        let h = &h;
        async move {
            let mut params = vec![
                ("deleteMsgid", id.as_str()),
                ("timetag", "1"),
                ("type", "7"),
                ("from", "alice"),
                ("to", "bob"),
            ];
            params.extend(extra);
            h.call("msg/recall.action", &params).await
        }
    };
    let early = v1_text(&h, "alice", "bob", "oops").await;
    assert_eq!(recall(early, None).await.code(), 200);
    assert_eq!(v1_history(&h, "bob", "alice", &[]).await["size"], 0);
    assert!(h.emu.messages()[0].recalled);

    let late = v1_text(&h, "alice", "bob", "too late").await;
    h.emu.advance_clock(121);
    recall(late, None).await.assert_error(508, "window");
    let path = format!("im/v2/conversations/alice|1|bob/messages/{late}?type=2");
    h.v2("DELETE", &path, None)
        .await
        .assert_v2_error(107508, "window");
    h.emu.set_recall_window(Duration::from_secs(600));
    assert_eq!(h.v2("DELETE", &path, None).await.data(), json!({}));
    h.v2("DELETE", &path, None)
        .await
        .assert_v2_error(107404, "not found");

    let old = v1_text(&h, "alice", "bob", "old").await;
    h.emu.advance_clock(3600);
    recall(old, None).await.assert_error(508, "window");
    assert_eq!(recall(old, Some(("ignoreTime", "1"))).await.code(), 200);
    // An unknown message is 200 (documented).
    assert_eq!(recall(42, None).await.code(), 200);
    // The admin knob.
    let url = format!(
        "http://{}/_emulator/state/recall_window",
        h.emu.local_addr()
    );
    let put = h
        .http
        .put(&url)
        .body(r#"{"seconds":30}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200);
    let got = h
        .http
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .parse::<Value>()
        .unwrap();
    assert_eq!(got["seconds"], 30);
}

#[tokio::test]
async fn deletes_and_one_way_recalls_hide_messages() {
    let h = harness().await;
    let a = v1_text(&h, "alice", "bob", "a").await;
    let b = v1_text(&h, "alice", "bob", "b").await;
    let c = v1_text(&h, "alice", "bob", "c").await;
    let del = h
        .call(
            "msg/delMsg.action",
            &[
                ("deleteMsgid", &a.to_string()),
                ("timetag", "1"),
                ("type", "7"),
                ("from", "alice"),
                ("to", "bob"),
            ],
        )
        .await;
    assert_eq!(del.code(), 200);
    let one_way = h
        .call(
            "msg/delMsgOneWay.action",
            &[
                ("deleteMsgid", &b.to_string()),
                ("timetag", "1"),
                ("type", "13"),
                ("from", "alice"),
                ("to", "bob"),
            ],
        )
        .await;
    assert_eq!(one_way.code(), 200);
    // The sender keeps the one-way recalled message; the receiver sees it only as no-sense.
    assert_eq!(v1_history(&h, "alice", "bob", &[]).await["size"], 2);
    assert_eq!(v1_history(&h, "bob", "alice", &[]).await["size"], 1);
    assert_eq!(
        v1_history(&h, "bob", "alice", &[("includeNoSenseMsg", "true")]).await["size"],
        2
    );
    // Clearing history hides the messages for the owner only.
    let cleared = h
        .v2(
            "DELETE",
            "im/v2/conversations/alice|1|bob/messages?type=2",
            None,
        )
        .await;
    assert_eq!(cleared.data(), json!({}));
    assert_eq!(v2_page(&h, "alice|1|bob", "").await["items"], json!([]));
    assert_eq!(
        v2_page(&h, "bob|1|alice", "").await["items"][0]["message_server_id"],
        c
    );
    let roam = h
        .call(
            "msg/delRoamSession.action",
            &[("type", "1"), ("from", "bob"), ("to", "alice")],
        )
        .await;
    assert_eq!(roam.code(), 200);
}

#[tokio::test]
async fn broadcasts_share_one_store_and_expire() {
    let h = harness().await;
    let a = h
        .call(
            "msg/broadcastMsg.action",
            &[
                ("body", "hello all"),
                ("from", "alice"),
                ("isOffline", "true"),
                ("ttl", "2"),
                ("targetOs", r#"["ios","aos"]"#),
            ],
        )
        .await;
    assert_eq!(a.code(), 200, "{}", a.body);
    let msg = a.json()["msg"].clone();
    let id = msg["broadcastId"].as_u64().unwrap();
    assert_eq!(
        msg["expireTime"].as_u64().unwrap() - msg["createTime"].as_u64().unwrap(),
        7_200_000
    );
    let v2 = h
        .v2("GET", &format!("im/v2/broadcast_notification/{id}"), None)
        .await
        .data();
    assert_eq!(v2["content"], "hello all");
    assert_eq!(v2["broadcast_id"], id);
    let sent = h
        .v2(
            "POST",
            "im/v2/broadcast_notification",
            Some(json!({"content": "second", "offline_enabled": false})),
        )
        .await
        .data();
    let second = sent["broadcast_id"].as_u64().unwrap();
    assert_eq!(
        sent["expire_time"].as_u64().unwrap() - sent["create_time"].as_u64().unwrap(),
        168 * 3_600_000
    );
    let list = h.call("history/queryBroadcastMsg.action", &[]).await.json();
    assert_eq!(list["msgs"].as_array().unwrap().len(), 2);
    assert_eq!(list["msgs"][0]["broadcastId"], second);
    let page = h
        .v2("GET", "im/v2/broadcast_notification?limit=1", None)
        .await
        .data();
    assert_eq!(page["has_more"], true);
    let rest = h
        .v2(
            "GET",
            &format!(
                "im/v2/broadcast_notification?limit=1&page_token={}",
                page["next_token"].as_str().unwrap()
            ),
            None,
        )
        .await
        .data();
    assert_eq!(rest["items"][0]["broadcast_id"], id);
    // Two hours later the first has expired.
    h.emu.advance_clock(2 * 3600 + 1);
    let gone = h
        .call(
            "history/queryBroadcastMsgById.action",
            &[("broadcastId", &id.to_string())],
        )
        .await;
    gone.assert_error(404, "broadcast");
    let list = h
        .v2("GET", "im/v2/broadcast_notification", None)
        .await
        .data();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let del = h
        .call(
            "history/delBroadcastMsgById.action",
            &[("broadcastId", &second.to_string())],
        )
        .await;
    assert_eq!(del.code(), 200);
    h.v2(
        "DELETE",
        &format!("im/v2/broadcast_notification/{second}"),
        None,
    )
    .await
    .assert_v2_error(404, "not found");
    assert_eq!(h.emu.broadcasts().len(), 1);
}

#[tokio::test]
async fn bad_parameters_are_414_naming_the_field() {
    let h = harness().await;
    let send = |params: Vec<(&'static str, String)>| {
        let h = &h;
        async move {
            let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
            h.call("msg/sendMsg.action", &params).await
        }
    };
    let base = |ty: &str, body: String| {
        vec![
            ("from", "alice".to_owned()),
            ("ope", "0".into()),
            ("to", "bob".into()),
            ("type", ty.to_owned()),
            ("body", body),
        ]
    };
    send(base("5", "{}".into())).await.assert_error(414, "type");
    send(base("0", format!("{{\"msg\":\"{}\"}}", "x".repeat(5000))))
        .await
        .assert_error(414, "body");
    send(base("0", "not json".into()))
        .await
        .assert_error(414, "body");
    let mut ope = base("0", r#"{"msg":"a"}"#.into());
    ope[1].1 = "2".into();
    send(ope).await.assert_error(414, "ope");
    let mut unknown = base("0", r#"{"msg":"a"}"#.into());
    unknown[2].1 = "nobody".into();
    send(unknown).await.assert_error(414, "nobody");
    let many: Vec<String> = (0..101).map(|i| format!("u{i}")).collect();
    h.call(
        "msg/sendBatchMsg.action",
        &[
            ("fromAccid", "alice"),
            ("toAccids", &serde_json::to_string(&many).unwrap()),
            ("type", "0"),
            ("body", r#"{"msg":"a"}"#),
            ("returnMsgid", "true"),
        ],
    )
    .await
    .assert_error(414, "toAccids");
    let (begin, _) = window(&h);
    h.call(
        "history/querySessionMsg.action",
        &[
            ("from", "alice"),
            ("to", "bob"),
            ("begintime", &begin),
            ("endtime", &begin),
        ],
    )
    .await
    .assert_error(414, "bad time");
    h.call("msg/upload.action", &[("content", "!!not base64")])
        .await
        .assert_error(414, "content");
    h.v2(
        "GET",
        "im/v2.1/conversations/alice|1|bob/messages?begin_time=0&end_time=1&limit=0",
        None,
    )
    .await
    .assert_v2_error(414, "limit");
    h.v2(
        "POST",
        "im/v2/conversations/alice|1|bob/messages",
        Some(json!({"message": {"message_type": 1}})),
    )
    .await
    .assert_v2_error(414, "message.attachment");
    h.v2(
        "POST",
        "im/v2/conversations/alice|1|ghost/messages",
        Some(json!({"message": {"message_type": 0, "text": "x"}})),
    )
    .await
    .assert_v2_error(102404, "ghost");
}

#[tokio::test]
async fn bans_mutes_and_teams_are_refused() {
    let h = harness().await;
    let text = r#"{"msg":"a"}"#;
    assert_eq!(
        h.call("user/mute.action", &[("accid", "carol"), ("mute", "true")])
            .await
            .code(),
        200
    );
    h.call(
        "msg/sendMsg.action",
        &[
            ("from", "carol"),
            ("ope", "0"),
            ("to", "bob"),
            ("type", "0"),
            ("body", text),
        ],
    )
    .await
    .assert_error(423, "muted");
    assert_eq!(
        h.call("user/block.action", &[("accid", "bob")])
            .await
            .code(),
        200
    );
    h.call(
        "msg/sendMsg.action",
        &[
            ("from", "bob"),
            ("ope", "0"),
            ("to", "alice"),
            ("type", "0"),
            ("body", text),
        ],
    )
    .await
    .assert_error(422, "disabled");
    h.v2(
        "POST",
        "im/v2/conversations/bob|1|alice/messages",
        Some(json!({"message": {"message_type": 0, "text": "x"}})),
    )
    .await
    .assert_v2_error(102422, "disabled");
    h.call(
        "msg/sendMsg.action",
        &[
            ("from", "alice"),
            ("ope", "1"),
            ("to", "123"),
            ("type", "0"),
            ("body", text),
        ],
    )
    .await
    .assert_error(803, "team");
    h.v2(
        "POST",
        "im/v2/conversations/alice|2|123/messages",
        Some(json!({"message": {"message_type": 0, "text": "x"}})),
    )
    .await
    .assert_v2_error(108404, "team");
}

#[tokio::test]
async fn modify_comments_threads_streams_and_search() {
    let h = harness().await;
    let root = v1_text(&h, "alice", "bob", "root words").await;
    let m = h.emu.messages()[0].clone();
    let modify = |text: &'static str, operator: &'static str| {
        let h = &h;
        let m = m.clone();
        async move {
            h.v2("POST", "im/v2/messages/actions/modifyMsg", Some(json!({
                "operator": operator, "type": 1,
                "message": {"message_server_id": m.server_id, "receiver_id": "bob", "time": m.create_time, "sender_id": "alice", "message_type": 0, "text": text},
            }))).await
        }
    };
    modify("x", "bob").await.assert_v2_error(107403, "sender");
    assert_eq!(
        modify("edited words", "alice").await.data()["modify_account_id"],
        "alice"
    );
    modify("again", "alice")
        .await
        .assert_v2_error(107449, "1 s");
    assert_eq!(
        v1_history(&h, "bob", "alice", &[]).await["msgs"][0]["body"]["msg"],
        "edited words"
    );

    let target = json!({"conversation_type": 1, "sender_id": "alice", "receiver_id": "bob", "message_server_id": root, "message_client_id": m.client_id, "create_time": m.create_time});
    let added = h
        .v2(
            "PATCH",
            "im/v2/messages/actions/quick_comment",
            Some(json!({"operator_id": "bob", "index": 3, "message": target})),
        )
        .await
        .data();
    assert!(added["time"].as_u64().is_some());
    let q = h
        .v2(
            "POST",
            "im/v2/messages/actions/quick_comment",
            Some(json!({"messages": [target]})),
        )
        .await
        .data();
    assert_eq!(q["success_list"][0]["comments"][0]["operator_id"], "bob");
    assert_eq!(q["success_list"][0]["comments"][0]["index"], 3);

    let reply = h
        .v2("POST", "im/v2/conversations/bob|1|alice/messages", Some(json!({
            "message": {"message_type": 0, "text": "a reply"},
            "thread_config": {"thread_root": {"message_server_id": root, "sender_id": "alice", "receiver_id": "bob", "create_time": m.create_time, "message_client_id": m.client_id}},
        })))
        .await
        .data();
    let (begin, end) = window(&h);
    for name in ["message_server_id", "root_message_id"] {
        let path = format!(
            "im/v2.1/messages/actions/thread_messages?begin_time={begin}&end_time={end}&limit=10&conversation_type=1&sender_id=alice&receiver_id=bob&{name}={root}"
        );
        let t = h.v2("GET", &path, None).await.data();
        assert_eq!(t["total"], 1);
        assert_eq!(
            t["messages"][0]["message_server_id"],
            reply["message_server_id"]
        );
        assert_eq!(t["thread_root"]["message_server_id"], root);
    }

    let first = h
        .v2("POST", "im/v2/conversations/alice|1|bob/messages/actions/stream_message", Some(json!({"message": {"message_type": 0, "attachment": {"text": "Hel", "index": 0, "finish": 0}}})))
        .await
        .data();
    let sid = first["message_server_id"].as_u64().unwrap();
    let done = h
        .v2("POST", "im/v2/conversations/alice|1|bob/messages/actions/stream_message", Some(json!({"message": {"message_type": 0, "message_server_id": sid, "attachment": {"text": "lo", "index": 1, "finish": 1}}})))
        .await
        .data();
    assert_eq!(done["text"], "Hello");
    assert_eq!(done["attachment"]["finish"], 1);

    let search = h
        .v2("GET", "im/v2.1/messages/actions/search_messages?operator_id=bob&keyword_list=%5B%22words%22%5D", None)
        .await
        .data();
    assert_eq!(search["count"], 1);
    assert_eq!(search["items"][0]["message_server_id"], root);
}

#[tokio::test]
async fn uploads_sessions_events_and_receipts() {
    let h = harness().await;
    let up = h
        .call(
            "msg/upload.action",
            &[
                ("content", "aGVsbG8="),
                ("type", "text/plain"),
                ("tag", "t"),
            ],
        )
        .await;
    assert_eq!(up.code(), 200, "{}", up.body);
    let url = up.json()["url"].as_str().unwrap().to_owned();
    assert!(url.contains("/_emulator/files/"), "{url}");
    let file = h
        .http
        .get(&url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
        .parse::<Value>()
        .unwrap();
    assert_eq!(file["content_base64"], "aGVsbG8=");
    assert_eq!(file["size"], 5);
    let now = (h.emu.state_now() * 1000).to_string();
    let del = h
        .call(
            "job/nos/del.action",
            &[
                ("startTime", "0"),
                ("endTime", &now),
                ("contentType", "text"),
            ],
        )
        .await;
    assert!(del.json()["data"]["taskid"].is_string());
    assert_eq!(h.http.get(&url).send().await.unwrap().status(), 404);

    v1_text(&h, "alice", "bob", "1").await;
    v1_text(&h, "carol", "alice", "2").await;
    let list = h
        .call(
            "history/querySessionList.action",
            &[("accid", "alice"), ("needLastMsg", "1")],
        )
        .await
        .json();
    let sessions = list["data"]["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[0]["accid"], "carol");
    assert_eq!(sessions[0]["lastMsgType"], "0");
    assert_eq!(list["data"]["hasMore"], false);

    h.emu.add_user_event(nim_emulator::UserEvent::new(
        "alice",
        2,
        h.emu.state_now() * 1000,
        "IOS",
    ));
    let (begin, end) = window(&h);
    let events = h
        .call(
            "history/queryUserEvents.action",
            &[("accid", "alice"), ("begintime", &begin), ("endtime", &end)],
        )
        .await
        .json();
    assert_eq!(events["size"], 1);
    assert_eq!(events["events"][0]["eventType"], 2);

    let read = h
        .call(
            "msg/markReadMsg.action",
            &[("from", "bob"), ("to", "alice"), ("msgidClient", "c")],
        )
        .await;
    assert!(read.json()["data"]["timestamp"].as_u64().is_some());
    let id = h.emu.messages()[0].server_id;
    let r = h
        .v2("POST", "im/v2/messages/actions/p2p_read_receipt", Some(json!({"from_account_id": "bob", "to_account_id": "alice", "message_server_id": id})))
        .await
        .data();
    assert!(r["timestamp"].as_u64().is_some());
}

/// Every one of the 44 message paths is served (answers something other than 404).
#[tokio::test]
async fn every_message_path_is_routed() {
    let h = harness().await;
    let v1 = [
        "msg/sendMsg",
        "msg/sendBatchMsg",
        "msg/recall",
        "msg/broadcastMsg",
        "history/delBroadcastMsgById",
        "msg/delMsg",
        "msg/delMsgOneWay",
        "msg/delRoamSession",
        "msg/markReadMsg",
        "msg/markReadTeamMsg",
        "msg/upload",
        "job/nos/del",
        "msg/sendAttachMsg",
        "msg/sendBatchAttachMsg",
        "history/querySessionMsg",
        "history/queryTeamMsg",
        "history/querySessionList",
        "history/queryUserEvents",
        "history/queryBroadcastMsg",
        "history/queryBroadcastMsgById",
    ];
    for path in v1 {
        let a = h.call(&format!("{path}.action"), &[]).await;
        assert_ne!(a.code(), 404, "{path}: {}", a.body);
    }
    let v2 = [
        (
            "POST",
            "im/v2/conversations/a|1|b/messages/actions/stream_message",
        ),
        ("POST", "im/v2/conversations/a|1|b/messages"),
        ("POST", "im/v2/conversations/messages"),
        ("POST", "im/v2/messages/actions/modifyMsg"),
        ("DELETE", "im/v2/conversations/a|1|b/messages/1"),
        ("DELETE", "im/v2/conversations/a|1|b/messages"),
        ("POST", "im/v2/messages/actions/p2p_read_receipt"),
        ("POST", "im/v2/messages/actions/team_read_receipt"),
        ("GET", "im/v2/messages/actions/team_read_receipt"),
        ("GET", "im/v2.1/conversations/a|1|b/messages/1"),
        ("GET", "im/v2.1/messages/actions/search_messages"),
        ("GET", "im/v2.1/conversations/a|1|b/messages"),
        ("POST", "im/v2.1/conversations/a|1|b/batch_messages"),
        ("GET", "im/v2.1/messages/actions/thread_messages"),
        ("PATCH", "im/v2/messages/actions/quick_comment"),
        ("DELETE", "im/v2/messages/actions/quick_comment"),
        ("POST", "im/v2/messages/actions/quick_comment"),
        ("POST", "im/v2/custom_notification"),
        ("POST", "im/v2/custom_notification/batch"),
        ("POST", "im/v2/broadcast_notification"),
        ("DELETE", "im/v2/broadcast_notification/1"),
        ("GET", "im/v2/broadcast_notification/1"),
        ("GET", "im/v2/broadcast_notification"),
        ("POST", "im/v2.1/broadcast_notification/actions/chatroom"),
    ];
    assert_eq!(v1.len() + v2.len(), 44);
    for (method, path) in v2 {
        let a = h.v2(method, path, Some(json!({}))).await;
        let code = a.code();
        assert!(
            code != 404 || a.msg().contains("broadcast"),
            "{method} {path}: {}",
            a.body
        );
        assert!(
            !a.msg().contains("no such operation"),
            "{method} {path}: {}",
            a.body
        );
    }
}
