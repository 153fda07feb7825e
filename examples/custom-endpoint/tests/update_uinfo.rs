//! The sixth action sent by the real `Client` to a local server that verifies its signature
//! and its form.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};

use nim_api::{Client, checksum};
use nim_custom_endpoint_example::{Gender, UpdateUserInfo};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const KEY: &str = "custom-key";
const SECRET: &str = "custom-secret";

/// A decoded form: its name/value pairs in order.
type FormPairs = Vec<(String, String)>;

/// Answers `{"code":200}` only to a correctly signed form post, and keeps the decoded forms.
#[derive(Clone, Default)]
struct VerifyingServer {
    forms: Arc<Mutex<Vec<FormPairs>>>,
}

impl Respond for VerifyingServer {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let header = |name: &str| {
            req.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let cur_time: u64 = header("CurTime").parse().unwrap_or(0);
        let signed = header("AppKey") == KEY
            && header("CheckSum") == checksum(SECRET, &header("Nonce"), cur_time)
            && header("Content-Type") == "application/x-www-form-urlencoded;charset=utf-8";
        if !signed {
            return ResponseTemplate::new(200).set_body_string(r#"{"code":414,"desc":"checksum"}"#);
        }
        let form: FormPairs = serde_urlencoded::from_bytes(&req.body).unwrap();
        self.forms.lock().unwrap().push(form);
        ResponseTemplate::new(200).set_body_string(r#"{"code":200}"#)
    }
}

#[tokio::test]
async fn a_sixth_action_declared_outside_nim_api_is_signed_and_encoded() {
    let server = MockServer::start().await;
    let verifier = VerifyingServer::default();
    Mock::given(method("POST"))
        .and(path("/nimserver/user/updateUinfo.action"))
        .respond_with(verifier.clone())
        .mount(&server)
        .await;
    let client = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(format!("{}/nimserver", server.uri()))
        .build()
        .unwrap();

    let request = UpdateUserInfo::new("ZhangSan")
        .name("张三")
        .gender(Gender::Female);
    client.call(&request).await.unwrap();

    let forms = verifier.forms.lock().unwrap().clone();
    assert_eq!(
        forms,
        vec![vec![
            ("accid".to_owned(), "zhangsan".to_owned()),
            ("name".to_owned(), "张三".to_owned()),
            ("gender".to_owned(), "2".to_owned()),
        ]]
    );

    // Its validation runs too: nothing is sent for an invalid request.
    let err = client
        .call(&UpdateUserInfo::new("bad accid"))
        .await
        .unwrap_err();
    assert!(err.is_validation(), "{err}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // And a wrong secret is caught by the server's check.
    let wrong = Client::builder()
        .app_key(KEY)
        .app_secret("wrong")
        .base_url(format!("{}/nimserver", server.uri()))
        .build()
        .unwrap();
    let err = wrong.call(&request).await.unwrap_err();
    assert!(err.is_checksum_failure(), "{err}");
}
