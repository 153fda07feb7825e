//! Callbacks end to end: every kind of copy the emulator delivers (sends of both versions to
//! accounts and teams, batches, custom notifications, recalls, edits, logins and logouts)
//! verifies under nim-api's `CallbackReceiver` and parses into its typed event, with the
//! fields of the action that caused it.
//!
//! The URL points at a port nothing should listen on: the emulator records each delivery
//! (headers and body) whatever the app answers, and the test reads them from its log.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::time::Duration;

use nim_api::callback::{CallbackReceiver, ConvType, CopyEvent, LogoutReason};
use nim_api::message::{ConversationId, ConversationType, Message, MessageBody};
use nim_api::msg::{AttachTarget, Ope, Recall, RecallType, SendAttachMsg, SendBatchMsg, SendMsg};
use nim_api::team::{CreateTeam, JoinMode};
use nim_api::user::CreateUser;
use nim_api::v2::message::{ModifiedMessage, ModifyMessage, SendMessage};
use nim_api::{Client, Credentials, RetryPolicy};
use nim_emulator::{Delivery, Emulator};

const KEY: &str = "cb-key";
const SECRET: &str = "cb-secret";

/// A port nothing listens on: the kernel refuses the connection at once.
fn closed_port_url() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}/nim/copies")
}

async fn setup() -> (Emulator, Client) {
    let emu = Emulator::builder(KEY, SECRET)
        .callback_url(closed_port_url())
        .start()
        .await
        .unwrap();
    let client = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(emu.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    for accid in ["zhangsan", "lisi", "wangwu"] {
        client.call(&CreateUser::new(accid)).await.unwrap();
    }
    (emu, client)
}

/// The four signed headers of a recorded delivery, as the app's framework hands them over.
fn headers_of(delivery: &Delivery) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    for (name, value) in delivery.headers.pairs() {
        headers.insert(name, value.parse().unwrap());
    }
    headers
}

fn admin(emu: &Emulator, path: &str, body: &str) {
    let reply = emu.handle("POST", path, &[], body.as_bytes());
    assert_eq!(reply.status, 200, "{path}: {reply:?}");
}

#[tokio::test]
async fn every_delivered_copy_verifies_and_parses_into_its_event() {
    let (emu, client) = setup().await;
    let tid = client
        .call(&CreateTeam::new(
            "Hiking",
            "zhangsan",
            ["lisi"],
            "join",
            JoinMode::Free,
        ))
        .await
        .unwrap()
        .tid;

    // 1: v1 p2p, v1 team, v2 p2p, a v1 batch to two receivers, a custom notification.
    let first = client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::P2p,
            "lisi",
            Message::text("one"),
        ))
        .await
        .unwrap();
    client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::Team,
            tid.to_string(),
            Message::text("team"),
        ))
        .await
        .unwrap();
    let v2 = client
        .call(&SendMessage::new(
            ConversationId::p2p("lisi", "zhangsan"),
            Message::text("two"),
        ))
        .await
        .unwrap();
    client
        .call(&SendBatchMsg::new(
            "wangwu",
            ["zhangsan", "lisi"],
            Message::text("all"),
        ))
        .await
        .unwrap();
    client
        .call(&SendAttachMsg::new(
            "zhangsan",
            AttachTarget::User,
            "lisi",
            r#"{"poke":1}"#,
        ))
        .await
        .unwrap();
    // 7: a recall; 89: an edit; 2 and 3: a simulated login and logout.
    client
        .call(&Recall::new(
            first.msgid,
            first.timetag,
            RecallType::P2p,
            "zhangsan",
            "lisi",
        ))
        .await
        .unwrap();
    let edit = ModifiedMessage::new(
        v2.message_server_id,
        "zhangsan",
        v2.create_time,
        "lisi",
        0u32,
    )
    .text("two, edited");
    client
        .call(&ModifyMessage::new("lisi", ConversationType::P2p, edit))
        .await
        .unwrap();
    admin(
        &emu,
        "/_emulator/callbacks/login",
        r#"{"accid":"wangwu","client_type":"PC"}"#,
    );
    admin(
        &emu,
        "/_emulator/callbacks/logout",
        r#"{"accid":"wangwu","reason":1}"#,
    );

    let deliveries = emu
        .wait_for_deliveries(10, Duration::from_secs(20))
        .await
        .unwrap();
    assert_eq!(deliveries.len(), 10);

    // The emulator's clock is the system clock here, as the receiver's.
    let receiver = CallbackReceiver::new(Credentials::new(KEY, SECRET));
    let events: Vec<CopyEvent> = deliveries
        .iter()
        .map(|d| {
            receiver
                .verify_and_parse(&headers_of(d), d.body.as_bytes())
                .unwrap_or_else(|e| panic!("{e}: {}", d.body))
        })
        .collect();

    let texts: Vec<(ConvType, &str, &str, Option<MessageBody>)> = events[..6]
        .iter()
        .map(|e| match e {
            CopyEvent::Conversation(m) => (
                m.conv_type.clone(),
                m.from_account.as_str(),
                m.to.as_str(),
                m.content.clone(),
            ),
            other => panic!("a conversation copy, not {other:?}"),
        })
        .collect();
    let text = |s: &str| Some(MessageBody::Text(s.into()));
    let tid_text = tid.to_string();
    assert_eq!(
        texts,
        vec![
            (ConvType::Person, "zhangsan", "lisi", text("one")),
            (ConvType::Team, "zhangsan", tid_text.as_str(), text("team")),
            (ConvType::Person, "lisi", "zhangsan", text("two")),
            (ConvType::Person, "wangwu", "zhangsan", text("all")),
            (ConvType::Person, "wangwu", "lisi", text("all")),
            (ConvType::CustomPerson, "zhangsan", "lisi", None),
        ]
    );
    let CopyEvent::Conversation(first_copy) = &events[0] else {
        unreachable!()
    };
    assert_eq!(first_copy.msgid_server, first.msgid);
    let CopyEvent::Conversation(poke) = &events[5] else {
        unreachable!()
    };
    assert_eq!(poke.msg_type, "CUSTOM_P2P_MSG");
    assert_eq!(poke.attach, Some(serde_json::json!({"poke": 1})));

    match &events[6] {
        CopyEvent::Recall(recall) => {
            assert_eq!(recall.kind, ConversationType::P2p);
            assert_eq!(recall.message.msg_id, first.msgid);
            assert_eq!(recall.message.from, "zhangsan");
            assert_eq!(recall.message.to, "lisi");
        }
        other => panic!("a recall copy, not {other:?}"),
    }
    match &events[7] {
        CopyEvent::MessageUpdated(update) => {
            assert_eq!(update.kind, ConversationType::P2p);
            assert_eq!(update.message.msg_id, v2.message_server_id);
            assert_eq!(update.text.as_deref(), Some("two, edited"));
        }
        other => panic!("an update copy, not {other:?}"),
    }
    match (&events[8], &events[9]) {
        (CopyEvent::Login(login), CopyEvent::Logout(logout)) => {
            assert_eq!(
                (login.accid.as_str(), logout.accid.as_str()),
                ("wangwu", "wangwu")
            );
            assert_eq!(logout.log_out_reason, Some(LogoutReason::UserLogout));
        }
        other => panic!("a login and a logout, not {other:?}"),
    }
    // Each delivery verified once; the same records again are replays.
    let d = &deliveries[0];
    let again = receiver.verify_and_parse::<CopyEvent>(&headers_of(d), d.body.as_bytes());
    assert_eq!(again.unwrap_err().status(), 403);
}
