//! v2 online-status subscriptions (`/im/v2/subscription/{account_id}`, 3 operations; the path
//! names the subscriber) on the store v1 `event/subscribe/*` shares
//! ([`subscriptions`](crate::subscriptions) has the rules: expiry on the state clock, the
//! 60 s repeat rule, the 3000 cap).
//!
//! - `POST ?duration=` subscribes to `account_ids` (1..=100). `duration` (seconds,
//!   60..=2592000) is required; it belongs in the query, and is also read from the body when
//!   the query has none (or the text `null`), because the Java SDK leaks it there. A body
//!   `subscriberAccountId` (the other Java leak) is ignored like any unknown field.
//! - `DELETE` with a JSON body `{account_ids}` unsubscribes; no `account_ids` or an empty list
//!   cancels every subscription (the Java SDK Javadoc; unconfirmed by any server page). The
//!   official API list shows POST for unsubscribe, but POST on this path is subscribe, so the
//!   emulator serves unsubscribe on DELETE only, as both SDKs send it.
//! - `PATCH` with `{account_ids}` (1..=100) queries: data `{failed_list, subscribes[{account_id,
//!   event_type: 1, subscribe_time, expire_time}]}` (times in ms; the unit is unconfirmed),
//!   the active subscriptions among those accounts, in the order asked.
//!
//! The admin route `GET /_emulator/state/subscriptions?accid=` shows an account's active
//! subscriptions (both protocols').
//!
//! Codes: an unknown subscriber is 102404; unknown accounts in `account_ids` are
//! `failed_list[{account_id, error_code: 102404, error_msg}]` items; a subscribe beyond the cap
//! is 419 for the whole call (the emulator's choice: the code v1 documents; v2 documents none).

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::v2_common::{check_list_id, failed, not_found, path_account_id};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::ACCID_MAX;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::subscriptions::{OverLimit, PUBLISHERS_MAX, Subscriptions, check_ttl, split_known};

struct State {
    accounts: Arc<Mutex<Accounts>>,
    subscriptions: Arc<Mutex<Subscriptions>>,
}

const PATH: &str = "/im/v2/subscription/{account_id}";

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", PATH, subscribe),
    Route::v2("DELETE", PATH, unsubscribe),
    Route::v2("PATCH", PATH, query),
    Route::admin("GET", "/_emulator/state/subscriptions", admin_view),
];

/// Registers subscribeUserStatus, unsubscribeUserStatus and queryUserStatusSubscription,
/// and the admin view of the store.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        subscriptions: registry.shared::<Subscriptions>(),
    };
    registry.routes(state, ROUTES);
}

/// `account_ids` (at most 100, each checked like an accid); `None` when absent.
fn account_ids(body: &JsonBody) -> Result<Option<Vec<String>>, ApiError> {
    let Some(ids) = body.strings("account_ids", PUBLISHERS_MAX, ACCID_MAX)? else {
        return Ok(None);
    };
    for (i, id) in ids.iter().enumerate() {
        check_list_id(&format!("account_ids[{i}]"), id)?;
    }
    Ok(Some(ids))
}

/// A required, non-empty `account_ids`.
fn required_ids(body: &JsonBody) -> Result<Vec<String>, ApiError> {
    account_ids(body)?
        .filter(|ids| !ids.is_empty())
        .ok_or_else(|| body.missing("account_ids"))
}

/// Checks the subscriber exists (102404), and splits `ids` into existing accounts
/// (lowercased) and `failed_list` items for the others.
fn resolve(
    state: &State,
    subscriber: &str,
    ids: Vec<String>,
) -> Result<(Vec<String>, Vec<Value>), ApiError> {
    let accounts = lock(&state.accounts);
    if !accounts.contains(subscriber) {
        return Err(not_found(subscriber));
    }
    let (known, unknown) = split_known(&accounts, ids);
    let failures = unknown
        .iter()
        .map(|id| failed(id, &not_found(id), "account not found"))
        .collect();
    Ok((known, failures))
}

/// `duration` from the query, else from the body; required, 60..=2592000 seconds.
fn duration(call: &Call<'_>, body: &JsonBody) -> Result<u64, ApiError> {
    let secs = match call.query_param("duration").filter(|d| d != "null") {
        Some(text) => Some(
            text.trim()
                .parse::<u64>()
                .map_err(|_| ApiError::param("duration must be a whole number of seconds"))?,
        ),
        None => body.uint("duration")?,
    };
    let secs =
        secs.ok_or_else(|| ApiError::param("duration is required (seconds, in the query)"))?;
    check_ttl("duration", secs)?;
    Ok(secs)
}

/// `POST /im/v2/subscription/{account_id}?duration=` with `{account_ids}`: data
/// `{failed_list}`.
fn subscribe(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let subscriber = path_account_id(call)?;
    let body = call.json()?;
    let secs = duration(call, &body)?;
    let ids = required_ids(&body)?;
    let (known, failures) = resolve(state, &subscriber, ids)?;
    lock(&state.subscriptions)
        .subscribe(&subscriber, &known, call.now.saturating_mul(1000), secs)
        .map_err(OverLimit::error)?;
    Ok(Reply::ok_data(json!({ "failed_list": failures })))
}

/// `DELETE /im/v2/subscription/{account_id}` with `{account_ids}` (none or empty: all):
/// data `{failed_list}`.
fn unsubscribe(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let subscriber = path_account_id(call)?;
    let body = call.json()?;
    let ids = account_ids(&body)?.unwrap_or_default();
    let all = ids.is_empty();
    let (known, failures) = resolve(state, &subscriber, ids)?;
    let mut subscriptions = lock(&state.subscriptions);
    if all {
        subscriptions.unsubscribe_all(&subscriber);
    } else {
        subscriptions.unsubscribe(&subscriber, &known);
    }
    Ok(Reply::ok_data(json!({ "failed_list": failures })))
}

/// `PATCH /im/v2/subscription/{account_id}` with `{account_ids}`: data `{failed_list,
/// subscribes}`.
fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let subscriber = path_account_id(call)?;
    let body = call.json()?;
    let ids = required_ids(&body)?;
    let (known, failures) = resolve(state, &subscriber, ids)?;
    let found =
        lock(&state.subscriptions).query(&subscriber, &known, call.now.saturating_mul(1000));
    let subscribes: Vec<Value> = found
        .iter()
        .map(|r| {
            json!({
                "account_id": r.publisher,
                "event_type": 1,
                "subscribe_time": r.subscribe_time,
                "expire_time": r.expire_time,
            })
        })
        .collect();
    Ok(Reply::ok_data(
        json!({ "failed_list": failures, "subscribes": subscribes }),
    ))
}

/// Admin `GET /_emulator/state/subscriptions?accid=`: `{"accid", "subscriptions":
/// [{publisher, subscribe_time, expire_time}]}`, active ones sorted by publisher; 400 without
/// `accid`, 404 for an unknown account.
fn admin_view(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = call
        .query_param("accid")
        .ok_or_else(|| ApiError::param("accid is required"))?
        .to_ascii_lowercase();
    if !lock(&state.accounts).contains(&accid) {
        return Err(ApiError::with_code(404, format!("no account {accid}")));
    }
    let list = lock(&state.subscriptions).all(&accid, call.now.saturating_mul(1000));
    let list: Vec<Value> = list
        .iter()
        .map(|r| {
            json!({
                "publisher": r.publisher,
                "subscribe_time": r.subscribe_time,
                "expire_time": r.expire_time,
            })
        })
        .collect();
    Ok(Reply::json(
        &json!({ "accid": accid, "subscriptions": list }),
    ))
}
