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

fn spawn(args: &[&str]) -> (Child, String) {
    let mut child = Command::new(BIN)
        .args(args)
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

    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let nonce = "binary-test-nonce";
    let response = http_client(Duration::from_secs(10))
        .post(format!("{url}/user/create.action"))
        .header("AppKey", "bin-key")
        .header("Nonce", nonce)
        .header("CurTime", now.to_string())
        .header("CheckSum", nim_core::checksum("bin-secret", nonce, now))
        .header("Content-Type", FORM)
        .body(form(&[("accid", "ZhangSan"), ("name", "张三")]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let json: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
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

#[test]
fn bad_arguments_exit_2_with_usage() {
    let output = Command::new(BIN).args(["--app-key", "k"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("--app-secret is required"), "{stderr}");
    assert!(stderr.contains("usage: nim-emulator"), "{stderr}");

    let output = Command::new(BIN).arg("--help").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
}
