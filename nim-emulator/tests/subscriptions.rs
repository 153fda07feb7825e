//! Online-status subscriptions: v1 `event/subscribe/*` and v2 `/im/v2/subscription` on one
//! store, expiry on the state clock, the 60 s repeat rule, the cap, and reset.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Answer, Harness, T0};
use serde_json::{Value, json};

const MS0: u64 = T0 * 1000;

/// `me`, `a`, `b` and `c` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["me", "a", "b", "c"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

/// v1 `event/subscribe/<action>.action` for subscriber `me` with `eventType=1` and `extra`.
async fn v1(h: &Harness, action: &str, extra: &[(&str, &str)]) -> Answer {
    let mut params = vec![("accid", "me"), ("eventType", "1")];
    params.extend_from_slice(extra);
    h.call(&format!("event/subscribe/{action}.action"), &params)
        .await
}

/// v1 add of `publishers` (a JSON array text) for `ttl` seconds.
async fn v1_add(h: &Harness, publishers: &str, ttl: &str) -> Answer {
    v1(h, "add", &[("publisherAccids", publishers), ("ttl", ttl)]).await
}

/// v1 query of `publishers`: the `subscribes` list.
async fn v1_query(h: &Harness, publishers: &str) -> Value {
    let answer = v1(h, "query", &[("publisherAccids", publishers)]).await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
    answer.json()["subscribes"].clone()
}

/// v2 subscribe of `me` to `ids` for `duration` seconds.
async fn v2_sub(h: &Harness, ids: Value, duration: u64) -> Answer {
    let path = format!("im/v2/subscription/me?duration={duration}");
    h.v2("POST", &path, Some(json!({ "account_ids": ids })))
        .await
}

/// v2 query of `me`'s subscriptions to `ids`: data.
async fn v2_query(h: &Harness, ids: Value) -> Value {
    h.v2(
        "PATCH",
        "im/v2/subscription/me",
        Some(json!({ "account_ids": ids })),
    )
    .await
    .data()
}

/// The publishers `me` is subscribed to, by the inspection API.
fn publishers(h: &Harness) -> Vec<String> {
    h.emu
        .subscriptions("ME")
        .into_iter()
        .map(|r| r.publisher)
        .collect()
}

#[tokio::test]
async fn v1_subscriptions_are_v2_subscriptions_and_the_reverse() {
    let h = harness().await;
    let added = v1_add(&h, r#"["a","B","Ghost"]"#, "3600").await;
    assert_eq!(added.json(), json!({"code": 200, "failedAccid": ["Ghost"]}));
    let data = v2_query(&h, json!(["a", "b", "c", "ghost"])).await;
    assert_eq!(
        data,
        json!({
            "failed_list": [{"account_id": "ghost", "error_code": 102404, "error_msg": "account not found"}],
            "subscribes": [
                {"account_id": "a", "event_type": 1, "subscribe_time": MS0, "expire_time": MS0 + 3_600_000},
                {"account_id": "b", "event_type": 1, "subscribe_time": MS0, "expire_time": MS0 + 3_600_000},
            ],
        })
    );

    let sub = v2_sub(&h, json!(["c", "nobody"]), 600).await.data();
    assert_eq!(sub["failed_list"][0]["account_id"], "nobody");
    assert_eq!(sub["failed_list"][0]["error_code"], 102404);
    assert_eq!(
        v1_query(&h, r#"["c","a","ghost"]"#).await,
        json!([
            {"accid": "c", "eventType": 1, "expireTime": MS0 + 600_000, "subscribeTime": MS0},
            {"accid": "a", "eventType": 1, "expireTime": MS0 + 3_600_000, "subscribeTime": MS0},
        ])
    );
    assert_eq!(publishers(&h), ["a", "b", "c"]);
    let c = &h.emu.subscriptions("me")[2];
    assert_eq!((c.subscribe_time, c.expire_time), (MS0, MS0 + 600_000));

    let admin = h
        .emu
        .handle("GET", "/_emulator/state/subscriptions?accid=Me", &[], b"");
    assert_eq!(admin.status, 200);
    let admin: Value = serde_json::from_str(&admin.body).unwrap();
    assert_eq!(admin["accid"], "me");
    assert_eq!(admin["subscriptions"].as_array().unwrap().len(), 3);
    assert_eq!(admin["subscriptions"][2]["publisher"], "c");
    assert_eq!(admin["subscriptions"][2]["expire_time"], MS0 + 600_000);
    let unknown = h.emu.handle(
        "GET",
        "/_emulator/state/subscriptions?accid=ghost",
        &[],
        b"",
    );
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn subscriptions_expire_on_the_state_clock() {
    let h = harness().await;
    assert_eq!(v1_add(&h, r#"["a"]"#, "60").await.code(), 200);
    v2_sub(&h, json!(["b"]), 120).await.data();
    h.emu.advance_clock(59);
    assert_eq!(publishers(&h), ["a", "b"]);
    assert_eq!(
        v1_query(&h, r#"["a","b"]"#).await.as_array().unwrap().len(),
        2
    );

    h.emu.advance_clock(1);
    assert_eq!(publishers(&h), ["b"]);
    assert_eq!(v1_query(&h, r#"["a"]"#).await, json!([]));
    let data = v2_query(&h, json!(["a", "b"])).await;
    assert_eq!(data["subscribes"].as_array().unwrap().len(), 1);
    assert_eq!(data["subscribes"][0]["account_id"], "b");

    h.emu.advance_clock(60);
    assert!(publishers(&h).is_empty());
    assert_eq!(
        v2_query(&h, json!(["a", "b"])).await,
        json!({"failed_list": [], "subscribes": []})
    );
}

#[tokio::test]
async fn a_repeat_within_60_s_keeps_the_old_entry_and_a_later_one_renews_it() {
    let h = harness().await;
    v2_sub(&h, json!(["a"]), 600).await.data();
    h.emu.advance_clock(59);
    assert_eq!(v1_add(&h, r#"["a"]"#, "3600").await.code(), 200);
    assert_eq!(
        v1_query(&h, r#"["a"]"#).await,
        json!([{"accid": "a", "eventType": 1, "expireTime": MS0 + 600_000, "subscribeTime": MS0}])
    );
    h.emu.advance_clock(1);
    v2_sub(&h, json!(["a"]), 3600).await.data();
    let renewed = &h.emu.subscriptions("me")[0];
    assert_eq!(renewed.subscribe_time, MS0 + 60_000);
    assert_eq!(renewed.expire_time, MS0 + 60_000 + 3_600_000);
    // A renewal may also shorten the period.
    h.emu.advance_clock(60);
    assert_eq!(v1_add(&h, r#"["a"]"#, "60").await.code(), 200);
    assert_eq!(
        h.emu.subscriptions("me")[0].expire_time,
        MS0 + 120_000 + 60_000
    );
}

#[tokio::test]
async fn delete_batchdel_and_unsubscribe_all() {
    let h = harness().await;
    let all = json!(["a", "b", "c"]);
    v2_sub(&h, all.clone(), 600).await.data();
    let deleted = v1(&h, "delete", &[("publisherAccids", r#"["A","ghost"]"#)]).await;
    assert_eq!(
        deleted.json(),
        json!({"code": 200, "failedAccid": ["ghost"]})
    );
    assert_eq!(publishers(&h), ["b", "c"]);

    let body = json!({"account_ids": ["b", "ghost2"]});
    let data = h
        .v2("DELETE", "im/v2/subscription/me", Some(body))
        .await
        .data();
    assert_eq!(data["failed_list"][0]["account_id"], "ghost2");
    assert_eq!(data["failed_list"][0]["error_code"], 102404);
    assert_eq!(publishers(&h), ["c"]);

    // No body: every subscription.
    let data = h.v2("DELETE", "im/v2/subscription/me", None).await.data();
    assert_eq!(data, json!({"failed_list": []}));
    assert!(publishers(&h).is_empty());

    // An empty list: every subscription too.
    v2_sub(&h, all.clone(), 600).await.data();
    let body = json!({"account_ids": []});
    h.v2("DELETE", "im/v2/subscription/me", Some(body))
        .await
        .data();
    assert!(publishers(&h).is_empty());

    v2_sub(&h, all, 600).await.data();
    let batch = v1(&h, "batchdel", &[]).await;
    assert_eq!(batch.json(), json!({"code": 200}));
    assert!(publishers(&h).is_empty());
}

#[tokio::test]
async fn bad_requests_are_refused() {
    let h = harness().await;
    let many: Vec<String> = (0..101).map(|i| format!("p{i}")).collect();
    let many_text = serde_json::to_string(&many).unwrap();

    // v1
    let wrong_type = h
        .call(
            "event/subscribe/add.action",
            &[
                ("accid", "me"),
                ("eventType", "2"),
                ("publisherAccids", r#"["a"]"#),
                ("ttl", "60"),
            ],
        )
        .await;
    wrong_type.assert_error(414, "eventType");
    v1_add(&h, &many_text, "60")
        .await
        .assert_error(414, "at most 100");
    v1_add(&h, "[]", "60")
        .await
        .assert_error(414, "publisherAccids");
    // Each publisher is checked like an accid, as v2 checks its ids.
    v1_add(&h, r#"["a","bad id"]"#, "60")
        .await
        .assert_error(414, "publisherAccids[1]");
    // One unknown account named twice, in two cases, is reported once.
    let twice = v1_add(&h, r#"["ghost","GHOST","a"]"#, "60").await;
    assert_eq!(twice.json(), json!({"code": 200, "failedAccid": ["ghost"]}));
    // Reading an account without subscriptions creates nothing.
    assert!(h.emu.subscriptions("b").is_empty());
    for ttl in ["59", "2592001", "x"] {
        v1_add(&h, r#"["a"]"#, ttl).await.assert_error(414, "ttl");
    }
    v1(&h, "add", &[("publisherAccids", r#"["a"]"#)])
        .await
        .assert_error(414, "ttl is missing");
    v1(&h, "query", &[("publisherAccids", &many_text)])
        .await
        .assert_error(414, "at most 100");
    let stranger = h
        .call(
            "event/subscribe/batchdel.action",
            &[("accid", "ghost"), ("eventType", "1")],
        )
        .await;
    stranger.assert_error(414, "not register");
    assert_eq!(v1_add(&h, r#"["a"]"#, "2592000").await.code(), 200);

    // v2
    let body = Some(json!({"account_ids": ["b"]}));
    h.v2("POST", "im/v2/subscription/me", body.clone())
        .await
        .assert_v2_error(414, "duration is required");
    for d in ["59", "2592001", "x", "0"] {
        h.v2(
            "POST",
            &format!("im/v2/subscription/me?duration={d}"),
            body.clone(),
        )
        .await
        .assert_v2_error(414, "duration");
    }
    v2_sub(&h, json!(many), 60)
        .await
        .assert_v2_error(414, "at most 100");
    v2_sub(&h, json!([]), 60)
        .await
        .assert_v2_error(414, "account_ids is required");
    h.v2("PATCH", "im/v2/subscription/me", Some(json!({})))
        .await
        .assert_v2_error(414, "account_ids is required");
    h.v2(
        "PATCH",
        "im/v2/subscription/me",
        Some(json!({"account_ids": ["a b"]})),
    )
    .await
    .assert_v2_error(414, "account_ids[0]");
    v2_sub(&h, json!(["a"]), 60).await.data();
    for method in ["POST", "DELETE", "PATCH"] {
        h.v2(
            method,
            "im/v2/subscription/ghost?duration=60",
            Some(json!({"account_ids": ["a"]})),
        )
        .await
        .assert_v2_error(102404, "ghost");
    }
    // What the Java SDK sends: duration in the query and leaked into the body, with
    // subscriberAccountId; with duration unset, the query holds the text "null".
    let java = json!({"account_ids": ["b"], "duration": 120, "subscriberAccountId": "me"});
    h.v2("POST", "im/v2/subscription/me?duration=null", Some(java))
        .await
        .data();
    assert_eq!(h.emu.subscriptions("me")[1].expire_time, MS0 + 120_000);
    assert_eq!(publishers(&h), ["a", "b"]);
}

#[tokio::test]
async fn the_cap_refuses_the_whole_call() {
    let h = harness().await;
    h.emu.set_subscription_limit(2);
    v2_sub(&h, json!(["a"]), 600).await.data();
    v2_sub(&h, json!(["b", "c"]), 600)
        .await
        .assert_v2_error(419, "at most 2");
    v1_add(&h, r#"["b","c"]"#, "600")
        .await
        .assert_error(419, "at most 2");
    assert_eq!(publishers(&h), ["a"], "nothing changed");
    // Unknown accounts and renewals do not count.
    v2_sub(&h, json!(["b", "ghost", "a", "b"]), 600)
        .await
        .data();
    assert_eq!(publishers(&h), ["a", "b"]);
    h.emu.advance_clock(60);
    assert_eq!(v1_add(&h, r#"["a","b"]"#, "600").await.code(), 200);
    v2_sub(&h, json!(["c"]), 600)
        .await
        .assert_v2_error(419, "at most 2");
    // Room again once one is gone.
    assert_eq!(
        v1(&h, "delete", &[("publisherAccids", r#"["a"]"#)])
            .await
            .code(),
        200
    );
    v2_sub(&h, json!(["c"]), 600).await.data();
    assert_eq!(publishers(&h), ["b", "c"]);
}

#[tokio::test]
async fn reset_clears_subscriptions_and_the_limit() {
    let h = harness().await;
    h.emu.set_subscription_limit(1);
    v2_sub(&h, json!(["a"]), 600).await.data();
    assert_eq!(publishers(&h), ["a"]);
    h.emu.reset();
    assert!(h.emu.subscriptions("me").is_empty());
    for a in ["me", "a", "b", "c"] {
        h.emu.insert_account(a, Some("t"));
    }
    assert!(h.emu.subscriptions("me").is_empty());
    v2_sub(&h, json!(["a", "b", "c"]), 600).await.data();
    assert_eq!(publishers(&h), ["a", "b", "c"]);
}
