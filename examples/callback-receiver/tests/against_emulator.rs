//! The receiver against real deliveries: the `nim-emulator` binary, configured with the
//! receiver's URL, POSTs signed copies of the messages sent through it and of simulated
//! logins; the receiver verifies and parses them. Then the emulator re-sends recorded
//! deliveries tampered with (body, MD5, CheckSum, stale and future CurTime) and replayed, and
//! each is refused with its status while the receiver's log does not grow.
//!
//! The binary is the one `cargo test --workspace` builds beside this test
//! (`target/<profile>/nim-emulator`); `NIM_EMULATOR_BIN` overrides the path.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use nim_api::callback::{CallbackReceiver, CopyEvent};
use nim_api::message::{ConversationId, Message, MessageBody};
use nim_api::msg::{Ope, SendMsg};
use nim_api::user::CreateUser;
use nim_api::v2::message::SendMessage;
use nim_api::{Client, Credentials, RetryPolicy};
use nim_callback_receiver_example::{Received, app};
use serde_json::{Value, json};

const KEY: &str = "receiver-test-key";
const SECRET: &str = "receiver-test-secret";

/// The emulator binary, killed on drop.
struct EmulatorProcess {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    root: String,
    http: reqwest::Client,
}

fn emulator_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("NIM_EMULATOR_BIN") {
        return PathBuf::from(path);
    }
    // This test runs from target/<profile>/deps/; cargo puts the workspace's binaries one up.
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let bin = dir.join(format!("nim-emulator{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p nim-emulator` first, or set NIM_EMULATOR_BIN",
        bin.display()
    );
    bin
}

impl EmulatorProcess {
    fn start(callback_url: &str) -> Self {
        let mut child = Command::new(emulator_binary())
            .args([
                "--port",
                "0",
                "--app-key",
                KEY,
                "--callback-url",
                callback_url,
            ])
            .env("NIM_EMULATOR_APP_SECRET", SECRET)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let root = first.trim_end().trim_end_matches("/nimserver").to_owned();
        assert!(
            root.starts_with("http://"),
            "unexpected first line {first:?}"
        );
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        EmulatorProcess { child, root, http }
    }

    fn client(&self) -> Client {
        Client::builder()
            .app_key(KEY)
            .app_secret(SECRET)
            .base_url(format!("{}/nimserver", self.root))
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap()
    }

    async fn admin(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self.http.request(method, format!("{}{path}", self.root));
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.to_string());
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        assert!(status.is_success(), "{path}: {status} {text}");
        serde_json::from_str(&text).unwrap()
    }

    async fn deliveries(&self) -> Vec<Value> {
        let log = self
            .admin(reqwest::Method::GET, "/_emulator/callbacks", None)
            .await;
        log["deliveries"].as_array().unwrap().clone()
    }

    /// Waits until `n` deliveries have been answered (or failed).
    async fn answered(&self, n: usize) -> Vec<Value> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let all = self.deliveries().await;
            let done = all
                .iter()
                .filter(|d| !d["status"].is_null() || !d["error"].is_null())
                .count();
            if done >= n {
                return all;
            }
            assert!(
                Instant::now() < deadline,
                "{done} of {n} deliveries: {all:#?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Re-sends delivery `seq`, tampered as named; answers the new delivery's record.
    async fn redeliver(&self, seq: &Value, tamper: &str) -> Value {
        let body = json!({ "seq": seq, "tamper": tamper });
        self.admin(
            reqwest::Method::POST,
            "/_emulator/callbacks/redeliver",
            Some(body),
        )
        .await
    }
}

impl Drop for EmulatorProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The example's router on a free port; answers its URL for copies.
async fn serve_receiver(received: Received) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let receiver = CallbackReceiver::new(Credentials::new(KEY, SECRET));
    tokio::spawn(async move {
        axum::serve(listener, app(receiver, received))
            .await
            .unwrap();
    });
    format!("http://{addr}/nim/copies")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_receiver_accepts_real_deliveries_and_refuses_tampered_ones() {
    let received = Received::default();
    let url = serve_receiver(received.clone()).await;
    let emu = EmulatorProcess::start(&url);
    let client = emu.client();
    for accid in ["zhangsan", "lisi"] {
        client.call(&CreateUser::new(accid)).await.unwrap();
    }

    // A v1 send, a v2 send and a simulated login: three copies.
    let v1 = client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::P2p,
            "lisi",
            Message::text("hi from v1"),
        ))
        .await
        .unwrap();
    let v2 = client
        .call(&SendMessage::new(
            ConversationId::p2p("lisi", "zhangsan"),
            Message::text("hi from v2"),
        ))
        .await
        .unwrap();
    emu.admin(
        reqwest::Method::POST,
        "/_emulator/callbacks/login",
        Some(json!({ "accid": "zhangsan", "client_type": "IOS" })),
    )
    .await;

    let deliveries = emu.answered(3).await;
    assert_eq!(deliveries.len(), 3, "{deliveries:#?}");
    for delivery in &deliveries {
        assert_eq!(delivery["status"], 200, "{delivery:#?}");
    }

    let copies = received.copies();
    assert_eq!(copies.len(), 3, "{copies:#?}");
    let texts: Vec<(String, String, Option<MessageBody>, u64)> = copies
        .iter()
        .filter_map(|event| match event {
            CopyEvent::Conversation(m) => Some((
                m.from_account.clone(),
                m.to.clone(),
                m.content.clone(),
                m.msgid_server.get(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        vec![
            (
                "zhangsan".into(),
                "lisi".into(),
                Some(MessageBody::Text("hi from v1".into())),
                v1.msgid.get(),
            ),
            (
                "lisi".into(),
                "zhangsan".into(),
                Some(MessageBody::Text("hi from v2".into())),
                v2.message_server_id.get(),
            ),
        ]
    );
    assert!(
        matches!(&copies[2], CopyEvent::Login(login) if login.accid == "zhangsan"),
        "{:?}",
        copies[2]
    );

    // Deliveries tampered with are refused before the handler runs; the log does not grow.
    let first = &deliveries[0]["seq"];
    for (tamper, status) in [
        ("body", 401),
        ("md5", 401),
        ("checksum", 401),
        ("stale", 403),
        ("future", 403),
        // The exact request again: a replay.
        ("none", 403),
    ] {
        let record = emu.redeliver(first, tamper).await;
        assert_eq!(record["status"], status, "{tamper}: {record:#?}");
    }
    assert_eq!(received.copies().len(), 3);

    // The console's address check (`{}`) is acknowledged.
    let check = emu
        .admin(reqwest::Method::POST, "/_emulator/callbacks/check", None)
        .await;
    assert_eq!(check["status"], 200, "{check:#?}");
    assert_eq!(received.copies().len(), 4);
}
