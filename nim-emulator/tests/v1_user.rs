//! The v1 `user/*` actions beyond the five seed ones: profiles, mutes, push setting, online
//! status and special relations, with their parameter checks; and the empty-body rule.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Harness, form, set_header};
use nim_emulator::Session;
use reqwest::Method;

#[tokio::test]
async fn update_uinfo_then_get_uinfos() {
    let h = Harness::start().await;
    h.create("zs").await;
    let answer = h
        .call(
            "user/updateUinfo.action",
            &[
                ("accid", "ZS"),
                ("name", "张三"),
                ("icon", "http://i"),
                ("gender", "1"),
                ("ex", "{}"),
            ],
        )
        .await;
    assert_eq!(answer.json(), serde_json::json!({"code": 200}));
    // An empty value clears a field.
    h.call("user/updateUinfo.action", &[("accid", "zs"), ("icon", "")])
        .await;

    let answer = h
        .call("user/getUinfos.action", &[("accids", r#"["zs","ghost"]"#)])
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
    let uinfos = answer.json()["uinfos"].clone();
    assert_eq!(
        uinfos.as_array().unwrap().len(),
        1,
        "unknown accids are left out"
    );
    assert_eq!(uinfos[0]["accid"], "zs");
    assert_eq!(uinfos[0]["name"], "张三");
    assert_eq!(uinfos[0]["gender"], 1);
    assert_eq!(uinfos[0]["valid"], true);
    assert_eq!(uinfos[0]["mute"], false);
    assert!(uinfos[0].get("icon").is_none());
    assert!(uinfos[0].get("muteP2P").is_none());
}

#[tokio::test]
async fn profile_and_list_checks_name_the_parameter() {
    let h = Harness::start().await;
    h.create("zs").await;
    let icon = "图".repeat(342); // 1,026 bytes
    for (path, params, needle) in [
        (
            "user/updateUinfo.action",
            vec![("accid", "zs"), ("gender", "3")],
            "gender",
        ),
        (
            "user/updateUinfo.action",
            vec![("accid", "zs"), ("icon", icon.as_str())],
            "icon is too long",
        ),
        (
            "user/updateUinfo.action",
            vec![("accid", "zs"), ("bid", "[1]")],
            "bid",
        ),
        (
            "user/getUinfos.action",
            vec![("accids", "zs")],
            "accids must be a JSON array",
        ),
        (
            "user/getUinfos.action",
            vec![("accids", "[1,2]")],
            "accids must be a JSON array",
        ),
        ("user/getUinfos.action", vec![], "accids is missing"),
        (
            "user/getUinfos.action",
            vec![("accids", "[\"zs\"]"), ("muteStatus", "1")],
            "muteStatus",
        ),
        ("user/mute.action", vec![("accid", "zs")], "mute is missing"),
        (
            "user/muteModule.action",
            vec![("accid", "zs")],
            "at least one of",
        ),
        (
            "user/setDonnop.action",
            vec![("accid", "zs"), ("donnopOpen", "yes")],
            "donnopOpen",
        ),
        (
            "user/userOnlineStatus.action",
            vec![("accids", "{}")],
            "accids",
        ),
        (
            "user/setSpecialRelation.action",
            vec![
                ("accid", "zs"),
                ("targetAcc", "zs"),
                ("relationType", "3"),
                ("value", "1"),
            ],
            "relationType",
        ),
        (
            "user/setSpecialRelation.action",
            vec![("accid", "zs"), ("targetAcc", "zs"), ("relationType", "1")],
            "value is missing",
        ),
        (
            "user/setSpecialRelation.action",
            vec![
                ("accid", "zs"),
                ("targetAcc", "ghost"),
                ("relationType", "1"),
                ("value", "1"),
            ],
            "targetAcc ghost not register",
        ),
        (
            "user/listBlackAndMuteList.action",
            vec![("accid", "ghost")],
            "not register",
        ),
    ] {
        h.call(path, &params).await.assert_error(414, needle);
    }
    let ids: Vec<String> = (0..201).map(|i| format!("\"a{i}\"")).collect();
    let too_many = format!("[{}]", ids.join(","));
    let answer = h
        .call("user/getUinfos.action", &[("accids", &too_many)])
        .await;
    answer.assert_error(414, "at most 200");
}

#[tokio::test]
async fn mutes_show_in_get_uinfos_and_v2() {
    let h = Harness::start().await;
    h.create("m").await;
    assert_eq!(
        h.call("user/mute.action", &[("accid", "m"), ("mute", "true")])
            .await
            .code(),
        200
    );
    let answer = h
        .call(
            "user/muteModule.action",
            &[("accid", "m"), ("muteQChat", "true"), ("muteTeam", "false")],
        )
        .await;
    assert_eq!(
        answer.json(),
        serde_json::json!({"code": 200, "data": {"muteP2P": false, "muteTeam": false, "muteRoom": false, "muteQChat": true}})
    );
    let answer = h
        .call(
            "user/getUinfos.action",
            &[("accids", "[\"m\"]"), ("muteStatus", "true")],
        )
        .await;
    let info = &answer.json()["uinfos"][0];
    assert_eq!(info["mute"], true);
    assert_eq!(info["muteQChat"], true);
    assert_eq!(info["muteP2P"], false);
    let config = h.v2("GET", "im/v2/accounts/m", None).await.data()["configuration"].clone();
    assert_eq!(
        config["p2p_chat_banned"], true,
        "a global mute covers 1:1 chats"
    );
    assert_eq!(config["qchat_chat_banned"], true);
}

#[tokio::test]
async fn set_donnop_is_v2_push_config() {
    let h = Harness::start().await;
    h.create("d").await;
    let answer = h
        .call(
            "user/setDonnop.action",
            &[("accid", "d"), ("donnopOpen", "true")],
        )
        .await;
    assert_eq!(answer.code(), 200);
    let data = h.v2("GET", "im/v2/accounts/d", None).await.data();
    assert_eq!(
        data["configuration"]["push_enabled_when_desktop_online"],
        false
    );
}

#[tokio::test]
async fn user_online_status_reports_sessions() {
    let h = Harness::start().await;
    h.create("on").await;
    h.create("off").await;
    h.emu
        .set_sessions("on", vec![Session::new(2, "ios", 1_700_000_000_000)]);
    let answer = h
        .call(
            "user/userOnlineStatus.action",
            &[("accids", r#"["on","off","ghost"]"#)],
        )
        .await;
    assert_eq!(
        answer.json(),
        serde_json::json!({"code": 200, "data": {
            "invalidAccids": ["ghost"],
            "status": {"on": [{"clientType": 2, "loginTime": 1_700_000_000_000u64}]},
        }})
    );
}

async fn set(h: &Harness, target: &str, kind: &str, value: &str) -> u64 {
    h.call(
        "user/setSpecialRelation.action",
        &[
            ("accid", "me"),
            ("targetAcc", target),
            ("relationType", kind),
            ("value", value),
        ],
    )
    .await
    .code()
}

#[tokio::test]
async fn special_relations_add_remove_and_list() {
    let h = Harness::start().await;
    for accid in ["me", "x", "y"] {
        h.create(accid).await;
    }
    assert_eq!(set(&h, "y", "1", "1").await, 200);
    assert_eq!(set(&h, "X", "1", "1").await, 200);
    assert_eq!(set(&h, "x", "1", "1").await, 200, "adding twice is fine");
    assert_eq!(set(&h, "y", "2", "1").await, 200);
    assert_eq!(set(&h, "y", "1", "0").await, 200);
    let answer = h
        .call("user/listBlackAndMuteList.action", &[("accid", "me")])
        .await;
    assert_eq!(
        answer.json(),
        serde_json::json!({"code": 200, "mutelist": ["y"], "blacklist": ["x"]})
    );
}

#[tokio::test]
async fn an_empty_body_is_told_the_missing_parameter_not_the_content_type() {
    let h = Harness::start().await;
    let mut headers = h.headers();
    set_header(&mut headers, "Content-Type", None);
    let answer = h
        .send(Method::POST, "user/create.action", &headers, String::new())
        .await;
    answer.assert_error(414, "accid is missing");
    // With a body, the Content-Type still matters.
    let mut headers = h.headers();
    set_header(&mut headers, "Content-Type", Some("text/plain"));
    let answer = h
        .send(
            Method::POST,
            "user/create.action",
            &headers,
            form(&[("accid", "a")]),
        )
        .await;
    answer.assert_error(414, "Content-Type");
}
