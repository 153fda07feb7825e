//! How super teams and their members look in v1 answers.

use serde_json::{Map, Value, json};

use crate::teams::Team;

/// A team as `getTinfos` answers it (the Go SDK's item: `creator`, `tlevel`,
/// `serverCustom`); texts that are unset are left out.
pub(super) fn team_view(team: &Team) -> Value {
    let mut map = Map::new();
    map.insert("tid".into(), json!(team.tid));
    let texts = [
        ("tname", &team.info.name),
        ("icon", &team.info.icon),
        ("announcement", &team.info.announcement),
        ("intro", &team.info.intro),
        ("serverCustom", &team.info.custom),
        ("clientCustom", &team.info.client_custom),
    ];
    for (key, value) in texts {
        if let Some(value) = value {
            map.insert(key.into(), json!(value));
        }
    }
    let m = &team.modes;
    for (key, value) in [
        ("creator", json!(team.owner)),
        ("tlevel", json!(team.limit)),
        ("size", json!(team.members.len())),
        ("muteType", json!(team.mute.number())),
        ("joinmode", json!(m.join)),
        ("beinvitemode", json!(m.be_invite)),
        ("invitemode", json!(m.invite)),
        ("uptinfomode", json!(m.update_info)),
        ("upcustommode", json!(m.update_custom)),
        ("createtime", json!(team.create_time)),
        ("updatetime", json!(team.update_time)),
    ] {
        map.insert(key.into(), value);
    }
    Value::Object(map)
}

/// A team as `joinTeams` answers it: [`team_view`] plus the Java SDK's spellings of the
/// same facts (`owner`, `maxusers`, `custom`), so either SDK's model reads it.
pub(super) fn joined_view(team: &Team) -> Value {
    let mut view = team_view(team);
    if let Some(map) = view.as_object_mut() {
        map.insert("owner".into(), json!(team.owner));
        map.insert("maxusers".into(), json!(team.limit));
        if let Some(custom) = &team.info.custom {
            map.insert("custom".into(), json!(custom));
        }
    }
    view
}

/// Member `accid` of `team` as the member lists answer it (`type` 0 member, 1 owner,
/// 2 manager; `bits` bit 0 set when it silenced the team's notifications), if a member.
pub(super) fn member_view(team: &Team, accid: &str) -> Option<Value> {
    let m = team.members.get(accid)?;
    let role = m.role.number();
    let mut map = Map::new();
    for (key, value) in [
        ("tid", json!(team.tid)),
        ("accid", json!(accid)),
        ("type", json!(role)),
        ("jointime", json!(m.join_time)),
        ("mute", json!(u8::from(m.muted))),
        ("bits", json!(u8::from(m.notify_state == 1))),
        ("validflag", json!(1)),
        ("state", json!(1)),
        ("createtime", json!(m.join_time)),
        ("updatetime", json!(m.update_time)),
    ] {
        map.insert(key.into(), value);
    }
    for (key, value) in [
        ("nick", &m.nick),
        ("custom", &m.ext),
        ("invitor", &m.inviter),
    ] {
        if let Some(value) = value {
            map.insert(key.into(), json!(value));
        }
    }
    Some(Value::Object(map))
}
