//! Callbacks: copies of what the emulator stores, POSTed signed to a tiny receiver that
//! runs in the test and verifies each one with nim-core's `CallbackVerifier`, as an app would.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use common::{Harness, KEY, SECRET, T0};
use nim_core::callback::{CallbackError, CallbackVerifier};
use nim_core::{Credentials, FixedClock};
use nim_emulator::{CallbacksError, Delivery, Emulator, Tamper};
use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(10);

/// One request the receiver got, and what verifying it gave.
#[derive(Clone, Debug)]
struct Seen {
    headers: HeaderMap,
    body: Vec<u8>,
    verdict: Result<(), CallbackError>,
}

impl Seen {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// A receiver on a free loopback port: verifies every POST (the harness clock reads `T0`)
/// and answers 200 `ok`, or the error's status and text.
struct Receiver {
    url: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

async fn receive(
    State(seen): State<Arc<Mutex<Vec<Seen>>>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    let verifier = CallbackVerifier::new(Credentials::new(KEY, SECRET)).with_clock(FixedClock(T0));
    let verdict = verifier.verify(&headers, &body);
    let answer = match &verdict {
        Ok(()) => (StatusCode::OK, "ok".to_owned()),
        Err(err) => (StatusCode::from_u16(err.status()).unwrap(), err.to_string()),
    };
    seen.lock().unwrap().push(Seen {
        headers,
        body: body.to_vec(),
        verdict,
    });
    answer
}

impl Receiver {
    async fn start() -> Receiver {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let app = Router::new()
            .fallback(receive)
            .with_state(Arc::clone(&seen));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/nim/copy", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver { url, seen }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// A harness whose callbacks go to a fresh receiver, with alice and bob.
async fn setup() -> (Harness, Receiver) {
    let h = Harness::start().await;
    let r = Receiver::start().await;
    h.emu.set_callback_url(Some(&r.url)).unwrap();
    h.emu.insert_account("alice", Some("t"));
    h.emu.insert_account("bob", Some("t"));
    (h, r)
}

/// A v1 text `text` from alice to `to` (`ope` 0 an account, 1 a team) with `extra`
/// parameters, asserted sent; answers the answer's JSON.
async fn alice_sends(
    h: &Harness,
    ope: &str,
    to: &str,
    text: &str,
    extra: &[(&str, &str)],
) -> Value {
    let body = json!({ "msg": text }).to_string();
    let mut params = vec![
        ("from", "alice"),
        ("ope", ope),
        ("to", to),
        ("type", "0"),
        ("body", body.as_str()),
    ];
    params.extend_from_slice(extra);
    let sent = h.call("msg/sendMsg.action", &params).await;
    assert_eq!(sent.code(), 200, "{}", sent.body);
    sent.json()
}

/// A v1 1:1 text `text` from alice to bob.
async fn alice_to_bob(h: &Harness, text: &str) {
    alice_sends(h, "0", "bob", text, &[]).await;
}

/// Waits for `n` deliveries and answers the last.
async fn nth(emu: &Emulator, n: usize) -> Delivery {
    let all = emu.wait_for_deliveries(n, WAIT).await.unwrap();
    all[n - 1].clone()
}

fn assert_signed_and_accepted(d: &Delivery, seen: &Seen) {
    assert_eq!(seen.verdict, Ok(()), "{d:?}");
    assert_eq!(d.status, Some(200), "{d:?}");
    assert_eq!(d.answer.as_deref(), Some("ok"));
    assert_eq!(d.error, None);
    assert_eq!(seen.body, d.body.as_bytes());
    let h = &seen.headers;
    assert_eq!(h["content-type"], "application/json");
    assert_eq!(h["appkey"], KEY);
    assert_eq!(h["curtime"], d.headers.cur_time.as_str());
    // The clock's second in milliseconds, moved on a millisecond per earlier delivery.
    let cur_time: u64 = d.headers.cur_time.parse().unwrap();
    assert!(
        (T0 * 1000..T0 * 1000 + 1000).contains(&cur_time),
        "{cur_time}"
    );
    assert_eq!(h["md5"], d.headers.md5.as_str());
    assert_eq!(h["checksum"], d.headers.check_sum.as_str());
}

#[tokio::test]
async fn a_v1_send_delivers_a_verifiable_conversation_copy() {
    let (h, r) = setup().await;
    alice_sends(&h, "0", "bob", "hello", &[("ext", "x1")]).await;
    let d = nth(&h.emu, 1).await;
    let seen = r.seen();
    assert_eq!(seen.len(), 1);
    assert_signed_and_accepted(&d, &seen[0]);
    assert_eq!(d.seq, 1);
    assert_eq!(d.url, r.url);
    assert_eq!(d.event_type.as_deref(), Some("1"));
    let m = &h.emu.messages()[0];
    let copy = seen[0].json();
    assert_eq!(copy["eventType"], "1");
    assert_eq!(copy["convType"], "PERSON");
    assert_eq!(copy["to"], "bob");
    assert_eq!(copy["fromAccount"], "alice");
    assert_eq!(copy["fromClientType"], "REST");
    assert_eq!(copy["msgType"], "TEXT");
    assert_eq!(copy["body"], "hello");
    assert_eq!(copy["ext"], "x1");
    assert_eq!(copy["msgidServer"], m.server_id.to_string());
    assert_eq!(copy["msgidClient"], m.client_id);
    assert_eq!(copy["msgTimestamp"], m.create_time.to_string());
}

#[tokio::test]
async fn a_v2_send_and_a_batch_deliver_copies_with_attachments() {
    let (h, r) = setup().await;
    h.emu.insert_account("carol", Some("t"));
    let image = json!({"name": "a.png", "md5": "m", "url": "http://x/a.png", "ext": "png", "w": 2, "h": 3, "size": 10});
    let sent = h
        .v2(
            "POST",
            "im/v2/conversations/alice%7C1%7Cbob/messages",
            Some(json!({"message": {"message_type": 1, "attachment": image}})),
        )
        .await;
    sent.data();
    let batch = h
        .v2(
            "POST",
            "im/v2/conversations/messages",
            Some(json!({"sender_id": "alice", "receiver_ids": ["bob", "carol"], "message": {"message_type": 0, "text": "hi all"}})),
        )
        .await;
    batch.data();
    let all = h.emu.wait_for_deliveries(3, WAIT).await.unwrap();
    let seen = r.seen();
    for (d, s) in all.iter().zip(&seen) {
        assert_signed_and_accepted(d, s);
    }
    let copy = seen[0].json();
    assert_eq!(copy["msgType"], "PICTURE");
    let attach: Value = serde_json::from_str(copy["attach"].as_str().unwrap()).unwrap();
    assert_eq!(attach, image);
    assert_eq!(seen[1].json()["to"], "bob");
    assert_eq!(seen[2].json()["to"], "carol");
    assert_eq!(seen[2].json()["body"], "hi all");
}

#[tokio::test]
async fn team_messages_and_recalls_deliver_team_copies() {
    let (h, r) = setup().await;
    let created = h
        .call(
            "team/create.action",
            &[
                ("tname", "Hiking"),
                ("owner", "alice"),
                ("members", r#"["bob"]"#),
                ("msg", "join"),
                ("joinmode", "0"),
            ],
        )
        .await;
    assert_eq!(created.code(), 200, "{}", created.body);
    let tid = created.json()["tid"].as_str().unwrap().to_owned();
    let sent = alice_sends(&h, "1", &tid, "team hi", &[]).await;
    let msgid = sent["data"]["msgid"].to_string();
    let d = nth(&h.emu, 1).await;
    let copy = d.json();
    assert_eq!(copy["convType"], "TEAM");
    assert_eq!(copy["to"], tid);
    assert_eq!(copy["body"], "team hi");

    let recalled = h
        .call(
            "msg/recall.action",
            &[
                ("deleteMsgid", &msgid),
                ("timetag", "1"),
                ("type", "8"),
                ("from", "alice"),
                ("to", &tid),
                ("msg", "sorry"),
            ],
        )
        .await;
    assert_eq!(recalled.code(), 200, "{}", recalled.body);
    let d = nth(&h.emu, 2).await;
    assert_eq!(d.event_type.as_deref(), Some("8"));
    let copy = d.json();
    assert_eq!(copy["msgId"], msgid);
    assert_eq!(copy["to"], tid);
    assert_eq!(copy["from"], "alice");
    assert_eq!(copy["selfMsg"], "sorry");
    assert_eq!(copy["deleteTime"], (T0 * 1000).to_string());
    assert_signed_and_accepted(&d, &r.seen()[1]);
}

#[tokio::test]
async fn p2p_recalls_and_modifications_deliver_7_and_89() {
    let (h, _r) = setup().await;
    let m = h
        .v2(
            "POST",
            "im/v2/conversations/alice%7C1%7Cbob/messages",
            Some(json!({"message": {"message_type": 0, "text": "v1"}})),
        )
        .await
        .data();
    let id = m["message_server_id"].as_u64().unwrap();
    h.clock.advance(2);
    h.v2(
        "POST",
        "im/v2/messages/actions/modifyMsg",
        Some(json!({"operator": "alice", "type": 1, "message": {"message_server_id": id, "receiver_id": "bob", "time": m["create_time"], "sender_id": "alice", "message_type": 0, "text": "v2"}})),
    )
    .await
    .data();
    h.v2(
        "DELETE",
        &format!("im/v2/conversations/alice%7C1%7Cbob/messages/{id}?type=2&description=oops"),
        None,
    )
    .await
    .data();
    let all = h.emu.wait_for_deliveries(3, WAIT).await.unwrap();
    let kinds: Vec<_> = all.iter().map(|d| d.event_type.clone().unwrap()).collect();
    assert_eq!(kinds, ["1", "89", "7"]);
    let modified = all[1].json();
    assert_eq!(modified["text"], "v2");
    assert_eq!(modified["msgId"], id);
    assert_eq!(modified["modifyAccountId"], "alice");
    let recall = all[2].json();
    assert_eq!(recall["msgId"], id.to_string());
    assert_eq!(recall["to"], "bob");
    assert_eq!(recall["selfMsg"], "oops");
}

#[tokio::test]
async fn custom_notifications_deliver_custom_copies() {
    let (h, _r) = setup().await;
    let sent = h
        .call(
            "msg/sendAttachMsg.action",
            &[
                ("from", "alice"),
                ("msgtype", "0"),
                ("to", "bob"),
                ("attach", r#"{"k":1}"#),
            ],
        )
        .await;
    assert_eq!(sent.code(), 200, "{}", sent.body);
    let copy = nth(&h.emu, 1).await.json();
    assert_eq!(copy["convType"], "CUSTOM_PERSON");
    assert_eq!(copy["msgType"], "CUSTOM_P2P_MSG");
    assert_eq!(copy["attach"], r#"{"k":1}"#);
}

#[tokio::test]
async fn login_and_logout_routes_deliver_2_and_3_and_keep_sessions_consistent() {
    let (h, r) = setup().await;
    let login = h
        .emu
        .handle(
            "POST",
            "/_emulator/callbacks/login",
            &[],
            br#"{"accid":"alice","client_type":"IOS","device_id":"phone","client_ip":"203.0.113.5","custom_tag":"t"}"#,
        );
    assert_eq!(login.status, 200, "{}", login.body);
    let alice = h.emu.account("alice").unwrap();
    assert_eq!(alice.sessions.len(), 1);
    assert_eq!(alice.sessions[0].client_type, 2);
    let d = nth(&h.emu, 1).await;
    let copy = d.json();
    assert_eq!(copy["eventType"], "2");
    assert_eq!(copy["accid"], "alice");
    assert_eq!(copy["clientType"], "IOS");
    assert_eq!(copy["deviceId"], "phone");
    assert_eq!(copy["clientIp"], "203.0.113.5");
    assert_eq!(copy["customTag"], "t");
    assert_eq!(copy["code"], "200");

    let logout = h.emu.handle(
        "POST",
        "/_emulator/callbacks/logout",
        &[],
        br#"{"accid":"alice","reason":2}"#,
    );
    assert_eq!(logout.status, 200, "{}", logout.body);
    assert!(h.emu.account("alice").unwrap().sessions.is_empty());
    let d = nth(&h.emu, 2).await;
    let copy = d.json();
    assert_eq!(copy["eventType"], "3");
    assert_eq!(copy["logOutReason"], 2);
    assert_eq!(copy["clientType"], "IOS");
    assert_signed_and_accepted(&d, &r.seen()[1]);

    // Nobody is online any more; an unknown account is 404.
    let again = h.emu.handle(
        "POST",
        "/_emulator/callbacks/logout",
        &[],
        br#"{"accid":"alice"}"#,
    );
    assert_eq!(again.status, 400, "{}", again.body);
    let unknown = h.emu.handle(
        "POST",
        "/_emulator/callbacks/login",
        &[],
        br#"{"accid":"nobody"}"#,
    );
    assert_eq!(unknown.status, 404);
    // Both are login events for history/queryUserEvents too.
    let events = h
        .call(
            "history/queryUserEvents.action",
            &[
                ("accid", "alice"),
                ("begintime", "0"),
                ("endtime", "9999999999999"),
                ("limit", "10"),
            ],
        )
        .await;
    assert_eq!(events.code(), 200, "{}", events.body);
    assert_eq!(
        events.json()["events"].as_array().unwrap().len(),
        2,
        "{}",
        events.body
    );
}

#[tokio::test]
async fn the_apps_status_and_answer_are_recorded() {
    // A receiver that refuses everything with 500 and a long body.
    let app = Router::new()
        .fallback(|| async { (StatusCode::INTERNAL_SERVER_ERROR, "x".repeat(10_000)) });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let emu = Emulator::builder(KEY, SECRET)
        .callback_url(&url)
        .start()
        .await
        .unwrap();
    let check = emu.check_callback_url().await.unwrap();
    assert_eq!(check.status, Some(500));
    assert_eq!(check.answer.as_deref().map(str::len), Some(4096));
    assert_eq!(check.body, "{}");
    assert_eq!(check.event_type, None);
    assert_eq!(emu.deliveries(), vec![check]);
}

#[tokio::test]
async fn an_unreachable_url_records_an_error_and_blocks_nothing() {
    // A port that was free a moment ago: connections are refused.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let (h, _r) = setup().await;
    h.emu
        .set_callback_url(Some(&format!("http://127.0.0.1:{port}/cb")))
        .unwrap();
    for text in ["a", "b"] {
        alice_to_bob(&h, text).await;
    }
    let all = h.emu.wait_for_deliveries(2, WAIT).await.unwrap();
    for d in &all {
        assert_eq!(d.status, None);
        assert!(
            d.error.as_deref().unwrap().contains("cannot connect"),
            "{d:?}"
        );
    }
    assert_eq!(all[1].seq, all[0].seq + 1);
}

#[tokio::test]
async fn redeliveries_carry_exactly_the_tampering_asked_for() {
    let (h, r) = setup().await;
    h.emu.check_callback_url().await.unwrap();
    alice_to_bob(&h, "hi").await;
    let original = nth(&h.emu, 2).await;

    let replay = h.emu.redeliver(original.seq, Tamper::None).await.unwrap();
    assert_eq!(
        (replay.replay_of, replay.tamper),
        (Some(original.seq), Some(Tamper::None))
    );
    assert_eq!(replay.headers, original.headers);
    assert_eq!(replay.body, original.body);
    assert_eq!(replay.status, Some(200));

    let body = h.emu.redeliver(original.seq, Tamper::Body).await.unwrap();
    assert_eq!(body.headers, original.headers);
    assert_ne!(body.body, original.body);
    assert_eq!(body.body.len(), original.body.len());
    serde_json::from_str::<Value>(&body.body).unwrap();
    assert_eq!(body.status, Some(401));

    let cases = [
        (Tamper::Md5, 401),
        (Tamper::CheckSum, 401),
        (Tamper::Stale, 403),
        (Tamper::Future, 403),
    ];
    for (tamper, status) in cases {
        let d = h.emu.redeliver(original.seq, tamper).await.unwrap();
        assert_eq!(d.status, Some(status), "{tamper}: {d:?}");
        assert_eq!(d.body, original.body);
    }
    let seen = r.seen();
    assert_eq!(seen.len(), 8);
    assert!(
        matches!(seen[3].verdict, Err(CallbackError::Md5Mismatch)),
        "{:?}",
        seen[3].verdict
    );
    assert!(
        matches!(seen[4].verdict, Err(CallbackError::Md5Mismatch)),
        "{:?}",
        seen[4].verdict
    );
    assert!(
        matches!(seen[5].verdict, Err(CallbackError::CheckSumMismatch)),
        "{:?}",
        seen[5].verdict
    );
    assert!(
        matches!(seen[6].verdict, Err(CallbackError::Stale { .. })),
        "{:?}",
        seen[6].verdict
    );
    // The verifier at this commit reports a future CurTime as Stale; either refusal will do.
    assert!(
        matches!(
            seen[7].verdict,
            Err(CallbackError::FromFuture { .. } | CallbackError::Stale { .. })
        ),
        "{:?}",
        seen[7].verdict
    );
    assert_eq!(seen[6].headers["curtime"], ((T0 - 3600) * 1000).to_string());
    assert_eq!(seen[7].headers["curtime"], ((T0 + 3600) * 1000).to_string());
    // The md5 tamper's CheckSum is right for its wrong MD5: only hashing the body tells.
    let md5 = seen[4].headers["md5"].to_str().unwrap();
    let cur = seen[4].headers["curtime"].to_str().unwrap();
    assert_eq!(
        seen[4].headers["checksum"],
        nim_core::callback::callback_checksum(SECRET, md5, cur).as_str()
    );
    assert!(matches!(
        h.emu.redeliver(999, Tamper::None).await,
        Err(CallbacksError::UnknownDelivery(999))
    ));
}

#[tokio::test]
async fn the_admin_routes_configure_list_check_redeliver_and_clear() {
    let h = Harness::start().await;
    let r = Receiver::start().await;
    let admin = |method: &str, path: &str, body: Value| {
        let http = h.http.clone();
        let url = format!("{}{path}", h.emu.base_url().trim_end_matches("/nimserver"));
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        async move {
            let response = http
                .request(method, url)
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            (
                status,
                serde_json::from_str::<Value>(&response.text().await.unwrap()).unwrap(),
            )
        }
    };
    let (status, answer) = admin(
        "PUT",
        "/_emulator/callbacks",
        json!({"url": "https://app.test/cb"}),
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        answer["error"].as_str().unwrap().contains("https"),
        "{answer}"
    );
    let (status, answer) = admin("PUT", "/_emulator/callbacks", json!({"url": r.url})).await;
    assert_eq!((status, &answer["url"]), (200, &json!(r.url)));

    let (status, check) = admin("POST", "/_emulator/callbacks/check", json!({})).await;
    assert_eq!(status, 200, "{check}");
    assert_eq!(check["seq"], 1);
    assert_eq!(check["status"], 200);
    assert_eq!(check["body"], "{}");
    assert_eq!(check["headers"]["MD5"], "99914b932bd37a50b983c5e7c90ae93b");
    assert_eq!(check["headers"]["AppKey"], KEY);

    let (status, again) = admin(
        "POST",
        "/_emulator/callbacks/redeliver",
        json!({"seq": 1, "tamper": "checksum"}),
    )
    .await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(
        (&again["status"], &again["replay_of"], &again["tamper"]),
        (&json!(401), &json!(1), &json!("checksum"))
    );
    let (status, _) = admin(
        "POST",
        "/_emulator/callbacks/redeliver",
        json!({"seq": 1, "tamper": "nope"}),
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = admin("POST", "/_emulator/callbacks/redeliver", json!({"seq": 77})).await;
    assert_eq!(status, 404);

    let (_, list) = admin("GET", "/_emulator/callbacks", json!({})).await;
    assert_eq!(list["url"], json!(r.url));
    let seqs: Vec<u64> = list["deliveries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["seq"].as_u64().unwrap())
        .collect();
    assert_eq!(seqs, [1, 2]);

    // A reset empties the log but keeps the URL.
    admin("POST", "/_emulator/reset", json!({})).await;
    let (_, list) = admin("GET", "/_emulator/callbacks", json!({})).await;
    assert_eq!(list["url"], json!(r.url));
    assert_eq!(list["deliveries"], json!([]));
    admin("POST", "/_emulator/callbacks/check", json!({})).await;
    let (_, list) = admin("DELETE", "/_emulator/callbacks", json!({})).await;
    assert_eq!(list["deliveries"], json!([]));
    assert!(h.emu.deliveries().is_empty());

    let (_, answer) = admin("PUT", "/_emulator/callbacks", json!({"url": null})).await;
    assert_eq!(answer["url"], Value::Null);
    let (status, _) = admin("POST", "/_emulator/callbacks/check", json!({})).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn without_a_url_nothing_is_queued_and_bad_urls_are_refused() {
    let h = Harness::start().await;
    h.emu.insert_account("alice", Some("t"));
    h.emu.insert_account("bob", Some("t"));
    alice_to_bob(&h, "hi").await;
    // Copies are queued while the send is handled, so by now one would be in the queue or
    // the log; the login route says whether it queued.
    let login = h.emu.handle(
        "POST",
        "/_emulator/callbacks/login",
        &[],
        br#"{"accid":"alice"}"#,
    );
    assert_eq!(login.status, 200);
    let answer: serde_json::Value = serde_json::from_slice(login.body.as_ref()).unwrap();
    assert_eq!(answer["queued"], false, "{answer}");
    assert!(h.emu.deliveries().is_empty());
    assert!(matches!(
        h.emu
            .wait_for_deliveries(1, Duration::from_millis(200))
            .await,
        Err(CallbacksError::TimedOut { wanted: 1, .. })
    ));
    for bad in ["https://app.test/cb", "app.test/cb", "ftp://app.test/"] {
        assert!(
            matches!(
                h.emu.set_callback_url(Some(bad)),
                Err(CallbacksError::InvalidUrl(_))
            ),
            "{bad}"
        );
    }
    assert_eq!(h.emu.callback_url(), None);
    let err = Emulator::builder(KEY, SECRET)
        .callback_url("https://app.test/cb")
        .start()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("https"), "{err}");
}
