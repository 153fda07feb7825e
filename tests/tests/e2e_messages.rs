//! The message families end to end against the emulator: sends read back crosswise by the
//! other version's history, batch sends with an unknown receiver, recall inside and outside
//! the window, deletes, broadcasts, per-call client ids, and bad input refused before I/O.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use std::time::Duration;

use nim_api::history::{Order, QueryBroadcastMsgById, QuerySessionMsg};
use nim_api::message::{ConversationId, Image, Location, Message, MessageBody};
use nim_api::msg::{
    BroadcastMsg, DeleteMsg, DeleteType, Ope, Recall, RecallType, SendBatchMsg, SendMsg,
};
use nim_api::user::CreateUser;
use nim_api::v2::broadcast::{QueryBroadcastNotification, SendBroadcastNotification};
use nim_api::v2::message::{
    BatchSendP2PMessage, QueryMessage, QueryMessagesByPage, SendMessage, WithdrawMessage,
    WithdrawType,
};
use nim_api::{Client, ErrorKind};
use nim_emulator::Emulator;
use support::emulator_and_client;

/// Far enough ahead of the emulator's clock for every test here.
const END: u64 = 4_102_444_800_000;

async fn setup(accounts: &[&str]) -> (Emulator, Client) {
    let (emu, client) = emulator_and_client("msg-key", "msg-secret").await;
    for accid in accounts {
        client.call(&CreateUser::new(*accid)).await.unwrap();
    }
    (emu, client)
}

async fn v1_history(client: &Client, from: &str, to: &str) -> Vec<MessageBody> {
    let page = client
        .call(&QuerySessionMsg::new(from, to, 0, END, 100).reverse(Order::Ascending))
        .await
        .unwrap();
    page.msgs.iter().map(|m| m.body()).collect()
}

async fn v2_history(client: &Client, owner: &str, peer: &str) -> Vec<MessageBody> {
    let conversation = ConversationId::p2p(owner, peer);
    let page = client
        .call(&QueryMessagesByPage::new(conversation, 0, END, 100))
        .await
        .unwrap();
    // The order of an unset `descending` is undocumented: sort by time.
    let mut items = page.items;
    items.sort_by_key(|m| m.create_time);
    items.iter().map(|m| m.body()).collect()
}

#[tokio::test]
async fn a_v1_send_is_read_by_v2_and_a_v2_send_by_v1() {
    let (_emu, client) = setup(&["zhangsan", "lisi"]).await;

    let v1 = client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::P2p,
            "lisi",
            Message::text("hi from v1"),
        ))
        .await
        .unwrap();
    let image = Image::new("https://example.com/cat.jpg")
        .w(640)
        .h(480)
        .size(48_213);
    let v2 = client
        .call(&SendMessage::new(
            ConversationId::p2p("lisi", "zhangsan"),
            Message::image(image.clone()).description("a cat"),
        ))
        .await
        .unwrap();
    assert_ne!(v1.msgid, v2.message_server_id);

    let expected = vec![
        MessageBody::Text("hi from v1".into()),
        MessageBody::Image(image),
    ];
    assert_eq!(v2_history(&client, "zhangsan", "lisi").await, expected);
    assert_eq!(v1_history(&client, "zhangsan", "lisi").await, expected);

    // One message by its server id, through v2.
    let one = client
        .call(&QueryMessage::new(
            ConversationId::p2p("zhangsan", "lisi"),
            v1.msgid,
        ))
        .await
        .unwrap();
    assert_eq!(one.body(), MessageBody::Text("hi from v1".into()));
}

#[tokio::test]
async fn each_v2_send_carries_a_fresh_client_id_unless_one_is_set() {
    let (_emu, client) = setup(&["zhangsan", "lisi"]).await;
    let conversation = ConversationId::p2p("zhangsan", "lisi");
    let request = SendMessage::new(conversation.clone(), Message::text("twice"));
    let first = client.call(&request).await.unwrap();
    let second = client.call(&request).await.unwrap();
    let (a, b) = (
        first.message_client_id.unwrap(),
        second.message_client_id.unwrap(),
    );
    assert_eq!(a.len(), 32);
    assert_ne!(a, b, "one request value, two calls, two ids");

    let chosen = client
        .call(&SendMessage::new(
            conversation,
            Message::text("mine").client_id("order-42"),
        ))
        .await
        .unwrap();
    assert_eq!(chosen.message_client_id.as_deref(), Some("order-42"));
}

#[tokio::test]
async fn a_batch_with_an_unknown_receiver_reports_it_in_both_versions() {
    let (_emu, client) = setup(&["zhangsan", "lisi", "wangwu"]).await;

    let v1 = client
        .call(
            &SendBatchMsg::new(
                "zhangsan",
                ["lisi", "nobody", "wangwu"],
                Message::text("hi"),
            )
            .return_msgid(true),
        )
        .await
        .unwrap();
    assert!(!v1.is_complete());
    assert_eq!(v1.unregistered(), ["nobody"]);
    assert_eq!(v1.msgids.len(), 2);

    let v2 = client
        .call(&BatchSendP2PMessage::new(
            "zhangsan",
            ["lisi", "ghost"],
            Message::location(Location::new(120.15, 30.28).title("West Lake")),
        ))
        .await
        .unwrap();
    assert!(!v2.is_complete());
    assert_eq!(v2.failed_receivers(), ["ghost"]);
    assert_eq!(v2.successes().len(), 1);

    // lisi got both, wangwu the v1 one only.
    assert_eq!(v1_history(&client, "zhangsan", "lisi").await.len(), 2);
    assert_eq!(v1_history(&client, "zhangsan", "wangwu").await.len(), 1);
}

#[tokio::test]
async fn recall_works_inside_the_window_and_fails_after_it() {
    let (emu, client) = setup(&["zhangsan", "lisi"]).await;
    emu.set_recall_window(Duration::from_secs(120));
    let send = |text: &'static str| {
        let client = client.clone();
        async move {
            client
                .call(&SendMsg::new(
                    "zhangsan",
                    Ope::P2p,
                    "lisi",
                    Message::text(text),
                ))
                .await
                .unwrap()
        }
    };

    // Inside the window, through v1: gone from both histories.
    let early = send("oops").await;
    client
        .call(&Recall::new(
            early.msgid,
            early.timetag,
            RecallType::P2p,
            "zhangsan",
            "lisi",
        ))
        .await
        .unwrap();
    assert!(v2_history(&client, "zhangsan", "lisi").await.is_empty());

    // Outside the window: refused by v1 (508) and by v2, and the message stays.
    let late = send("too late").await;
    emu.advance_clock(121);
    let refused = client
        .call(&Recall::new(
            late.msgid,
            late.timetag,
            RecallType::P2p,
            "zhangsan",
            "lisi",
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.api_code(), Some(508), "{refused}");
    let refused = client
        .call(&WithdrawMessage::new(
            ConversationId::p2p("zhangsan", "lisi"),
            late.msgid,
            WithdrawType::TwoWay,
        ))
        .await
        .unwrap_err();
    assert!(refused.api_code().is_some(), "{refused}");
    assert_eq!(
        v1_history(&client, "zhangsan", "lisi").await,
        vec![MessageBody::Text("too late".into())]
    );

    // v2 inside a fresh window works too.
    let fresh = client
        .call(&SendMessage::new(
            ConversationId::p2p("zhangsan", "lisi"),
            Message::text("v2 oops"),
        ))
        .await
        .unwrap();
    client
        .call(&WithdrawMessage::new(
            ConversationId::p2p("zhangsan", "lisi"),
            fresh.message_server_id,
            WithdrawType::TwoWay,
        ))
        .await
        .unwrap();
    assert_eq!(v2_history(&client, "zhangsan", "lisi").await.len(), 1);
}

#[tokio::test]
async fn a_deleted_message_leaves_both_histories() {
    let (_emu, client) = setup(&["zhangsan", "lisi"]).await;
    let keep = client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::P2p,
            "lisi",
            Message::text("keep"),
        ))
        .await
        .unwrap();
    let drop = client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::P2p,
            "lisi",
            Message::text("drop"),
        ))
        .await
        .unwrap();
    client
        .call(&DeleteMsg::new(
            drop.msgid,
            drop.timetag,
            DeleteType::P2p,
            "zhangsan",
            "lisi",
        ))
        .await
        .unwrap();
    let left = vec![MessageBody::Text("keep".into())];
    assert_eq!(v1_history(&client, "zhangsan", "lisi").await, left);
    assert_eq!(v2_history(&client, "lisi", "zhangsan").await, left);
    assert_ne!(keep.msgid, drop.msgid);
}

#[tokio::test]
async fn broadcasts_are_kept_and_queryable_from_either_version() {
    let (_emu, client) = setup(&["zhangsan"]).await;
    let v1 = client
        .call(&BroadcastMsg::new("maintenance at 2am").is_offline(true))
        .await
        .unwrap();
    let v2 = client
        .call(&SendBroadcastNotification::new("back online").offline_enabled(true))
        .await
        .unwrap();
    assert_ne!(v1.broadcast_id, v2.broadcast_id);

    let by_v2 = client
        .call(&QueryBroadcastNotification::new(v1.broadcast_id))
        .await
        .unwrap();
    assert_eq!(by_v2.content, "maintenance at 2am");
    let by_v1 = client
        .call(&QueryBroadcastMsgById::new(v2.broadcast_id))
        .await
        .unwrap();
    assert_eq!(by_v1.body, "back online");
}

#[tokio::test]
async fn an_unknown_sender_gets_a_typed_server_error() {
    let (_emu, client) = setup(&["lisi"]).await;
    let err = client
        .call(&SendMsg::new(
            "ghost",
            Ope::P2p,
            "lisi",
            Message::text("hi"),
        ))
        .await
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Api { .. }), "{err}");
    let err = client
        .call(&SendMessage::new(
            ConversationId::p2p("ghost", "lisi"),
            Message::text("hi"),
        ))
        .await
        .unwrap_err();
    assert_eq!(err.api_code(), Some(102404), "{err}");
}

#[tokio::test]
async fn bad_input_is_refused_before_any_request() {
    let (emu, client) = setup(&["zhangsan", "lisi"]).await;
    let before = emu.requests().len();

    let long = Message::text("字".repeat(5001));
    let err = client
        .call(&SendMsg::new("zhangsan", Ope::P2p, "lisi", long.clone()))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid request: `text` has 5001 characters, at most 5000 allowed"
    );
    assert!(matches!(err.kind(), ErrorKind::Validation(_)), "{err:?}");
    let err = client
        .call(&SendMessage::new(
            ConversationId::p2p("zhangsan", "lisi"),
            long,
        ))
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("`message.text` has 5001 characters"),
        "{err}"
    );

    // A v1 body over 5000 characters of JSON, though no member is over its own limit.
    let big = Message::custom(serde_json::json!({ "data": "x".repeat(4990) }));
    let err = client
        .call(&SendMsg::new("zhangsan", Ope::P2p, "lisi", big))
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("body` has 5001 characters"),
        "{err}"
    );

    let receivers: Vec<String> = (0..501).map(|i| format!("user{i}")).collect();
    let err = client
        .call(&SendBatchMsg::new(
            "zhangsan",
            receivers,
            Message::text("hi"),
        ))
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("to_accids") || err.to_string().contains("toAccids"),
        "{err}"
    );

    let err = client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::P2p,
            "lisi",
            Message::location(Location::new(f64::NAN, 0.0)),
        ))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`lng`"), "{err}");

    assert_eq!(emu.requests().len(), before, "nothing reached the server");
}
