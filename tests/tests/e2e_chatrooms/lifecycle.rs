//! A room's life (create, read one and several, update, close, reopen), what a closed room
//! refuses, delay close on the emulator's clock, the enter/leave notification switch,
//! connection addresses, and a creator's open rooms after a simulated client entered one.

use crate::{refused, room, setup};
use nim_api::chatroom::{
    AddressClientType, CreateChatroom, DelayClosePolicy, GetChatroom, GetChatrooms,
    QueryOpenChatroomIds, QueueLevel, RequestChatroomAddress, ToggleChatroomStatus, UpdateChatroom,
    UpdateChatroomDelayClose, UpdateChatroomInOutNotification,
};
use nim_emulator::ChatroomRole;

#[tokio::test]
async fn a_room_is_created_read_updated_closed_and_reopened() {
    let (emu, client) = setup().await;
    let created = client
        .call(
            &CreateChatroom::new("Owner", "Lobby")
                .announcement("welcome")
                .broadcasturl("https://live.example/1")
                .queuelevel(QueueLevel::Managers),
        )
        .await
        .unwrap();
    assert!(created.valid);
    assert_eq!(created.creator, "owner");
    assert_eq!(created.queuelevel, Some(1));
    assert_eq!(created.muted, Some(false));
    let delay = created.delay_info.unwrap();
    assert_eq!(delay.policy(), Some(DelayClosePolicy::Never));
    assert!(!delay.delay_close_enable);
    let id = created.roomid;

    let got = client
        .call(&GetChatroom::new(id).need_online_user_count(true))
        .await
        .unwrap();
    assert_eq!(got.name, "Lobby");
    assert_eq!(got.announcement.as_deref(), Some("welcome"));
    assert_eq!(got.ionotify, Some(true));
    assert_eq!(got.onlineusercount, Some(0));

    let second = room(&client, "Second").await;
    let batch = client
        .call(&GetChatrooms::new([second, 1, id]))
        .await
        .unwrap();
    let names: Vec<&str> = batch.succ_rooms.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Second", "Lobby"]);
    assert_eq!(batch.no_exist_rooms, [1]);
    assert!(batch.fail_rooms.is_empty());

    let updated = client
        .call(
            &UpdateChatroom::new(id)
                .name("Renamed")
                .announcement("")
                .need_notify(false),
        )
        .await
        .unwrap();
    assert_eq!(updated.name, "Renamed");
    // The emulator stores a cleared text as absent, so the answer leaves it out.
    assert_eq!(updated.announcement, None);
    assert_eq!(
        updated.broadcasturl.as_deref(),
        Some("https://live.example/1")
    );

    // Only the creator closes; reopening an open room is 417.
    assert_eq!(
        refused(&client, &ToggleChatroomStatus::new(id, "other", false)).await,
        403
    );
    assert_eq!(
        refused(&client, &ToggleChatroomStatus::new(id, "owner", true)).await,
        417
    );

    emu.enter_chatroom(id, "guest", 16, &["vip"]).unwrap();
    let closed = client
        .call(&ToggleChatroomStatus::new(id, "owner", false))
        .await
        .unwrap();
    assert!(!closed.valid);
    let record = emu.chatroom(id).unwrap();
    assert_eq!(record.online_count(), 0);
    assert!(record.member("guest").is_none(), "the guest was kicked");
    assert_eq!(record.member("owner").unwrap().role, ChatroomRole::Creator);

    // Members and later actions are refused; reading still works.
    let err = emu.enter_chatroom(id, "guest", 16, &[]).unwrap_err();
    assert!(err.contains("closed"), "{err}");
    assert_eq!(
        refused(&client, &RequestChatroomAddress::new(id, "guest")).await,
        13002
    );
    assert_eq!(
        refused(&client, &ToggleChatroomStatus::new(id, "owner", false)).await,
        417
    );
    assert!(!client.call(&GetChatroom::new(id)).await.unwrap().valid);

    let reopened = client
        .call(&ToggleChatroomStatus::new(id, "owner", true))
        .await
        .unwrap();
    assert!(reopened.valid);
    emu.enter_chatroom(id, "guest", 16, &[]).unwrap();
}

#[tokio::test]
async fn delay_close_runs_on_the_emulators_clock() {
    let (emu, client) = setup().await;
    let fixed = client
        .call(
            &CreateChatroom::new("owner", "Timed")
                .delay_close_policy(DelayClosePolicy::AtFixedTime)
                .delay_seconds(120u64),
        )
        .await
        .unwrap()
        .roomid;
    let idle = room(&client, "Idle").await;
    emu.enter_chatroom(idle, "guest", 1, &[]).unwrap();
    let set = client
        .call(
            &UpdateChatroomDelayClose::new(idle)
                .delay_close_policy(DelayClosePolicy::WhenIdle)
                .delay_seconds(30u64),
        )
        .await
        .unwrap();
    let delay = set.delay_info.unwrap();
    assert_eq!(delay.policy(), Some(DelayClosePolicy::WhenIdle));
    assert_eq!(delay.delay_seconds, Some(30));

    emu.advance_clock(119);
    assert!(client.call(&GetChatroom::new(fixed)).await.unwrap().valid);
    emu.advance_clock(1);
    assert!(!client.call(&GetChatroom::new(fixed)).await.unwrap().valid);
    // Occupied all along: the idle room is still open; emptied, it closes 30 s later.
    assert!(client.call(&GetChatroom::new(idle)).await.unwrap().valid);
    emu.leave_chatroom(idle, "guest").unwrap();
    emu.advance_clock(29);
    assert!(client.call(&GetChatroom::new(idle)).await.unwrap().valid);
    emu.advance_clock(1);
    assert!(!client.call(&GetChatroom::new(idle)).await.unwrap().valid);

    // Over 7 days is refused before sending.
    let long = UpdateChatroomDelayClose::new(idle).delay_seconds(604_801u64);
    assert!(client.call(&long).await.unwrap_err().validation().is_some());
}

#[tokio::test]
async fn the_in_out_notification_switch_is_seen_by_get() {
    let (_emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    client
        .call(&UpdateChatroomInOutNotification::new(id, true))
        .await
        .unwrap();
    let got = client.call(&GetChatroom::new(id)).await.unwrap();
    assert_eq!(got.ionotify, Some(false));
    client
        .call(&UpdateChatroomInOutNotification::new(id, false))
        .await
        .unwrap();
    let got = client.call(&GetChatroom::new(id)).await.unwrap();
    assert_eq!(got.ionotify, Some(true));
    assert_eq!(
        refused(&client, &UpdateChatroomInOutNotification::new(9, true)).await,
        404
    );
}

#[tokio::test]
async fn a_creators_open_rooms_are_listed_after_a_client_entered_one() {
    let (emu, client) = setup().await;
    let a = room(&client, "A").await;
    let b = room(&client, "B").await;
    let addr = client
        .call(&RequestChatroomAddress::new(a, "guest").clienttype(AddressClientType::Web))
        .await
        .unwrap();
    assert!(!addr.addr.is_empty());
    emu.enter_chatroom(a, "Guest", 2, &["vip"]).unwrap();
    let record = emu.chatroom(a).unwrap();
    let guest = record.member("guest").unwrap();
    assert_eq!(guest.role, ChatroomRole::Guest);
    assert_eq!(guest.tags, ["vip"]);
    let got = client
        .call(&GetChatroom::new(a).need_online_user_count(true))
        .await
        .unwrap();
    assert_eq!(got.onlineusercount, Some(1));

    let open = client
        .call(&QueryOpenChatroomIds::new("owner"))
        .await
        .unwrap();
    assert_eq!(open.roomids, [a, b]);
    client
        .call(&ToggleChatroomStatus::new(b, "owner", false))
        .await
        .unwrap();
    let open = client
        .call(&QueryOpenChatroomIds::new("owner"))
        .await
        .unwrap();
    assert_eq!(open.roomids, [a]);
    let none = client
        .call(&QueryOpenChatroomIds::new("other"))
        .await
        .unwrap();
    assert!(none.roomids.is_empty());
}
