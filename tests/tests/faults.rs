//! The retry policy under every fault the emulator can inject: how many attempts each action
//! makes, and that a create or token reset whose outcome is unknown is never sent twice.
//! Also fail-over to a backup host, clock-skew correction and the client-side rate limit.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::io::Write as _;
use std::time::{Duration, Instant};

use nim_api::user::{BlockUser, CreateUser, RefreshToken, UnblockUser, UpdateToken};
use nim_api::{Client, Clock, ErrorKind, RetryPolicy, SystemClock};
use nim_emulator::{Emulator, Fault};

const KEY: &str = "fault-key";
const SECRET: &str = "fault-secret";
/// The client's timeout; `Fault::Delay` waits longer.
const TIMEOUT: Duration = Duration::from_millis(400);
const DELAY: Duration = Duration::from_millis(1500);

fn policy() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(3)
        .backoff(Duration::from_millis(10), Duration::from_millis(40))
        .jitter(false)
}

fn client_for(emu: &Emulator) -> Client {
    Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(emu.base_url())
        .timeout(TIMEOUT)
        .retry_policy(policy())
        .build()
        .unwrap()
}

/// A fault, its name in the report, and whether an error kind is what one attempt under it
/// produces.
type FaultCase = (Fault, &'static str, fn(&ErrorKind) -> bool);

/// Every fault, with the error kind a single failed attempt produces.
fn faults() -> Vec<FaultCase> {
    vec![
        (Fault::DropConnection, "connection dropped", |k| {
            matches!(k, ErrorKind::Transport)
        }),
        (Fault::Delay(DELAY), "delay past the timeout", |k| {
            matches!(k, ErrorKind::Timeout)
        }),
        (Fault::BadGateway, "HTTP 502 HTML page", |k| {
            matches!(k, ErrorKind::HttpStatus { status: 502, .. })
        }),
        (Fault::ServiceUnavailable, "HTTP 503 HTML page", |k| {
            matches!(k, ErrorKind::HttpStatus { status: 503, .. })
        }),
        (
            Fault::Busy,
            "code 503",
            |k| matches!(k, ErrorKind::Api { code, .. } if code.as_u32() == 503),
        ),
        (Fault::TruncatedJson, "truncated JSON", |k| {
            matches!(k, ErrorKind::TruncatedJson { .. })
        }),
    ]
}

/// Prints a line of the attempts table even when the test passes (libtest captures
/// `eprintln!`, not direct writes).
fn report(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[tokio::test]
async fn non_idempotent_actions_are_sent_once_when_the_outcome_is_unknown() {
    for (fault, name, is_expected) in faults() {
        // create
        let emu = Emulator::start(KEY, SECRET).await.unwrap();
        let client = client_for(&emu);
        emu.inject(fault.clone(), 1);
        let err = client.call(&CreateUser::new("once")).await.unwrap_err();
        assert!(is_expected(err.kind()), "{name}: {err:?}");
        let creates = emu.request_count("user/create.action");
        assert_eq!(creates, 1, "{name}: create sent {creates} times");
        // Faults after the API answered did create the account: exactly once.
        let created = emu.account("once").is_some();
        assert_eq!(
            created,
            matches!(
                fault,
                Fault::DropConnection | Fault::Delay(_) | Fault::TruncatedJson
            ),
            "{name}"
        );

        // refreshToken
        emu.insert_account("refresh", Some("old"));
        emu.inject(fault.clone(), 1);
        let err = client
            .call(&RefreshToken::new("refresh"))
            .await
            .unwrap_err();
        assert!(is_expected(err.kind()), "{name}: {err:?}");
        let refreshes = emu.request_count("user/refreshToken.action");
        assert_eq!(refreshes, 1, "{name}: refreshToken sent {refreshes} times");
        report(&format!(
            "fault {name:<22} create: {creates} attempt, refreshToken: {refreshes} attempt"
        ));
        emu.shutdown().await;
    }
}

#[tokio::test]
async fn idempotent_actions_are_retried_and_succeed() {
    for (fault, name, _) in faults() {
        let emu = Emulator::start(KEY, SECRET).await.unwrap();
        let client = client_for(&emu);
        emu.insert_account("idem", Some("t0"));

        let mut counts = Vec::new();
        for (path, result) in [
            ("user/update.action", {
                emu.inject(fault.clone(), 1);
                client
                    .call(&UpdateToken::new("idem").token("t1"))
                    .await
                    .map(drop)
            }),
            ("user/block.action", {
                emu.inject(fault.clone(), 1);
                client
                    .call(&BlockUser::new("idem").need_kick(true))
                    .await
                    .map(drop)
            }),
            ("user/unblock.action", {
                emu.inject(fault.clone(), 1);
                client.call(&UnblockUser::new("idem")).await.map(drop)
            }),
        ] {
            result.unwrap_or_else(|e| panic!("{name} on {path}: {e:?}"));
            let n = emu.request_count(path);
            assert_eq!(n, 2, "{name}: {path} took {n} attempts");
            counts.push(n);
        }
        let account = emu.account("idem").unwrap();
        assert_eq!(account.token, "t1");
        assert!(!account.blocked);
        report(&format!(
            "fault {name:<22} update: {} attempts, block: {} attempts, unblock: {} attempts (all succeeded)",
            counts[0], counts[1], counts[2]
        ));
        emu.shutdown().await;
    }
}

#[tokio::test]
async fn a_persistent_fault_exhausts_the_attempts() {
    for (fault, name, is_expected) in faults() {
        let emu = Emulator::start(KEY, SECRET).await.unwrap();
        let client = client_for(&emu);
        emu.insert_account("stuck", None);
        emu.inject(fault, 10);
        let err = client.call(&UnblockUser::new("stuck")).await.unwrap_err();
        assert!(is_expected(err.kind()), "{name}: {err:?}");
        assert_eq!(emu.request_count("user/unblock.action"), 3, "{name}");
        assert_eq!(emu.faults_injected(), 3, "{name}");
        emu.shutdown().await;
    }
}

#[tokio::test]
async fn rate_limited_answers_are_retried_only_for_idempotent_actions() {
    let emu = Emulator::start(KEY, SECRET).await.unwrap();
    let client = client_for(&emu);
    // A 200 answer with code 503 is the same decision path as 416 and 514.
    emu.inject(Fault::Busy, 1);
    let err = client.call(&CreateUser::new("busy")).await.unwrap_err();
    assert_eq!(err.api_code(), Some(503));
    assert_eq!(emu.request_count("user/create.action"), 1);
    // The server did nothing, so the user may send it again.
    client.call(&CreateUser::new("busy")).await.unwrap();
}

#[tokio::test]
async fn an_unreachable_host_fails_over_to_the_backup() {
    let emu = Emulator::start(KEY, SECRET).await.unwrap();
    let dead_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(format!("http://127.0.0.1:{dead_port}/nimserver"))
        .backup_base_url(emu.base_url())
        .retry_policy(policy())
        .build()
        .unwrap();
    // Even a create moves on: the first attempt never connected.
    let created = client.call(&CreateUser::new("failover")).await.unwrap();
    assert_eq!(created.accid, "failover");
    assert_eq!(emu.request_count("user/create.action"), 1);
    report("fail-over: create refused by the primary, sent once to the backup");

    // Without a backup, a refused connection is retried and then reported.
    let alone = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(format!("http://127.0.0.1:{dead_port}/nimserver"))
        .retry_policy(policy())
        .build()
        .unwrap();
    let err = alone.call(&CreateUser::new("nowhere")).await.unwrap_err();
    assert!(err.is_connect(), "{err:?}");
}

#[tokio::test]
async fn calls_stay_on_the_backup_once_the_primary_is_down() {
    let primary = Emulator::start(KEY, SECRET).await.unwrap();
    let port = primary.local_addr().port();
    let primary_url = primary.base_url().to_owned();
    primary.shutdown().await;
    let backup = Emulator::start(KEY, SECRET).await.unwrap();
    let client = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(primary_url)
        .backup_base_url(backup.base_url())
        .retry_policy(policy())
        .build()
        .unwrap();
    client.call(&CreateUser::new("sticky")).await.unwrap();
    assert_eq!(backup.request_count("user/create.action"), 1);

    // The primary comes back on the same port; the next calls still go to the backup
    // (for a minute) instead of paying a failed connect first.
    let revived = Emulator::builder(KEY, SECRET)
        .port(port)
        .start()
        .await
        .unwrap();
    client.call(&UnblockUser::new("sticky")).await.unwrap();
    assert_eq!(backup.request_count("user/unblock.action"), 1);
    assert_eq!(revived.total_requests(), 0);
}

/// The system clock, off by a fixed number of seconds.
struct SkewedClock(i64);

impl Clock for SkewedClock {
    fn now_unix(&self) -> u64 {
        SystemClock.now_unix().saturating_add_signed(self.0)
    }
}

#[tokio::test]
async fn a_skewed_clock_is_corrected_once_and_remembered() {
    let emu = Emulator::start(KEY, SECRET).await.unwrap();
    let client = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(emu.base_url())
        .clock(SkewedClock(-1000))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    // A create is re-signed after `CurTime is expired`: the server provably did nothing.
    let created = client.call(&CreateUser::new("skew")).await.unwrap();
    assert_eq!(created.accid, "skew");
    assert_eq!(emu.request_count("user/create.action"), 2);
    let offset = client.clock_offset_secs();
    assert!((998..=1002).contains(&offset), "offset {offset}");

    // The offset is kept: the next call needs one attempt.
    client.call(&RefreshToken::new("skew")).await.unwrap();
    assert_eq!(emu.request_count("user/refreshToken.action"), 1);
    // Clones share it.
    client
        .clone()
        .call(&UnblockUser::new("skew"))
        .await
        .unwrap();
    assert_eq!(emu.request_count("user/unblock.action"), 1);
    report(&format!(
        "clock skew: -1000 s corrected by {offset} s; create took 2 attempts, later calls 1"
    ));
}

#[tokio::test]
async fn the_rate_limit_spaces_calls() {
    let emu = Emulator::start(KEY, SECRET).await.unwrap();
    emu.insert_account("rl", None);
    let client = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(emu.base_url())
        .rate_limit(20)
        .build()
        .unwrap();
    let started = Instant::now();
    // 20 may go at once (a second's worth), the next 10 at 50 ms intervals.
    for _ in 0..30 {
        client.call(&UnblockUser::new("rl")).await.unwrap();
    }
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(450),
        "30 calls at 20/s took {elapsed:?}"
    );
    assert_eq!(emu.request_count("user/unblock.action"), 30);
}
