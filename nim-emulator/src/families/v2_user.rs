//! v2 users (`/im/v2/users...`, 4 operations): profiles and online status, on the shared
//! account store (the profile v1 `user/updateUinfo` sets is the one shown here).

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::v2_common::{
    BATCH_MAX, Profile, check_antispam, check_list_id, failed, not_found, path_account_id,
    query_ids,
};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::views;

/// What the v2 user handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2("PATCH", "/im/v2/users/{account_id}", update),
    Route::v2("GET", "/im/v2/users/{account_id}", get),
    Route::v2("GET", "/im/v2/users", batch_get),
    Route::v2("POST", "/im/v2/users/actions/online_status", online_status),
    // The docs' spelling; both official SDKs send the one above.
    Route::v2("POST", "/im/v2/users/actions/onlineStatus", online_status),
];

/// Registers the 4 v2 user operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
    };
    registry.routes(state, ROUTES);
}

/// `PATCH /im/v2/users/{account_id}`: data is the user (`account_id` + profile).
fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let body = call.json()?;
    let profile = Profile::parse(&body)?;
    check_antispam(&body)?;
    let mut accounts = lock(&state.accounts);
    let a = accounts.find_mut(&accid).ok_or_else(|| not_found(&accid))?;
    profile.apply(a);
    Ok(Reply::ok_data(views::v2_user(a)))
}

/// `GET /im/v2/users/{account_id}`: data is the user.
fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = path_account_id(call)?;
    let accounts = lock(&state.accounts);
    let a = accounts.find(&accid).ok_or_else(|| not_found(&accid))?;
    Ok(Reply::ok_data(views::v2_user(a)))
}

/// `GET /im/v2/users?account_ids=a,b`: `success_list[user]`, `failed_list`.
fn batch_get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let ids = query_ids(call, "account_ids")?;
    let accounts = lock(&state.accounts);
    let (success, failures) = split(&ids, &accounts, views::v2_user);
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failures }),
    ))
}

/// `POST /im/v2/users/actions/online_status` with `{"account_ids":[...]}` (at most 100):
/// `success_list[{account_id, online_status[{client_type, login_time}]}]`, `failed_list`.
fn online_status(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let ids = body
        .strings("account_ids", BATCH_MAX, 32)?
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| body.missing("account_ids"))?;
    for (i, id) in ids.iter().enumerate() {
        check_list_id(&format!("account_ids[{i}]"), id)?;
    }
    let accounts = lock(&state.accounts);
    let (success, failures) = split(
        &ids,
        &accounts,
        |a| json!({ "account_id": a.accid, "online_status": views::online_status(a) }),
    );
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failures }),
    ))
}

/// `view` of each existing account, and a 102404 `failed_list` item for each unknown id.
fn split(
    ids: &[String],
    accounts: &Accounts,
    view: impl Fn(&crate::accounts::Account) -> Value,
) -> (Vec<Value>, Vec<Value>) {
    let mut success = Vec::new();
    let mut failures = Vec::new();
    for id in ids {
        match accounts.find(id) {
            Some(a) => success.push(view(a)),
            None => failures.push(failed(id, &not_found(id), "account not found")),
        }
    }
    (success, failures)
}
