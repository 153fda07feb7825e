//! The tools family end to end against the emulator, through the real client: v1 and v2
//! translation, speech recognition and the AI chat assistant (whose answers are the
//! emulator's documented fakes, `nim_emulator::FAKE_ANSWERS`), and system push (sent,
//! read back, listed page by page). Bad requests are refused before anything is sent.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::Client;
use nim_api::translator::TranslateTextMsg;
use nim_api::v2::ai::{ChatAssist, ChatStyle, HistoryItem};
use nim_api::v2::broadcast::TargetOs;
use nim_api::v2::system_push::{
    GetPushNotification, ListPushNotifications, PushConfig, PushTarget, SendPushNotification,
};
use nim_api::v2::tool::{Asr, AudioFormat, TranslateText, TranslatorConfig};
use nim_emulator::{Emulator, FAKE_ANSWERS};
use support::{code, with_accounts};

async fn setup() -> (Emulator, Client) {
    with_accounts("tools-key", "tools-secret", &["zhangsan", "lisi"]).await
}

#[test]
fn the_fake_answers_are_the_tools_actions_of_the_catalogue() {
    for (method, path) in FAKE_ANSWERS {
        let action = nim_api::catalogue()
            .iter()
            .find(|a| a.method == *method && a.path == *path)
            .unwrap_or_else(|| panic!("{method} {path} is not declared"));
        assert!(
            action.name.starts_with("translator::")
                || action.name.starts_with("v2::tool::")
                || action.name.starts_with("v2::ai::"),
            "{}",
            action.name
        );
    }
    assert_eq!(FAKE_ANSWERS.len(), 4);
}

#[tokio::test]
async fn v1_and_v2_translation_answer_the_documented_fake() {
    let (emu, client) = setup().await;
    let before = emu.now_unix() * 1000;
    let v1 = client
        .call(&TranslateTextMsg::new("ZhangSan", "你好", "en"))
        .await
        .unwrap();
    assert_eq!(v1.translation, "[en] 你好");
    assert_eq!(v1.pair(), Some(("zh-CHS", "en")));
    assert!(v1.timestamp.unwrap() >= before);

    let v2 = client
        .call(
            &TranslateText::new("zhangsan", "Salve", "ja")
                .source_language("la")
                .translator_config(TranslatorConfig::new().strict(true)),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            v2.translated_text.as_str(),
            v2.source_language.as_str(),
            v2.target_language.as_str()
        ),
        ("[ja] Salve", "la", "ja")
    );

    // Well-formed but unknown to the emulator: the server's refusal, 414.
    let unknown = client
        .call(&TranslateText::new("zhangsan", "x", "tlh-Qaak"))
        .await
        .unwrap_err();
    assert_eq!(code(&unknown), 414);
    let nobody = client
        .call(&TranslateTextMsg::new("nobody", "x", "en"))
        .await
        .unwrap_err();
    assert_eq!(code(&nobody), 414);
    assert!(nobody.to_string().contains("nobody"), "{nobody}");

    // Malformed: refused before sending.
    let sent = emu.total_requests();
    let err = client
        .call(&TranslateTextMsg::new("zhangsan", "x", "auto"))
        .await
        .unwrap_err();
    assert!(err.is_validation());
    let err = client
        .call(&TranslateText::new("zhangsan", "x", "en").source_language("zh CHS"))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "source_language");
    assert_eq!(emu.total_requests(), sent);
}

#[tokio::test]
async fn asr_and_chat_assist_answer_the_documented_fakes() {
    let (emu, client) = setup().await;
    let heard = client
        .call(
            &Asr::new("zhangsan", AudioFormat::Opus, "https://example.com/v.opus")
                .sample_rate(16000u32)
                .duration(1500u64),
        )
        .await
        .unwrap();
    assert_eq!(heard.text, "[asr opus] https://example.com/v.opus");
    let refused = client
        .call(&Asr::new("zhangsan", AudioFormat::Wav, "file:///tmp/a.wav"))
        .await
        .unwrap_err();
    assert_eq!(code(&refused), 414);

    let answer = client
        .call(
            &ChatAssist::new(
                "zhangsan",
                "LiSi",
                [ChatStyle::Smart, ChatStyle::Stochastic],
            )
            .sender_tag_list(["开朗"])
            .receiver_last_message("周末去哪?")
            .history([HistoryItem::new("lisi", "好久不见")]),
        )
        .await
        .unwrap();
    let items: Vec<(&str, &str, &str)> = answer
        .items
        .iter()
        .map(|s| (s.style.as_str(), s.style_name.as_str(), s.answer.as_str()))
        .collect();
    assert_eq!(
        items,
        [
            ("smart", "机智", "[smart] 周末去哪?"),
            ("stochastic", "随机", "[stochastic] 周末去哪?"),
        ]
    );
    let nobody = client
        .call(&ChatAssist::new("zhangsan", "nobody", [ChatStyle::Warm]))
        .await
        .unwrap_err();
    assert_eq!(code(&nobody), 102404);

    let sent = emu.total_requests();
    let too_many = ChatAssist::new(
        "zhangsan",
        "lisi",
        [
            ChatStyle::Warm,
            ChatStyle::Hot,
            ChatStyle::Smart,
            ChatStyle::Stochastic,
        ],
    );
    let err = client.call(&too_many).await.unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "style_list");
    assert_eq!(emu.total_requests(), sent);
}

#[tokio::test]
async fn pushes_are_sent_read_back_and_listed_page_by_page() {
    let (emu, client) = setup().await;
    let first = client
        .call(
            &SendPushNotification::new("Maintenance at 02:00", PushTarget::AllUsers)
                .sender_account_id("ZhangSan")
                .target_os([TargetOs::Ios, TargetOs::Web])
                .roam_enabled(true)
                .roam_expire_after(86400u64)
                .push_config(
                    PushConfig::new()
                        .push_badge_enabled(true)
                        .push_content("维护通知")
                        .push_payload(r#"{"page":"notice"}"#),
                ),
        )
        .await
        .unwrap();
    assert_eq!(first.sender_account_id.as_deref(), Some("zhangsan"));
    assert_eq!(first.target_type, Some(1));
    assert_eq!(first.target_os, ["ios", "web"]);
    let created = first.create_time.unwrap();
    assert_eq!(first.roam_expire_time, Some(created + 86_400_000));
    assert_eq!(
        first.push_config.as_ref().unwrap().push_content.as_deref(),
        Some("维护通知")
    );

    let read = client
        .call(&GetPushNotification::new(first.push_id))
        .await
        .unwrap();
    assert_eq!(read, first);
    let missing = client
        .call(&GetPushNotification::new(first.push_id + 100))
        .await
        .unwrap_err();
    assert_eq!(code(&missing), 404);

    let mut ids = vec![first.push_id];
    for i in 0..4 {
        let push = client
            .call(&SendPushNotification::new(
                format!("push {i}"),
                PushTarget::AllUsers,
            ))
            .await
            .unwrap();
        assert_eq!(push.roam_enabled, Some(false));
        ids.push(push.push_id);
    }
    ids.reverse();
    let pages = client
        .pages(
            ListPushNotifications::new()
                .limit(2u32)
                .list_type(PushTarget::AllUsers),
        )
        .collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
    let listed: Vec<u64> = pages
        .iter()
        .flat_map(|p| &p.items)
        .map(|p| p.push_id)
        .collect();
    assert_eq!(listed, ids);

    let sent = emu.total_requests();
    let err = client
        .call(
            &SendPushNotification::new("x", PushTarget::AllUsers)
                .push_config(PushConfig::new().push_payload("{not json")),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.validation().unwrap().field(),
        "push_config.push_payload"
    );
    assert_eq!(emu.total_requests(), sent);
}
