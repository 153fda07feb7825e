//! The store's rules, one by one, without HTTP: roles, invitations, limits, mutes.

use super::*;

const NOW: u64 = 1_700_000_000_000;

fn ids(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn new_team(kind: Kind, limit: usize) -> NewTeam {
    NewTeam {
        kind,
        owner: "owner".into(),
        info: Info {
            name: Some("t".into()),
            ..Info::default()
        },
        modes: Modes {
            be_invite: 1,
            ..Modes::default()
        },
        limit,
        mute: TeamMute::None,
        notify_close_online: false,
        notify_close_persistent: false,
    }
}

/// A team of `owner`, `mgr` (manager), `a` and `b`.
fn team() -> (Teams, (u64, Kind)) {
    let mut teams = Teams::default();
    let (tid, invited) = teams
        .create(
            new_team(Kind::Advanced, 10),
            &ids(&["mgr", "a", "b"]),
            false,
            None,
            NOW,
        )
        .unwrap();
    assert_eq!(invited.joined, ids(&["mgr", "a", "b"]));
    let t = (tid, Kind::Advanced);
    teams
        .set_managers(t, "owner", &ids(&["mgr"]), true, NOW)
        .unwrap();
    (teams, t)
}

fn v2_code(e: TeamError) -> u32 {
    e.v2().code()
}

#[test]
fn kinds_do_not_see_each_other() {
    let (teams, (tid, _)) = team();
    assert!(teams.get(tid, Kind::Advanced).is_ok());
    let err = teams.get(tid, Kind::Super).unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (805, 108302));
    let none = teams.get(tid + 1, Kind::Advanced).unwrap_err();
    assert_eq!((none.v1().code(), none.v2().code()), (803, 108404));
}

#[test]
fn consent_keeps_invitees_out_until_they_accept() {
    let (mut teams, t) = team();
    let invited = teams
        .invite(t, "mgr", &ids(&["c"]), true, Some("hi".into()), NOW)
        .unwrap();
    assert_eq!(invited.pending, ids(&["c"]));
    assert!(teams.get(t.0, t.1).unwrap().role("c").is_none());
    teams.accept_invite(t.0, "c", NOW).unwrap();
    let team = teams.get(t.0, t.1).unwrap();
    assert_eq!(team.role("c"), Some(Role::Member));
    assert_eq!(team.members["c"].inviter.as_deref(), Some("mgr"));
    assert_eq!(
        v2_code(teams.accept_invite(t.0, "c", NOW).unwrap_err()),
        109313
    );
    teams
        .invite(t, "owner", &ids(&["d"]), true, None, NOW)
        .unwrap();
    teams.decline_invite(t.0, "d").unwrap();
    assert!(teams.get(t.0, t.1).unwrap().invites.is_empty());
}

#[test]
fn invite_rules() {
    let (mut teams, t) = team();
    // Invite mode 0: an ordinary member may not invite.
    let err = teams
        .invite(t, "a", &ids(&["c"]), false, None, NOW)
        .unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (802, 109306));
    // A member already in: refused as a whole.
    let err = teams
        .invite(t, "owner", &ids(&["c", "a"]), false, None, NOW)
        .unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (809, 109311));
    assert!(teams.get(t.0, t.1).unwrap().role("c").is_none());
    // Over the limit (4 members, limit 10): 7 more is too many, nothing changes.
    let many = ids(&["c", "d", "e", "f", "g", "h", "i"]);
    let err = teams
        .invite(t, "owner", &many, false, None, NOW)
        .unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (801, 108419));
    assert_eq!(teams.get(t.0, t.1).unwrap().members.len(), 4);
    // Invite mode 1: everyone invites.
    let changes = TeamChanges {
        modes: ModeChanges {
            invite: Some(1),
            ..ModeChanges::default()
        },
        ..TeamChanges::default()
    };
    teams.update(t, "owner", changes, NOW).unwrap();
    assert_eq!(
        teams
            .invite(t, "a", &ids(&["c"]), false, None, NOW)
            .unwrap()
            .joined,
        ids(&["c"])
    );
}

#[test]
fn an_account_in_too_many_teams_is_listed_as_failed() {
    let (mut teams, t) = team();
    teams.set_team_count_limit(1);
    let (_, other) = teams
        .create(
            NewTeam {
                owner: "c".into(),
                ..new_team(Kind::Super, 100)
            },
            &[],
            false,
            None,
            NOW,
        )
        .unwrap();
    assert!(other.joined.is_empty());
    let invited = teams
        .invite(t, "owner", &ids(&["c", "d"]), false, None, NOW)
        .unwrap();
    assert_eq!((invited.joined, invited.failed), (ids(&["d"]), ids(&["c"])));
    let err = teams
        .create(new_team(Kind::Advanced, 10), &[], false, None, NOW)
        .unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (806, 108305));
}

#[test]
fn kick_rules() {
    let (mut teams, t) = team();
    let cases = [
        ("a", "b", 802, 109432),         // an ordinary member kicks
        ("mgr", "owner", 802, 109308),   // the owner is never kicked
        ("owner", "owner", 414, 109310), // oneself, the owner too
        ("mgr", "mgr", 414, 109310),     // oneself
        ("mgr", "x", 804, 109404),       // a non-member
    ];
    for (operator, target, v1, v2) in cases {
        let err = teams.kick(t, operator, &ids(&[target]), NOW).unwrap_err();
        assert_eq!(
            (err.v1().code(), err.v2().code()),
            (v1, v2),
            "{operator} kicks {target}"
        );
    }
    teams
        .set_managers(t, "owner", &ids(&["a"]), true, NOW)
        .unwrap();
    let err = teams.kick(t, "mgr", &ids(&["a"]), NOW).unwrap_err();
    assert_eq!(err.v2().code(), 109305, "a manager kicks a manager");
    teams.kick(t, "owner", &ids(&["a"]), NOW).unwrap();
    teams.kick(t, "mgr", &ids(&["b"]), NOW).unwrap();
    assert_eq!(teams.get(t.0, t.1).unwrap().members.len(), 2);
}

#[test]
fn owner_only_actions() {
    let (mut teams, t) = team();
    let err = teams
        .set_managers(t, "mgr", &ids(&["a"]), true, NOW)
        .unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (802, 109427));
    let err = teams.transfer(t, "mgr", "a", false, NOW).unwrap_err();
    assert_eq!(err.v2().code(), 109427);
    let err = teams.dismiss(t, "mgr").unwrap_err();
    assert_eq!(err.v2().code(), 109427);
    let err = teams
        .set_managers(t, "owner", &ids(&["owner"]), true, NOW)
        .unwrap_err();
    assert_eq!(err.v2().code(), 108430);
    let err = teams.transfer(t, "owner", "owner", false, NOW).unwrap_err();
    assert_eq!(err.v2().code(), 108310);
    let err = teams.leave(t, "owner", NOW).unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (802, 109307));
}

#[test]
fn managers_are_capped() {
    let mut teams = Teams::default();
    let members: Vec<String> = (0..12).map(|i| format!("m{i}")).collect();
    let (tid, _) = teams
        .create(new_team(Kind::Advanced, 200), &members, false, None, NOW)
        .unwrap();
    let t = (tid, Kind::Advanced);
    teams
        .set_managers(t, "owner", &members[..10], true, NOW)
        .unwrap();
    let err = teams
        .set_managers(t, "owner", &members[10..], true, NOW)
        .unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (815, 108303));
    teams
        .set_managers(t, "owner", &members[..1], false, NOW)
        .unwrap();
    teams
        .set_managers(t, "owner", &members[10..11], true, NOW)
        .unwrap();
}

#[test]
fn transfer_with_and_without_leaving() {
    let (mut teams, t) = team();
    teams.transfer(t, "owner", "a", false, NOW).unwrap();
    let team = teams.get(t.0, t.1).unwrap();
    assert_eq!(
        (team.owner.as_str(), team.role("owner")),
        ("a", Some(Role::Member))
    );
    teams.transfer(t, "a", "b", true, NOW).unwrap();
    let team = teams.get(t.0, t.1).unwrap();
    assert_eq!((team.owner.as_str(), team.role("a")), ("b", None));
    teams.dismiss(t, "b").unwrap();
    assert!(teams.any(t.0).is_none());
}

#[test]
fn update_modes_and_limits() {
    let (mut teams, t) = team();
    let texts = || TeamChanges {
        info: Info {
            announcement: Some("hello".into()),
            ..Info::default()
        },
        ..TeamChanges::default()
    };
    assert_eq!(
        v2_code(teams.update(t, "a", texts(), NOW).unwrap_err()),
        109432
    );
    teams.update(t, "mgr", texts(), NOW).unwrap();
    let open = TeamChanges {
        modes: ModeChanges {
            update_info: Some(1),
            ..ModeChanges::default()
        },
        ..TeamChanges::default()
    };
    teams.update(t, "owner", open, NOW).unwrap();
    teams.update(t, "a", texts(), NOW).unwrap();
    let shrink = TeamChanges {
        limit: Some(3),
        ..TeamChanges::default()
    };
    assert_eq!(
        v2_code(teams.update(t, "owner", shrink, NOW).unwrap_err()),
        414
    );
}

#[test]
fn mutes_decide_who_speaks() {
    let (mut teams, t) = team();
    assert_eq!(
        teams
            .speak_with(t.0, t.1, "a", SpeakChecks::ALL)
            .unwrap()
            .len(),
        4
    );
    assert_eq!(
        v2_code(
            teams
                .speak_with(t.0, t.1, "x", SpeakChecks::ALL)
                .unwrap_err()
        ),
        109404
    );
    // Members mute one another: refused; a manager mutes a member; nobody mutes the owner.
    assert_eq!(
        v2_code(
            teams
                .mute_members(t, "a", &ids(&["b"]), true, NOW)
                .unwrap_err()
        ),
        109432
    );
    assert_eq!(
        v2_code(
            teams
                .mute_members(t, "mgr", &ids(&["owner"]), true, NOW)
                .unwrap_err()
        ),
        109304
    );
    assert_eq!(
        v2_code(
            teams
                .mute_members(t, "mgr", &ids(&["mgr"]), true, NOW)
                .unwrap_err()
        ),
        109303
    );
    // Refused as a whole: `b` stays unmuted when `owner` is in the same list.
    assert!(
        teams
            .mute_members(t, "mgr", &ids(&["b", "owner"]), true, NOW)
            .is_err()
    );
    assert!(teams.speak_with(t.0, t.1, "b", SpeakChecks::ALL).is_ok());
    teams
        .mute_members(t, "mgr", &ids(&["a"]), true, NOW)
        .unwrap();
    let err = teams
        .speak_with(t.0, t.1, "a", SpeakChecks::ALL)
        .unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (812, 109424));
    // Whole-team mutes: 1 silences ordinary members only, 3 everyone.
    teams.mute_team(t, "owner", TeamMute::Members, NOW).unwrap();
    assert_eq!(
        v2_code(
            teams
                .speak_with(t.0, t.1, "b", SpeakChecks::ALL)
                .unwrap_err()
        ),
        108306
    );
    assert!(teams.speak_with(t.0, t.1, "mgr", SpeakChecks::ALL).is_ok());
    teams.mute_team(t, "owner", TeamMute::All, NOW).unwrap();
    assert_eq!(
        v2_code(
            teams
                .speak_with(t.0, t.1, "owner", SpeakChecks::ALL)
                .unwrap_err()
        ),
        108423
    );
    assert_eq!(
        v2_code(teams.mute_team(t, "b", TeamMute::None, NOW).unwrap_err()),
        109432
    );
}

#[test]
fn v2_send_switches_skip_only_their_own_check() {
    let (mut teams, t) = team();
    teams
        .mute_members(t, "owner", &ids(&["a"]), true, NOW)
        .unwrap();
    teams.mute_team(t, "owner", TeamMute::Members, NOW).unwrap();
    let skip = |team_mute, member_mute, membership| SpeakChecks {
        team_mute,
        member_mute,
        membership,
    };
    // `b` is silenced by the team's mute alone, `a` by both mutes.
    assert!(
        teams
            .speak_with(t.0, t.1, "b", skip(false, true, true))
            .is_ok()
    );
    let err = teams
        .speak_with(t.0, t.1, "a", skip(false, true, true))
        .unwrap_err();
    assert_eq!(v2_code(err), 109424);
    let err = teams
        .speak_with(t.0, t.1, "a", skip(true, false, true))
        .unwrap_err();
    assert_eq!(v2_code(err), 108306);
    assert!(
        teams
            .speak_with(t.0, t.1, "a", skip(false, false, true))
            .is_ok()
    );
    // A stranger is let through only when membership is not checked, and is held to the
    // team's mute as an ordinary member unless that check is skipped too.
    let err = teams
        .speak_with(t.0, t.1, "x", skip(false, false, true))
        .unwrap_err();
    assert_eq!(v2_code(err), 109404);
    let err = teams
        .speak_with(t.0, t.1, "x", skip(true, true, false))
        .unwrap_err();
    assert_eq!(v2_code(err), 108306);
    let to = teams
        .speak_with(t.0, t.1, "x", skip(false, true, false))
        .unwrap();
    assert!(to.iter().all(|m| m != "x") && !to.is_empty());
}

#[test]
fn member_edits() {
    let (mut teams, t) = team();
    let nick = |n: &str| MemberChanges {
        nick: Some(n.to_owned()),
        ..MemberChanges::default()
    };
    teams.update_member(t, "a", "a", nick("me"), NOW).unwrap();
    assert_eq!(
        v2_code(
            teams
                .update_member(t, "a", "b", nick("x"), NOW)
                .unwrap_err()
        ),
        109432
    );
    assert_eq!(
        v2_code(
            teams
                .update_member(t, "mgr", "owner", nick("x"), NOW)
                .unwrap_err()
        ),
        109314
    );
    teams
        .update_member(t, "mgr", "b", nick("bee"), NOW)
        .unwrap();
    teams.update_member(t, "a", "a", nick(""), NOW).unwrap();
    let team = teams.get(t.0, t.1).unwrap();
    assert_eq!(
        (
            team.members["a"].nick.as_deref(),
            team.members["b"].nick.as_deref()
        ),
        (None, Some("bee"))
    );
}

#[test]
fn a_super_team_limit_and_mute_are_the_owners_alone() {
    let mut teams = Teams::default();
    let (tid, _) = teams
        .create(
            new_team(Kind::Super, 10),
            &ids(&["mgr", "a"]),
            false,
            None,
            NOW,
        )
        .unwrap();
    let t = (tid, Kind::Super);
    teams
        .set_managers(t, "owner", &ids(&["mgr"]), true, NOW)
        .unwrap();
    let limit = |n| TeamChanges {
        limit: Some(n),
        ..TeamChanges::default()
    };
    // A manager may not, whichever protocol asks (both reach the store's update).
    let err = teams.update(t, "mgr", limit(50), NOW).unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (802, 109427));
    let err = teams.mute_team(t, "mgr", TeamMute::All, NOW).unwrap_err();
    assert_eq!((err.v1().code(), err.v2().code()), (802, 109427));
    assert_eq!(
        teams
            .update(t, "nobody", limit(50), NOW)
            .unwrap_err()
            .v1()
            .code(),
        804
    );
    teams.update(t, "owner", limit(50), NOW).unwrap();
    teams.mute_team(t, "owner", TeamMute::All, NOW).unwrap();
    assert_eq!(teams.any(tid).map(|team| team.limit), Some(50));
    // In an advanced team, managers may.
    let (mut adv, at) = team();
    adv.mute_team(at, "mgr", TeamMute::Members, NOW).unwrap();
    adv.update(at, "mgr", limit(8), NOW).unwrap();
}
