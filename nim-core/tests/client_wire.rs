//! What `Client::call` puts on the wire, checked by a local wiremock server.

#![cfg(feature = "client")]
#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use std::collections::HashSet;

use nim_core::{Client, checksum};
use support::{OK_CREATE, TestCreate, TestCreateResponse, create};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "test-app-key";
const SECRET: &str = "test-app-secret";

async fn server_answering(body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/nimserver/user/create.action"))
        .respond_with(ResponseTemplate::new(200).set_body_string(body.to_owned()))
        .mount(&server)
        .await;
    server
}

fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(format!("{}/nimserver", server.uri()))
        .build()
        .unwrap()
}

fn header<'a>(req: &'a wiremock::Request, name: &str) -> &'a str {
    req.headers
        .get(name)
        .unwrap_or_else(|| panic!("header {name} missing"))
        .to_str()
        .unwrap()
}

#[tokio::test]
async fn call_sends_signed_form_and_decodes_info() {
    let server = server_answering(OK_CREATE).await;
    let client = client_for(&server);
    let request = TestCreate {
        accid: "ZhangSan".into(),
        name: Some("张三 & co".into()),
        gender: Some(1),
    };
    let response = client.call(&request).await.unwrap();
    assert_eq!(
        response,
        TestCreateResponse {
            accid: "zhangsan".into(),
            token: "t0k".into()
        }
    );

    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1);
    let req = &requests[0];
    assert_eq!(req.method.as_str(), "POST");
    assert_eq!(
        header(req, "content-type"),
        "application/x-www-form-urlencoded;charset=utf-8"
    );
    assert_eq!(header(req, "AppKey"), KEY);
    let nonce = header(req, "Nonce");
    assert_eq!(nonce.len(), 32);
    let cur_time: u64 = header(req, "CurTime").parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(
        now.abs_diff(cur_time) <= 5,
        "CurTime {cur_time} is not now ({now})"
    );
    assert_eq!(header(req, "CheckSum"), checksum(SECRET, nonce, cur_time));
    assert!(header(req, "user-agent").starts_with("nim-rs/"));

    // The body is the form the endpoint describes, accid lowercased.
    let body = std::str::from_utf8(&req.body).unwrap();
    assert_eq!(
        body,
        "accid=zhangsan&name=%E5%BC%A0%E4%B8%89+%26+co&gender=1"
    );
    let decoded: Vec<(String, String)> = serde_urlencoded::from_bytes(&req.body).unwrap();
    assert_eq!(
        decoded,
        vec![
            ("accid".to_owned(), "zhangsan".to_owned()),
            ("name".to_owned(), "张三 & co".to_owned()),
            ("gender".to_owned(), "1".to_owned()),
        ]
    );
}

#[tokio::test]
async fn a_thousand_calls_never_share_a_nonce() {
    let server = server_answering(OK_CREATE).await;
    let client = client_for(&server);
    for i in 0..1000 {
        client.call(&create(&format!("user{i}"))).await.unwrap();
    }
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1000);
    let nonces: HashSet<String> = requests
        .iter()
        .map(|r| header(r, "Nonce").to_owned())
        .collect();
    assert_eq!(nonces.len(), 1000);
    // Every one of them verifies.
    for r in &requests {
        let t: u64 = header(r, "CurTime").parse().unwrap();
        assert_eq!(
            header(r, "CheckSum"),
            checksum(SECRET, header(r, "Nonce"), t)
        );
    }
}

#[tokio::test]
async fn clones_share_configuration() {
    let server = server_answering(OK_CREATE).await;
    let client = client_for(&server);
    let clone = client.clone();
    let (ra, rb) = (create("a"), create("b"));
    let (a, b) = tokio::join!(client.call(&ra), clone.call(&rb));
    a.unwrap();
    b.unwrap();
    assert_eq!(clone.base_url(), client.base_url());
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn prepare_matches_what_call_sends() {
    let server = server_answering(OK_CREATE).await;
    let client = client_for(&server);
    let prepared = client.prepare(&create("Li.Si")).unwrap();
    assert_eq!(
        prepared.url,
        format!("{}/nimserver/user/create.action", server.uri())
    );
    assert_eq!(prepared.body, "accid=li.si");
    assert_eq!(
        prepared.headers.check_sum,
        checksum(SECRET, &prepared.headers.nonce, prepared.headers.cur_time)
    );
}

#[test]
fn plain_http_is_refused_off_loopback_without_opt_in() {
    let refused = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url("http://example.com/nimserver")
        .build()
        .unwrap_err();
    assert!(
        refused.to_string().contains("allow_insecure_http"),
        "{refused}"
    );

    let opted_in = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url("http://example.com/nimserver")
        .allow_insecure_http()
        .build()
        .unwrap();
    assert_eq!(opted_in.base_url(), "http://example.com/nimserver");

    let loopback = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url("http://127.0.0.1:45678/nimserver")
        .build()
        .unwrap();
    assert_eq!(loopback.base_url(), "http://127.0.0.1:45678/nimserver");
}

#[tokio::test]
async fn the_call_future_is_send_static_and_spawnable() {
    fn assert_send_static<T: Send + 'static>(_: &T) {}
    let server = server_answering(OK_CREATE).await;
    let client = client_for(&server);
    let future = {
        let request = create("spawned"); // dropped before the future runs
        client.call(&request)
    };
    assert_send_static(&future);
    let response = tokio::spawn(future).await.unwrap().unwrap();
    assert_eq!(response.accid, "zhangsan");
}

#[test]
fn builder_rejects_what_would_fail_every_call() {
    let base = || Client::builder().app_key(KEY).app_secret(SECRET);
    let e = base().proxy("socks5://127.0.0.1:1080").build().unwrap_err();
    assert!(e.to_string().contains("http:// or https://"), "{e}");
    assert!(base().proxy("http://127.0.0.1:3128").build().is_ok());
    let e = Client::builder()
        .app_key("key\nx")
        .app_secret(SECRET)
        .build()
        .unwrap_err();
    assert!(e.to_string().contains("HTTP header"), "{e}");
    let e = base().rate_limit(0).build().unwrap_err();
    assert!(e.to_string().contains("rate_limit"), "{e}");
    assert!(base().rate_limit(1).build().is_ok());
}

#[test]
fn builder_requires_key_and_secret() {
    let e = Client::builder().app_secret(SECRET).build().unwrap_err();
    assert_eq!(e.to_string(), "client configuration: app_key is not set");
    let e = Client::builder().app_key(KEY).build().unwrap_err();
    assert_eq!(e.to_string(), "client configuration: app_secret is not set");
    let e = Client::builder()
        .app_key(KEY)
        .app_secret("")
        .build()
        .unwrap_err();
    assert_eq!(e.to_string(), "client configuration: app_secret is not set");
}

#[test]
fn regions_choose_their_hosts() {
    let sg = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .region(nim_core::Region::Singapore)
        .build()
        .unwrap();
    assert_eq!(sg.base_url(), "https://api-sg.yunxinapi.com/nimserver");
    let cn = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .build()
        .unwrap();
    assert_eq!(cn.base_url(), "https://api.yunxinapi.com/nimserver");
}
