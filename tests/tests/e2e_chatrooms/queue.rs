//! The room queue through the client: what v1 offers v2 polls and the other way round, the
//! batch actions, and a transient element that goes when its owner's client leaves.

use crate::{refused, room, setup};
use nim_api::chatroom::{
    BatchOfferChatroomQueue, BatchUpdateChatroomQueue, ChatroomNotify, DropChatroomQueue,
    GetChatroomQueueElements, InitChatroomQueue, ListChatroomQueue, MemberRoleOption,
    OfferChatroomQueue, PollChatroomQueue, QueueOfferElement, QueuePriority, QueueValues,
    SetChatroomMemberRole,
};
use nim_api::v2::chatroom_queue::{
    DeleteChatroomQueue, ElementAddPolicy, InitializeChatroomQueue, PollChatroomQueueElement,
    QueryChatroomQueueElements, QueueElementWrite, QueueNotificationConfig, UpdateChatroomQueue,
};

#[tokio::test]
async fn what_v1_offers_v2_polls_and_what_v2_writes_v1_polls() {
    let (_emu, client) = setup().await;
    let id = room(&client, "Stage").await;

    let offered = client
        .call(
            &OfferChatroomQueue::new(id, "mic-1", "zhangsan")
                .priority(QueuePriority::new().high_priority(true)),
        )
        .await
        .unwrap();
    assert_eq!(offered.high_priority, Some(true));
    let polled = client
        .call(&PollChatroomQueueElement::new(id))
        .await
        .unwrap();
    assert_eq!(polled.element_key, "mic-1");
    assert_eq!(polled.element_value, "zhangsan");
    assert_eq!(polled.element_account_id, "owner");
    assert!(!polled.element_transient);

    let written = client
        .call(&UpdateChatroomQueue::new(
            id,
            "owner",
            [
                QueueElementWrite::new("mic-2", "lisi"),
                QueueElementWrite::new("mic-3", "wangwu"),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(written.insert_element_list, ["mic-2", "mic-3"]);
    assert!(written.failed_element_list.is_empty());
    let taken = client
        .call(&PollChatroomQueue::new(id).key("mic-3"))
        .await
        .unwrap();
    assert_eq!(
        (taken.key.as_str(), taken.value.as_str()),
        ("mic-3", "wangwu")
    );
    let listed = client.call(&ListChatroomQueue::new(id)).await.unwrap();
    assert_eq!(listed.list.len(), 1);
    assert_eq!(listed.get("mic-2"), Some("lisi"));

    // Nothing left after the head is taken: 404 in both versions.
    client.call(&PollChatroomQueue::new(id)).await.unwrap();
    assert_eq!(refused(&client, &PollChatroomQueue::new(id)).await, 404);
    assert_eq!(
        refused(&client, &PollChatroomQueueElement::new(id)).await,
        404
    );
}

#[tokio::test]
async fn the_batch_actions_and_the_limits_through_both_versions() {
    let (_emu, client) = setup().await;
    let id = room(&client, "Stage").await;
    client
        .call(&InitChatroomQueue::new(id, 2u64))
        .await
        .unwrap();

    let batch = BatchOfferChatroomQueue::new(
        id,
        [
            QueueOfferElement::new("a", "1"),
            QueueOfferElement::new("b", "2").accid("other"),
            QueueOfferElement::new("c", "3"),
        ],
    )
    .notify(ChatroomNotify::new().need_notify(false));
    let offered = client.call(&batch).await.unwrap();
    assert_eq!(offered.failed_keys, ["c"]);

    let values: QueueValues = [("a", "10"), ("z", "0")].into_iter().collect();
    let updated = client
        .call(&BatchUpdateChatroomQueue::new(id, "owner", values.clone()))
        .await
        .unwrap();
    assert_eq!(updated.missing_keys, ["z"]);
    let by_other = BatchUpdateChatroomQueue::new(id, "other", values);
    assert_eq!(refused(&client, &by_other).await, 403);
    let appoint = SetChatroomMemberRole::new(id, "owner", "other", MemberRoleOption::Manager, true);
    client.call(&appoint).await.unwrap();
    assert_eq!(client.call(&by_other).await.unwrap().missing_keys, ["z"]);

    let got = client
        .call(&GetChatroomQueueElements::new(id, ["b", "a"]))
        .await
        .unwrap();
    let pairs: Vec<(&str, &str)> = got
        .list
        .iter()
        .map(|e| (e.key.as_str(), e.value.as_str()))
        .collect();
    assert_eq!(pairs, [("b", "2"), ("a", "10")]);

    let queue = client
        .call(&QueryChatroomQueueElements::new(id))
        .await
        .unwrap();
    assert_eq!((queue.queue_size_limit, queue.queue_size), (2, 2));
    assert_eq!(queue.element_list[1].element_account_id, "other");
    let first = &queue.element_list[0];
    assert!(first.create_time.is_some() && first.update_time >= first.create_time);

    // v2: a larger limit, an add-only key that exists, and the new key that now fits.
    client
        .call(&InitializeChatroomQueue::new(id).queue_size_limit(3u32))
        .await
        .unwrap();
    let update = UpdateChatroomQueue::new(
        id,
        "owner",
        [
            QueueElementWrite::new("a", "x").element_add_policy(ElementAddPolicy::AddOnly),
            QueueElementWrite::new("c", "3"),
        ],
    );
    let done = client.call(&update).await.unwrap();
    assert_eq!(done.insert_element_list, ["c"]);
    assert_eq!(done.failed_element_list[0].element_key, "a");
    assert_eq!(done.failed_element_list[0].error_code, 417);

    let deleted = client
        .call(
            &DeleteChatroomQueue::new(id)
                .notification_config(QueueNotificationConfig::new().high_priority(0u8)),
        )
        .await
        .unwrap();
    assert_eq!(deleted.queue_size, 3);
    client.call(&DropChatroomQueue::new(id)).await.unwrap();
    assert!(
        client
            .call(&ListChatroomQueue::new(id))
            .await
            .unwrap()
            .list
            .is_empty()
    );
}

#[tokio::test]
async fn a_transient_element_needs_its_owner_in_the_room_and_goes_with_it() {
    let (emu, client) = setup().await;
    let id = room(&client, "Stage").await;
    let seat = OfferChatroomQueue::new(id, "seat", "1")
        .operator("guest")
        .transient(true);
    assert_eq!(refused(&client, &seat).await, 403);
    emu.enter_chatroom(id, "guest", 16, &[]).unwrap();
    client.call(&seat).await.unwrap();
    let queue = client
        .call(&QueryChatroomQueueElements::new(id))
        .await
        .unwrap();
    assert!(queue.element_list[0].element_transient);
    emu.leave_chatroom(id, "guest").unwrap();
    let queue = client
        .call(&QueryChatroomQueueElements::new(id))
        .await
        .unwrap();
    assert!(queue.element_list.is_empty());
}
