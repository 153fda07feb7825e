//! The `nim-emulator` binary: prints its URL first, answers a signed create, and exits 0 on
//! SIGINT or SIGTERM.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{FORM, form, http_client};

const BIN: &str = env!("CARGO_BIN_EXE_nim-emulator");

/// The environment variable the binary reads the AppSecret from.
const SECRET_ENV: &str = "NIM_EMULATOR_APP_SECRET";

/// The binary with `args`, without any AppSecret from the test's own environment.
fn command(args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command.args(args).env_remove(SECRET_ENV);
    command
}

fn spawn(args: &[&str]) -> (Child, String) {
    spawn_command(command(args))
}

fn spawn_command(mut command: Command) -> (Child, String) {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    (child, first.trim_end().to_owned())
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits up to 10 s for the child to exit.
fn wait(mut child: Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nim-emulator did not exit after the signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Sends a create for `ZhangSan` signed with `key`/`secret` to the binary at `url`.
async fn signed_create(url: &str, key: &str, secret: &str) -> serde_json::Value {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let nonce = format!("binary-test-nonce-{secret}");
    let response = http_client(Duration::from_secs(10))
        .post(format!("{url}/user/create.action"))
        .header("AppKey", key)
        .header("Nonce", &nonce)
        .header("CurTime", now.to_string())
        .header("CheckSum", nim_core::checksum(secret, &nonce, now))
        .header("Content-Type", FORM)
        .body(form(&[("accid", "ZhangSan"), ("name", "张三")]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

#[tokio::test]
async fn prints_its_url_answers_a_signed_create_and_exits_0_on_sigint() {
    let (child, url) = spawn(&[
        "--port",
        "0",
        "--app-key",
        "bin-key",
        "--app-secret",
        "bin-secret",
    ]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url:?}");
    assert!(url.ends_with("/nimserver"), "{url:?}");
    let port: u16 = url["http://127.0.0.1:".len()..url.len() - "/nimserver".len()]
        .parse()
        .unwrap();
    assert_ne!(port, 0);

    let json = signed_create(&url, "bin-key", "bin-secret").await;
    assert_eq!(json["code"], 200);
    assert_eq!(json["info"]["accid"], "zhangsan");
    assert_eq!(json["info"]["name"], "张三");

    signal(&child, "-INT");
    let status = wait(child);
    assert_eq!(status.code(), Some(0), "{status:?}");
}

#[tokio::test]
async fn exits_0_on_sigterm_right_after_printing() {
    let (child, url) = spawn(&["--app-key=k", "--app-secret=s", "--host", "127.0.0.1"]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url:?}");
    signal(&child, "-TERM");
    assert_eq!(wait(child).code(), Some(0));
}

#[tokio::test]
async fn reads_the_secret_from_the_environment_when_the_option_is_absent() {
    let mut cmd = command(&["--app-key", "env-key"]);
    cmd.env(SECRET_ENV, "env-secret");
    let (child, url) = spawn_command(cmd);
    assert!(url.starts_with("http://127.0.0.1:"), "{url:?}");
    let json = signed_create(&url, "env-key", "env-secret").await;
    assert_eq!(json["code"], 200, "{json}");
    signal(&child, "-TERM");
    assert_eq!(wait(child).code(), Some(0));

    // The option wins over the environment.
    let mut cmd = command(&["--app-key", "env-key", "--app-secret", "option-secret"]);
    cmd.env(SECRET_ENV, "env-secret");
    let (child, url) = spawn_command(cmd);
    let json = signed_create(&url, "env-key", "env-secret").await;
    assert_eq!(json["code"], 414, "{json}");
    let json = signed_create(&url, "env-key", "option-secret").await;
    assert_eq!(json["code"], 200, "{json}");
    signal(&child, "-TERM");
    assert_eq!(wait(child).code(), Some(0));
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    let output = command(&["--app-key", "k"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--app-secret is required"), "{stderr}");
    assert!(stderr.contains(SECRET_ENV), "{stderr}");
    assert!(stderr.contains("Usage: nim-emulator"), "{stderr}");

    // Help and version go to stdout and exit 0.
    let output = command(&["--help"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains(SECRET_ENV), "{stdout}");
    assert!(stdout.contains("--request-log"), "{stdout}");
    assert!(output.stderr.is_empty());
    let output = command(&["--version"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout.trim(),
        format!("nim-emulator {}", env!("CARGO_PKG_VERSION"))
    );

    let output = command(&["--app-key", "k", "--app-secret", "s", "--request-log", "x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--request-log"), "{stderr}");
}

#[test]
fn a_non_utf8_argument_is_a_usage_error_not_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let output = command(&["--app-key", "k", "--app-secret"])
        .arg(OsStr::from_bytes(b"s\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("invalid UTF-8"), "{stderr}");
    assert!(stderr.contains("Usage: nim-emulator"), "{stderr}");
    assert!(!stderr.contains("s\u{fffd}"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    // The same for the secret in the environment.
    let output = command(&["--app-key", "k"])
        .env(SECRET_ENV, OsStr::from_bytes(b"s\xff"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(SECRET_ENV) && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
}

#[tokio::test]
async fn callback_url_sends_the_address_check_there_and_https_is_refused() {
    // A receiver that records the bodies and headers it gets.
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = std::sync::Arc::clone(&seen);
    let app = axum::Router::new().fallback(
        move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
            let record = std::sync::Arc::clone(&record);
            async move {
                let md5 = headers["md5"].to_str().unwrap().to_owned();
                record.lock().unwrap().push((md5, body.to_vec()));
                "ok"
            }
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let receiver = format!("http://{}/cb", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let (child, url) = spawn(&["--app-key=k", "--app-secret=s", "--callback-url", &receiver]);
    let root = url.trim_end_matches("/nimserver");
    let check = http_client(Duration::from_secs(10))
        .post(format!("{root}/_emulator/callbacks/check"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let check: serde_json::Value = serde_json::from_str(&check).unwrap();
    assert_eq!(check["status"], 200, "{check}");
    assert_eq!(check["url"], receiver.as_str());
    assert_eq!(
        *seen.lock().unwrap(),
        [(nim_core::callback::body_md5(b"{}"), b"{}".to_vec())]
    );
    signal(&child, "-TERM");
    assert_eq!(wait(child).code(), Some(0));

    let output = command(&[
        "--app-key=k",
        "--app-secret=s",
        "--callback-url",
        "https://app.test/cb",
    ])
    .output()
    .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("https"), "{stderr}");
}
