//! v1 `event/subscribe/*.action` (4 actions): online-status subscriptions on the store v2
//! `/im/v2/subscription` shares ([`subscriptions`](crate::subscriptions) has the rules:
//! expiry on the state clock, the 60 s repeat rule, the 3000 cap).
//!
//! Every action takes `accid` (the subscriber: unknown is 414 `accid X not register`, as the
//! other v1 families answer) and `eventType` (only 1, online status; anything else is 414).
//! `publisherAccids` is one form field holding a JSON array of 1..=100 accids (else 414).
//! Each publisher must have the accid alphabet (414 naming `publisherAccids[i]`, as v2 checks
//! its ids); one named twice counts once. Publishers that are not accounts are reported in
//! `failedAccid` as sent; in `query` they are simply absent. A subscribe beyond the cap is 419 (documented among the action's codes)
//! for the whole call.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::accounts::Accounts;
use crate::call::Call;
use crate::lock;
use crate::params::{Params, check_accid};
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::subscriptions::{OverLimit, PUBLISHERS_MAX, Subscriptions, check_ttl, split_known};

struct State {
    accounts: Arc<Mutex<Accounts>>,
    subscriptions: Arc<Mutex<Subscriptions>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v1("event/subscribe/add.action", add),
    Route::v1("event/subscribe/delete.action", delete),
    Route::v1("event/subscribe/batchdel.action", batch_delete),
    Route::v1("event/subscribe/query.action", query),
];

/// Registers the 4 v1 event-subscribe actions.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        subscriptions: registry.shared::<Subscriptions>(),
    };
    registry.routes(state, ROUTES);
}

/// The subscriber (`accid`), after checking `eventType` is 1.
fn subscriber(params: &Params) -> Result<String, ApiError> {
    let accid = params.accid()?;
    params.int_in("eventType", &[1])?;
    Ok(accid)
}

/// `publisherAccids`: a JSON array of 1..=100 ids, each with the accid alphabet (414 naming
/// `publisherAccids[i]` otherwise, as v2 checks `account_ids`).
fn publishers(params: &Params) -> Result<Vec<String>, ApiError> {
    let list = params.json_list("publisherAccids", PUBLISHERS_MAX)?;
    for (i, id) in list.iter().enumerate() {
        check_accid(&format!("publisherAccids[{i}]"), id)?;
    }
    Ok(list)
}

/// Checks `accid` exists (414 `accid X not register` if not), and splits `publishers` into
/// the existing accounts (lowercased) and the others (as sent).
fn resolve(
    state: &State,
    accid: &str,
    publishers: Vec<String>,
) -> Result<(Vec<String>, Vec<String>), ApiError> {
    let mut accounts = lock(&state.accounts);
    accounts.existing(accid)?;
    Ok(split_known(&accounts, publishers))
}

/// `event/subscribe/add.action` `accid`, `eventType`, `publisherAccids`, `ttl` (seconds,
/// 60..=2592000): `{"code":200,"failedAccid":[...]}`.
fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = subscriber(&params)?;
    let ttl = params.u64_req("ttl")?;
    check_ttl("ttl", ttl)?;
    let list = publishers(&params)?;
    let (known, unknown) = resolve(state, &accid, list)?;
    lock(&state.subscriptions)
        .subscribe(&accid, &known, call.now.saturating_mul(1000), ttl)
        .map_err(OverLimit::error)?;
    Ok(Reply::json(&json!({ "code": 200, "failedAccid": unknown })))
}

/// `event/subscribe/delete.action` `accid`, `eventType`, `publisherAccids`:
/// `{"code":200,"failedAccid":[...]}` (the publishers that are not accounts).
fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = subscriber(&params)?;
    let list = publishers(&params)?;
    let (known, unknown) = resolve(state, &accid, list)?;
    lock(&state.subscriptions).unsubscribe(&accid, &known);
    Ok(Reply::json(&json!({ "code": 200, "failedAccid": unknown })))
}

/// `event/subscribe/batchdel.action` `accid`, `eventType`: cancels every subscription of
/// `accid`. `{"code":200}`.
fn batch_delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = subscriber(&params)?;
    resolve(state, &accid, Vec::new())?;
    lock(&state.subscriptions).unsubscribe_all(&accid);
    Ok(Reply::ok())
}

/// `event/subscribe/query.action` `accid`, `eventType`, `publisherAccids`:
/// `{"code":200,"subscribes":[{"accid","eventType":1,"expireTime","subscribeTime"}]}` for the
/// active subscriptions among those publishers, in the order asked.
fn query(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = subscriber(&params)?;
    let list = publishers(&params)?;
    let (known, _) = resolve(state, &accid, list)?;
    let found = lock(&state.subscriptions).query(&accid, &known, call.now.saturating_mul(1000));
    let subscribes: Vec<Value> = found
        .iter()
        .map(|r| {
            json!({
                "accid": r.publisher,
                "eventType": 1,
                "expireTime": r.expire_time,
                "subscribeTime": r.subscribe_time,
            })
        })
        .collect();
    Ok(Reply::json(
        &json!({ "code": 200, "subscribes": subscribes }),
    ))
}
