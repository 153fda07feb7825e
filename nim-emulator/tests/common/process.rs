//! The `nim-emulator` binary as another language's test sees it: a process, a URL, signed
//! HTTP requests (real time) and the unsigned admin routes. No Rust inspection API.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use super::{Answer, FORM, JSON_UTF8, KEY, SECRET, form, http_client};

/// A running binary, killed on drop.
pub struct Remote {
    child: Child,
    /// `http://127.0.0.1:PORT/nimserver`.
    pub base: String,
    /// `http://127.0.0.1:PORT`.
    pub root: String,
    pub http: reqwest::Client,
    nonce: AtomicU64,
}

impl Remote {
    /// Starts the binary with the test key and secret plus `extra` arguments.
    pub fn start(extra: &[&str]) -> Remote {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nim-emulator"))
            .args(["--port", "0", "--app-key", KEY, "--app-secret", SECRET])
            .args(extra)
            .env_remove("NIM_EMULATOR_APP_SECRET")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let base = first.trim_end().to_owned();
        let root = base.trim_end_matches("/nimserver").to_owned();
        Remote {
            child,
            base,
            root,
            http: http_client(Duration::from_secs(10)),
            nonce: AtomicU64::new(0),
        }
    }

    /// The four signed headers at the real time, with a fresh nonce.
    pub fn auth(&self) -> Vec<(String, String)> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let nonce = format!("remote-{}", self.nonce.fetch_add(1, Ordering::Relaxed));
        vec![
            ("AppKey".into(), KEY.into()),
            ("Nonce".into(), nonce.clone()),
            ("CurTime".into(), now.to_string()),
            ("CheckSum".into(), nim_core::checksum(SECRET, &nonce, now)),
        ]
    }

    /// Sends `body` with `headers` to `url`.
    pub async fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(String, String)],
        body: String,
    ) -> Answer {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        super::exchange(&self.http, method, url, headers, body).await
    }

    /// A signed v1 call of `path` below the base URL.
    pub async fn v1(&self, path: &str, params: &[(&str, &str)]) -> Answer {
        let mut headers = self.auth();
        headers.push(("Content-Type".into(), FORM.into()));
        let url = format!("{}/{path}", self.base);
        self.send("POST", &url, &headers, form(params)).await
    }

    /// A signed v2 call of `path` below the base URL, JSON body when given.
    pub async fn v2(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        let mut headers = self.auth();
        let body = match body {
            Some(body) => {
                headers.push(("Content-Type".into(), JSON_UTF8.into()));
                body.to_string()
            }
            None => String::new(),
        };
        let url = format!("{}/{path}", self.base);
        self.send(method, &url, &headers, body).await
    }

    /// An admin request (`/_emulator/...`): HTTP status and JSON answer.
    pub async fn admin(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let url = format!("{}{path}", self.root);
        let answer = self.send(method, &url, &[], body).await;
        (answer.status, answer.json())
    }

    /// `GET /_emulator/requests`.
    pub async fn requests(&self) -> Vec<Value> {
        let (status, log) = self.admin("GET", "/_emulator/requests", None).await;
        assert_eq!(status, 200);
        log.as_array().unwrap().clone()
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
