//! What the client puts on the wire for each v2 account action (method, path, query, JSON
//! body, content type, signing and trace headers), and how a retried call keeps its trace id
//! while every attempt gets a fresh nonce. A wiremock server stands in for NetEase.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::time::Duration;

use nim_api::v2::account::{
    BatchQueryAccounts, CreateAccount, DisableAccount, GetAccountDetails, KickAccount, KickType,
    RefreshToken, SetPushConfig, UpdateAccount,
};
use nim_api::v2::block::RemoveBlockContact;
use nim_api::v2::subscription::UnsubscribeUserStatus;
use nim_api::v2::{AccountConfiguration, UserInformation};
use nim_api::{CallOptions, Client, Endpoint, RetryPolicy, checksum};
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const SECRET: &str = "wire-secret";

/// An answer every account response type reads.
fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "code": 200, "msg": "success",
        "data": {"account_id": "zhangsan", "token": "t", "success_list": [], "failed_list": []}
    }))
}

async fn server() -> (MockServer, Client) {
    let server = MockServer::start().await;
    let client = Client::builder()
        .app_key("wire-key")
        .app_secret(SECRET)
        .base_url(format!("{}/nimserver", server.uri()))
        .retry_policy(
            RetryPolicy::default()
                .backoff(Duration::from_millis(1), Duration::from_millis(2))
                .jitter(false),
        )
        .build()
        .unwrap();
    (server, client)
}

fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request.headers.get(name).and_then(|v| v.to_str().ok())
}

fn is_trace_id(text: &str) -> bool {
    text.len() == 32
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Sends `request` and checks the one request the server saw.
async fn sent<E: Endpoint>(request: &E) -> Request {
    let (server, client) = server().await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    client.call(request).await.unwrap();
    let mut seen = server.received_requests().await.unwrap();
    assert_eq!(seen.len(), 1);
    let request = seen.remove(0);
    // Signed, and traced with the v2 header only.
    let nonce = header(&request, "Nonce").unwrap();
    let cur_time: u64 = header(&request, "CurTime").unwrap().parse().unwrap();
    assert_eq!(
        header(&request, "CheckSum").unwrap(),
        checksum(SECRET, nonce, cur_time)
    );
    assert_eq!(header(&request, "AppKey"), Some("wire-key"));
    assert!(is_trace_id(header(&request, "X-custom-traceid").unwrap()));
    assert_eq!(header(&request, "RequestId"), None);
    request
}

fn json_body(request: &Request) -> Value {
    assert_eq!(
        header(request, "Content-Type"),
        Some("application/json;charset=utf-8")
    );
    serde_json::from_slice(&request.body).unwrap()
}

fn no_body(request: &Request) {
    assert!(request.body.is_empty());
    assert_eq!(header(request, "Content-Type"), None);
}

fn target(request: &Request) -> String {
    match request.url.query() {
        Some(q) => format!("{} {}?{q}", request.method, request.url.path()),
        None => format!("{} {}", request.method, request.url.path()),
    }
}

#[tokio::test]
async fn create_account() {
    let request = sent(
        &CreateAccount::new("ZhangSan")
            .token("tk")
            .configuration(AccountConfiguration::new().enabled(true))
            .user_information(UserInformation::new().name("张三")),
    )
    .await;
    assert_eq!(target(&request), "POST /nimserver/im/v2/accounts");
    assert_eq!(
        json_body(&request),
        json!({"account_id": "zhangsan", "token": "tk",
               "configuration": {"enabled": true}, "user_information": {"name": "张三"}})
    );
}

#[tokio::test]
async fn update_account() {
    let request = sent(
        &UpdateAccount::new("zhangsan")
            .need_kick(true)
            .kick_notify_extension("bye"),
    )
    .await;
    assert_eq!(target(&request), "PATCH /nimserver/im/v2/accounts/zhangsan");
    assert_eq!(
        json_body(&request),
        json!({"need_kick": true, "kick_notify_extension": "bye"})
    );
}

#[tokio::test]
async fn refresh_token_sends_no_body() {
    let request = sent(&RefreshToken::new("zhangsan")).await;
    assert_eq!(
        target(&request),
        "PATCH /nimserver/im/v2/accounts/zhangsan/actions/refresh_token"
    );
    no_body(&request);
}

#[tokio::test]
async fn disable_account() {
    let request = sent(&DisableAccount::new("zhangsan", false)).await;
    assert_eq!(
        target(&request),
        "PATCH /nimserver/im/v2/accounts/zhangsan/actions/disable"
    );
    assert_eq!(json_body(&request), json!({"enabled": false}));
}

#[tokio::test]
async fn set_push_config() {
    let request = sent(&SetPushConfig::new("zhangsan", true)).await;
    assert_eq!(
        target(&request),
        "PATCH /nimserver/im/v2/accounts/zhangsan/actions/push_config"
    );
    assert_eq!(
        json_body(&request),
        json!({"push_enabled_when_desktop_online": true})
    );
}

#[tokio::test]
async fn get_account_details() {
    let request = sent(&GetAccountDetails::new("ZhangSan")).await;
    assert_eq!(target(&request), "GET /nimserver/im/v2/accounts/zhangsan");
    no_body(&request);
}

#[tokio::test]
async fn batch_query_accounts() {
    let request = sent(&BatchQueryAccounts::new(["a", "B", "c"])).await;
    assert_eq!(
        target(&request),
        "GET /nimserver/im/v2/accounts?account_ids=a%2Cb%2Cc"
    );
    no_body(&request);
}

#[tokio::test]
async fn kick_account() {
    let request =
        sent(&KickAccount::new("zhangsan", KickType::AllButListed).device_id_list(["d1"])).await;
    assert_eq!(
        target(&request),
        "POST /nimserver/im/v2/accounts/zhangsan/actions/kick"
    );
    assert_eq!(
        json_body(&request),
        json!({"type": 3, "device_id_list": ["d1"]})
    );
}

#[tokio::test]
async fn a_delete_carries_a_json_body_when_it_has_body_fields() {
    let request = sent(&UnsubscribeUserStatus::new("zhangsan").account_ids(["LiSi"])).await;
    assert_eq!(
        target(&request),
        "DELETE /nimserver/im/v2/subscription/zhangsan"
    );
    assert_eq!(json_body(&request), json!({"account_ids": ["lisi"]}));
    // Unset: the body is `{}` (unsubscribe from all), still sent as JSON.
    let all = sent(&UnsubscribeUserStatus::new("zhangsan")).await;
    assert_eq!(json_body(&all), json!({}));
}

#[tokio::test]
async fn a_delete_with_query_fields_only_sends_no_body() {
    let request = sent(&RemoveBlockContact::new("zhangsan", "lisi")).await;
    assert_eq!(
        target(&request),
        "DELETE /nimserver/im/v2/block_contacts/zhangsan?contact_account_id=lisi"
    );
    no_body(&request);
}

#[tokio::test]
async fn a_path_parameter_cannot_change_the_path() {
    // Validation refuses a `/` in an accid; the escaping holds for any text parameter.
    let (_server, client) = server().await;
    let err = client
        .call(&GetAccountDetails::new("a/../b"))
        .await
        .unwrap_err();
    assert!(err.is_validation());
    assert!(err.trace_id().is_some_and(is_trace_id));
    let mut path = String::new();
    nim_api::path::append_segment(&mut path, "../x?y#z%");
    assert_eq!(path, "..%2Fx%3Fy%23z%25");
}

#[tokio::test]
async fn a_retried_call_keeps_its_trace_id_and_gets_fresh_nonces() {
    let (server, client) = server().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>bad gateway</html>"))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(any()).respond_with(ok()).mount(&server).await;
    let called = client
        .call_with(
            &UpdateAccount::new("zhangsan").token("x"),
            CallOptions::new(),
        )
        .await
        .unwrap();
    assert_eq!(called.attempts, 3);
    let seen = server.received_requests().await.unwrap();
    assert_eq!(seen.len(), 3);
    let traces: Vec<&str> = seen
        .iter()
        .map(|r| header(r, "X-custom-traceid").unwrap())
        .collect();
    assert!(traces.iter().all(|t| *t == called.trace_id), "{traces:?}");
    let mut nonces: Vec<&str> = seen.iter().map(|r| header(r, "Nonce").unwrap()).collect();
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "every attempt is signed with a new nonce");

    // The next call gets a new trace id; a caller's own id is sent as given.
    let next = client
        .call_with(
            &GetAccountDetails::new("zhangsan"),
            CallOptions::new().trace_id("my-trace-1"),
        )
        .await
        .unwrap();
    assert_eq!(next.trace_id, "my-trace-1");
    let last = server.received_requests().await.unwrap().pop().unwrap();
    assert_eq!(header(&last, "X-custom-traceid"), Some("my-trace-1"));
}

#[tokio::test]
async fn errors_carry_the_trace_id_and_v2_codes() {
    let (server, client) = server().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"code": 102405, "msg": "account exists"})),
        )
        .mount(&server)
        .await;
    let err = client
        .call(&CreateAccount::new("zhangsan"))
        .await
        .unwrap_err();
    assert_eq!(err.api_code(), Some(102405));
    assert!(err.is_already_registered());
    let seen = server.received_requests().await.unwrap();
    assert_eq!(seen.len(), 1, "a create is not retried");
    assert_eq!(err.trace_id(), header(&seen[0], "X-custom-traceid"));
}

#[tokio::test]
async fn v1_calls_carry_request_id() {
    let (server, client) = server().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"code": 200})))
        .mount(&server)
        .await;
    let called = client
        .call_with(
            &nim_api::user::UnblockUser::new("zhangsan"),
            CallOptions::new(),
        )
        .await
        .unwrap();
    let seen = server.received_requests().await.unwrap();
    assert_eq!(
        header(&seen[0], "RequestId"),
        Some(called.trace_id.as_str())
    );
    assert_eq!(header(&seen[0], "X-custom-traceid"), None);
    assert_eq!(
        header(&seen[0], "Content-Type"),
        Some("application/x-www-form-urlencoded;charset=utf-8")
    );
}
