//! Chatroom messages over HTTP (v1 sends, recall, delete, both history queries; v2 send,
//! batch, recall and history): who may send, what is kept, and that one protocol reads
//! what the other wrote.

use crate::common::Harness;
use crate::{create, enter, harness, ok, toggle};
use serde_json::{Value, json};

/// `fromAccid` sends text `words` with client id `msg_id` into room `id`: the answer.
async fn send(
    h: &Harness,
    id: &str,
    from: &str,
    msg_id: &str,
    words: &str,
) -> crate::common::Answer {
    let params = [
        ("roomid", id),
        ("msgId", msg_id),
        ("fromAccid", from),
        ("msgType", "0"),
        ("attach", words),
    ];
    h.call("chatroom/sendMsg.action", &params).await
}

/// The attaches of room `id`'s history as `history/queryChatroomMsg` lists them with
/// `extra` parameters (newest first unless `reverse=1`).
async fn history(h: &Harness, id: &str, extra: &[(&str, &str)]) -> Vec<String> {
    let mut params = vec![
        ("roomid", id),
        ("accid", "owner"),
        ("timetag", "0"),
        ("limit", "100"),
    ];
    params.extend_from_slice(extra);
    let answer = ok(h.call("history/queryChatroomMsg.action", &params).await);
    let msgs = answer["msgs"].as_array().unwrap();
    assert_eq!(answer["size"], msgs.len());
    msgs.iter()
        .map(|m| m["body"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn send_msg_answers_strings_as_production_and_keeps_the_message() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let answer = ok(send(&h, &id, "owner", "m-1", "hello").await);
    let desc = &answer["desc"];
    assert_eq!(desc["roomId"], id);
    assert_eq!(desc["msgid_client"], "m-1");
    assert_eq!(desc["type"], "0");
    assert_eq!(desc["fromClientType"], "REST");
    assert_eq!(desc["attach"], "hello");
    assert!(desc["time"].as_str().unwrap().parse::<u64>().is_ok());
    assert!(desc.get("highPriorityFlag").is_none());

    let answer = ok(h
        .call(
            "history/queryChatroomMsg.action",
            &[
                ("roomid", &id),
                ("accid", "owner"),
                ("timetag", "0"),
                ("limit", "10"),
            ],
        )
        .await);
    let item = &answer["msgs"][0];
    assert_eq!(item["msgid"], "m-1");
    assert_eq!(item["from"], "owner");
    assert_eq!(item["fromclienttype"], 32);
    assert_eq!(item["sendtime"].as_u64().unwrap().to_string(), desc["time"]);
}

#[tokio::test]
async fn any_registered_account_may_send_into_an_open_room() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    // No source restricts the sender to the room's members: the app server speaks for
    // whom it likes.
    ok(send(&h, &id, "guest", "a", "from outside").await);
    send(&h, &id, "nobody", "a", "hi")
        .await
        .assert_error(414, "not register");
    send(&h, "1", "owner", "a", "hi")
        .await
        .assert_error(404, "does not exist");
    let (status, _) = enter(&h, &id, "guest", &[]).await;
    assert_eq!(status, 200);
    ok(send(&h, &id, "guest", "b", "hi").await);
    ok(toggle(&h, &id, "owner", "false").await);
    send(&h, &id, "owner", "c", "hi")
        .await
        .assert_error(13002, "closed");
    assert_eq!(history(&h, &id, &[]).await, ["hi", "from outside"]);
}

#[tokio::test]
async fn message_parameters_are_checked() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let base = [
        ("roomid", id.as_str()),
        ("msgId", "m"),
        ("fromAccid", "owner"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut params = base.to_vec();
        params.extend_from_slice(extra);
        params
    };
    let bad_type = with(&[("msgType", "5"), ("attach", "x")]);
    h.call("chatroom/sendMsg.action", &bad_type)
        .await
        .assert_error(414, "msgType");
    let not_json = with(&[("msgType", "1"), ("attach", "cat.jpg")]);
    h.call("chatroom/sendMsg.action", &not_json)
        .await
        .assert_error(414, "JSON object");
    let long = "x".repeat(4097);
    let mut params = with(&[("msgType", "0")]);
    params.push(("attach", &long));
    h.call("chatroom/sendMsg.action", &params)
        .await
        .assert_error(414, "attach");
    let ratio = with(&[("msgType", "0"), ("attach", "x"), ("abandonRatio", "10000")]);
    h.call("chatroom/sendMsg.action", &ratio)
        .await
        .assert_error(414, "abandonRatio");
    let place = with(&[("msgType", "0"), ("attach", "x"), ("locX", "north")]);
    h.call("chatroom/sendMsg.action", &place)
        .await
        .assert_error(414, "locX");
    let image = with(&[
        ("msgType", "1"),
        ("attach", r#"{"url":"https://e.com/a.png"}"#),
        ("locX", "1.5"),
    ]);
    ok(h.call("chatroom/sendMsg.action", &image).await);
}

#[tokio::test]
async fn skipped_directed_and_resent_messages_stay_out_of_the_history() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    ok(send(&h, &id, "owner", "a", "kept").await);
    let skip = [
        ("roomid", id.as_str()),
        ("msgId", "b"),
        ("fromAccid", "owner"),
        ("msgType", "0"),
        ("attach", "skipped"),
        ("skipHistory", "1"),
        ("highPriority", "true"),
    ];
    let answer = ok(h.call("chatroom/sendMsg.action", &skip).await);
    assert_eq!(answer["desc"]["highPriorityFlag"], 1);
    let directed = [
        ("roomid", id.as_str()),
        ("msgId", "c"),
        ("fromAccid", "owner"),
        ("toAccids", r#"["guest"]"#),
        ("msgType", "0"),
        ("attach", "psst"),
    ];
    let answer = ok(h.call("chatroom/sendMsgToSomeone.action", &directed).await);
    assert_eq!(answer["desc"]["attach"], "psst");
    let resend = [
        ("roomid", id.as_str()),
        ("msgId", "a"),
        ("fromAccid", "owner"),
        ("msgType", "0"),
        ("attach", "kept"),
        ("resendFlag", "1"),
    ];
    ok(h.call("chatroom/sendMsg.action", &resend).await);
    assert_eq!(history(&h, &id, &[]).await, ["kept"]);
    let nobody = [("toAccids", "[]")];
    let mut params = directed.to_vec();
    params.retain(|(k, _)| *k != "toAccids");
    params.extend_from_slice(&nobody);
    h.call("chatroom/sendMsgToSomeone.action", &params)
        .await
        .assert_error(414, "toAccids");
}

#[tokio::test]
async fn a_batch_sends_the_good_items_and_lists_the_bad_ones() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let list = json!([
        {"msgId": "a", "msgType": 0, "attach": "one"},
        {"msgId": "b", "msgType": 7, "attach": "bad"},
        {"msgId": "c", "msgType": 10, "attach": "two", "subType": 2},
    ])
    .to_string();
    let params = [
        ("roomid", id.as_str()),
        ("fromAccid", "owner"),
        ("msgList", &list),
    ];
    let answer = ok(h.call("chatroom/batchSendMsg.action", &params).await);
    assert_eq!(answer["success"].as_array().unwrap().len(), 2);
    assert_eq!(answer["success"][1]["c"]["type"], "10");
    assert!(answer["fail"][0]["b"].as_str().unwrap().contains("msgType"));
    assert_eq!(history(&h, &id, &[("reverse", "1")]).await, ["one", "two"]);

    let eleven: Vec<Value> = (0..11)
        .map(|i| json!({"msgId": i.to_string(), "msgType": 0, "attach": "x"}))
        .collect();
    let eleven = Value::from(eleven).to_string();
    let params = [
        ("roomid", id.as_str()),
        ("fromAccid", "owner"),
        ("msgList", &eleven),
    ];
    h.call("chatroom/batchSendMsg.action", &params)
        .await
        .assert_error(414, "msgList");

    // A list with a non-object item is refused whole: its good first item is not kept.
    let mixed = json!([{"msgId": "e", "msgType": 0, "attach": "lost"}, "not an object"]);
    let mixed = mixed.to_string();
    let params = [
        ("roomid", id.as_str()),
        ("fromAccid", "owner"),
        ("msgList", &mixed),
    ];
    h.call("chatroom/batchSendMsg.action", &params)
        .await
        .assert_error(414, "JSON objects");
    assert_eq!(history(&h, &id, &[("reverse", "1")]).await, ["one", "two"]);

    let directed = [
        ("roomid", id.as_str()),
        ("fromAccid", "owner"),
        ("toAccids", r#"["guest"]"#),
        ("msgList", r#"[{"msgId":"d","msgType":0,"attach":"psst"}]"#),
    ];
    let answer = ok(h
        .call("chatroom/batchSendMsgToSomeone.action", &directed)
        .await);
    assert_eq!(answer["success"][0]["d"]["attach"], "psst");
    assert_eq!(history(&h, &id, &[]).await, ["two", "one"]);
}

#[tokio::test]
async fn history_pages_by_time_and_filters_by_type() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    for (i, words) in ["a", "b", "c"].iter().enumerate() {
        ok(send(&h, &id, "owner", &i.to_string(), words).await);
    }
    let custom = [
        ("roomid", id.as_str()),
        ("msgId", "x"),
        ("fromAccid", "owner"),
        ("msgType", "100"),
        ("attach", r#"{"k":1}"#),
    ];
    ok(h.call("chatroom/sendMsg.action", &custom).await);
    assert_eq!(history(&h, &id, &[("type", "0")]).await, ["c", "b", "a"]);
    let params = [
        ("roomid", id.as_str()),
        ("accid", "owner"),
        ("timetag", "0"),
        ("limit", "2"),
    ];
    let page = ok(h.call("history/queryChatroomMsg.action", &params).await);
    let last = page["msgs"][1]["sendtime"].as_u64().unwrap().to_string();
    assert_eq!(page["msgs"][0]["body"], r#"{"k":1}"#);
    let next = [
        ("roomid", id.as_str()),
        ("accid", "owner"),
        ("timetag", &last),
        ("limit", "2"),
    ];
    let page = ok(h.call("history/queryChatroomMsg.action", &next).await);
    assert_eq!(page["msgs"][0]["body"], "b");
    assert_eq!(page["msgs"][1]["body"], "a");
    let too_many = [
        ("roomid", id.as_str()),
        ("accid", "owner"),
        ("timetag", "0"),
        ("limit", "201"),
    ];
    h.call("history/queryChatroomMsg.action", &too_many)
        .await
        .assert_error(414, "limit");
}

#[tokio::test]
async fn recall_and_delete_remove_messages_from_the_history() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    enter(&h, &id, "guest", &[]).await;
    let first = ok(send(&h, &id, "guest", "g-1", "oops").await);
    let time = first["desc"]["time"].as_str().unwrap().to_owned();
    ok(send(&h, &id, "owner", "o-1", "fine").await);
    let second = ok(send(&h, &id, "owner", "o-2", "gone").await);
    let recall = |operator: &'static str, time: String| {
        vec![
            ("roomid".to_owned(), id.clone()),
            ("msgTimetag".to_owned(), time),
            ("msgId".to_owned(), "g-1".to_owned()),
            ("fromAcc".to_owned(), "guest".to_owned()),
            ("operatorAcc".to_owned(), operator.to_owned()),
        ]
    };
    let by_other = recall("other", time.clone());
    h.call("chatroom/recall.action", &as_refs(&by_other))
        .await
        .assert_error(403, "recall");
    // A wrong time matches nothing: 200, nothing recalled (as production answered).
    let wrong = recall("owner", "1".to_owned());
    ok(h.call("chatroom/recall.action", &as_refs(&wrong)).await);
    assert_eq!(history(&h, &id, &[]).await, ["gone", "fine", "oops"]);
    let by_owner = recall("owner", time);
    ok(h.call("chatroom/recall.action", &as_refs(&by_owner)).await);
    let second_time = second["desc"]["time"].as_str().unwrap();
    let delete = [
        ("roomid", id.as_str()),
        ("fromAcc", "owner"),
        ("msgTimetag", second_time),
    ];
    ok(h.call("chatroom/deleteHistoryMessage.action", &delete)
        .await);
    assert_eq!(history(&h, &id, &[]).await, ["fine"]);
    let record = h.emu.chatroom(id.parse().unwrap()).unwrap();
    assert_eq!(record.message_count, 3);
}

#[tokio::test]
async fn tag_history_matches_the_senders_tags_at_both_paths() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    enter(&h, &id, "guest", &["vip"]).await;
    ok(send(&h, &id, "guest", "g", "from vip").await);
    ok(send(&h, &id, "owner", "o", "from owner").await);
    for path in [
        "history/queryTagHistoryMsg.action",
        "chatroom/queryTagHistoryMsg.action",
    ] {
        let params = [
            ("roomId", id.as_str()),
            ("tags", r#"["vip"]"#),
            ("limit", "10"),
        ];
        let answer = ok(h.call(path, &params).await);
        assert_eq!(answer["size"], 1, "{path}");
        assert_eq!(answer["msgs"][0]["body"], "from vip");
    }
    let untagged = [("roomId", id.as_str()), ("tags", "[]")];
    h.call("history/queryTagHistoryMsg.action", &untagged)
        .await
        .assert_error(414, "tags");

    // `reverse` reads as the other history query's: 1 oldest first, 2 newest first.
    enter(&h, &id, "other", &["vip"]).await;
    ok(send(&h, &id, "other", "x", "later vip").await);
    for (reverse, first) in [("1", "from vip"), ("2", "later vip")] {
        let params = [
            ("roomId", id.as_str()),
            ("tags", r#"["vip"]"#),
            ("reverse", reverse),
        ];
        let answer = ok(h.call("history/queryTagHistoryMsg.action", &params).await);
        assert_eq!(answer["msgs"][0]["body"], first, "reverse={reverse}");
    }
    let bad = [
        ("roomId", id.as_str()),
        ("tags", r#"["vip"]"#),
        ("reverse", "up"),
    ];
    h.call("history/queryTagHistoryMsg.action", &bad)
        .await
        .assert_error(414, "reverse");
}

#[tokio::test]
async fn broadcast_answers_the_message_and_keeps_it_nowhere() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let params = [
        ("msgId", "b-1"),
        ("fromAccid", "owner"),
        ("msgType", "0"),
        ("attach", "to all rooms"),
    ];
    let answer = ok(h.call("chatroom/broadcast.action", &params).await);
    assert_eq!(answer["desc"]["attach"], "to all rooms");
    assert!(answer["desc"].get("roomId").is_none());
    assert!(history(&h, &id, &[]).await.is_empty());
    let mut with_ext = params.to_vec();
    with_ext.push(("yidunAntiSpamExt", "{}"));
    h.call("chatroom/broadcast.action", &with_ext)
        .await
        .assert_error(414, "yidunAntiSpamExt");
}

/// Borrowed form parameters.
fn as_refs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter()
        .map(|(k, val)| (k.as_str(), val.as_str()))
        .collect()
}

/// v2 sendChatroomMessage of `message` by `sender` into room `id`, with `extra` members.
async fn v2_send(
    h: &Harness,
    id: &str,
    sender: &str,
    message: Value,
    extra: Value,
) -> crate::common::Answer {
    let mut body = json!({"sender_id": sender, "message": message});
    if let (Some(body), Value::Object(extra)) = (body.as_object_mut(), extra) {
        body.extend(extra);
    }
    h.v2(
        "POST",
        &format!("im/v2/chatrooms/{id}/messages"),
        Some(body),
    )
    .await
}

/// One v2 history page of `owner`'s messages in room `id` (`query` appended).
async fn v2_page(h: &Harness, version: &str, id: &str, query: &str) -> Value {
    let path = format!("im/{version}/chatrooms/{id}/messages?sender_id=owner{query}");
    h.v2("GET", &path, None).await.data()
}

fn texts(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn v1_and_v2_send_into_one_history() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    ok(send(&h, &id, "owner", "v1-a", "from v1").await);
    let image = json!({"message_type": 1, "message_client_id": "v2-b", "text": "a cat",
                       "attachment": {"url": "https://e.com/cat.png", "w": 4}});
    let sent = v2_send(&h, &id, "owner", image, json!({"extension": "{}"}))
        .await
        .data();
    let message = &sent["message"];
    assert_eq!(message["room_id"].as_u64().unwrap().to_string(), id);
    assert_eq!(message["attachment"]["url"], "https://e.com/cat.png");
    assert_eq!(message["sender_client_type"], 32);
    assert_eq!(sent["failed_list"], json!([]));
    let text = json!({"message_type": 0, "message_client_id": "v2-c", "text": "from v2"});
    v2_send(&h, &id, "owner", text, json!({})).await.data();

    let v1 = ok(h
        .call(
            "history/queryChatroomMsg.action",
            &[
                ("roomid", &id),
                ("accid", "owner"),
                ("timetag", "0"),
                ("limit", "10"),
            ],
        )
        .await);
    assert_eq!(v1["msgs"][0]["body"], "from v2");
    let attach: Value = serde_json::from_str(v1["msgs"][1]["body"].as_str().unwrap()).unwrap();
    assert_eq!(attach, json!({"url": "https://e.com/cat.png", "w": 4}));
    assert_eq!(v1["msgs"][2]["msgid"], "v1-a");

    let page = v2_page(&h, "v2.1", &id, "&limit=10").await;
    assert_eq!(texts(&page), ["from v2", "a cat", "from v1"]);
    assert_eq!(page["items"][2]["message_client_id"], "v1-a");
    assert_eq!(page["has_more"], false);
}

#[tokio::test]
async fn v2_sends_are_checked_and_directed_ones_not_kept() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let text = |cid: &str| json!({"message_type": 0, "message_client_id": cid, "text": "hi"});
    let directed = v2_send(
        &h,
        &id,
        "owner",
        text("d"),
        json!({"receiver_ids": ["guest"]}),
    )
    .await
    .data();
    assert_eq!(directed["failed_list"][0]["receiver_id"], "guest");
    assert_eq!(directed["failed_list"][0]["account_id"], "guest");
    v2_send(
        &h,
        &id,
        "owner",
        text("e"),
        json!({"receiver_ids": ["guest"], "message_config": {"high_priority": true}}),
    )
    .await
    .assert_v2_error(414, "message_config");
    let spatial =
        json!({"message_type": 0, "message_client_id": "k", "text": "hi", "location_x": 1.5});
    v2_send(
        &h,
        &id,
        "owner",
        spatial.clone(),
        json!({"receiver_ids": ["guest"]}),
    )
    .await
    .assert_v2_error(414, "message.location_x");
    let skipped = json!({"message_config": {"history_enabled": false}});
    v2_send(&h, &id, "owner", spatial, skipped.clone())
        .await
        .data();
    v2_send(&h, &id, "owner", text("f"), skipped.clone())
        .await
        .data();
    // Someone not in the room may send too (not kept here, as the history must stay empty).
    v2_send(&h, &id, "guest", text("g"), skipped).await.data();
    v2_send(
        &h,
        &id,
        "owner",
        json!({"message_type": 5, "message_client_id": "h", "text": "x"}),
        json!({}),
    )
    .await
    .assert_v2_error(414, "message_type");
    v2_send(
        &h,
        &id,
        "owner",
        json!({"message_type": 1, "message_client_id": "i"}),
        json!({}),
    )
    .await
    .assert_v2_error(414, "attachment");
    assert!(texts(&v2_page(&h, "v2.1", &id, "&limit=10").await).is_empty());
    ok(toggle(&h, &id, "owner", "false").await);
    v2_send(&h, &id, "owner", text("j"), json!({}))
        .await
        .assert_v2_error(13002, "closed");
}

#[tokio::test]
async fn a_v2_batch_sends_up_to_twenty_distinct_messages() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let body = json!({"room_id": id, "sender_id": "owner", "messages": [
        {"message_type": 0, "message_client_id": "a", "text": "one"},
        {"message_type": 10, "message_client_id": "b", "text": "two"},
    ]});
    let data = h
        .v2("POST", "im/v2/chatrooms/messages", Some(body))
        .await
        .data();
    assert_eq!(data["success_list"].as_array().unwrap().len(), 2);
    assert_eq!(data["success_list"][1]["message_type"], 10);
    let twice = json!({"room_id": id.parse::<u64>().unwrap(), "sender_id": "owner", "messages": [
        {"message_type": 0, "message_client_id": "c", "text": "x"},
        {"message_type": 0, "message_client_id": "c", "text": "y"},
    ]});
    h.v2("POST", "im/v2/chatrooms/messages", Some(twice))
        .await
        .assert_v2_error(414, "messages[1].message_client_id");
    let many: Vec<Value> = (0..21)
        .map(|i| json!({"message_type": 0, "message_client_id": i.to_string(), "text": "x"}))
        .collect();
    let many = json!({"room_id": id, "sender_id": "owner", "messages": many});
    h.v2("POST", "im/v2/chatrooms/messages", Some(many))
        .await
        .assert_v2_error(414, "messages");
    let page = v2_page(&h, "v2.1", &id, "&limit=10&descending=false").await;
    assert_eq!(texts(&page), ["one", "two"]);
}

#[tokio::test]
async fn v2_recall_and_delete_reach_the_v1_history() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let a = ok(send(&h, &id, "owner", "a", "recalled").await);
    let b = ok(send(&h, &id, "owner", "b", "deleted").await);
    ok(send(&h, &id, "owner", "c", "kept").await);
    let recall = |cid: &str, operator: &str, time: &str, notify: &str| {
        format!(
            "im/v2/chatrooms/{id}/messages/{cid}?operator_id={operator}&sender_id=owner\
             &create_time={time}{notify}"
        )
    };
    let a_time = a["desc"]["time"].as_str().unwrap();
    let b_time = b["desc"]["time"].as_str().unwrap();
    h.v2(
        "DELETE",
        &recall("a", "other", a_time, "&notification_enabled=true"),
        None,
    )
    .await
    .assert_v2_error(403, "recall");
    h.v2(
        "DELETE",
        &recall("a", "owner", "5", "&notification_enabled=true"),
        None,
    )
    .await
    .assert_v2_error(404, "no message");
    h.v2(
        "DELETE",
        &recall("a", "owner", a_time, "&notification_enabled=true"),
        None,
    )
    .await
    .data();
    h.v2("DELETE", &recall("b", "owner", b_time, ""), None)
        .await
        .data();
    assert_eq!(history(&h, &id, &[]).await, ["kept"]);
    let missing = format!("im/v2/chatrooms/{id}/messages/c?operator_id=owner");
    h.v2("DELETE", &missing, None)
        .await
        .assert_v2_error(414, "sender_id");
}

#[tokio::test]
async fn v2_history_pages_with_tokens_at_both_paths() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    for (i, words) in ["a", "b", "c"].iter().enumerate() {
        ok(send(&h, &id, "owner", &i.to_string(), words).await);
    }
    let custom = json!({"message_type": 100, "message_client_id": "x", "attachment": {"k": 1}});
    v2_send(&h, &id, "owner", custom, json!({})).await.data();
    let first = v2_page(&h, "v2.1", &id, "&limit=2&message_type=0").await;
    assert_eq!(texts(&first), ["c", "b"]);
    assert_eq!(first["has_more"], true);
    let token = first["next_token"].as_str().unwrap();
    let second = v2_page(
        &h,
        "v2",
        &id,
        &format!("&limit=2&message_types=0&page_token={token}"),
    )
    .await;
    assert_eq!(texts(&second), ["a"]);
    assert_eq!(second["has_more"], false);
    assert!(second.get("next_token").is_none());
    let customs = v2_page(&h, "v2.1", &id, "&limit=5&message_type=100").await;
    assert_eq!(customs["items"][0]["attachment"], json!({"k": 1}));
    let path = format!("im/v2.1/chatrooms/{id}/messages?sender_id=owner&limit=101");
    h.v2("GET", &path, None).await.assert_v2_error(414, "limit");
    let path = format!("im/v2.1/chatrooms/{id}/messages?sender_id=owner&limit=5&page_token=zz");
    h.v2("GET", &path, None)
        .await
        .assert_v2_error(414, "page_token");
}
