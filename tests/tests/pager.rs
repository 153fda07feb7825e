//! `Client::pages` walks a list action page by page with its `next_token`, stops at the last
//! page, and refuses a server that repeats the token it was sent.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use nim_api::{Client, Page, RetryPolicy};
use serde::Deserialize;
use serde_json::json;
use wiremock::matchers::{method, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug, Clone, nim_api::Endpoint)]
#[nim(path = "/im/v2/friends/{account_id}", method = "GET", setters, response = Friends)]
struct ListFriends {
    #[nim(path)]
    account_id: nim_api::Accid,
    #[nim(query, min = 1, max = 100)]
    limit: Option<u32>,
    #[nim(query, page_token)]
    page_token: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Friends {
    has_more: bool,
    next_token: Option<String>,
    items: Vec<String>,
}

impl Page for Friends {
    fn next_page_token(&self) -> Option<&str> {
        self.next_token.as_deref().filter(|_| self.has_more)
    }
}

fn page(items: &[&str], next: Option<&str>) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "code": 200, "msg": "success",
        "data": {"items": items, "has_more": next.is_some(), "next_token": next}
    }))
}

async fn client(server: &MockServer) -> Client {
    Client::builder()
        .app_key("k")
        .app_secret("s")
        .base_url(format!("{}/nimserver", server.uri()))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn every_page_once_in_order() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param_is_missing("page_token"))
        .respond_with(page(&["a", "b"], Some("t1")))
        .mount(&server)
        .await;
    Mock::given(query_param("page_token", "t1"))
        .respond_with(page(&["c"], Some("t2")))
        .mount(&server)
        .await;
    Mock::given(query_param("page_token", "t2"))
        .respond_with(page(&["d"], None))
        .mount(&server)
        .await;
    let pages = client(&server)
        .await
        .pages(ListFriends::new("me").limit(2u32))
        .collect()
        .await
        .unwrap();
    let items: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.items.iter().map(String::as_str))
        .collect();
    assert_eq!(items, ["a", "b", "c", "d"]);
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_repeated_token_stops_the_walk() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(page(&["a"], Some("same")))
        .mount(&server)
        .await;
    let mut pages = client(&server).await.pages(ListFriends::new("me"));
    assert!(pages.next().await.unwrap().is_ok());
    let err = pages.next().await.unwrap().unwrap_err();
    assert!(err.to_string().contains("repeats"), "{err}");
    assert!(pages.next().await.is_none());
}

#[tokio::test]
async fn an_invalid_request_is_one_error_and_the_end() {
    let server = MockServer::start().await;
    let mut pages = client(&server)
        .await
        .pages(ListFriends::new("me").limit(0u32));
    assert!(pages.next().await.unwrap().unwrap_err().is_validation());
    assert!(pages.next().await.is_none());
    assert!(server.received_requests().await.unwrap().is_empty());
}
