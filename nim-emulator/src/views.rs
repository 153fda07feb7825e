//! An account as each protocol shows it: v2 `configuration` and `user_information`, v2 user
//! profile, v1 `uinfos` entry, and the admin API's full view.
//!
//! Text fields that were never set are left out (the API's examples omit them too).

use serde_json::{Map, Value, json};

use crate::accounts::{Account, Session};

/// v2 `configuration{...}`: the six flags. A v1 global mute shows as banned in 1:1 chats,
/// teams and chat rooms, the three it covers.
pub(crate) fn configuration(a: &Account) -> Value {
    json!({
        "enabled": !a.blocked,
        "p2p_chat_banned": a.mute_p2p || a.muted,
        "team_chat_banned": a.mute_team || a.muted,
        "chatroom_chat_banned": a.mute_room || a.muted,
        "qchat_chat_banned": a.mute_qchat,
        "push_enabled_when_desktop_online": !a.donnop,
    })
}

/// The profile's fields under their v2 names, into `map`.
fn profile_into(a: &Account, map: &mut Map<String, Value>) {
    let texts = [
        ("name", &a.name),
        ("avatar", &a.icon),
        ("sign", &a.sign),
        ("email", &a.email),
        ("birthday", &a.birth),
        ("mobile", &a.mobile),
        ("extension", &a.ex),
    ];
    for (key, value) in texts {
        if let Some(value) = value {
            map.insert(key.into(), Value::String(value.clone()));
        }
    }
    map.insert("gender".into(), json!(a.gender.unwrap_or(0)));
}

/// v2 `user_information{...}`.
pub(crate) fn user_information(a: &Account) -> Value {
    let mut map = Map::new();
    profile_into(a, &mut map);
    Value::Object(map)
}

/// v2 user: `account_id` plus the profile (getUser, updateUser, batchGetUsers).
pub(crate) fn v2_user(a: &Account) -> Value {
    let mut map = Map::new();
    map.insert("account_id".into(), Value::String(a.accid.clone()));
    profile_into(a, &mut map);
    Value::Object(map)
}

/// v2 `{account_id, configuration}` (batchQueryAccounts items, getAccountDetails without
/// the token).
pub(crate) fn v2_account(a: &Account) -> Value {
    json!({ "account_id": a.accid, "configuration": configuration(a) })
}

/// v2 `online_status[{client_type, login_time}]`.
pub(crate) fn online_status(a: &Account) -> Value {
    Value::Array(
        a.sessions
            .iter()
            .map(|s| json!({ "client_type": s.client_type, "login_time": s.login_time }))
            .collect(),
    )
}

/// v1 `uinfos` entry; with `mute_status` also the per-module mute flags.
pub(crate) fn v1_uinfo(a: &Account, mute_status: bool) -> Value {
    let mut map = Map::new();
    map.insert("accid".into(), Value::String(a.accid.clone()));
    let texts = [
        ("name", &a.name),
        ("icon", &a.icon),
        ("sign", &a.sign),
        ("email", &a.email),
        ("birth", &a.birth),
        ("mobile", &a.mobile),
        ("ex", &a.ex),
    ];
    for (key, value) in texts {
        if let Some(value) = value {
            map.insert(key.into(), Value::String(value.clone()));
        }
    }
    map.insert("gender".into(), json!(a.gender.unwrap_or(0)));
    map.insert("valid".into(), Value::Bool(!a.blocked));
    map.insert("mute".into(), Value::Bool(a.muted));
    if mute_status {
        for (key, value) in module_mutes(a) {
            map.insert(key.into(), Value::Bool(value));
        }
    }
    Value::Object(map)
}

/// The four per-module mute flags under their v1 names.
pub(crate) fn module_mutes(a: &Account) -> [(&'static str, bool); 4] {
    [
        ("muteP2P", a.mute_p2p),
        ("muteTeam", a.mute_team),
        ("muteRoom", a.mute_room),
        ("muteQChat", a.mute_qchat),
    ]
}

/// A session for the admin view.
fn session(s: &Session) -> Value {
    json!({
        "client_type": s.client_type,
        "device_id": s.device_id,
        "login_time": s.login_time,
    })
}

/// Everything the emulator stores about an account (`GET /_emulator/state/accounts/{accid}`).
pub(crate) fn admin(a: &Account) -> Value {
    json!({
        "accid": a.accid,
        "token": a.token,
        "token_changes": a.token_changes,
        "name": a.name,
        "props": a.props,
        "icon": a.icon,
        "sign": a.sign,
        "email": a.email,
        "birth": a.birth,
        "mobile": a.mobile,
        "gender": a.gender,
        "ex": a.ex,
        "blocked": a.blocked,
        "kicked": a.kicked,
        "kick_notify_ext": a.kick_notify_ext,
        "muted": a.muted,
        "mute_p2p": a.mute_p2p,
        "mute_team": a.mute_team,
        "mute_room": a.mute_room,
        "mute_qchat": a.mute_qchat,
        "donnop": a.donnop,
        "sessions": a.sessions.iter().map(session).collect::<Vec<_>>(),
        "blacklist": a.blacklist,
        "mutelist": a.mutelist,
        "created_at": a.created_at,
        "configuration": configuration(a),
    })
}
