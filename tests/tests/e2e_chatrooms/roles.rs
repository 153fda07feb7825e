//! Roles and bans end to end: v1 setMemberRole (roles, the blacklist refusing entry with
//! 13003, the chat ban), temporaryMute with its expiry on the emulator's clock,
//! tagTemporaryMute; and the v2 chatroom_member twins, each seen through the other
//! protocol or the emulator's inspection.

use crate::{refused, room, setup};
use nim_api::chatroom::{
    ChatroomNotify, MemberRole, MemberRoleOption, SetChatroomMemberRole, TagTemporaryMute,
    TemporaryMute,
};
use nim_api::v2::chatroom_member::{
    MemberNotification, QueryChatBanned, QueryChatroomBlacklist, SetMemberRole, TempChatBan,
    ToggleBlocked, ToggleChatBan, ToggleTaggedMembersChatBan, ToggleTempChatBan,
};
use nim_emulator::ChatroomRole;

#[tokio::test]
async fn v1_roles_and_the_blacklist() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    let set = |target: &str, opt, on| SetChatroomMemberRole::new(id, "owner", target, opt, on);

    let manager = client
        .call(&set("Other", MemberRoleOption::Manager, true))
        .await
        .unwrap();
    assert_eq!(
        (
            manager.roomid,
            manager.accid.as_str(),
            manager.r#type.as_str()
        ),
        (id, "other", "MANAGER")
    );
    let by_manager =
        SetChatroomMemberRole::new(id, "other", "guest", MemberRoleOption::Normal, true);
    assert_eq!(client.call(&by_manager).await.unwrap().r#type, "COMMON");
    let on_creator =
        SetChatroomMemberRole::new(id, "other", "owner", MemberRoleOption::ChatBan, true);
    assert_eq!(refused(&client, &on_creator).await, 403);

    emu.enter_chatroom(id, "guest", 16, &[]).unwrap();
    let blocked = client
        .call(&set("guest", MemberRoleOption::Blacklist, true).notify_ext("{}"))
        .await
        .unwrap();
    assert_eq!(blocked.r#type, "LIMITED");
    let record = emu.chatroom(id).unwrap();
    let guest = record.member("guest").unwrap();
    assert!(guest.blocked && !guest.online(), "blacklisting disconnects");
    assert_eq!(
        guest.role,
        ChatroomRole::Normal,
        "the role stays under the blacklist"
    );
    let entry = emu.enter_chatroom(id, "guest", 16, &[]).unwrap_err();
    assert!(entry.contains("blacklist"), "{entry}");

    client
        .call(&set("guest", MemberRoleOption::Blacklist, false))
        .await
        .unwrap();
    emu.enter_chatroom(id, "guest", 16, &[]).unwrap();
}

#[tokio::test]
async fn v1_temporary_mute_expires_on_the_emulators_clock_and_tags_are_muted() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    emu.enter_chatroom(id, "guest", 16, &["vip"]).unwrap();
    let mute = TemporaryMute::new(id, "owner", "guest", 300u64)
        .notification(ChatroomNotify::new().need_notify(false));
    let answer = client.call(&mute).await.unwrap();
    assert_eq!(answer.mute_duration, Some(300));
    let until = emu
        .chatroom(id)
        .unwrap()
        .member("guest")
        .unwrap()
        .temp_mute_until;
    assert_eq!(until, Some((emu.state_now() + 300) * 1000));
    emu.advance_clock(120);
    let lift = client
        .call(&TemporaryMute::new(id, "owner", "guest", 0u64))
        .await
        .unwrap();
    assert_eq!(
        lift.mute_duration,
        Some(180),
        "the lift answers what was left"
    );
    let by_guest = TemporaryMute::new(id, "guest", "other", 60u64);
    assert_eq!(refused(&client, &by_guest).await, 403);

    let tag = TagTemporaryMute::new(id, "owner", "vip", 60u64);
    assert_eq!(client.call(&tag).await.unwrap().mute_duration, Some(60));
    let until = emu.chatroom(id).unwrap().tag_mutes["vip"];
    assert_eq!(until, (emu.state_now() + 60) * 1000);
}

#[tokio::test]
async fn v2_roles_bans_and_their_lists() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    client
        .call(
            &SetMemberRole::new("other", id, MemberRole::Manager)
                .operator_account_id("owner")
                .room_nick("Oth"),
        )
        .await
        .unwrap();
    let other = emu.chatroom(id).unwrap().member("other").cloned().unwrap();
    assert_eq!(
        (other.role, other.nick.as_deref()),
        (ChatroomRole::Manager, Some("Oth"))
    );
    let no_right =
        SetMemberRole::new("guest", id, MemberRole::Manager).operator_account_id("other");
    assert_eq!(refused(&client, &no_right).await, 403);

    emu.enter_chatroom(id, "guest", 16, &[]).unwrap();
    client
        .call(
            &ToggleBlocked::new("guest", id, "other", true)
                .notification(MemberNotification::new().notification_enabled(true)),
        )
        .await
        .unwrap();
    assert!(
        emu.enter_chatroom(id, "guest", 16, &[])
            .unwrap_err()
            .contains("blacklist")
    );
    let blacklist = client.call(&QueryChatroomBlacklist::new(id)).await.unwrap();
    let ids: Vec<&str> = blacklist
        .items
        .iter()
        .map(|m| m.account_id.as_str())
        .collect();
    assert_eq!(ids, ["guest"]);
    assert_eq!(
        blacklist.items[0].block_time,
        Some(emu.state_now() * 1000),
        "when it was blacklisted"
    );

    client
        .call(&ToggleChatBan::new("other", id, "owner", true))
        .await
        .unwrap();
    let banned = client.call(&QueryChatBanned::new(id)).await.unwrap();
    assert_eq!(banned.items.len(), 1);
    assert!(banned.items[0].chat_banned && !banned.items[0].temp_chat_banned);
    let on_creator = ToggleChatBan::new("owner", id, "other", true);
    assert_eq!(refused(&client, &on_creator).await, 403);

    client
        .call(&nim_api::user::CreateUser::new("mgr2"))
        .await
        .unwrap();
    client
        .call(&SetMemberRole::new("mgr2", id, MemberRole::Manager).operator_account_id("owner"))
        .await
        .unwrap();
    let on_manager = ToggleChatBan::new("mgr2", id, "other", true);
    assert_eq!(
        refused(&client, &on_manager).await,
        403,
        "a manager does not ban another manager"
    );
    assert!(
        !emu.chatroom(id)
            .unwrap()
            .member("mgr2")
            .unwrap()
            .chat_banned
    );
}

#[tokio::test]
async fn v2_temporary_and_tag_bans_run_on_the_emulators_clock() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    emu.enter_chatroom(id, "guest", 16, &["vip"]).unwrap();
    let ban = ToggleTempChatBan::new("guest", id, "owner", TempChatBan::for_seconds(90));
    assert_eq!(client.call(&ban).await.unwrap().mute_duration, 90);
    emu.advance_clock(30);
    let banned = client.call(&QueryChatBanned::new(id)).await.unwrap();
    assert_eq!(banned.items[0].account_id, "guest");
    assert_eq!(banned.items[0].temp_chat_banned_time, Some(60));
    emu.advance_clock(60);
    assert!(
        client
            .call(&QueryChatBanned::new(id))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let not_in = ToggleTempChatBan::new("other", id, "owner", TempChatBan::for_seconds(5));
    assert_eq!(
        client.call(&not_in).await.unwrap().mute_duration,
        5,
        "no membership needed"
    );
    let other = emu.chatroom(id).unwrap().member("other").cloned().unwrap();
    assert_eq!(other.temp_mute_until, Some((emu.state_now() + 5) * 1000));
    assert!(!other.online() && other.role == ChatroomRole::Guest);

    let tag = ToggleTaggedMembersChatBan::new(id, "owner", "vip", TempChatBan::for_seconds(600));
    assert_eq!(client.call(&tag).await.unwrap().mute_duration, 600);
    assert_eq!(
        emu.chatroom(id).unwrap().tag_mutes["vip"],
        (emu.state_now() + 600) * 1000
    );
    let lift = ToggleTaggedMembersChatBan::new(id, "owner", "vip", TempChatBan::lift());
    assert_eq!(client.call(&lift).await.unwrap().mute_duration, 0);
    assert!(emu.chatroom(id).unwrap().tag_mutes.is_empty());
}
