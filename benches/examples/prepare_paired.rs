//! A cross-check of the `prepare` benchmark that is robust to a noisy machine: the library and
//! the hand-written baseline run in alternating rounds (2,000 calls each, the order swapped
//! every round), so load that comes and goes hits both alike, and the figure reported is the
//! median over rounds of each round's library/baseline ratio.
//!
//! ```text
//! cargo run --release -p nim-benches --example prepare_paired [-- ROUNDS]
//! ```
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Instant;

use nim_api::{Client, Endpoint};
use nim_benches::{APP_KEY, APP_SECRET, FULL_CREATE_USER_BODY, full_create_user};

#[path = "../benches/common/baseline.rs"]
mod baseline;
use baseline::{baseline_encode, baseline_prepare, baseline_validate};

const BASE_URL: &str = "http://127.0.0.1:9/nimserver";
const PER_ROUND: u32 = 2_000;

/// Nanoseconds per call of `f`, over one round.
fn round(mut f: impl FnMut()) -> f64 {
    let started = Instant::now();
    for _ in 0..PER_ROUND {
        f();
    }
    started.elapsed().as_nanos() as f64 / f64::from(PER_ROUND)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn quartiles(values: &mut [f64]) -> (f64, f64) {
    values.sort_by(f64::total_cmp);
    (values[values.len() / 4], values[values.len() * 3 / 4])
}

/// Runs `rounds` alternating rounds and prints the medians and the ratio.
fn compare(name: &str, rounds: usize, mut library: impl FnMut(), mut base: impl FnMut()) {
    let (mut lib, mut bas, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..rounds {
        let (l, b) = if i % 2 == 0 {
            let l = round(&mut library);
            (l, round(&mut base))
        } else {
            let b = round(&mut base);
            (round(&mut library), b)
        };
        lib.push(l);
        bas.push(b);
        ratios.push(l / b);
    }
    let (q1, q3) = quartiles(&mut ratios);
    println!(
        "| {name} | {:.0} ns | {:.0} ns | {:.3}x | {q1:.3}x - {q3:.3}x |",
        median(&mut lib),
        median(&mut bas),
        median(&mut ratios),
    );
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(400);
    let client = Client::builder()
        .app_key(APP_KEY)
        .app_secret(APP_SECRET)
        .base_url(BASE_URL)
        .build()
        .unwrap();
    let request = full_create_user();
    let base = baseline_prepare(BASE_URL, APP_KEY, APP_SECRET, &request).unwrap();
    assert_eq!(base.body, FULL_CREATE_USER_BODY);
    assert_eq!(client.prepare(&request).unwrap().body, base.body);

    println!(
        "{rounds} alternating rounds of {PER_ROUND} calls per side; medians per call, and the \
         median and quartiles of the per-round library/baseline ratios"
    );
    println!("| step | library | baseline | ratio (median) | ratio (quartiles) |");
    println!("| --- | --- | --- | --- | --- |");
    compare(
        "prepare",
        rounds,
        || {
            black_box(client.prepare(black_box(&request)).unwrap());
        },
        || {
            black_box(
                baseline_prepare(
                    black_box(BASE_URL),
                    black_box(APP_KEY),
                    black_box(APP_SECRET),
                    black_box(&request),
                )
                .unwrap(),
            );
        },
    );
    compare(
        "to_form",
        rounds,
        || {
            black_box(black_box(&request).to_form().unwrap());
        },
        || {
            let r = black_box(&request);
            baseline_validate(r).unwrap();
            black_box(baseline_encode(r));
        },
    );
}
