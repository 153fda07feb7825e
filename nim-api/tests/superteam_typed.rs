//! The superteam family's typed answers read what the emulator answers: create, the
//! queries (team info, members with roles, joined teams under both keys), a send and its
//! history, through the real client.
#![allow(clippy::unwrap_used)]

use nim_api::Client;
use nim_api::message::Message;
use nim_api::superteam::{
    AddSuperTeamManagers, BeInviteMode, CreateSuperTeam, GetSuperTeams, JoinMode, JoinedSuperTeams,
    ListSuperTeamMembers, ListSuperTeamMutes, MemberMute, MemberRole, MuteSuperTeamMembers,
    QuerySuperTeamHistory, QuerySuperTeamHistoryByIds, SendSuperTeamMsg, SuperTeamMessageRef,
    SuperTeamSettings,
};
use nim_emulator::Emulator;

#[tokio::test]
async fn typed_answers_read_the_emulator() {
    let emu = Emulator::start("key", "secret").await.unwrap();
    for a in ["owner", "mgr", "alice"] {
        emu.insert_account(a, Some("t"));
    }
    let client = Client::builder()
        .app_key("key")
        .app_secret("secret")
        .base_url(emu.base_url())
        .build()
        .unwrap();

    let settings = SuperTeamSettings::new().beinvitemode(BeInviteMode::NoConsent);
    let create = CreateSuperTeam::new("owner", ["mgr", "alice"], "Readers", "hi", JoinMode::Free)
        .settings(settings)
        .tlevel(500u32);
    let created = client.call(&create).await.unwrap();
    let tid = created.tid;
    assert!(created.faccid.is_none());
    client
        .call(&AddSuperTeamManagers::new(tid, "owner", ["mgr"]))
        .await
        .unwrap();

    let infos = client.call(&GetSuperTeams::new([tid])).await.unwrap();
    let info = &infos.tinfos[0];
    assert_eq!(
        (info.tid, info.owner(), info.member_limit()),
        (tid, Some("owner"), Some(500))
    );
    assert_eq!(info.size, Some(3));

    let page = client
        .call(&ListSuperTeamMembers::new(tid, 0u64, 10u32))
        .await
        .unwrap();
    let role = |accid: &str| {
        let member = page.members.iter().find(|m| m.accid == accid).unwrap();
        member.role
    };
    assert_eq!(role("owner"), Some(MemberRole::Owner));
    assert_eq!(role("mgr"), Some(MemberRole::Manager));
    assert_eq!(role("alice"), Some(MemberRole::Member));

    let joined = client.call(&JoinedSuperTeams::new("alice")).await.unwrap();
    assert_eq!(joined.teams()[0].tid, tid);
    assert_eq!(joined.tinfos, joined.tlists);

    let sent = client
        .call(&SendSuperTeamMsg::new(tid, "alice", Message::text("hello")))
        .await
        .unwrap();
    let mute = MuteSuperTeamMembers::new(tid, "mgr", ["alice"], MemberMute::Mute);
    client.call(&mute).await.unwrap();
    let muted = client
        .call(&ListSuperTeamMutes::new(tid, 0u64, 10u32))
        .await
        .unwrap();
    assert!(muted.members[0].mute);
    let refused = client
        .call(&SendSuperTeamMsg::new(tid, "alice", Message::text("again")))
        .await
        .unwrap_err();
    assert_eq!(refused.api_code(), Some(812));

    let now = sent.timetag;
    let history = client
        .call(&QuerySuperTeamHistory::new(
            tid,
            "owner",
            now - 1000,
            now + 1000,
            10u32,
        ))
        .await
        .unwrap();
    assert_eq!(history.msgs.len(), 1);
    let by_ids =
        QuerySuperTeamHistoryByIds::new([SuperTeamMessageRef::new(sent.msgid, "alice", tid, now)]);
    assert_eq!(client.call(&by_ids).await.unwrap().msgs.len(), 1);
}
