//! `call`: `client.call` against an in-process emulator over keep-alive, sequentially and 64
//! at a time, against raw reqwest posts of the same signed requests, in the same run.
//!
//! The action is `UpdateToken` on an account inserted beforehand: idempotent, so every
//! request is answered `{"code":200}` (each is signed with a fresh nonce, so the emulator's
//! replay check never fires). Both sides count their failures; the run aborts if either has
//! any, since a benchmark of errors measures the wrong thing.
//!
//! - library: `Client::call(&request)`: validate, encode, sign, POST, read the body (bounded),
//!   decode `{"code":200}` into the typed response.
//! - baseline: one `reqwest::Client` (same features, same timeouts) posting what
//!   `Client::prepare` produced (URL, Content-Type, the four auth headers, the body), reading
//!   the body and decoding its `code`.
//! - baseline_same_wire: the same, from a `reqwest::Client` that also sends the library's
//!   `User-Agent: nim-rs/<version>`, so that its requests are byte for byte the library's
//!   and the comparison isolates the client code from what is sent.
//!
//! ```text
//! cargo bench -p nim-benches --bench call
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/sides.rs"]
mod harness;
use harness::{CONCURRENCY, Side, concurrent, runtime, setup};

fn call(c: &mut Criterion) {
    let rt = runtime();
    let (emulator, sides) = setup(&rt);

    let variants = [
        ("library", Side::Library),
        ("baseline", Side::Baseline),
        ("baseline_same_wire", Side::BaselineSameWire),
    ];

    let mut group = c.benchmark_group("call_sequential");
    group.throughput(Throughput::Elements(1));
    for (name, side) in variants {
        group.bench_function(name, |b| b.to_async(&rt).iter(|| sides.call(side)));
    }
    group.finish();
    sides.check_no_failures("call_sequential");

    let mut group = c.benchmark_group("call_concurrent_64");
    group.throughput(Throughput::Elements(CONCURRENCY as u64));
    for (name, side) in variants {
        group.bench_function(name, |b| b.to_async(&rt).iter(|| concurrent(&sides, side)));
    }
    group.finish();
    sides.check_no_failures("call_concurrent_64");

    rt.block_on(emulator.shutdown());
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));
    targets = call
}
criterion_main!(benches);
