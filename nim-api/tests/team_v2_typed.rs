//! The v2 team and team member actions through the real client against the emulator: every
//! request is one the emulator takes, and every typed answer reads what it answers (teams,
//! members with roles, pages walked by `Client::pages`, batch results, online counts).
#![allow(clippy::unwrap_used)]

use nim_api::Client;
use nim_api::v2::team::{
    AddManagers, AfterTransfer, AgreeMode, BatchQueryTeamInfo, BatchQueryTeamOnlineMembersCount,
    ChatBannedMode, CreateTeam, DisbandTeam, GetTeamInfo, ListOnlineTeamMembers, ListTeamMembers,
    ManagerChange, MemberFilter, MemberRole, MessageNotifyState, RemoveManagers, TeamConfiguration,
    TeamSettings, TeamType, TransferOwner, UpdateTeam,
};
use nim_api::v2::team_member::{
    BatchMuteTeamMembers, InviteTeamMembers, KickTeamMembers, LeaveTeam, QueryJoinedTeams,
    UpdateTeamMember,
};
use nim_emulator::{Emulator, Session};

async fn setup() -> (Emulator, Client) {
    let emu = Emulator::start("key", "secret").await.unwrap();
    for a in ["owner", "mgr", "alice", "bob", "carol"] {
        emu.insert_account(a, Some("t"));
    }
    let client = Client::builder()
        .app_key("key")
        .app_secret("secret")
        .base_url(emu.base_url())
        .build()
        .unwrap();
    (emu, client)
}

#[tokio::test]
async fn team_actions_and_their_typed_answers() {
    let (emu, client) = setup().await;
    let config = TeamConfiguration::new().agree_mode(AgreeMode::NoConsent);
    let create = CreateTeam::new("owner", TeamType::Advanced, "Readers")
        .settings(TeamSettings::new().members_limit(50u32))
        .invite_account_ids(["mgr", "alice", "ghost"])
        .configuration(config);
    let created = client.call(&create).await.unwrap();
    let tid = created.team_info.team_id;
    assert_eq!(created.team_info.member_count, Some(3));
    assert_eq!(created.failed_list[0].account(), Some("ghost"));
    assert_eq!(created.failed_list[0].error_code, 102404);

    let change = ManagerChange::new(TeamType::Advanced, "owner", ["mgr", "alice"]);
    client.call(&AddManagers::new(tid, change)).await.unwrap();
    let change = ManagerChange::new(TeamType::Advanced, "owner", ["alice"]);
    client
        .call(&RemoveManagers::new(tid, change))
        .await
        .unwrap();

    let mute = TeamConfiguration::new().chat_banned_mode(ChatBannedMode::OrdinaryMembers);
    let update = UpdateTeam::new(tid, "mgr", TeamType::Advanced)
        .settings(TeamSettings::new().announcement("Standup at 10"))
        .configuration(mute);
    let updated = client.call(&update).await.unwrap().team_info;
    assert_eq!(updated.announcement.as_deref(), Some("Standup at 10"));
    let modes = updated.configuration.unwrap();
    assert_eq!(
        modes.chat_banned_mode,
        Some(ChatBannedMode::OrdinaryMembers)
    );
    assert_eq!(modes.agree_mode, Some(AgreeMode::NoConsent));

    let got = client
        .call(&GetTeamInfo::new(tid, TeamType::Advanced))
        .await
        .unwrap();
    assert_eq!(got.team_info.owner_account_id.as_deref(), Some("owner"));
    assert_eq!(got.team_info.team_type, Some(TeamType::Advanced));
    let err = client
        .call(&GetTeamInfo::new(tid, TeamType::Super))
        .await
        .unwrap_err();
    assert_eq!(err.api_code(), Some(108302));

    let batch = BatchQueryTeamInfo::new(TeamType::Advanced, [tid, 9]);
    let found = client.call(&batch).await.unwrap();
    assert_eq!(found.team_info_list[0].team_id, tid);
    assert_eq!(found.invalid_tids, [9]);

    // Members with their roles, walked page by page.
    let list = ListTeamMembers::new(tid, TeamType::Advanced).limit(1u32);
    let pages = client.pages(list).collect().await.unwrap();
    let mut roles: Vec<(String, MemberRole)> = pages
        .iter()
        .flat_map(|p| &p.items)
        .map(|m| (m.account_id.clone(), m.member_role.unwrap()))
        .collect();
    roles.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        roles,
        [
            ("alice".to_owned(), MemberRole::Member),
            ("mgr".to_owned(), MemberRole::Manager),
            ("owner".to_owned(), MemberRole::Owner),
        ]
    );
    let managers =
        ListTeamMembers::new(tid, TeamType::Advanced).member_type(MemberFilter::Managers);
    assert_eq!(client.call(&managers).await.unwrap().items.len(), 2);

    emu.set_sessions("alice", vec![Session::new(16, "web", 1_700_000_000_000)]);
    let online = client
        .call(&ListOnlineTeamMembers::new(tid, TeamType::Advanced))
        .await
        .unwrap();
    assert_eq!(online.items[0].account_id, "alice");
    assert_eq!(online.items[0].online_status[0].client_type, 16);
    let counts = client
        .call(&BatchQueryTeamOnlineMembersCount::new(
            TeamType::Advanced,
            [tid, 9],
        ))
        .await
        .unwrap();
    assert_eq!(
        (
            counts.success_list[0].online_count,
            counts.success_list[0].offline_count
        ),
        (1, 2)
    );
    assert_eq!(
        (
            counts.failed_list[0].team_id,
            counts.failed_list[0].error_code
        ),
        (9, 108404)
    );

    let transfer = TransferOwner::new(tid, TeamType::Advanced, "mgr", AfterTransfer::Stay);
    client.call(&transfer).await.unwrap();
    assert_eq!(
        emu.team(tid).unwrap().owner,
        "mgr",
        "the new owner is the one named"
    );
    let disband = DisbandTeam::new(tid, "mgr", TeamType::Advanced).extension("{}");
    client.call(&disband).await.unwrap();
    assert!(emu.team(tid).is_none());
}

#[tokio::test]
async fn team_member_actions_and_their_typed_answers() {
    let (_emu, client) = setup().await;
    let created = client
        .call(&CreateTeam::new("owner", TeamType::Super, "Crowd"))
        .await
        .unwrap();
    let tid = created.team_info.team_id;
    // agree_mode 0 (the default): the invitation goes out; the emulator lists it as sent.
    let invite = InviteTeamMembers::new("owner", tid, TeamType::Super, ["alice", "ghost"]);
    let invited = client.call(&invite).await.unwrap();
    assert_eq!(invited.success_list, ["alice"]);
    assert_eq!(invited.failed_list[0].error_code, 102404);
    let direct = TeamConfiguration::new().agree_mode(AgreeMode::NoConsent);
    let update = UpdateTeam::new(tid, "owner", TeamType::Super).configuration(direct);
    client.call(&update).await.unwrap();
    let invite = InviteTeamMembers::new("owner", tid, TeamType::Super, ["alice", "bob", "carol"]);
    assert_eq!(client.call(&invite).await.unwrap().success_list.len(), 3);

    let mute = BatchMuteTeamMembers::new("owner", tid, TeamType::Super, ["bob"], true);
    assert_eq!(client.call(&mute).await.unwrap().success_list, ["bob"]);

    let edit = UpdateTeamMember::new("alice", "alice", tid, TeamType::Super)
        .team_nick("Al")
        .message_notify_state(MessageNotifyState::ManagersOnly);
    let member = client.call(&edit).await.unwrap().member;
    assert_eq!(member.team_nick.as_deref(), Some("Al"));
    assert_eq!(member.member_role, Some(MemberRole::Member));
    assert_eq!(
        member.message_notify_state,
        Some(MessageNotifyState::ManagersOnly)
    );

    let kick = KickTeamMembers::new("owner", tid, TeamType::Super, ["carol", "ghost"]);
    let kicked = client.call(&kick).await.unwrap();
    assert_eq!(kicked.success_list, ["carol"]);
    assert_eq!(kicked.failed_list[0].error_code, 109404);

    client
        .call(&LeaveTeam::new("bob", tid, TeamType::Super))
        .await
        .unwrap();
    let err = client
        .call(&LeaveTeam::new("owner", tid, TeamType::Super))
        .await
        .unwrap_err();
    assert_eq!(err.api_code(), Some(109307));

    let joined = QueryJoinedTeams::new("alice", TeamType::Super)
        .limit(10u32)
        .need_return_member_info(1u8);
    let page = client.call(&joined).await.unwrap();
    assert_eq!(page.team_info_list[0].team_id, tid);
    let mine = page.team_info_list[0].member_info.as_ref().unwrap();
    assert_eq!(mine.team_nick.as_deref(), Some("Al"));
    assert!(!page.has_more);
}
