//! `prepare` of a v2 text send (`SendMessage`: validate + encode + sign), with the library
//! against hand-written code doing the same work with the same crates, in the same run.
//!
//! The baseline is what a careful hand-written client does for the same request: checks both
//! accounts of the conversation id (present, at most 32 characters, the accid alphabet) and
//! the text (present, at most 5000 characters), lowercases the accounts, builds the path
//! `/im/v2/conversations/a|1|b/messages`, serialises the body with a borrowed
//! `#[derive(Serialize)]` struct (`{"message":{"message_type":0,"text":..,
//! "message_client_id":..}}`) and signs as the `prepare` bench's baseline does. Both sides
//! send the caller's client id, so the ratio measures the declarative layer only; a third
//! line shows the library generating a fresh id per call.
//!
//! ```text
//! cargo bench -p nim-benches --bench send_message
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use nim_api::Client;
use nim_api::message::{ConversationId, Message};
use nim_api::v2::message::SendMessage;
use nim_benches::{APP_KEY, APP_SECRET};
use serde::Serialize;

#[path = "common/baseline.rs"]
mod baseline;
use baseline::baseline_sign;

const BASE_URL: &str = "http://127.0.0.1:9/nimserver";
const TEXT: &str = "Your order #20261205-0042 has shipped: 2 items, arriving Monday. 谢谢惠顾！";

/// The baseline's request: what a hand-written client would keep.
struct HandSend<'a> {
    from: &'a str,
    to: &'a str,
    text: &'a str,
    client_id: &'a str,
}

#[derive(Serialize)]
struct Body<'a> {
    message: BodyMessage<'a>,
}

#[derive(Serialize)]
struct BodyMessage<'a> {
    message_type: u8,
    text: &'a str,
    message_client_id: &'a str,
}

struct HandPrepared {
    url: String,
    nonce: String,
    cur_time: String,
    check_sum: String,
    body: String,
}

fn is_accid_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '.' | '-')
}

fn check_accid(value: &str) -> Result<(), &'static str> {
    if value.is_empty() {
        return Err("required");
    }
    if value.len() > 32 && value.chars().count() > 32 {
        return Err("too long");
    }
    if !value.chars().all(is_accid_char) {
        return Err("alphabet");
    }
    Ok(())
}

fn baseline_prepare(r: &HandSend<'_>) -> Result<HandPrepared, &'static str> {
    check_accid(r.from)?;
    check_accid(r.to)?;
    if r.text.is_empty() {
        return Err("text required");
    }
    if r.text.len() > 5000 && r.text.chars().count() > 5000 {
        return Err("text too long");
    }
    let mut url = String::with_capacity(BASE_URL.len() + 64);
    url.push_str(BASE_URL);
    url.push_str("/im/v2/conversations/");
    url.push_str(&r.from.to_ascii_lowercase());
    url.push_str("|1|");
    url.push_str(&r.to.to_ascii_lowercase());
    url.push_str("/messages");
    let body = serde_json::to_string(&Body {
        message: BodyMessage {
            message_type: 0,
            text: r.text,
            message_client_id: r.client_id,
        },
    })
    .unwrap();
    let (nonce, cur_time, check_sum) = baseline_sign(APP_SECRET);
    Ok(HandPrepared {
        url,
        nonce,
        cur_time,
        check_sum,
        body,
    })
}

fn send_message(c: &mut Criterion) {
    let client = Client::builder()
        .app_key(APP_KEY)
        .app_secret(APP_SECRET)
        .base_url(BASE_URL)
        .build()
        .unwrap();
    let client_id = "0123456789abcdef0123456789abcdef";
    let request = SendMessage::new(
        ConversationId::p2p("zhangsan", "lisi"),
        Message::text(TEXT).client_id(client_id),
    );
    let fresh = SendMessage::new(ConversationId::p2p("zhangsan", "lisi"), Message::text(TEXT));
    let hand = HandSend {
        from: "zhangsan",
        to: "lisi",
        text: TEXT,
        client_id,
    };

    // Both sides put the same request on the wire before anything is timed.
    let lib = client.prepare(&request).unwrap();
    let base = baseline_prepare(&hand).unwrap();
    assert_eq!(lib.url, base.url);
    assert_eq!(lib.body, base.body);
    let cur_time: u64 = base.cur_time.parse().unwrap();
    assert_eq!(
        base.check_sum,
        nim_api::checksum(APP_SECRET, &base.nonce, cur_time)
    );
    assert_ne!(
        client.prepare(&fresh).unwrap().body,
        client.prepare(&fresh).unwrap().body,
        "each call of an id-less send carries a fresh client id"
    );

    let mut group = c.benchmark_group("prepare_send_v2");
    group.bench_function("library", |b| {
        b.iter(|| client.prepare(black_box(&request)).unwrap())
    });
    group.bench_function("baseline", |b| {
        b.iter(|| baseline_prepare(black_box(&hand)).unwrap())
    });
    group.bench_function("library_fresh_id", |b| {
        b.iter(|| client.prepare(black_box(&fresh)).unwrap())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(100)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));
    targets = send_message
}
criterion_main!(benches);
