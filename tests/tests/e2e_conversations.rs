//! Conversations end to end against the emulator, through the real client: messages sent
//! with v1 `msg/sendMsg` and v2 `sendMessage` show up as both sides' conversations with
//! unread counts; clearing, the overview, update, stick on top, list order and paging,
//! delete and batch delete; conversation groups; and both methods of the two operations the
//! official SDKs send differently (the other SDK's method declared here, as a downstream
//! crate would).

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::Client;
use nim_api::message::{ConversationId, Message};
use nim_api::msg::{Ope, SendMsg};
use nim_api::v2::conversation::{
    BatchDeleteConversations, BatchGetConversations, Conversation, ConversationResults,
    CreateConversation, DeleteConversation, GetConversation, ListConversations,
    StickTopConversation, TopType, UpdateConversation,
};
use nim_api::v2::conversation_group::{
    BatchGetConversationGroups, CreateConversationGroup, DeleteConversationGroup,
    GetConversationGroup, GroupChange, GroupConversations, ListAllConversationGroups,
    UpdateConversationGroup,
};
use nim_api::v2::conversation_unread::{ClearConversationUnread, GetConversationOverview};
use nim_api::v2::message::SendMessage;
use nim_emulator::Emulator;
use support::{code, with_accounts};

async fn setup() -> (Emulator, Client) {
    with_accounts("conv-key", "conv-secret", &["zhangsan", "lisi", "wangwu"]).await
}

fn p2p(owner: &str, peer: &str) -> ConversationId {
    ConversationId::p2p(owner, peer)
}

async fn unread(client: &Client, account: &str) -> u64 {
    let overview = client
        .call(&GetConversationOverview::new(account))
        .await
        .unwrap();
    assert_eq!(overview.account_id, account);
    overview.unread_count
}

/// Every conversation of `account`, walked two per page.
async fn all_conversations(client: &Client, account: &str) -> Vec<Conversation> {
    let request = ListConversations::new(account).limit(2u32);
    let pages = client.pages(request).collect().await.unwrap();
    pages.into_iter().flat_map(|p| p.items).collect()
}

#[tokio::test]
async fn messages_sent_through_the_client_become_conversations_with_unread_counts() {
    let (_emu, client) = setup().await;
    for text in ["one", "two"] {
        let send = SendMsg::new("zhangsan", Ope::P2p, "lisi", Message::text(text));
        client.call(&send).await.unwrap();
    }
    let reply = SendMessage::new(p2p("lisi", "zhangsan"), Message::text("three"));
    let sent = client.call(&reply).await.unwrap();

    let lisi = client
        .call(&GetConversation::new(p2p("lisi", "zhangsan")))
        .await
        .unwrap();
    assert_eq!(
        (lisi.sender_id.as_str(), lisi.receiver_id.as_str()),
        ("lisi", "zhangsan")
    );
    assert_eq!(lisi.unread_count, Some(2), "zhangsan's two, not lisi's own");
    let last = lisi.last_message.unwrap();
    assert_eq!(
        (last.message_server_id, last.text.as_deref()),
        (sent.message_server_id, Some("three"))
    );
    assert_eq!(lisi.message_state, Some(0));
    let zhangsan = client
        .call(&GetConversation::new(p2p("zhangsan", "lisi")))
        .await
        .unwrap();
    assert_eq!(zhangsan.unread_count, Some(1));
    let (made, changed) = (zhangsan.create_time.unwrap(), zhangsan.update_time.unwrap());
    assert!(made < changed, "{made} {changed}");

    assert_eq!(unread(&client, "lisi").await, 2);
    client
        .call(&ClearConversationUnread::new(p2p("lisi", "zhangsan")))
        .await
        .unwrap();
    assert_eq!(unread(&client, "lisi").await, 0);
    let read = client
        .call(&GetConversation::new(p2p("lisi", "zhangsan")))
        .await
        .unwrap();
    assert_eq!(read.unread_count, Some(0));
    assert!(read.last_read_time.unwrap() > read.update_time.unwrap());

    let err = client
        .call(&GetConversation::new(p2p("wangwu", "lisi")))
        .await
        .unwrap_err();
    assert_eq!(code(&err), 414);
    let err = client
        .call(&GetConversationOverview::new("nobody"))
        .await
        .unwrap_err();
    assert_eq!(code(&err), 102404);
}

#[tokio::test]
async fn create_update_stick_top_list_and_delete() {
    let (_emu, client) = setup().await;
    let made = client
        .call(&CreateConversation::new(p2p("zhangsan", "wangwu")))
        .await
        .unwrap();
    assert_eq!((made.unread_count, made.stick_top), (Some(0), Some(false)));
    assert!(made.last_message.is_none());
    let send = SendMsg::new("lisi", Ope::P2p, "zhangsan", Message::text("hi"));
    client.call(&send).await.unwrap();

    let updated = client
        .call(&UpdateConversation::new(
            p2p("zhangsan", "wangwu"),
            "{\"tag\":\"vip\"}",
        ))
        .await
        .unwrap();
    assert_eq!(
        updated.server_extension.as_deref(),
        Some("{\"tag\":\"vip\"}")
    );
    let order: Vec<String> = all_conversations(&client, "zhangsan")
        .await
        .iter()
        .map(|c| c.conversation_id.to_string())
        .collect();
    assert_eq!(
        order,
        ["zhangsan|1|wangwu", "zhangsan|1|lisi"],
        "the latest change first"
    );

    let pinned = client
        .call(&StickTopConversation::new(
            p2p("zhangsan", "lisi"),
            TopType::Stick,
        ))
        .await
        .unwrap();
    assert_eq!(pinned.stick_top, Some(true));
    let first = &all_conversations(&client, "zhangsan").await[0];
    assert_eq!(
        first.conversation_id,
        p2p("zhangsan", "lisi"),
        "pinned first"
    );
    assert_eq!(first.stick_top, Some(true));

    client
        .call(&DeleteConversation::new(p2p("zhangsan", "wangwu")).clear_message(true))
        .await
        .unwrap();
    let err = client
        .call(&GetConversation::new(p2p("zhangsan", "wangwu")))
        .await
        .unwrap_err();
    assert_eq!(code(&err), 414);
    let deleted = client
        .call(&BatchDeleteConversations::new([
            p2p("zhangsan", "lisi"),
            p2p("zhangsan", "wangwu"),
        ]))
        .await
        .unwrap();
    assert_eq!(deleted.success_list, [p2p("zhangsan", "lisi")]);
    assert_eq!(deleted.failed_list[0].conversation_id, "zhangsan|1|wangwu");
    assert_eq!(deleted.failed_list[0].error_code, 414);
    assert!(all_conversations(&client, "zhangsan").await.is_empty());
    assert_eq!(unread(&client, "zhangsan").await, 0);

    let none = BatchDeleteConversations::new(Vec::<ConversationId>::new());
    assert!(client.call(&none).await.unwrap_err().is_validation());
}

/// batchGetConversations as the Go SDK sends it: POST with a JSON body.
#[derive(Debug, Clone, nim_api::Endpoint)]
#[nim(path = "/im/v2.1/conversations/actions/conversation_ids", method = "POST",
      response = ConversationResults<Conversation>)]
struct GoBatchGetConversations {
    conversation_ids: Vec<ConversationId>,
}

/// stickTopConversation as the Java SDK sends it: PATCH.
#[derive(Debug, Clone, nim_api::Endpoint)]
#[nim(path = "/im/v2/conversations/{conversation_id}/actions/stick_top_conversation",
      method = "PATCH", response = Conversation)]
struct JavaStickTopConversation {
    #[nim(path)]
    conversation_id: ConversationId,
    top_type: TopType,
}

#[tokio::test]
async fn both_methods_of_batch_get_and_stick_top_are_served() {
    let (_emu, client) = setup().await;
    let send = SendMsg::new("zhangsan", Ope::P2p, "lisi", Message::text("hi"));
    client.call(&send).await.unwrap();
    let ids = [p2p("lisi", "zhangsan"), p2p("lisi", "wangwu")];

    let docs = client
        .call(&BatchGetConversations::new(ids.clone()))
        .await
        .unwrap();
    let go = client
        .call(&GoBatchGetConversations {
            conversation_ids: ids.to_vec(),
        })
        .await
        .unwrap();
    assert_eq!(docs, go);
    assert_eq!(docs.success_list[0].unread_count, Some(1));
    assert_eq!(docs.failed_list[0].conversation_id, "lisi|1|wangwu");

    let java = JavaStickTopConversation {
        conversation_id: p2p("lisi", "zhangsan"),
        top_type: TopType::Stick,
    };
    assert_eq!(client.call(&java).await.unwrap().stick_top, Some(true));
    let docs = StickTopConversation::new(p2p("lisi", "zhangsan"), TopType::Unstick);
    assert_eq!(client.call(&docs).await.unwrap().stick_top, Some(false));
}

#[tokio::test]
async fn conversation_groups_hold_conversations() {
    let (_emu, client) = setup().await;
    for peer in ["lisi", "wangwu"] {
        let send = SendMsg::new("zhangsan", Ope::P2p, peer, Message::text("hi"));
        client.call(&send).await.unwrap();
    }
    let created = client
        .call(
            &CreateConversationGroup::new("zhangsan", "friends")
                .server_extension("x")
                .conversation_ids([p2p("zhangsan", "lisi"), p2p("zhangsan", "nobody")]),
        )
        .await
        .unwrap();
    let group = created.conversation_group.group_id;
    assert_eq!(created.conversation_group.name, "friends");
    assert_eq!(created.success_list, [p2p("zhangsan", "lisi")]);
    assert_eq!(created.failed_list[0].error_code, 414);
    let lisi = client
        .call(&GetConversation::new(p2p("zhangsan", "lisi")))
        .await
        .unwrap();
    assert_eq!(lisi.group_ids, Some(vec![group]));

    let add = GroupConversations::new(GroupChange::Add, [p2p("zhangsan", "wangwu")]);
    let changed = client
        .call(
            &UpdateConversationGroup::new(group, "zhangsan")
                .name("close")
                .conversations(add),
        )
        .await
        .unwrap();
    assert_eq!(changed.conversation_group.name, "close");
    let remove = GroupConversations::new(GroupChange::Remove, [p2p("zhangsan", "lisi")]);
    client
        .call(&UpdateConversationGroup::new(group, "zhangsan").conversations(remove))
        .await
        .unwrap();
    let read = client
        .call(&GetConversationGroup::new(group, "zhangsan"))
        .await
        .unwrap();
    assert_eq!(read.conversation_ids, [p2p("zhangsan", "wangwu")]);
    assert_eq!(read.server_extension.as_deref(), Some("x"));

    let batch = client
        .call(&BatchGetConversationGroups::new(
            "zhangsan",
            [group, group + 100],
        ))
        .await
        .unwrap();
    assert_eq!(batch.success_list[0].group_id, group);
    assert_eq!(
        (
            batch.failed_list[0].group_id,
            batch.failed_list[0].error_code
        ),
        (group + 100, 414)
    );
    let all = client
        .call(&ListAllConversationGroups::new("zhangsan"))
        .await
        .unwrap();
    assert_eq!(all.conversation_groups.len(), 1);

    client
        .call(&DeleteConversationGroup::new(group, "zhangsan"))
        .await
        .unwrap();
    let all = client
        .call(&ListAllConversationGroups::new("zhangsan"))
        .await
        .unwrap();
    assert!(all.conversation_groups.is_empty());
    let wangwu = client
        .call(&GetConversation::new(p2p("zhangsan", "wangwu")))
        .await
        .unwrap();
    assert!(
        wangwu.group_ids.as_deref().is_some_and(<[u64]>::is_empty),
        "the conversation stays, out of the group"
    );
    let err = client
        .call(&GetConversationGroup::new(group, "zhangsan"))
        .await
        .unwrap_err();
    assert_eq!(code(&err), 414);
}
