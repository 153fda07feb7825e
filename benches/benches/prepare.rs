//! `prepare`: validate + encode + sign a fully populated `CreateUser`, with the library
//! (`Client::prepare`, the derive's `validate`/`write_form`) against hand-written code doing
//! the same work with the same crates, in the same run.
//!
//! The baseline reads the same struct and does what the derive's output does, written the
//! way a careful hand-written client would: every `max_len` checked in characters (with the
//! same "a string has no more characters than bytes" shortcut), the accid's presence, length
//! and alphabet checked and the accid lowercased, the fields form-urlencoded in the same
//! order with `form_urlencoded::Serializer`, and the request signed with a fresh 128-bit
//! nonce from `getrandom`, hex-encoded, and `sha1(secret + nonce + curtime)` hex-encoded.
//! So the ratio measures the declarative layer only.
//!
//! ```text
//! cargo bench -p nim-benches --bench prepare
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use nim_api::Endpoint;
use nim_api::user::CreateUser;
use nim_api::v2::account::CreateAccount;
use nim_api::v2::{AccountConfiguration, UserInformation};
use nim_api::{Client, Form};
use nim_benches::{APP_KEY, APP_SECRET, FULL_CREATE_USER_BODY, full_create_user};

#[path = "common/baseline.rs"]
mod baseline;
use baseline::{baseline_encode, baseline_prepare, baseline_validate};

const BASE_URL: &str = "http://127.0.0.1:9/nimserver";

fn client() -> Client {
    Client::builder()
        .app_key(APP_KEY)
        .app_secret(APP_SECRET)
        .base_url(BASE_URL)
        .build()
        .unwrap()
}

/// Both sides produce the same body, URL and a valid signature before anything is timed.
fn check_equivalence(client: &Client, request: &CreateUser) {
    let lib = client.prepare(request).unwrap();
    let base = baseline_prepare(BASE_URL, APP_KEY, APP_SECRET, request).unwrap();
    assert_eq!(lib.body, FULL_CREATE_USER_BODY);
    assert_eq!(base.body, lib.body);
    assert_eq!(base.url, lib.url);
    assert_eq!(base.app_key, lib.headers.app_key);
    assert_eq!(base.nonce.len(), lib.headers.nonce.len());
    let cur_time: u64 = base.cur_time.parse().unwrap();
    assert_eq!(
        base.check_sum,
        nim_api::checksum(APP_SECRET, &base.nonce, cur_time)
    );
    assert_eq!(
        lib.headers.check_sum,
        nim_api::checksum(APP_SECRET, &lib.headers.nonce, lib.headers.cur_time)
    );
    baseline_validate(request).unwrap();
    request.validate().unwrap();
}

fn prepare(c: &mut Criterion) {
    let client = client();
    let request = full_create_user();
    check_equivalence(&client, &request);

    let mut group = c.benchmark_group("prepare");
    group.bench_function("library", |b| {
        b.iter(|| client.prepare(black_box(&request)).unwrap())
    });
    group.bench_function("baseline", |b| {
        b.iter(|| {
            baseline_prepare(
                black_box(BASE_URL),
                black_box(APP_KEY),
                black_box(APP_SECRET),
                black_box(&request),
            )
            .unwrap()
        })
    });
    group.finish();

    // A v2 create with a nested profile and configuration: JSON body, trace-free prepare.
    let v2 = CreateAccount::new("zhangsan")
        .token("initial-token")
        .configuration(
            AccountConfiguration::new()
                .enabled(true)
                .p2p_chat_banned(false),
        )
        .user_information(
            UserInformation::new()
                .name("张三")
                .avatar("https://example.com/avatar/zhangsan.png")
                .sign("hello")
                .email("zhangsan@example.com")
                .birthday("1990-01-01")
                .mobile("+86-13800000000")
                .gender(nim_api::Gender::Male)
                .extension(r#"{"level":3}"#),
        );
    assert!(
        client
            .prepare(&v2)
            .unwrap()
            .body
            .starts_with(r#"{"account_id":"zhangsan""#)
    );
    let mut group = c.benchmark_group("prepare_v2");
    group.bench_function("library", |b| {
        b.iter(|| client.prepare(black_box(&v2)).unwrap())
    });
    group.finish();

    // The same work without signing, to locate a gap: validate + encode ...
    let mut group = c.benchmark_group("to_form");
    group.bench_function("library", |b| {
        b.iter(|| black_box(&request).to_form().unwrap())
    });
    group.bench_function("baseline", |b| {
        b.iter(|| {
            let r = black_box(&request);
            baseline_validate(r).unwrap();
            baseline_encode(r)
        })
    });
    group.finish();

    // ... validation alone ...
    let mut group = c.benchmark_group("validate");
    group.bench_function("library", |b| {
        b.iter(|| black_box(&request).validate().unwrap())
    });
    group.bench_function("baseline", |b| {
        b.iter(|| baseline_validate(black_box(&request)).unwrap())
    });
    group.finish();

    // ... and encoding alone.
    let mut group = c.benchmark_group("encode");
    group.bench_function("library", |b| {
        b.iter(|| {
            let mut form = Form::with_capacity(128);
            black_box(&request).write_form(&mut form);
            form.finish()
        })
    });
    group.bench_function("baseline", |b| {
        b.iter(|| baseline_encode(black_box(&request)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(100)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5));
    targets = prepare
}
criterion_main!(benches);
