//! v2 accounts (`/im/v2/accounts...`, 8 operations) on the shared account store: an account
//! made or banned through v1 `user/*` is the same account here.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::v2_common::{
    ACCOUNT_EXISTS, Profile, check_antispam, failed, kick_notify_extension, not_found,
    path_account_id, query_ids,
};
use crate::accounts::{Account, Accounts, new_token};
use crate::call::Call;
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::views;

/// What the v2 account handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
}

impl State {
    /// Runs `change` on the existing account `accid`; 102404 if there is none.
    fn with_account<T>(
        &self,
        accid: &str,
        change: impl FnOnce(&mut Account) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut accounts = lock(&self.accounts);
        change(accounts.find_mut(accid).ok_or_else(|| not_found(accid))?)
    }
}

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/accounts", create),
    Route::v2("PATCH", "/im/v2/accounts/{account_id}", update),
    Route::v2(
        "PATCH",
        "/im/v2/accounts/{account_id}/actions/refresh_token",
        refresh_token,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/accounts/{account_id}/actions/disable",
        disable,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/accounts/{account_id}/actions/push_config",
        push_config,
    ),
    Route::v2("GET", "/im/v2/accounts/{account_id}", details),
    Route::v2("GET", "/im/v2/accounts", batch_query),
    Route::v2("POST", "/im/v2/accounts/{account_id}/actions/kick", kick),
];

/// Registers the 8 v2 account operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
    };
    registry.routes(state, ROUTES);
}

/// `configuration{...}`: the flags given.
fn apply_configuration(body: &JsonBody, a: &mut Account) -> Result<(), ApiError> {
    let Some(config) = body.object("configuration")? else {
        return Ok(());
    };
    let enabled = config.bool("enabled")?;
    let p2p = config.bool("p2p_chat_banned")?;
    let team = config.bool("team_chat_banned")?;
    let room = config.bool("chatroom_chat_banned")?;
    let qchat = config.bool("qchat_chat_banned")?;
    let push = config.bool("push_enabled_when_desktop_online")?;
    if let Some(enabled) = enabled {
        a.blocked = !enabled;
    }
    a.set_module_mutes([p2p, team, room, qchat]);
    if let Some(push) = push {
        a.donnop = !push;
    }
    Ok(())
}

/// `POST /im/v2/accounts`: data `{account_id, token, configuration, user_information}`.
fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let accid = body.required_string("account_id", 32)?;
    check_accid("account_id", &accid)?;
    let accid = accid.to_ascii_lowercase();
    let token = match body.string("token", 128)?.filter(|t| !t.is_empty()) {
        Some(token) => token,
        None => new_token()?,
    };
    let mut account = Account {
        created_at: call.now,
        ..Account::new(accid.clone(), token)
    };
    apply_configuration(&body, &mut account)?;
    if let Some(info) = body.object("user_information")? {
        Profile::parse(&info)?.apply(&mut account);
    }
    check_antispam(&body)?;
    let data = json!({
        "account_id": account.accid,
        "token": account.token,
        "configuration": views::configuration(&account),
        "user_information": views::user_information(&account),
    });
    let mut accounts = lock(&state.accounts);
    if accounts.contains(&accid) {
        return Err(ApiError::with_code(
            ACCOUNT_EXISTS,
            format!("account already exists: {accid}"),
        ));
    }
    accounts.create(account)?;
    Ok(Reply::ok_data(data))
}

/// `PATCH /im/v2/accounts/{account_id}`: data `{account_id, token, configuration}`.
fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let body = call.json()?;
    let token = body.string("token", 128)?.filter(|t| !t.is_empty());
    let need_kick = body.bool("need_kick")?.unwrap_or(false);
    let ext = kick_notify_extension(&body)?;
    let profile = match body.object("user_information")? {
        Some(info) => Some(Profile::parse(&info)?),
        None => None,
    };
    // Checked before the change, so a bad field changes nothing.
    let mut probe = Account::default();
    apply_configuration(&body, &mut probe)?;
    state.with_account(&accid, |a| {
        apply_configuration(&body, a)?;
        if let Some(token) = token {
            a.token = token;
            a.token_changes += 1;
        }
        if let Some(profile) = profile {
            profile.apply(a);
        }
        if need_kick {
            a.sessions.clear();
            a.kick_notify_ext = ext;
        }
        Ok(Reply::ok_data(json!({
            "account_id": a.accid,
            "token": a.token,
            "configuration": views::configuration(a),
        })))
    })
}

/// `PATCH .../actions/refresh_token`: data `{account_id, token, configuration}`.
fn refresh_token(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    call.json()?;
    let token = new_token()?;
    state.with_account(&accid, |a| {
        a.token = token;
        a.token_changes += 1;
        Ok(Reply::ok_data(json!({
            "account_id": a.accid,
            "token": a.token,
            "configuration": views::configuration(a),
        })))
    })
}

/// `PATCH .../actions/disable`: `enabled` false bans, true lifts the ban; data
/// `{account_id, configuration, enabled}`.
fn disable(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let body = call.json()?;
    let enabled = body
        .bool("enabled")?
        .ok_or_else(|| body.missing("enabled"))?;
    let need_kick = body.bool("need_kick")?.unwrap_or(false);
    let ext = kick_notify_extension(&body)?;
    state.with_account(&accid, |a| {
        a.blocked = !enabled;
        if !enabled {
            a.kicked = need_kick;
            a.kick_notify_ext = ext;
            if need_kick {
                a.sessions.clear();
            }
        }
        Ok(Reply::ok_data(json!({
            "account_id": a.accid,
            "configuration": views::configuration(a),
            "enabled": enabled,
        })))
    })
}

/// `PATCH .../actions/push_config`: data `{account_id, configuration,
/// push_enabled_when_desktop_online}`.
fn push_config(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let body = call.json()?;
    let field = "push_enabled_when_desktop_online";
    let push = body.bool(field)?.ok_or_else(|| body.missing(field))?;
    state.with_account(&accid, |a| {
        a.donnop = !push;
        Ok(Reply::ok_data(json!({
            "account_id": a.accid,
            "configuration": views::configuration(a),
            field: push,
        })))
    })
}

/// `GET /im/v2/accounts/{account_id}`: data `{account_id, configuration, token}`.
fn details(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    state.with_account(&accid, |a| {
        Ok(Reply::ok_data(json!({
            "account_id": a.accid,
            "configuration": views::configuration(a),
            "token": a.token,
        })))
    })
}

/// `GET /im/v2/accounts?account_ids=a,b`: `success_list[{account_id, configuration}]`,
/// `failed_list[{account_id, error_code, error_msg}]`.
fn batch_query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let ids = query_ids(call, "account_ids")?;
    let accounts = lock(&state.accounts);
    let mut success = Vec::new();
    let mut failures = Vec::new();
    for id in &ids {
        match accounts.find(id) {
            Some(a) => success.push(views::v2_account(a)),
            None => failures.push(failed(id, &not_found(id), "account not found")),
        }
    }
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failures }),
    ))
}

/// `POST .../actions/kick`: `type` 1 all devices, 2 those in `device_id_list`, 3 all but
/// those; ends the matching sessions. data `success_list[{device_id, client_type, consid,
/// login_time}]`, `failed_list[{device_id, error_code, error_msg}]` for listed devices that
/// were not online (type 2).
fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let body = call.json()?;
    let kind = body
        .int("type", &[1, 2, 3])?
        .ok_or_else(|| body.missing("type"))?;
    let devices = body.strings("device_id_list", 20, 128)?.unwrap_or_default();
    if kind != 1 && devices.is_empty() {
        return Err(ApiError::param(
            "device_id_list is required when type is 2 or 3",
        ));
    }
    kick_notify_extension(&body)?;
    state.with_account(&accid, |a| {
        let listed = |d: &str| devices.iter().any(|x| x == d);
        let (kicked, kept): (Vec<_>, Vec<_>) =
            a.sessions.drain(..).partition(|s| match kind {
                1 => true,
                2 => listed(&s.device_id),
                _ => !listed(&s.device_id),
            });
        a.sessions = kept;
        let success: Vec<Value> = kicked
            .iter()
            .map(|s| {
                json!({
                    "device_id": s.device_id,
                    "client_type": s.client_type,
                    "consid": s.device_id,
                    "login_time": s.login_time,
                })
            })
            .collect();
        let failures: Vec<Value> = if kind == 2 {
            devices
                .iter()
                .filter(|d| !kicked.iter().any(|s| &s.device_id == *d))
                .map(|d| json!({ "device_id": d, "error_code": 404, "error_msg": "device not online" }))
                .collect()
        } else {
            Vec::new()
        };
        Ok(Reply::ok_data(
            json!({ "success_list": success, "failed_list": failures }),
        ))
    })
}
