//! `checksum`: the signing alone, the floor under `prepare`.
//!
//! - `checksum`: `nim_core::checksum` (sha1 over secret + nonce + curtime, hex) against the
//!   same three `Sha1::update`s and `hex::encode` written by hand.
//! - `sign`: `Signer::sign` (fresh 128-bit nonce from the OS, the clock, the checksum, the
//!   four header values) against the same steps written by hand.
//!
//! ```text
//! cargo bench -p nim-benches --bench checksum
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use criterion::{Criterion, criterion_group, criterion_main};
use nim_benches::{APP_KEY, APP_SECRET};
use nim_core::{Credentials, Signer, checksum};
use sha1::{Digest, Sha1};

const NONCE: &str = "0123456789abcdef0123456789abcdef";
const CUR_TIME: u64 = 1_764_201_600;

fn baseline_checksum(secret: &str, nonce: &str, cur_time: &str) -> String {
    let mut sha = Sha1::new();
    sha.update(secret.as_bytes());
    sha.update(nonce.as_bytes());
    sha.update(cur_time.as_bytes());
    hex::encode(sha.finalize())
}

/// The four header values, signed by hand: `(app_key, nonce, cur_time, check_sum)`.
fn baseline_sign(app_key: &str, secret: &str) -> (String, String, u64, String) {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap();
    let nonce = hex::encode(bytes);
    let cur_time = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let check_sum = baseline_checksum(secret, &nonce, &cur_time.to_string());
    (app_key.to_owned(), nonce, cur_time, check_sum)
}

fn signing(c: &mut Criterion) {
    assert_eq!(
        checksum(APP_SECRET, NONCE, CUR_TIME),
        baseline_checksum(APP_SECRET, NONCE, &CUR_TIME.to_string())
    );

    let mut group = c.benchmark_group("checksum");
    group.bench_function("library", |b| {
        b.iter(|| checksum(black_box(APP_SECRET), black_box(NONCE), black_box(CUR_TIME)))
    });
    group.bench_function("baseline", |b| {
        // The baseline formats the time as the header needs it; so does the library.
        b.iter(|| {
            baseline_checksum(
                black_box(APP_SECRET),
                black_box(NONCE),
                &black_box(CUR_TIME).to_string(),
            )
        })
    });
    group.finish();

    let signer = Signer::new(Credentials::new(APP_KEY, APP_SECRET));
    let mut group = c.benchmark_group("sign");
    group.bench_function("library", |b| b.iter(|| black_box(&signer).sign()));
    group.bench_function("baseline", |b| {
        b.iter(|| baseline_sign(black_box(APP_KEY), black_box(APP_SECRET)))
    });
    group.finish();

    // The nonce alone: one getrandom call and a hex encoding.
    let mut group = c.benchmark_group("nonce");
    group.bench_function("library", |b| {
        use nim_core::NonceSource as _;
        b.iter(|| nim_core::RandomNonce.next_nonce())
    });
    group.bench_function("baseline", |b| {
        b.iter(|| {
            let mut bytes = [0u8; 16];
            getrandom::fill(&mut bytes).unwrap();
            hex::encode(bytes)
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(100)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(4));
    targets = signing
}
criterion_main!(benches);
