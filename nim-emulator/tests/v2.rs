//! v2 accounts and users: the 12 operations, their answers and error paths, and the JSON /
//! Content-Type / path-parameter rules every v2 route shares.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Harness, set_header};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn create_account_answers_everything_and_a_duplicate_is_102405() {
    let h = Harness::start().await;
    let body = json!({
        "account_id": "Alice",
        "token": "pw",
        "configuration": {"p2p_chat_banned": true},
        "user_information": {"name": "爱丽丝", "gender": 2, "email": "a@b.cn", "extension": "{}"},
        "antispam_configuration": {"enabled": false, "business_id_map": [{"type": 1, "business_id": "x"}]},
        "accountId": "leaked camelCase copies are ignored",
    });
    let data = h.v2("POST", "im/v2/accounts", Some(body)).await.data();
    assert_eq!(data["account_id"], "alice");
    assert_eq!(data["token"], "pw");
    assert_eq!(data["configuration"]["enabled"], true);
    assert_eq!(data["configuration"]["p2p_chat_banned"], true);
    assert_eq!(
        data["configuration"]["push_enabled_when_desktop_online"],
        true
    );
    assert_eq!(data["user_information"]["name"], "爱丽丝");
    assert_eq!(data["user_information"]["gender"], 2);

    let again = json!({"account_id": "ALICE"});
    let answer = h.v2("POST", "im/v2/accounts", Some(again)).await;
    answer.assert_v2_error(102405, "already exists");
    let generated = h
        .v2("POST", "im/v2/accounts", Some(json!({"account_id": "bob"})))
        .await;
    assert_eq!(generated.data()["token"].as_str().unwrap().len(), 32);
}

#[tokio::test]
async fn bad_fields_are_414_naming_the_field() {
    let h = Harness::start().await;
    let cases = [
        (json!({}), "account_id is required"),
        (json!({"account_id": 5}), "account_id must be a string"),
        (
            json!({"account_id": "a b"}),
            "account_id contains an invalid character",
        ),
        (
            json!({"account_id": "x".repeat(33)}),
            "account_id is too long",
        ),
        (
            json!({"account_id": "a", "token": "t".repeat(129)}),
            "token is too long",
        ),
        (
            json!({"account_id": "a", "configuration": {"enabled": "yes"}}),
            "configuration.enabled must be true or false",
        ),
        (
            json!({"account_id": "a", "user_information": {"name": "n".repeat(65)}}),
            "user_information.name is too long",
        ),
        (
            json!({"account_id": "a", "user_information": {"gender": 3}}),
            "user_information.gender must be one of 0, 1, 2",
        ),
        (
            json!({"account_id": "a", "user_information": {"email": "nope"}}),
            "user_information.email is not an e-mail",
        ),
        (
            json!({"account_id": "a", "antispam_configuration": {"business_id_map": [{"type": 9}]}}),
            "antispam_configuration.business_id_map[0].type",
        ),
    ];
    for (body, needle) in cases {
        let answer = h.v2("POST", "im/v2/accounts", Some(body.clone())).await;
        answer.assert_v2_error(414, needle);
    }
    // email_validation_mode 2 skips the e-mail check.
    let body = json!({"account_id": "a", "user_information": {"email": "nope", "email_validation_mode": 2}});
    assert_eq!(h.v2("POST", "im/v2/accounts", Some(body)).await.code(), 200);
}

#[tokio::test]
async fn content_type_and_json_problems_are_414() {
    let h = Harness::start().await;
    let mut headers = h.headers(); // form Content-Type
    let wrong = h
        .send(
            Method::POST,
            "im/v2/accounts",
            &headers,
            r#"{"account_id":"a"}"#.into(),
        )
        .await;
    wrong.assert_v2_error(414, "Content-Type must be application/json");

    headers = h.headers();
    set_header(
        &mut headers,
        "Content-Type",
        Some("application/json; charset=utf-8"),
    );
    let malformed = h
        .send(
            Method::POST,
            "im/v2/accounts",
            &headers,
            "{\"account_id\":".into(),
        )
        .await;
    malformed.assert_v2_error(414, "not valid JSON");

    headers = h.headers();
    set_header(&mut headers, "Content-Type", Some("application/json"));
    let array = h
        .send(Method::POST, "im/v2/accounts", &headers, "[]".into())
        .await;
    array.assert_v2_error(414, "JSON object");

    // No body and no Content-Type (the Go SDK for refreshToken): accepted.
    h.create("nobody").await;
    let refreshed = h
        .v2("PATCH", "im/v2/accounts/nobody/actions/refresh_token", None)
        .await;
    assert_eq!(refreshed.data()["account_id"], "nobody");
    // An op that needs a field says which when the body is missing.
    let answer = h.v2("POST", "im/v2/accounts", None).await;
    answer.assert_v2_error(414, "account_id is required");
}

#[tokio::test]
async fn unknown_accounts_are_102404_and_wrong_methods_414() {
    let h = Harness::start().await;
    for (method, path, body) in [
        ("GET", "im/v2/accounts/ghost", None),
        ("PATCH", "im/v2/accounts/ghost", Some(json!({}))),
        (
            "PATCH",
            "im/v2/accounts/ghost/actions/disable",
            Some(json!({"enabled": false})),
        ),
        (
            "PATCH",
            "im/v2/accounts/ghost/actions/push_config",
            Some(json!({"push_enabled_when_desktop_online": false})),
        ),
        (
            "POST",
            "im/v2/accounts/ghost/actions/kick",
            Some(json!({"type": 1})),
        ),
        ("GET", "im/v2/users/ghost", None),
        ("PATCH", "im/v2/users/ghost", Some(json!({"name": "g"}))),
    ] {
        h.v2(method, path, body)
            .await
            .assert_v2_error(102404, "ghost");
    }
    let answer = h
        .v2("DELETE", "im/v2/accounts/ghost", Some(json!({})))
        .await;
    answer.assert_v2_error(414, "use PATCH or GET");
    // A required field.
    h.create("a").await;
    let answer = h
        .v2(
            "PATCH",
            "im/v2/accounts/a/actions/disable",
            Some(json!({"enabled": null})),
        )
        .await;
    answer.assert_v2_error(414, "enabled is required");
}

#[tokio::test]
async fn path_parameters_are_percent_decoded() {
    let h = Harness::start().await;
    h.create("a.b@c").await;
    let data = h.v2("GET", "im/v2/accounts/a.b%40c", None).await.data();
    assert_eq!(data["account_id"], "a.b@c");
    let data = h.v2("GET", "im/v2/accounts/A.B@C", None).await.data();
    assert_eq!(data["account_id"], "a.b@c");
    // An encoded '/' stays in its segment and is then refused as an accid character.
    let answer = h.v2("GET", "im/v2/accounts/a%2Fb", None).await;
    answer.assert_v2_error(414, "account_id contains an invalid character");
}

#[tokio::test]
async fn update_disable_push_config_and_details() {
    let h = Harness::start().await;
    h.create("zs").await;
    let body = json!({
        "token": "new", "configuration": {"team_chat_banned": true},
        "user_information": {"name": "张三"}, "need_kick": true, "kick_notify_extension": "bye",
    });
    let data = h.v2("PATCH", "im/v2/accounts/zs", Some(body)).await.data();
    assert_eq!(data["token"], "new");
    assert_eq!(data["configuration"]["team_chat_banned"], true);
    assert_eq!(h.emu.account("zs").unwrap().name.as_deref(), Some("张三"));

    let body = json!({"enabled": false, "need_kick": true});
    let data = h
        .v2("PATCH", "im/v2/accounts/zs/actions/disable", Some(body))
        .await
        .data();
    assert_eq!(data["enabled"], false);
    assert_eq!(data["configuration"]["enabled"], false);
    let body = json!({"push_enabled_when_desktop_online": false});
    let data = h
        .v2("PATCH", "im/v2/accounts/zs/actions/push_config", Some(body))
        .await
        .data();
    assert_eq!(data["push_enabled_when_desktop_online"], false);

    let details = h.v2("GET", "im/v2/accounts/zs", None).await.data();
    assert_eq!(details["token"], "new");
    assert_eq!(details["configuration"]["enabled"], false);
    assert_eq!(
        details["configuration"]["push_enabled_when_desktop_online"],
        false
    );
    let account = h.emu.account("zs").unwrap();
    assert!(account.blocked && account.kicked && account.donnop);
}

#[tokio::test]
async fn batch_queries_split_found_and_unknown() {
    let h = Harness::start().await;
    h.create("a").await;
    h.create("b").await;
    let data = h
        .v2("GET", "im/v2/accounts?account_ids=a,B,ghost", None)
        .await
        .data();
    assert_eq!(data["success_list"].as_array().unwrap().len(), 2);
    assert_eq!(data["success_list"][1]["account_id"], "b");
    assert_eq!(data["failed_list"][0]["account_id"], "ghost");
    assert_eq!(data["failed_list"][0]["error_code"], 102404);
    assert!(data["failed_list"][0]["error_msg"].is_string());

    let data = h
        .v2("GET", "im/v2/users?account_ids=a%2Cghost", None)
        .await
        .data();
    assert_eq!(data["success_list"][0]["account_id"], "a");
    assert_eq!(data["failed_list"][0]["error_code"], 102404);

    h.v2("GET", "im/v2/users", None)
        .await
        .assert_v2_error(414, "account_ids is required");
    let many = vec!["x"; 101].join(",");
    let answer = h
        .v2("GET", &format!("im/v2/accounts?account_ids={many}"), None)
        .await;
    answer.assert_v2_error(414, "at most 100");
}

#[tokio::test]
async fn users_profile_round_trip() {
    let h = Harness::start().await;
    h.create("u").await;
    let body = json!({"name": "N", "avatar": "http://a/b.png", "sign": "", "birthday": "2000-01-01", "mobile": "+1-5", "gender": 1, "extension": "x"});
    let data = h.v2("PATCH", "im/v2/users/u", Some(body)).await.data();
    assert_eq!(data["account_id"], "u");
    assert_eq!(data["avatar"], "http://a/b.png");
    let data = h.v2("GET", "im/v2/users/u", None).await.data();
    assert_eq!(data["name"], "N");
    assert_eq!(data["gender"], 1);
    assert_eq!(data["birthday"], "2000-01-01");
    assert!(data.get("sign").is_none(), "an empty value clears: {data}");
    let answer = h
        .v2("PATCH", "im/v2/users/u", Some(json!({"avatar": 1})))
        .await;
    answer.assert_v2_error(414, "avatar must be a string");
}

#[tokio::test]
async fn online_status_and_kick_follow_the_sessions() {
    use nim_emulator::Session;
    let h = Harness::start().await;
    h.create("on").await;
    h.create("off").await;
    h.emu.set_sessions(
        "on",
        vec![
            Session::new(1, "phone", 1),
            Session::new(4, "pc", 2),
            Session::new(16, "web", 3),
        ],
    );
    for path in [
        "im/v2/users/actions/online_status",
        "im/v2/users/actions/onlineStatus",
    ] {
        let body = json!({"account_ids": ["on", "off", "ghost"]});
        let data = h.v2("POST", path, Some(body)).await.data();
        assert_eq!(
            data["success_list"][0]["online_status"][1],
            json!({"client_type": 4, "login_time": 2})
        );
        assert_eq!(data["success_list"][1]["online_status"], json!([]));
        assert_eq!(data["failed_list"][0]["account_id"], "ghost");
    }
    let body = json!({"account_ids": "on"});
    let answer = h
        .v2("POST", "im/v2/users/actions/online_status", Some(body))
        .await;
    answer.assert_v2_error(414, "account_ids must be an array");

    let kick = |body| h.v2("POST", "im/v2/accounts/on/actions/kick", Some(body));
    kick(json!({"type": 2}))
        .await
        .assert_v2_error(414, "device_id_list");
    kick(json!({"type": 4}))
        .await
        .assert_v2_error(414, "type must be one of 1, 2, 3");
    let data = kick(json!({"type": 2, "device_id_list": ["pc", "tablet"]}))
        .await
        .data();
    assert_eq!(data["success_list"][0]["device_id"], "pc");
    assert_eq!(data["success_list"][0]["client_type"], 4);
    assert_eq!(data["failed_list"][0]["device_id"], "tablet");
    let data = kick(json!({"type": 3, "device_id_list": ["phone"]}))
        .await
        .data();
    assert_eq!(data["success_list"][0]["device_id"], "web");
    let left = h.emu.account("on").unwrap().sessions;
    assert_eq!(left, vec![Session::new(1, "phone", 1)]);
    let data = kick(json!({"type": 1})).await.data();
    assert_eq!(data["success_list"].as_array().unwrap().len(), 1);
    assert!(h.emu.account("on").unwrap().sessions.is_empty());
}

#[tokio::test]
async fn v2_answers_are_logged_with_the_trace_header() {
    let h = Harness::start().await;
    let mut headers = h.headers();
    set_header(&mut headers, "Content-Type", None);
    headers.push((
        "X-custom-traceid".into(),
        "0123456789abcdef0123456789abcdef".into(),
    ));
    let answer = h
        .send(
            Method::GET,
            "im/v2/accounts/ghost?x=1",
            &headers,
            String::new(),
        )
        .await;
    assert_eq!(answer.code(), 102404);
    let log = h.emu.requests();
    let last = log.last().unwrap();
    assert_eq!(last.path, "/nimserver/im/v2/accounts/ghost");
    assert_eq!(last.query.as_deref(), Some("x=1"));
    assert_eq!(
        last.trace_id.as_deref(),
        Some("0123456789abcdef0123456789abcdef")
    );
    assert_eq!(last.code, Some(102404));
}

#[tokio::test]
async fn the_state_clock_moves_without_breaking_signatures() {
    let h = Harness::start().await;
    let before = h.emu.state_now();
    h.emu.advance_clock(86_400);
    assert_eq!(h.emu.state_now(), before + 86_400);
    assert_eq!(
        h.emu.now_unix(),
        common::T0,
        "CurTime is still checked at T0"
    );
    // Signed at the CurTime clock's time: accepted.
    let data = h
        .v2(
            "POST",
            "im/v2/accounts",
            Some(json!({"account_id": "later"})),
        )
        .await
        .data();
    assert_eq!(data["account_id"], "later");
    assert_eq!(h.emu.account("later").unwrap().created_at, before + 86_400);
    // Admin routes answer through `handle` too, unsigned.
    let reply = h.emu.handle("POST", "/_emulator/reset", &[], b"");
    assert_eq!(reply.status, 200);
    assert_eq!(h.emu.state_now(), before);
    assert!(h.emu.account("later").is_none());
    assert!(h.emu.requests().is_empty());
}

#[tokio::test]
async fn hostile_paths_bodies_and_headers_get_answers_not_panics() {
    let h = Harness::start().await;
    let paths = [
        "/nimserver/im/v2/accounts/%",
        "/nimserver/im/v2/accounts/%FF%FE",
        "/nimserver/im/v2/accounts/%C3%/actions/kick",
        "/nimserver/im/v2/users?account_ids=,,,&account_ids=%ZZ",
        "/nimserver/im/v2/accounts?",
        "/nimserver//user/create.action",
        "/_emulator/state/accounts/%FF/online_status",
        "/_emulator/stubs?x",
        "/_emulator",
        "",
        "?",
    ];
    let bodies: [&[u8]; 6] = [
        b"",
        b"\xff\xfe\x00",
        b"{\"account_ids\":[null]}",
        b"{\"type\":1e400}",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        b"{\"sessions\":[{\"client_type\":-1}],\"kind\":\"delay\",\"delay_ms\":1e9}",
    ];
    for method in ["GET", "POST", "PATCH", "PUT", "DELETE", "weird"] {
        for path in paths {
            for body in bodies {
                let now = h.clock_now();
                let nonce = h.nonce();
                let sum = nim_core::checksum(common::SECRET, &nonce, now);
                let now = now.to_string();
                let headers = [
                    ("AppKey", common::KEY),
                    ("Nonce", nonce.as_str()),
                    ("CurTime", now.as_str()),
                    ("CheckSum", sum.as_str()),
                    ("Content-Type", "application/json;charset=\u{0}"),
                ];
                let reply = h.emu.handle(method, path, &headers, body);
                // Always a JSON answer (API or admin), never a panic.
                let json = serde_json::from_str::<serde_json::Value>(&reply.body);
                assert!(json.is_ok(), "{method} {path:?}: {reply:?}");
            }
        }
    }
}
