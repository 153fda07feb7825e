//! The friend families: v1 `friend/*.action` and v2 `friends` share one relation store; sends
//! respect black lists and check_friend.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Answer, Harness, T0};
use serde_json::{Value, json};

/// `alice`, `bob`, `carol`, `dave` and `erin` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["alice", "bob", "carol", "dave", "erin"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

async fn v1_add(
    h: &Harness,
    accid: &str,
    faccid: &str,
    kind: &str,
    extra: &[(&str, &str)],
) -> Answer {
    let mut params = vec![("accid", accid), ("faccid", faccid), ("type", kind)];
    params.extend_from_slice(extra);
    h.call("friend/add.action", &params).await
}

async fn v1_get(h: &Harness, accid: &str, since: &str) -> Value {
    let a = h
        .call(
            "friend/get.action",
            &[("accid", accid), ("updatetime", since)],
        )
        .await;
    assert_eq!(a.code(), 200, "{}", a.body);
    a.json()
}

async fn v1_by_accid(h: &Harness, accid: &str, faccid: &str) -> Answer {
    h.call(
        "friend/getByAccid.action",
        &[("accid", accid), ("faccid", faccid)],
    )
    .await
}

async fn v2_get(h: &Harness, owner: &str, friend: &str) -> Answer {
    h.v2(
        "GET",
        &format!("im/v2.1/friends/{owner}?friend_account_id={friend}"),
        None,
    )
    .await
}

async fn v2_list(h: &Harness, owner: &str, extra: &str) -> Value {
    h.v2(
        "GET",
        &format!("im/v2.1/friends?account_id={owner}{extra}"),
        None,
    )
    .await
    .data()
}

/// An unsigned admin GET, as JSON.
async fn get_json(h: &Harness, url: &str) -> Value {
    let text = h.http.get(url).send().await.unwrap().text().await.unwrap();
    serde_json::from_str(&text).unwrap()
}

fn ids(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["friend_account_id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_v1_add_is_a_v2_friend_both_ways_and_the_reverse() {
    let h = harness().await;
    let a = v1_add(
        &h,
        "Alice",
        "bob",
        "1",
        &[("serverex", "s1"), ("msg", "hi")],
    )
    .await;
    assert_eq!(a.json(), json!({"code": 200}));
    let ms = T0 * 1000;
    // The caller's entry took serverex; the friendship is mutual.
    assert_eq!(
        v2_get(&h, "alice", "bob").await.data(),
        json!({"friend_account_id": "bob", "customer_extension": "s1",
               "create_time": ms, "update_time": ms})
    );
    assert_eq!(ids(&v2_list(&h, "bob", "").await["items"]), ["alice"]);

    // v2 add, read by v1.
    let data = h
        .v2(
            "POST",
            "im/v2.1/friends",
            Some(json!({"account_id": "carol", "friend_account_id": "Alice",
                         "alias": "Al", "extension": "e", "customer_extension": "c",
                         "postscript": "ignored"})),
        )
        .await
        .data();
    assert_eq!(data["friend_account_id"], "alice");
    assert_eq!(data["alias"], "Al");
    let list = v1_get(&h, "carol", "0").await;
    assert_eq!(
        list,
        json!({"code": 200, "size": 1, "friends": [{
            "faccid": "alice", "createtime": ms, "updatetime": ms, "bidirection": true,
            "alias": "Al", "ex": "e", "serverex": "c"}]})
    );
    let list = v1_get(&h, "alice", "0").await;
    assert_eq!(list["size"], 2);
    // alice's side of carol has no fields: left out.
    assert_eq!(
        list["friends"][1],
        json!({"faccid": "carol", "createtime": ms, "updatetime": ms, "bidirection": true})
    );
    let one = v1_by_accid(&h, "alice", "carol").await.json();
    assert_eq!(
        one,
        json!({"code": 200, "friend": {"faccid": "carol", "createtime": ms, "updatetime": ms,
               "bidirection": true, "ex": null, "serverex": null}})
    );
    let records = h.emu.friends("Carol");
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].friend, "alice");
    assert_eq!(records[0].alias.as_deref(), Some("Al"));
    assert!(records[0].mutual);

    // Adding an existing friend again is 200 and updates the given fields.
    h.emu.advance_clock(10);
    assert_eq!(
        v1_add(&h, "alice", "bob", "1", &[("serverex", "s2")])
            .await
            .code(),
        200
    );
    let e = v2_get(&h, "alice", "bob").await.data();
    assert_eq!(e["customer_extension"], "s2");
    assert_eq!(e["create_time"], ms);
    assert_eq!(e["update_time"], ms + 10_000);
    // friend/get filters by update time; `createtime` is the deprecated spelling.
    let since = (ms + 5_000).to_string();
    let list = v1_get(&h, "alice", &since).await;
    assert_eq!(list["size"], 1);
    assert_eq!(list["friends"][0]["faccid"], "bob");
    let old = h
        .call(
            "friend/get.action",
            &[("accid", "alice"), ("createtime", &since)],
        )
        .await;
    assert_eq!(old.json()["size"], 1);
    h.call("friend/get.action", &[("accid", "alice")])
        .await
        .assert_error(414, "updatetime");
}

#[tokio::test]
async fn requests_are_accepted_or_rejected_in_either_protocol() {
    let h = harness().await;
    // v1 request, v1 accept.
    assert_eq!(
        v1_add(&h, "alice", "bob", "2", &[("msg", "let's be friends")])
            .await
            .code(),
        200
    );
    assert!(
        h.emu.friends("alice").is_empty(),
        "a request is no friendship"
    );
    let pending = h.emu.friend_requests("bob");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].from, "alice");
    assert_eq!(pending[0].message.as_deref(), Some("let's be friends"));
    // A newer request overwrites the older one.
    v1_add(&h, "alice", "bob", "2", &[("msg", "again")]).await;
    assert_eq!(
        h.emu.friend_requests("bob")[0].message.as_deref(),
        Some("again")
    );
    // The requester cannot accept its own request.
    v1_add(&h, "alice", "bob", "3", &[])
        .await
        .assert_error(404, "no pending friend request from bob to alice");
    assert_eq!(
        v1_add(&h, "bob", "alice", "3", &[("serverex", "x")])
            .await
            .code(),
        200
    );
    assert!(h.emu.friend_requests("bob").is_empty());
    assert_eq!(
        v1_by_accid(&h, "bob", "alice").await.json()["friend"]["serverex"],
        "x"
    );
    assert_eq!(
        v1_by_accid(&h, "alice", "bob").await.json()["friend"]["bidirection"],
        true
    );

    // v2 request (type in the query), v1 reject.
    let data = h
        .v2(
            "POST",
            "im/v2.1/friends?type=2",
            Some(
                json!({"account_id": "carol", "friend_account_id": "bob", "postscript": "hey",
                         "alias": "B"}),
            ),
        )
        .await
        .data();
    assert_eq!(data, json!({"friend_account_id": "bob", "alias": "B"}));
    assert_eq!(
        h.emu.friend_requests("bob")[0].message.as_deref(),
        Some("hey")
    );
    assert_eq!(v1_add(&h, "bob", "carol", "4", &[]).await.code(), 200);
    assert!(h.emu.friend_requests("bob").is_empty());
    v1_add(&h, "bob", "carol", "4", &[])
        .await
        .assert_error(404, "no pending");

    // v1 request, v2 accept (type in the query): the requester's alias from its request
    // lands on its entry; the accepter's fields on the accepter's.
    h.v2(
        "POST",
        "im/v2.1/friends?type=2",
        Some(json!({"account_id": "carol", "friend_account_id": "bob", "alias": "Bobby"})),
    )
    .await
    .data();
    let handle = "im/v2.1/friends/actions/handle_friend_addition";
    let data = h
        .v2(
            "POST",
            &format!("{handle}?type=3"),
            Some(
                json!({"account_id": "bob", "friend_account_id": "carol", "alias": "C",
                         "extension": "e"}),
            ),
        )
        .await
        .data();
    assert_eq!(data["friend_account_id"], "carol");
    assert_eq!(data["alias"], "C");
    assert_eq!(data["extension"], "e");
    assert_eq!(v2_get(&h, "carol", "bob").await.data()["alias"], "Bobby");

    // v2 accept and reject without a request.
    for kind in ["3", "4"] {
        h.v2(
            "POST",
            &format!("{handle}?type={kind}"),
            Some(json!({"account_id": "dave", "friend_account_id": "erin"})),
        )
        .await
        .assert_v2_error(104404, "friend request not found");
    }
    // v2 reject of a real request answers {}.
    v1_add(&h, "erin", "dave", "2", &[]).await;
    let data = h
        .v2(
            "POST",
            &format!("{handle}?type=4"),
            Some(json!({"account_id": "dave", "friend_account_id": "erin"})),
        )
        .await
        .data();
    assert_eq!(data, json!({}));
    assert!(h.emu.friend_requests("dave").is_empty());
    assert!(h.emu.friends("dave").is_empty());
}

#[tokio::test]
async fn refusals_name_what_is_wrong() {
    let h = harness().await;
    // Self-add: the documented desc.
    v1_add(&h, "alice", "Alice", "1", &[])
        .await
        .assert_error(414, "accid can't same with the faccid");
    h.v2(
        "POST",
        "im/v2.1/friends",
        Some(json!({"account_id": "alice", "friend_account_id": "alice"})),
    )
    .await
    .assert_v2_error(414, "can't same");
    // Unknown accounts.
    v1_add(&h, "alice", "ghost", "1", &[])
        .await
        .assert_error(414, "faccid ghost not register");
    v1_add(&h, "ghost", "alice", "2", &[])
        .await
        .assert_error(414, "accid ghost not register");
    h.v2(
        "POST",
        "im/v2.1/friends",
        Some(json!({"account_id": "alice", "friend_account_id": "ghost"})),
    )
    .await
    .assert_v2_error(102404, "ghost");
    h.v2("GET", "im/v2.1/friends?account_id=ghost", None)
        .await
        .assert_v2_error(102404, "ghost");
    // Types out of range.
    v1_add(&h, "alice", "bob", "5", &[])
        .await
        .assert_error(414, "type");
    h.v2(
        "POST",
        "im/v2.1/friends?type=3",
        Some(json!({"account_id": "alice", "friend_account_id": "bob"})),
    )
    .await
    .assert_v2_error(414, "type");
    h.v2(
        "POST",
        "im/v2.1/friends/actions/handle_friend_addition?type=1",
        Some(json!({"account_id": "alice", "friend_account_id": "bob"})),
    )
    .await
    .assert_v2_error(414, "type");
    // Not friends.
    h.call(
        "friend/update.action",
        &[("accid", "alice"), ("faccid", "bob"), ("alias", "x")],
    )
    .await
    .assert_error(404, "not friends");
    // Deleting a non-friend changes nothing and succeeds, so a retried delete does too.
    let again = h
        .call(
            "friend/delete.action",
            &[("accid", "alice"), ("faccid", "bob")],
        )
        .await;
    assert_eq!(again.json(), json!({"code": 200}));
    v1_by_accid(&h, "alice", "bob")
        .await
        .assert_error(404, "not friends");
    v2_get(&h, "alice", "bob")
        .await
        .assert_v2_error(104404, "not friends");
    h.v2(
        "PATCH",
        "im/v2.1/friends/alice",
        Some(json!({"friend_account_id": "bob", "alias": "x"})),
    )
    .await
    .assert_v2_error(104404, "not friends");
    let deleted = h
        .v2("DELETE", "im/v2/friends/alice?friend_account_id=bob", None)
        .await
        .data();
    assert_eq!(deleted, json!({}));
    // Lengths.
    let long = "a".repeat(129);
    v1_add(&h, "alice", "bob", "1", &[]).await;
    h.call(
        "friend/update.action",
        &[("accid", "alice"), ("faccid", "bob"), ("alias", &long)],
    )
    .await
    .assert_error(414, "alias");
    h.v2(
        "PATCH",
        "im/v2.1/friends/alice",
        Some(json!({"friend_account_id": "bob", "alias": long})),
    )
    .await
    .assert_v2_error(414, "alias");
}

#[tokio::test]
async fn updates_set_and_clear_fields() {
    let h = harness().await;
    v1_add(&h, "alice", "bob", "1", &[]).await;
    h.emu.advance_clock(5);
    let a = h
        .call(
            "friend/update.action",
            &[
                ("accid", "alice"),
                ("faccid", "bob"),
                ("alias", "B"),
                ("ex", "e"),
                ("serverex", "s"),
            ],
        )
        .await;
    assert_eq!(a.json(), json!({"code": 200}));
    let f = v1_by_accid(&h, "alice", "bob").await.json()["friend"].clone();
    assert_eq!(
        (f["alias"].clone(), f["ex"].clone(), f["serverex"].clone()),
        (json!("B"), json!("e"), json!("s"))
    );
    assert_eq!(f["updatetime"], (T0 + 5) * 1000);
    assert_eq!(f["createtime"], T0 * 1000);
    // An empty v1 value clears; absent ones stay.
    h.call(
        "friend/update.action",
        &[("accid", "alice"), ("faccid", "bob"), ("ex", "")],
    )
    .await;
    let f = v1_by_accid(&h, "alice", "bob").await.json()["friend"].clone();
    assert_eq!(f["ex"], Value::Null);
    assert_eq!(f["alias"], "B");
    // v2: "" clears too; the answer is the entry.
    let data = h
        .v2(
            "PATCH",
            "im/v2.1/friends/alice",
            Some(json!({"friend_account_id": "bob", "alias": "", "extension": "x"})),
        )
        .await
        .data();
    assert_eq!(
        data,
        json!({"friend_account_id": "bob", "extension": "x", "customer_extension": "s",
               "create_time": T0 * 1000, "update_time": (T0 + 5) * 1000})
    );
    let r = &h.emu.friends("alice")[0];
    assert_eq!(r.alias, None);
    assert_eq!(r.ex.as_deref(), Some("x"));
    // bob's side is untouched.
    assert_eq!(h.emu.friends("bob")[0].ex, None);
}

#[tokio::test]
async fn deletes_keep_or_drop_the_alias_for_a_later_re_add() {
    let h = harness().await;
    h.v2(
        "POST",
        "im/v2.1/friends",
        Some(json!({"account_id": "alice", "friend_account_id": "bob", "alias": "B"})),
    )
    .await
    .data();
    // v1 delete keeps the alias by default; both directions go.
    let a = h
        .call(
            "friend/delete.action",
            &[("accid", "alice"), ("faccid", "bob")],
        )
        .await;
    assert_eq!(a.json(), json!({"code": 200}));
    assert!(h.emu.friends("alice").is_empty());
    assert!(h.emu.friends("bob").is_empty());
    // Re-added from the other side, without an alias: the kept one comes back.
    v1_add(&h, "bob", "alice", "1", &[]).await;
    assert_eq!(v2_get(&h, "alice", "bob").await.data()["alias"], "B");
    // v2 delete (Java form: query) with delete_alias=true drops it.
    let data = h
        .v2(
            "DELETE",
            "im/v2/friends/alice?friend_account_id=bob&delete_alias=true",
            None,
        )
        .await
        .data();
    assert_eq!(data, json!({}));
    v1_add(&h, "alice", "bob", "1", &[]).await;
    assert!(
        v2_get(&h, "alice", "bob")
            .await
            .data()
            .get("alias")
            .is_none()
    );
    // A v1 delete with isDeleteAlias=true drops it too, and a given alias beats a kept one.
    h.call(
        "friend/update.action",
        &[("accid", "alice"), ("faccid", "bob"), ("alias", "old")],
    )
    .await;
    h.call(
        "friend/delete.action",
        &[
            ("accid", "alice"),
            ("faccid", "bob"),
            ("isDeleteAlias", "false"),
        ],
    )
    .await;
    h.v2(
        "POST",
        "im/v2.1/friends",
        Some(json!({"account_id": "alice", "friend_account_id": "bob", "alias": "new"})),
    )
    .await
    .data();
    assert_eq!(h.emu.friends("alice")[0].alias.as_deref(), Some("new"));
    h.call(
        "friend/delete.action",
        &[
            ("accid", "alice"),
            ("faccid", "bob"),
            ("isDeleteAlias", "true"),
        ],
    )
    .await;
    v1_add(&h, "alice", "bob", "1", &[]).await;
    assert_eq!(h.emu.friends("alice")[0].alias, None);
}

#[tokio::test]
async fn list_pages_by_friend_id_with_tokens_this_server_gave() {
    let h = harness().await;
    for f in ["erin", "bob", "dave", "carol"] {
        v1_add(&h, "alice", f, "1", &[]).await;
    }
    h.emu.insert_account("zed", None);
    v1_add(&h, "zed", "alice", "1", &[]).await;
    let first = v2_list(&h, "alice", "&limit=2").await;
    assert_eq!(ids(&first["items"]), ["bob", "carol"]);
    assert_eq!(first["has_more"], true);
    assert_eq!(first["total"], 5);
    let token = first["next_token"].as_str().unwrap().to_owned();
    assert!(!token.contains("carol"), "the token is opaque: {token}");
    let second = v2_list(&h, "alice", &format!("&limit=2&page_token={token}")).await;
    assert_eq!(ids(&second["items"]), ["dave", "erin"]);
    assert_eq!(second["has_more"], true);
    let token2 = second["next_token"].as_str().unwrap().to_owned();
    let third = v2_list(&h, "alice", &format!("&limit=2&page_token={token2}")).await;
    assert_eq!(ids(&third["items"]), ["zed"]);
    assert_eq!(third["has_more"], false);
    assert_eq!(third["next_token"], "");
    assert_eq!(third["items"][0]["create_time"], T0 * 1000);
    // The default limit takes all; the docs' /im/v2 path answers the same.
    let all = h
        .v2("GET", "im/v2/friends?account_id=alice", None)
        .await
        .data();
    assert_eq!(all["items"].as_array().unwrap().len(), 5);
    assert_eq!(all["has_more"], false);
    // Refusals: made-up tokens, another list's token, limits out of range.
    for bad in [
        "&page_token=carol",
        "&page_token=%21%21",
        "&limit=0",
        "&limit=101",
        "&limit=x",
    ] {
        h.v2(
            "GET",
            &format!("im/v2.1/friends?account_id=alice{bad}"),
            None,
        )
        .await
        .assert_v2_error(
            414,
            if bad.contains("token") {
                "page_token"
            } else {
                "limit"
            },
        );
    }
    h.v2(
        "GET",
        &format!("im/v2.1/friends?account_id=bob&page_token={token}"),
        None,
    )
    .await
    .assert_v2_error(414, "page_token");
    h.v2("GET", "im/v2.1/friends", None)
        .await
        .assert_v2_error(414, "account_id");
}

#[tokio::test]
async fn the_friend_cap_refuses_a_new_friendship_on_either_side() {
    let h = harness().await;
    h.emu.set_friend_limit(2);
    v1_add(&h, "alice", "bob", "1", &[]).await;
    v1_add(&h, "alice", "carol", "1", &[]).await;
    // alice is full: as the caller and as the target.
    v1_add(&h, "alice", "dave", "1", &[])
        .await
        .assert_error(419, "friend limit");
    h.v2(
        "POST",
        "im/v2.1/friends",
        Some(json!({"account_id": "dave", "friend_account_id": "alice"})),
    )
    .await
    .assert_v2_error(104419, "alice");
    assert!(h.emu.friends("dave").is_empty(), "nothing changed");
    // Accepting over the cap is refused too, and the request stays.
    v1_add(&h, "dave", "alice", "2", &[]).await;
    v1_add(&h, "alice", "dave", "3", &[])
        .await
        .assert_error(419, "friend limit");
    assert_eq!(h.emu.friend_requests("alice").len(), 1);
    // An existing friendship is not new: re-adding is fine.
    assert_eq!(v1_add(&h, "alice", "bob", "1", &[]).await.code(), 200);
    // The admin knob.
    let url = format!("http://{}/_emulator/state/friend_limit", h.emu.local_addr());
    let put = h
        .http
        .put(&url)
        .body(r#"{"limit":3}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), 200);
    let got = get_json(&h, &url).await;
    assert_eq!(got["limit"], 3);
    assert_eq!(v1_add(&h, "alice", "dave", "3", &[]).await.code(), 200);
}

#[tokio::test]
async fn every_wire_form_the_sources_use_is_accepted() {
    let h = harness().await;
    // addFriend at /im/v2 with `type` in the body (Go): a request.
    h.v2(
        "POST",
        "im/v2/friends",
        Some(json!({"account_id": "alice", "friend_account_id": "bob", "type": 2})),
    )
    .await
    .data();
    assert_eq!(h.emu.friend_requests("bob").len(), 1);
    // The query wins over the body.
    h.v2(
        "POST",
        "im/v2/friends?type=2",
        Some(json!({"account_id": "alice", "friend_account_id": "carol", "type": 1})),
    )
    .await
    .data();
    assert!(h.emu.friends("alice").is_empty());
    // handleFriendAddition at /im/v2 with the old Go `handle_type` 2 (reject) ...
    let data = h
        .v2(
            "POST",
            "im/v2/friends/actions/handle_friend_addition",
            Some(json!({"account_id": "carol", "friend_account_id": "alice", "handle_type": 2})),
        )
        .await
        .data();
    assert_eq!(data, json!({}));
    // ... and `type` 3 in the body (accept); no type at all accepts too.
    h.v2(
        "POST",
        "im/v2.1/friends/actions/handle_friend_addition",
        Some(json!({"account_id": "bob", "friend_account_id": "alice", "type": 3})),
    )
    .await
    .data();
    assert!(h.emu.friends("bob").iter().any(|f| f.friend == "alice"));
    v1_add(&h, "dave", "carol", "2", &[]).await;
    h.v2(
        "POST",
        "im/v2/friends/actions/handle_friend_addition",
        Some(json!({"account_id": "carol", "friend_account_id": "dave", "handle_type": 1})),
    )
    .await
    .data();
    v1_add(&h, "erin", "carol", "2", &[]).await;
    h.v2(
        "POST",
        "im/v2.1/friends/actions/handle_friend_addition",
        Some(json!({"account_id": "carol", "friend_account_id": "erin"})),
    )
    .await
    .data();
    assert_eq!(h.emu.friends("carol").len(), 2);
    // update and get at /im/v2.
    let data = h
        .v2(
            "PATCH",
            "im/v2/friends/carol",
            Some(json!({"friend_account_id": "dave", "alias": "D"})),
        )
        .await
        .data();
    assert_eq!(data["alias"], "D");
    let data = h
        .v2("GET", "im/v2/friends/carol?friend_account_id=dave", None)
        .await
        .data();
    assert_eq!(data["alias"], "D");
    // deleteFriend at /im/v2.1, and with a JSON body (old Go).
    h.v2(
        "DELETE",
        "im/v2.1/friends/carol?friend_account_id=erin",
        None,
    )
    .await
    .data();
    h.v2(
        "DELETE",
        "im/v2/friends/carol",
        Some(json!({"friend_account_id": "dave", "delete_alias": true})),
    )
    .await
    .data();
    assert!(h.emu.friends("carol").is_empty());
    v1_add(&h, "carol", "dave", "1", &[]).await;
    assert_eq!(
        h.emu.friends("carol")[0].alias,
        None,
        "the body's delete_alias applied"
    );
    h.v2("DELETE", "im/v2/friends/carol", None)
        .await
        .assert_v2_error(414, "friend_account_id");
    h.v2(
        "DELETE",
        "im/v2/friends/carol?friend_account_id=dave&delete_alias=yes",
        None,
    )
    .await
    .assert_v2_error(414, "delete_alias");
}

/// A v1 1:1 text send.
async fn v1_send(h: &Harness, from: &str, to: &str, extra: &[(&str, &str)]) -> Answer {
    let mut params = vec![
        ("from", from),
        ("ope", "0"),
        ("to", to),
        ("type", "0"),
        ("body", r#"{"msg":"hi"}"#),
    ];
    params.extend_from_slice(extra);
    h.call("msg/sendMsg.action", &params).await
}

/// A v2 1:1 text send, with `extra` merged into the body.
async fn v2_send(h: &Harness, from: &str, to: &str, extra: Value) -> Answer {
    let mut body = json!({"message": {"message_type": 0, "text": "hi"}});
    if let (Some(map), Some(more)) = (body.as_object_mut(), extra.as_object()) {
        map.extend(more.clone());
    }
    h.v2(
        "POST",
        &format!("im/v2/conversations/{from}|1|{to}/messages"),
        Some(body),
    )
    .await
}

async fn relation(h: &Harness, accid: &str, target: &str, kind: &str) {
    let a = h
        .call(
            "user/setSpecialRelation.action",
            &[
                ("accid", accid),
                ("targetAcc", target),
                ("relationType", kind),
                ("value", "1"),
            ],
        )
        .await;
    assert_eq!(a.code(), 200, "{}", a.body);
}

#[tokio::test]
async fn a_blacklisting_receiver_refuses_the_sender_and_a_muting_one_does_not() {
    let h = harness().await;
    relation(&h, "bob", "alice", "1").await; // bob blacklists alice
    relation(&h, "carol", "alice", "2").await; // carol mutes alice
    v1_send(&h, "alice", "bob", &[])
        .await
        .assert_error(7101, "blacklist");
    v2_send(&h, "alice", "bob", json!({}))
        .await
        .assert_v2_error(106403, "blacklist");
    h.v2(
        "POST",
        "im/v2/conversations/alice|1|bob/messages/actions/stream_message",
        Some(json!({"message": {"message_type": 0, "attachment": {"text": "a", "index": 0}}})),
    )
    .await
    .assert_v2_error(106403, "blacklist");
    // The other direction, and the muting receiver, are fine.
    assert_eq!(v1_send(&h, "bob", "alice", &[]).await.code(), 200);
    assert_eq!(v1_send(&h, "alice", "carol", &[]).await.code(), 200);
    assert_eq!(v2_send(&h, "alice", "carol", json!({})).await.code(), 200);
    assert_eq!(h.emu.conversation_messages("alice|1|bob").len(), 1);
    assert_eq!(h.emu.conversation_messages("alice|1|carol").len(), 2);

    // Batches: the blacklisting receiver fails alone.
    let a = h
        .call(
            "msg/sendBatchMsg.action",
            &[
                ("fromAccid", "alice"),
                ("toAccids", r#"["bob","carol","ghost"]"#),
                ("type", "0"),
                ("body", r#"{"msg":"all"}"#),
                ("returnMsgid", "true"),
            ],
        )
        .await;
    assert_eq!(a.code(), 200, "{}", a.body);
    let answer = a.json();
    assert_eq!(answer["unregister"], r#"["ghost"]"#);
    let msgids = answer["msgids"].as_object().unwrap();
    assert_eq!(msgids.keys().collect::<Vec<_>>(), ["carol"]);
    let data = h
        .v2(
            "POST",
            "im/v2/conversations/messages",
            Some(
                json!({"sender_id": "alice", "receiver_ids": ["bob", "carol"],
                         "message": {"message_type": 0, "text": "all"}}),
            ),
        )
        .await
        .data();
    assert_eq!(data["success_list"].as_array().unwrap().len(), 1);
    assert_eq!(data["success_list"][0]["receiver_id"], "carol");
    assert_eq!(data["failed_list"][0]["receiver_id"], "bob");
    assert_eq!(data["failed_list"][0]["error_code"], 106403);
    assert_eq!(h.emu.conversation_messages("alice|1|bob").len(), 1);
}

#[tokio::test]
async fn check_friend_delivers_only_to_a_receiver_that_has_the_sender_as_friend() {
    let h = harness().await;
    let v2_check = json!({"p2p_option": {"check_friend": true}});
    v1_send(&h, "alice", "bob", &[("checkFriend", "true")])
        .await
        .assert_error(403, "not a friend");
    v2_send(&h, "alice", "bob", v2_check.clone())
        .await
        .assert_v2_error(104403, "not a friend");
    // Without the check, non-friends may talk.
    assert_eq!(
        v1_send(&h, "alice", "bob", &[("checkFriend", "false")])
            .await
            .code(),
        200
    );
    assert_eq!(
        v2_send(&h, "alice", "bob", json!({"p2p_option": {}}))
            .await
            .code(),
        200
    );
    // Friends made through v2 pass the check in both protocols, both ways.
    h.v2(
        "POST",
        "im/v2.1/friends",
        Some(json!({"account_id": "bob", "friend_account_id": "alice"})),
    )
    .await
    .data();
    assert_eq!(
        v1_send(&h, "alice", "bob", &[("checkFriend", "true")])
            .await
            .code(),
        200
    );
    assert_eq!(
        v2_send(&h, "bob", "alice", v2_check.clone()).await.code(),
        200
    );
    // Batches: the non-friend fails alone.
    let data = h
        .v2(
            "POST",
            "im/v2/conversations/messages",
            Some(
                json!({"sender_id": "alice", "receiver_ids": ["bob", "carol"],
                         "message": {"message_type": 0, "text": "x"},
                         "p2p_option": {"check_friend": true}}),
            ),
        )
        .await
        .data();
    assert_eq!(data["success_list"][0]["receiver_id"], "bob");
    assert_eq!(data["failed_list"][0]["receiver_id"], "carol");
    assert_eq!(data["failed_list"][0]["error_code"], 104403);
    let a = h
        .call(
            "msg/sendBatchMsg.action",
            &[
                ("fromAccid", "alice"),
                ("toAccids", r#"["bob","carol"]"#),
                ("type", "0"),
                ("body", r#"{"msg":"x"}"#),
                ("checkFriend", "true"),
                ("returnMsgid", "true"),
            ],
        )
        .await
        .json();
    assert_eq!(a["unregister"], "[]");
    assert_eq!(
        a["msgids"].as_object().unwrap().keys().collect::<Vec<_>>(),
        ["bob"]
    );
    assert!(h.emu.conversation_messages("alice|1|carol").is_empty());
}

#[tokio::test]
async fn reset_clears_friends_requests_and_the_cap_and_the_admin_view_shows_them() {
    let h = harness().await;
    v1_add(&h, "alice", "bob", "1", &[]).await;
    v1_add(&h, "carol", "alice", "2", &[("msg", "m")]).await;
    h.emu.set_friend_limit(1);
    let url = format!(
        "http://{}/_emulator/state/friends?accid=Alice",
        h.emu.local_addr()
    );
    let view = get_json(&h, &url).await;
    assert_eq!(view["accid"], "alice");
    assert_eq!(view["friends"][0]["friend"], "bob");
    assert_eq!(view["friends"][0]["mutual"], true);
    assert_eq!(view["requests"][0]["from"], "carol");
    assert_eq!(view["requests"][0]["message"], "m");
    let missing = h
        .http
        .get(format!(
            "http://{}/_emulator/state/friends",
            h.emu.local_addr()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);

    h.emu.reset();
    assert!(h.emu.friends("alice").is_empty());
    assert!(h.emu.friend_requests("alice").is_empty());
    let view = get_json(&h, &url).await;
    assert_eq!(view["friends"], json!([]));
    // The cap is back to its default.
    for a in ["alice", "bob", "carol"] {
        h.emu.insert_account(a, None);
    }
    v1_add(&h, "alice", "bob", "1", &[]).await;
    assert_eq!(v1_add(&h, "alice", "carol", "1", &[]).await.code(), 200);
}
