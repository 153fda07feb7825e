//! A cross-check of the `call` benchmark that is robust to a noisy machine: the library, the
//! baseline and the same-wire baseline (see `benches/call.rs`) run in rotating rounds against
//! one in-process emulator, so load that comes and goes hits all alike; the figures reported
//! are the medians over rounds of each round's throughput ratio.
//!
//! ```text
//! cargo run --release -p nim-benches --example call_paired [-- ROUNDS]
//! ```
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

#[path = "../benches/common/sides.rs"]
mod harness;
use harness::{CONCURRENCY, Side, Sides, concurrent, runtime, setup};

const SIDES: [Side; 3] = [Side::Library, Side::Baseline, Side::BaselineSameWire];

/// Requests per second of one round: `batches` batches of 64 concurrent calls, or
/// `batches` sequential calls.
async fn round(sides: &Sides, side: Side, batches: u32, concurrently: bool) -> f64 {
    let started = Instant::now();
    for _ in 0..batches {
        if concurrently {
            concurrent(sides, side).await;
        } else {
            sides.call(side).await;
        }
    }
    let calls = if concurrently {
        batches as usize * CONCURRENCY
    } else {
        batches as usize
    };
    calls as f64 / started.elapsed().as_secs_f64()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn quartiles(values: &mut [f64]) -> (f64, f64) {
    values.sort_by(f64::total_cmp);
    (values[values.len() / 4], values[values.len() * 3 / 4])
}

async fn compare(name: &str, sides: &Sides, rounds: usize, batches: u32, concurrently: bool) {
    // rps[side][round]
    let mut rps = [Vec::new(), Vec::new(), Vec::new()];
    for i in 0..rounds {
        // Rotate the order so no side always runs first.
        for k in 0..SIDES.len() {
            let index = (i + k) % SIDES.len();
            rps[index].push(round(sides, SIDES[index], batches, concurrently).await);
        }
    }
    let ratios =
        |other: usize| -> Vec<f64> { (0..rounds).map(|r| rps[0][r] / rps[other][r]).collect() };
    let (mut vs_base, mut vs_wire) = (ratios(1), ratios(2));
    let medians: Vec<f64> = rps.iter().map(|v| median(&mut v.clone())).collect();
    let (b1, b3) = quartiles(&mut vs_base);
    let (w1, w3) = quartiles(&mut vs_wire);
    println!(
        "| {name} | {:.0} | {:.0} | {:.0} | {:.3}x ({b1:.3}-{b3:.3}) | {:.3}x ({w1:.3}-{w3:.3}) |",
        medians[0],
        medians[1],
        medians[2],
        median(&mut vs_base),
        median(&mut vs_wire),
    );
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(30);
    let rt = runtime();
    let (emulator, sides) = setup(&rt);
    println!(
        "{rounds} rotating rounds per variant; requests per second (medians over rounds), and \
         the median (quartiles) of the per-round library/baseline throughput ratios"
    );
    println!(
        "| variant | library req/s | baseline req/s | same-wire req/s | library / baseline | library / same-wire |"
    );
    println!("| --- | --- | --- | --- | --- | --- |");
    rt.block_on(async {
        compare("sequential", &sides, rounds, 500, false).await;
        compare("concurrent_64", &sides, rounds, 20, true).await;
    });
    sides.check_no_failures("call_paired");
    rt.block_on(emulator.shutdown());
}
