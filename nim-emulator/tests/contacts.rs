//! v2 block and mute contacts: the same lists as v1 `setSpecialRelation`, token pages, both
//! remove forms, refusals and the cap shared with v1.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Harness, JSON_UTF8};
use serde_json::{Value, json};

const FAMILIES: [&str; 2] = ["block_contacts", "mute_contacts"];

/// `me` and `others` exist.
async fn harness(others: &[&str]) -> Harness {
    let h = Harness::start().await;
    for a in std::iter::once(&"me").chain(others) {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

/// v1 `setSpecialRelation` by `me`: kind 1 blacklist / 2 mute, value 1 add / 0 remove.
async fn v1_set(h: &Harness, target: &str, kind: &str, value: &str) -> u64 {
    let params = [
        ("accid", "me"),
        ("targetAcc", target),
        ("relationType", kind),
        ("value", value),
    ];
    h.call("user/setSpecialRelation.action", &params)
        .await
        .code()
}

/// v1 `listBlackAndMuteList` of `me`.
async fn v1_lists(h: &Harness) -> Value {
    h.call("user/listBlackAndMuteList.action", &[("accid", "me")])
        .await
        .json()
}

/// v2 add `contact` to the `family` list of `owner`.
async fn v2_add(h: &Harness, family: &str, owner: &str, contact: &str) -> common::Answer {
    let body = json!({"account_id": owner, "contact_account_id": contact});
    h.v2("POST", &format!("im/v2/{family}"), Some(body)).await
}

/// One page of `me`'s `family` list.
async fn v2_page(h: &Harness, family: &str, query: &str) -> Value {
    h.v2("GET", &format!("im/v2/{family}?account_id=me{query}"), None)
        .await
        .data()
}

#[tokio::test]
async fn v1_and_v2_work_on_the_same_black_and_mute_lists() {
    let h = harness(&["x", "y", "z"]).await;
    assert_eq!(v1_set(&h, "x", "1", "1").await, 200);
    assert_eq!(v1_set(&h, "z", "2", "1").await, 200);
    assert_eq!(
        v2_page(&h, "block_contacts", "").await,
        json!({"has_more": false, "next_token": "", "items": ["x"]})
    );
    assert_eq!(
        v2_page(&h, "mute_contacts", "").await["items"],
        json!(["z"])
    );

    v2_add(&h, "block_contacts", "ME", "Y").await.data();
    v2_add(&h, "mute_contacts", "me", "x").await.data();
    assert_eq!(
        v1_lists(&h).await,
        json!({"code": 200, "blacklist": ["x", "y"], "mutelist": ["x", "z"]})
    );
    let me = h.emu.account("me").unwrap();
    assert_eq!(me.blacklist, ["x", "y"]);
    assert_eq!(me.mutelist, ["x", "z"]);

    // A v1 removal shows in v2, a v2 removal in v1.
    assert_eq!(v1_set(&h, "y", "1", "0").await, 200);
    assert_eq!(
        v2_page(&h, "block_contacts", "").await["items"],
        json!(["x"])
    );
    h.v2(
        "DELETE",
        "im/v2/mute_contacts/me?contact_account_id=z",
        None,
    )
    .await
    .data();
    assert_eq!(v1_lists(&h).await["mutelist"], json!(["x"]));
}

#[tokio::test]
async fn pages_of_two_list_every_contact_once() {
    let h = harness(&["a", "b", "c", "d", "e"]).await;
    for family in FAMILIES {
        for c in ["e", "c", "a", "d", "b"] {
            assert_eq!(v2_add(&h, family, "me", c).await.data(), json!({}));
        }
        let first = v2_page(&h, family, "&limit=2").await;
        assert_eq!(
            first,
            json!({"has_more": true, "next_token": "b", "items": ["a", "b"]})
        );
        let token = first["next_token"].as_str().unwrap();
        let second = v2_page(&h, family, &format!("&limit=2&page_token={token}")).await;
        assert_eq!(second["items"], json!(["c", "d"]));
        assert_eq!(second["has_more"], true);
        let token = second["next_token"].as_str().unwrap();
        let third = v2_page(&h, family, &format!("&limit=2&page_token={token}")).await;
        assert_eq!(
            third,
            json!({"has_more": false, "next_token": "", "items": ["e"]})
        );
        assert_eq!(
            v2_page(&h, family, "").await["items"]
                .as_array()
                .unwrap()
                .len(),
            5
        );

        for bad in ["&limit=0", "&limit=101", "&limit=x"] {
            let path = format!("im/v2/{family}?account_id=me{bad}");
            h.v2("GET", &path, None).await.assert_v2_error(414, "limit");
        }
        let path = format!("im/v2/{family}?account_id=me&page_token=a%20b");
        h.v2("GET", &path, None)
            .await
            .assert_v2_error(414, "page_token");
    }
}

#[tokio::test]
async fn self_unknown_and_missing_accounts_are_refused() {
    let h = harness(&["x"]).await;
    // v1 refuses a self-entry on the lists v2 shares, as v2 does.
    for relation in ["1", "2"] {
        h.call(
            "user/setSpecialRelation.action",
            &[
                ("accid", "me"),
                ("targetAcc", "Me"),
                ("relationType", relation),
                ("value", "1"),
            ],
        )
        .await
        .assert_error(414, "itself");
    }
    for family in FAMILIES {
        v2_add(&h, family, "me", "ME")
            .await
            .assert_v2_error(414, "itself");
        v2_add(&h, family, "me", "ghost")
            .await
            .assert_v2_error(102404, "ghost");
        v2_add(&h, family, "ghost", "x")
            .await
            .assert_v2_error(102404, "ghost");
        let path = format!("im/v2/{family}");
        h.v2("POST", &path, Some(json!({"account_id": "me"})))
            .await
            .assert_v2_error(414, "contact_account_id is required");
        h.v2(
            "POST",
            &path,
            Some(json!({"account_id": "me", "contact_account_id": "a b"})),
        )
        .await
        .assert_v2_error(414, "contact_account_id");

        let path = format!("im/v2/{family}/me?contact_account_id=me");
        h.v2("DELETE", &path, None)
            .await
            .assert_v2_error(414, "itself");
        let path = format!("im/v2/{family}/me?contact_account_id=ghost");
        h.v2("DELETE", &path, None)
            .await
            .assert_v2_error(102404, "ghost");
        let path = format!("im/v2/{family}/me");
        h.v2("DELETE", &path, None)
            .await
            .assert_v2_error(414, "contact_account_id is required");

        let path = format!("im/v2/{family}?account_id=ghost");
        h.v2("GET", &path, None)
            .await
            .assert_v2_error(102404, "ghost");
        h.v2("GET", &format!("im/v2/{family}"), None)
            .await
            .assert_v2_error(414, "account_id is required");
    }
    let me = h.emu.account("me").unwrap();
    assert!(me.blacklist.is_empty() && me.mutelist.is_empty());
}

#[tokio::test]
async fn adding_twice_and_removing_a_stranger_are_no_ops_and_both_remove_forms_work() {
    let h = harness(&["x", "y"]).await;
    for family in FAMILIES {
        v2_add(&h, family, "me", "x").await.data();
        v2_add(&h, family, "me", "X").await.data();
        assert_eq!(v2_page(&h, family, "").await["items"], json!(["x"]));

        // The Java SDK's form: the contact in the query.
        let path = format!("im/v2/{family}/me?contact_account_id=X");
        assert_eq!(h.v2("DELETE", &path, None).await.data(), json!({}));
        assert_eq!(v2_page(&h, family, "").await["items"], json!([]));

        // The older Go SDK's form: a JSON body on DELETE.
        v2_add(&h, family, "me", "x").await.data();
        let path = format!("im/v2/{family}/me");
        let body = json!({"contact_account_id": "x"});
        assert_eq!(h.v2("DELETE", &path, Some(body)).await.data(), json!({}));
        assert_eq!(v2_page(&h, family, "").await["items"], json!([]));

        // Not listed: still 200.
        let path = format!("im/v2/{family}/me?contact_account_id=y");
        assert_eq!(h.v2("DELETE", &path, None).await.data(), json!({}));
    }
}

#[tokio::test]
async fn the_3000_cap_is_shared_with_v1() {
    let h = harness(&[]).await;
    for i in 0..=3000 {
        h.emu.insert_account(&format!("c{i:04}"), Some("t"));
    }
    // Fill the block list in-process (3000 HTTP round trips would only slow the test).
    for i in 0..3000 {
        let headers = h.headers();
        let mut headers: Vec<(&str, &str)> = headers
            .iter()
            .filter(|(n, _)| n != "Content-Type")
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        headers.push(("Content-Type", JSON_UTF8));
        let body = json!({"account_id": "me", "contact_account_id": format!("c{i:04}")});
        let reply = h.emu.handle(
            "POST",
            "/nimserver/im/v2/block_contacts",
            &headers,
            body.to_string().as_bytes(),
        );
        assert_eq!(reply.api_code(), Some(200), "{}", reply.body);
    }
    assert_eq!(h.emu.account("me").unwrap().blacklist.len(), 3000);
    v2_add(&h, "block_contacts", "me", "c3000")
        .await
        .assert_v2_error(106419, "block list is full");
    let v1 = h
        .call(
            "user/setSpecialRelation.action",
            &[
                ("accid", "me"),
                ("targetAcc", "c3000"),
                ("relationType", "1"),
                ("value", "1"),
            ],
        )
        .await;
    assert_eq!(v1.code(), 419, "{}", v1.body);
    // Already listed: still a no-op 200 when full; the mute list has its own cap.
    v2_add(&h, "block_contacts", "me", "c0000").await.data();
    v2_add(&h, "mute_contacts", "me", "c3000").await.data();
    // Room again after a v1 removal.
    assert_eq!(v1_set(&h, "c0000", "1", "0").await, 200);
    v2_add(&h, "block_contacts", "me", "c3000").await.data();
    let last = v2_page(&h, "block_contacts", "&page_token=c2999").await;
    assert_eq!(
        last,
        json!({"has_more": false, "next_token": "", "items": ["c3000"]})
    );
}
