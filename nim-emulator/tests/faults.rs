//! Fault injection over real HTTP: what a client sees, whether the action ran, and the
//! counters.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{Harness, form, http_client};
use nim_emulator::Fault;

const CREATE: &str = "user/create.action";
const BLOCK: &str = "user/block.action";

/// Sends a signed create for `accid` with `client`, returning the raw outcome.
async fn raw_create(
    h: &Harness,
    client: &reqwest::Client,
    accid: &str,
) -> Result<(u16, String), reqwest::Error> {
    let mut request = client.post(h.url(CREATE)).body(form(&[("accid", accid)]));
    for (name, value) in h.headers() {
        request = request.header(name, value);
    }
    let response = request.send().await?;
    let status = response.status().as_u16();
    Ok((status, response.text().await?))
}

#[tokio::test]
async fn delay_holds_the_answer_past_a_client_timeout() {
    let h = Harness::start().await;
    // The delay is far longer than the client's patience, so the client's timeout is what
    // ends the call even on a slow machine; the test does not wait for the delay to pass.
    h.emu.inject(Fault::Delay(Duration::from_secs(5)), 1);
    let impatient = http_client(Duration::from_millis(500));
    let started = Instant::now();
    let err = raw_create(&h, &impatient, "slow").await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // The request reached the API: the outcome was unknown to the client, not absent. The
    // client giving up says nothing about when the server got to the request (a loaded
    // machine may take longer), so wait for it with a deadline.
    let deadline = Instant::now() + Duration::from_secs(5);
    while h.emu.account("slow").is_none() {
        assert!(Instant::now() < deadline, "the delayed create never ran");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    // The fault was used up: the next request is answered normally. A patient client, so a
    // slow machine cannot turn this into a timeout.
    assert_eq!(h.emu.pending_faults(), 0);
    let patient = http_client(Duration::from_secs(10));
    let (status, body) = raw_create(&h, &patient, "fast").await.unwrap();
    assert_eq!(h.emu.faults_injected(), 1);
    assert_eq!(
        (status, body.contains("\"code\":200")),
        (200, true),
        "{body}"
    );
}

#[tokio::test]
async fn delay_then_answer_normally() {
    let h = Harness::start().await;
    h.emu.inject(Fault::Delay(Duration::from_millis(400)), 1);
    let started = Instant::now();
    let answer = h.call(CREATE, &[("accid", "patient")]).await;
    assert!(started.elapsed() >= Duration::from_millis(400));
    assert_eq!(answer.code(), 200);
}

#[tokio::test]
async fn bad_gateway_is_an_html_502_and_the_action_does_not_run() {
    let h = Harness::start().await;
    h.emu.inject(Fault::BadGateway, 1);
    let answer = h.call(CREATE, &[("accid", "zhangsan")]).await;
    assert_eq!(answer.status, 502);
    assert!(
        answer.content_type.starts_with("text/html"),
        "{}",
        answer.content_type
    );
    assert!(answer.body.contains("<html>") && answer.body.contains("502 Bad Gateway"));
    assert!(h.emu.account("zhangsan").is_none());
}

#[tokio::test]
async fn service_unavailable_is_an_http_503() {
    let h = Harness::start().await;
    h.emu.inject(Fault::ServiceUnavailable, 1);
    let answer = h.call(CREATE, &[("accid", "zhangsan")]).await;
    assert_eq!(answer.status, 503);
    assert!(answer.body.contains("503"));
    assert!(h.emu.account("zhangsan").is_none());
}

#[tokio::test]
async fn busy_is_code_503_in_json() {
    let h = Harness::start().await;
    h.emu.inject(Fault::Busy, 1);
    let answer = h.call(CREATE, &[("accid", "zhangsan")]).await;
    answer.assert_error(503, "busy");
    assert!(h.emu.account("zhangsan").is_none());
}

#[tokio::test]
async fn drop_connection_closes_without_an_answer() {
    let h = Harness::start().await;
    h.emu.inject(Fault::DropConnection, 1);
    let client = http_client(Duration::from_secs(5));
    let started = Instant::now();
    let mut request = client
        .post(h.url(CREATE))
        .body(form(&[("accid", "dropped")]));
    for (name, value) in h.headers() {
        request = request.header(name, value);
    }
    // `send` fails: not even a status line arrived.
    let err = request.send().await.unwrap_err();
    // Not a timeout and not a refused connection: the open connection closed, at once.
    assert!(!err.is_timeout() && !err.is_connect(), "{err:?}");
    assert!(err.is_request(), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
    println!("client saw: {err:?}");
    // The action ran before the connection was dropped.
    assert!(h.emu.account("dropped").is_some());

    // The server is fine afterwards.
    let (status, _) = raw_create(&h, &client, "after").await.unwrap();
    assert_eq!(status, 200);
}

#[tokio::test]
async fn truncated_json_is_a_200_with_half_a_body() {
    let h = Harness::start().await;
    h.emu.inject(Fault::TruncatedJson, 1);
    let answer = h.call(CREATE, &[("accid", "zhangsan")]).await;
    assert_eq!(answer.status, 200);
    assert!(answer.body.starts_with("{\"code\":200"), "{}", answer.body);
    assert!(serde_json::from_str::<serde_json::Value>(&answer.body).is_err());
    assert!(h.emu.account("zhangsan").is_some());
}

#[tokio::test]
async fn faults_apply_in_order_to_the_next_n_requests_and_are_counted() {
    let h = Harness::start().await;
    h.create("zhangsan").await;
    h.emu.inject(Fault::Busy, 2);
    h.emu.inject(Fault::BadGateway, 1);
    assert_eq!(h.emu.pending_faults(), 3);

    let block = || h.call(BLOCK, &[("accid", "zhangsan")]);
    assert_eq!(block().await.code(), 503);
    assert_eq!(h.emu.pending_faults(), 2);
    assert_eq!(block().await.code(), 503);
    assert_eq!(block().await.status, 502);
    assert_eq!(block().await.code(), 200);

    assert_eq!(h.emu.pending_faults(), 0);
    assert_eq!(h.emu.faults_injected(), 3);
    // Faulted requests are counted per path like the others.
    assert_eq!(h.emu.request_count(BLOCK), 4);
    assert_eq!(h.emu.request_count(CREATE), 1);
    assert_eq!(h.emu.total_requests(), 5);

    h.emu.inject(Fault::TruncatedJson, 5);
    h.emu.clear_faults();
    assert_eq!(h.emu.pending_faults(), 0);
    assert_eq!(block().await.code(), 200);
    assert_eq!(h.emu.faults_injected(), 3);
}

#[tokio::test]
async fn shutdown_does_not_wait_for_a_long_delay() {
    let h = Harness::start().await;
    h.emu.inject(Fault::Delay(Duration::from_secs(60)), 1);
    let client = http_client(Duration::from_secs(30));
    let url = h.url(CREATE);
    let headers = h.headers();
    let pending = tokio::spawn(async move {
        let mut request = client.post(url).body("accid=late");
        for (name, value) in headers {
            request = request.header(name, value);
        }
        request.send().await
    });
    // Let the request arrive before shutting down.
    let deadline = Instant::now() + Duration::from_secs(5);
    while h.emu.faults_injected() == 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let started = Instant::now();
    let Harness { emu, .. } = h;
    emu.shutdown().await;
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(pending.await.unwrap().is_err());
}

#[tokio::test]
async fn shutdown_and_drop_stop_the_server() {
    let h = Harness::start().await;
    let url = h.url(CREATE);
    let client = h.http.clone();
    let Harness { emu, .. } = h;
    emu.shutdown().await;
    let err = client.post(&url).body("").send().await.unwrap_err();
    assert!(err.is_connect(), "{err:?}");

    let h = Harness::start().await;
    let url = h.url(CREATE);
    drop(h);
    // Drop only signals the server; it stops moments later.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let fresh = http_client(Duration::from_secs(1));
        match fresh.post(&url).body("").send().await {
            Err(err) if err.is_connect() => break,
            _ if Instant::now() > deadline => panic!("server still answering after drop"),
            _ => tokio::time::sleep(Duration::from_millis(20)).await,
        }
    }
}
