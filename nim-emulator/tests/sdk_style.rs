//! Requests built byte by byte the way the official Java and Go SDKs send them (header
//! names in any case, `Requestid`, `User-Agent`, gzip `Accept-Encoding`, `charset=UTF-8`),
//! to the binary, v1 and v2.
#![allow(clippy::unwrap_used)]

mod common;

use common::process::Remote;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Sends `head` + `body` on a fresh connection and returns the answer's JSON body.
async fn raw(remote: &Remote, head: &str, body: &str) -> Value {
    let addr = remote.root.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "{head}Host: {addr}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    let (status_head, json) = answer.split_once("\r\n\r\n").unwrap();
    assert!(status_head.starts_with("HTTP/1.1 200"), "{answer}");
    serde_json::from_str(json).unwrap()
}

/// The signed headers with names in the casing `names` gives.
fn auth_lines(remote: &Remote, names: [&str; 4]) -> String {
    remote
        .auth()
        .into_iter()
        .zip(names)
        .map(|((_, value), name)| format!("{name}: {value}\r\n"))
        .collect()
}

#[tokio::test]
async fn a_java_style_v1_request_is_accepted() {
    let remote = Remote::start(&[]);
    let head = format!(
        "POST /nimserver/user/create.action HTTP/1.1\r\n{}\
         content-type: application/x-www-form-urlencoded;charset=UTF-8\r\n\
         Requestid: 00112233445566778899aabbccddeeff\r\n\
         User-Agent: yunxin-server-sdk-java/1.2.0\r\n\
         Accept-Encoding: gzip\r\n",
        auth_lines(&remote, ["appkey", "NONCE", "curtime", "checksum"])
    );
    let json = raw(&remote, &head, "accid=javauser&name=J").await;
    assert_eq!(json["code"], 200, "{json}");
    assert_eq!(json["info"]["accid"], "javauser");
    let log = remote.requests().await;
    assert_eq!(log[0]["trace_id"], "00112233445566778899aabbccddeeff");
}

#[tokio::test]
async fn go_style_v2_requests_are_accepted() {
    let remote = Remote::start(&[]);
    let head = format!(
        "POST /nimserver/im/v2/accounts HTTP/1.1\r\n{}\
         Content-Type: application/json;charset=UTF-8\r\n\
         x-custom-traceid: ffeeddccbbaa99887766554433221100\r\n\
         User-Agent: yunxin-server-sdk-golang/v1.0.0\r\n\
         Accept-Encoding: gzip\r\n",
        auth_lines(&remote, ["Appkey", "Nonce", "Curtime", "Checksum"])
    );
    let json = raw(&remote, &head, r#"{"account_id":"gouser"}"#).await;
    assert_eq!(json["code"], 200, "{json}");
    assert_eq!(json["msg"], "success");
    assert_eq!(json["data"]["account_id"], "gouser");

    // No body and no Content-Type, as Go sends refreshToken.
    let head = format!(
        "PATCH /nimserver/im/v2/accounts/gouser/actions/refresh_token HTTP/1.1\r\n{}\
         X-Custom-Traceid: 0000000000000000000000000000000a\r\n",
        auth_lines(&remote, ["AppKey", "Nonce", "CurTime", "CheckSum"])
    );
    let json = raw(&remote, &head, "").await;
    assert_eq!(json["data"]["account_id"], "gouser", "{json}");

    let log = remote.requests().await;
    assert_eq!(log[0]["trace_id"], "ffeeddccbbaa99887766554433221100");
    assert_eq!(log[1]["trace_id"], "0000000000000000000000000000000a");
}
