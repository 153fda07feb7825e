//! The v1 super team family (`superteam/*.action`) over HTTP: every action's effect, its
//! refusals and their codes (801-815 from the team store, 414 for parameters), and super
//! team messages asking the store who may speak.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Answer, Harness};
use nim_emulator::{TeamKind, TeamRole};
use serde_json::{Value, json};

/// `owner`, `mgr`, `alice`, `bob`, `carol`, `dave` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["owner", "mgr", "alice", "bob", "carol", "dave"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

fn ok(a: &Answer) -> Value {
    assert_eq!(a.code(), 200, "{}", a.body);
    a.json()
}

/// Creates a super team of `owner` with `invitees` joining at once, with `extra` params
/// added or replacing the defaults.
async fn create_with(h: &Harness, invitees: &[&str], extra: &[(&str, &str)]) -> Answer {
    let list = json!(invitees).to_string();
    let mut params: Vec<(&str, &str)> = [
        ("owner", "owner"),
        ("inviteAccids", list.as_str()),
        ("tname", "Readers"),
        ("msg", "join us"),
        ("joinmode", "0"),
        ("beinvitemode", "1"),
    ]
    .into_iter()
    .filter(|(name, _)| extra.iter().all(|(n, _)| n != name))
    .collect();
    params.extend_from_slice(extra);
    h.call("superteam/create.action", &params).await
}

/// A super team of `owner`, `mgr` (a manager), `alice` and `bob`; answers its id.
async fn team(h: &Harness) -> String {
    let a = create_with(h, &["mgr", "alice", "bob"], &[]).await;
    let tid = ok(&a)["tid"].as_str().unwrap().to_owned();
    let managers = json!(["mgr"]).to_string();
    let a = h
        .call(
            "superteam/addManager.action",
            &[
                ("tid", &tid),
                ("owner", "owner"),
                ("managerAccids", &managers),
            ],
        )
        .await;
    ok(&a);
    tid
}

fn id(tid: &str) -> u64 {
    tid.parse().unwrap()
}

/// Sends a text from `from` to super team `tid`.
async fn send(h: &Harness, tid: &str, from: &str, extra: &[(&str, &str)]) -> Answer {
    let body = json!({ "msg": "hi" }).to_string();
    let mut params = vec![
        ("tid", tid),
        ("fromAccid", from),
        ("type", "0"),
        ("body", body.as_str()),
    ];
    params.extend_from_slice(extra);
    h.call("superteam/sendMsg.action", &params).await
}

async fn members(h: &Harness, tid: &str, timetag: &str, limit: &str, reverse: &str) -> Value {
    let a = h
        .call(
            "superteam/getTlists.action",
            &[
                ("tid", tid),
                ("timetag", timetag),
                ("limit", limit),
                ("reverse", reverse),
            ],
        )
        .await;
    ok(&a)["tlists"].clone()
}

fn accids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|m| m["accid"].as_str().unwrap())
        .collect()
}

fn window(h: &Harness) -> (String, String) {
    let now = h.emu.state_now() * 1000;
    ((now - 3_600_000).to_string(), (now + 3_600_000).to_string())
}

#[tokio::test]
async fn create_makes_a_super_team_with_its_settings() {
    let h = harness().await;
    let a = create_with(
        &h,
        &["Alice", "bob", "owner", "alice"],
        &[
            ("intro", "books"),
            ("serverCustom", "{\"k\":1}"),
            ("tlevel", "50"),
            ("invitemode", "1"),
        ],
    )
    .await;
    let tid = ok(&a)["tid"].as_str().unwrap().to_owned();
    assert!(a.json().get("faccid").is_none());
    let t = h.emu.team(id(&tid)).unwrap();
    assert_eq!(t.kind, TeamKind::Super);
    assert_eq!(t.owner, "owner");
    assert_eq!(t.name.as_deref(), Some("Readers"));
    assert_eq!(t.intro.as_deref(), Some("books"));
    assert_eq!(t.custom.as_deref(), Some("{\"k\":1}"));
    assert_eq!(t.limit, 50);
    assert_eq!(t.modes, [0, 1, 1, 0, 0]);
    // The owner named among the invitees and a repeated invitee count once.
    let ids: Vec<&str> = t.members.iter().map(|m| m.accid.as_str()).collect();
    assert_eq!(ids, ["alice", "bob", "owner"]);
    assert_eq!(t.member("alice").unwrap().inviter.as_deref(), Some("owner"));

    // No invitees, no tlevel: the default limit of 200.
    let a = create_with(&h, &[], &[]).await;
    let lone = h.emu.team(id(ok(&a)["tid"].as_str().unwrap())).unwrap();
    assert_eq!((lone.members.len(), lone.limit), (1, 200));
}

#[tokio::test]
async fn create_refusals() {
    let h = harness().await;
    create_with(&h, &["nobody"], &[])
        .await
        .assert_error(414, "not register");
    create_with(&h, &["alice"], &[("tlevel", "1")])
        .await
        .assert_error(414, "tlevel");
    create_with(&h, &["alice"], &[("joinmode", "3")])
        .await
        .assert_error(414, "joinmode");
    // Two members, a limit of 2: a third overflows it.
    create_with(&h, &["alice", "bob"], &[("tlevel", "2")])
        .await
        .assert_error(801, "full");
    create_with(&h, &["alice"], &[("msg", "")])
        .await
        .assert_error(414, "msg");
    // No joinmode (the Go SDK leaves a 0 out, the Java SDK's Javadoc defaults it to 0).
    let a = h
        .call(
            "superteam/create.action",
            &[("owner", "owner"), ("tname", "x"), ("msg", "hi")],
        )
        .await;
    let tid = id(ok(&a)["tid"].as_str().unwrap());
    assert_eq!(h.emu.team(tid).unwrap().modes[0], 0);
}

#[tokio::test]
async fn consent_and_the_team_count_limit() {
    let h = harness().await;
    // beinvitemode 0: invitees wait for their consent.
    let a = create_with(&h, &["alice"], &[("beinvitemode", "0")]).await;
    let tid = id(ok(&a)["tid"].as_str().unwrap());
    let t = h.emu.team(tid).unwrap();
    assert_eq!(t.pending_invitations, ["alice"]);
    assert!(t.member("alice").is_none());
    h.emu.answer_team_invitation(tid, "alice", true).unwrap();
    assert!(h.emu.team(tid).unwrap().member("alice").is_some());

    // One team per account: the owner (in one already) cannot create another (806); an
    // invitee in one already is listed in faccid and the others join.
    h.emu.set_team_count_limit(1);
    create_with(&h, &["bob"], &[])
        .await
        .assert_error(806, "team count");
    let a = create_with(&h, &["alice", "bob"], &[("owner", "mgr")]).await;
    let answer = ok(&a);
    assert_eq!(answer["faccid"]["accid"], json!(["alice"]));
    let t = h.emu.team(id(answer["tid"].as_str().unwrap())).unwrap();
    assert!(t.member("bob").is_some() && t.member("alice").is_none());
}

#[tokio::test]
async fn dismiss_is_the_owners() {
    let h = harness().await;
    let tid = team(&h).await;
    let by = |owner: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "superteam/dismiss.action",
                &[("tid", &tid), ("owner", owner)],
            )
            .await
        }
    };
    by("mgr").await.assert_error(802, "no permission");
    by("carol").await.assert_error(804, "not a member");
    ok(&by("owner").await);
    assert!(h.emu.team(id(&tid)).is_none());
    by("owner").await.assert_error(803, "does not exist");
}

#[tokio::test]
async fn update_tinfo_changes_what_is_given() {
    let h = harness().await;
    let tid = team(&h).await;
    let update = |operator: &'static str, extra: Vec<(&'static str, &'static str)>| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let mut params = vec![("tid", tid.as_str()), ("owner", operator)];
            params.extend(extra);
            h.call("superteam/updateTinfo.action", &params).await
        }
    };
    ok(&update(
        "mgr",
        vec![("tname", "Readers 2"), ("announcement", "hello")],
    )
    .await);
    let t = h.emu.team(id(&tid)).unwrap();
    assert_eq!(t.name.as_deref(), Some("Readers 2"));
    assert_eq!(t.announcement.as_deref(), Some("hello"));
    // An ordinary member may not, until uptinfomode 1 lets everyone.
    update("alice", vec![("intro", "x")])
        .await
        .assert_error(802, "no permission");
    ok(&update("owner", vec![("uptinfomode", "1"), ("joinmode", "2")]).await);
    ok(&update("alice", vec![("intro", "x")]).await);
    let t = h.emu.team(id(&tid)).unwrap();
    assert_eq!(
        (t.intro.as_deref(), t.modes[0], t.modes[3]),
        (Some("x"), 2, 1)
    );
    // An empty announcement clears it; an empty name is refused.
    ok(&update("owner", vec![("announcement", "")]).await);
    assert_eq!(h.emu.team(id(&tid)).unwrap().announcement, None);
    update("owner", vec![("tname", "")])
        .await
        .assert_error(414, "tname");
    update("owner", vec![("invitemode", "2")])
        .await
        .assert_error(414, "invitemode");
}

#[tokio::test]
async fn change_level_is_the_owners_and_keeps_the_members() {
    let h = harness().await;
    let tid = team(&h).await;
    let level = |owner: &'static str, tlevel: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "superteam/changeLevel.action",
                &[("tid", &tid), ("owner", owner), ("tlevel", tlevel)],
            )
            .await
        }
    };
    ok(&level("owner", "5000").await);
    assert_eq!(h.emu.team(id(&tid)).unwrap().limit, 5000);
    level("mgr", "300").await.assert_error(802, "no permission");
    // Four members: a limit of 3 is refused, 1 is no level at all.
    level("owner", "3").await.assert_error(414, "below");
    level("owner", "1").await.assert_error(414, "tlevel");
    ok(&level("owner", "4").await);
}

#[tokio::test]
async fn invite_adds_members_or_waits_for_consent() {
    let h = harness().await;
    let tid = team(&h).await;
    let invite = |owner: &'static str, who: &'static [&'static str]| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let list = json!(who).to_string();
            h.call(
                "superteam/invite.action",
                &[
                    ("tid", &tid),
                    ("owner", owner),
                    ("inviteAccids", &list),
                    ("msg", "welcome"),
                ],
            )
            .await
        }
    };
    // beinvitemode 1 (set at create): they join at once.
    let a = invite("mgr", &["carol"]).await;
    assert!(ok(&a).get("faccid").is_none());
    assert!(h.emu.team(id(&tid)).unwrap().member("carol").is_some());
    invite("mgr", &["carol"])
        .await
        .assert_error(809, "already a member");
    invite("alice", &["dave"])
        .await
        .assert_error(802, "no permission");
    invite("owner", &["nobody"])
        .await
        .assert_error(414, "not register");
    invite("owner", &[]).await.assert_error(414, "inviteAccids");

    // Over the account's team count: listed in faccid, the rest go on.
    h.emu.set_team_count_limit(0);
    let a = invite("owner", &["dave"]).await;
    assert_eq!(ok(&a)["faccid"]["accid"], json!(["dave"]));
    h.emu.set_team_count_limit(usize::MAX);

    // A full team.
    let a = h
        .call(
            "superteam/changeLevel.action",
            &[("tid", &tid), ("owner", "owner"), ("tlevel", "5")],
        )
        .await;
    ok(&a);
    invite("owner", &["dave"]).await.assert_error(801, "full");

    // With beinvitemode 0 the invitee waits.
    let a = h
        .call(
            "superteam/updateTinfo.action",
            &[("tid", &tid), ("owner", "owner"), ("beinvitemode", "0")],
        )
        .await;
    ok(&a);
    ok(&invite("owner", &["dave"]).await);
    let t = h.emu.team(id(&tid)).unwrap();
    assert_eq!(t.pending_invitations, ["dave"]);
    assert!(t.member("dave").is_none());
}

#[tokio::test]
async fn kick_and_leave() {
    let h = harness().await;
    let tid = team(&h).await;
    let kick = |owner: &'static str, who: &'static [&'static str]| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let list = json!(who).to_string();
            h.call(
                "superteam/kick.action",
                &[("tid", &tid), ("owner", owner), ("kickAccids", &list)],
            )
            .await
        }
    };
    kick("mgr", &["owner"])
        .await
        .assert_error(802, "no permission");
    kick("alice", &["bob"])
        .await
        .assert_error(802, "no permission");
    kick("mgr", &["carol"])
        .await
        .assert_error(804, "not a member");
    kick("owner", &["owner"]).await.assert_error(414, "itself");
    ok(&kick("mgr", &["alice"]).await);
    assert!(h.emu.team(id(&tid)).unwrap().member("alice").is_none());

    let leave = |accid: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call("superteam/leave.action", &[("tid", &tid), ("accid", accid)])
                .await
        }
    };
    ok(&leave("bob").await);
    assert!(h.emu.team(id(&tid)).unwrap().member("bob").is_none());
    leave("owner").await.assert_error(802, "transfer it first");
    leave("bob").await.assert_error(804, "not a member");
    leave("bad id").await.assert_error(414, "accid");
}

#[tokio::test]
async fn member_nick_custom_and_notifications() {
    let h = harness().await;
    let tid = team(&h).await;
    let nick = |owner: &'static str, accid: &'static str, nick: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "superteam/updateTeamNick.action",
                &[
                    ("tid", &tid),
                    ("owner", owner),
                    ("accid", accid),
                    ("nick", nick),
                ],
            )
            .await
        }
    };
    ok(&nick("owner", "alice", "Ali").await);
    assert_eq!(
        h.emu
            .team(id(&tid))
            .unwrap()
            .member("alice")
            .unwrap()
            .nick
            .as_deref(),
        Some("Ali")
    );
    nick("alice", "bob", "B")
        .await
        .assert_error(802, "no permission");
    let long: &'static str = Box::leak("x".repeat(33).into_boxed_str());
    nick("owner", "alice", long).await.assert_error(414, "nick");

    let a = h
        .call(
            "superteam/updateTlist.action",
            &[
                ("tid", &tid),
                ("accid", "bob"),
                ("nick", "Bobby"),
                ("custom", "c"),
                ("silentType", "1"),
            ],
        )
        .await;
    ok(&a);
    let list = members(&h, &tid, "0", "100", "1").await;
    let bob = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["accid"] == "bob")
        .unwrap();
    assert_eq!(
        (&bob["nick"], &bob["custom"], &bob["bits"]),
        (&json!("Bobby"), &json!("c"), &json!(1))
    );
    let a = h
        .call(
            "superteam/updateTlist.action",
            &[("tid", &tid), ("accid", "carol"), ("nick", "C")],
        )
        .await;
    a.assert_error(804, "not a member");
}

#[tokio::test]
async fn managers_are_the_owners_to_change() {
    let h = harness().await;
    let tid = team(&h).await;
    let change = |path: &'static str, owner: &'static str, who: Vec<&'static str>| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let list = json!(who).to_string();
            h.call(
                path,
                &[("tid", &tid), ("owner", owner), ("managerAccids", &list)],
            )
            .await
        }
    };
    let add = "superteam/addManager.action";
    let remove = "superteam/removeManager.action";
    ok(&change(add, "owner", vec!["alice"]).await);
    let t = h.emu.team(id(&tid)).unwrap();
    assert_eq!(t.with_role(TeamRole::Manager), ["alice", "mgr"]);
    change(add, "mgr", vec!["bob"])
        .await
        .assert_error(802, "no permission");
    change(add, "owner", vec!["owner"])
        .await
        .assert_error(414, "owner");
    change(add, "owner", vec!["carol"])
        .await
        .assert_error(804, "not a member");
    change(add, "owner", vec!["bob"; 11])
        .await
        .assert_error(414, "managerAccids");
    ok(&change(remove, "owner", vec!["alice", "mgr"]).await);
    let t = h.emu.team(id(&tid)).unwrap();
    assert!(t.with_role(TeamRole::Manager).is_empty());
    change(remove, "alice", vec!["bob"])
        .await
        .assert_error(802, "no permission");
}

#[tokio::test]
async fn change_owner_stays_or_leaves() {
    let h = harness().await;
    let tid = team(&h).await;
    let transfer = |owner: &'static str, accid: &'static str, leave: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "superteam/changeOwner.action",
                &[
                    ("tid", &tid),
                    ("owner", owner),
                    ("accid", accid),
                    ("leave", leave),
                ],
            )
            .await
        }
    };
    transfer("mgr", "alice", "2")
        .await
        .assert_error(802, "no permission");
    transfer("owner", "carol", "2")
        .await
        .assert_error(804, "not a member");
    transfer("owner", "alice", "3")
        .await
        .assert_error(414, "leave");
    ok(&transfer("owner", "alice", "2").await);
    let t = h.emu.team(id(&tid)).unwrap();
    assert_eq!(t.owner, "alice");
    assert_eq!(t.member("owner").unwrap().role, TeamRole::Member);
    ok(&transfer("alice", "bob", "1").await);
    let t = h.emu.team(id(&tid)).unwrap();
    assert_eq!(t.owner, "bob");
    assert!(t.member("alice").is_none());
}

#[tokio::test]
async fn the_team_mute_silences_by_type() {
    let h = harness().await;
    let tid = team(&h).await;
    let mute = |owner: &'static str, mute_type: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "superteam/mute.action",
                &[("tid", &tid), ("owner", owner), ("muteType", mute_type)],
            )
            .await
        }
    };
    mute("mgr", "1").await.assert_error(802, "no permission");
    mute("owner", "2").await.assert_error(414, "muteType");
    let a = h
        .call(
            "superteam/mute.action",
            &[("tid", &tid), ("owner", "owner")],
        )
        .await;
    a.assert_error(414, "muteType");
    ok(&mute("owner", "1").await);
    assert_eq!(h.emu.team(id(&tid)).unwrap().mute_type, 1);
    send(&h, &tid, "alice", &[])
        .await
        .assert_error(812, "muted");
    ok(&send(&h, &tid, "mgr", &[]).await);
    ok(&mute("owner", "3").await);
    send(&h, &tid, "owner", &[])
        .await
        .assert_error(812, "muted");
    ok(&mute("owner", "0").await);
    ok(&send(&h, &tid, "alice", &[]).await);
}

#[tokio::test]
async fn a_muted_member_cannot_send_and_is_listed() {
    let h = harness().await;
    let tid = team(&h).await;
    let mute = |owner: &'static str, who: Vec<&'static str>, mute: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let list = json!(who).to_string();
            h.call(
                "superteam/muteTlist.action",
                &[
                    ("tid", &tid),
                    ("owner", owner),
                    ("muteAccids", &list),
                    ("mute", mute),
                ],
            )
            .await
        }
    };
    ok(&mute("mgr", vec!["alice"], "1").await);
    assert!(h.emu.team(id(&tid)).unwrap().member("alice").unwrap().muted);
    // The muted member's super team message is refused; the others' go through.
    send(&h, &tid, "alice", &[])
        .await
        .assert_error(812, "muted");
    ok(&send(&h, &tid, "bob", &[]).await);
    // isCheckMute=false sends past the mute.
    ok(&send(&h, &tid, "alice", &[("isCheckMute", "false")]).await);

    let a = h
        .call(
            "superteam/getMuteTlists.action",
            &[("tid", &tid), ("timetag", "0"), ("limit", "10")],
        )
        .await;
    let muted = ok(&a)["muteTlists"].clone();
    assert_eq!(accids(&muted), ["alice"]);
    assert_eq!(muted[0]["mute"], 1);

    mute("mgr", vec!["owner"], "1")
        .await
        .assert_error(802, "no permission");
    mute("alice", vec!["bob"], "1")
        .await
        .assert_error(802, "no permission");
    mute("owner", vec!["bob"; 11], "1")
        .await
        .assert_error(414, "muteAccids");
    mute("owner", vec!["bob"], "2")
        .await
        .assert_error(414, "mute");
    ok(&mute("owner", vec!["alice"], "0").await);
    ok(&send(&h, &tid, "alice", &[]).await);
}

#[tokio::test]
async fn get_tinfos_reads_ids_as_strings_or_numbers() {
    let h = harness().await;
    let tid = team(&h).await;
    let ids = json!([tid, 1]).to_string();
    let a = h
        .call("superteam/getTinfos.action", &[("tids", &ids)])
        .await;
    let infos = ok(&a)["tinfos"].clone();
    assert_eq!(infos.as_array().unwrap().len(), 1);
    let info = &infos[0];
    assert_eq!(info["tid"], json!(id(&tid)));
    assert_eq!(
        (
            &info["tname"],
            &info["creator"],
            &info["tlevel"],
            &info["size"]
        ),
        (&json!("Readers"), &json!("owner"), &json!(200), &json!(4))
    );
    let numbers = json!([id(&tid)]).to_string();
    let a = h
        .call("superteam/getTinfos.action", &[("tids", &numbers)])
        .await;
    assert_eq!(ok(&a)["tinfos"].as_array().unwrap().len(), 1);
    let many = json!(vec![id(&tid); 21]).to_string();
    h.call("superteam/getTinfos.action", &[("tids", &many)])
        .await
        .assert_error(414, "tids");
}

#[tokio::test]
async fn get_tlists_pages_members_with_roles() {
    let h = harness().await;
    let tid = team(&h).await;
    h.clock.advance(5);
    let list = json!(["carol"]).to_string();
    let a = h
        .call(
            "superteam/invite.action",
            &[
                ("tid", &tid),
                ("owner", "owner"),
                ("inviteAccids", &list),
                ("msg", "hi"),
            ],
        )
        .await;
    ok(&a);
    let all = members(&h, &tid, "0", "100", "1").await;
    assert_eq!(accids(&all), ["alice", "bob", "mgr", "owner", "carol"]);
    let role = |accid: &str| {
        all.as_array()
            .unwrap()
            .iter()
            .find(|m| m["accid"] == accid)
            .unwrap()["type"]
            .clone()
    };
    assert_eq!(
        (role("owner"), role("mgr"), role("alice")),
        (json!(1), json!(2), json!(0))
    );
    // Newest first, two at a time; the next page starts at the last jointime.
    let first = members(&h, &tid, "0", "2", "2").await;
    assert_eq!(accids(&first), ["carol", "owner"]);
    let next = first[1]["jointime"].to_string();
    let second = members(&h, &tid, &next, "2", "2").await;
    assert_eq!(accids(&second), ["owner", "mgr"]);
    let a = h
        .call(
            "superteam/getTlists.action",
            &[("tid", &tid), ("timetag", "0"), ("limit", "2001")],
        )
        .await;
    a.assert_error(414, "limit");
    // No timetag is 0 (the Go SDK leaves a 0 out).
    let a = h
        .call(
            "superteam/getTlists.action",
            &[("tid", &tid), ("limit", "1")],
        )
        .await;
    assert_eq!(accids(&ok(&a)["tlists"]), ["alice"]);
    let a = h
        .call(
            "superteam/getTlists.action",
            &[("tid", "1"), ("timetag", "0"), ("limit", "10")],
        )
        .await;
    a.assert_error(803, "does not exist");
}

#[tokio::test]
async fn join_teams_answers_both_sdks_keys() {
    let h = harness().await;
    let tid = team(&h).await;
    let a = h
        .call("superteam/joinTeams.action", &[("accid", "Alice")])
        .await;
    let answer = ok(&a);
    assert_eq!(answer["count"], 1);
    assert_eq!(answer["tinfos"], answer["tlists"]);
    let t = &answer["tinfos"][0];
    assert_eq!(t["tid"], json!(id(&tid)));
    assert_eq!(
        (&t["owner"], &t["creator"]),
        (&json!("owner"), &json!("owner"))
    );
    assert_eq!((&t["maxusers"], &t["tlevel"]), (&json!(200), &json!(200)));
    let a = h
        .call("superteam/joinTeams.action", &[("accid", "carol")])
        .await;
    assert_eq!(ok(&a)["tinfos"], json!([]));
}

#[tokio::test]
async fn send_msg_stores_a_super_team_message() {
    let h = harness().await;
    let tid = team(&h).await;
    let a = send(&h, &tid, "Alice", &[("pushContent", "New"), ("ext", "e")]).await;
    let msgid = ok(&a)["data"]["msgid"].as_u64().unwrap();
    let m = h
        .emu
        .messages()
        .into_iter()
        .find(|m| m.server_id == msgid)
        .unwrap();
    assert_eq!(
        (m.sender.as_str(), m.receiver.as_str(), m.conversation_type),
        ("alice", tid.as_str(), 3)
    );
    send(&h, &tid, "carol", &[])
        .await
        .assert_error(804, "not a member");
    send(&h, "1", "alice", &[])
        .await
        .assert_error(803, "does not exist");
    send(&h, &tid, "nobody", &[])
        .await
        .assert_error(414, "not register");
    send(&h, &tid, "alice", &[("pushPayload", "{oops")])
        .await
        .assert_error(414, "pushPayload");
}

#[tokio::test]
async fn send_attach_msg_logs_a_notification() {
    let h = harness().await;
    let tid = team(&h).await;
    let notify = |to: String, attach: &'static str| {
        let h = &h;
        async move {
            h.call(
                "superteam/sendAttachMsg.action",
                &[
                    ("from", "owner"),
                    ("to", &to),
                    ("attach", attach),
                    ("save", "1"),
                ],
            )
            .await
        }
    };
    ok(&notify(tid.clone(), "{\"kind\":\"poke\"}").await);
    let n = h.emu.notifications().pop().unwrap();
    assert_eq!(
        (
            n.receiver.as_str(),
            n.conversation_type,
            n.offline,
            n.via.as_str()
        ),
        (tid.as_str(), 3, false, "superteam/sendAttachMsg.action")
    );
    notify("1".into(), "{}")
        .await
        .assert_error(803, "does not exist");
    notify(tid, "").await.assert_error(414, "attach");
}

#[tokio::test]
async fn recall_msg_takes_a_message_back_within_the_window() {
    let h = harness().await;
    let tid = team(&h).await;
    let recall = |msgid: u64, extra: &'static [(&'static str, &'static str)]| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let id = msgid.to_string();
            let mut params = vec![
                ("deleteMsgid", id.as_str()),
                ("timetag", "1"),
                ("from", "alice"),
                ("to", tid.as_str()),
            ];
            params.extend_from_slice(extra);
            h.call("superteam/recallMsg.action", &params).await
        }
    };
    let first = ok(&send(&h, &tid, "alice", &[]).await)["data"]["msgid"]
        .as_u64()
        .unwrap();
    ok(&recall(first, &[("msg", "oops")]).await);
    assert!(
        h.emu
            .messages()
            .iter()
            .any(|m| m.server_id == first && m.recalled)
    );

    let second = ok(&send(&h, &tid, "alice", &[]).await)["data"]["msgid"]
        .as_u64()
        .unwrap();
    h.clock.advance(600);
    recall(second, &[]).await.assert_error(508, "time window");
    ok(&recall(second, &[("ignoreTime", "1")]).await);
    let a = h
        .call(
            "superteam/recallMsg.action",
            &[
                ("deleteMsgid", "1"),
                ("timetag", "1"),
                ("from", "alice"),
                ("to", "1"),
            ],
        )
        .await;
    a.assert_error(803, "does not exist");
}

#[tokio::test]
async fn history_as_a_member_sees_it() {
    let h = harness().await;
    let tid = team(&h).await;
    let mut ids = Vec::new();
    for from in ["alice", "bob", "owner"] {
        let a = send(&h, &tid, from, &[]).await;
        ids.push(ok(&a)["data"]["msgid"].as_u64().unwrap());
    }
    let (begin, end) = window(&h);
    let query = |accid: &'static str, extra: Vec<(&'static str, &'static str)>| {
        let (tid, begin, end) = (tid.clone(), begin.clone(), end.clone());
        let h = &h;
        async move {
            let mut params = vec![
                ("tid", tid.as_str()),
                ("accid", accid),
                ("begintime", begin.as_str()),
                ("endtime", end.as_str()),
            ];
            params.extend(extra);
            h.call("superteam/queryHistoryMsg.action", &params).await
        }
    };
    let a = query("bob", vec![("limit", "2"), ("reverse", "1")]).await;
    let answer = ok(&a);
    assert_eq!(answer["size"], 2);
    let froms: Vec<&str> = answer["msgs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["from"].as_str().unwrap())
        .collect();
    assert_eq!(froms, ["alice", "bob"]);
    query("carol", vec![])
        .await
        .assert_error(804, "not a member");
    let a = h
        .call(
            "superteam/queryHistoryMsg.action",
            &[
                ("tid", &tid),
                ("accid", "bob"),
                ("begintime", &end),
                ("endtime", &begin),
            ],
        )
        .await;
    a.assert_error(414, "bad time");

    // By ids: ids as numbers or strings; a wrong sender finds nothing.
    let refs = json!([
        { "msgid": ids[2], "from": "owner", "to": id(&tid), "time": 1 },
        { "msgid": ids[0].to_string(), "from": "alice", "to": tid, "time": 1 },
        { "msgid": ids[1], "from": "alice", "to": id(&tid), "time": 1 },
    ])
    .to_string();
    let a = h
        .call("superteam/queryHistoryMsgByIds.action", &[("msgs", &refs)])
        .await;
    let answer = ok(&a);
    assert_eq!(answer["size"], 2);
    assert_eq!(answer["msgs"][0]["from"], "owner");
    assert_eq!(answer["msgs"][1]["from"], "alice");
    h.call("superteam/queryHistoryMsgByIds.action", &[("msgs", "[]")])
        .await
        .assert_error(414, "msgs");
}
