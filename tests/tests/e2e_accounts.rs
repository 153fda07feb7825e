//! The five account actions end to end: `nim_api` types, the real `Client`, and the emulator
//! as the server. Every action's success, and each documented failure.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::user::{BlockUser, CreateUser, Gender, RefreshToken, UnblockUser, UpdateToken};
use nim_api::{Client, Code, ErrorKind};
use nim_emulator::Emulator;

const KEY: &str = "e2e-app-key";
const SECRET: &str = "e2e-app-secret";

async fn setup() -> (Emulator, Client) {
    support::emulator_and_client(KEY, SECRET).await
}

#[tokio::test]
async fn create_returns_the_generated_token_and_stores_the_profile() {
    let (emu, client) = setup().await;
    let created = client
        .call(
            &CreateUser::new("zhangsan")
                .name("张三")
                .icon("https://example.com/a.png")
                .sign("hello")
                .email("zs@example.com")
                .birth("1990-01-01")
                .mobile("+86-13800000000")
                .gender(Gender::Female)
                .ex(r#"{"level":3}"#),
        )
        .await
        .unwrap();
    assert_eq!(created.accid, "zhangsan");
    assert_eq!(created.name.as_deref(), Some("张三"));
    assert_eq!(
        created.token.len(),
        32,
        "a generated token: {}",
        created.token
    );

    let stored = emu.account("zhangsan").unwrap();
    assert_eq!(stored.token, created.token);
    assert_eq!(stored.name.as_deref(), Some("张三"));
    assert_eq!(stored.gender, Some(2));
    assert_eq!(stored.mobile.as_deref(), Some("+86-13800000000"));
    assert_eq!(stored.ex.as_deref(), Some(r#"{"level":3}"#));
    assert!(!stored.blocked);
}

#[tokio::test]
async fn create_with_a_chosen_token_keeps_it() {
    let (emu, client) = setup().await;
    let created = client
        .call(&CreateUser::new("lisi").token("my-token"))
        .await
        .unwrap();
    assert_eq!(created.token, "my-token");
    assert_eq!(created.name, None);
    assert_eq!(emu.account("lisi").unwrap().token, "my-token");
}

#[tokio::test]
async fn uppercase_accid_is_lowercased() {
    let (emu, client) = setup().await;
    let created = client.call(&CreateUser::new("ZhangSan.01")).await.unwrap();
    assert_eq!(created.accid, "zhangsan.01");
    assert!(emu.account("zhangsan.01").is_some());
    // Later actions find it under any case.
    client
        .call(&UpdateToken::new("ZHANGSAN.01").token("t2"))
        .await
        .unwrap();
    assert_eq!(emu.account("zhangsan.01").unwrap().token, "t2");
}

#[tokio::test]
async fn a_64_character_chinese_name_is_accepted_and_65_is_not() {
    let (emu, client) = setup().await;
    let name = "网".repeat(64);
    let created = client
        .call(&CreateUser::new("wangwu").name(name.clone()))
        .await
        .unwrap();
    assert_eq!(created.name.as_deref(), Some(name.as_str()));
    assert_eq!(emu.account("wangwu").unwrap().name, Some(name));

    let before = emu.total_requests();
    let err = client
        .call(&CreateUser::new("wangwu2").name("网".repeat(65)))
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid request: `name` has 65 characters, at most 64 allowed"
    );
    assert_eq!(emu.total_requests(), before);
}

#[tokio::test]
async fn duplicate_create_is_already_registered() {
    let (emu, client) = setup().await;
    client.call(&CreateUser::new("dup")).await.unwrap();
    let err = client.call(&CreateUser::new("DUP")).await.unwrap_err();
    assert!(err.is_already_registered(), "{err}");
    assert_eq!(err.api_code(), Some(414));
    assert_eq!(err.code(), Some(Code::ParameterError));
    assert_eq!(emu.request_count("user/create.action"), 2);
}

#[tokio::test]
async fn every_action_on_an_unknown_accid_is_not_registered() {
    let (_emu, client) = setup().await;
    let errors = [
        client
            .call(&UpdateToken::new("ghost").token("t"))
            .await
            .unwrap_err(),
        client.call(&RefreshToken::new("ghost")).await.unwrap_err(),
        client.call(&BlockUser::new("ghost")).await.unwrap_err(),
        client.call(&UnblockUser::new("ghost")).await.unwrap_err(),
    ];
    for err in errors {
        assert!(err.is_not_registered(), "{err}");
        assert_eq!(err.api_code(), Some(414));
        assert!(err.api_desc().unwrap().contains("ghost"), "{err}");
    }
}

#[tokio::test]
async fn an_unknown_accid_named_like_an_auth_failure_is_still_not_registered() {
    let (_emu, client) = setup().await;
    for accid in ["checksum", "appkey"] {
        let err = client.call(&RefreshToken::new(accid)).await.unwrap_err();
        assert!(err.is_not_registered(), "{err}");
        assert!(
            !err.is_checksum_failure() && !err.is_appkey_failure(),
            "{err}"
        );
    }
}

#[tokio::test]
async fn update_then_refresh_replace_the_token() {
    let (emu, client) = setup().await;
    let created = client.call(&CreateUser::new("tok")).await.unwrap();

    client
        .call(&UpdateToken::new("tok").token("chosen-token"))
        .await
        .unwrap();
    assert_eq!(emu.account("tok").unwrap().token, "chosen-token");

    let refreshed = client.call(&RefreshToken::new("tok")).await.unwrap();
    assert_eq!(refreshed.accid, "tok");
    assert_ne!(refreshed.token, "chosen-token");
    assert_ne!(refreshed.token, created.token);
    let stored = emu.account("tok").unwrap();
    assert_eq!(stored.token, refreshed.token);
    assert_eq!(stored.token_changes, 2);
}

#[tokio::test]
async fn block_with_kick_then_unblock() {
    let (emu, client) = setup().await;
    client.call(&CreateUser::new("banme")).await.unwrap();

    client
        .call(
            &BlockUser::new("banme")
                .need_kick(true)
                .kick_notify_ext("policy"),
        )
        .await
        .unwrap();
    let stored = emu.account("banme").unwrap();
    assert!(stored.blocked && stored.kicked);
    assert_eq!(stored.kick_notify_ext.as_deref(), Some("policy"));

    // Banning twice succeeds; so does unbanning twice.
    client.call(&BlockUser::new("banme")).await.unwrap();
    client.call(&UnblockUser::new("banme")).await.unwrap();
    client.call(&UnblockUser::new("banme")).await.unwrap();
    assert!(!emu.account("banme").unwrap().blocked);
}

#[tokio::test]
async fn over_length_fields_are_caught_before_sending() {
    let (emu, client) = setup().await;
    let cases: Vec<(Result<(), nim_api::Error>, &str, usize)> = vec![
        (
            client
                .call(&CreateUser::new("a".repeat(33)))
                .await
                .map(drop),
            "accid",
            32,
        ),
        (
            client
                .call(&CreateUser::new("ok").token("t".repeat(129)))
                .await
                .map(drop),
            "token",
            128,
        ),
        (
            client
                .call(&CreateUser::new("ok").sign("s".repeat(257)))
                .await
                .map(drop),
            "sign",
            256,
        ),
        (
            client
                .call(&CreateUser::new("ok").birth("1".repeat(17)))
                .await
                .map(drop),
            "birth",
            16,
        ),
        (
            client
                .call(&CreateUser::new("ok").ex("e".repeat(1025)))
                .await
                .map(drop),
            "ex",
            1024,
        ),
        (
            client
                .call(&UpdateToken::new("ok").token("t".repeat(129)))
                .await
                .map(drop),
            "token",
            128,
        ),
    ];
    for (result, field, limit) in cases {
        let err = result.unwrap_err();
        let v = err.validation().expect("a validation error");
        assert_eq!((v.field(), v.limit()), (field, Some(limit)), "{err}");
        assert_eq!(v.actual(), Some(limit + 1));
    }
    let err = client
        .call(&RefreshToken::new("has space"))
        .await
        .unwrap_err();
    assert!(err.is_validation());
    let err = client.call(&BlockUser::new("")).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Validation(_)));
    assert_eq!(emu.total_requests(), 0, "the emulator saw a request");
}

#[tokio::test]
async fn wrong_secret_and_key_are_recognised() {
    let emu = Emulator::start(KEY, SECRET).await.unwrap();
    let wrong_secret = Client::builder()
        .app_key(KEY)
        .app_secret("not-the-secret")
        .base_url(emu.base_url())
        .build()
        .unwrap();
    let err = wrong_secret.call(&CreateUser::new("x")).await.unwrap_err();
    assert!(err.is_checksum_failure(), "{err}");

    let wrong_key = Client::builder()
        .app_key("other-key")
        .app_secret(SECRET)
        .base_url(emu.base_url())
        .build()
        .unwrap();
    let err = wrong_key.call(&CreateUser::new("x")).await.unwrap_err();
    assert!(err.is_appkey_failure(), "{err}");
    assert_eq!(emu.accounts().len(), 0);
}
