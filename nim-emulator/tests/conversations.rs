//! The v2 `conversation`, `conversation_group` and `conversation_unread` families over HTTP:
//! conversations made by messages of both protocols, unread counts, every operation's effect
//! and refusals, and both methods of the two operations the official SDKs disagree on.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Answer, Harness};
use serde_json::{Value, json};

/// `alice`, `bob`, `carol` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["alice", "bob", "carol"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

/// Sends a v1 text message; answers its msgid.
async fn v1_text(h: &Harness, from: &str, to: &str, text: &str) -> u64 {
    let body = json!({ "msg": text }).to_string();
    let params = [
        ("from", from),
        ("ope", "0"),
        ("to", to),
        ("type", "0"),
        ("body", &body),
    ];
    let a = h.call("msg/sendMsg.action", &params).await;
    assert_eq!(a.code(), 200, "{}", a.body);
    a.json()["data"]["msgid"].as_u64().unwrap()
}

/// Sends a v2 text message to conversation `id`; answers its server id.
async fn v2_text(h: &Harness, id: &str, text: &str) -> u64 {
    let body = json!({"message": {"message_type": 0, "text": text}});
    let path = format!("im/v2/conversations/{id}/messages");
    let data = h.v2("POST", &path, Some(body)).await.data();
    data["message_server_id"].as_u64().unwrap()
}

async fn get(h: &Harness, id: &str) -> Answer {
    h.v2("GET", &format!("im/v2.1/conversations/{id}"), None)
        .await
}

async fn unread_total(h: &Harness, account: &str) -> u64 {
    let path = format!("im/v2/conversation_overviews/{account}");
    let data = h.v2("GET", &path, None).await.data();
    assert_eq!(data["account_id"], account);
    data["unread_count"].as_u64().unwrap()
}

async fn list(h: &Harness, account: &str, extra: &str) -> Value {
    let path = format!("im/v2.1/conversations?account_id={account}{extra}");
    h.v2("GET", &path, None).await.data()
}

fn ids(items: &Value) -> Vec<String> {
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["conversation_id"].as_str().unwrap().to_owned())
        .collect()
}

async fn clear(h: &Harness, id: &str) -> Answer {
    let path = format!("im/v2/conversations/{id}/actions/clear_conversation_unread");
    h.v2("PATCH", &path, None).await
}

#[tokio::test]
async fn messages_of_both_protocols_make_conversations_with_unread_counts() {
    let h = harness().await;
    let first = v1_text(&h, "alice", "bob", "one").await;
    v1_text(&h, "alice", "bob", "two").await;
    let last = v2_text(&h, "bob|1|alice", "three").await;

    let bob = get(&h, "bob|1|alice").await.data();
    assert_eq!(bob["sender_id"], "bob");
    assert_eq!(bob["receiver_id"], "alice");
    assert_eq!(bob["type"], 1);
    assert_eq!(bob["unread_count"], 2, "alice's two, not bob's own");
    assert_eq!(bob["message_state"], 0);
    assert_eq!(bob["last_message"]["message_server_id"], last);
    assert_eq!(bob["last_message"]["text"], "three");
    assert_eq!(bob["update_time"], bob["last_message"]["create_time"]);
    let alice = get(&h, "alice|1|bob").await.data();
    assert_eq!(alice["unread_count"], 1);
    assert!(alice["create_time"].as_u64().unwrap() < alice["update_time"].as_u64().unwrap());
    let sent = h.emu.messages();
    assert_eq!(sent[0].server_id, first);
    assert_eq!(alice["create_time"], sent[0].create_time);

    assert_eq!(unread_total(&h, "bob").await, 2);
    assert_eq!(unread_total(&h, "carol").await, 0);
    assert_eq!(clear(&h, "bob|1|alice").await.data(), json!({}));
    let read = get(&h, "bob|1|alice").await.data();
    assert_eq!(read["unread_count"], 0);
    assert!(read["last_read_time"].as_u64().unwrap() > read["update_time"].as_u64().unwrap());
    assert_eq!(unread_total(&h, "bob").await, 0);
    v1_text(&h, "alice", "bob", "four").await;
    assert_eq!(unread_total(&h, "bob").await, 1);
    get(&h, "carol|1|alice")
        .await
        .assert_v2_error(414, "not found");
    clear(&h, "carol|1|alice")
        .await
        .assert_v2_error(414, "not found");
    h.v2("GET", "im/v2/conversation_overviews/nobody", None)
        .await
        .assert_v2_error(102404, "nobody");
}

#[tokio::test]
async fn team_messages_count_for_every_member_but_the_sender() {
    let h = harness().await;
    let created = h
        .v2(
            "POST",
            "im/v2.1/teams",
            Some(json!({
                "owner_account_id": "alice", "team_type": 1, "name": "Ops",
                "invite_account_ids": ["bob"], "configuration": {"agree_mode": 1},
            })),
        )
        .await
        .data();
    let tid = created["team_info"]["team_id"].as_u64().unwrap();
    v2_text(&h, &format!("alice|2|{tid}"), "hello team").await;
    let bob = get(&h, &format!("bob|2|{tid}")).await.data();
    assert_eq!(
        (bob["type"].as_u64(), bob["unread_count"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(bob["last_message"]["team_id"], tid);
    assert_eq!(
        get(&h, &format!("alice|2|{tid}")).await.data()["unread_count"],
        0
    );
    get(&h, &format!("carol|2|{tid}"))
        .await
        .assert_v2_error(414, "not found");
    // Nor may an outsider make one.
    let outsider = json!({"conversation_id": format!("carol|2|{tid}")});
    h.v2("POST", "im/v2.1/conversations", Some(outsider))
        .await
        .assert_v2_error(109404, "not a member");
    assert_eq!(
        ids(&list(&h, "bob", "").await["items"]),
        [format!("bob|2|{tid}")]
    );

    // carol joins later: the earlier message is not hers to read.
    h.clock.advance(1);
    let invite = json!({"operator_id": "alice", "team_id": tid, "team_type": 1, "invite_account_ids": ["carol"]});
    h.v2("POST", "im/v2/team_members", Some(invite))
        .await
        .data();
    get(&h, &format!("carol|2|{tid}"))
        .await
        .assert_v2_error(414, "not found");

    // A v1 team message (ope 1) counts the same way.
    let body = json!({ "msg": "from v1" }).to_string();
    let tid_text = tid.to_string();
    let params = [
        ("from", "bob"),
        ("ope", "1"),
        ("to", tid_text.as_str()),
        ("type", "0"),
        ("body", &body),
    ];
    assert_eq!(h.call("msg/sendMsg.action", &params).await.code(), 200);
    let alice = get(&h, &format!("alice|2|{tid}")).await.data();
    assert_eq!(alice["unread_count"], 1);
    assert_eq!(alice["last_message"]["text"], "from v1");
    assert_eq!(
        get(&h, &format!("carol|2|{tid}")).await.data()["unread_count"],
        1
    );
    assert_eq!(
        unread_total(&h, "bob").await,
        1,
        "alice's message; bob's own is read"
    );
}

#[tokio::test]
async fn batch_sends_make_a_conversation_per_receiver() {
    let h = harness().await;
    let body = json!({
        "sender_id": "carol", "receiver_ids": ["alice", "bob"],
        "message": {"message_type": 0, "text": "to both"},
    });
    let sent = h
        .v2("POST", "im/v2/conversations/messages", Some(body))
        .await
        .data();
    assert_eq!(sent["failed_list"], json!([]));
    let msg = json!({ "msg": "v1 batch" }).to_string();
    let params = [
        ("fromAccid", "carol"),
        ("toAccids", "[\"alice\"]"),
        ("type", "0"),
        ("body", msg.as_str()),
    ];
    assert_eq!(h.call("msg/sendBatchMsg.action", &params).await.code(), 200);
    assert_eq!(get(&h, "alice|1|carol").await.data()["unread_count"], 2);
    assert_eq!(get(&h, "bob|1|carol").await.data()["unread_count"], 1);
    assert_eq!(
        ids(&list(&h, "carol", "").await["items"]),
        ["carol|1|alice", "carol|1|bob"]
    );
    assert_eq!(unread_total(&h, "carol").await, 0);
}

#[tokio::test]
async fn create_update_stick_top_and_list_order() {
    let h = harness().await;
    let create = |id: &'static str| {
        let h = &h;
        async move {
            h.v2(
                "POST",
                "im/v2.1/conversations",
                Some(json!({ "conversation_id": id })),
            )
            .await
        }
    };
    let made = create("alice|1|bob").await.data();
    assert_eq!(
        (made["unread_count"].as_u64(), made["stick_top"].as_bool()),
        (Some(0), Some(false))
    );
    assert!(made.get("last_message").is_none());
    assert_eq!(
        create("alice|1|bob").await.data()["create_time"],
        made["create_time"]
    );
    create("alice|1|nobody")
        .await
        .assert_v2_error(102404, "nobody");
    create("alice|2|999").await.assert_v2_error(108404, "999");
    create("alice|7|bob")
        .await
        .assert_v2_error(414, "conversation_id");
    v1_text(&h, "carol", "alice", "later").await;

    let updated = h
        .v2(
            "PATCH",
            "im/v2/conversations/alice|1|bob",
            Some(json!({"server_extension": "{\"k\":1}"})),
        )
        .await
        .data();
    assert_eq!(updated["server_extension"], "{\"k\":1}");
    assert!(
        updated.get("unread_count").is_none(),
        "update answers a subset"
    );
    assert_eq!(
        get(&h, "alice|1|bob").await.data()["server_extension"],
        "{\"k\":1}"
    );

    // Most recent first: the update made alice|1|bob newer than carol's message.
    assert_eq!(
        ids(&list(&h, "alice", "").await["items"]),
        ["alice|1|bob", "alice|1|carol"]
    );
    // Pinned first; the docs' POST, then the Java SDK's PATCH to unpin.
    let stick = "im/v2/conversations/alice|1|carol/actions/stick_top_conversation";
    let pinned = h
        .v2("POST", stick, Some(json!({"top_type": 1})))
        .await
        .data();
    assert_eq!(pinned["stick_top"], true);
    assert!(pinned["sort_order"].as_u64().unwrap() > 1 << 52);
    let page = list(&h, "alice", "&limit=1").await;
    assert_eq!(ids(&page["items"]), ["alice|1|carol"]);
    assert_eq!(page["has_more"], true);
    let token = page["next_token"].as_str().unwrap().to_owned();
    // A new message moves alice|1|bob up between the pages; it is still given once.
    v2_text(&h, "alice|1|bob", "between pages").await;
    let rest = list(&h, "alice", &format!("&limit=1&page_token={token}")).await;
    assert_eq!(ids(&rest["items"]), ["alice|1|bob"]);
    assert_eq!(rest["has_more"], false);
    list_refuses(&h, "&page_token=7").await;
    let unpinned = h
        .v2("PATCH", stick, Some(json!({"top_type": 0})))
        .await
        .data();
    assert_eq!(unpinned["stick_top"], false);
    h.v2("POST", stick, Some(json!({"top_type": 2})))
        .await
        .assert_v2_error(414, "top_type");
    h.v2("PUT", stick, Some(json!({"top_type": 1})))
        .await
        .assert_v2_error(414, "POST or PATCH");
}

#[tokio::test]
async fn delete_hides_a_conversation_until_the_next_message() {
    let h = harness().await;
    v1_text(&h, "alice", "bob", "one").await;
    v1_text(&h, "alice", "bob", "two").await;
    let path = "im/v2/conversations/bob|1|alice?clear_message=true";
    assert_eq!(h.v2("DELETE", path, None).await.data(), json!({}));
    get(&h, "bob|1|alice")
        .await
        .assert_v2_error(414, "not found");
    assert_eq!(unread_total(&h, "bob").await, 0);
    assert!(
        h.emu
            .messages()
            .iter()
            .all(|m| m.cleared_for.contains("bob"))
    );
    assert_eq!(
        get(&h, "alice|1|bob").await.data()["unread_count"],
        0,
        "alice's own"
    );
    h.v2("DELETE", path, None)
        .await
        .assert_v2_error(414, "not found");

    v1_text(&h, "alice", "bob", "three").await;
    let back = get(&h, "bob|1|alice").await.data();
    assert_eq!(back["unread_count"], 1, "only the message after the delete");
    assert_eq!(back["last_message"]["text"], "three");
}

#[tokio::test]
async fn batch_get_takes_both_methods_and_batch_delete_reports_each_id() {
    let h = harness().await;
    v1_text(&h, "alice", "bob", "hi").await;
    v1_text(&h, "alice", "carol", "hi").await;
    let by_query = "im/v2.1/conversations/actions/conversation_ids?conversation_ids=alice%7C1%7Cbob%2Calice%7C1%7Cnobody";
    let got = h.v2("GET", by_query, None).await.data();
    assert_eq!(ids(&got["success_list"]), ["alice|1|bob"]);
    assert_eq!(got["failed_list"][0]["conversation_id"], "alice|1|nobody");
    assert_eq!(got["failed_list"][0]["error_code"], 414);
    let by_body = h
        .v2(
            "POST",
            "im/v2.1/conversations/actions/conversation_ids",
            Some(json!({"conversation_ids": ["alice|1|carol", "alice|1|bob"]})),
        )
        .await
        .data();
    assert_eq!(
        ids(&by_body["success_list"]),
        ["alice|1|carol", "alice|1|bob"]
    );
    assert_eq!(by_body["failed_list"], json!([]));
    h.v2(
        "GET",
        "im/v2.1/conversations/actions/conversation_ids",
        None,
    )
    .await
    .assert_v2_error(414, "conversation_ids");

    let deleted = h
        .v2(
            "DELETE",
            "im/v2/conversations/actions/conversation_ids?conversation_ids=alice|1|bob,bad,alice|1|nobody",
            None,
        )
        .await
        .data();
    assert_eq!(deleted["success_list"], json!(["alice|1|bob"]));
    let failed: Vec<&str> = deleted["failed_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["conversation_id"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["bad", "alice|1|nobody"]);
    assert_eq!(
        ids(&list(&h, "alice", "").await["items"]),
        ["alice|1|carol"]
    );
}

#[tokio::test]
async fn a_recalled_last_message_is_a_revoke_notification_and_not_unread() {
    let h = harness().await;
    v1_text(&h, "alice", "bob", "kept").await;
    let gone = v1_text(&h, "alice", "bob", "oops").await;
    let path = format!("im/v2/conversations/alice|1|bob/messages/{gone}?type=2");
    assert_eq!(h.v2("DELETE", &path, None).await.data(), json!({}));
    let bob = get(&h, "bob|1|alice").await.data();
    assert_eq!(bob["message_state"], 1);
    assert_eq!(bob["revoke_notification"]["server_id"], gone);
    assert!(bob.get("last_message").is_none());
    assert_eq!(bob["unread_count"], 1);
}

async fn group_call(h: &Harness, method: &str, path: &str, body: Option<Value>) -> Answer {
    h.v2(method, &format!("im/v2/conversation_groups{path}"), body)
        .await
}

#[tokio::test]
async fn groups_hold_conversations_and_their_ids_show_on_conversations() {
    let h = harness().await;
    v1_text(&h, "alice", "bob", "hi").await;
    v1_text(&h, "alice", "carol", "hi").await;
    let created = group_call(
        &h,
        "POST",
        "",
        Some(json!({
            "account_id": "alice", "name": "work", "server_extension": "x",
            "conversation_ids": ["alice|1|bob", "alice|1|nobody", "bob|1|alice"],
        })),
    )
    .await
    .data();
    let group = &created["conversation_group"];
    let gid = group["group_id"].as_u64().unwrap();
    assert_eq!(
        (group["name"].as_str(), group["account_id"].as_str()),
        (Some("work"), Some("alice"))
    );
    assert_eq!(created["success_list"], json!(["alice|1|bob"]));
    let failed: Vec<u64> = created["failed_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["error_code"].as_u64().unwrap())
        .collect();
    assert_eq!(failed, [414, 414], "unknown, and not alice's");
    assert_eq!(
        get(&h, "alice|1|bob").await.data()["group_ids"],
        json!([gid])
    );

    let updated = group_call(
        &h,
        "PATCH",
        &format!("/{gid}"),
        Some(json!({
            "account_id": "alice", "name": "home",
            "conversations": {"type": 1, "conversation_ids": ["alice|1|carol"]},
        })),
    )
    .await
    .data();
    assert_eq!(updated["conversation_group"]["name"], "home");
    assert_eq!(
        updated["conversation_group"]["conversation_ids"],
        json!(["alice|1|bob", "alice|1|carol"])
    );
    let removed = group_call(
        &h,
        "PATCH",
        &format!("/{gid}"),
        Some(json!({
            "account_id": "alice",
            "conversations": {"type": 2, "conversation_ids": ["alice|1|bob"]},
        })),
    )
    .await
    .data();
    assert_eq!(removed["success_list"], json!(["alice|1|bob"]));
    assert_eq!(get(&h, "alice|1|bob").await.data()["group_ids"], json!([]));

    let one = group_call(&h, "GET", &format!("/{gid}?account_id=alice"), None)
        .await
        .data();
    assert_eq!(one["conversation_ids"], json!(["alice|1|carol"]));
    group_call(&h, "GET", &format!("/{gid}?account_id=bob"), None)
        .await
        .assert_v2_error(414, "not found");
    let batch = group_call(
        &h,
        "GET",
        &format!("/actions/group_ids?account_id=alice&group_ids={gid},999"),
        None,
    )
    .await
    .data();
    assert_eq!(batch["success_list"][0]["group_id"], gid);
    assert_eq!(batch["failed_list"][0]["group_id"], 999);
    assert_eq!(batch["failed_list"][0]["error_code"], 414);
    let all = group_call(&h, "GET", "?account_id=alice", None)
        .await
        .data();
    assert_eq!(all["conversation_groups"].as_array().unwrap().len(), 1);

    // Deleting the conversation takes it out of the group; deleting the group frees the rest.
    assert_eq!(
        h.v2("DELETE", "im/v2/conversations/alice|1|carol", None)
            .await
            .data(),
        json!({})
    );
    let one = group_call(&h, "GET", &format!("/{gid}?account_id=alice"), None)
        .await
        .data();
    assert_eq!(one["conversation_ids"], json!([]));
    let path = format!("/{gid}?account_id=alice");
    assert_eq!(
        group_call(&h, "DELETE", &path, None).await.data(),
        json!({})
    );
    group_call(&h, "DELETE", &path, None)
        .await
        .assert_v2_error(414, "not found");
    let all = group_call(&h, "GET", "?account_id=alice", None)
        .await
        .data();
    assert_eq!(all["conversation_groups"], json!([]));
}

#[tokio::test]
async fn a_conversation_is_in_at_most_five_groups() {
    let h = harness().await;
    v1_text(&h, "alice", "bob", "hi").await;
    for n in 0..5 {
        let body = json!({"account_id": "alice", "name": format!("g{n}"), "conversation_ids": ["alice|1|bob"]});
        let created = group_call(&h, "POST", "", Some(body)).await.data();
        assert_eq!(created["failed_list"], json!([]));
    }
    let body = json!({"account_id": "alice", "name": "g5", "conversation_ids": ["alice|1|bob"]});
    let sixth = group_call(&h, "POST", "", Some(body)).await.data();
    assert_eq!(sixth["success_list"], json!([]));
    assert_eq!(sixth["failed_list"][0]["error_code"], 419);
    assert_eq!(
        get(&h, "alice|1|bob").await.data()["group_ids"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    group_call(&h, "POST", "", Some(json!({"account_id": "alice"})))
        .await
        .assert_v2_error(414, "name");
    group_call(
        &h,
        "POST",
        "",
        Some(json!({"account_id": "nobody", "name": "x"})),
    )
    .await
    .assert_v2_error(102404, "nobody");
    let many: Vec<String> = (0..101).map(|i| format!("alice|2|{i}")).collect();
    group_call(
        &h,
        "POST",
        "",
        Some(json!({"account_id": "alice", "name": "x", "conversation_ids": many})),
    )
    .await
    .assert_v2_error(414, "at most 100");
}

#[tokio::test]
async fn messages_sent_not_to_count_or_not_to_update_leave_the_conversation_alone() {
    let h = harness().await;
    v2_text(&h, "alice|1|bob", "counted").await;
    let path = "im/v2/conversations/alice|1|bob/messages";
    let quiet = json!({"message": {"message_type": 0, "text": "quiet"},
        "message_config": {"unread_enabled": false}});
    h.v2("POST", path, Some(quiet)).await.data();
    let bob = get(&h, "bob|1|alice").await.data();
    assert_eq!(bob["unread_count"], 1, "the quiet one is not unread");
    assert_eq!(bob["last_message"]["text"], "quiet", "but it is the last");

    let hidden = json!({"message": {"message_type": 0, "text": "hidden"},
        "message_config": {"conversation_update_enabled": false}});
    h.v2("POST", path, Some(hidden)).await.data();
    let bob = get(&h, "bob|1|alice").await.data();
    assert_eq!(bob["last_message"]["text"], "quiet", "not moved by it");
    assert_eq!(bob["unread_count"], 2, "counted all the same");

    // v1: `option` `badge` and `sessionUpdate`, between carol and bob.
    let body = json!({ "msg": "v1 quiet" }).to_string();
    let option = json!({"badge": false, "sessionUpdate": false}).to_string();
    let params = [
        ("from", "carol"),
        ("ope", "0"),
        ("to", "bob"),
        ("type", "0"),
        ("body", body.as_str()),
        ("option", option.as_str()),
    ];
    assert_eq!(h.call("msg/sendMsg.action", &params).await.code(), 200);
    get(&h, "bob|1|carol")
        .await
        .assert_v2_error(414, "not found");
    v1_text(&h, "carol", "bob", "v1 loud").await;
    let bob = get(&h, "bob|1|carol").await.data();
    assert_eq!(
        (
            bob["unread_count"].as_u64(),
            bob["last_message"]["text"].as_str()
        ),
        (Some(1), Some("v1 loud"))
    );
}

#[tokio::test]
async fn clearing_the_history_keeps_the_conversation_without_a_last_message() {
    let h = harness().await;
    v2_text(&h, "alice|1|bob", "one").await;
    let path = "im/v2/conversations/bob|1|alice/messages?type=3";
    h.v2("DELETE", path, None).await.data();
    let bob = get(&h, "bob|1|alice").await.data();
    assert!(bob.get("last_message").is_none_or(Value::is_null), "{bob}");
    assert_eq!(bob["unread_count"], 0);
    assert_eq!(ids(&list(&h, "bob", "").await["items"]), ["bob|1|alice"]);
    // alice's side is untouched.
    assert_eq!(
        get(&h, "alice|1|bob").await.data()["last_message"]["text"],
        "one"
    );
}

/// A list page asked with `extra` is refused with 414 naming the page token.
async fn list_refuses(h: &Harness, extra: &str) {
    let path = format!("im/v2.1/conversations?account_id=alice{extra}");
    h.v2("GET", &path, None)
        .await
        .assert_v2_error(414, "page_token");
}

#[tokio::test]
async fn a_conversation_moving_up_between_two_pages_is_not_given_twice() {
    let h = harness().await;
    v2_text(&h, "alice|1|bob", "older").await;
    h.clock.advance(1);
    v2_text(&h, "alice|1|carol", "newer").await;
    let first = list(&h, "alice", "&limit=1").await;
    assert_eq!(ids(&first["items"]), ["alice|1|carol"]);
    let token = first["next_token"].as_str().unwrap().to_owned();
    // bob's conversation moves above the cut; carol's must not come again.
    h.clock.advance(1);
    v2_text(&h, "alice|1|bob", "newest").await;
    let second = list(&h, "alice", &format!("&limit=1&page_token={token}")).await;
    assert_eq!(ids(&second["items"]), Vec::<String>::new());
    assert_eq!(second["has_more"], false);
}
