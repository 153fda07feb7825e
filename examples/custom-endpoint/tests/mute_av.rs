//! An action declared outside nim-api, sent by the real `Client` to a local server that
//! verifies its signature and its form body, and answered with its own response type.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};

use nim_api::{Client, checksum};
use nim_custom_endpoint_example::MuteAv;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const KEY: &str = "custom-key";
const SECRET: &str = "custom-secret";

/// Answers only a correctly signed form post, and keeps the bodies.
#[derive(Clone, Default)]
struct VerifyingServer {
    bodies: Arc<Mutex<Vec<String>>>,
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
            && header("Content-Type") == "application/x-www-form-urlencoded;charset=utf-8"
            && header("RequestId").len() == 32;
        if !signed {
            return ResponseTemplate::new(200).set_body_string(r#"{"code":414,"msg":"checksum"}"#);
        }
        let body = String::from_utf8(req.body.clone()).unwrap();
        self.bodies.lock().unwrap().push(body);
        ResponseTemplate::new(200).set_body_string(r#"{"code":200,"desc":"ok"}"#)
    }
}

#[tokio::test]
async fn an_action_declared_outside_nim_api_is_signed_encoded_and_decoded() {
    let server = MockServer::start().await;
    let verifier = VerifyingServer::default();
    Mock::given(method("POST"))
        .and(path("/nimserver/user/muteAv.action"))
        .respond_with(verifier.clone())
        .mount(&server)
        .await;
    let client = Client::builder()
        .app_key(KEY)
        .app_secret(SECRET)
        .base_url(format!("{}/nimserver", server.uri()))
        .build()
        .unwrap();

    let request = MuteAv::new("ZhangSan", true);
    let answer = client.call(&request).await.unwrap();
    assert_eq!(answer.desc.as_deref(), Some("ok"));

    let bodies = verifier.bodies.lock().unwrap().clone();
    assert_eq!(bodies, vec!["accid=zhangsan&mute=true".to_owned()]);

    // Its validation runs too: nothing is sent for an invalid request (`Accid` refuses
    // characters outside the accid alphabet).
    let err = client
        .call(&MuteAv::new("zhang san", false))
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
