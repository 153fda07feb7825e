//! The binary's admin API, driven over HTTP only, as a Go or Python test would: the request
//! log, stubs, every fault kind, the state clock, reset, state views, and the account store
//! v1 and v2 share.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::process::Remote;
use serde_json::{Value, json};

const CREATE: &str = "/nimserver/user/create.action";

/// `GET /_emulator/state/accounts/{accid}`.
async fn account(remote: &Remote, accid: &str) -> (u16, Value) {
    remote
        .admin("GET", &format!("/_emulator/state/accounts/{accid}"), None)
        .await
}

#[tokio::test]
async fn the_request_log_records_method_path_trace_id_code_and_fault() {
    let remote = Remote::start(&[]);
    let mut headers = remote.auth();
    headers.push(("Content-Type".into(), common::FORM.into()));
    headers.push((
        "RequestId".into(),
        "0123456789abcdef0123456789abcdef".into(),
    ));
    let url = format!("{}/user/create.action", remote.base);
    let answer = remote
        .send("POST", &url, &headers, common::form(&[("accid", "a")]))
        .await;
    assert_eq!(answer.code(), 200);
    remote.v2("GET", "im/v2/accounts/nobody?x=%2C", None).await;
    let unsigned = remote.send("GET", &url, &[], String::new()).await;
    assert_eq!(unsigned.code(), 414);

    let log = remote.requests().await;
    assert_eq!(log.len(), 3, "admin requests are not logged: {log:?}");
    assert_eq!(log[0]["method"], "POST");
    assert_eq!(log[0]["path"], CREATE);
    assert_eq!(log[0]["trace_id"], "0123456789abcdef0123456789abcdef");
    assert_eq!(log[0]["code"], 200);
    assert_eq!(log[0]["fault"], Value::Null);
    assert_eq!(log[1]["path"], "/nimserver/im/v2/accounts/nobody");
    assert_eq!(log[1]["query"], "x=%2C");
    assert_eq!(log[1]["code"], 102404);
    assert_eq!(log[1]["trace_id"], Value::Null);
    assert_eq!(log[2]["code"], 414);

    let (status, _) = remote.admin("DELETE", "/_emulator/requests", None).await;
    assert_eq!(status, 200);
    assert!(remote.requests().await.is_empty());
}

#[tokio::test]
async fn the_request_log_keeps_the_last_n() {
    let remote = Remote::start(&["--request-log", "2"]);
    for accid in ["a", "b", "c"] {
        remote.v1("user/create.action", &[("accid", accid)]).await;
    }
    let log = remote.requests().await;
    assert_eq!(log.len(), 2);
}

#[tokio::test]
async fn stubs_answer_for_their_times_and_still_need_a_signature() {
    let remote = Remote::start(&[]);
    let stub = json!({
        "method": "POST", "path": "/nimserver/demo/thing.action",
        "response": {"code": 200, "thing": [1, 2]}, "times": 2,
    });
    let (status, _) = remote.admin("POST", "/_emulator/stubs", Some(stub)).await;
    assert_eq!(status, 200);

    let url = format!("{}/demo/thing.action", remote.base);
    let unsigned = remote.send("POST", &url, &[], String::new()).await;
    assert_eq!(unsigned.code(), 414, "a stub does not skip authentication");
    for _ in 0..2 {
        let answer = remote.v1("demo/thing.action", &[]).await;
        assert_eq!(answer.json(), json!({"code": 200, "thing": [1, 2]}));
    }
    remote
        .v1("demo/thing.action", &[])
        .await
        .assert_error(404, "no such action");
    let log = remote.requests().await;
    let stubbed: Vec<bool> = log.iter().map(|e| e["stubbed"] == true).collect();
    assert_eq!(stubbed, [false, true, true, false]);

    // A stub without `times` overrides a built-in action until the stubs are cleared.
    let stub =
        json!({"method": "post", "path": CREATE, "response": {"code": 416, "desc": "slow down"}});
    remote.admin("POST", "/_emulator/stubs", Some(stub)).await;
    for _ in 0..2 {
        let answer = remote.v1("user/create.action", &[("accid", "s")]).await;
        answer.assert_error(416, "slow down");
    }
    assert_eq!(
        account(&remote, "s").await.0,
        404,
        "the handler did not run"
    );
    remote.admin("DELETE", "/_emulator/stubs", None).await;
    assert_eq!(
        remote
            .v1("user/create.action", &[("accid", "s")])
            .await
            .code(),
        200
    );
}

#[tokio::test]
async fn every_fault_kind() {
    let remote = Remote::start(&[]);
    let fault = |kind: &str, extra: Value| {
        let mut body = json!({"path": CREATE, "kind": kind});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        remote.admin("POST", "/_emulator/faults", Some(body))
    };

    // status_502 / status_503: an HTML page, nothing done.
    for (kind, status, accid) in [("status_502", 502, "g1"), ("status_503", 503, "g2")] {
        let (code, _) = fault(kind, json!({})).await;
        assert_eq!(code, 200);
        let answer = remote.v1("user/create.action", &[("accid", accid)]).await;
        assert_eq!(answer.status, status);
        assert!(answer.content_type.starts_with("text/html"));
        assert_eq!(account(&remote, accid).await.0, 404);
    }

    // api_code: {"code": N}, nothing done; a method filter leaves other methods alone.
    fault("api_code", json!({"code": 416, "method": "GET"})).await;
    let answer = remote.v1("user/create.action", &[("accid", "a1")]).await;
    assert_eq!(answer.code(), 200, "POST is not the faulted method");
    fault("api_code", json!({"code": 416, "times": 2})).await;
    for accid in ["a2", "a3"] {
        remote
            .v1("user/create.action", &[("accid", accid)])
            .await
            .assert_error(416, "");
        assert_eq!(account(&remote, accid).await.0, 404);
    }

    // reset: the action is done, the connection closed unanswered.
    fault("reset", json!({})).await;
    let mut headers = remote.auth();
    headers.push(("Content-Type".into(), common::FORM.into()));
    let result = remote
        .http
        .post(format!("{}/user/create.action", remote.base))
        .headers(
            headers
                .iter()
                .map(|(k, v)| (k.parse().unwrap(), v.parse().unwrap()))
                .collect(),
        )
        .body("accid=r1")
        .send()
        .await;
    assert!(result.is_err(), "{result:?}");
    assert_eq!(account(&remote, "r1").await.0, 200);

    // delay: done, answered late.
    fault("delay", json!({"delay_ms": 300})).await;
    let started = Instant::now();
    let answer = remote.v1("user/create.action", &[("accid", "d1")]).await;
    assert_eq!(answer.code(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    // truncated: done, half the JSON.
    fault("truncated", json!({})).await;
    let answer = remote.v1("user/create.action", &[("accid", "t1")]).await;
    assert_eq!(answer.status, 200);
    assert!(serde_json::from_str::<Value>(&answer.body).is_err());
    assert_eq!(account(&remote, "t1").await.0, 200);

    let kinds: Vec<Value> = remote
        .requests()
        .await
        .iter()
        .map(|e| e["fault"].clone())
        .collect();
    let expected = [
        "status_502",
        "status_503",
        "",
        "api_code",
        "api_code",
        "reset",
        "delay",
        "truncated",
    ];
    let expected: Vec<Value> = expected
        .iter()
        .map(|k| if k.is_empty() { Value::Null } else { json!(k) })
        .collect();
    assert_eq!(kinds, expected);
    let codes: Vec<Value> = remote
        .requests()
        .await
        .iter()
        .map(|e| e["code"].clone())
        .collect();
    assert_eq!(codes[0], Value::Null);
    assert_eq!(codes[3], 416);
    assert_eq!(codes[5], Value::Null);
    assert_eq!(codes[7], Value::Null);

    let (_, counts) = remote.admin("GET", "/_emulator/faults", None).await;
    assert_eq!(
        counts,
        json!({"pending": 1, "applied": 7}),
        "the GET-only fault waits"
    );

    // Bad fault requests are 400 with a reason.
    let (status, body) = fault("explode", json!({})).await;
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap().contains("status_502"),
        "{body}"
    );
    let (status, body) = fault("api_code", json!({})).await;
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap().contains("code is required"),
        "{body}"
    );
}

#[tokio::test]
async fn the_state_clock_moves_and_signatures_keep_working() {
    let remote = Remote::start(&[]);
    let (_, before) = remote.admin("GET", "/_emulator/clock", None).await;
    let (status, after) = remote
        .admin(
            "POST",
            "/_emulator/clock",
            Some(json!({"advance_secs": 86_400})),
        )
        .await;
    assert_eq!(status, 200);
    let moved = after["now"].as_u64().unwrap() - before["now"].as_u64().unwrap();
    assert!((86_400..86_460).contains(&moved), "{moved}");
    assert!(after["now"].as_u64().unwrap() - after["curtime_now"].as_u64().unwrap() >= 86_400);

    // Signed with the real time, still accepted.
    assert_eq!(
        remote
            .v1("user/create.action", &[("accid", "late")])
            .await
            .code(),
        200
    );
    let (_, state) = account(&remote, "late").await;
    assert!(state["created_at"].as_u64().unwrap() >= after["now"].as_u64().unwrap());

    // A session without a login time logs in at the state clock's time (ms).
    let body = json!({"sessions": [{"client_type": 16, "device_id": "web"}]});
    let (status, state) = remote
        .admin(
            "PUT",
            "/_emulator/state/accounts/late/online_status",
            Some(body),
        )
        .await;
    assert_eq!(status, 200, "{state}");
    let login = state["sessions"][0]["login_time"].as_u64().unwrap();
    assert!(login >= after["now"].as_u64().unwrap() * 1000);

    let (status, _) = remote
        .admin(
            "POST",
            "/_emulator/clock",
            Some(json!({"advance_secs": -1})),
        )
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn reset_empties_state_stubs_faults_and_the_log() {
    let remote = Remote::start(&[]);
    remote.v1("user/create.action", &[("accid", "gone")]).await;
    let stub = json!({"method": "POST", "path": "/nimserver/x.action", "response": {"code": 200}});
    remote.admin("POST", "/_emulator/stubs", Some(stub)).await;
    remote
        .admin(
            "POST",
            "/_emulator/faults",
            Some(json!({"path": CREATE, "kind": "status_502"})),
        )
        .await;
    let (status, _) = remote.admin("POST", "/_emulator/reset", None).await;
    assert_eq!(status, 200);

    assert_eq!(account(&remote, "gone").await.0, 404);
    assert!(remote.requests().await.is_empty());
    let (_, faults) = remote.admin("GET", "/_emulator/faults", None).await;
    assert_eq!(faults["pending"], 0);
    remote
        .v1("x.action", &[])
        .await
        .assert_error(404, "no such action");
    // The account can be made again, and the fault is gone.
    assert_eq!(
        remote
            .v1("user/create.action", &[("accid", "gone")])
            .await
            .code(),
        200
    );
}

#[tokio::test]
async fn admin_errors_are_json() {
    let remote = Remote::start(&[]);
    let (status, body) = remote.admin("GET", "/_emulator/nothing", None).await;
    assert_eq!(status, 404);
    assert!(body["error"].is_string());
    let url = format!("{}/_emulator/stubs", remote.root);
    let answer = remote.send("POST", &url, &[], "{".into()).await;
    assert_eq!(answer.status, 400);
    assert!(answer.json()["error"].as_str().unwrap().contains("JSON"));
    let (status, _) = remote
        .admin(
            "PUT",
            "/_emulator/state/accounts/ghost/online_status",
            Some(json!({"sessions": []})),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = remote.admin("GET", "/_emulator/state/accounts", None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn v1_and_v2_share_one_account_store() {
    let remote = Remote::start(&[]);
    // v1 create, v2 read.
    let token = remote
        .v1("user/create.action", &[("accid", "Shared"), ("name", "S")])
        .await;
    let token = token.json()["info"]["token"].clone();
    let data = remote.v2("GET", "im/v2/accounts/shared", None).await.data();
    assert_eq!(data["token"], token);
    assert_eq!(data["configuration"]["enabled"], true);
    assert_eq!(
        remote.v2("GET", "im/v2/users/shared", None).await.data()["name"],
        "S"
    );

    // v2 ban, v1 sees it.
    let body = json!({"enabled": false});
    remote
        .v2("PATCH", "im/v2/accounts/shared/actions/disable", Some(body))
        .await
        .data();
    let uinfos = remote
        .v1("user/getUinfos.action", &[("accids", "[\"shared\"]")])
        .await;
    assert_eq!(uinfos.json()["uinfos"][0]["valid"], false);
    assert_eq!(account(&remote, "shared").await.1["blocked"], true);

    // v1 unban, v2 sees it.
    remote
        .v1("user/unblock.action", &[("accid", "shared")])
        .await;
    let data = remote.v2("GET", "im/v2/accounts/shared", None).await.data();
    assert_eq!(data["configuration"]["enabled"], true);

    // v1 profile update, v2 getUser; v2 create, v1 refreshToken and duplicate create.
    remote
        .v1(
            "user/updateUinfo.action",
            &[("accid", "shared"), ("sign", "hi")],
        )
        .await;
    assert_eq!(
        remote.v2("GET", "im/v2/users/shared", None).await.data()["sign"],
        "hi"
    );
    let body = json!({"account_id": "v2made"});
    remote.v2("POST", "im/v2/accounts", Some(body)).await.data();
    assert_eq!(
        remote
            .v1("user/refreshToken.action", &[("accid", "v2made")])
            .await
            .code(),
        200
    );
    remote
        .v1("user/create.action", &[("accid", "v2made")])
        .await
        .assert_error(414, "already register");
    let body = json!({"account_id": "shared"});
    remote
        .v2("POST", "im/v2/accounts", Some(body))
        .await
        .assert_v2_error(102405, "exists");
}
