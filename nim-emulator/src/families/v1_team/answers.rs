//! The shapes of the v1 team answers, one function per shape so that every action shows a
//! team or a member the same way: the team's own keys, `team/query`'s accid lists,
//! `team/queryDetail`'s member records (also `team/listMemberInfo`'s items).
//!
//! Texts never set are left out (the SDKs read them as empty); ids are numbers, as the SDKs
//! declare them.

use serde_json::{Map, Value, json};

use crate::teams::{Role, Team};

/// The keys every team answer has: texts, limits, modes, the team-wide ban, times.
pub(super) fn profile(team: &Team) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("tid".into(), json!(team.tid));
    let i = &team.info;
    for (key, text) in [
        ("tname", &i.name),
        ("icon", &i.icon),
        ("announcement", &i.announcement),
        ("intro", &i.intro),
        ("custom", &i.custom),
        ("clientCustom", &i.client_custom),
    ] {
        if let Some(text) = text {
            out.insert(key.into(), Value::String(text.clone()));
        }
    }
    let m = team.modes;
    let numbers = [
        ("maxusers", team.limit as u64),
        ("size", team.members.len() as u64),
        ("joinmode", m.join.into()),
        ("beinvitemode", m.be_invite.into()),
        ("invitemode", m.invite.into()),
        ("uptinfomode", m.update_info.into()),
        ("upcustommode", m.update_custom.into()),
        ("muteType", team.mute.number().into()),
        ("createtime", team.create_time),
        ("updatetime", team.update_time),
    ];
    for (key, n) in numbers {
        out.insert(key.into(), json!(n));
    }
    out.insert("mute".into(), json!(team.mute.number() != 0));
    out.insert(
        "isNotifyCloseOnline".into(),
        json!(team.notify_close_online),
    );
    out.insert(
        "isNotifyClosePersistent".into(),
        json!(team.notify_close_persistent),
    );
    out
}

/// One team as `team/query` answers it: the profile, the owner's and managers' accids and,
/// with `with_members`, the ordinary members' accids.
pub(super) fn summary(team: &Team, with_members: bool) -> Value {
    let mut out = profile(team);
    out.insert("owner".into(), json!(team.owner));
    out.insert("admins".into(), json!(team.managers()));
    if with_members {
        out.insert("members".into(), json!(team.with_role(Role::Member)));
    }
    Value::Object(out)
}

/// One team as `team/queryDetail` answers it: the profile with the owner, the managers and
/// the ordinary members as member records.
pub(super) fn detail(team: &Team) -> Value {
    let records = |role| -> Vec<Value> {
        team.with_role(role)
            .iter()
            .map(|accid| member(team, accid))
            .collect()
    };
    let mut out = profile(team);
    out.insert("owner".into(), member(team, &team.owner));
    out.insert("admins".into(), json!(records(Role::Manager)));
    out.insert("members".into(), json!(records(Role::Member)));
    Value::Object(out)
}

/// The record of member `accid` of `team` (`Null` if it is none): nickname, extension, ban,
/// notification switches, times. `pushEnable` is off once the member turned the team's
/// notifications off (`team/muteTeam` `ope=1`); `managerPushEnable` also stays on when only
/// managers' messages notify (a v2 state).
pub(super) fn member(team: &Team, accid: &str) -> Value {
    let Some(m) = team.members.get(accid) else {
        return Value::Null;
    };
    let mut out = Map::new();
    out.insert("tid".into(), json!(team.tid));
    out.insert("accid".into(), json!(accid));
    for (key, text) in [("nick", &m.nick), ("custom", &m.ext)] {
        if let Some(text) = text {
            out.insert(key.into(), Value::String(text.clone()));
        }
    }
    out.insert("mute".into(), json!(m.muted));
    out.insert("pushEnable".into(), json!(m.notify_state == 0));
    out.insert("managerPushEnable".into(), json!(m.notify_state != 1));
    out.insert("createtime".into(), json!(m.join_time));
    out.insert("updatetime".into(), json!(m.update_time));
    Value::Object(out)
}
