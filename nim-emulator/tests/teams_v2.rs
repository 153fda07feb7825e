//! The v2 `team` and `team_member` families over HTTP: every operation, its effect (checked
//! through a query operation or the inspection API) and its refusals with their codes.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Answer, Harness};
use nim_emulator::{Session, TeamRole};
use serde_json::{Value, json};

/// `alice` to `frank` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["alice", "bob", "carol", "dave", "erin", "frank"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

async fn create(h: &Harness, body: Value) -> Answer {
    h.v2("POST", "im/v2.1/teams", Some(body)).await
}

/// A team of `team_type` owned by `owner` with `members` in at once (agree mode 1).
async fn team(h: &Harness, team_type: u8, owner: &str, members: &[&str]) -> u64 {
    let data = create(
        h,
        json!({
            "owner_account_id": owner, "team_type": team_type, "name": "Ops",
            "invite_account_ids": members, "configuration": {"agree_mode": 1},
        }),
    )
    .await
    .data();
    assert_eq!(data["failed_list"], json!([]));
    data["team_info"]["team_id"].as_u64().unwrap()
}

async fn get(h: &Harness, tid: u64, team_type: u8) -> Answer {
    h.v2(
        "GET",
        &format!("im/v2.1/teams/{tid}?team_type={team_type}"),
        None,
    )
    .await
}

fn role(h: &Harness, tid: u64, accid: &str) -> Option<TeamRole> {
    h.emu.team(tid).unwrap().member(accid).map(|m| m.role)
}

fn accounts(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| {
            v.as_str()
                .or_else(|| v["account_id"].as_str())
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn codes(list: &Value) -> Vec<u64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| v["error_code"].as_u64().unwrap())
        .collect()
}

// ---- team ----

#[tokio::test]
async fn create_waits_for_consent_by_default_and_lists_failed_invitees() {
    let h = harness().await;
    h.emu.set_team_count_limit(1);
    team(&h, 1, "dave", &[]).await; // dave is now in as many teams as allowed
    let data = create(
        &h,
        json!({
            "owner_account_id": "Alice", "team_type": 1, "name": "Ops", "icon": "http://i",
            "announcement": "hi", "intro": "about", "server_extension": "{\"a\":1}",
            "customer_extension": "c", "invite_account_ids": ["bob", "Ghost", "dave"],
            "invite_msg": "join us", "extension": "{}",
            "configuration": {"join_mode": 1, "invite_mode": 1},
        }),
    )
    .await
    .data();
    let info = &data["team_info"];
    assert_eq!(info["team_type"], 1);
    assert_eq!(info["owner_account_id"], "alice");
    assert_eq!(info["name"], "Ops");
    assert_eq!(info["members_limit"], 200);
    assert_eq!(info["member_count"], 1);
    assert_eq!(info["server_extension"], "{\"a\":1}");
    assert_eq!(info["configuration"]["join_mode"], 1);
    assert_eq!(info["configuration"]["agree_mode"], 0);
    assert_eq!(info["configuration"]["invite_mode"], 1);
    assert_eq!(accounts(&data["failed_list"]), ["ghost", "dave"]);
    assert_eq!(codes(&data["failed_list"]), [102404, 108305]);
    let tid = info["team_id"].as_u64().unwrap();
    let record = h.emu.team(tid).unwrap();
    assert_eq!(record.pending_invitations, ["bob"]);
    assert!(record.member("bob").is_none());
    h.emu.answer_team_invitation(tid, "bob", true).unwrap();
    assert_eq!(role(&h, tid, "bob"), Some(TeamRole::Member));
}

#[tokio::test]
async fn create_with_agree_mode_1_joins_at_once_and_makes_super_teams() {
    let h = harness().await;
    let tid = team(&h, 2, "alice", &["bob", "carol"]).await;
    let info = get(&h, tid, 2).await.data()["team_info"].clone();
    assert_eq!(info["team_type"], 2);
    assert_eq!(info["member_count"], 3);
    // The documented default of both kinds (the legacy super team docs), as v1 makes it.
    assert_eq!(info["members_limit"], 200);
    assert_eq!(role(&h, tid, "carol"), Some(TeamRole::Member));
}

#[tokio::test]
async fn create_refusals() {
    let h = harness().await;
    let base = json!({"owner_account_id": "alice", "team_type": 1, "name": "Ops"});
    let with = |key: &str, value: Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    for (body, needle) in [
        (with("name", Value::Null), "name"),
        (with("name", json!("名".repeat(65))), "name"),
        (with("team_type", json!(3)), "team_type"),
        (with("members_limit", json!(1)), "members_limit"),
        (with("intro", json!("x".repeat(513))), "intro"),
        (with("invite_msg", json!("x".repeat(151))), "invite_msg"),
        (with("extension", json!("x".repeat(513))), "extension"),
        (
            with("configuration", json!({"join_mode": 3})),
            "configuration.join_mode",
        ),
        (with("owner_account_id", json!("a b")), "owner_account_id"),
    ] {
        create(&h, body).await.assert_v2_error(414, needle);
    }
    let ghost = with("owner_account_id", json!("ghost"));
    create(&h, ghost).await.assert_v2_error(102404, "ghost");
    let crowd: Vec<String> = (0..3).map(|i| format!("u{i}")).collect();
    for a in &crowd {
        h.emu.insert_account(a, Some("t"));
    }
    let full = json!({
        "owner_account_id": "alice", "team_type": 1, "name": "Ops", "members_limit": 3,
        "invite_account_ids": crowd, "configuration": {"agree_mode": 1},
    });
    create(&h, full).await.assert_v2_error(108419, "full");
    h.emu.set_team_count_limit(0);
    create(&h, base).await.assert_v2_error(108305, "alice");
}

#[tokio::test]
async fn update_changes_texts_modes_and_the_whole_team_mute() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol"]).await;
    let path = format!("im/v2.1/teams/{tid}");
    let body = json!({
        "operator_id": "alice", "team_type": 1, "name": "Ops 2", "announcement": "",
        "members_limit": 50, "customer_extension": "cx",
        "configuration": {"update_team_info_mode": 1, "chat_banned_mode": "3"},
        "antispam_configuration": {"enabled": true},
    });
    let info = h.v2("PATCH", &path, Some(body)).await.data()["team_info"].clone();
    assert_eq!(info["name"], "Ops 2");
    assert_eq!(info["members_limit"], 50);
    assert_eq!(info["customer_extension"], "cx");
    assert_eq!(info["configuration"]["update_team_info_mode"], 1);
    assert_eq!(info["configuration"]["chat_banned_mode"], 3);
    assert_eq!(h.emu.team(tid).unwrap().mute_type, 3);
    // Update mode 1: an ordinary member edits the texts, not the modes nor the extension.
    let by_bob = json!({"operator_id": "bob", "team_type": 1, "intro": "by bob"});
    let info = h.v2("PATCH", &path, Some(by_bob)).await.data()["team_info"].clone();
    assert_eq!(info["intro"], "by bob");
    let modes = json!({"operator_id": "bob", "team_type": 1, "configuration": {"join_mode": 2}});
    h.v2("PATCH", &path, Some(modes))
        .await
        .assert_v2_error(109432, "bob");
    let ext = json!({"operator_id": "bob", "team_type": 1, "server_extension": "x"});
    h.v2("PATCH", &path, Some(ext))
        .await
        .assert_v2_error(109432, "bob");
    // The old path serves it too.
    let old = json!({"operator_id": "alice", "team_type": 1, "icon": "http://x"});
    let info = h
        .v2("PATCH", &format!("im/v2/teams/{tid}"), Some(old))
        .await
        .data()["team_info"]
        .clone();
    assert_eq!(info["icon"], "http://x");
}

#[tokio::test]
async fn update_refusals() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol"]).await;
    let path = format!("im/v2.1/teams/{tid}");
    for (body, code, needle) in [
        (
            json!({"operator_id": "bob", "team_type": 1, "name": "x"}),
            109432,
            "bob",
        ),
        (
            json!({"operator_id": "alice", "team_type": 2, "name": "x"}),
            108302,
            "advanced",
        ),
        (
            json!({"operator_id": "erin", "team_type": 1, "name": "x"}),
            109404,
            "erin",
        ),
        (
            json!({"operator_id": "alice", "team_type": 1, "members_limit": 2}),
            414,
            "limit",
        ),
        (
            json!({"operator_id": "alice", "team_type": 1, "name": ""}),
            414,
            "name",
        ),
        (
            json!({"operator_id": "alice", "team_type": 1, "configuration": {"chat_banned_mode": 2}}),
            414,
            "chat_banned_mode",
        ),
        (
            json!({"operator_id": "a b", "team_type": 1, "name": "x"}),
            414,
            "operator_id",
        ),
    ] {
        h.v2("PATCH", &path, Some(body))
            .await
            .assert_v2_error(code, needle);
    }
    let none = json!({"operator_id": "alice", "team_type": 1, "name": "x"});
    h.v2("PATCH", "im/v2.1/teams/42", Some(none))
        .await
        .assert_v2_error(108404, "42");
}

#[tokio::test]
async fn disband_takes_query_parameters_or_a_body_and_is_the_owners() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob"]).await;
    h.v2(
        "DELETE",
        &format!("im/v2.1/teams/{tid}?operator_id=bob&team_type=1"),
        None,
    )
    .await
    .assert_v2_error(109427, "bob");
    h.v2(
        "DELETE",
        &format!("im/v2.1/teams/{tid}?operator_id=alice&team_type=2"),
        None,
    )
    .await
    .assert_v2_error(108302, "team type");
    let data = h
        .v2(
            "DELETE",
            &format!("im/v2.1/teams/{tid}?operator_id=alice&team_type=1&extension=bye"),
            None,
        )
        .await
        .data();
    assert_eq!(data, json!({}));
    assert!(h.emu.team(tid).is_none());
    get(&h, tid, 1)
        .await
        .assert_v2_error(108404, "does not exist");
    // The old Apifox form: a JSON body on /im/v2/.
    let tid = team(&h, 2, "alice", &[]).await;
    let body = json!({"operator_id": "alice", "team_type": 2});
    h.v2("DELETE", &format!("im/v2/teams/{tid}"), Some(body))
        .await
        .data();
    assert!(h.emu.team(tid).is_none());
}

#[tokio::test]
async fn get_and_batch_query_see_one_kind() {
    let h = harness().await;
    let a = team(&h, 1, "alice", &["bob"]).await;
    let b = team(&h, 1, "bob", &[]).await;
    let s = team(&h, 2, "alice", &[]).await;
    let info = get(&h, a, 1).await.data()["team_info"].clone();
    assert_eq!(
        (info["team_id"].as_u64(), info["member_count"].as_u64()),
        (Some(a), Some(2))
    );
    get(&h, s, 1).await.assert_v2_error(108302, "super team");
    get(&h, 9, 1).await.assert_v2_error(108404, "9");
    get(&h, a, 3).await.assert_v2_error(414, "team_type");
    h.v2("GET", "im/v2.1/teams/abc?team_type=1", None)
        .await
        .assert_v2_error(414, "team_id");
    // A JSON array (both SDKs), quoted ids, or comma-joined.
    for ids in [
        format!("%5B{a}%2C{b}%2C{s}%2C9%5D"),
        format!("[\"{a}\",\"{b}\",\"{s}\",\"9\"]"),
        format!("{a},{b},{s},9"),
    ] {
        let data = h
            .v2(
                "GET",
                &format!("im/v2.1/teams?team_type=1&team_ids={ids}"),
                None,
            )
            .await
            .data();
        let found: Vec<u64> = data["team_info_list"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["team_id"].as_u64().unwrap())
            .collect();
        assert_eq!(found, [a, b], "{ids}");
        assert_eq!(data["invalid_tids"], json!([s.to_string(), "9"]), "{ids}");
    }
    let many: Vec<String> = (1..=31).map(|i| i.to_string()).collect();
    let too_many = format!("im/v2.1/teams?team_type=1&team_ids={}", many.join(","));
    h.v2("GET", &too_many, None)
        .await
        .assert_v2_error(414, "at most 30");
    let super_many = format!("im/v2/teams?team_type=2&team_ids={}", many[..21].join(","));
    h.v2("GET", &super_many, None)
        .await
        .assert_v2_error(414, "at most 20");
    h.v2("GET", "im/v2.1/teams?team_type=1", None)
        .await
        .assert_v2_error(414, "team_ids");
}

#[tokio::test]
async fn transfer_owner_with_and_without_leaving() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol"]).await;
    let path = format!("im/v2/teams/{tid}/actions/transfer_owner");
    let stay =
        json!({"team_type": 1, "new_owner_account_id": "Bob", "leave": 2, "extension": "{}"});
    assert_eq!(h.v2("PATCH", &path, Some(stay)).await.data(), json!({}));
    assert_eq!(role(&h, tid, "bob"), Some(TeamRole::Owner));
    assert_eq!(role(&h, tid, "alice"), Some(TeamRole::Member));
    assert_eq!(
        get(&h, tid, 1).await.data()["team_info"]["owner_account_id"],
        "bob"
    );
    let leave = json!({"team_type": 1, "new_owner_account_id": "carol", "leave": 1});
    h.v2("PATCH", &path, Some(leave)).await.data();
    assert_eq!(role(&h, tid, "carol"), Some(TeamRole::Owner));
    assert_eq!(role(&h, tid, "bob"), None);
    for (body, code, needle) in [
        (
            json!({"team_type": 1, "new_owner_account_id": "carol", "leave": 2}),
            108310,
            "carol",
        ),
        (
            json!({"team_type": 1, "new_owner_account_id": "erin", "leave": 2}),
            109404,
            "erin",
        ),
        (
            json!({"team_type": 1, "new_owner_account_id": "alice", "leave": 3}),
            414,
            "leave",
        ),
        (
            json!({"team_type": 1, "new_owner_account_id": "alice"}),
            414,
            "leave",
        ),
        (
            json!({"team_type": 2, "new_owner_account_id": "alice", "leave": 2}),
            108302,
            "team",
        ),
        (
            json!({"team_type": 1, "operator_id": "alice", "new_owner_account_id": "alice", "leave": 2}),
            109427,
            "alice",
        ),
    ] {
        h.v2("PATCH", &path, Some(body))
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn managers_are_added_and_removed_by_the_owner_only() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol", "dave"]).await;
    let add = format!("im/v2/teams/{tid}/actions/add_manager");
    let remove = format!("im/v2/teams/{tid}/actions/remove_manager");
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": ["bob", "Carol"]});
    assert_eq!(h.v2("POST", &add, Some(body)).await.data(), json!({}));
    assert_eq!(role(&h, tid, "bob"), Some(TeamRole::Manager));
    assert_eq!(role(&h, tid, "carol"), Some(TeamRole::Manager));
    // A DELETE with a JSON body.
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": ["carol"]});
    h.v2("DELETE", &remove, Some(body)).await.data();
    assert_eq!(role(&h, tid, "carol"), Some(TeamRole::Member));
    for (path, body, code, needle) in [
        (
            &add,
            json!({"team_type": 1, "operator_id": "bob", "managers": ["dave"]}),
            109427,
            "bob",
        ),
        (
            &add,
            json!({"team_type": 1, "operator_id": "alice", "managers": ["alice"]}),
            108430,
            "owner",
        ),
        (
            &add,
            json!({"team_type": 1, "operator_id": "alice", "managers": ["erin"]}),
            109404,
            "erin",
        ),
        (
            &add,
            json!({"team_type": 1, "operator_id": "alice", "managers": []}),
            414,
            "managers",
        ),
        (
            &remove,
            json!({"team_type": 1, "operator_id": "bob", "managers": ["bob"]}),
            109427,
            "bob",
        ),
    ] {
        h.v2(
            if path == &add { "POST" } else { "DELETE" },
            path,
            Some(body),
        )
        .await
        .assert_v2_error(code, needle);
    }
    let eleven: Vec<String> = (0..11).map(|i| format!("m{i}")).collect();
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": eleven});
    h.v2("POST", &add, Some(body))
        .await
        .assert_v2_error(414, "at most 10");
}

#[tokio::test]
async fn an_advanced_team_has_at_most_ten_managers() {
    let h = harness().await;
    let crowd: Vec<String> = (0..11).map(|i| format!("m{i}")).collect();
    for a in &crowd {
        h.emu.insert_account(a, Some("t"));
    }
    let refs: Vec<&str> = crowd.iter().map(String::as_str).collect();
    let tid = team(&h, 1, "alice", &refs).await;
    let add = format!("im/v2.1/teams/{tid}/actions/add_manager");
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": crowd[..10]});
    h.v2("POST", &add, Some(body)).await.data();
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": [crowd[10]]});
    h.v2("POST", &add, Some(body))
        .await
        .assert_v2_error(108303, "10 managers");
}

#[tokio::test]
async fn list_members_pages_filters_and_takes_both_cursors() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &[]).await;
    // Join one by one, a second apart, so join times differ.
    for a in ["bob", "carol", "dave", "erin"] {
        h.clock.advance(1);
        let body = json!({"operator_id": "alice", "team_id": tid, "team_type": 1, "invite_account_ids": [a]});
        // agree mode 1 (the helper's): joined at once.
        h.v2("POST", "im/v2/team_members", Some(body)).await.data();
    }
    let base = format!("im/v2.1/teams/{tid}/actions/list_members?team_type=1");
    let first = h.v2("GET", &format!("{base}&limit=2"), None).await.data();
    assert_eq!(accounts(&first["items"]), ["alice", "bob"]);
    assert_eq!(first["items"][0]["member_role"], 1);
    assert_eq!(first["items"][1]["invitor_account_id"], "alice");
    assert_eq!(first["has_more"], true);
    let token = first["next_token"].as_str().unwrap().to_owned();
    let second = h
        .v2("GET", &format!("{base}&limit=2&page_token={token}"), None)
        .await
        .data();
    assert_eq!(accounts(&second["items"]), ["carol", "dave"]);
    // The Go SDK's cursor name, and its offset.
    let go = h
        .v2("GET", &format!("{base}&limit=2&next_token={token}"), None)
        .await
        .data();
    assert_eq!(accounts(&go["items"]), ["carol", "dave"]);
    let offset = h.v2("GET", &format!("{base}&offset=4"), None).await.data();
    assert_eq!(accounts(&offset["items"]), ["erin"]);
    assert_eq!(
        (offset["has_more"].clone(), offset["next_token"].clone()),
        (json!(false), json!(""))
    );
    let newest = h
        .v2("GET", &format!("{base}&descending=true&limit=1"), None)
        .await
        .data();
    assert_eq!(accounts(&newest["items"]), ["erin"]);
    // Filters: managers and the owner; muted members.
    let add = format!("im/v2/teams/{tid}/actions/add_manager");
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": ["dave"]});
    h.v2("POST", &add, Some(body)).await.data();
    let mute = json!({"operator_id": "alice", "team_id": tid, "team_type": 1, "chat_ban_account_ids": ["bob"], "chat_banned": true});
    h.v2("PATCH", "im/v2/team_members/actions/batch_mute", Some(mute))
        .await
        .data();
    let managers = h
        .v2("GET", &format!("{base}&member_type=1"), None)
        .await
        .data();
    assert_eq!(accounts(&managers["items"]), ["alice", "dave"]);
    let normal = h
        .v2(
            "GET",
            &format!("{base}&member_type=2&chat_banned_type=2"),
            None,
        )
        .await
        .data();
    assert_eq!(accounts(&normal["items"]), ["carol", "erin"]);
    let muted = h
        .v2("GET", &format!("{base}&chat_banned_type=1"), None)
        .await
        .data();
    assert_eq!(accounts(&muted["items"]), ["bob"]);
    assert_eq!(muted["items"][0]["chat_banned"], true);
    // Refusals.
    let other = format!("im/v2.1/teams/{}/actions/list_members?team_type=1", tid + 1);
    h.v2("GET", &other, None)
        .await
        .assert_v2_error(108404, "does not exist");
    for (query, needle) in [
        ("&page_token=bogus", "page token"),
        ("&limit=101", "limit"),
        ("&member_type=3", "member_type"),
        ("&descending=yes", "descending"),
    ] {
        h.v2("GET", &format!("{base}{query}"), None)
            .await
            .assert_v2_error(414, needle);
    }
}

#[tokio::test]
async fn online_members_and_counts_read_the_sessions() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol"]).await;
    let other = team(&h, 1, "dave", &[]).await;
    let super_team = team(&h, 2, "alice", &[]).await;
    assert!(
        h.emu
            .set_sessions("bob", vec![Session::new(1, "phone", 1_700_000_000_000)])
    );
    let path = format!("im/v2/teams/{tid}/actions/list_online_members?team_type=1");
    let items = h.v2("GET", &path, None).await.data()["items"].clone();
    assert_eq!(
        items,
        json!([{"account_id": "bob", "online_status": [{"login_time": 1_700_000_000_000u64, "client_type": 1}]}])
    );
    // The Go SDK sends no team_type.
    let go = format!("im/v2/teams/{tid}/actions/list_online_members");
    assert_eq!(h.v2("GET", &go, None).await.data()["items"], items);
    let on_super = format!("im/v2/teams/{super_team}/actions/list_online_members?team_type=2");
    h.v2("GET", &on_super, None)
        .await
        .assert_v2_error(414, "team_type");
    let count = format!(
        "im/v2/teams/actions/online_members_count?team_type=1&team_ids={tid},{other},{super_team},9"
    );
    let data = h.v2("GET", &count, None).await.data();
    assert_eq!(
        data["success_list"],
        json!([
            {"team_id": tid, "online_count": 1, "offline_count": 2},
            {"team_id": other, "online_count": 0, "offline_count": 1},
        ])
    );
    let failed: Vec<(u64, u64)> = data["failed_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["team_id"].as_u64().unwrap(),
                f["error_code"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(failed, [(super_team, 108302), (9, 108404)]);
    h.v2(
        "GET",
        "im/v2/teams/actions/online_members_count?team_type=2&team_ids=1",
        None,
    )
    .await
    .assert_v2_error(414, "team_type");
    h.v2(
        "GET",
        "im/v2/teams/actions/online_members_count?team_type=1",
        None,
    )
    .await
    .assert_v2_error(414, "team_ids");
}

// ---- team_member ----

#[tokio::test]
async fn invite_follows_the_teams_agree_and_invite_modes() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob"]).await;
    let invite = |operator: &str, who: Value| json!({"operator_id": operator, "team_id": tid, "team_type": 1, "invite_account_ids": who, "msg": "hi"});
    // agree_mode 1 (set at create): joined at once.
    let data = h
        .v2(
            "POST",
            "im/v2/team_members",
            Some(invite("alice", json!(["carol", "ghost"]))),
        )
        .await
        .data();
    assert_eq!(accounts(&data["success_list"]), ["carol"]);
    assert_eq!(accounts(&data["failed_list"]), ["ghost"]);
    assert_eq!(codes(&data["failed_list"]), [102404]);
    assert_eq!(role(&h, tid, "carol"), Some(TeamRole::Member));
    // An ordinary member may not invite under invite_mode 0.
    h.v2(
        "POST",
        "im/v2/team_members",
        Some(invite("bob", json!(["dave"]))),
    )
    .await
    .assert_v2_error(109306, "bob");
    h.v2(
        "POST",
        "im/v2/team_members",
        Some(invite("alice", json!(["bob"]))),
    )
    .await
    .assert_v2_error(109311, "bob");
    h.v2(
        "POST",
        "im/v2/team_members",
        Some(invite("erin", json!(["dave"]))),
    )
    .await
    .assert_v2_error(109404, "erin");
    h.v2(
        "POST",
        "im/v2/team_members",
        Some(invite("alice", json!([]))),
    )
    .await
    .assert_v2_error(414, "invite_account_ids");
    // agree_mode 0 and invite_mode 1: a member invites, the invitee must accept.
    let modes = json!({"operator_id": "alice", "team_type": 1, "configuration": {"agree_mode": 0, "invite_mode": 1}});
    h.v2("PATCH", &format!("im/v2.1/teams/{tid}"), Some(modes))
        .await
        .data();
    let data = h
        .v2(
            "POST",
            "im/v2/team_members",
            Some(invite("bob", json!(["dave"]))),
        )
        .await
        .data();
    assert_eq!(accounts(&data["success_list"]), ["dave"]);
    assert_eq!(h.emu.team(tid).unwrap().pending_invitations, ["dave"]);
    assert_eq!(role(&h, tid, "dave"), None);
    // A full team.
    let limit = json!({"operator_id": "alice", "team_type": 1, "members_limit": 3, "configuration": {"agree_mode": 1}});
    h.v2("PATCH", &format!("im/v2.1/teams/{tid}"), Some(limit))
        .await
        .data();
    h.v2(
        "POST",
        "im/v2/team_members",
        Some(invite("alice", json!(["erin"]))),
    )
    .await
    .assert_v2_error(108419, "full");
}

#[tokio::test]
async fn kick_takes_query_parameters_and_lists_non_members_as_failed() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol", "dave", "erin"]).await;
    let add = format!("im/v2/teams/{tid}/actions/add_manager");
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": ["bob", "carol"]});
    h.v2("POST", &add, Some(body)).await.data();
    let kick = |operator: &str, who: &str| {
        format!(
            "im/v2/team_members/actions/kick_member?operator_id={operator}&team_id={tid}&team_type=1&kick_account_ids={who}"
        )
    };
    let data = h
        .v2("DELETE", &kick("bob", "Dave,frank"), None)
        .await
        .data();
    assert_eq!(accounts(&data["success_list"]), ["dave"]);
    assert_eq!(accounts(&data["failed_list"]), ["frank"]);
    assert_eq!(codes(&data["failed_list"]), [109404]);
    assert_eq!(role(&h, tid, "dave"), None);
    for (operator, who, code, needle) in [
        ("bob", "alice", 109308, "owner"),
        ("bob", "carol", 109305, "manager"),
        ("alice", "alice", 109310, "itself"),
        ("erin", "bob", 109432, "erin"),
    ] {
        h.v2("DELETE", &kick(operator, who), None)
            .await
            .assert_v2_error(code, needle);
    }
    h.v2("DELETE", &kick("alice", "a,b,c,d,e,f,g,h,i,j,k"), None)
        .await
        .assert_v2_error(414, "at most 10");
    // A body also works (the reader takes the query first, then the body).
    let body = json!({"operator_id": "alice", "team_id": tid, "team_type": 1, "kick_account_ids": ["erin"]});
    h.v2(
        "DELETE",
        "im/v2.1/team_members/actions/kick_member",
        Some(body),
    )
    .await
    .data();
    assert_eq!(role(&h, tid, "erin"), None);
}

#[tokio::test]
async fn leave_is_for_members_but_not_the_owner() {
    let h = harness().await;
    let tid = team(&h, 2, "alice", &["bob"]).await;
    let leave = |who: &str, team_type: u8| {
        format!(
            "im/v2/team_members/actions/leave?account_id={who}&team_id={tid}&team_type={team_type}"
        )
    };
    h.v2("DELETE", &leave("alice", 2), None)
        .await
        .assert_v2_error(109307, "transfer");
    h.v2("DELETE", &leave("bob", 1), None)
        .await
        .assert_v2_error(108302, "super team");
    assert_eq!(
        h.v2("DELETE", &leave("bob", 2), None).await.data(),
        json!({})
    );
    assert_eq!(role(&h, tid, "bob"), None);
    h.v2("DELETE", &leave("bob", 2), None)
        .await
        .assert_v2_error(109404, "bob");
}

#[tokio::test]
async fn update_member_answers_the_member_flat_and_in_member_info() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol", "dave"]).await;
    let add = format!("im/v2/teams/{tid}/actions/add_manager");
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": ["bob", "carol"]});
    h.v2("POST", &add, Some(body)).await.data();
    let by = |operator: &str, extra: Value| {
        let mut body = json!({"operator_id": operator, "team_id": tid, "team_type": 1});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        body
    };
    // A member edits itself.
    let body = by(
        "dave",
        json!({"team_nick": "D", "server_extension": "{}", "message_notify_state": 2}),
    );
    let data = h
        .v2("PATCH", "im/v2.1/team_members/Dave", Some(body))
        .await
        .data();
    assert_eq!(data["account_id"], "dave");
    assert_eq!(data["team_nick"], "D");
    assert_eq!(data["message_notify_state"], 2);
    assert_eq!(data["member_role"], 0);
    assert_eq!(data["member_info"]["team_nick"], "D");
    let record = h.emu.team(tid).unwrap();
    let dave = record.member("dave").unwrap();
    assert_eq!(
        (dave.nick.as_deref(), dave.ext.as_deref()),
        (Some("D"), Some("{}"))
    );
    // A manager mutes an ordinary member through the update.
    let body = by("bob", json!({"chat_banned": true}));
    let data = h
        .v2("PATCH", "im/v2/team_members/dave", Some(body))
        .await
        .data();
    assert_eq!(data["chat_banned"], true);
    for (operator, target, extra, code, needle) in [
        ("dave", "bob", json!({"team_nick": "x"}), 109432, "dave"),
        ("bob", "alice", json!({"team_nick": "x"}), 109314, "bob"),
        ("bob", "carol", json!({"team_nick": "x"}), 109305, "bob"),
        (
            "alice",
            "alice",
            json!({"chat_banned": true}),
            109304,
            "owner",
        ),
        ("alice", "erin", json!({"team_nick": "x"}), 109404, "erin"),
        (
            "alice",
            "dave",
            json!({"message_notify_state": 3}),
            414,
            "message_notify_state",
        ),
        (
            "alice",
            "dave",
            json!({"extension": "x".repeat(513)}),
            414,
            "extension",
        ),
    ] {
        let path = format!("im/v2.1/team_members/{target}");
        h.v2("PATCH", &path, Some(by(operator, extra)))
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn batch_mute_mutes_and_unmutes_and_refuses_the_owner_and_oneself() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol"]).await;
    let mute = |operator: &str, who: Value, banned: Value| json!({"operator_id": operator, "team_id": tid, "team_type": 1, "chat_ban_account_ids": who, "chat_banned": banned});
    let path = "im/v2/team_members/actions/batch_mute";
    let data = h
        .v2(
            "PATCH",
            path,
            Some(mute("alice", json!(["bob", "Carol", "erin"]), json!(true))),
        )
        .await
        .data();
    assert_eq!(accounts(&data["success_list"]), ["bob", "carol"]);
    assert_eq!(codes(&data["failed_list"]), [109404]);
    assert!(h.emu.team(tid).unwrap().member("carol").unwrap().muted);
    h.v2(
        "PATCH",
        path,
        Some(mute("alice", json!(["carol"]), json!(false))),
    )
    .await
    .data();
    assert!(!h.emu.team(tid).unwrap().member("carol").unwrap().muted);
    for (operator, who, banned, code, needle) in [
        ("alice", json!(["alice"]), json!(true), 109304, "owner"),
        ("bob", json!(["carol"]), json!(true), 109432, "bob"),
        ("alice", json!(["bob"]), Value::Null, 414, "chat_banned"),
        ("alice", json!([]), json!(true), 414, "chat_ban_account_ids"),
    ] {
        h.v2("PATCH", path, Some(mute(operator, who, banned)))
            .await
            .assert_v2_error(code, needle);
    }
    let add = format!("im/v2/teams/{tid}/actions/add_manager");
    let body = json!({"team_type": 1, "operator_id": "alice", "managers": ["bob"]});
    h.v2("POST", &add, Some(body)).await.data();
    h.v2(
        "PATCH",
        path,
        Some(mute("bob", json!(["bob"]), json!(true))),
    )
    .await
    .assert_v2_error(109303, "itself");
}

#[tokio::test]
async fn joined_teams_pages_one_kind_with_member_info_on_request() {
    let h = harness().await;
    let a = team(&h, 1, "alice", &["bob"]).await;
    let b = team(&h, 1, "carol", &["bob"]).await;
    let c = team(&h, 1, "bob", &[]).await;
    team(&h, 2, "alice", &["bob"]).await;
    let base = "im/v2.1/team_members/Bob/actions/joined_teams?team_type=1";
    let first = h.v2("GET", &format!("{base}&limit=2"), None).await.data();
    let ids = |page: &Value| -> Vec<u64> {
        page["team_info_list"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["team_id"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(ids(&first), [a, b]);
    assert_eq!(first["has_more"], true);
    assert!(first["team_info_list"][0].get("member_info").is_none());
    let token = first["next_token"].as_str().unwrap();
    let rest = h
        .v2(
            "GET",
            &format!("{base}&limit=2&page_token={token}&need_return_member_info=1"),
            None,
        )
        .await
        .data();
    assert_eq!(ids(&rest), [c]);
    assert_eq!(rest["has_more"], false);
    assert_eq!(rest["team_info_list"][0]["member_info"]["member_role"], 1);
    let supers = h
        .v2(
            "GET",
            "im/v2/team_members/bob/actions/joined_teams?team_type=2",
            None,
        )
        .await
        .data();
    assert_eq!(supers["team_info_list"].as_array().unwrap().len(), 1);
    h.v2(
        "GET",
        "im/v2.1/team_members/ghost/actions/joined_teams?team_type=1",
        None,
    )
    .await
    .assert_v2_error(102404, "ghost");
    let other = "im/v2.1/team_members/alice/actions/joined_teams?team_type=1";
    h.v2("GET", &format!("{other}&page_token={token}"), None)
        .await
        .assert_v2_error(414, "page token");
    h.v2("GET", "im/v2.1/team_members/bob/actions/joined_teams", None)
        .await
        .assert_v2_error(414, "team_type");
}

#[tokio::test]
async fn v1_and_v2_see_one_team() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob"]).await;
    let record = h.emu.team(tid).unwrap();
    assert_eq!(record.name.as_deref(), Some("Ops"));
    assert_eq!(record.owner, "alice");
    assert_eq!(h.emu.teams_of("BOB").len(), 1);
}

/// A text message from `sender` to team `tid` of conversation type `kind` (2 or 3).
async fn say(h: &Harness, sender: &str, kind: u8, tid: u64) -> Answer {
    h.v2(
        "POST",
        &format!("im/v2/conversations/{sender}|{kind}|{tid}/messages"),
        Some(json!({"message": {"message_type": 0, "text": "hi"}})),
    )
    .await
}

#[tokio::test]
async fn mutes_set_here_decide_who_may_send_team_messages() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob", "carol"]).await;
    say(&h, "bob", 2, tid).await.data();
    let mute = json!({"operator_id": "alice", "team_id": tid, "team_type": 1, "chat_ban_account_ids": ["bob"], "chat_banned": true});
    h.v2("PATCH", "im/v2/team_members/actions/batch_mute", Some(mute))
        .await
        .data();
    say(&h, "bob", 2, tid).await.assert_v2_error(109424, "bob");
    let whole = |mode: u8| json!({"operator_id": "alice", "team_type": 1, "configuration": {"chat_banned_mode": mode}});
    let path = format!("im/v2.1/teams/{tid}");
    h.v2("PATCH", &path, Some(whole(1))).await.data();
    say(&h, "carol", 2, tid)
        .await
        .assert_v2_error(108306, "carol");
    say(&h, "alice", 2, tid).await.data();
    h.v2("PATCH", &path, Some(whole(3))).await.data();
    say(&h, "alice", 2, tid)
        .await
        .assert_v2_error(108423, "alice");
    // A super team made here takes super team messages (conversation type 3).
    let super_team = team(&h, 2, "alice", &["bob"]).await;
    say(&h, "bob", 3, super_team).await.data();
    say(&h, "erin", 3, super_team)
        .await
        .assert_v2_error(109404, "erin");
}

#[tokio::test]
async fn message_notify_state_reads_as_the_java_sdk_documents_it() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob"]).await;
    let base = format!("im/v2.1/teams/{tid}/actions/list_members?team_type=1");
    let items = h.v2("GET", &base, None).await.data()["items"].clone();
    // A new member is notified of every message (1).
    assert_eq!(items[1]["message_notify_state"], 1);
    for state in [0, 2, 1] {
        let body = json!({"operator_id": "bob", "team_id": tid, "team_type": 1, "message_notify_state": state});
        let data = h
            .v2("PATCH", "im/v2.1/team_members/bob", Some(body))
            .await
            .data();
        assert_eq!(data["message_notify_state"], state);
    }
}

#[tokio::test]
async fn without_an_operator_the_owner_acts() {
    let h = harness().await;
    let tid = team(&h, 1, "alice", &["bob"]).await;
    // The Java SDK's Javadoc calls operator_id optional for these.
    let path = format!("im/v2.1/teams/{tid}");
    let info = h
        .v2(
            "PATCH",
            &path,
            Some(json!({"team_type": 1, "name": "Mine"})),
        )
        .await
        .data()["team_info"]
        .clone();
    assert_eq!(info["name"], "Mine");
    let add = format!("im/v2/teams/{tid}/actions/add_manager");
    let body = json!({"team_type": 1, "managers": ["bob"]});
    h.v2("POST", &add, Some(body)).await.data();
    assert_eq!(role(&h, tid, "bob"), Some(TeamRole::Manager));
    h.v2("DELETE", &format!("{path}?team_type=1"), None)
        .await
        .data();
    assert!(h.emu.team(tid).is_none());
}

#[tokio::test]
async fn the_admin_routes_show_teams_and_answer_invitations() {
    let h = harness().await;
    let root = format!("http://{}/_emulator/state", h.emu.local_addr());
    let data = create(
        &h,
        json!({
            "owner_account_id": "alice", "team_type": 1, "name": "Ops",
            "invite_account_ids": ["bob", "carol"],
        }),
    )
    .await
    .data();
    let tid = data["team_info"]["team_id"].as_u64().unwrap();
    let get_json = |url: String| {
        let http = h.http.clone();
        async move {
            let answer = http.get(url).send().await.unwrap();
            (
                answer.status().as_u16(),
                serde_json::from_str::<Value>(&answer.text().await.unwrap()).unwrap(),
            )
        }
    };

    let (status, view) = get_json(format!("{root}/teams?tid={tid}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        (view["kind"].as_str(), view["owner"].as_str()),
        (Some("advanced"), Some("alice"))
    );
    assert_eq!(view["pending_invitations"], json!(["bob", "carol"]));
    assert_eq!(view["members"][0]["role"], "owner");

    // bob accepts and carol declines, as their clients would; a second answer is refused.
    let answer = |accid: &str, accept: bool| {
        h.http
            .post(format!("{root}/team_invitations"))
            .body(json!({ "tid": tid, "accid": accid, "accept": accept }).to_string())
            .send()
    };
    assert_eq!(answer("Bob", true).await.unwrap().status(), 200);
    assert_eq!(answer("carol", false).await.unwrap().status(), 200);
    assert_ne!(answer("carol", true).await.unwrap().status(), 200);
    assert_eq!(role(&h, tid, "bob"), Some(TeamRole::Member));
    let (_, bobs) = get_json(format!("{root}/teams?accid=BOB")).await;
    assert_eq!(bobs["teams"][0]["tid"], tid);
    let (_, carols) = get_json(format!("{root}/teams?accid=carol")).await;
    assert_eq!(carols["teams"], json!([]));
    let (status, _) = get_json(format!("{root}/teams?tid=1")).await;
    assert_ne!(status, 200);

    // The team-count cap: dave, in one team already, cannot join a second.
    let limit = h
        .http
        .put(format!("{root}/team_count_limit"))
        .body(json!({ "limit": 1 }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(limit.status(), 200);
    team(&h, 1, "erin", &["dave"]).await;
    let data = create(
        &h,
        json!({
            "owner_account_id": "frank", "team_type": 1, "name": "Two",
            "invite_account_ids": ["dave"], "configuration": {"agree_mode": 1},
        }),
    )
    .await
    .data();
    assert_eq!(data["failed_list"][0]["error_code"], 108305);
}
