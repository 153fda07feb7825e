//! Teams and members as the v2 answers show them (`team_info`, member items), and the
//! `failed_list` items of the batch operations. Unset texts are left out.

use serde_json::{Map, Value, json};

use super::super::v2_common::ACCOUNT_NOT_FOUND;
use crate::teams::{Team, TeamError};

/// A team (`team_info`): what create, update, get and batch query answer.
pub(super) fn team_info(team: &Team) -> Value {
    let mut map = Map::new();
    map.insert("team_id".into(), json!(team.tid));
    map.insert("team_type".into(), json!(team.kind.v2()));
    map.insert("owner_account_id".into(), json!(team.owner));
    let i = &team.info;
    for (key, value) in [
        ("name", &i.name),
        ("icon", &i.icon),
        ("announcement", &i.announcement),
        ("intro", &i.intro),
        ("server_extension", &i.custom),
        ("customer_extension", &i.client_custom),
    ] {
        if let Some(value) = value {
            map.insert(key.into(), json!(value));
        }
    }
    map.insert("members_limit".into(), json!(team.limit));
    map.insert("member_count".into(), json!(team.members.len()));
    map.insert("create_time".into(), json!(team.create_time));
    map.insert("update_time".into(), json!(team.update_time));
    let m = &team.modes;
    map.insert(
        "configuration".into(),
        json!({
            "join_mode": m.join,
            "agree_mode": m.be_invite,
            "invite_mode": m.invite,
            "update_team_info_mode": m.update_info,
            "update_extension_mode": m.update_custom,
            "chat_banned_mode": team.mute.number(),
        }),
    );
    Value::Object(map)
}

/// Member `accid` of `team` (`null` if it is not one).
pub(super) fn member(team: &Team, accid: &str) -> Value {
    let Some(m) = team.members.get(accid) else {
        return Value::Null;
    };
    let mut map = Map::new();
    map.insert("team_id".into(), json!(team.tid));
    map.insert("account_id".into(), json!(accid));
    map.insert("member_role".into(), json!(m.role.number()));
    for (key, value) in [("team_nick", &m.nick), ("server_extension", &m.ext)] {
        if let Some(value) = value {
            map.insert(key.into(), json!(value));
        }
    }
    map.insert("chat_banned".into(), json!(m.muted));
    map.insert(
        "message_notify_state".into(),
        json!(notify_state(m.notify_state)),
    );
    map.insert("join_time".into(), json!(m.join_time));
    map.insert("update_time".into(), json!(m.update_time));
    if let Some(inviter) = &m.inviter {
        map.insert("invitor_account_id".into(), json!(inviter));
    }
    Value::Object(map)
}

/// `message_notify_state` between the wire and the store, either way (it swaps 0 and 1).
/// On the wire it is the Java SDK's Javadoc (0 no notifications, 1 every message, 2 only the
/// owner's and managers'), which nim-api follows; the store keeps 0 for "every message" (its
/// default) and 1 for none, so a new member answers 1.
pub(super) fn notify_state(state: u8) -> u8 {
    match state {
        0 => 1,
        1 => 0,
        other => other,
    }
}

/// A `failed_list` item: account `accid` refused for `err`.
pub(super) fn failed(accid: &str, err: &TeamError) -> Value {
    let code = err.v2().code();
    json!({ "account_id": accid, "error_code": code, "error_msg": err.describe() })
}

/// A `failed_list` item: `accid` has no account (102404).
pub(super) fn no_account(accid: &str) -> Value {
    let msg = format!("account not found: {accid}");
    json!({ "account_id": accid, "error_code": ACCOUNT_NOT_FOUND, "error_msg": msg })
}

/// A `failed_list` item of the online counts: team `tid` refused for `err`.
pub(super) fn failed_team(tid: u64, err: &TeamError) -> Value {
    let code = err.v2().code();
    json!({ "team_id": tid, "error_code": code, "error_msg": err.describe() })
}

/// A `failed_list` item: `accid` is in as many teams as an account may be (108305).
pub(super) fn too_many_teams(accid: &str) -> Value {
    let err = TeamError::TeamCount {
        accid: accid.to_owned(),
        limit: 0,
    };
    let msg = format!("team count exceed: {accid} is in as many teams as an account may be");
    json!({ "account_id": accid, "error_code": err.v2().code(), "error_msg": msg })
}
