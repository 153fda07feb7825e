//! The room queue over HTTP: the v1 `chatroom/queue*.action` actions and the v2
//! `chatroom_queue` family on one queue; their refusals (403, 404, 414, 417, 419, 13002) and
//! the transient elements that go when their owner's client leaves.

use crate::{create, enter, harness, ok, toggle};
use common::Harness;
use serde_json::{Value, json};

use crate::common;

/// `chatroom/queue<action>.action` with `roomid` and `params`.
async fn v1(h: &Harness, action: &str, id: &str, params: &[(&str, &str)]) -> common::Answer {
    let mut all = vec![("roomid", id)];
    all.extend_from_slice(params);
    h.call(&format!("chatroom/queue{action}.action"), &all)
        .await
}

/// The queue as `queueList` answers it: `[{"k":"v"},..]`.
async fn list(h: &Harness, id: &str) -> Value {
    ok(v1(h, "List", id, &[]).await)["desc"]["list"].clone()
}

/// An answered element without its times, after checking they are Unix ms with the update
/// at or after the creation.
fn without_times(mut element: Value) -> Value {
    let object = element.as_object_mut().unwrap();
    let created = object.remove("create_time").unwrap().as_u64().unwrap();
    let updated = object.remove("update_time").unwrap().as_u64().unwrap();
    assert!(
        created > 1_600_000_000_000 && updated >= created,
        "{created} {updated}"
    );
    element
}

/// A v2 call on room `id`'s queue (`suffix` after `/im/v2/room_queues/{id}`).
async fn v2(h: &Harness, method: &str, id: &str, suffix: &str, body: Value) -> common::Answer {
    h.v2(
        method,
        &format!("im/v2/room_queues/{id}{suffix}"),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn offer_list_multi_get_poll_and_drop() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    for (key, value) in [("a", "1"), ("b", "2"), ("c", "3")] {
        let answer = ok(v1(&h, "Offer", &id, &[("key", key), ("value", value)]).await);
        assert_eq!(answer["desc"], json!({"highPriority": false}));
    }
    // Updating keeps the place.
    ok(v1(
        &h,
        "Offer",
        &id,
        &[("key", "a"), ("value", "9"), ("highPriority", "1")],
    )
    .await);
    assert_eq!(
        list(&h, &id).await,
        json!([{"a": "9"}, {"b": "2"}, {"c": "3"}])
    );

    let got = ok(v1(&h, "MultiGet", &id, &[("keys", r#"["c","x","a"]"#)]).await);
    assert_eq!(got["desc"]["list"], json!([{"c": "3"}, {"a": "9"}]));
    let long = json!(["a", "k".repeat(129)]).to_string();
    v1(&h, "MultiGet", &id, &[("keys", long.as_str())])
        .await
        .assert_error(414, "keys[1]");

    let polled = ok(v1(&h, "Poll", &id, &[("key", "b")]).await);
    assert_eq!(polled["desc"]["key"], "b");
    assert_eq!(polled["desc"]["value"], "2");
    let head = ok(v1(&h, "Poll", &id, &[]).await);
    assert_eq!(head["desc"]["key"], "a");
    v1(&h, "Poll", &id, &[("key", "b")])
        .await
        .assert_error(404, "b");

    ok(v1(&h, "Drop", &id, &[]).await);
    assert_eq!(list(&h, &id).await, json!([]));
    v1(&h, "Poll", &id, &[]).await.assert_error(404, "empty");
    v1(&h, "List", "42", &[]).await.assert_error(404, "42");
}

#[tokio::test]
async fn init_sets_the_limit_and_a_full_queue_refuses_new_keys() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    ok(v1(&h, "Init", &id, &[("sizeLimit", "1")]).await);
    ok(v1(&h, "Offer", &id, &[("key", "a"), ("value", "1")]).await);
    v1(&h, "Offer", &id, &[("key", "b"), ("value", "1")])
        .await
        .assert_error(419, "full");
    ok(v1(&h, "Offer", &id, &[("key", "a"), ("value", "2")]).await);
    v1(&h, "Init", &id, &[("sizeLimit", "1001")])
        .await
        .assert_error(414, "sizeLimit");
    let v2_query = v2(&h, "POST", &id, "/actions/query", json!({}))
        .await
        .data();
    assert_eq!(v2_query["queue_size_limit"], 1);
    // Absent (the Go SDK drops 0): the Java SDK's default.
    ok(v1(&h, "Init", &id, &[]).await);
    let v2_query = v2(&h, "POST", &id, "/actions/query", json!({}))
        .await
        .data();
    assert_eq!(v2_query["queue_size_limit"], 50);
}

#[tokio::test]
async fn offers_check_the_operator_the_owner_and_the_limits() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    let long_key = "k".repeat(129);
    let long_value = "v".repeat(4097);
    for (params, code, needle) in [
        (vec![("value", "1")], 414, "key"),
        (vec![("key", long_key.as_str()), ("value", "1")], 414, "key"),
        (
            vec![("key", "a"), ("value", long_value.as_str())],
            414,
            "value",
        ),
        (
            vec![("key", "a"), ("value", "1"), ("operator", "nobody")],
            404,
            "nobody",
        ),
        (
            vec![("key", "a"), ("value", "1"), ("operator", "guest")],
            403,
            "guest",
        ),
        (
            vec![("key", "a"), ("value", "1"), ("transient", "true")],
            403,
            "transient",
        ),
        (
            vec![("key", "a"), ("value", "1"), ("highPriority", "2")],
            414,
            "highPriority",
        ),
    ] {
        v1(&h, "Offer", &id, &params)
            .await
            .assert_error(code, needle);
    }
    assert_eq!(list(&h, &id).await, json!([]));
    // Online, guest may offer, and own a transient element.
    enter(&h, &id, "guest", &[]).await;
    let params = [
        ("key", "a"),
        ("value", "1"),
        ("operator", "Guest"),
        ("transient", "true"),
    ];
    ok(v1(&h, "Offer", &id, &params).await);
    let element = &v2(&h, "POST", &id, "/actions/query", json!({}))
        .await
        .data()["element_list"][0];
    assert_eq!(element["element_account_id"], "guest");
    assert_eq!(element["element_transient"], true);
}

#[tokio::test]
async fn a_transient_element_goes_when_its_owners_client_leaves() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    enter(&h, &id, "guest", &[]).await;
    let params = [
        ("key", "seat"),
        ("value", "1"),
        ("operator", "guest"),
        ("transient", "true"),
    ];
    ok(v1(&h, "Offer", &id, &params).await);
    ok(v1(
        &h,
        "Offer",
        &id,
        &[("key", "kept"), ("value", "1"), ("operator", "guest")],
    )
    .await);
    let body = json!({"roomid": id.parse::<u64>().unwrap(), "accid": "guest"});
    let (status, _) = crate::admin(&h, "_emulator/state/chatroom_leave", body).await;
    assert_eq!(status, 200);
    assert_eq!(list(&h, &id).await, json!([{"kept": "1"}]));
}

#[tokio::test]
async fn batch_offer_stores_what_it_can_and_lists_the_rest() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    ok(v1(&h, "Init", &id, &[("sizeLimit", "3")]).await);
    enter(&h, &id, "guest", &[]).await;
    let elements = json!([
        {"key": "a", "value": "1"},
        {"key": "b", "value": "2", "accid": "guest", "transient": true},
        {"key": "c", "value": "3", "accid": "nobody"},
        {"key": "d", "value": "4", "accid": "other", "transient": true},
        {"key": "e", "value": "5"},
        {"key": "f", "value": "6"},
    ])
    .to_string();
    let params = [
        ("elements", elements.as_str()),
        ("needNotify", "false"),
        ("notifyExt", "x"),
    ];
    let answer = ok(v1(&h, "BatchOffer", &id, &params).await);
    // c: no such owner; d: a transient owner not in the room; f: the queue is full.
    assert_eq!(answer["desc"]["failedKeys"], json!(["c", "d", "f"]));
    assert_eq!(
        list(&h, &id).await,
        json!([{"a": "1"}, {"b": "2"}, {"e": "5"}])
    );
    let owners = v2(&h, "POST", &id, "/actions/query", json!({}))
        .await
        .data();
    assert_eq!(owners["element_list"][0]["element_account_id"], "owner");
    assert_eq!(owners["element_list"][1]["element_account_id"], "guest");

    for (elements, needle) in [
        ("[]", "elements"),
        ("{}", "elements"),
        (r#"[{"value":"1"}]"#, "elements[0].key"),
    ] {
        v1(&h, "BatchOffer", &id, &[("elements", elements)])
            .await
            .assert_error(414, needle);
    }
    let many = json!(
        (0..101)
            .map(|i| json!({"key": i.to_string(), "value": "v"}))
            .collect::<Vec<_>>()
    )
    .to_string();
    v1(&h, "BatchOffer", &id, &[("elements", many.as_str())])
        .await
        .assert_error(414, "100");
}

#[tokio::test]
async fn batch_update_changes_existing_keys_only_and_needs_the_creator_or_a_manager() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    ok(v1(&h, "Offer", &id, &[("key", "a"), ("value", "1")]).await);
    let params = [("operator", "owner"), ("elements", r#"{"a":"2","z":"3"}"#)];
    let answer = ok(v1(&h, "BatchUpdateElements", &id, &params).await);
    assert_eq!(answer["desc"]["noExistElementKey"], json!(["z"]));
    assert_eq!(list(&h, &id).await, json!([{"a": "2"}]));

    enter(&h, &id, "guest", &[]).await;
    let params = [("operator", "guest"), ("elements", r#"{"a":"4"}"#)];
    v1(&h, "BatchUpdateElements", &id, &params)
        .await
        .assert_error(403, "guest");
    // A manager may, online or not.
    let manager = [
        ("roomid", id.as_str()),
        ("operator", "owner"),
        ("target", "other"),
        ("opt", "1"),
        ("optvalue", "true"),
    ];
    ok(h.call("chatroom/setMemberRole.action", &manager).await);
    let params = [("operator", "other"), ("elements", r#"{"a":"5"}"#)];
    ok(v1(&h, "BatchUpdateElements", &id, &params).await);
    assert_eq!(list(&h, &id).await, json!([{"a": "5"}]));
    for (params, needle) in [
        (vec![("elements", r#"{"a":"4"}"#)], "operator"),
        (vec![("operator", "owner"), ("elements", "{}")], "elements"),
        (
            vec![("operator", "owner"), ("elements", r#"{"a":1}"#)],
            "elements.a",
        ),
        (
            vec![
                ("operator", "owner"),
                ("elements", r#"{"a":"4"}"#),
                ("notifyExt", &"x".repeat(2049)),
            ],
            "notifyExt",
        ),
    ] {
        v1(&h, "BatchUpdateElements", &id, &params)
            .await
            .assert_error(414, needle);
    }
}

#[tokio::test]
async fn a_closed_room_refuses_changes_and_still_lists() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    ok(v1(&h, "Offer", &id, &[("key", "a"), ("value", "1")]).await);
    ok(toggle(&h, &id, "owner", "false").await);
    v1(&h, "Offer", &id, &[("key", "b"), ("value", "1")])
        .await
        .assert_error(13002, "closed");
    v1(&h, "Poll", &id, &[]).await.assert_error(13002, "closed");
    v1(&h, "Drop", &id, &[]).await.assert_error(13002, "closed");
    v2(&h, "PATCH", &id, "/actions/poll", json!({}))
        .await
        .assert_v2_error(13002, "closed");
    assert_eq!(list(&h, &id).await, json!([{"a": "1"}]));
}

#[tokio::test]
async fn v2_update_writes_by_policy_and_reports_each_failure() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    v2(&h, "POST", &id, "", json!({"queue_size_limit": 2}))
        .await
        .data();
    v2(&h, "POST", &id, "", json!({"queue_size_limit": 1001}))
        .await
        .assert_v2_error(414, "queue_size_limit");
    let body = json!({
        "operator_account_id": "Owner",
        "element_list": [
            {"element_key": "a", "element_value": "1"},
            {"element_key": "a", "element_value": "2", "element_add_policy": 0},
            {"element_key": "z", "element_value": "2", "element_add_policy": 1},
            {"element_key": "b", "element_value": "2", "element_account_id": "other"},
            {"element_key": "c", "element_value": "3"},
            {"element_key": "a", "element_value": "4", "element_add_policy": 1},
        ],
        "notification_config": {"notification_enabled": false, "high_priority": 1},
        "route_config": {"route_enabled": false},
    });
    let data = v2(&h, "PATCH", &id, "", body.clone()).await.data();
    assert_eq!(data["insert_element_list"], json!(["a", "b"]));
    assert_eq!(data["update_element_list"], json!(["a"]));
    let failed: Vec<(String, u64)> = data["failed_element_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["element_key"].as_str().unwrap().to_owned(),
                f["error_code"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [("a", 417), ("z", 404), ("c", 419)].map(|(k, c)| (k.to_owned(), c));
    assert_eq!(failed, expected);
    assert_eq!(
        (data["queue_size"].clone(), data["queue_size_limit"].clone()),
        (json!(2), json!(2))
    );
    // PUT, as one Go SDK version sends it, is the same operation.
    let again = v2(
        &h,
        "PUT",
        &id,
        "",
        json!({
            "operator_account_id": "owner",
            "element_list": [{"element_key": "a", "element_value": "5"}],
        }),
    )
    .await
    .data();
    assert_eq!(again["update_element_list"], json!(["a"]));

    let query = v2(
        &h,
        "POST",
        &id,
        "/actions/query",
        json!({"element_key_list": ["b", "x"]}),
    )
    .await
    .data();
    assert_eq!(query["element_list"].as_array().unwrap().len(), 1);
    assert_eq!(
        without_times(query["element_list"][0].clone()),
        json!({
            "element_key": "b", "element_value": "2",
            "element_account_id": "other", "element_transient": false,
        })
    );
    let all = v2(
        &h,
        "POST",
        &id,
        "/actions/query",
        json!({"element_key_list": null}),
    )
    .await
    .data();
    assert_eq!(all["element_list"].as_array().unwrap().len(), 2);

    for (body, code, needle) in [
        (
            json!({"element_list": [{"element_key": "a", "element_value": "1"}]}),
            414,
            "operator_account_id",
        ),
        (
            json!({"operator_account_id": "owner", "element_list": []}),
            414,
            "element_list",
        ),
        (
            json!({"operator_account_id": "owner", "element_list": [{"element_key": "a"}]}),
            414,
            "element_list[0].element_value",
        ),
        (
            json!({"operator_account_id": "owner", "element_list": [{"element_key": "a", "element_value": "1", "element_add_policy": 3}]}),
            414,
            "element_add_policy",
        ),
        (
            json!({"operator_account_id": "nobody", "element_list": [{"element_key": "a", "element_value": "1"}]}),
            404,
            "nobody",
        ),
        (
            json!({"operator_account_id": "guest", "element_list": [{"element_key": "a", "element_value": "1"}]}),
            403,
            "guest",
        ),
    ] {
        v2(&h, "PATCH", &id, "", body)
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn v2_poll_by_patch_or_post_and_delete_answer_what_went() {
    let h = harness().await;
    let id = create(&h, &[]).await;
    for (key, value) in [("a", "1"), ("b", "2"), ("c", "3")] {
        ok(v1(&h, "Offer", &id, &[("key", key), ("value", value)]).await);
    }
    let head = v2(&h, "PATCH", &id, "/actions/poll", json!({}))
        .await
        .data();
    assert_eq!(
        without_times(head),
        json!({
            "element_key": "a", "element_value": "1",
            "element_account_id": "owner", "element_transient": false,
        })
    );
    let named = v2(
        &h,
        "POST",
        &id,
        "/actions/poll",
        json!({"element_key": "c"}),
    )
    .await
    .data();
    assert_eq!(named["element_value"], "3");
    v2(
        &h,
        "PATCH",
        &id,
        "/actions/poll",
        json!({"element_key": "c"}),
    )
    .await
    .assert_v2_error(404, "c");
    let deleted = v2(
        &h,
        "DELETE",
        &id,
        "",
        json!({"notification_config": {"high_priority": 1}}),
    )
    .await
    .data();
    assert_eq!(
        deleted,
        json!({"room_id": id.parse::<u64>().unwrap(), "queue_size": 1, "high_priority": 1})
    );
    let quiet = v2(
        &h,
        "DELETE",
        &id,
        "",
        json!({"notification_config": {"notification_enabled": false}}),
    )
    .await
    .data();
    assert_eq!(
        quiet,
        json!({"room_id": id.parse::<u64>().unwrap(), "queue_size": 0})
    );
    assert_eq!(list(&h, &id).await, json!([]));
    v2(&h, "PATCH", &id, "/actions/poll", json!({}))
        .await
        .assert_v2_error(404, "empty");
    v2(&h, "PATCH", "nope", "/actions/poll", json!({}))
        .await
        .assert_v2_error(414, "room_id");
    v2(&h, "DELETE", "42", "", json!({}))
        .await
        .assert_v2_error(404, "42");
}
