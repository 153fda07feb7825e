//! Teams and super teams end to end against the emulator, through the real client: the whole
//! life of a team (create, invite, add a manager, mute a member, kick, change the owner,
//! dismiss) once through v1 and once through v2, each step read back through the other
//! version; invitations that wait for the invitee's consent; the permission rules of the
//! store's table refused with their codes in both versions (the rest are unit-tested in the
//! emulator); muted members' team messages refused and the v2 send switches; read receipts
//! counted by both versions; and bad member lists refused before anything is sent.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::Client;
use nim_api::message::{ConversationId, Message};
use nim_api::msg::{MarkReadTeamMsg, Ope, SendMsg};
use nim_api::superteam::{
    AddSuperTeamManagers, ChangeSuperTeamLevel, CreateSuperTeam, DismissSuperTeam,
    InviteSuperTeamMembers, MuteSuperTeam, MuteSuperTeamMembers, SendSuperTeamMsg,
    SuperTeamSettings,
};
use nim_api::team::{
    AddTeamManagers, AddTeamMembers, AfterTransfer, BeInviteMode, ChangeTeamOwner, CreateTeam,
    DismissTeam, GetTeamReadInfo, InviteeConsent, JoinMode, JoinedTeams, KickTeamMembers,
    LeaveTeam, ListTeamMutes, MemberMute, MuteAllTeamMembers, MuteTeamMember, NotificationSwitch,
    QueryTeamDetail, SetTeamNotification, TeamMuteType, TeamSettings, UpdateTeam as UpdateTeamV1,
};
use nim_api::v2::message::{
    QueryMessagesByPage, QueryTeamReadReceipt, SendMessage, SendTeamReadReceipt, SuperTeamOption,
    TeamOption,
};
use nim_api::v2::team::{
    AddManagers, AgreeMode, ChatBannedFilter, ChatBannedMode, CreateTeam as CreateTeamV2,
    DisbandTeam, GetTeamInfo, ListTeamMembers, ManagerChange, MemberFilter, MemberRole,
    MessageNotifyState, RemoveManagers, TeamConfiguration, TeamMember,
    TeamSettings as TeamSettingsV2, TeamType, TransferOwner, UpdateTeam,
};
use nim_api::v2::team_member::{
    BatchMuteTeamMembers, InviteTeamMembers, KickTeamMembers as KickTeamMembersV2,
    LeaveTeam as LeaveTeamV2, QueryJoinedTeams, UpdateTeamMember,
};
use nim_api::validate::Rule;
use nim_emulator::{Emulator, TeamRole};
use support::{code, with_accounts};

async fn setup(accounts: &[&str]) -> (Emulator, Client) {
    with_accounts("team-key", "team-secret", accounts).await
}

/// The code a call that must fail answers.
async fn refused<E: nim_api::Endpoint>(client: &Client, request: &E) -> u32 {
    match client.call(request).await {
        Ok(_) => panic!("{} went through", std::any::type_name::<E>()),
        Err(err) => code(&err),
    }
}

/// Every member of advanced team `tid` as v2 lists it, page by page, filtered as asked.
async fn v2_members(client: &Client, request: ListTeamMembers) -> Vec<TeamMember> {
    let pages = client.pages(request.limit(2u32)).collect().await.unwrap();
    pages.into_iter().flat_map(|p| p.items).collect()
}

/// The account ids of `members`, sorted.
fn ids(members: &[TeamMember]) -> Vec<&str> {
    let mut ids: Vec<&str> = members.iter().map(|m| m.account_id.as_str()).collect();
    ids.sort_unstable();
    ids
}

/// The teams `accid` is in, as v1 `team/joinTeams` answers.
async fn v1_joined(client: &Client, accid: &str) -> Vec<u64> {
    let joined = client.call(&JoinedTeams::new(accid)).await.unwrap();
    joined.infos.iter().map(|t| t.tid).collect()
}

/// The advanced teams `accid` is in, as v2 `joined_teams` answers.
async fn v2_joined(client: &Client, accid: &str) -> Vec<u64> {
    let page = client
        .call(&QueryJoinedTeams::new(accid, TeamType::Advanced))
        .await
        .unwrap();
    page.team_info_list.iter().map(|t| t.team_id).collect()
}

fn v1_team_message(from: &str, tid: u64) -> SendMsg {
    SendMsg::new(
        from,
        Ope::Team,
        tid.to_string(),
        Message::text("hello team"),
    )
}

fn v2_team_message(from: &str, tid: u64) -> SendMessage {
    SendMessage::new(ConversationId::team(from, tid), Message::text("hello team"))
}

#[tokio::test]
async fn a_team_made_and_run_through_v1_is_the_team_v2_reads() {
    let (emu, client) = setup(&["zhangsan", "lisi", "wangwu", "zhaoliu"]).await;

    // Create with one member who joins at once (the team asks no consent).
    let settings = TeamSettings::new()
        .beinvitemode(BeInviteMode::NoConsent)
        .intro("weekend walks");
    let created = client
        .call(
            &CreateTeam::new("Hiking", "ZhangSan", ["lisi"], "join us", JoinMode::Free)
                .settings(settings),
        )
        .await
        .unwrap();
    let tid = created.tid;
    assert!(created.faccid.is_none());
    let info = client
        .call(&GetTeamInfo::new(tid, TeamType::Advanced))
        .await
        .unwrap()
        .team_info;
    assert_eq!(info.team_id, tid);
    assert_eq!(info.name.as_deref(), Some("Hiking"));
    assert_eq!(info.intro.as_deref(), Some("weekend walks"));
    assert_eq!(info.owner_account_id.as_deref(), Some("zhangsan"));
    assert_eq!(info.member_count, Some(2));

    // Invite two more; v2 lists all four, page by page.
    let added = client
        .call(&AddTeamMembers::new(
            tid,
            "zhangsan",
            ["wangwu", "zhaoliu"],
            "welcome",
        ))
        .await
        .unwrap();
    assert!(added.is_complete());
    let all = v2_members(&client, ListTeamMembers::new(tid, TeamType::Advanced)).await;
    assert_eq!(ids(&all), ["lisi", "wangwu", "zhangsan", "zhaoliu"]);
    assert_eq!(v2_joined(&client, "wangwu").await, [tid]);

    // A manager, seen by v2's role filter (the owner and the managers) and role field.
    client
        .call(&AddTeamManagers::new(tid, "zhangsan", ["lisi"]))
        .await
        .unwrap();
    let managers = v2_members(
        &client,
        ListTeamMembers::new(tid, TeamType::Advanced).member_type(MemberFilter::Managers),
    )
    .await;
    assert_eq!(ids(&managers), ["lisi", "zhangsan"]);
    let lisi = managers.iter().find(|m| m.account_id == "lisi").unwrap();
    assert_eq!(lisi.member_role, Some(MemberRole::Manager));

    // The manager mutes an ordinary member: v2 lists the ban and refuses the member's team
    // messages in both versions; the manager still speaks.
    client
        .call(&MuteTeamMember::new(
            tid,
            "lisi",
            "wangwu",
            MemberMute::Mute,
        ))
        .await
        .unwrap();
    let banned = v2_members(
        &client,
        ListTeamMembers::new(tid, TeamType::Advanced).chat_banned_type(ChatBannedFilter::Banned),
    )
    .await;
    assert_eq!(ids(&banned), ["wangwu"]);
    assert_eq!(banned[0].chat_banned, Some(true));
    let mutes = client
        .call(&ListTeamMutes::new(tid, "zhangsan"))
        .await
        .unwrap();
    assert_eq!(
        mutes
            .mutes
            .iter()
            .map(|m| m.accid.as_str())
            .collect::<Vec<_>>(),
        ["wangwu"]
    );
    assert_eq!(refused(&client, &v1_team_message("wangwu", tid)).await, 812);
    assert_eq!(
        refused(&client, &v2_team_message("wangwu", tid)).await,
        109_424
    );
    client.call(&v1_team_message("lisi", tid)).await.unwrap();
    client.call(&v2_team_message("zhaoliu", tid)).await.unwrap();

    // A member turns the team's notifications off (v1): v2 reads the same switch, in its
    // own numbering (v1 `ope` 1 = v2 `message_notify_state` 0).
    client
        .call(&SetTeamNotification::new(
            tid,
            "zhaoliu",
            NotificationSwitch::Off,
        ))
        .await
        .unwrap();
    let states: Vec<(String, Option<MessageNotifyState>)> =
        v2_members(&client, ListTeamMembers::new(tid, TeamType::Advanced))
            .await
            .into_iter()
            .map(|m| (m.account_id, m.message_notify_state))
            .collect();
    assert!(states.contains(&("zhaoliu".to_owned(), Some(MessageNotifyState::Off))));
    assert!(states.contains(&("wangwu".to_owned(), Some(MessageNotifyState::All))));

    // The manager kicks an ordinary member: gone from v2's lists.
    let kicked = client
        .call(&KickTeamMembers::new(tid, "lisi").member("zhaoliu"))
        .await
        .unwrap();
    assert!(kicked.is_complete());
    assert!(v2_joined(&client, "zhaoliu").await.is_empty());
    assert_eq!(
        client
            .call(&GetTeamInfo::new(tid, TeamType::Advanced))
            .await
            .unwrap()
            .team_info
            .member_count,
        Some(3)
    );

    // The owner hands the team to the manager and stays as an ordinary member.
    client
        .call(&ChangeTeamOwner::new(
            tid,
            "zhangsan",
            "lisi",
            AfterTransfer::Stay,
        ))
        .await
        .unwrap();
    let info = client
        .call(&GetTeamInfo::new(tid, TeamType::Advanced))
        .await
        .unwrap()
        .team_info;
    assert_eq!(info.owner_account_id.as_deref(), Some("lisi"));
    let roles: Vec<(String, Option<MemberRole>)> =
        v2_members(&client, ListTeamMembers::new(tid, TeamType::Advanced))
            .await
            .into_iter()
            .map(|m| (m.account_id, m.member_role))
            .collect();
    assert!(roles.contains(&("lisi".to_owned(), Some(MemberRole::Owner))));
    assert!(roles.contains(&("zhangsan".to_owned(), Some(MemberRole::Member))));

    // Only the new owner dismisses; then neither version finds the team.
    assert_eq!(
        refused(&client, &DismissTeam::new(tid, "zhangsan")).await,
        802
    );
    client.call(&DismissTeam::new(tid, "lisi")).await.unwrap();
    assert_eq!(
        refused(&client, &GetTeamInfo::new(tid, TeamType::Advanced)).await,
        108_404
    );
    assert_eq!(refused(&client, &QueryTeamDetail::new(tid)).await, 803);
    assert!(v2_joined(&client, "wangwu").await.is_empty());
    assert!(emu.team(tid).is_none());
}

#[tokio::test]
async fn a_team_made_and_run_through_v2_is_the_team_v1_reads() {
    let (emu, client) = setup(&["owner", "alice", "bob", "carol"]).await;

    // Created with v2's default agree mode: alice is invited, not yet a member.
    let created = client
        .call(
            &CreateTeamV2::new("owner", TeamType::Advanced, "Readers")
                .invite_account_ids(["alice"])
                .invite_msg("books on Sunday"),
        )
        .await
        .unwrap();
    let tid = created.team_info.team_id;
    let detail = client.call(&QueryTeamDetail::new(tid)).await.unwrap();
    assert_eq!(detail.profile.tname.as_deref(), Some("Readers"));
    assert_eq!(
        detail.owner.as_ref().map(|o| o.accid.as_str()),
        Some("owner")
    );
    assert!(detail.members.is_empty() && detail.admins.is_empty());
    assert_eq!(emu.team(tid).unwrap().pending_invitations, ["alice"]);

    // alice's client accepts; she is a member v1 lists.
    emu.answer_team_invitation(tid, "alice", true).unwrap();
    assert_eq!(v1_joined(&client, "alice").await, [tid]);

    // bob and carol are invited; bob accepts, carol declines, and cannot answer twice.
    let invited = client
        .call(&InviteTeamMembers::new(
            "owner",
            tid,
            TeamType::Advanced,
            ["bob", "carol"],
        ))
        .await
        .unwrap();
    assert!(invited.failed_list.is_empty(), "{:?}", invited.failed_list);
    assert!(v1_joined(&client, "bob").await.is_empty());
    emu.answer_team_invitation(tid, "bob", true).unwrap();
    emu.answer_team_invitation(tid, "carol", false).unwrap();
    assert!(emu.answer_team_invitation(tid, "carol", true).is_err());
    assert_eq!(v1_joined(&client, "bob").await, [tid]);
    assert!(v1_joined(&client, "carol").await.is_empty());

    // alice becomes a manager: v1's detail lists her among the admins.
    let change = ManagerChange::new(TeamType::Advanced, "owner", ["alice"]);
    client.call(&AddManagers::new(tid, change)).await.unwrap();
    let detail = client.call(&QueryTeamDetail::new(tid)).await.unwrap();
    let admins: Vec<&str> = detail.admins.iter().map(|m| m.accid.as_str()).collect();
    assert_eq!(admins, ["alice"]);

    // The manager mutes bob: v1 lists the ban, and bob's team messages are refused.
    let muted = client
        .call(&BatchMuteTeamMembers::new(
            "alice",
            tid,
            TeamType::Advanced,
            ["bob"],
            true,
        ))
        .await
        .unwrap();
    assert!(muted.failed_list.is_empty());
    let mutes = client
        .call(&ListTeamMutes::new(tid, "owner"))
        .await
        .unwrap();
    assert_eq!(mutes.mutes.len(), 1);
    assert_eq!(mutes.mutes[0].accid, "bob");
    let detail = client.call(&QueryTeamDetail::new(tid)).await.unwrap();
    assert!(detail.members.iter().any(|m| m.accid == "bob" && m.mute));
    assert_eq!(
        refused(&client, &v2_team_message("bob", tid)).await,
        109_424
    );
    assert_eq!(refused(&client, &v1_team_message("bob", tid)).await, 812);

    // Lifted, then the whole team muted for ordinary members through v2's update: v1 reads
    // the team-wide ban; bob is refused with the team-mute code, the manager speaks.
    client
        .call(&BatchMuteTeamMembers::new(
            "owner",
            tid,
            TeamType::Advanced,
            ["bob"],
            false,
        ))
        .await
        .unwrap();
    client.call(&v2_team_message("bob", tid)).await.unwrap();
    let members_muted = TeamConfiguration::new().chat_banned_mode(ChatBannedMode::OrdinaryMembers);
    client
        .call(&UpdateTeam::new(tid, "owner", TeamType::Advanced).configuration(members_muted))
        .await
        .unwrap();
    let detail = client.call(&QueryTeamDetail::new(tid)).await.unwrap();
    assert_eq!(
        detail.profile.mute_type,
        Some(TeamMuteType::OrdinaryMembers)
    );
    assert_eq!(
        refused(&client, &v2_team_message("bob", tid)).await,
        108_306
    );
    assert_eq!(refused(&client, &v1_team_message("bob", tid)).await, 812);
    client.call(&v2_team_message("alice", tid)).await.unwrap();
    // v1 lifts it again.
    client
        .call(&MuteAllTeamMembers::new(tid, "owner").mute(false))
        .await
        .unwrap();
    client.call(&v1_team_message("bob", tid)).await.unwrap();

    // The manager kicks bob; v1 no longer lists the team for him.
    let kicked = client
        .call(&KickTeamMembersV2::new(
            "alice",
            tid,
            TeamType::Advanced,
            ["bob"],
        ))
        .await
        .unwrap();
    assert!(kicked.failed_list.is_empty());
    assert!(v1_joined(&client, "bob").await.is_empty());

    // The owner hands the team to alice and leaves it.
    client
        .call(&TransferOwner::new(
            tid,
            TeamType::Advanced,
            "alice",
            AfterTransfer::Leave,
        ))
        .await
        .unwrap();
    let detail = client.call(&QueryTeamDetail::new(tid)).await.unwrap();
    assert_eq!(
        detail.owner.as_ref().map(|o| o.accid.as_str()),
        Some("alice")
    );
    assert!(
        detail.admins.is_empty(),
        "the new owner is no longer a manager"
    );
    assert!(v1_joined(&client, "owner").await.is_empty());
    let record = emu.team(tid).unwrap();
    assert_eq!(record.owner, "alice");
    assert_eq!(record.member("alice").unwrap().role, TeamRole::Owner);

    // alice disbands it: v1 finds no team, and nobody is in it.
    client
        .call(&DisbandTeam::new(tid, "alice", TeamType::Advanced))
        .await
        .unwrap();
    assert_eq!(refused(&client, &QueryTeamDetail::new(tid)).await, 803);
    assert!(v1_joined(&client, "alice").await.is_empty());
}

#[tokio::test]
async fn v1_consent_invitations_wait_for_the_invitee() {
    let (emu, client) = setup(&["zhangsan", "lisi", "wangwu"]).await;
    let tid = client
        .call(&CreateTeam::new(
            "Quiet",
            "zhangsan",
            Vec::<String>::new(),
            "hi",
            JoinMode::Closed,
        ))
        .await
        .unwrap()
        .tid;

    // Consent asked (magree 1) and the team's default mode asks for it: nobody joins yet.
    client
        .call(
            &AddTeamMembers::new(tid, "zhangsan", ["lisi", "wangwu"], "come")
                .magree(InviteeConsent::Needed),
        )
        .await
        .unwrap();
    let detail = client.call(&QueryTeamDetail::new(tid)).await.unwrap();
    assert!(detail.members.is_empty());
    assert_eq!(
        emu.team(tid).unwrap().pending_invitations,
        ["lisi", "wangwu"]
    );
    emu.answer_team_invitation(tid, "lisi", true).unwrap();
    emu.answer_team_invitation(tid, "wangwu", false).unwrap();
    let all = v2_members(&client, ListTeamMembers::new(tid, TeamType::Advanced)).await;
    assert_eq!(ids(&all), ["lisi", "zhangsan"]);
    assert!(emu.team(tid).unwrap().pending_invitations.is_empty());

    // Without magree, the invitee joins at once.
    client
        .call(&AddTeamMembers::new(tid, "zhangsan", ["wangwu"], "again"))
        .await
        .unwrap();
    assert_eq!(v2_joined(&client, "wangwu").await, [tid]);
}

#[tokio::test]
async fn team_read_receipts_are_recorded_and_counted_by_both_versions() {
    let (emu, client) = setup(&["zhangsan", "lisi", "wangwu", "zhaoliu", "newbie"]).await;
    let settings = TeamSettings::new().beinvitemode(BeInviteMode::NoConsent);
    let members = ["lisi", "wangwu", "zhaoliu"];
    let tid = client
        .call(
            &CreateTeam::new("Readers", "zhangsan", members, "hi", JoinMode::Free)
                .settings(settings),
        )
        .await
        .unwrap()
        .tid;

    // One message asking for receipts through each version, one not asking.
    let v1 = client
        .call(&v1_team_message("zhangsan", tid).mark_read(1u8))
        .await
        .unwrap()
        .msgid;
    let v2 = client
        .call(&v2_team_message("lisi", tid).team_option(TeamOption::new().mark_as_read(true)))
        .await
        .unwrap()
        .message_server_id;
    let plain = client
        .call(&v1_team_message("zhangsan", tid))
        .await
        .unwrap()
        .msgid;

    // lisi marks through v1: the plain one cannot be marked. wangwu marks both with receipts
    // through v2. Nobody marks their own message.
    let marked = client
        .call(&MarkReadTeamMsg::new("lisi", tid, [v1, plain]))
        .await
        .unwrap();
    assert_eq!(marked.err_msg_ids, [plain]);
    let marked = client
        .call(&SendTeamReadReceipt::new("wangwu", tid, [v1, v2]))
        .await
        .unwrap();
    assert_eq!(marked.success_list, [v1, v2]);
    assert!(marked.failed_list.is_empty());
    let marked = client
        .call(&MarkReadTeamMsg::new("lisi", tid, [v2]))
        .await
        .unwrap();
    assert_eq!(marked.err_msg_ids, [v2]);

    // Each version counts the other's reads.
    let v2_view = client
        .call(&QueryTeamReadReceipt::new(tid, v1).snapshot(true))
        .await
        .unwrap();
    assert_eq!((v2_view.read_size, v2_view.unread_size), (2, 1));
    assert_eq!(v2_view.read_account_ids, ["lisi", "wangwu"]);
    let info = client
        .call(&GetTeamReadInfo::new(tid, v1, "zhangsan").snapshot(true))
        .await
        .unwrap();
    assert_eq!((info.read_size, info.unread_size), (2, 1));
    assert_eq!(info.read_accids, ["lisi", "wangwu"]);
    assert_eq!(info.unread_accids, ["zhaoliu"]);
    let info = client
        .call(&GetTeamReadInfo::new(tid, v2, "lisi").snapshot(true))
        .await
        .unwrap();
    assert_eq!(info.read_accids, ["wangwu"]);
    assert_eq!(info.unread_accids, ["zhangsan", "zhaoliu"]);
    // Without snapshot, the counts only.
    let info = client
        .call(&GetTeamReadInfo::new(tid, plain, "zhangsan"))
        .await
        .unwrap();
    assert_eq!((info.read_size, info.unread_size), (0, 3));
    assert!(info.unread_accids.is_empty());

    // A member who joins later neither counts nor marks what was sent before.
    emu.advance_clock(5);
    client
        .call(&AddTeamMembers::new(tid, "zhangsan", ["newbie"], "hi"))
        .await
        .unwrap();
    let marked = client
        .call(&MarkReadTeamMsg::new("newbie", tid, [v1]))
        .await
        .unwrap();
    assert_eq!(marked.err_msg_ids, [v1]);
    let info = client
        .call(&GetTeamReadInfo::new(tid, v1, "zhangsan").snapshot(true))
        .await
        .unwrap();
    assert_eq!(info.unread_accids, ["zhaoliu"]);

    // A reader who leaves is no longer counted; a stranger cannot mark anything.
    client.call(&LeaveTeam::new(tid, "wangwu")).await.unwrap();
    let info = client
        .call(&GetTeamReadInfo::new(tid, v1, "zhangsan"))
        .await
        .unwrap();
    assert_eq!((info.read_size, info.unread_size), (1, 1));
    assert_eq!(
        refused(&client, &MarkReadTeamMsg::new("wangwu", tid, [v1])).await,
        804
    );
}

#[tokio::test]
async fn v2_send_switches_let_a_stranger_in_and_skip_each_kinds_mute() {
    let (_emu, client) = setup(&["owner", "lisi", "stranger", "boss", "ann"]).await;
    let settings = TeamSettings::new().beinvitemode(BeInviteMode::NoConsent);
    let tid = client
        .call(&CreateTeam::new("Open", "owner", ["lisi"], "hi", JoinMode::Free).settings(settings))
        .await
        .unwrap()
        .tid;

    // A stranger is refused unless membership is not checked; then the message is stored
    // and a member's history lists it.
    assert_eq!(
        refused(&client, &v2_team_message("stranger", tid)).await,
        109_404
    );
    let no_membership = TeamOption::new().check_team_member_valid(false);
    let sent = client
        .call(&v2_team_message("stranger", tid).team_option(no_membership))
        .await
        .unwrap();
    let history = client
        .call(&QueryMessagesByPage::new(
            ConversationId::team("lisi", tid),
            0u64,
            u64::MAX / 2,
            100u32,
        ))
        .await
        .unwrap();
    assert!(
        history
            .items
            .iter()
            .any(|m| m.message_server_id == sent.message_server_id && m.sender_id == "stranger")
    );

    // The team's mute holds the stranger too, unless that check is skipped as well.
    client
        .call(&MuteAllTeamMembers::new(tid, "owner").mute_type(TeamMuteType::OrdinaryMembers))
        .await
        .unwrap();
    assert_eq!(
        refused(
            &client,
            &v2_team_message("stranger", tid).team_option(no_membership)
        )
        .await,
        108_306
    );
    client
        .call(&v2_team_message("stranger", tid).team_option(no_membership.ignore_chat_banned(true)))
        .await
        .unwrap();

    // A super team reads superteam_option, not team_option.
    let settings = SuperTeamSettings::new().beinvitemode(BeInviteMode::NoConsent);
    let sid = client
        .call(
            &CreateSuperTeam::new("boss", ["ann"], "Crowd", "hi", JoinMode::Free)
                .settings(settings),
        )
        .await
        .unwrap()
        .tid;
    client
        .call(&MuteSuperTeam::new(
            sid,
            "boss",
            TeamMuteType::OrdinaryMembers,
        ))
        .await
        .unwrap();
    let to_crowd = SendMessage::new(ConversationId::super_team("ann", sid), Message::text("hi"));
    assert_eq!(refused(&client, &to_crowd).await, 108_306);
    let wrong_option = to_crowd
        .clone()
        .team_option(TeamOption::new().ignore_chat_banned(true));
    assert_eq!(refused(&client, &wrong_option).await, 108_306);
    client
        .call(&to_crowd.superteam_option(SuperTeamOption::new().ignore_chat_banned(true)))
        .await
        .unwrap();
}

#[tokio::test]
async fn v1_refuses_each_permission_rule_with_its_code() {
    let names: Vec<String> = (0..11).map(|i| format!("m{i}")).collect();
    let mut accounts = vec!["owner", "mgr", "mgr2", "member", "member2", "outsider"];
    accounts.extend(names.iter().map(String::as_str));
    let (emu, client) = setup(&accounts).await;
    let members = ["mgr", "mgr2", "member", "member2"];
    let settings = TeamSettings::new()
        .beinvitemode(BeInviteMode::NoConsent)
        .team_member_limit(6u32);
    let tid = client
        .call(&CreateTeam::new("Rules", "owner", members, "hi", JoinMode::Free).settings(settings))
        .await
        .unwrap()
        .tid;
    client
        .call(&AddTeamManagers::new(tid, "owner", ["mgr", "mgr2"]))
        .await
        .unwrap();

    // 802: what only the owner or the managers may, or only the owner.
    let cases: Vec<(&str, u32)> = vec![
        (
            "an ordinary member invites",
            refused(
                &client,
                &AddTeamMembers::new(tid, "member", ["outsider"], "hi"),
            )
            .await,
        ),
        (
            "an ordinary member kicks",
            refused(
                &client,
                &KickTeamMembers::new(tid, "member").member("member2"),
            )
            .await,
        ),
        (
            "a manager kicks the owner",
            refused(&client, &KickTeamMembers::new(tid, "mgr").member("owner")).await,
        ),
        (
            "a manager kicks a manager",
            refused(&client, &KickTeamMembers::new(tid, "mgr").member("mgr2")).await,
        ),
        (
            "a manager mutes a manager",
            refused(
                &client,
                &MuteTeamMember::new(tid, "mgr", "mgr2", MemberMute::Mute),
            )
            .await,
        ),
        (
            "a manager adds a manager",
            refused(&client, &AddTeamManagers::new(tid, "mgr", ["member"])).await,
        ),
        (
            "a manager hands the team over",
            refused(
                &client,
                &ChangeTeamOwner::new(tid, "mgr", "member", AfterTransfer::Stay),
            )
            .await,
        ),
        (
            "a manager dismisses",
            refused(&client, &DismissTeam::new(tid, "mgr")).await,
        ),
        (
            "the owner leaves",
            refused(&client, &LeaveTeam::new(tid, "owner")).await,
        ),
        (
            "an ordinary member edits the team",
            refused(&client, &UpdateTeamV1::new(tid, "member").tname("Mine")).await,
        ),
    ];
    for (case, answered) in cases {
        assert_eq!(answered, 802, "{case}");
    }
    // 414: what no role may.
    assert_eq!(
        refused(&client, &KickTeamMembers::new(tid, "mgr").member("mgr")).await,
        414,
        "kicking oneself"
    );
    assert_eq!(
        refused(&client, &AddTeamManagers::new(tid, "owner", ["owner"])).await,
        414,
        "the owner made a manager"
    );

    // 804 / 809 / 803 / 801 / 815 / 805 / 806.
    assert_eq!(
        refused(
            &client,
            &KickTeamMembers::new(tid, "owner").member("outsider")
        )
        .await,
        804
    );
    assert_eq!(
        refused(
            &client,
            &ChangeTeamOwner::new(tid, "owner", "outsider", AfterTransfer::Stay)
        )
        .await,
        804
    );
    assert_eq!(
        refused(
            &client,
            &AddTeamMembers::new(tid, "owner", ["member"], "again")
        )
        .await,
        809
    );
    assert_eq!(
        refused(&client, &QueryTeamDetail::new(tid + 1000)).await,
        803
    );
    // Five members of six: two more do not fit, and neither joins.
    assert_eq!(
        refused(
            &client,
            &AddTeamMembers::new(tid, "owner", ["m0", "m1"], "hi")
        )
        .await,
        801
    );
    assert!(emu.team(tid).unwrap().member("m0").is_none());

    // Managers: at most ten in an advanced team.
    let big = client
        .call(
            &CreateTeam::new("Big", "owner", names.clone(), "hi", JoinMode::Free)
                .settings(TeamSettings::new().beinvitemode(BeInviteMode::NoConsent)),
        )
        .await
        .unwrap()
        .tid;
    client
        .call(&AddTeamManagers::new(big, "owner", names[..10].to_vec()))
        .await
        .unwrap();
    assert_eq!(
        refused(
            &client,
            &AddTeamManagers::new(big, "owner", [names[10].clone()])
        )
        .await,
        815
    );

    // A super team is not an advanced team to v1 team/*.
    let super_tid = client
        .call(&CreateSuperTeam::new(
            "owner",
            Vec::<String>::new(),
            "Crowd",
            "hi",
            JoinMode::Free,
        ))
        .await
        .unwrap()
        .tid;
    assert_eq!(
        refused(
            &client,
            &AddTeamMembers::new(super_tid, "owner", ["member"], "hi")
        )
        .await,
        805
    );

    // An owner in as many teams as an account may be cannot create another.
    emu.set_team_count_limit(3);
    assert_eq!(
        refused(
            &client,
            &CreateTeam::new(
                "One too many",
                "owner",
                Vec::<String>::new(),
                "hi",
                JoinMode::Free
            )
        )
        .await,
        806
    );
}

#[tokio::test]
async fn v2_refuses_each_permission_rule_with_its_code() {
    let (emu, client) = setup(&["owner", "mgr", "mgr2", "member", "member2", "outsider"]).await;
    let direct = TeamConfiguration::new().agree_mode(AgreeMode::NoConsent);
    let created = client
        .call(
            &CreateTeamV2::new("owner", TeamType::Advanced, "Rules")
                .invite_account_ids(["mgr", "mgr2", "member", "member2"])
                .configuration(direct),
        )
        .await
        .unwrap();
    let tid = created.team_info.team_id;
    assert_eq!(created.team_info.member_count, Some(5));
    let managers = ManagerChange::new(TeamType::Advanced, "owner", ["mgr", "mgr2"]);
    client.call(&AddManagers::new(tid, managers)).await.unwrap();
    let adv = TeamType::Advanced;
    let kick = |operator: &str, target: &str| KickTeamMembersV2::new(operator, tid, adv, [target]);

    let cases: Vec<(&str, u32, u32)> = vec![
        (
            "an ordinary member invites",
            refused(
                &client,
                &InviteTeamMembers::new("member", tid, adv, ["outsider"]),
            )
            .await,
            109_306,
        ),
        (
            "an ordinary member kicks",
            refused(&client, &kick("member", "member2")).await,
            109_432,
        ),
        (
            "a manager kicks the owner",
            refused(&client, &kick("mgr", "owner")).await,
            109_308,
        ),
        (
            "a manager kicks a manager",
            refused(&client, &kick("mgr", "mgr2")).await,
            109_305,
        ),
        (
            "a manager mutes the owner",
            refused(
                &client,
                &BatchMuteTeamMembers::new("mgr", tid, adv, ["owner"], true),
            )
            .await,
            109_304,
        ),
        (
            "a manager adds a manager",
            refused(
                &client,
                &AddManagers::new(tid, ManagerChange::new(adv, "mgr", ["member"])),
            )
            .await,
            109_427,
        ),
        (
            "a manager removes a manager",
            refused(
                &client,
                &RemoveManagers::new(tid, ManagerChange::new(adv, "mgr", ["mgr2"])),
            )
            .await,
            109_427,
        ),
        (
            "a manager disbands",
            refused(&client, &DisbandTeam::new(tid, "mgr", adv)).await,
            109_427,
        ),
        (
            "the owner leaves",
            refused(&client, &LeaveTeamV2::new("owner", tid, adv)).await,
            109_307,
        ),
        (
            "the owner kicks itself",
            refused(&client, &kick("owner", "owner")).await,
            109_310,
        ),
        (
            "the team handed to its owner",
            refused(
                &client,
                &TransferOwner::new(tid, adv, "owner", AfterTransfer::Stay),
            )
            .await,
            108_310,
        ),
        (
            "an invitee already in",
            refused(
                &client,
                &InviteTeamMembers::new("owner", tid, adv, ["member"]),
            )
            .await,
            109_311,
        ),
        (
            "an ordinary member edits the team",
            refused(
                &client,
                &UpdateTeam::new(tid, "member", adv).settings(TeamSettingsV2::new().intro("mine")),
            )
            .await,
            109_432,
        ),
        (
            "a manager mutes itself",
            refused(
                &client,
                &BatchMuteTeamMembers::new("mgr", tid, adv, ["mgr"], true),
            )
            .await,
            109_303,
        ),
        (
            "the owner made a manager",
            refused(
                &client,
                &AddManagers::new(tid, ManagerChange::new(adv, "owner", ["owner"])),
            )
            .await,
            108_430,
        ),
        (
            "a manager edits the owner's member info",
            refused(
                &client,
                &UpdateTeamMember::new("owner", "mgr", tid, adv).team_nick("boss"),
            )
            .await,
            109_314,
        ),
        (
            "an unknown team",
            refused(&client, &GetTeamInfo::new(tid + 1000, adv)).await,
            108_404,
        ),
        (
            "the advanced team asked for as a super team",
            refused(&client, &GetTeamInfo::new(tid, TeamType::Super)).await,
            108_302,
        ),
        (
            "a non-member leaves",
            refused(&client, &LeaveTeamV2::new("outsider", tid, adv)).await,
            109_404,
        ),
    ];
    for (case, answered, expected) in cases {
        assert_eq!(answered, expected, "{case}");
    }

    // A kick list naming a non-member: the others go, the stranger is listed as failed.
    let kicked = client
        .call(&KickTeamMembersV2::new(
            "owner",
            tid,
            adv,
            ["member2", "outsider"],
        ))
        .await
        .unwrap();
    assert_eq!(kicked.success_list, ["member2"]);
    assert_eq!(kicked.failed_list.len(), 1);
    assert_eq!(kicked.failed_list[0].account(), Some("outsider"));
    assert_eq!(kicked.failed_list[0].error_code, 109_404);

    // A full team changes nothing (the member limit counts the owner).
    let small = TeamConfiguration::new().agree_mode(AgreeMode::NoConsent);
    client
        .call(
            &UpdateTeam::new(tid, "owner", adv)
                .settings(TeamSettingsV2::new().members_limit(4u32))
                .configuration(small),
        )
        .await
        .unwrap();
    assert_eq!(
        refused(
            &client,
            &InviteTeamMembers::new("owner", tid, adv, ["outsider"])
        )
        .await,
        108_419
    );
    assert!(emu.team(tid).unwrap().member("outsider").is_none());

    // The whole team muted for everyone: even the owner is refused (108423).
    let everyone = TeamConfiguration::new().chat_banned_mode(ChatBannedMode::Everyone);
    client
        .call(&UpdateTeam::new(tid, "owner", adv).configuration(everyone))
        .await
        .unwrap();
    assert_eq!(
        refused(&client, &v2_team_message("owner", tid)).await,
        108_423
    );
    assert_eq!(refused(&client, &v1_team_message("owner", tid)).await, 812);
    // v2's team_option skips the team's mute when asked, and only that check.
    let past_the_mute = TeamOption::new().ignore_chat_banned(true);
    client
        .call(&v2_team_message("owner", tid).team_option(past_the_mute))
        .await
        .unwrap();
    client
        .call(&BatchMuteTeamMembers::new(
            "owner",
            tid,
            adv,
            ["member"],
            true,
        ))
        .await
        .unwrap();
    let member = v2_team_message("member", tid);
    assert_eq!(
        refused(&client, &member.clone().team_option(past_the_mute)).await,
        109_424
    );
    let past_both = past_the_mute.ignore_member_chat_banned(true);
    client.call(&member.team_option(past_both)).await.unwrap();
}

#[tokio::test]
async fn a_super_team_through_v1_with_its_level_read_by_v2() {
    let (_emu, client) = setup(&["boss", "ann", "ben", "cat", "dan"]).await;
    let settings = SuperTeamSettings::new().beinvitemode(BeInviteMode::NoConsent);
    let tid = client
        .call(
            &CreateSuperTeam::new("boss", ["ann"], "Crowd", "hi", JoinMode::Free)
                .settings(settings)
                .tlevel(3u32),
        )
        .await
        .unwrap()
        .tid;
    let info = |tid| GetTeamInfo::new(tid, TeamType::Super);
    let team = client.call(&info(tid)).await.unwrap().team_info;
    assert_eq!((team.members_limit, team.member_count), (Some(3), Some(2)));

    // The level caps the members: a fourth does not fit in three, until it is raised.
    client
        .call(&InviteSuperTeamMembers::new(tid, "boss", ["ben"], "hi"))
        .await
        .unwrap();
    assert_eq!(
        refused(
            &client,
            &InviteSuperTeamMembers::new(tid, "boss", ["cat"], "hi")
        )
        .await,
        801
    );
    client
        .call(&ChangeSuperTeamLevel::new(tid, "boss", 10u32))
        .await
        .unwrap();
    client
        .call(&InviteSuperTeamMembers::new(
            tid,
            "boss",
            ["cat", "dan"],
            "hi",
        ))
        .await
        .unwrap();
    let team = client.call(&info(tid)).await.unwrap().team_info;
    assert_eq!((team.members_limit, team.member_count), (Some(10), Some(5)));
    // Only the owner changes the level, through v1 or v2: a manager is refused by both.
    client
        .call(&AddSuperTeamManagers::new(tid, "boss", ["ann"]))
        .await
        .unwrap();
    assert_eq!(
        refused(&client, &ChangeSuperTeamLevel::new(tid, "ann", 20u32)).await,
        802
    );
    let raise = UpdateTeam::new(tid, "ann", TeamType::Super)
        .settings(TeamSettingsV2::new().members_limit(20u32));
    assert_eq!(refused(&client, &raise).await, 109_427);
    // v2's advanced-team view does not see it.
    assert_eq!(
        refused(&client, &GetTeamInfo::new(tid, TeamType::Advanced)).await,
        108_302
    );

    // A muted member's super team message is refused; the others speak.
    client
        .call(&MuteSuperTeamMembers::new(
            tid,
            "boss",
            ["ben"],
            MemberMute::Mute,
        ))
        .await
        .unwrap();
    assert_eq!(
        refused(
            &client,
            &SendSuperTeamMsg::new(tid, "ben", Message::text("hi"))
        )
        .await,
        812
    );
    client
        .call(&SendSuperTeamMsg::new(tid, "ann", Message::text("hi")))
        .await
        .unwrap();

    // Only the owner dismisses.
    assert_eq!(
        refused(&client, &DismissSuperTeam::new(tid, "ann")).await,
        802
    );
    client
        .call(&DismissSuperTeam::new(tid, "boss"))
        .await
        .unwrap();
    assert_eq!(refused(&client, &info(tid)).await, 108_404);
}

#[tokio::test]
async fn bad_member_lists_are_refused_before_sending() {
    let (emu, client) = setup(&["zhangsan"]).await;
    let before = emu.total_requests();

    // Duplicates, in any case: the rule names both positions.
    let err = client
        .call(&AddTeamMembers::new(
            6_000_000_001u64,
            "zhangsan",
            ["lisi", "wangwu", "LiSi"],
            "hi",
        ))
        .await
        .unwrap_err();
    let validation = err.validation().expect("a validation error");
    assert_eq!(validation.field(), "members");
    assert!(
        matches!(
            validation.rule(),
            Rule::Duplicate {
                first: 0,
                again: 2,
                ..
            }
        ),
        "{validation}"
    );
    let err = client
        .call(&InviteTeamMembers::new(
            "zhangsan",
            6_000_000_001u64,
            TeamType::Advanced,
            ["a", "b", "a"],
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(err.validation().unwrap().rule(), Rule::Duplicate { .. }),
        "{err}"
    );

    // Over the per-call limit: 201 invitees, 200 at create, 11 managers, 11 v2 kicks.
    let many = |n: usize| (0..n).map(|i| format!("user{i}")).collect::<Vec<_>>();
    let err = client
        .call(&AddTeamMembers::new(
            6_000_000_001u64,
            "zhangsan",
            many(201),
            "hi",
        ))
        .await
        .unwrap_err();
    assert_eq!(
        err.validation().unwrap().rule(),
        &Rule::TooManyItems {
            limit: 200,
            actual: 201
        }
    );
    let err = client
        .call(&CreateTeam::new(
            "Big",
            "zhangsan",
            many(200),
            "hi",
            JoinMode::Free,
        ))
        .await
        .unwrap_err();
    assert_eq!(
        err.validation().unwrap().rule(),
        &Rule::TooManyItems {
            limit: 199,
            actual: 200
        },
        "the owner and the members are at most 200"
    );
    let err = client
        .call(&AddTeamManagers::new(
            6_000_000_001u64,
            "zhangsan",
            many(11),
        ))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "members");
    let err = client
        .call(&KickTeamMembersV2::new(
            "zhangsan",
            6_000_000_001u64,
            TeamType::Advanced,
            many(11),
        ))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "kick_account_ids");

    // A rule between fields: the owner invited into its own team, muting oneself.
    let err = client
        .call(
            &CreateTeamV2::new("zhangsan", TeamType::Advanced, "Self")
                .invite_account_ids(["ZhangSan"]),
        )
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "invite_account_ids[0]");
    let err = client
        .call(&MuteTeamMember::new(
            6_000_000_001u64,
            "zhangsan",
            "ZhangSan",
            MemberMute::Mute,
        ))
        .await
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "accid");
    assert_eq!(emu.total_requests(), before, "nothing was sent");
}
