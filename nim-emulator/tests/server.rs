//! The HTTP server's own limits, over raw sockets: a stalled body, the connection cap, the
//! header count and bodies too large to read.
#![allow(clippy::unwrap_used)]

mod common;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::{KEY, SECRET, T0, signed_headers};
use nim_emulator::{Emulator, ManualClock};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const CREATE: &str = "/nimserver/user/create.action";

/// An emulator on a manual clock at [`T0`], configured by `configure`.
async fn emulator(
    configure: impl FnOnce(nim_emulator::EmulatorBuilder) -> nim_emulator::EmulatorBuilder,
) -> Emulator {
    configure(Emulator::builder(KEY, SECRET).clock(ManualClock::new(T0)))
        .start()
        .await
        .unwrap()
}

/// A signed create request's head (request line and headers, up to the blank line) that
/// declares `content_length` body bytes; `extra` header lines are added before the end.
fn head(nonce: &str, content_length: usize, extra: &[String]) -> String {
    let mut text = format!("POST {CREATE} HTTP/1.1\r\nHost: emulator\r\n");
    for (name, value) in signed_headers(KEY, SECRET, nonce, T0) {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str(&format!("Content-Length: {content_length}\r\n"));
    for line in extra {
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text
}

/// A complete signed create request for `accid`.
fn create_request(nonce: &str, accid: &str, extra: &[String]) -> Vec<u8> {
    let body = format!("accid={accid}");
    let mut request = head(nonce, body.len(), extra).into_bytes();
    request.extend_from_slice(body.as_bytes());
    request
}

/// One HTTP answer read off a raw socket.
#[derive(Debug)]
struct RawAnswer {
    status: u16,
    body: String,
}

impl RawAnswer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {self:?}"))
    }
}

/// Reads one answer (its head, then `Content-Length` bytes of body), failing the test if it
/// has not arrived after `limit`. Leaves the connection open.
async fn read_answer(stream: &mut TcpStream, limit: Duration) -> RawAnswer {
    tokio::time::timeout(limit, async {
        let mut buf = Vec::new();
        let head_end = loop {
            if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
            let mut chunk = [0u8; 4096];
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "connection closed before an answer: {buf:?}");
            buf.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8(buf[..head_end].to_vec()).unwrap();
        let status = head[9..12].parse().unwrap();
        let length: usize = head
            .lines()
            .find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().unwrap())
            })
            .unwrap_or(0);
        while buf.len() < head_end + length {
            let mut chunk = [0u8; 4096];
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "connection closed mid-answer");
            buf.extend_from_slice(&chunk[..n]);
        }
        let body = String::from_utf8(buf[head_end..head_end + length].to_vec()).unwrap();
        RawAnswer { status, body }
    })
    .await
    .unwrap_or_else(|_| panic!("no answer within {limit:?}"))
}

/// Asserts the server closes the connection (nothing more to read) within `limit`.
async fn assert_closed(stream: &mut TcpStream, limit: Duration) {
    let mut rest = Vec::new();
    // A reset instead of a clean close is a close too.
    let read = tokio::time::timeout(limit, stream.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "connection still open after {limit:?}");
    assert!(
        rest.is_empty(),
        "unexpected bytes after the answer: {rest:?}"
    );
}

async fn connect(addr: SocketAddr) -> TcpStream {
    TcpStream::connect(addr).await.unwrap()
}

#[tokio::test]
async fn a_stalled_body_is_answered_414_naming_the_body_then_closed() {
    let emu = emulator(|b| b.body_timeout(Duration::from_millis(200))).await;
    let mut stream = connect(emu.local_addr()).await;
    let started = Instant::now();
    // 100 bytes declared, 10 sent, and then nothing.
    stream
        .write_all(head("stalled", 100, &[]).as_bytes())
        .await
        .unwrap();
    stream.write_all(b"accid=abc&").await.unwrap();

    let answer = read_answer(&mut stream, Duration::from_secs(5)).await;
    assert!(started.elapsed() >= Duration::from_millis(200));
    assert_eq!(answer.status, 200, "{answer:?}");
    let json = answer.json();
    assert_eq!(json["code"], 414, "{json}");
    let desc = json["desc"].as_str().unwrap();
    assert!(desc.contains("body"), "{desc}");
    // The rest of that body can never be told apart from a next request: the server hangs up.
    assert_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(emu.account("abc").is_none());
    assert_eq!(emu.request_count(CREATE), 1);
}

#[tokio::test]
async fn a_body_that_arrives_in_time_is_answered_normally() {
    let emu = emulator(|b| b.body_timeout(Duration::from_secs(10))).await;
    let mut stream = connect(emu.local_addr()).await;
    let request = create_request("slow-but-fine", "slowpoke", &[]);
    let (start, end) = request.split_at(request.len() - 4);
    stream.write_all(start).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    stream.write_all(end).await.unwrap();
    let answer = read_answer(&mut stream, Duration::from_secs(5)).await;
    assert_eq!(answer.json()["code"], 200, "{answer:?}");
    assert!(emu.account("slowpoke").is_some());
}

#[tokio::test]
async fn connections_beyond_the_limit_wait_until_one_closes() {
    let emu = emulator(|b| b.max_connections(1)).await;
    let addr = emu.local_addr();

    // The first connection gets an answer and stays open (keep-alive), holding the one slot.
    let mut first = connect(addr).await;
    first
        .write_all(&create_request("n1", "first", &[]))
        .await
        .unwrap();
    let answer = read_answer(&mut first, Duration::from_secs(5)).await;
    assert_eq!(answer.json()["code"], 200, "{answer:?}");

    // The second is accepted by the OS but not served while the first is open.
    let mut second = connect(addr).await;
    second
        .write_all(&create_request("n2", "second", &[]))
        .await
        .unwrap();
    let mut byte = [0u8; 1];
    let early = tokio::time::timeout(Duration::from_millis(300), second.read(&mut byte)).await;
    assert!(early.is_err(), "answered beyond the limit: {early:?}");
    assert!(emu.account("second").is_none());

    drop(first);
    let answer = read_answer(&mut second, Duration::from_secs(5)).await;
    assert_eq!(answer.json()["code"], 200, "{answer:?}");
    assert!(emu.account("second").is_some());
}

#[tokio::test]
async fn more_than_100_headers_get_hyper_s_plain_http_431_not_json() {
    let emu = emulator(|b| b).await;
    // Host, five signed headers and Content-Length make 7; 93 more make exactly 100.
    let filler = |n: usize| -> Vec<String> { (0..n).map(|i| format!("X-Filler-{i}: x")).collect() };

    let mut stream = connect(emu.local_addr()).await;
    stream
        .write_all(&create_request("h100", "hundred", &filler(93)))
        .await
        .unwrap();
    let answer = read_answer(&mut stream, Duration::from_secs(5)).await;
    assert_eq!(answer.json()["code"], 200, "{answer:?}");

    let mut stream = connect(emu.local_addr()).await;
    stream
        .write_all(&create_request("h101", "toomany", &filler(94)))
        .await
        .unwrap();
    let answer = read_answer(&mut stream, Duration::from_secs(5)).await;
    // hyper refuses the head before the emulator sees the request: an HTTP 431 status (not
    // the API's JSON code 431, "duplicate request") with no JSON body.
    assert_eq!(answer.status, 431, "{answer:?}");
    assert!(
        serde_json::from_str::<Value>(&answer.body).is_err(),
        "{answer:?}"
    );
    assert_closed(&mut stream, Duration::from_secs(5)).await;
    assert!(emu.account("toomany").is_none());
    assert_eq!(emu.total_requests(), 1);
}

#[tokio::test]
async fn a_body_declared_far_too_large_is_answered_without_waiting_for_it() {
    // A long body timeout: the answer must not come from the timeout.
    let emu = emulator(|b| b.body_timeout(Duration::from_secs(60))).await;
    let mut stream = connect(emu.local_addr()).await;
    stream
        .write_all(head("huge", 100 * 1024 * 1024, &[]).as_bytes())
        .await
        .unwrap();
    stream.write_all(b"accid=huge&ex=").await.unwrap();
    let answer = read_answer(&mut stream, Duration::from_secs(5)).await;
    let json = answer.json();
    assert_eq!(json["code"], 414, "{json}");
    assert!(json["desc"].as_str().unwrap().contains("body"), "{json}");
    assert!(emu.account("huge").is_none());
}

#[tokio::test]
async fn an_oversized_body_is_read_to_its_end_and_the_connection_stays_usable() {
    let emu = emulator(|b| b).await;
    let mut stream = connect(emu.local_addr()).await;
    // 1 MiB: over the 256 KiB the emulator reads, under the bound it drains.
    let body = format!("accid=big&ex={}", "x".repeat(1024 * 1024));
    let mut request = head("big", body.len(), &[]).into_bytes();
    request.extend_from_slice(body.as_bytes());
    stream.write_all(&request).await.unwrap();
    let answer = read_answer(&mut stream, Duration::from_secs(5)).await;
    let json = answer.json();
    assert_eq!(json["code"], 414, "{json}");
    assert!(json["desc"].as_str().unwrap().contains("body"), "{json}");

    // Keep-alive survived: the same connection answers the next request.
    stream
        .write_all(&create_request("after-big", "small", &[]))
        .await
        .unwrap();
    let next = read_answer(&mut stream, Duration::from_secs(5)).await;
    assert_eq!(next.json()["code"], 200, "{next:?}");
    assert!(emu.account("big").is_none());
    assert!(emu.account("small").is_some());
}
