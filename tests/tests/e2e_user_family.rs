//! Every v1 `user/*` action and every v2 account and user operation end to end: `nim_api`
//! types, the real `Client`, and the emulator as the server, which keeps one account store
//! for both versions.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::user::{
    BlockUser, CreateUser, GetOnlineStatus, GetUserInfos, ListBlackAndMuteList, MuteUser,
    MuteUserInModules, RelationType, RelationValue, SetDonnop, SetSpecialRelation, UpdateUserInfo,
};
use nim_api::v2::account::{
    BatchQueryAccounts, CreateAccount, DisableAccount, GetAccountDetails, KickAccount, KickType,
    RefreshToken, SetPushConfig, UpdateAccount,
};
use nim_api::v2::user::{BatchGetUsers, GetUser, GetUsersOnlineStatus, UpdateUser};
use nim_api::v2::{AccountConfiguration, UserInformation};
use nim_api::{Client, Gender};
use nim_emulator::{Emulator, Session};

const KEY: &str = "family-key";
const SECRET: &str = "family-secret";

async fn setup() -> (Emulator, Client) {
    support::emulator_and_client(KEY, SECRET).await
}

#[tokio::test]
async fn v1_create_is_seen_by_v2_and_a_v2_ban_by_v1() {
    let (_emu, client) = setup().await;
    client
        .call(&CreateUser::new("ZhangSan").name("张三"))
        .await
        .unwrap();
    let details = client
        .call(&GetAccountDetails::new("zhangsan"))
        .await
        .unwrap();
    assert_eq!(details.account_id, "zhangsan");
    assert_eq!(details.configuration.and_then(|c| c.enabled), Some(true));

    client
        .call(&DisableAccount::new("zhangsan", false))
        .await
        .unwrap();
    let infos = client.call(&GetUserInfos::new(["zhangsan"])).await.unwrap();
    assert_eq!(
        infos[0].valid,
        Some(false),
        "the v2 ban is a v1 invalid account"
    );

    client
        .call(&nim_api::user::UnblockUser::new("zhangsan"))
        .await
        .unwrap();
    let details = client
        .call(&GetAccountDetails::new("zhangsan"))
        .await
        .unwrap();
    assert_eq!(details.configuration.and_then(|c| c.enabled), Some(true));
    client.call(&BlockUser::new("zhangsan")).await.unwrap();
    let details = client
        .call(&GetAccountDetails::new("zhangsan"))
        .await
        .unwrap();
    assert_eq!(details.configuration.and_then(|c| c.enabled), Some(false));
}

#[tokio::test]
async fn v2_create_then_duplicate_then_unknown() {
    let (_emu, client) = setup().await;
    let created = client
        .call(
            &CreateAccount::new("LiSi")
                .user_information(UserInformation::new().name("李四").gender(Gender::Male))
                .configuration(AccountConfiguration::new().p2p_chat_banned(true)),
        )
        .await
        .unwrap();
    assert_eq!(created.account_id, "lisi");
    assert_eq!(created.token.len(), 32);
    let err = client.call(&CreateAccount::new("lisi")).await.unwrap_err();
    assert_eq!(err.api_code(), Some(102405));
    assert!(err.is_already_registered());
    assert!(err.trace_id().is_some());
    let err = client.call(&GetUser::new("nobody")).await.unwrap_err();
    assert_eq!(err.api_code(), Some(102404));
    assert!(err.is_not_registered());

    // The v1 view of the v2 profile.
    let infos = client
        .call(&GetUserInfos::new(["lisi"]).mute_status(true))
        .await
        .unwrap();
    assert_eq!(infos[0].name.as_deref(), Some("李四"));
    assert_eq!(infos[0].gender, Some(1));
    assert_eq!(infos[0].mute_p2p, Some(true));
}

#[tokio::test]
async fn tokens_update_and_refresh() {
    let (emu, client) = setup().await;
    client
        .call(&CreateAccount::new("wangwu").token("first"))
        .await
        .unwrap();
    let updated = client
        .call(&UpdateAccount::new("wangwu").token("second"))
        .await
        .unwrap();
    assert_eq!(updated.account_id, "wangwu");
    assert_eq!(emu.account("wangwu").unwrap().token, "second");
    let refreshed = client.call(&RefreshToken::new("wangwu")).await.unwrap();
    assert_ne!(refreshed.token, "second");
    assert_eq!(emu.account("wangwu").unwrap().token, refreshed.token);
}

#[tokio::test]
async fn profiles_through_both_versions() {
    let (_emu, client) = setup().await;
    client.call(&CreateUser::new("zhaoliu")).await.unwrap();
    client
        .call(
            &UpdateUserInfo::new("zhaoliu")
                .name("赵六")
                .sign("hi")
                .gender(Gender::Female)
                .bid(r#"{"textbid":"b1"}"#),
        )
        .await
        .unwrap();
    let user = client.call(&GetUser::new("zhaoliu")).await.unwrap();
    assert_eq!(user.name.as_deref(), Some("赵六"));
    assert_eq!(user.sign.as_deref(), Some("hi"));
    assert_eq!(user.gender, Some(2));

    let updated = client
        .call(&UpdateUser::new(
            "zhaoliu",
            UserInformation::new().avatar("https://a/b.png").sign(""),
        ))
        .await
        .unwrap();
    assert_eq!(updated.avatar.as_deref(), Some("https://a/b.png"));
    let infos = client.call(&GetUserInfos::new(["zhaoliu"])).await.unwrap();
    assert_eq!(infos[0].icon.as_deref(), Some("https://a/b.png"));
    assert!(
        infos[0].sign.as_deref().unwrap_or_default().is_empty(),
        "an empty sign clears it"
    );

    let batch = client
        .call(&BatchGetUsers::new(["zhaoliu", "ghost"]))
        .await
        .unwrap();
    assert_eq!(batch.successes().len(), 1);
    assert!(!batch.is_complete());
    assert_eq!(batch.failures()[0].account_id.as_deref(), Some("ghost"));
    assert_eq!(batch.failures()[0].error_code, 102404);

    let accounts = client
        .call(&BatchQueryAccounts::new(["zhaoliu", "ghost"]))
        .await
        .unwrap();
    assert_eq!(accounts.successes()[0].account_id, "zhaoliu");
    assert_eq!(accounts.failures().len(), 1);
}

#[tokio::test]
async fn mutes_and_push_settings_are_visible() {
    let (emu, client) = setup().await;
    client.call(&CreateUser::new("sunqi")).await.unwrap();
    client.call(&MuteUser::new("sunqi", true)).await.unwrap();
    assert!(emu.account("sunqi").unwrap().muted);
    let modules = client
        .call(&MuteUserInModules::new("sunqi").mute_team(true))
        .await
        .unwrap();
    assert!(modules.mute_team);
    assert!(!modules.mute_room);
    let details = client.call(&GetAccountDetails::new("sunqi")).await.unwrap();
    assert_eq!(
        details.configuration.and_then(|c| c.team_chat_banned),
        Some(true)
    );

    client.call(&SetDonnop::new("sunqi", true)).await.unwrap();
    let details = client.call(&GetAccountDetails::new("sunqi")).await.unwrap();
    assert_eq!(
        details
            .configuration
            .and_then(|c| c.push_enabled_when_desktop_online),
        Some(false),
        "donnop on means no push while the desktop is online"
    );
    let pushed = client
        .call(&SetPushConfig::new("sunqi", true))
        .await
        .unwrap();
    assert_eq!(pushed.account_id, "sunqi");
    assert!(!emu.account("sunqi").unwrap().donnop);
}

#[tokio::test]
async fn special_relations_add_and_remove() {
    let (_emu, client) = setup().await;
    for id in ["owner", "spammer", "noisy"] {
        client.call(&CreateUser::new(id)).await.unwrap();
    }
    let set = |target: &str, kind, value| SetSpecialRelation::new("owner", target, kind, value);
    client
        .call(&set("spammer", RelationType::Blacklist, RelationValue::Add))
        .await
        .unwrap();
    client
        .call(&set("noisy", RelationType::Mute, RelationValue::Add))
        .await
        .unwrap();
    let lists = client
        .call(&ListBlackAndMuteList::new("owner"))
        .await
        .unwrap();
    assert_eq!(lists.blacklist, ["spammer"]);
    assert_eq!(lists.mutelist, ["noisy"]);
    client
        .call(&set(
            "spammer",
            RelationType::Blacklist,
            RelationValue::Remove,
        ))
        .await
        .unwrap();
    let lists = client
        .call(&ListBlackAndMuteList::new("owner"))
        .await
        .unwrap();
    assert!(lists.blacklist.is_empty());
}

#[tokio::test]
async fn online_status_and_kick_follow_the_sessions() {
    let (emu, client) = setup().await;
    client.call(&CreateUser::new("online")).await.unwrap();
    client.call(&CreateUser::new("offline")).await.unwrap();
    assert!(emu.set_sessions(
        "online",
        vec![
            Session::new(1, "phone", 1_700_000_000_000),
            Session::new(4, "pc", 1_700_000_001_000)
        ],
    ));
    let v1 = client
        .call(&GetOnlineStatus::new(["online", "offline", "ghost"]))
        .await
        .unwrap();
    assert_eq!(v1.status["online"].len(), 2);
    assert!(!v1.status.contains_key("offline"));
    assert_eq!(v1.invalid_accids, ["ghost"]);

    let v2 = client
        .call(&GetUsersOnlineStatus::new(["online", "ghost"]))
        .await
        .unwrap();
    assert_eq!(v2.successes()[0].online_status.len(), 2);
    assert_eq!(v2.failures()[0].error_code, 102404);

    let kicked = client
        .call(&KickAccount::new("online", KickType::Listed).device_id_list(["phone"]))
        .await
        .unwrap();
    assert_eq!(kicked.successes()[0].device_id, "phone");
    let v2 = client
        .call(&GetUsersOnlineStatus::new(["online"]))
        .await
        .unwrap();
    assert_eq!(
        v2.successes()[0].online_status.len(),
        1,
        "the pc session stays"
    );
}

#[tokio::test]
async fn invalid_requests_never_reach_the_emulator() {
    let (emu, client) = setup().await;
    let too_many: Vec<String> = (0..201).map(|i| format!("u{i}")).collect();
    let err = client.call(&GetUserInfos::new(too_many)).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid request: `accids` has 201 items, at most 200 allowed"
    );
    let err = client
        .call(&GetUserInfos::new(["ok", "not ok"]))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "accids[1]");
    let err = client
        .call(
            &CreateAccount::new("x").user_information(UserInformation::new().name("名".repeat(65))),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid request: `user_information.name` has 65 characters, at most 64 allowed"
    );
    let err = client
        .call(&UpdateUserInfo::new("x").bid("{not json"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("`bid` must be JSON text"), "{err}");
    let err = client.call(&MuteUserInModules::new("x")).await.unwrap_err();
    assert!(err.is_validation());
    let err = client
        .call(&KickAccount::new("x", KickType::Listed))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "device_id_list");
    assert!(emu.requests().is_empty(), "nothing was sent");
}
