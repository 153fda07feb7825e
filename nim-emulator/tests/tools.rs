//! The tools family over HTTP: v1 and v2 translation, speech recognition and chat assist
//! (checked requests, fake documented answers), and the system-push store (send, get, list
//! with paging, times from the state clock).
#![allow(clippy::unwrap_used)]

mod common;

use common::{Harness, T0};
use serde_json::json;

#[tokio::test]
async fn v1_translation_answers_the_fake_rule_and_checks_its_parameters() {
    let h = Harness::start().await;
    h.create("zhangsan").await;
    let answer = h
        .call(
            "translator/textMsg.action",
            &[("accid", "ZhangSan"), ("text", "你好"), ("to", "en")],
        )
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
    let data = &answer.json()["data"];
    assert_eq!(data["translation"], "[en] 你好");
    assert_eq!(data["language"], "zh-CHS2en");
    assert_eq!(data["timestamp"], T0 * 1000);

    let given = h
        .call(
            "translator/textMsg.action",
            &[
                ("accid", "zhangsan"),
                ("text", "Salve"),
                ("to", "ja"),
                ("from", "la"),
            ],
        )
        .await;
    assert_eq!(given.json()["data"]["language"], "la2ja");

    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("text", "x"), ("to", "en")], "accid is missing"),
        (&[("accid", "zhangsan"), ("to", "en")], "text is missing"),
        (&[("accid", "zhangsan"), ("text", "x")], "to is missing"),
        (
            &[("accid", "zhangsan"), ("text", "x"), ("to", "auto")],
            "to cannot be auto",
        ),
        (
            &[("accid", "zhangsan"), ("text", "x"), ("to", "xx")],
            "not a supported language",
        ),
        (
            &[
                ("accid", "zhangsan"),
                ("text", "x"),
                ("to", "en"),
                ("from", "qq"),
            ],
            "from \"qq\"",
        ),
        (
            &[("accid", "nobody"), ("text", "x"), ("to", "en")],
            "not register",
        ),
    ];
    for (params, needle) in cases {
        h.call("translator/textMsg.action", params)
            .await
            .assert_error(414, needle);
    }
    let long = "字".repeat(5001);
    h.call(
        "translator/textMsg.action",
        &[("accid", "zhangsan"), ("text", &long), ("to", "en")],
    )
    .await
    .assert_error(414, "text");
}

#[tokio::test]
async fn v2_translation_detects_auto_and_refuses_unknown_codes_and_accounts() {
    let h = Harness::start().await;
    h.create("zhangsan").await;
    let body = json!({
        "operator_account_id": "zhangsan",
        "source_text": "你好中国",
        "target_language": "th",
        "translator_config": {"strict": true, "vendor": "youdao"},
    });
    let data = h.v2("POST", "im/v2/translations", Some(body)).await.data();
    assert_eq!(
        data,
        json!({"translated_text": "[th] 你好中国", "source_language": "zh-CHS", "target_language": "th"})
    );
    let english = json!({"operator_account_id": "zhangsan", "source_text": "hello",
                          "source_language": "auto", "target_language": "zh-CHS"});
    let data = h
        .v2("POST", "im/v2/translations", Some(english))
        .await
        .data();
    assert_eq!(data["source_language"], "en");
    assert_eq!(data["translated_text"], "[zh-CHS] hello");

    let cases = [
        (
            json!({"source_text": "x", "target_language": "en"}),
            414,
            "operator_account_id is required",
        ),
        (
            json!({"operator_account_id": "zhangsan", "target_language": "en"}),
            414,
            "source_text is required",
        ),
        (
            json!({"operator_account_id": "zhangsan", "source_text": "x"}),
            414,
            "target_language is required",
        ),
        (
            json!({"operator_account_id": "zhangsan", "source_text": "x", "target_language": "auto"}),
            414,
            "cannot be auto",
        ),
        (
            json!({"operator_account_id": "zhangsan", "source_text": "x", "target_language": "klingon"}),
            414,
            "not a supported language",
        ),
        (
            json!({"operator_account_id": "zhangsan", "source_text": "x", "target_language": "en",
                "translator_config": {"strict": "yes"}}),
            414,
            "translator_config.strict",
        ),
        (
            json!({"operator_account_id": "nobody", "source_text": "x", "target_language": "en"}),
            102404,
            "nobody",
        ),
    ];
    for (body, code, needle) in cases {
        h.v2("POST", "im/v2/translations", Some(body))
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn asr_answers_the_format_and_url_and_checks_them() {
    let h = Harness::start().await;
    h.create("zhangsan").await;
    let body = json!({"operator_account_id": "zhangsan", "format": "mp3",
                      "url": "https://example.com/a.mp3", "sample_rate": 16000, "duration": 3200});
    let data = h.v2("POST", "im/v2/tools/asr", Some(body)).await.data();
    assert_eq!(data, json!({"text": "[asr mp3] https://example.com/a.mp3"}));

    let base = json!({"operator_account_id": "zhangsan", "format": "wav", "url": "http://x/a.wav"});
    let with = |key: &str, value: serde_json::Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let cases = [
        (with("format", json!("flac")), 414, "format \"flac\""),
        (with("url", json!("ftp://x/a.wav")), 414, "http or https"),
        (with("url", json!("")), 414, "url is required"),
        (with("sample_rate", json!(0)), 414, "sample_rate"),
        (with("duration", json!(-1)), 414, "duration"),
        (
            with("operator_account_id", json!("nobody")),
            102404,
            "nobody",
        ),
    ];
    for (body, code, needle) in cases {
        h.v2("POST", "im/v2/tools/asr", Some(body))
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn chat_assist_answers_one_item_per_style_and_checks_the_limits() {
    let h = Harness::start().await;
    h.create("yx1").await;
    h.create("yx2").await;
    let path = "ai/chat_assistant/v1/chat_assist";
    let body = json!({
        "sender_id": "yx1", "receiver_id": "YX2",
        "sender_tag_list": ["热情", "开朗"], "receiver_tag_list": ["漂亮"],
        "receiver_last_message": "我今天的衣服漂亮吗?",
        "style_list": ["hot", "warm"],
        "history": [{"sender_id": "yx2", "text": "我买了一件新衣服"}],
    });
    let data = h.v2("POST", path, Some(body)).await.data();
    assert_eq!(
        data["items"],
        json!([
            {"style": "hot", "style_name": "热情", "answer": "[hot] 我今天的衣服漂亮吗?"},
            {"style": "warm", "style_name": "温暖", "answer": "[warm] 我今天的衣服漂亮吗?"},
        ])
    );
    // Without a last message, the first history text is answered.
    let body = json!({"sender_id": "yx1", "receiver_id": "yx2", "style_list": ["smart"],
                      "history": [{"sender_id": "yx2", "text": "在吗"}]});
    let data = h.v2("POST", path, Some(body)).await.data();
    assert_eq!(data["items"][0]["answer"], "[smart] 在吗");

    let base = json!({"sender_id": "yx1", "receiver_id": "yx2", "style_list": ["warm"]});
    let with = |key: &str, value: serde_json::Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let cases = [
        (with("sender_id", json!(null)), 414, "sender_id is required"),
        (
            with("receiver_id", json!("")),
            414,
            "receiver_id is required",
        ),
        (with("style_list", json!([])), 414, "style_list is required"),
        (
            with("style_list", json!(["warm", "hot", "smart", "stochastic"])),
            414,
            "at most 3",
        ),
        (with("style_list", json!(["cold"])), 414, "unknown style"),
        (
            with("receiver_last_message", json!("x".repeat(257))),
            414,
            "receiver_last_message",
        ),
        (
            with(
                "sender_tag_list",
                json!(["x".repeat(1500), "y".repeat(501)]),
            ),
            414,
            "2001 characters",
        ),
        (
            with(
                "history",
                json!([{"sender_id": "yx2", "text": "字".repeat(1501)}]),
            ),
            414,
            "history",
        ),
        (
            with("history", json!([{"sender_id": "yx2"}])),
            414,
            "history[0].text is required",
        ),
        (with("receiver_id", json!("nobody")), 102404, "nobody"),
    ];
    for (body, code, needle) in cases {
        h.v2("POST", path, Some(body))
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn a_sent_push_is_stored_with_clock_times_and_read_back() {
    let h = Harness::start().await;
    h.create("admin").await;
    let body = json!({
        "content": "Maintenance at 02:00", "target_type": 1, "sender_account_id": "Admin",
        "target_os": ["ios", "aos"], "roam_enabled": true, "roam_expire_after": 3600,
        "push_config": {"push_nick_enabled": true, "push_content": "维护", "push_payload": "{\"k\":1}"},
    });
    let sent = h
        .v2("POST", "im/v2/push_notification", Some(body))
        .await
        .data();
    let id = sent["push_id"].as_u64().unwrap();
    assert_eq!(sent["sender_account_id"], "admin");
    assert_eq!(sent["create_time"], T0 * 1000);
    assert_eq!(sent["roam_expire_time"], (T0 + 3600) * 1000);
    assert_eq!(sent["target_os"], json!(["ios", "aos"]));
    assert_eq!(sent["push_config"]["push_payload"], "{\"k\":1}");

    h.clock.advance(7200);
    let got = h
        .v2("GET", &format!("im/v2/push_notification/{id}"), None)
        .await
        .data();
    assert_eq!(
        got, sent,
        "read back as sent, even after its roaming period"
    );

    let plain = json!({"content": "hi", "target_type": 1});
    let second = h
        .v2("POST", "im/v2/push_notification", Some(plain))
        .await
        .data();
    assert_eq!(second["push_id"].as_u64().unwrap(), id + 1);
    assert_eq!(second["roam_enabled"], false);
    assert_eq!(second["roam_expire_time"], json!(null));
    assert_eq!(second["create_time"], (T0 + 7200) * 1000);

    h.v2("GET", &format!("im/v2/push_notification/{}", id + 9), None)
        .await
        .assert_v2_error(404, "not found");
    h.v2("GET", "im/v2/push_notification/abc", None)
        .await
        .assert_v2_error(414, "push_id");
}

#[tokio::test]
async fn send_push_checks_its_fields() {
    let h = Harness::start().await;
    let base = json!({"content": "hi", "target_type": 1});
    let with = |key: &str, value: serde_json::Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let cases = [
        (with("content", json!(null)), 414, "content is required"),
        (
            with("target_type", json!(null)),
            414,
            "target_type is required",
        ),
        (
            with("target_type", json!(2)),
            414,
            "target_type must be one of 1",
        ),
        (with("target_os", json!(["ios", "symbian"])), 414, "symbian"),
        (with("roam_enabled", json!("yes")), 414, "roam_enabled"),
        (
            with("push_config", json!({"push_payload": "{oops"})),
            414,
            "push_config.push_payload",
        ),
        (
            with("sender_account_id", json!("a b")),
            414,
            "sender_account_id",
        ),
        (with("sender_account_id", json!("nobody")), 102404, "nobody"),
    ];
    for (body, code, needle) in cases {
        h.v2("POST", "im/v2/push_notification", Some(body))
            .await
            .assert_v2_error(code, needle);
    }
}

#[tokio::test]
async fn pushes_list_newest_first_page_by_page() {
    let h = Harness::start().await;
    let mut ids = Vec::new();
    for i in 0..5 {
        let body = json!({"content": format!("push {i}"), "target_type": 1});
        let sent = h
            .v2("POST", "im/v2/push_notification", Some(body))
            .await
            .data();
        ids.push(sent["push_id"].as_u64().unwrap());
    }
    ids.reverse();
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let path = format!("im/v2/push_notification?limit=2&type=1&page_token={token}");
        let page = h.v2("GET", &path, None).await.data();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        seen.extend(items.iter().map(|p| p["push_id"].as_u64().unwrap()));
        if !page["has_more"].as_bool().unwrap() {
            assert_eq!(page["next_token"], "");
            break;
        }
        token = page["next_token"].as_str().unwrap().to_owned();
    }
    assert_eq!(seen, ids);
    let all = h.v2("GET", "im/v2/push_notification", None).await.data();
    assert_eq!(all["items"].as_array().unwrap().len(), 5);
    for bad in ["limit=0", "limit=101", "type=2", "page_token=zzz"] {
        h.v2("GET", &format!("im/v2/push_notification?{bad}"), None)
            .await
            .assert_v2_error(414, bad.split('=').next().unwrap());
    }
}
