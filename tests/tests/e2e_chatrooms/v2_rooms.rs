//! The v2 chatroom operations end to end through the real client: a room made by v2 is the
//! room v1 reads and the other way round; status, the room-wide ban (v2 and v1), the
//! enter/leave switch, addresses, open rooms; robots and virtual members on one store.

use crate::{refused, room, setup};
use nim_api::chatroom::{
    AddChatroomRobots, AddressClientType, ClearChatroomRobots, DelayClosePolicy, GetChatroom,
    MuteChatroom, QueueLevel, RemoveChatroomRobots,
};
use nim_api::v2::chatroom::{
    ChatroomTexts, CreateChatroom, DelayCloseSettings, GetChatroomAddress, GetChatroomInfo,
    QueryOpenChatrooms, RoomNotification, ToggleChatroomMute, ToggleInOutNotification,
    UpdateChatroomInfo, UpdateChatroomStatus,
};
use nim_api::v2::chatroom_member::{
    AddVirtualMembers, ClearVirtualMembers, DeleteVirtualMembers, QueryVirtualMembers,
    VirtualMember,
};
use nim_emulator::ChatroomRole;

#[tokio::test]
async fn a_v2_room_is_the_room_v1_sees_and_the_other_way_round() {
    let (emu, client) = setup().await;
    let created = client
        .call(
            &CreateChatroom::new("Owner", "Lobby")
                .texts(
                    ChatroomTexts::new()
                        .announcement("welcome")
                        .live_url("https://live.example/1")
                        .queue_level(QueueLevel::Managers),
                )
                .delay(
                    DelayCloseSettings::new()
                        .delay_close_policy(DelayClosePolicy::AtFixedTime)
                        .delay_seconds(3600u64),
                )
                .in_out_notification(false),
        )
        .await
        .unwrap();
    assert!(created.valid);
    assert_eq!(created.creator, "owner");
    assert_eq!(created.queue_level, Some(1));
    let delay = created.delay_info.unwrap();
    assert_eq!(delay.policy(), Some(DelayClosePolicy::AtFixedTime));
    assert_eq!(delay.delay_seconds, Some(3600));
    let id = created.room_id;

    let v1 = client.call(&GetChatroom::new(id)).await.unwrap();
    assert_eq!(v1.name, "Lobby");
    assert_eq!(v1.broadcasturl.as_deref(), Some("https://live.example/1"));
    assert_eq!(v1.ionotify, Some(false));

    let v1_room = room(&client, "Made by v1").await;
    let info = client
        .call(&GetChatroomInfo::new(v1_room).need_online_user_count(true))
        .await
        .unwrap();
    assert_eq!(info.room_name, "Made by v1");
    assert_eq!(info.in_out_notification, Some(true));
    assert_eq!(info.online_user_count, Some(0));

    let updated = client
        .call(
            &UpdateChatroomInfo::new(v1_room)
                .room_name("Renamed")
                .texts(ChatroomTexts::new().extension("{}"))
                .notification(RoomNotification::new().notification_enabled(false)),
        )
        .await
        .unwrap();
    assert_eq!(updated.room_name, "Renamed");
    assert_eq!(emu.chatroom(v1_room).unwrap().ext.as_deref(), Some("{}"));

    let open = client
        .call(&QueryOpenChatrooms::new("owner"))
        .await
        .unwrap();
    assert_eq!(open.items, [id, v1_room]);
    emu.advance_clock(3600);
    let open = client
        .call(&QueryOpenChatrooms::new("owner"))
        .await
        .unwrap();
    assert_eq!(open.items, [v1_room], "closed by its policy");
}

#[tokio::test]
async fn status_ban_switch_and_addresses() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    emu.enter_chatroom(id, "guest", 16, &[]).unwrap();

    let by_other = UpdateChatroomStatus::new(id, "other", false);
    assert_eq!(refused(&client, &by_other).await, 403);
    let closed = client
        .call(&UpdateChatroomStatus::new(id, "owner", false))
        .await
        .unwrap();
    assert!(!closed.valid);
    assert!(emu.chatroom(id).unwrap().member("guest").is_none());
    let again = UpdateChatroomStatus::new(id, "owner", false);
    assert_eq!(refused(&client, &again).await, 417);
    let address = GetChatroomAddress::new(id, "guest", "203.0.113.7");
    assert_eq!(refused(&client, &address).await, 13002);
    client
        .call(&UpdateChatroomStatus::new(id, "owner", true))
        .await
        .unwrap();
    let items = client
        .call(&address.client_type(AddressClientType::WeChat))
        .await
        .unwrap()
        .items;
    assert!(!items.is_empty() && items.iter().all(|a| a.contains("wechat")));

    client
        .call(&ToggleChatroomMute::new(id, "owner", true))
        .await
        .unwrap();
    assert!(emu.chatroom(id).unwrap().muted);
    let info = client.call(&GetChatroomInfo::new(id)).await.unwrap();
    assert_eq!(info.chat_banned, Some(true));
    let by_guest = MuteChatroom::new(id, "guest", false);
    assert_eq!(refused(&client, &by_guest).await, 403);
    let lifted = client
        .call(&MuteChatroom::new(id, "owner", false).need_notify(false))
        .await
        .unwrap();
    assert!(lifted.success);
    assert!(!emu.chatroom(id).unwrap().muted);

    client
        .call(&ToggleInOutNotification::new(id, false))
        .await
        .unwrap();
    assert!(!emu.chatroom(id).unwrap().in_out_notification);
    let missing = ToggleInOutNotification::new(1, true);
    assert_eq!(refused(&client, &missing).await, 404);
}

#[tokio::test]
async fn robots_and_virtual_members_share_the_room() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    let added = client
        .call(&AddChatroomRobots::new(id, ["guest", "nobody"]).role_ext("{}"))
        .await
        .unwrap();
    assert_eq!(added.success_accids, ["guest"]);
    assert_eq!(added.fail_accids, ["nobody"]);
    let member = emu.chatroom(id).unwrap().member("guest").cloned().unwrap();
    assert_eq!(member.role, ChatroomRole::Virtual);
    assert!(member.robot_until.is_some());

    let batch = client
        .call(&AddVirtualMembers::new(
            id,
            [
                VirtualMember::new("other").room_nick("Helper"),
                VirtualMember::new("guest"),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(batch.success_list, ["other", "guest"]);
    assert!(batch.is_complete());
    let listed = client.call(&QueryVirtualMembers::new(id)).await.unwrap();
    let names: Vec<&str> = listed.items.iter().map(|m| m.account_id.as_str()).collect();
    assert_eq!(names, ["guest", "other"]);
    assert_eq!(listed.items[1].room_nick.as_deref(), Some("Helper"));
    let info = client
        .call(&GetChatroomInfo::new(id).need_online_user_count(true))
        .await
        .unwrap();
    assert_eq!(info.online_user_count, Some(2));

    let removed = client
        .call(&RemoveChatroomRobots::new(id, ["other", "owner"]))
        .await
        .unwrap();
    assert_eq!(removed.success_accids, ["other"]);
    assert_eq!(removed.fail_accids, ["owner"]);
    let deleted = client
        .call(&DeleteVirtualMembers::new(id, ["guest", "owner"]))
        .await
        .unwrap();
    assert_eq!(deleted.success_list, ["guest"]);
    assert_eq!(deleted.failures()[0].account(), Some("owner"));
    assert_eq!(deleted.failures()[0].error_code, 404);

    client
        .call(&AddVirtualMembers::new(id, [VirtualMember::new("guest")]))
        .await
        .unwrap();
    let cleaned = client.call(&ClearChatroomRobots::new(id)).await.unwrap();
    assert_eq!(cleaned.size, 1);
    let cleared = client.call(&ClearVirtualMembers::new(id)).await.unwrap();
    assert_eq!(cleared.count, 0);
    assert!(emu.chatroom(id).unwrap().member("guest").is_none());
}
