//! Property tests of typed message bodies: any valid body is written for v1 (`type` +
//! `body`) and v2 (`message` object) and read back unchanged, and any valid body sent with one
//! version through the emulator comes back unchanged from the other version's history.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::message::{
    Audio, ConversationId, FileAttachment, Image, Location, Message, MessageBody, Video,
};
use nim_api::validate::Validate;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn text() -> impl Strategy<Value = String> {
    // Any characters, quotes, backslashes and emoji included; 1 to 200 of them.
    "\\PC{1,200}"
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of("\\PC{0,40}")
}

fn url() -> impl Strategy<Value = String> {
    "https://[a-z]{1,12}\\.example\\.com/[a-zA-Z0-9_./-]{1,40}"
}

fn custom_object() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::from),
        (-1.0e9f64..1.0e9).prop_map(Value::from),
        Just(Value::Null),
    ];
    let value = leaf.prop_recursive(2, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    proptest::collection::btree_map("[a-z_]{1,10}", value, 0..6)
        .prop_map(|m| Value::Object(m.into_iter().collect::<Map<String, Value>>()))
}

/// Every kind of body a send can carry, with every optional member set or not.
fn body() -> impl Strategy<Value = MessageBody> {
    prop_oneof![
        text().prop_map(MessageBody::Text),
        text().prop_map(MessageBody::Tip),
        (
            url(),
            opt_text(),
            proptest::option::of("[0-9a-f]{32}"),
            proptest::option::of("[a-z]{2,4}"),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u32>()),
            proptest::option::of(any::<u64>()),
        )
            .prop_map(|(url, name, md5, ext, w, h, size)| {
                let mut image = Image::new(url);
                image.name = name;
                image.md5 = md5;
                image.ext = ext;
                image.w = w;
                image.h = h;
                image.size = size;
                MessageBody::Image(image)
            }),
        (
            url(),
            proptest::option::of(any::<u64>()),
            proptest::option::of(any::<u64>())
        )
            .prop_map(|(url, dur, size)| {
                let mut audio = Audio::new(url).ext("aac");
                audio.dur = dur;
                audio.size = size;
                MessageBody::Audio(audio)
            }),
        (
            url(),
            proptest::option::of(any::<u64>()),
            proptest::option::of(any::<u32>())
        )
            .prop_map(|(url, dur, w)| {
                let mut video = Video::new(url);
                video.dur = dur;
                video.w = w;
                MessageBody::Video(video)
            }),
        (opt_text(), -180.0f64..=180.0, -90.0f64..=90.0).prop_map(|(title, lng, lat)| {
            let mut location = Location::new(lng, lat);
            location.title = title;
            MessageBody::Location(location)
        }),
        (url(), opt_text(), proptest::option::of(any::<u64>())).prop_map(|(url, name, size)| {
            let mut file = FileAttachment::new(url);
            file.name = name;
            file.size = size;
            MessageBody::File(file)
        }),
        custom_object().prop_map(MessageBody::Custom),
    ]
}

fn message(body: MessageBody) -> Message {
    match body {
        MessageBody::Text(t) => Message::text(t),
        MessageBody::Tip(t) => Message::tip(t),
        MessageBody::Image(i) => Message::image(i),
        MessageBody::Audio(a) => Message::audio(a),
        MessageBody::Video(v) => Message::video(v),
        MessageBody::Location(l) => Message::location(l),
        MessageBody::File(f) => Message::file(f),
        MessageBody::Custom(c) => Message::custom(c),
        other => panic!("not sendable: {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The wire forms alone: v1 `type` + `body` text, and the v2 `message` object.
    #[test]
    fn every_valid_body_round_trips_through_both_wire_forms(body in body()) {
        let message = message(body.clone());
        prop_assert!(message.validate().is_ok(), "{:?}", message.validate());

        let v1: Value = serde_json::from_str(&message.v1_body()).unwrap();
        prop_assert_eq!(&MessageBody::from_v1(body.message_type(), &v1), &body);
        // A server that sends the body back as JSON text is read the same way.
        let as_text = json!(message.v1_body());
        prop_assert_eq!(&MessageBody::from_v1(body.message_type(), &as_text), &body);

        let v2: Value = serde_json::to_value(&message).unwrap();
        let message_type = u32::try_from(v2["message_type"].as_u64().unwrap()).unwrap();
        let read = MessageBody::from_v2(message_type, v2["text"].as_str(), v2.get("attachment"));
        prop_assert_eq!(&read, &body);
        prop_assert_eq!(v2["message_client_id"].as_str().map(str::len), Some(32));
    }
}

/// One emulator, one client and a runtime for the emulator round trips (a proptest body is
/// synchronous).
struct Rig {
    runtime: tokio::runtime::Runtime,
    // Kept alive: the server stops when it is dropped.
    _emu: nim_emulator::Emulator,
    client: nim_api::Client,
}

fn rig() -> &'static Rig {
    static RIG: std::sync::OnceLock<Rig> = std::sync::OnceLock::new();
    RIG.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let (emu, client) = runtime.block_on(async {
            let (emu, client) = support::emulator_and_client("prop-key", "prop-secret").await;
            for accid in ["alice", "bob"] {
                client
                    .call(&nim_api::user::CreateUser::new(accid))
                    .await
                    .unwrap();
            }
            (emu, client)
        });
        Rig {
            runtime,
            _emu: emu,
            client,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Sent with v1, read back by v2's `QueryMessage`; sent with v2, read back from v1's
    /// history: the same body both ways.
    #[test]
    fn every_valid_body_round_trips_through_the_emulator_across_versions(body in body()) {
        use nim_api::history::QuerySessionMsg;
        use nim_api::msg::{Ope, SendMsg};
        use nim_api::v2::message::{QueryMessage, SendMessage};

        let rig = rig();
        let (via_v2, via_v1) = rig.runtime.block_on(async {
            let client = &rig.client;
            let sent = client
                .call(&SendMsg::new("alice", Ope::P2p, "bob", message(body.clone())))
                .await
                .unwrap();
            let read = client
                .call(&QueryMessage::new(ConversationId::p2p("alice", "bob"), sent.msgid))
                .await
                .unwrap();

            let sent = client
                .call(&SendMessage::new(ConversationId::p2p("bob", "alice"), message(body.clone())))
                .await
                .unwrap();
            let history = client
                .call(&QuerySessionMsg::new("bob", "alice", sent.create_time, sent.create_time + 1, 100))
                .await
                .unwrap();
            let entry = history
                .msgs
                .iter()
                .find(|m| m.msgid == sent.message_server_id)
                .map(|m| m.body());
            (read.body(), entry)
        });
        prop_assert_eq!(&via_v2, &body);
        prop_assert_eq!(via_v1.as_ref(), Some(&body));
    }
}

#[test]
fn conversation_ids_print_and_parse_alike() {
    let id = ConversationId::p2p("ZhangSan", "lisi");
    assert_eq!(id.to_string(), "zhangsan|1|lisi");
    assert_eq!(id.to_string().parse::<ConversationId>().unwrap(), id);
    let team = ConversationId::team("zhangsan", 42u64);
    assert_eq!(team.to_string().parse::<ConversationId>().unwrap(), team);
}
