//! Test helpers: an emulator on a manual clock and a plain reqwest client that signs by hand
//! (deliberately not nim-core's `Client`, so the emulator is checked against the protocol,
//! not against our own client).
#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

pub mod process;

use nim_emulator::{Emulator, ManualClock};
use serde_json::Value;

pub const KEY: &str = "test-app-key";
pub const SECRET: &str = "test-app-secret";
/// The emulator's clock reads this when a test starts.
pub const T0: u64 = 1_700_000_000;
pub const FORM: &str = "application/x-www-form-urlencoded;charset=utf-8";

/// Builds a reqwest client that talks plain HTTP to loopback.
pub fn http_client(timeout: Duration) -> reqwest::Client {
    // reqwest is built without a default crypto provider; install ring once per process.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .timeout(timeout)
        .build()
        .unwrap()
}

/// `application/x-www-form-urlencoded` encoding of `params`.
pub fn form(params: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
}

/// The four auth headers plus Content-Type, as a client computes them.
pub fn signed_headers(
    key: &str,
    secret: &str,
    nonce: &str,
    cur_time: u64,
) -> Vec<(String, String)> {
    vec![
        ("AppKey".into(), key.into()),
        ("Nonce".into(), nonce.into()),
        ("CurTime".into(), cur_time.to_string()),
        (
            "CheckSum".into(),
            nim_core::checksum(secret, nonce, cur_time),
        ),
        ("Content-Type".into(), FORM.into()),
    ]
}

/// An answer: HTTP status, content type and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body))
    }

    pub fn code(&self) -> u64 {
        assert_eq!(self.status, 200, "HTTP status of {:?}", self.body);
        self.json()["code"].as_u64().unwrap()
    }

    pub fn desc(&self) -> String {
        self.json()["desc"].as_str().unwrap_or_default().to_owned()
    }

    /// The answer as nim-core's error type sees it, to check its recognisers match.
    pub fn as_error(&self) -> nim_core::Error {
        nim_core::Error::api(self.code() as u32, self.desc())
    }

    /// Asserts `{"code":code,"desc":...}` with `desc` containing `needle` (ignoring case).
    pub fn assert_error(&self, code: u64, needle: &str) {
        assert_eq!(self.code(), code, "{}", self.body);
        assert!(
            self.desc().to_lowercase().contains(&needle.to_lowercase()),
            "desc {:?} should mention {needle:?}",
            self.desc()
        );
    }
}

/// An emulator on a [`ManualClock`] at [`T0`] and a client for it.
pub struct Harness {
    pub emu: Emulator,
    pub clock: ManualClock,
    pub http: reqwest::Client,
    nonce: AtomicU64,
}

impl Harness {
    pub async fn start() -> Harness {
        let clock = ManualClock::new(T0);
        let emu = Emulator::builder(KEY, SECRET)
            .clock(clock.clone())
            .start()
            .await
            .unwrap();
        Harness {
            emu,
            clock,
            http: http_client(Duration::from_secs(10)),
            nonce: AtomicU64::new(0),
        }
    }

    /// A nonce not used before by this harness.
    pub fn nonce(&self) -> String {
        format!("nonce-{}", self.nonce.fetch_add(1, Ordering::Relaxed))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.emu.base_url())
    }

    /// Correctly signed headers at the emulator's current time, with a fresh nonce.
    pub fn headers(&self) -> Vec<(String, String)> {
        signed_headers(KEY, SECRET, &self.nonce(), self.clock_now())
    }

    pub fn clock_now(&self) -> u64 {
        use nim_emulator::Clock;
        self.clock.now_unix()
    }

    /// Sends `body` to `path` with exactly `headers`.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        headers: &[(String, String)],
        body: String,
    ) -> Answer {
        exchange(&self.http, method, &self.url(path), headers, body).await
    }

    /// A correctly signed POST of `params` to `path`.
    pub async fn call(&self, path: &str, params: &[(&str, &str)]) -> Answer {
        self.send(reqwest::Method::POST, path, &self.headers(), form(params))
            .await
    }

    /// A correctly signed POST whose headers are first changed by `edit`.
    pub async fn call_with(
        &self,
        path: &str,
        params: &[(&str, &str)],
        edit: impl FnOnce(&mut Vec<(String, String)>),
    ) -> Answer {
        let mut headers = self.headers();
        edit(&mut headers);
        self.send(reqwest::Method::POST, path, &headers, form(params))
            .await
    }

    /// Creates `accid` and returns its token.
    pub async fn create(&self, accid: &str) -> String {
        let answer = self.call("user/create.action", &[("accid", accid)]).await;
        assert_eq!(answer.code(), 200, "{}", answer.body);
        answer.json()["info"]["token"].as_str().unwrap().to_owned()
    }
}

/// Sets header `name` to `value` (or removes it when `None`).
pub fn set_header(headers: &mut Vec<(String, String)>, name: &str, value: Option<&str>) {
    headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    if let Some(value) = value {
        headers.push((name.to_owned(), value.to_owned()));
    }
}

/// The v2 JSON content type as the official SDKs send it.
pub const JSON_UTF8: &str = "application/json;charset=UTF-8";

impl Answer {
    /// The `msg` of a v2 answer.
    pub fn msg(&self) -> String {
        self.json()["msg"].as_str().unwrap_or_default().to_owned()
    }

    /// Asserts a v2 failure `{"code":code,"msg":...}` with `msg` containing `needle`.
    pub fn assert_v2_error(&self, code: u64, needle: &str) {
        assert_eq!(self.code(), code, "{}", self.body);
        assert!(
            self.msg().contains(needle),
            "msg {:?} should mention {needle:?}",
            self.msg()
        );
    }

    /// The `data` of a v2 success, asserting code 200 and msg "success".
    pub fn data(&self) -> Value {
        assert_eq!(self.code(), 200, "{}", self.body);
        assert_eq!(self.msg(), "success", "{}", self.body);
        self.json()["data"].clone()
    }
}

impl Harness {
    /// A correctly signed v2 call: `path` below the base URL (`im/v2/accounts`), a JSON body
    /// with the SDKs' Content-Type when given, none (and no Content-Type) otherwise.
    pub async fn v2(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        let mut headers = self.headers();
        set_header(&mut headers, "Content-Type", None);
        let body = match body {
            Some(body) => {
                headers.push(("Content-Type".into(), JSON_UTF8.into()));
                body.to_string()
            }
            None => String::new(),
        };
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        self.send(method, path, &headers, body).await
    }
}

/// Sends one request with `http` and reads the whole answer.
pub async fn exchange(
    http: &reqwest::Client,
    method: reqwest::Method,
    url: &str,
    headers: &[(String, String)],
    body: String,
) -> Answer {
    let mut request = http.request(method, url).body(body);
    for (name, value) in headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = response.text().await.unwrap();
    Answer {
        status,
        content_type,
        body,
    }
}
