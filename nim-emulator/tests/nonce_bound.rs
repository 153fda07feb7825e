//! The nonce cache stays bounded: 100,000 requests with distinct nonces, spread over more
//! than three windows of an injected clock, handled in-process (no HTTP, so it is fast).
#![allow(clippy::unwrap_used)]

use nim_emulator::{Emulator, ManualClock};

const KEY: &str = "key";
const SECRET: &str = "secret";
const T0: u64 = 1_700_000_000;
const FORM: &str = "application/x-www-form-urlencoded;charset=utf-8";

const REQUESTS: u64 = 100_000;
/// The clock moves one second every this many requests: 1,000 s in all, over 3 windows.
const PER_SECOND: u64 = 100;
const WINDOW: u64 = 300;

/// An emulator whose clock the test moves, starting at `T0`.
async fn emulator_at_t0() -> (Emulator, ManualClock) {
    let clock = ManualClock::new(T0);
    let emu = Emulator::builder(KEY, SECRET)
        .clock(clock.clone())
        .start()
        .await
        .unwrap();
    (emu, clock)
}

#[tokio::test]
async fn nonce_cache_is_bounded_by_the_window() {
    let (emu, clock) = emulator_at_t0().await;
    assert!(emu.insert_account("zhangsan", None).is_some());

    let mut peak = 0;
    for i in 0..REQUESTS {
        let now = T0 + i / PER_SECOND;
        clock.set(now);
        let nonce = format!("{i:x}");
        let cur_time = now.to_string();
        let sum = nim_core::checksum(SECRET, &nonce, now);
        let reply = emu.handle(
            "POST",
            "/nimserver/user/block.action",
            &[
                ("AppKey", KEY),
                ("Nonce", &nonce),
                ("CurTime", &cur_time),
                ("CheckSum", &sum),
                ("Content-Type", FORM),
            ],
            b"accid=zhangsan",
        );
        assert_eq!(reply.code(), Some(200), "request {i}: {}", reply.body);
        if i % 1000 == 999 {
            peak = peak.max(emu.nonce_cache_len());
        }
    }

    // A nonce is kept for the window, inclusive: at most WINDOW + 1 seconds of requests.
    let bound = ((WINDOW + 1) * PER_SECOND) as usize;
    let last = emu.nonce_cache_len();
    println!("nonce cache: peak {peak}, at end {last}, bound {bound}, requests {REQUESTS}");
    assert!(peak <= bound, "peak {peak} > {bound}");
    assert!(last <= bound, "last {last} > {bound}");
    // And it did fill up to about the window, so the bound is not vacuous.
    assert!(peak >= (WINDOW * PER_SECOND) as usize, "peak {peak}");

    // Once the clock passes the window with no traffic, everything is forgotten.
    clock.advance(WINDOW + 1);
    assert_eq!(emu.nonce_cache_len(), 0);
    assert_eq!(emu.total_requests(), REQUESTS);
    emu.shutdown().await;
}

#[tokio::test]
async fn replays_inside_the_window_are_caught_in_process() {
    let (emu, clock) = emulator_at_t0().await;
    let sum = nim_core::checksum(SECRET, "n", T0);
    let now = T0.to_string();
    let headers = [
        ("AppKey", KEY),
        ("Nonce", "n"),
        ("CurTime", now.as_str()),
        ("CheckSum", sum.as_str()),
        ("Content-Type", FORM),
    ];
    let path = "/nimserver/user/create.action";
    assert_eq!(
        emu.handle("POST", path, &headers, b"accid=a").code(),
        Some(200)
    );
    assert_eq!(
        emu.handle("POST", path, &headers, b"accid=b").code(),
        Some(431)
    );
    clock.advance(WINDOW);
    assert_eq!(
        emu.handle("POST", path, &headers, b"accid=b").code(),
        Some(431)
    );
    // Past the window the CurTime check refuses the old signature anyway.
    clock.advance(1);
    let reply = emu.handle("POST", path, &headers, b"accid=b");
    assert_eq!(
        reply.desc().as_deref(),
        Some(nim_core::desc::CURTIME_EXPIRED)
    );
}
