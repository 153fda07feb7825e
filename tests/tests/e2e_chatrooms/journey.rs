//! One room's whole life across both versions, as the issue asks: created with v2, roles set
//! with v1 and v2, a temporary chat ban (v2) that expires on the emulator's clock while v1
//! sends are refused, a message sent with v1 and recalled with v2, a queue element written
//! with v2 and polled with v1, and the room closed with v1 and seen closed by v2.

use crate::{refused, setup};
use nim_api::chatroom::{
    MemberRole, MemberRoleOption, PollChatroomQueue, QueryChatroomHistory, SendChatroomMsg,
    SetChatroomMemberRole, ToggleChatroomStatus,
};
use nim_api::message::{Message, MessageBody};
use nim_api::v2::chatroom::{CreateChatroom, GetChatroomInfo};
use nim_api::v2::chatroom_member::{SetMemberRole, TempChatBan, ToggleTempChatBan};
use nim_api::v2::chatroom_message::{RecallChatroomMessage, SendChatroomMessage};
use nim_api::v2::chatroom_queue::{QueueElementWrite, UpdateChatroomQueue};
use nim_emulator::ChatroomRole;

#[tokio::test]
async fn a_room_lives_its_whole_life_across_v1_and_v2() {
    let (emu, client) = setup().await;
    let id = client
        .call(&CreateChatroom::new("owner", "Journey"))
        .await
        .unwrap()
        .room_id;
    emu.enter_chatroom(id, "other", 16, &[]).unwrap();
    emu.enter_chatroom(id, "guest", 16, &[]).unwrap();

    // Roles: the creator appoints a manager (v1); the manager makes the guest a normal,
    // fixed member (v2).
    client
        .call(&SetChatroomMemberRole::new(
            id,
            "owner",
            "other",
            MemberRoleOption::Manager,
            true,
        ))
        .await
        .unwrap();
    client
        .call(&SetMemberRole::new("guest", id, MemberRole::Normal).operator_account_id("other"))
        .await
        .unwrap();
    let record = emu.chatroom(id).unwrap();
    assert_eq!(record.member("other").unwrap().role, ChatroomRole::Manager);
    assert_eq!(record.member("guest").unwrap().role, ChatroomRole::Normal);

    // A 60 s temporary chat ban (v2): v1 sends are refused until it runs out.
    let ban = ToggleTempChatBan::new("guest", id, "other", TempChatBan::for_seconds(60));
    assert_eq!(client.call(&ban).await.unwrap().mute_duration, 60);
    let hello = SendChatroomMsg::new(id, "m-1", "guest", Message::text("hello"));
    assert_eq!(refused(&client, &hello).await, 13004);
    emu.advance_clock(59);
    assert_eq!(refused(&client, &hello).await, 13004);
    emu.advance_clock(1);
    let sent = client.call(&hello).await.unwrap();

    // Recalled with v2 by the manager: gone from the v1 history.
    let recall = RecallChatroomMessage::new(id, "m-1", "other", "guest", sent.time);
    client.call(&recall).await.unwrap();
    let history = client
        .call(&QueryChatroomHistory::new(id, "owner", 0u64, 100u32))
        .await
        .unwrap();
    let bodies: Vec<MessageBody> = history.msgs.iter().map(|m| m.body()).collect();
    assert!(bodies.is_empty(), "{bodies:?}");

    // The queue: written with v2, polled with v1.
    let write = UpdateChatroomQueue::new(id, "guest", [QueueElementWrite::new("mic", "guest")]);
    client.call(&write).await.unwrap();
    let polled = client.call(&PollChatroomQueue::new(id)).await.unwrap();
    assert_eq!(
        (polled.key.as_str(), polled.value.as_str()),
        ("mic", "guest")
    );

    // Closed with v1: v2 reads it closed and may not send into it.
    client
        .call(&ToggleChatroomStatus::new(id, "owner", false))
        .await
        .unwrap();
    assert!(!client.call(&GetChatroomInfo::new(id)).await.unwrap().valid);
    let late = SendChatroomMessage::new(id, "owner", Message::text("late"));
    assert_eq!(refused(&client, &late).await, 13002);
}
