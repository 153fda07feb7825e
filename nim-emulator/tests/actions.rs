//! The five account actions, success and failure paths, over HTTP, with state checked through
//! the inspection API.
#![allow(clippy::unwrap_used)]

mod common;

use common::Harness;
use nim_core::desc;

const CREATE: &str = "user/create.action";
const UPDATE: &str = "user/update.action";
const REFRESH: &str = "user/refreshToken.action";
const BLOCK: &str = "user/block.action";
const UNBLOCK: &str = "user/unblock.action";
const ALL: [&str; 5] = [CREATE, UPDATE, REFRESH, BLOCK, UNBLOCK];

fn is_generated_token(token: &str) -> bool {
    token.len() == 32
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[tokio::test]
async fn create_generates_a_token_when_none_is_given() {
    let h = Harness::start().await;
    let answer = h.call(CREATE, &[("accid", "zhangsan")]).await;
    let json = answer.json();
    assert_eq!(json["code"], 200);
    let info = json["info"].as_object().unwrap();
    assert_eq!(info["accid"], "zhangsan");
    assert!(!info.contains_key("name"), "name only when given: {info:?}");
    let token = info["token"].as_str().unwrap();
    assert!(is_generated_token(token), "{token}");

    let account = h.emu.account("zhangsan").unwrap();
    assert_eq!(account.token, token);
    assert!(!account.blocked);

    // Generated tokens differ.
    let other = h.create("lisi").await;
    assert_ne!(other, token);
    assert!(is_generated_token(&other));
}

#[tokio::test]
async fn create_stores_every_field_and_answers_the_name() {
    let h = Harness::start().await;
    let answer = h
        .call(
            CREATE,
            &[
                ("accid", "wangwu"),
                ("name", "王五"),
                ("props", "{\"a\":1}"),
                ("icon", "https://example.com/a.png"),
                ("token", "my-own-token"),
                ("sign", "hello"),
                ("email", "w@example.com"),
                ("birth", "1990-01-01"),
                ("mobile", "+86-13800000000"),
                ("gender", "2"),
                ("ex", "{\"vip\":true}"),
                ("unknownParam", "ignored"),
            ],
        )
        .await;
    let json = answer.json();
    assert_eq!(json["code"], 200, "{}", answer.body);
    assert_eq!(
        json["info"],
        serde_json::json!({"token": "my-own-token", "accid": "wangwu", "name": "王五"})
    );
    let a = h.emu.account("wangwu").unwrap();
    assert_eq!(a.name.as_deref(), Some("王五"));
    assert_eq!(a.props.as_deref(), Some("{\"a\":1}"));
    assert_eq!(a.icon.as_deref(), Some("https://example.com/a.png"));
    assert_eq!(a.token, "my-own-token");
    assert_eq!(a.sign.as_deref(), Some("hello"));
    assert_eq!(a.email.as_deref(), Some("w@example.com"));
    assert_eq!(a.birth.as_deref(), Some("1990-01-01"));
    assert_eq!(a.mobile.as_deref(), Some("+86-13800000000"));
    assert_eq!(a.gender, Some(2));
    assert_eq!(a.ex.as_deref(), Some("{\"vip\":true}"));
}

#[tokio::test]
async fn create_lowercases_the_accid_and_lookups_ignore_case() {
    let h = Harness::start().await;
    let answer = h.call(CREATE, &[("accid", "ZhangSan.01@X_y-Z")]).await;
    assert_eq!(answer.json()["info"]["accid"], "zhangsan.01@x_y-z");
    assert!(h.emu.account("zhangsan.01@x_y-z").is_some());
    assert!(h.emu.account("ZHANGSAN.01@X_Y-Z").is_some());
    assert_eq!(h.emu.accounts().len(), 1);

    // Other actions find it whatever the case.
    assert_eq!(
        h.call(BLOCK, &[("accid", "ZHANGSAN.01@x_y-z")])
            .await
            .code(),
        200
    );
    assert!(h.emu.account("zhangsan.01@x_y-z").unwrap().blocked);
}

#[tokio::test]
async fn a_duplicate_create_is_already_register() {
    let h = Harness::start().await;
    let token = h.create("zhangsan").await;
    for accid in ["zhangsan", "ZhangSan"] {
        let answer = h
            .call(CREATE, &[("accid", accid), ("token", "another")])
            .await;
        answer.assert_error(414, desc::ALREADY_REGISTER);
        assert!(answer.as_error().is_already_registered());
    }
    // The first account is untouched.
    assert_eq!(h.emu.account("zhangsan").unwrap().token, token);
}

#[tokio::test]
async fn a_64_character_chinese_name_is_accepted_and_65_is_not() {
    let h = Harness::start().await;
    let name = "网".repeat(64); // 192 bytes
    let answer = h.call(CREATE, &[("accid", "cn"), ("name", &name)]).await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
    assert_eq!(answer.json()["info"]["name"], name.as_str());
    assert_eq!(h.emu.account("cn").unwrap().name, Some(name.clone()));

    let long = format!("{name}网");
    let answer = h.call(CREATE, &[("accid", "cn2"), ("name", &long)]).await;
    answer.assert_error(414, "name");
    assert!(h.emu.account("cn2").is_none());
}

#[tokio::test]
async fn every_length_limit_counts_characters() {
    let h = Harness::start().await;
    let limits = [
        ("name", 64),
        ("props", 1024),
        ("icon", 1024),
        ("token", 128),
        ("sign", 256),
        ("email", 64),
        ("birth", 16),
        ("mobile", 32),
        ("ex", 1024),
    ];
    for (i, (field, limit)) in limits.into_iter().enumerate() {
        let at_limit = "é".repeat(limit);
        let accid = format!("ok{i}");
        let answer = h
            .call(CREATE, &[("accid", &accid), (field, &at_limit)])
            .await;
        assert_eq!(answer.code(), 200, "{field} at {limit}: {}", answer.body);

        let over = "é".repeat(limit + 1);
        let accid = format!("over{i}");
        let answer = h.call(CREATE, &[("accid", &accid), (field, &over)]).await;
        answer.assert_error(414, field);
        assert!(h.emu.account(&accid).is_none(), "{field}");
    }
}

/// Asserts `answer` is the parameter error `desc` exactly, and not the "not register" answer
/// that update, refreshToken, block and unblock give any well-formed unknown accid (which
/// mentions "accid" too, so a looser check would pass without the accid checks).
fn assert_accid_refused(answer: &common::Answer, path: &str, desc: &str) {
    assert_eq!(answer.code(), 414, "{path}: {}", answer.body);
    assert_eq!(answer.desc(), desc, "{path}");
    assert!(
        !answer.as_error().is_not_registered(),
        "{path}: {}",
        answer.body
    );
}

#[tokio::test]
async fn accid_rules_apply_to_every_action() {
    const MISSING: &str = "accid is missing";
    const TOO_LONG: &str = "accid is too long: 33 characters, at most 32 allowed";
    const ALPHABET: &str = "accid contains an invalid character: only letters, digits, '_', '@', \
                            '.' and '-' are allowed";
    let h = Harness::start().await;
    for path in ALL {
        assert_accid_refused(&h.call(path, &[]).await, path, MISSING);
        assert_accid_refused(&h.call(path, &[("accid", "")]).await, path, MISSING);
        let long = "a".repeat(33);
        assert_accid_refused(&h.call(path, &[("accid", &long)]).await, path, TOO_LONG);
        for bad in ["zhang san", "张三", "a#b", "a/b", "a+b"] {
            assert_accid_refused(&h.call(path, &[("accid", bad)]).await, path, ALPHABET);
        }
    }
    // 32 characters of the whole alphabet are fine.
    let accid = "abcdefghijklmnopqrstuvwxyz_@.-09";
    assert_eq!(accid.len(), 32);
    assert_eq!(h.call(CREATE, &[("accid", accid)]).await.code(), 200);
    assert_eq!(h.emu.accounts().len(), 1);
}

#[tokio::test]
async fn gender_must_be_0_1_or_2() {
    let h = Harness::start().await;
    for (i, good) in ["0", "1", "2"].into_iter().enumerate() {
        let accid = format!("g{i}");
        let answer = h.call(CREATE, &[("accid", &accid), ("gender", good)]).await;
        assert_eq!(answer.code(), 200);
        assert_eq!(h.emu.account(&accid).unwrap().gender, Some(i as u8));
    }
    for bad in ["3", "-1", "01", "male", "1.0"] {
        h.call(CREATE, &[("accid", "bad"), ("gender", bad)])
            .await
            .assert_error(414, "gender");
    }
    assert!(h.emu.account("bad").is_none());
}

#[tokio::test]
async fn update_sets_the_token() {
    let h = Harness::start().await;
    h.create("zhangsan").await;
    let answer = h
        .call(
            UPDATE,
            &[
                ("accid", "zhangsan"),
                ("token", "new-token"),
                ("props", "{}"),
            ],
        )
        .await;
    assert_eq!(answer.json(), serde_json::json!({"code": 200}));
    let account = h.emu.account("zhangsan").unwrap();
    assert_eq!(account.token, "new-token");
    assert_eq!(account.props.as_deref(), Some("{}"));
    assert_eq!(account.token_changes, 1);

    // Without a token the token stays.
    assert_eq!(h.call(UPDATE, &[("accid", "zhangsan")]).await.code(), 200);
    assert_eq!(h.emu.account("zhangsan").unwrap().token, "new-token");

    let long = "t".repeat(129);
    h.call(UPDATE, &[("accid", "zhangsan"), ("token", &long)])
        .await
        .assert_error(414, "token");
    assert_eq!(h.emu.account("zhangsan").unwrap().token, "new-token");
}

#[tokio::test]
async fn refresh_token_issues_a_new_random_token() {
    let h = Harness::start().await;
    let old = h.create("zhangsan").await;
    let answer = h.call(REFRESH, &[("accid", "ZhangSan")]).await;
    let json = answer.json();
    assert_eq!(json["code"], 200);
    let info = json["info"].as_object().unwrap();
    assert_eq!(info.len(), 2, "{info:?}");
    assert_eq!(info["accid"], "zhangsan");
    let new = info["token"].as_str().unwrap();
    assert!(is_generated_token(new));
    assert_ne!(new, old);
    assert_eq!(h.emu.account("zhangsan").unwrap().token, new);

    let again = h.call(REFRESH, &[("accid", "zhangsan")]).await.json();
    assert_ne!(again["info"]["token"], new);
}

#[tokio::test]
async fn block_and_unblock_change_state_and_repeat_with_200() {
    let h = Harness::start().await;
    h.create("zhangsan").await;

    let answer = h
        .call(
            BLOCK,
            &[
                ("accid", "zhangsan"),
                ("needkick", "true"),
                ("kickNotifyExt", "bye"),
            ],
        )
        .await;
    assert_eq!(answer.json(), serde_json::json!({"code": 200}));
    let account = h.emu.account("zhangsan").unwrap();
    assert!(account.blocked);
    assert!(account.kicked);
    assert_eq!(account.kick_notify_ext.as_deref(), Some("bye"));

    // Blocking again succeeds; needkick defaults to false.
    assert_eq!(h.call(BLOCK, &[("accid", "zhangsan")]).await.code(), 200);
    let account = h.emu.account("zhangsan").unwrap();
    assert!(account.blocked);
    assert!(!account.kicked);

    let answer = h.call(UNBLOCK, &[("accid", "zhangsan")]).await;
    assert_eq!(answer.json(), serde_json::json!({"code": 200}));
    assert!(!h.emu.account("zhangsan").unwrap().blocked);
    assert_eq!(h.call(UNBLOCK, &[("accid", "zhangsan")]).await.code(), 200);
    assert!(!h.emu.account("zhangsan").unwrap().blocked);

    // A banned account can still be updated and refreshed (banning is not deletion).
    assert_eq!(h.call(BLOCK, &[("accid", "zhangsan")]).await.code(), 200);
    assert_eq!(h.call(REFRESH, &[("accid", "zhangsan")]).await.code(), 200);
}

#[tokio::test]
async fn needkick_must_be_true_or_false() {
    let h = Harness::start().await;
    h.create("zhangsan").await;
    for bad in ["yes", "1", "TRUE", "False"] {
        h.call(BLOCK, &[("accid", "zhangsan"), ("needkick", bad)])
            .await
            .assert_error(414, "needkick");
    }
    assert!(!h.emu.account("zhangsan").unwrap().blocked);
    let answer = h
        .call(BLOCK, &[("accid", "zhangsan"), ("needkick", "false")])
        .await;
    assert_eq!(answer.code(), 200);
}

#[tokio::test]
async fn every_action_on_an_unknown_accid_names_it() {
    let h = Harness::start().await;
    for path in [UPDATE, REFRESH, BLOCK, UNBLOCK] {
        let answer = h.call(path, &[("accid", "NoBody"), ("token", "t")]).await;
        assert_eq!(answer.code(), 414, "{path}");
        assert_eq!(answer.desc(), "accid nobody not register");
        assert!(answer.as_error().is_not_registered());
    }
    assert!(h.emu.accounts().is_empty());
}

#[tokio::test]
async fn request_counts_are_per_path() {
    let h = Harness::start().await;
    h.create("a").await;
    h.create("b").await;
    h.call(BLOCK, &[("accid", "a")]).await;
    h.call(BLOCK, &[("accid", "nobody")]).await;
    h.call("user/nope.action", &[]).await;
    assert_eq!(h.emu.request_count(CREATE), 2);
    assert_eq!(h.emu.request_count(BLOCK), 2);
    assert_eq!(h.emu.request_count(UNBLOCK), 0);
    assert_eq!(h.emu.request_count("user/nope.action"), 1);
    assert_eq!(h.emu.total_requests(), 5);
    let counts = h.emu.request_counts();
    assert_eq!(counts.len(), 3);
    assert_eq!(counts[CREATE], 2);
}

#[tokio::test]
async fn instances_do_not_share_state() {
    let one = Harness::start().await;
    let two = Harness::start().await;
    one.create("zhangsan").await;
    assert!(two.emu.account("zhangsan").is_none());
    assert_eq!(two.call(CREATE, &[("accid", "zhangsan")]).await.code(), 200);
    assert_eq!(two.emu.total_requests(), 1);
}

#[tokio::test]
async fn seeded_accounts_behave_like_created_ones() {
    let h = Harness::start().await;
    let seeded = h.emu.insert_account("Alice", Some("pw")).unwrap();
    assert_eq!(seeded.accid, "alice");
    h.call(CREATE, &[("accid", "alice")])
        .await
        .assert_error(414, desc::ALREADY_REGISTER);
    assert_eq!(h.call(BLOCK, &[("accid", "alice")]).await.code(), 200);
    assert!(h.emu.account("alice").unwrap().blocked);
    let generated = h.emu.insert_account("bob", None).unwrap();
    assert!(is_generated_token(&generated.token));
}
