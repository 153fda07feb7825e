//! The v1 team family (`team/*.action`, 21 actions) over HTTP: each action's effect, seen
//! through the family's own queries and the emulator's inspection, and its refusals with
//! their codes (801-815, 414).
#![allow(clippy::unwrap_used)]

mod common;

use common::{Answer, Harness};
use nim_emulator::{Session, TeamRecord, TeamRole};
use serde_json::{Value, json};

/// `owner`, `mgr`, `a`, `b`, `c`, `d` and `zed` exist.
async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["owner", "mgr", "a", "b", "c", "d", "zed"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

/// `team/create.action` by `owner` inviting `members`, with `extra` parameters.
async fn create(h: &Harness, owner: &str, members: &[&str], extra: &[(&str, &str)]) -> Answer {
    let members = json!(members).to_string();
    let mut params = vec![
        ("tname", "Hiking"),
        ("owner", owner),
        ("members", members.as_str()),
        ("msg", "join us"),
        ("joinmode", "0"),
    ];
    params.extend_from_slice(extra);
    h.call("team/create.action", &params).await
}

/// A team of `owner`, `mgr` (a manager), `a` and `b`; its id.
async fn team(h: &Harness) -> String {
    let answer = create(h, "owner", &["mgr", "a", "b"], &[]).await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
    let tid = answer.json()["tid"].as_str().unwrap().to_owned();
    ok(h.call(
        "team/addManager.action",
        &[("tid", &tid), ("owner", "owner"), ("members", r#"["mgr"]"#)],
    )
    .await);
    tid
}

/// Asserts `{"code":200}` and answers the JSON.
fn ok(answer: Answer) -> Value {
    assert_eq!(answer.code(), 200, "{}", answer.body);
    answer.json()
}

/// The team as the emulator keeps it.
fn record(h: &Harness, tid: &str) -> TeamRecord {
    h.emu.team(tid.parse().unwrap()).unwrap()
}

fn role(h: &Harness, tid: &str, accid: &str) -> Option<TeamRole> {
    record(h, tid).member(accid).map(|m| m.role)
}

/// `team/queryDetail.action`'s `tinfo`.
async fn detail(h: &Harness, tid: &str) -> Value {
    ok(h.call("team/queryDetail.action", &[("tid", tid)]).await)["tinfo"].clone()
}

/// Sends a text from `from` to team `tid`; the answer.
async fn say(h: &Harness, from: &str, tid: &str) -> Answer {
    let body = json!({ "msg": "hi" }).to_string();
    h.call(
        "msg/sendMsg.action",
        &[
            ("from", from),
            ("ope", "1"),
            ("to", tid),
            ("type", "0"),
            ("body", &body),
        ],
    )
    .await
}

#[tokio::test]
async fn create_makes_a_team_the_store_and_queries_see() {
    let h = harness().await;
    let answer = ok(create(
        &h,
        "Owner",
        &["A", "b", "a"],
        &[
            ("intro", "weekends"),
            ("teamMemberLimit", "50"),
            ("invitemode", "1"),
            ("custom", r#"{"k":1}"#),
            ("bid", r#"{"textbid":"x"}"#),
            ("isNotifyCloseOnline", "1"),
            ("attach", "hello"),
        ],
    )
    .await);
    // A string, as the docs' example shows it; no faccid when everyone joined.
    let tid = answer["tid"].as_str().unwrap().to_owned();
    assert!(answer.get("faccid").is_none(), "{answer}");
    let t = record(&h, &tid);
    assert_eq!((t.owner.as_str(), t.limit, t.modes[2]), ("owner", 50, 1));
    assert_eq!(t.members.len(), 3);
    assert_eq!(t.intro.as_deref(), Some("weekends"));
    let info = detail(&h, &tid).await;
    assert_eq!(info["tname"], "Hiking");
    assert_eq!(info["isNotifyCloseOnline"], true);
    assert_eq!(info["size"], 3);
}

#[tokio::test]
async fn create_refusals() {
    let h = harness().await;
    let unnamed = h
        .call(
            "team/create.action",
            &[
                ("owner", "owner"),
                ("members", "[]"),
                ("msg", "m"),
                ("joinmode", "0"),
            ],
        )
        .await;
    unnamed.assert_error(414, "tname");
    // Both SDKs leave out an empty `members`: a team of one.
    let alone = h
        .call(
            "team/create.action",
            &[
                ("tname", "t"),
                ("owner", "owner"),
                ("msg", "m"),
                ("joinmode", "0"),
            ],
        )
        .await;
    let tid = ok(alone)["tid"].as_str().unwrap().to_owned();
    assert_eq!(record(&h, &tid).members.len(), 1);
    h.call("team/remove.action", &[("tid", &tid), ("owner", "owner")])
        .await
        .code();
    let closed_to = |joinmode: &'static str| {
        let h = &h;
        async move {
            h.call(
                "team/create.action",
                &[
                    ("tname", "t"),
                    ("owner", "owner"),
                    ("members", "[]"),
                    ("msg", "m"),
                    ("joinmode", joinmode),
                ],
            )
            .await
        }
    };
    closed_to("3").await.assert_error(414, "joinmode");
    closed_to("").await.assert_error(414, "joinmode");
    create(&h, "owner", &["nobody"], &[])
        .await
        .assert_error(414, "not register");
    create(&h, "owner", &["a", "b"], &[("teamMemberLimit", "2")])
        .await
        .assert_error(801, "full");
    create(&h, "owner", &[], &[("teamMemberLimit", "1")])
        .await
        .assert_error(414, "teamMemberLimit");
    create(&h, "owner", &[], &[("bid", "not json")])
        .await
        .assert_error(414, "bid");
    create(&h, "owner", &[], &[("intro", &"i".repeat(513))])
        .await
        .assert_error(414, "intro");
    assert!(h.emu.teams_of("owner").is_empty());
}

#[tokio::test]
async fn team_count_limit_refuses_the_owner_and_lists_invitees() {
    let h = harness().await;
    h.emu.set_team_count_limit(1);
    ok(create(&h, "a", &[], &[]).await);
    let answer = ok(create(&h, "owner", &["a", "b"], &[]).await);
    assert_eq!(answer["faccid"]["accid"], json!(["a"]), "{answer}");
    assert_eq!(answer["faccid"]["msg"], "team count exceed");
    create(&h, "a", &[], &[])
        .await
        .assert_error(806, "team count");
}

#[tokio::test]
async fn consent_is_asked_with_magree_and_beinvitemode_0() {
    let h = harness().await;
    let answer = ok(create(&h, "owner", &["a"], &[("magree", "1")]).await);
    let tid = answer["tid"].as_str().unwrap().to_owned();
    assert_eq!(record(&h, &tid).pending_invitations, ["a"]);
    assert_eq!(role(&h, &tid, "a"), None);
    h.emu
        .answer_team_invitation(tid.parse().unwrap(), "a", true)
        .unwrap();
    assert_eq!(role(&h, &tid, "a"), Some(TeamRole::Member));
    // The team's mode waives consent even when the call asks for it.
    let answer = ok(create(
        &h,
        "owner",
        &["b"],
        &[("magree", "1"), ("beinvitemode", "1")],
    )
    .await);
    let tid = answer["tid"].as_str().unwrap().to_owned();
    assert_eq!(role(&h, &tid, "b"), Some(TeamRole::Member));
    // add follows the same rule.
    let add = |magree: &'static str, who: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let members = json!([who]).to_string();
            h.call(
                "team/add.action",
                &[
                    ("tid", &tid),
                    ("owner", "owner"),
                    ("members", &members),
                    ("msg", "hi"),
                    ("magree", magree),
                ],
            )
            .await
        }
    };
    ok(add("1", "c").await);
    assert_eq!(role(&h, &tid, "c"), Some(TeamRole::Member));
}

#[tokio::test]
async fn add_invites_members_within_the_rules() {
    let h = harness().await;
    let tid = team(&h).await;
    let add =
        |owner: &'static str, members: &'static str, extra: Vec<(&'static str, &'static str)>| {
            let tid = tid.clone();
            let h = &h;
            async move {
                let mut params = vec![
                    ("tid", tid.as_str()),
                    ("owner", owner),
                    ("members", members),
                    ("msg", "welcome"),
                ];
                params.extend(extra);
                h.call("team/add.action", &params).await
            }
        };
    assert_eq!(
        ok(add("mgr", r#"["c"]"#, vec![]).await),
        json!({ "code": 200 })
    );
    assert_eq!(role(&h, &tid, "c"), Some(TeamRole::Member));
    add("owner", r#"["c"]"#, vec![])
        .await
        .assert_error(809, "already");
    add("a", r#"["d"]"#, vec![])
        .await
        .assert_error(802, "invite");
    add("zed", r#"["d"]"#, vec![])
        .await
        .assert_error(804, "not a member");
    add("owner", r#"["ghost"]"#, vec![])
        .await
        .assert_error(414, "not register");
    add("owner", "[]", vec![])
        .await
        .assert_error(414, "members");
    // consent asked: the invitee waits.
    ok(add("owner", r#"["d"]"#, vec![("magree", "1")]).await);
    assert_eq!(record(&h, &tid).pending_invitations, ["d"]);
    // invitemode 1 lets an ordinary member invite.
    ok(h.call(
        "team/update.action",
        &[("tid", &tid), ("owner", "owner"), ("invitemode", "1")],
    )
    .await);
    ok(add("a", r#"["zed"]"#, vec![]).await);
    assert_eq!(role(&h, &tid, "zed"), Some(TeamRole::Member));
    h.call(
        "team/add.action",
        &[
            ("tid", "1"),
            ("owner", "owner"),
            ("members", r#"["d"]"#),
            ("msg", "m"),
        ],
    )
    .await
    .assert_error(803, "does not exist");
}

#[tokio::test]
async fn add_over_the_member_limit_is_801_and_changes_nothing() {
    let h = harness().await;
    let answer = ok(create(&h, "owner", &["a"], &[("teamMemberLimit", "3")]).await);
    let tid = answer["tid"].as_str().unwrap().to_owned();
    h.call(
        "team/add.action",
        &[
            ("tid", &tid),
            ("owner", "owner"),
            ("members", r#"["b","c"]"#),
            ("msg", "m"),
        ],
    )
    .await
    .assert_error(801, "full");
    assert_eq!(record(&h, &tid).members.len(), 2);
}

#[tokio::test]
async fn kick_removes_members_the_caller_outranks() {
    let h = harness().await;
    let tid = team(&h).await;
    let kick = |owner: &'static str, extra: Vec<(&'static str, &'static str)>| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let mut params = vec![("tid", tid.as_str()), ("owner", owner)];
            params.extend(extra);
            h.call("team/kick.action", &params).await
        }
    };
    kick("owner", vec![]).await.assert_error(414, "member");
    kick("a", vec![("member", "b")])
        .await
        .assert_error(802, "remove");
    kick("mgr", vec![("member", "owner")])
        .await
        .assert_error(802, "owner");
    kick("owner", vec![("member", "zed")])
        .await
        .assert_error(804, "not a member");
    kick("owner", vec![("member", "owner")])
        .await
        .assert_error(414, "itself");
    // `member` wins over `members`.
    ok(kick("mgr", vec![("member", "a"), ("members", r#"["b"]"#)]).await);
    assert_eq!(role(&h, &tid, "a"), None);
    assert_eq!(role(&h, &tid, "b"), Some(TeamRole::Member));
    ok(kick("owner", vec![("members", r#"["b","mgr"]"#)]).await);
    assert_eq!(record(&h, &tid).members.len(), 1);
}

#[tokio::test]
async fn a_manager_cannot_kick_a_manager() {
    let h = harness().await;
    let tid = team(&h).await;
    ok(h.call(
        "team/addManager.action",
        &[("tid", &tid), ("owner", "owner"), ("members", r#"["a"]"#)],
    )
    .await);
    h.call(
        "team/kick.action",
        &[("tid", &tid), ("owner", "mgr"), ("member", "a")],
    )
    .await
    .assert_error(802, "manager");
}

#[tokio::test]
async fn remove_dismisses_for_the_owner_only() {
    let h = harness().await;
    let tid = team(&h).await;
    let remove = |owner: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call("team/remove.action", &[("tid", &tid), ("owner", owner)])
                .await
        }
    };
    remove("mgr").await.assert_error(802, "dismiss");
    ok(remove("owner").await);
    assert!(h.emu.team(tid.parse().unwrap()).is_none());
    remove("owner").await.assert_error(803, "does not exist");
    h.call("team/queryDetail.action", &[("tid", &tid)])
        .await
        .assert_error(803, "does not exist");
}

#[tokio::test]
async fn update_changes_what_it_sets_within_the_modes() {
    let h = harness().await;
    let tid = team(&h).await;
    let update = |owner: &'static str, extra: Vec<(&'static str, &'static str)>| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let mut params = vec![("tid", tid.as_str()), ("owner", owner)];
            params.extend(extra);
            h.call("team/update.action", &params).await
        }
    };
    ok(update(
        "owner",
        vec![
            ("tname", "Club"),
            ("announcement", "news"),
            ("joinmode", "1"),
        ],
    )
    .await);
    let info = detail(&h, &tid).await;
    assert_eq!(
        (info["tname"].as_str(), info["announcement"].as_str()),
        (Some("Club"), Some("news"))
    );
    assert_eq!(info["joinmode"], 1);
    // An empty text clears.
    ok(update("mgr", vec![("announcement", "")]).await);
    assert!(detail(&h, &tid).await.get("announcement").is_none());
    update("a", vec![("intro", "x")])
        .await
        .assert_error(802, "information");
    update("owner", vec![("teamMemberLimit", "3")])
        .await
        .assert_error(414, "member limit");
    update("owner", vec![("uptinfomode", "2")])
        .await
        .assert_error(414, "uptinfomode");
    // uptinfomode 1 lets every member edit the texts, not the modes.
    ok(update("owner", vec![("uptinfomode", "1")]).await);
    ok(update("a", vec![("intro", "by a")]).await);
    assert_eq!(record(&h, &tid).intro.as_deref(), Some("by a"));
    update("a", vec![("joinmode", "0")])
        .await
        .assert_error(802, "modes");
    update("a", vec![("custom", "c")])
        .await
        .assert_error(802, "extension");
}

#[tokio::test]
async fn query_lists_teams_by_number_or_string_ids() {
    let h = harness().await;
    let tid = team(&h).await;
    let ids = format!("[{tid}]");
    let answer = ok(h
        .call("team/query.action", &[("tids", &ids), ("ope", "1")])
        .await);
    let t = &answer["tinfos"][0];
    assert_eq!(t["tid"].as_u64(), tid.parse().ok());
    assert_eq!(t["owner"], "owner");
    assert_eq!(t["admins"], json!(["mgr"]));
    assert_eq!(t["members"], json!(["a", "b"]));
    assert_eq!(
        (t["size"].as_u64(), t["maxusers"].as_u64()),
        (Some(4), Some(200))
    );
    assert_eq!(
        (t["muteType"].as_u64(), t["mute"].as_bool()),
        (Some(0), Some(false))
    );
    // The docs' strings, Java's spaced list, and ope 0 (no members).
    let ids = format!("[\"{tid}\", {tid}]");
    let answer = ok(h
        .call("team/query.action", &[("tids", &ids), ("ope", "0")])
        .await);
    assert_eq!(answer["tinfos"].as_array().unwrap().len(), 2);
    assert!(answer["tinfos"][0].get("members").is_none());
    let missing = format!("[{tid},1]");
    h.call("team/query.action", &[("tids", &missing), ("ope", "0")])
        .await
        .assert_error(803, "does not exist");
    let answer = ok(h
        .call(
            "team/query.action",
            &[("tids", &missing), ("ope", "0"), ("ignoreInvalid", "true")],
        )
        .await);
    assert_eq!(answer["tinfos"].as_array().unwrap().len(), 1);
    h.call("team/query.action", &[("tids", "[]"), ("ope", "0")])
        .await
        .assert_error(414, "tids");
    h.call(
        "team/query.action",
        &[("tids", "[1,2,3,4,5,6,7,8,9,10,11]"), ("ope", "0")],
    )
    .await
    .assert_error(414, "tids");
    h.call("team/query.action", &[("tids", &ids), ("ope", "2")])
        .await
        .assert_error(414, "ope");
}

#[tokio::test]
async fn query_detail_answers_member_records_by_role() {
    let h = harness().await;
    let tid = team(&h).await;
    let info = detail(&h, &tid).await;
    assert_eq!(info["owner"]["accid"], "owner");
    assert_eq!(info["admins"][0]["accid"], "mgr");
    let members: Vec<&str> = info["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["accid"].as_str().unwrap())
        .collect();
    assert_eq!(members, ["a", "b"]);
    assert_eq!(info["members"][0]["mute"], false);
    assert_eq!(info["members"][0]["tid"].as_u64(), tid.parse().ok());
    h.call("team/queryDetail.action", &[("tid", "x")])
        .await
        .assert_error(414, "tid");
}

#[tokio::test]
async fn managers_are_made_and_unmade_by_the_owner_up_to_ten() {
    let h = harness().await;
    let tid = team(&h).await;
    let managers = |path: &'static str, owner: &'static str, members: String| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                path,
                &[("tid", &tid), ("owner", owner), ("members", &members)],
            )
            .await
        }
    };
    assert_eq!(role(&h, &tid, "mgr"), Some(TeamRole::Manager));
    managers("team/addManager.action", "mgr", r#"["a"]"#.into())
        .await
        .assert_error(802, "managers");
    managers("team/addManager.action", "owner", r#"["owner"]"#.into())
        .await
        .assert_error(414, "owner");
    managers("team/addManager.action", "owner", r#"["zed"]"#.into())
        .await
        .assert_error(804, "not a member");
    managers(
        "team/addManager.action",
        "owner",
        json!((0..11).map(|i| format!("m{i}")).collect::<Vec<_>>()).to_string(),
    )
    .await
    .assert_error(414, "at most 10");
    // Fill the team to 11 would-be managers: the eleventh is 815.
    let new: Vec<String> = (0..10).map(|i| format!("m{i}")).collect();
    for accid in &new {
        h.emu.insert_account(accid, Some("t"));
    }
    let list = json!(new).to_string();
    ok(h.call(
        "team/add.action",
        &[
            ("tid", &tid),
            ("owner", "owner"),
            ("members", &list),
            ("msg", "m"),
        ],
    )
    .await);
    let nine = json!(new[..9]).to_string();
    ok(managers("team/addManager.action", "owner", nine).await);
    assert_eq!(record(&h, &tid).with_role(TeamRole::Manager).len(), 10);
    managers("team/addManager.action", "owner", r#"["m9"]"#.into())
        .await
        .assert_error(815, "managers");
    ok(managers("team/removeManager.action", "owner", r#"["mgr"]"#.into()).await);
    assert_eq!(role(&h, &tid, "mgr"), Some(TeamRole::Member));
    ok(managers("team/addManager.action", "owner", r#"["m9"]"#.into()).await);
    managers("team/removeManager.action", "owner", "[]".into())
        .await
        .assert_error(414, "members");
}

#[tokio::test]
async fn change_owner_with_leave_1_or_2() {
    let h = harness().await;
    let tid = team(&h).await;
    let change = |owner: &'static str, new: &'static str, leave: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "team/changeOwner.action",
                &[
                    ("tid", &tid),
                    ("owner", owner),
                    ("newowner", new),
                    ("leave", leave),
                ],
            )
            .await
        }
    };
    change("mgr", "a", "2").await.assert_error(802, "transfer");
    change("owner", "zed", "2")
        .await
        .assert_error(804, "not a member");
    change("owner", "owner", "2")
        .await
        .assert_error(414, "owns");
    change("owner", "a", "3").await.assert_error(414, "leave");
    ok(change("owner", "a", "2").await);
    let t = record(&h, &tid);
    assert_eq!(t.owner, "a");
    assert_eq!(role(&h, &tid, "owner"), Some(TeamRole::Member));
    ok(change("a", "b", "1").await);
    assert_eq!(record(&h, &tid).owner, "b");
    assert_eq!(role(&h, &tid, "a"), None);
    assert_eq!(detail(&h, &tid).await["owner"]["accid"], "b");
}

#[tokio::test]
async fn leave_is_for_members_but_not_the_owner() {
    let h = harness().await;
    let tid = team(&h).await;
    let leave = |accid: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call("team/leave.action", &[("tid", &tid), ("accid", accid)])
                .await
        }
    };
    ok(leave("a").await);
    assert_eq!(role(&h, &tid, "a"), None);
    leave("a").await.assert_error(804, "not a member");
    leave("owner").await.assert_error(802, "leave");
}

#[tokio::test]
async fn update_team_nick_sets_member_records() {
    let h = harness().await;
    let tid = team(&h).await;
    let nick =
        |owner: &'static str, accid: &'static str, extra: Vec<(&'static str, &'static str)>| {
            let tid = tid.clone();
            let h = &h;
            async move {
                let mut params = vec![("tid", tid.as_str()), ("owner", owner), ("accid", accid)];
                params.extend(extra);
                h.call("team/updateTeamNick.action", &params).await
            }
        };
    ok(nick("owner", "a", vec![("nick", "Ann"), ("custom", "x")]).await);
    ok(nick("b", "b", vec![("nick", "Bee")]).await);
    let info = detail(&h, &tid).await;
    assert_eq!(
        (
            info["members"][0]["nick"].as_str(),
            info["members"][0]["custom"].as_str()
        ),
        (Some("Ann"), Some("x"))
    );
    assert_eq!(info["members"][1]["nick"], "Bee");
    nick("b", "a", vec![("nick", "no")])
        .await
        .assert_error(802, "another member");
    nick("mgr", "owner", vec![("nick", "no")])
        .await
        .assert_error(802, "another member");
    nick("owner", "zed", vec![("nick", "no")])
        .await
        .assert_error(804, "not a member");
    let long: &'static str = "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn";
    assert_eq!(long.len(), 33);
    nick("owner", "a", vec![("nick", long)])
        .await
        .assert_error(414, "nick");
    // An empty nick clears it.
    ok(nick("owner", "a", vec![("nick", "")]).await);
    assert!(detail(&h, &tid).await["members"][0].get("nick").is_none());
}

#[tokio::test]
async fn mute_team_is_the_members_notification_switch() {
    let h = harness().await;
    let tid = team(&h).await;
    let switch = |accid: &'static str, ope: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "team/muteTeam.action",
                &[("tid", &tid), ("accid", accid), ("ope", ope)],
            )
            .await
        }
    };
    let push = || async {
        let data = ok(h
            .call("team/listMemberInfo.action", &[("accid", "a")])
            .await)["data"]
            .clone();
        data[0]["pushEnable"].as_bool().unwrap()
    };
    assert!(push().await);
    ok(switch("a", "1").await);
    assert!(!push().await);
    // Not a speaking ban: `a` still speaks.
    ok(say(&h, "a", &tid).await);
    ok(switch("a", "2").await);
    assert!(push().await);
    switch("a", "3").await.assert_error(414, "ope");
    switch("zed", "1").await.assert_error(804, "not a member");
}

#[tokio::test]
async fn mute_tlist_bans_one_member_and_list_team_mute_shows_it() {
    let h = harness().await;
    let tid = team(&h).await;
    let mute = |owner: &'static str, accid: &'static str, value: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "team/muteTlist.action",
                &[
                    ("tid", &tid),
                    ("owner", owner),
                    ("accid", accid),
                    ("mute", value),
                ],
            )
            .await
        }
    };
    let list = |owner: &'static str| {
        let tid = tid.clone();
        let h = &h;
        async move {
            h.call(
                "team/listTeamMute.action",
                &[("tid", &tid), ("owner", owner)],
            )
            .await
        }
    };
    ok(mute("owner", "a", "1").await);
    ok(mute("mgr", "b", "true").await);
    let mutes = ok(list("owner").await)["mutes"].clone();
    assert_eq!(mutes.as_array().unwrap().len(), 2, "{mutes}");
    assert_eq!(mutes[0]["accid"], "a");
    assert_eq!(mutes[0]["type"], 0);
    assert_eq!(mutes[0]["tid"].as_u64(), tid.parse().ok());
    say(&h, "a", &tid).await.assert_error(812, "muted");
    ok(mute("owner", "a", "0").await);
    ok(say(&h, "a", &tid).await);
    assert_eq!(ok(list("mgr").await)["mutes"].as_array().unwrap().len(), 1);
    list("a").await.assert_error(802, "managers");
    list("zed").await.assert_error(804, "not a member");
    mute("owner", "owner", "1").await.assert_error(802, "owner");
    mute("mgr", "mgr", "1").await.assert_error(414, "itself");
    mute("a", "b", "1").await.assert_error(802, "mute");
    mute("owner", "a", "2").await.assert_error(414, "mute");
}

#[tokio::test]
async fn mute_tlist_all_bans_the_team_by_mute_or_mute_type() {
    let h = harness().await;
    let tid = team(&h).await;
    let mute_all = |owner: &'static str, extra: Vec<(&'static str, &'static str)>| {
        let tid = tid.clone();
        let h = &h;
        async move {
            let mut params = vec![("tid", tid.as_str()), ("owner", owner)];
            params.extend(extra);
            h.call("team/muteTlistAll.action", &params).await
        }
    };
    let mute_type = || async { detail(&h, &tid).await["muteType"].as_u64().unwrap() };
    ok(mute_all("owner", vec![("muteType", "1")]).await);
    assert_eq!(mute_type().await, 1);
    assert_eq!(detail(&h, &tid).await["mute"], true);
    say(&h, "a", &tid).await.assert_error(812, "muted");
    ok(say(&h, "mgr", &tid).await);
    ok(mute_all("owner", vec![("muteType", "3")]).await);
    say(&h, "owner", &tid).await.assert_error(812, "muted");
    // `mute` wins over `muteType`.
    ok(mute_all("mgr", vec![("mute", "false"), ("muteType", "3")]).await);
    assert_eq!(mute_type().await, 0);
    ok(mute_all("owner", vec![("mute", "true")]).await);
    assert_eq!(mute_type().await, 1);
    ok(mute_all("owner", vec![("mute", "0")]).await);
    assert_eq!(mute_type().await, 0);
    mute_all("owner", vec![]).await.assert_error(414, "mute");
    mute_all("owner", vec![("muteType", "2")])
        .await
        .assert_error(414, "muteType");
    mute_all("a", vec![("muteType", "1")])
        .await
        .assert_error(802, "modes");
}

#[tokio::test]
async fn join_teams_and_list_member_info_follow_an_account() {
    let h = harness().await;
    let first = team(&h).await;
    let second = ok(create(&h, "a", &[], &[("custom", "c2")]).await)["tid"]
        .as_str()
        .unwrap()
        .to_owned();
    let joined = ok(h.call("team/joinTeams.action", &[("accid", "A")]).await);
    assert_eq!(joined["count"], 2);
    let infos = joined["infos"].as_array().unwrap();
    assert_eq!(infos[0]["tid"].as_u64(), first.parse().ok());
    assert_eq!(
        (infos[0]["owner"].as_str(), infos[0]["size"].as_u64()),
        (Some("owner"), Some(4))
    );
    assert_eq!(
        (infos[1]["owner"].as_str(), infos[1]["custom"].as_str()),
        (Some("a"), Some("c2"))
    );
    assert_eq!(infos[1]["tid"].as_u64(), second.parse().ok());
    let records = ok(h
        .call("team/listMemberInfo.action", &[("accid", "a")])
        .await)["data"]
        .clone();
    assert_eq!(records.as_array().unwrap().len(), 2);
    assert_eq!(records[1]["tid"].as_u64(), second.parse().ok());
    assert_eq!(records[1]["accid"], "a");
    let none = ok(h.call("team/joinTeams.action", &[("accid", "zed")]).await);
    assert_eq!(
        (
            none["count"].as_u64(),
            none["infos"].as_array().map(Vec::len)
        ),
        (Some(0), Some(0))
    );
    h.call("team/joinTeams.action", &[("accid", "ghost")])
        .await
        .assert_error(414, "not register");
    h.call("team/listMemberInfo.action", &[("accid", "ghost")])
        .await
        .assert_error(414, "not register");
}

#[tokio::test]
async fn online_users_and_counts_read_the_sessions() {
    let h = harness().await;
    let tid = team(&h).await;
    h.emu
        .set_sessions("a", vec![Session::new(1, "phone", 1_700_000_000_000)]);
    h.emu.set_sessions(
        "mgr",
        vec![Session::new(16, "web", 1), Session::new(4, "pc", 2)],
    );
    let data = ok(h
        .call("team/listOnlineUsers.action", &[("tid", &tid)])
        .await)["data"]
        .clone();
    assert_eq!(data["count"], 2);
    assert_eq!(
        data["status"]["a"],
        json!([{ "clientType": 1, "loginTime": 1_700_000_000_000u64 }])
    );
    assert_eq!(data["status"]["mgr"].as_array().unwrap().len(), 2);
    let ids = format!("[{tid}, 12345]");
    let counts = ok(h
        .call("team/listOnlineUserCount.action", &[("tids", &ids)])
        .await)["data"]
        .clone();
    assert_eq!(
        counts,
        json!([{ "tid": tid.parse::<u64>().unwrap(), "onlineUserCount": 2, "offlineUserCount": 2 }])
    );
    h.call("team/listOnlineUsers.action", &[("tid", "12345")])
        .await
        .assert_error(803, "does not exist");
    h.call("team/listOnlineUserCount.action", &[("tids", "[]")])
        .await
        .assert_error(414, "tids");
}

#[tokio::test]
async fn get_mark_read_info_counts_the_members_of_a_team_message() {
    let h = harness().await;
    let tid = team(&h).await;
    let msgid = ok(say(&h, "owner", &tid).await)["data"]["msgid"]
        .as_u64()
        .unwrap()
        .to_string();
    let read = |from: &'static str, extra: Vec<(&'static str, &'static str)>| {
        let tid = tid.clone();
        let msgid = msgid.clone();
        let h = &h;
        async move {
            let mut params = vec![
                ("tid", tid.as_str()),
                ("msgid", msgid.as_str()),
                ("fromAccid", from),
            ];
            params.extend(extra);
            h.call("team/getMarkReadInfo.action", &params).await
        }
    };
    let data = ok(read("owner", vec![]).await)["data"].clone();
    assert_eq!(data, json!({ "readSize": 0, "unreadSize": 3 }));
    let data = ok(read("owner", vec![("snapshot", "true")]).await)["data"].clone();
    assert_eq!(data["unreadAccids"], json!(["a", "b", "mgr"]));
    assert_eq!(data["readAccids"], json!([]));
    read("a", vec![]).await.assert_error(404, "not found");
    h.call(
        "team/getMarkReadInfo.action",
        &[("tid", "12345"), ("msgid", &msgid), ("fromAccid", "owner")],
    )
    .await
    .assert_error(803, "does not exist");
}

#[tokio::test]
async fn every_team_action_is_served() {
    let h = harness().await;
    let paths = [
        "create",
        "add",
        "kick",
        "remove",
        "update",
        "query",
        "queryDetail",
        "addManager",
        "removeManager",
        "changeOwner",
        "leave",
        "muteTeam",
        "muteTlist",
        "muteTlistAll",
        "listTeamMute",
        "updateTeamNick",
        "joinTeams",
        "getMarkReadInfo",
        "listMemberInfo",
        "listOnlineUsers",
        "listOnlineUserCount",
    ];
    for path in paths {
        // An empty form reaches the handler: a parameter error, never "no such action".
        let answer = h.call(&format!("team/{path}.action"), &[]).await;
        assert_eq!(answer.code(), 414, "{path}: {}", answer.body);
    }
}
