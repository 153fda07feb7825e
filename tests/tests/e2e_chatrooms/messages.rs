//! Chatroom messages end to end: sent with v1, read with the v2 history, recalled with v2
//! and gone from the v1 history; typed bodies both ways; batches, directed messages, tag
//! history, the paging walk, and what a closed room or a stranger gets.

use crate::{refused, room, setup};
use nim_api::Client;
use nim_api::chatroom::{
    BatchSendChatroomMsg, ChatroomMsgItem, DeleteChatroomHistoryMessage, QueryChatroomHistory,
    QueryChatroomTagHistory, SendChatroomMsg, SendChatroomMsgToSomeone, ToggleChatroomStatus,
};
use nim_api::history::Order;
use nim_api::message::{Image, Message, MessageBody};
use nim_api::v2::chatroom_message::{
    BatchSendChatroomMessages, QueryChatroomHistoryMessages, RecallChatroomMessage,
    SendChatroomMessage,
};

/// The bodies of room `id`'s v1 history, newest first.
async fn v1_history(client: &Client, id: u64) -> Vec<MessageBody> {
    let page = client
        .call(&QueryChatroomHistory::new(id, "owner", 0u64, 100u32))
        .await
        .unwrap();
    assert_eq!(page.size as usize, page.msgs.len());
    page.msgs.iter().map(|m| m.body()).collect()
}

#[tokio::test]
async fn sent_with_v1_read_and_recalled_with_v2_gone_from_v1() {
    let (_emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    let sent = client
        .call(&SendChatroomMsg::new(
            id,
            "m-1",
            "owner",
            Message::text("hello"),
        ))
        .await
        .unwrap();
    assert_eq!((sent.room_id, sent.msgid_client.as_str()), (id, "m-1"));
    assert_eq!(sent.body(), MessageBody::Text("hello".into()));
    client
        .call(&SendChatroomMsg::new(
            id,
            "m-2",
            "owner",
            Message::text("stays"),
        ))
        .await
        .unwrap();

    let page = client
        .call(&QueryChatroomHistoryMessages::new(id, "owner", 10u32).descending(false))
        .await
        .unwrap();
    let first = &page.items[0];
    assert_eq!(first.message_client_id, "m-1");
    assert_eq!(first.create_time, sent.time);
    assert_eq!(first.body(), MessageBody::Text("hello".into()));
    assert_eq!(first.sender_client_type, Some(32));

    let recall = RecallChatroomMessage::new(
        id,
        first.message_client_id.as_str(),
        "owner",
        "owner",
        first.create_time,
    )
    .notification_enabled(true);
    client.call(&recall).await.unwrap();
    assert_eq!(
        v1_history(&client, id).await,
        [MessageBody::Text("stays".into())]
    );
    // Recalled twice: nothing matches any more.
    assert_eq!(refused(&client, &recall).await, 404);
}

#[tokio::test]
async fn typed_bodies_travel_between_the_protocols() {
    let (_emu, client) = setup().await;
    let id = room(&client, "Gallery").await;
    let cat = Image::new("https://example.com/cat.jpg").w(640).h(480);
    let sent = client
        .call(&SendChatroomMessage::new(
            id,
            "owner",
            Message::image(cat.clone()).client_id("img"),
        ))
        .await
        .unwrap();
    assert_eq!(sent.message.body(), MessageBody::Image(cat.clone()));
    assert!(sent.failed_list.is_empty());
    client
        .call(&SendChatroomMsg::new(
            id,
            "tip",
            "owner",
            Message::tip("welcome"),
        ))
        .await
        .unwrap();
    assert_eq!(
        v1_history(&client, id).await,
        [MessageBody::Tip("welcome".into()), MessageBody::Image(cat)]
    );
}

#[tokio::test]
async fn batches_directed_messages_and_deletes() {
    let (emu, client) = setup().await;
    let id = room(&client, "Busy").await;
    let batch = client
        .call(&BatchSendChatroomMsg::new(
            id,
            "owner",
            [
                ChatroomMsgItem::new("a", Message::text("one")),
                ChatroomMsgItem::new("b", Message::text("two")),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(batch.failed().count(), 0);
    let two = batch.sent("b").unwrap().time;
    let v2 = client
        .call(&BatchSendChatroomMessages::new(
            id,
            "owner",
            [Message::text("three").client_id("c")],
        ))
        .await
        .unwrap();
    assert_eq!(v2.success_list[0].message_client_id, "c");

    emu.enter_chatroom(id, "guest", 16, &["vip"]).unwrap();
    let directed = client
        .call(&SendChatroomMsgToSomeone::new(
            id,
            "d",
            "owner",
            ["guest"],
            Message::text("psst"),
        ))
        .await
        .unwrap();
    assert_eq!(directed.attach, "psst");
    client
        .call(&DeleteChatroomHistoryMessage::new(id, "owner", two))
        .await
        .unwrap();
    let oldest_first = client
        .call(&QueryChatroomHistory::new(id, "owner", 0u64, 10u32).reverse(Order::Ascending))
        .await
        .unwrap();
    let ids: Vec<&str> = oldest_first.msgs.iter().map(|m| m.msgid.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);

    client
        .call(&SendChatroomMsg::new(
            id,
            "e",
            "guest",
            Message::text("vip speaks"),
        ))
        .await
        .unwrap();
    let tagged = client
        .call(&QueryChatroomTagHistory::new(id, ["vip"]))
        .await
        .unwrap();
    assert_eq!(tagged.msgs.len(), 1);
    assert_eq!(
        tagged.msgs[0].body(),
        MessageBody::Text("vip speaks".into())
    );
}

#[tokio::test]
async fn the_history_walk_and_the_refusals() {
    let (_emu, client) = setup().await;
    let id = room(&client, "Walk").await;
    for i in 0..5 {
        let text = format!("n{i}");
        client
            .call(&SendChatroomMsg::new(
                id,
                text.as_str(),
                "owner",
                Message::text(text.clone()),
            ))
            .await
            .unwrap();
    }
    let pages = client
        .pages(QueryChatroomHistoryMessages::new(id, "owner", 2u32))
        .collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 3);
    let ids: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.items)
        .map(|m| m.message_client_id)
        .collect();
    assert_eq!(ids, ["n4", "n3", "n2", "n1", "n0"]);

    // An account outside the room may send (no source restricts the sender); one that
    // is not registered may not.
    let outsider = SendChatroomMsg::new(id, "x", "other", Message::text("hi"));
    client.call(&outsider).await.unwrap();
    let stranger = SendChatroomMsg::new(id, "y", "nobody", Message::text("hi"));
    assert_eq!(refused(&client, &stranger).await, 414);
    client
        .call(&ToggleChatroomStatus::new(id, "owner", false))
        .await
        .unwrap();
    let closed = SendChatroomMessage::new(id, "owner", Message::text("late"));
    assert_eq!(refused(&client, &closed).await, 13002);
}
