//! With a sentinel AppSecret and tracing captured at TRACE, run every action and every error
//! path, and check that the sentinel, the CheckSums sent and the tokens handed out appear in
//! no log line, no error message and no `Debug` output.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nim_api::user::{BlockUser, CreateUser, RefreshToken, UnblockUser, UpdateToken};
use nim_api::{Client, Clock, Credentials, Error, RetryPolicy, Signer, SystemClock};
use nim_emulator::{Emulator, Fault};
use tracing_subscriber::fmt::MakeWriter;

const SENTINEL: &str = "SENTINEL-SECRET-4b1d-never-log-me";
const KEY: &str = "leak-key";

/// Collects everything the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

struct SkewedClock;
impl Clock for SkewedClock {
    fn now_unix(&self) -> u64 {
        SystemClock.now_unix() - 1000
    }
}

fn client(base: &str, secret: &str) -> Client {
    Client::builder()
        .app_key(KEY)
        .app_secret(secret)
        .base_url(base)
        .timeout(Duration::from_millis(300))
        .retry_policy(
            RetryPolicy::default()
                .backoff(Duration::from_millis(5), Duration::from_millis(10))
                .jitter(false),
        )
        .build()
        .unwrap()
}

#[tokio::test]
async fn the_secret_never_appears_in_logs_errors_or_debug() {
    let logs = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(logs.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let emu = Emulator::start(KEY, SENTINEL).await.unwrap();
    let base = emu.base_url().to_owned();
    let c = client(&base, SENTINEL);
    let mut shown: Vec<String> = vec![
        format!("{c:?}"),
        format!("{:?}", Client::builder().app_secret(SENTINEL)),
    ];
    let mut tokens: Vec<String> = Vec::new();
    let mut errors: Vec<Error> = Vec::new();

    // Every action, successfully.
    let created = c
        .call(&CreateUser::new("leaky").token("chosen-token-value-1"))
        .await
        .unwrap();
    tokens.push(created.token.clone());
    shown.push(format!("{created:?}").replace(&created.token, ""));
    c.call(&UpdateToken::new("leaky").token("chosen-token-value-2"))
        .await
        .unwrap();
    tokens.push("chosen-token-value-2".to_owned());
    let refreshed = c.call(&RefreshToken::new("leaky")).await.unwrap();
    tokens.push(refreshed.token.clone());
    c.call(&BlockUser::new("leaky").need_kick(true))
        .await
        .unwrap();
    c.call(&UnblockUser::new("leaky")).await.unwrap();

    // Every error path.
    errors.push(c.call(&CreateUser::new("bad accid")).await.unwrap_err()); // validation
    errors.push(c.call(&CreateUser::new("leaky")).await.unwrap_err()); // already register
    errors.push(c.call(&RefreshToken::new("ghost")).await.unwrap_err()); // not register
    errors.push(
        client(&base, "wrong-secret")
            .call(&UnblockUser::new("leaky"))
            .await
            .unwrap_err(),
    ); // checksum
    for fault in [
        Fault::DropConnection,
        Fault::Delay(Duration::from_millis(800)),
        Fault::BadGateway,
        Fault::ServiceUnavailable,
        Fault::Busy,
        Fault::TruncatedJson,
    ] {
        // A refresh makes the truncated answer carry a token; its error snippet must not.
        emu.inject(fault.clone(), 1);
        match c.call(&RefreshToken::new("leaky")).await {
            Err(e) => errors.push(e),
            Ok(r) => panic!("{fault:?} did not fail: {r:?}"),
        }
        // The action may have run: its new token is secret too.
        tokens.push(emu.account("leaky").unwrap().token);
        emu.inject(fault, 10);
        errors.push(c.call(&UnblockUser::new("leaky")).await.unwrap_err());
        emu.clear_faults();
    }
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!(
            "http://127.0.0.1:{}/nimserver",
            l.local_addr().unwrap().port()
        )
    };
    errors.push(
        client(&dead, SENTINEL)
            .call(&UnblockUser::new("leaky"))
            .await
            .unwrap_err(),
    ); // connect
    errors.push(
        Client::builder()
            .app_key(KEY)
            .app_secret(SENTINEL)
            .base_url("http://example.com/x")
            .build()
            .unwrap_err(),
    ); // config
    // Clock skew: corrected with a warning.
    let skewed = Client::builder()
        .app_key(KEY)
        .app_secret(SENTINEL)
        .base_url(&base)
        .clock(SkewedClock)
        .build()
        .unwrap();
    skewed.call(&UnblockUser::new("leaky")).await.unwrap();

    let credentials = Credentials::new(KEY, SENTINEL);
    let signer = Signer::new(credentials.clone());
    let signed = signer.sign();
    shown.push(format!("{credentials:?} {signer:?} {signed:?}"));

    for e in &errors {
        shown.push(format!("{e}"));
        shown.push(format!("{e:?}"));
        shown.push(format!("{e:#?}"));
    }
    drop(_guard);
    let logs = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();

    // The capture really saw the calls: spans, attempts and the skew warning.
    assert!(logs.contains("nim_call"), "no span captured:\n{logs}");
    assert!(logs.contains("nim attempt"));
    assert!(logs.contains("signing with the corrected time"));
    assert!(logs.contains("user/create.action"));
    assert!(errors.len() >= 18, "{} error paths", errors.len());

    let everything = format!("{logs}\n{}", shown.join("\n"));
    assert!(!everything.contains(SENTINEL), "the AppSecret leaked");
    assert!(!everything.contains(&signed.check_sum), "a CheckSum leaked");
    // A CheckSum is 40 hex digits: no such run may appear anywhere in the logs.
    let longest_hex_run = logs
        .split(|c: char| !c.is_ascii_hexdigit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(
        longest_hex_run < 40,
        "a 40-hex-digit run (a CheckSum?) is in the logs"
    );
    for token in &tokens {
        assert!(
            !logs.contains(token.as_str()),
            "token {token} is in the logs"
        );
        for e in &errors {
            assert!(
                !format!("{e} {e:?}").contains(token.as_str()),
                "token {token} in error {e}"
            );
        }
    }
    let _ = writeln!(
        std::io::stderr(),
        "leak test: {} log bytes, {} error paths, {} tokens checked, sentinel absent",
        logs.len(),
        errors.len(),
        tokens.len()
    );
}
