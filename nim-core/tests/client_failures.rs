//! Each way a call can fail becomes its own error kind, never a panic; and none of them, nor
//! any `Debug` output, contains the AppSecret.

#![cfg(feature = "client")]
#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use std::time::Duration;

use nim_core::{Client, Code, Credentials, Error, ErrorKind, Signer, validate::Rule};
use support::{OK_CREATE, TestCreate, create};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A secret that must never show up in any output.
const SENTINEL: &str = "SENTINEL-7f3a9c-do-not-print";

async fn server_with(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn client(base: String, timeout: Duration) -> Client {
    Client::builder()
        .app_key("key")
        .app_secret(SENTINEL)
        .base_url(base)
        .timeout(timeout)
        .build()
        .unwrap()
}

async fn call_against(template: ResponseTemplate) -> (Error, usize) {
    let server = server_with(template).await;
    let c = client(
        format!("{}/nimserver", server.uri()),
        Duration::from_secs(5),
    );
    let err = c.call(&create("zhangsan")).await.unwrap_err();
    let seen = server.received_requests().await.unwrap().len();
    (err, seen)
}

fn assert_secret_free(err: &Error) {
    let shown = format!("{err} / {err:?}");
    assert!(!shown.contains(SENTINEL), "secret leaked: {shown}");
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        assert!(!s.to_string().contains(SENTINEL));
        source = s.source();
    }
}

#[tokio::test]
async fn invalid_request_never_reaches_the_server() {
    let server = server_with(ResponseTemplate::new(200).set_body_string(OK_CREATE)).await;
    let c = client(
        format!("{}/nimserver", server.uri()),
        Duration::from_secs(5),
    );
    let cases = [
        (create(""), "accid", Rule::Required),
        (
            create(&"a".repeat(33)),
            "accid",
            Rule::MaxLen {
                limit: 32,
                actual: 33,
            },
        ),
        (
            create("zhang#san"),
            "accid",
            Rule::AccidAlphabet {
                found: '#',
                position: 5,
            },
        ),
        (
            TestCreate {
                name: Some("名".repeat(65)),
                ..create("ok")
            },
            "name",
            Rule::MaxLen {
                limit: 64,
                actual: 65,
            },
        ),
    ];
    for (request, field, rule) in cases {
        let err = c.call(&request).await.unwrap_err();
        assert!(err.is_validation());
        let v = err.validation().unwrap();
        assert_eq!((v.field(), v.rule()), (field, &rule));
        assert!(err.to_string().starts_with("invalid request: `"), "{err}");
        assert_secret_free(&err);
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 0);
}

#[tokio::test]
async fn api_error_carries_code_and_desc() {
    let (err, seen) = call_against(
        ResponseTemplate::new(200).set_body_string(r#"{"code":414,"desc":"already register"}"#),
    )
    .await;
    assert_eq!(seen, 1);
    assert_eq!(err.api_code(), Some(414));
    assert_eq!(err.code(), Some(Code::ParameterError));
    assert_eq!(err.api_desc(), Some("already register"));
    assert!(err.is_already_registered());
    assert!(!err.is_validation());
    assert_secret_free(&err);
}

#[tokio::test]
async fn html_502_is_an_http_status_error() {
    let page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let (err, _) = call_against(ResponseTemplate::new(502).set_body_string(page)).await;
    match err.kind() {
        ErrorKind::HttpStatus { status, snippet } => {
            assert_eq!(*status, 502);
            assert!(snippet.contains("502 Bad Gateway"));
        }
        other => panic!("expected HttpStatus, got {other:?}"),
    }
    assert_eq!(err.api_code(), None);
    assert_secret_free(&err);
}

#[tokio::test]
async fn html_with_200_is_not_json() {
    let (err, _) =
        call_against(ResponseTemplate::new(200).set_body_string("<html>maintenance</html>")).await;
    assert!(
        matches!(err.kind(), ErrorKind::NotJson { snippet } if snippet.contains("maintenance"))
    );
    assert_secret_free(&err);
}

#[tokio::test]
async fn truncated_json_is_its_own_kind() {
    let (err, _) =
        call_against(ResponseTemplate::new(200).set_body_string(r#"{"code":200,"info":{"tok"#))
            .await;
    assert!(
        matches!(err.kind(), ErrorKind::TruncatedJson { .. }),
        "{err:?}"
    );
    assert_secret_free(&err);
}

#[tokio::test]
async fn two_mebibyte_body_is_refused() {
    let body = format!(r#"{{"code":200,"pad":"{}"}}"#, "x".repeat(2 * 1024 * 1024));
    let (err, _) = call_against(ResponseTemplate::new(200).set_body_string(body)).await;
    assert_eq!(
        err.kind(),
        &ErrorKind::ResponseTooLarge { limit: 1024 * 1024 }
    );
    assert_secret_free(&err);
}

#[tokio::test]
async fn slow_answer_is_a_timeout() {
    let server = server_with(
        ResponseTemplate::new(200)
            .set_body_string(OK_CREATE)
            .set_delay(Duration::from_secs(3)),
    )
    .await;
    let c = client(
        format!("{}/nimserver", server.uri()),
        Duration::from_millis(300),
    );
    let err = c.call(&create("zhangsan")).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_secret_free(&err);
}

#[tokio::test]
async fn refused_connection_is_a_connect_error() {
    // Bind a port, then free it: nothing listens there any more.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let c = client(
        format!("http://127.0.0.1:{port}/nimserver"),
        Duration::from_secs(5),
    );
    let err = c.call(&create("zhangsan")).await.unwrap_err();
    assert!(err.is_connect(), "{err:?}");
    assert_secret_free(&err);
}

#[tokio::test]
async fn unexpected_shape_is_reported() {
    let (err, _) =
        call_against(ResponseTemplate::new(200).set_body_string(r#"{"code":200,"info":[1,2]}"#))
            .await;
    assert!(
        matches!(err.kind(), ErrorKind::UnexpectedResponse { .. }),
        "{err:?}"
    );
    assert_secret_free(&err);
}

#[test]
fn debug_output_never_contains_the_secret() {
    let builder = Client::builder().app_key("key").app_secret(SENTINEL);
    let builder_debug = format!("{builder:?}");
    let client = builder
        .base_url("http://127.0.0.1:1/nimserver")
        .build()
        .unwrap();
    let credentials = Credentials::new("key", SENTINEL);
    let signer = Signer::new(credentials.clone());
    let headers = signer.sign();
    for shown in [
        builder_debug,
        format!("{client:?}"),
        format!("{client:#?}"),
        format!("{credentials:?}"),
        format!("{signer:?}"),
        format!("{headers:?}"),
    ] {
        assert!(!shown.contains(SENTINEL), "secret leaked: {shown}");
    }
    assert!(!format!("{headers:?}").contains(&headers.check_sum));
}

#[test]
fn configuration_errors_never_contain_the_secret() {
    for err in [
        Client::builder().app_secret(SENTINEL).build().unwrap_err(),
        Client::builder()
            .app_key("k")
            .app_secret(SENTINEL)
            .base_url("http://example.com/x")
            .build()
            .unwrap_err(),
        Client::builder()
            .app_key("k")
            .app_secret(SENTINEL)
            .proxy("::not a proxy::")
            .build()
            .unwrap_err(),
    ] {
        assert!(matches!(err.kind(), ErrorKind::Config { .. }));
        assert_secret_free(&err);
    }
}
