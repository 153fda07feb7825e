//! A room's members through the real client: the v1 member lists, profile, tags and kick,
//! and the v2 `chatroom` member lists and `chatroom_member` operations, against the
//! emulator with simulated clients entering.

use crate::{refused, room, setup};
use nim_api::chatroom::{
    ChatroomMemberListType, ChatroomRoleFilter, CountChatroomTaggedMembers, KickChatroomMember,
    ListChatroomMembers, MemberRole, QueryChatroomMembers, QueryChatroomMembersByRole,
    QueryChatroomTaggedMembers, UpdateChatroomMemberProfile, UpdateChatroomMemberTags,
};
use nim_api::v2::chatroom::{ListFixedMembers, ListOnlineMembers};
use nim_api::v2::chatroom_member::{
    BatchQueryChatroomMembers, KickMember, ListTaggedMembers, ModifyMemberTags,
    QueryTaggedMembersCount, UpdateOnlineMemberInfo,
};

fn accids(members: &[nim_api::chatroom::ChatroomMember]) -> Vec<&str> {
    members.iter().map(|m| m.accid.as_str()).collect()
}

#[tokio::test]
async fn v1_members_are_listed_updated_tagged_and_kicked() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    emu.enter_chatroom(id, "guest", 16, &["vip"]).unwrap();
    emu.advance_clock(1);
    emu.enter_chatroom(id, "other", 1, &["new"]).unwrap();

    // The lists, newest first, then the next page before the last one's time.
    let fixed = ListChatroomMembers::new(id, ChatroomMemberListType::Fixed, 0u64, 100u32);
    let fixed = client.call(&fixed).await.unwrap();
    assert_eq!(accids(&fixed.data), ["owner"]);
    assert_eq!(fixed.data[0].r#type, "CREATOR");
    assert!(!fixed.data[0].online_stat);
    let guests = ListChatroomMembers::new(id, ChatroomMemberListType::OnlineGuests, 0u64, 1u32);
    let first = client.call(&guests).await.unwrap();
    assert_eq!(accids(&first.data), ["other"]);
    let cursor = first.data[0].enter_time.unwrap();
    let next = ListChatroomMembers::new(id, ChatroomMemberListType::OnlineGuests, cursor, 1u32);
    assert_eq!(accids(&client.call(&next).await.unwrap().data), ["guest"]);

    let creator = QueryChatroomMembersByRole::new(id, ChatroomRoleFilter::new().creator(true));
    assert_eq!(
        accids(&client.call(&creator).await.unwrap().data),
        ["owner"]
    );

    // The creator's profile, saved while it is offline.
    let save = UpdateChatroomMemberProfile::new(id, "owner")
        .nick("Boss")
        .save(true);
    client.call(&save).await.unwrap();
    let members = QueryChatroomMembers::new(id, ["owner", "guest", "nobody"]);
    let members = client.call(&members).await.unwrap();
    assert_eq!(accids(&members.data), ["owner", "guest"]);
    assert_eq!(members.data[0].nick.as_deref(), Some("Boss"));

    // Tags: counted per account, listed per connection, replaced.
    let count = CountChatroomTaggedMembers::new(id, "vip");
    assert_eq!(client.call(&count).await.unwrap().online_user_count, 1);
    let retag = UpdateChatroomMemberTags::new(id, ["vip"], "other");
    client.call(&retag).await.unwrap();
    assert_eq!(client.call(&count).await.unwrap().online_user_count, 2);
    let tagged = QueryChatroomTaggedMembers::new(id, "vip", 0u64, 10u32);
    let tagged = client.call(&tagged).await.unwrap();
    assert_eq!(accids(&tagged.data), ["other", "guest"]);
    assert_eq!(tagged.data[0].tags, ["vip"]);
    let offline = UpdateChatroomMemberTags::new(id, ["vip"], "owner");
    assert_eq!(refused(&client, &offline).await, 404);

    // Kicks: a guest may not; the creator may; then the guest is gone.
    assert_eq!(
        refused(&client, &KickChatroomMember::new(id, "guest", "other")).await,
        403
    );
    client
        .call(&KickChatroomMember::new(id, "guest", "owner").notify_ext("bye"))
        .await
        .unwrap();
    assert!(emu.chatroom(id).unwrap().member("guest").is_none());
    assert_eq!(
        refused(&client, &KickChatroomMember::new(id, "guest", "owner")).await,
        404
    );
}

#[tokio::test]
async fn v2_members_are_listed_updated_tagged_and_kicked() {
    let (emu, client) = setup().await;
    let id = room(&client, "Lobby").await;
    emu.enter_chatroom(id, "guest", 16, &["vip"]).unwrap();
    emu.advance_clock(1);
    emu.enter_chatroom(id, "other", 1, &[]).unwrap();

    let page = client
        .call(&ListOnlineMembers::new(id, 1u32))
        .await
        .unwrap();
    assert_eq!(
        (
            page.items[0].account_id.as_str(),
            page.has_more,
            page.offset
        ),
        ("other", true, 1)
    );
    assert_eq!(page.items[0].member_role, Some(MemberRole::Guest));
    assert_eq!(page.items[0].online_info_list[0].client_type, 1);
    let rest = client
        .call(&ListOnlineMembers::new(id, 10u32).offset(page.offset))
        .await
        .unwrap();
    assert_eq!(rest.items[0].account_id, "guest");
    assert!(!rest.has_more);
    let fixed = client
        .call(&ListFixedMembers::new(id).member_roles([MemberRole::Creator]))
        .await
        .unwrap();
    assert_eq!(fixed.items[0].account_id, "owner");
    assert!(!fixed.items[0].is_online);

    // The profile: a guest online; the creator offline only with persistence.
    let gus = UpdateOnlineMemberInfo::new("guest", id).room_nick("Gus");
    assert_eq!(
        client.call(&gus).await.unwrap().room_nick.as_deref(),
        Some("Gus")
    );
    let boss = UpdateOnlineMemberInfo::new("owner", id).room_nick("Boss");
    assert_eq!(refused(&client, &boss).await, 404);
    let member = client.call(&boss.persistence(true)).await.unwrap();
    assert_eq!(member.room_nick.as_deref(), Some("Boss"));

    let batch = client
        .call(&BatchQueryChatroomMembers::new(
            id,
            ["owner", "guest", "nobody"],
        ))
        .await
        .unwrap();
    let found: Vec<&str> = batch
        .success_list
        .iter()
        .map(|m| m.account_id.as_str())
        .collect();
    assert_eq!(found, ["owner", "guest"]);
    assert_eq!(batch.failed_list[0].account(), Some("nobody"));

    // Tags.
    client
        .call(&ModifyMemberTags::new("other", id).tags(["vip"]))
        .await
        .unwrap();
    let count = client
        .call(&QueryTaggedMembersCount::new(id, "vip"))
        .await
        .unwrap();
    assert_eq!(count.online_user_count, 2);
    let tagged = client
        .call(&ListTaggedMembers::new(id, "vip", 10u32))
        .await
        .unwrap();
    let names: Vec<&str> = tagged.items.iter().map(|m| m.account_id.as_str()).collect();
    assert_eq!(names, ["other", "guest"]);
    assert_eq!(tagged.items[0].tags, ["vip"]);

    // The kick.
    assert_eq!(
        refused(&client, &KickMember::new("guest", id, "other")).await,
        403
    );
    client
        .call(&KickMember::new("guest", id, "owner"))
        .await
        .unwrap();
    assert_eq!(emu.chatroom(id).unwrap().online_count(), 1);
}
