//! Friends, block and mute lists and online-status subscriptions end to end against the
//! emulator, through the real client: the request / accept / reject flows across versions, a
//! v1 add listed by v2 pages, a block that makes sends fail (and a mute that does not),
//! subscriptions expiring on the emulator's clock, and bad input refused before I/O or
//! answered with a typed server error.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::Client;
use nim_api::event::{AddEventSubscribe, QueryEventSubscribe};
use nim_api::friend::{
    AddFriend as AddFriendV1, FriendAddType, GetFriendList, GetFriendRelationship,
};
use nim_api::message::{ConversationId, Message};
use nim_api::msg::{Ope, SendMsg};
use nim_api::user::{ListBlackAndMuteList, RelationType, RelationValue, SetSpecialRelation};
use nim_api::v2::block::{AddBlockContact, ListBlockContacts, RemoveBlockContact};
use nim_api::v2::friend::{
    AddFriend, AddFriendType, DeleteFriend, FriendAdditionAction, GetFriend, HandleFriendAddition,
    ListFriends,
};
use nim_api::v2::message::{P2pOption, SendMessage};
use nim_api::v2::mute::AddMuteContact;
use nim_api::v2::subscription::{QueryUserStatusSubscription, SubscribeUserStatus};
use nim_api::validate::Rule;
use nim_emulator::Emulator;
use support::{code, with_accounts};

async fn setup(accounts: &[&str]) -> (Emulator, Client) {
    with_accounts("rel-key", "rel-secret", accounts).await
}

/// Every friend of `owner`, walked page by page with v2 listFriends.
async fn v2_friend_ids(client: &Client, owner: &str, per_page: u32) -> Vec<String> {
    let pages = client
        .pages(ListFriends::new(owner).limit(per_page))
        .collect()
        .await
        .unwrap();
    pages
        .iter()
        .flat_map(|p| p.items.iter().map(|f| f.friend_account_id.clone()))
        .collect()
}

#[tokio::test]
async fn a_v1_request_accepted_with_v2_and_a_v2_request_rejected_with_v1() {
    let (emu, client) = setup(&["zhangsan", "lisi", "wangwu"]).await;

    // v1 request: no friendship yet, one request pending to lisi.
    client
        .call(&AddFriendV1::new("zhangsan", "lisi", FriendAddType::Request).msg("hi, Zhang here"))
        .await
        .unwrap();
    assert!(emu.friends("zhangsan").is_empty());
    let pending = emu.friend_requests("lisi");
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].from, "zhangsan");
    assert_eq!(pending[0].message.as_deref(), Some("hi, Zhang here"));

    // v2 accept, with the accepter's alias: mutual friends.
    let accepted = client
        .call(
            &HandleFriendAddition::new("lisi", "zhangsan", FriendAdditionAction::Accept)
                .alias("Zhang"),
        )
        .await
        .unwrap()
        .friend
        .expect("an accept answers the friend");
    assert_eq!(accepted.friend_account_id, "zhangsan");
    assert!(emu.friend_requests("lisi").is_empty());
    let mine = client
        .call(&GetFriend::new("lisi", "zhangsan"))
        .await
        .unwrap();
    assert_eq!(mine.alias.as_deref(), Some("Zhang"));
    let theirs = client
        .call(&GetFriendRelationship::new("zhangsan", "lisi"))
        .await
        .unwrap()
        .friend
        .expect("zhangsan has lisi as a friend");
    assert!(theirs.bidirection);

    // v2 request, rejected with v1: no friendship, the request gone.
    client
        .call(
            &AddFriend::new("wangwu", "lisi")
                .add_type(AddFriendType::Verify)
                .postscript("hello"),
        )
        .await
        .unwrap();
    assert_eq!(emu.friend_requests("lisi").len(), 1);
    client
        .call(&AddFriendV1::new("lisi", "wangwu", FriendAddType::Reject))
        .await
        .unwrap();
    assert!(emu.friend_requests("lisi").is_empty());
    assert_eq!(v2_friend_ids(&client, "lisi", 100).await, ["zhangsan"]);

    // A v2 reject (of a v1 request, with a postscript longer than v1's 256: v2 documents no
    // limit) answers no friend entry.
    client
        .call(&AddFriendV1::new("wangwu", "lisi", FriendAddType::Request))
        .await
        .unwrap();
    let rejected = client
        .call(
            &HandleFriendAddition::new("lisi", "wangwu", FriendAdditionAction::Reject)
                .postscript("x".repeat(300)),
        )
        .await
        .unwrap();
    assert_eq!(rejected.friend, None);
    assert!(emu.friend_requests("lisi").is_empty());

    // Nothing left to accept: a typed server error (v1 404, v2 104404).
    let v1 = client
        .call(&AddFriendV1::new("lisi", "wangwu", FriendAddType::Accept))
        .await
        .unwrap_err();
    assert_eq!(code(&v1), 404, "{v1}");
    let v2 = client
        .call(&HandleFriendAddition::new(
            "lisi",
            "wangwu",
            FriendAdditionAction::Accept,
        ))
        .await
        .unwrap_err();
    assert_eq!(code(&v2), 104_404, "{v2}");
}

#[tokio::test]
async fn v1_adds_are_listed_by_v2_pages_and_v2_deletes_are_seen_by_v1() {
    let names = ["owner", "f1", "f2", "f3", "f4", "f5"];
    let (_emu, client) = setup(&names).await;
    for friend in &names[1..] {
        client
            .call(&AddFriendV1::new("owner", *friend, FriendAddType::Direct).serverex("{}"))
            .await
            .unwrap();
    }
    // Five friends over three pages of two, in order.
    assert_eq!(
        v2_friend_ids(&client, "owner", 2).await,
        ["f1", "f2", "f3", "f4", "f5"]
    );
    let first = client
        .call(&ListFriends::new("owner").limit(2u32))
        .await
        .unwrap();
    assert!(first.has_more);
    assert_eq!(first.items[0].customer_extension.as_deref(), Some("{}"));
    // Each friendship is mutual.
    assert_eq!(v2_friend_ids(&client, "f3", 100).await, ["owner"]);

    // A v2 delete is seen by v1: both directions gone.
    client
        .call(&DeleteFriend::new("owner", "f3"))
        .await
        .unwrap();
    let v1 = client.call(&GetFriendList::new("owner", 0)).await.unwrap();
    let mut ids: Vec<&str> = v1.friends.iter().map(|f| f.faccid.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["f1", "f2", "f4", "f5"]);
    assert!(v2_friend_ids(&client, "f3", 100).await.is_empty());
    // Deleting again is harmless (the action is retried as idempotent).
    client
        .call(&DeleteFriend::new("owner", "f3"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_block_makes_sends_fail_in_both_versions_and_a_mute_does_not() {
    let (_emu, client) = setup(&["zhangsan", "lisi", "wangwu"]).await;
    // lisi blocks zhangsan with v2, mutes wangwu with v2.
    client
        .call(&AddBlockContact::new("lisi", "zhangsan"))
        .await
        .unwrap();
    client
        .call(&AddMuteContact::new("lisi", "wangwu"))
        .await
        .unwrap();

    // v1 sees the same lists.
    let lists = client
        .call(&ListBlackAndMuteList::new("lisi"))
        .await
        .unwrap();
    assert_eq!(lists.blacklist, ["zhangsan"]);
    assert_eq!(lists.mutelist, ["wangwu"]);

    // The blocked sender is refused in both versions.
    let v1 = client
        .call(&SendMsg::new(
            "zhangsan",
            Ope::P2p,
            "lisi",
            Message::text("hi"),
        ))
        .await
        .unwrap_err();
    assert_eq!(code(&v1), 7101, "{v1}");
    let v2 = client
        .call(&SendMessage::new(
            ConversationId::p2p("zhangsan", "lisi"),
            Message::text("hi"),
        ))
        .await
        .unwrap_err();
    assert_eq!(code(&v2), 106_403, "{v2}");
    // The other direction is not blocked, and a muted sender still gets through.
    client
        .call(&SendMsg::new(
            "lisi",
            Ope::P2p,
            "zhangsan",
            Message::text("hi"),
        ))
        .await
        .unwrap();
    client
        .call(&SendMsg::new(
            "wangwu",
            Ope::P2p,
            "lisi",
            Message::text("hi"),
        ))
        .await
        .unwrap();

    // Unblocked with v2: sends go through again. A v1 blacklisting is listed by v2.
    client
        .call(&RemoveBlockContact::new("lisi", "zhangsan"))
        .await
        .unwrap();
    client
        .call(&SendMessage::new(
            ConversationId::p2p("zhangsan", "lisi"),
            Message::text("hi"),
        ))
        .await
        .unwrap();
    client
        .call(&SetSpecialRelation::new(
            "wangwu",
            "zhangsan",
            RelationType::Blacklist,
            RelationValue::Add,
        ))
        .await
        .unwrap();
    let blocked = client
        .call(&ListBlockContacts::new("wangwu"))
        .await
        .unwrap();
    assert_eq!(blocked.items, ["zhangsan"]);
}

#[tokio::test]
async fn check_friend_refuses_a_send_between_strangers() {
    let (_emu, client) = setup(&["zhangsan", "lisi"]).await;
    let checked = || {
        SendMessage::new(ConversationId::p2p("zhangsan", "lisi"), Message::text("hi"))
            .p2p_option(P2pOption::new().check_friend(true))
    };
    let err = client.call(&checked()).await.unwrap_err();
    assert_eq!(code(&err), 104_403, "{err}");
    let v1 = client
        .call(&SendMsg::new("zhangsan", Ope::P2p, "lisi", Message::text("hi")).check_friend(true))
        .await
        .unwrap_err();
    assert_eq!(code(&v1), 403, "{v1}");
    client
        .call(&AddFriend::new("lisi", "zhangsan"))
        .await
        .unwrap();
    client.call(&checked()).await.unwrap();
}

#[tokio::test]
async fn subscriptions_are_shared_by_both_versions_and_expire_on_the_emulators_clock() {
    let (emu, client) = setup(&["watcher", "alice", "bob"]).await;
    // v1: alice for 60 s; v2: bob for one hour.
    let added = client
        .call(&AddEventSubscribe::new("watcher", ["alice", "nobody"], 60))
        .await
        .unwrap();
    assert_eq!(added.failed_accid, ["nobody"]);
    let added = client
        .call(&SubscribeUserStatus::new("watcher", ["bob"], 3600))
        .await
        .unwrap();
    assert!(added.is_complete());

    // Each version lists the other's subscription.
    let v2 = client
        .call(&QueryUserStatusSubscription::new(
            "watcher",
            ["alice", "bob"],
        ))
        .await
        .unwrap();
    let alice = v2.find("alice").expect("alice is watched");
    assert_eq!(alice.expire_time - alice.subscribe_time, 60_000);
    assert!(v2.find("bob").is_some());
    let v1 = client
        .call(&QueryEventSubscribe::new("watcher", ["alice", "bob"]))
        .await
        .unwrap();
    assert_eq!(v1.subscribes.len(), 2);

    // 61 s later alice's has expired, bob's has not.
    emu.advance_clock(61);
    let v1 = client
        .call(&QueryEventSubscribe::new("watcher", ["alice", "bob"]))
        .await
        .unwrap();
    let watched: Vec<&str> = v1.subscribes.iter().map(|s| s.accid.as_str()).collect();
    assert_eq!(watched, ["bob"]);
    let v2 = client
        .call(&QueryUserStatusSubscription::new("watcher", ["alice"]))
        .await
        .unwrap();
    assert!(v2.find("alice").is_none());
    assert_eq!(emu.subscriptions("watcher").len(), 1);
}

#[tokio::test]
async fn bad_input_is_refused_before_sending_or_answered_with_a_typed_error() {
    let (emu, client) = setup(&["zhangsan", "lisi"]).await;
    let before = emu.total_requests();

    // Before I/O: a relation with oneself (any case), a list over its limit, a range.
    let err = client
        .call(&AddFriend::new("zhangsan", "ZhangSan"))
        .await
        .unwrap_err();
    assert!(err.is_validation(), "{err}");
    let validation = err.validation().expect("a validation error");
    assert_eq!(validation.field(), "friend_account_id");
    assert_eq!(
        validation.rule(),
        &Rule::SameAccount {
            other: "account_id"
        }
    );
    let err = client
        .call(&AddFriendV1::new("lisi", "LISI", FriendAddType::Direct))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "faccid");
    let err = client
        .call(&AddBlockContact::new("lisi", "lisi"))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "contact_account_id");
    let many: Vec<String> = (0..101).map(|i| format!("user{i}")).collect();
    let err = client
        .call(&SubscribeUserStatus::new("zhangsan", many.clone(), 3600))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "account_ids");
    let err = client
        .call(&AddEventSubscribe::new("zhangsan", many, 3600))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "publisherAccids");
    let err = client
        .call(&SubscribeUserStatus::new("zhangsan", ["lisi"], 59))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "duration");
    let err = client
        .call(&ListFriends::new("zhangsan").limit(101u32))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "limit");
    assert_eq!(emu.total_requests(), before, "nothing was sent");

    // Server-side: an unknown account, the friend cap.
    let err = client
        .call(&AddFriend::new("zhangsan", "nobody"))
        .await
        .unwrap_err();
    assert_eq!(code(&err), 102_404, "{err}");
    assert!(err.is_not_registered(), "{err}");
    let err = client
        .call(&AddFriendV1::new(
            "zhangsan",
            "nobody",
            FriendAddType::Direct,
        ))
        .await
        .unwrap_err();
    assert!(err.is_not_registered(), "{err}");
    emu.set_friend_limit(0);
    let err = client
        .call(&AddFriend::new("zhangsan", "lisi"))
        .await
        .unwrap_err();
    assert_eq!(code(&err), 104_419, "{err}");
    let err = client
        .call(&AddFriendV1::new("zhangsan", "lisi", FriendAddType::Direct))
        .await
        .unwrap_err();
    assert_eq!(code(&err), 419, "{err}");
    assert!(emu.friends("zhangsan").is_empty());
}
