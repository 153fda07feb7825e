//! v1 friends (`friend/*.action`, 5 actions) on the shared friend store: what v1 adds, v2
//! `listFriends` lists, and the reverse. Semantics, the emulator's choices and the codes are
//! in [`crate::friends`].
//!
//! Locks are taken in one order: accounts, friends.

use std::sync::{Arc, Mutex};

use serde_json::{Map, Value, json};

use super::message_common::known;
use crate::accounts::Accounts;
use crate::call::Call;
use crate::friends::{Entry, Fields, FriendError, Friends};
use crate::lock;
use crate::params::Params;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// `msg`, `ex` and `serverex`: at most 256 characters (DOC-FRIEND).
const TEXT_MAX: usize = 256;
/// `alias`: at most 128 characters (DOC-FRIEND).
const ALIAS_MAX: usize = 128;

/// What the v1 friend handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    friends: Arc<Mutex<Friends>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v1("friend/add.action", add),
    Route::v1("friend/update.action", update),
    Route::v1("friend/delete.action", delete),
    Route::v1("friend/get.action", get),
    Route::v1("friend/getByAccid.action", get_by_accid),
];

/// Registers the 5 v1 friend actions.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        friends: registry.shared::<Friends>(),
    };
    registry.routes(state, ROUTES);
}

/// `accid` and `faccid`, checked and lowercased.
fn pair(p: &Params) -> Result<(String, String), ApiError> {
    Ok((p.accid()?, p.account_id("faccid")?))
}

/// Refuses unless both accounts exist (414 `<field> <id> not register`).
fn both_exist(accounts: &Accounts, accid: &str, faccid: &str) -> Result<(), ApiError> {
    known(accounts, "accid", accid).map_err(|r| r.v1())?;
    known(accounts, "faccid", faccid).map_err(|r| r.v1())
}

/// `friend/add.action`: `type` 1 add directly, 2 request (`msg`), 3 accept (`accid` the
/// accepter, `faccid` the requester), 4 reject. `serverex` goes on the caller's entry.
/// Answers `{"code":200}`.
fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (accid, faccid) = pair(&p)?;
    let kind = p.int_in("type", &[1, 2, 3, 4])?;
    let msg = p.text("msg", TEXT_MAX)?.map(str::to_owned);
    let fields = Fields {
        serverex: p.text_or_empty("serverex", TEXT_MAX)?.map(str::to_owned),
        ..Fields::default()
    };
    if accid == faccid {
        return Err(FriendError::SelfAdd.v1());
    }
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &accid, &faccid)?;
    let mut friends = lock(&state.friends);
    let now = call.now.saturating_mul(1000);
    match kind {
        1 => friends
            .befriend(&accid, &faccid, fields, Fields::default(), now)
            .map(drop),
        2 => friends.request(&accid, &faccid, msg, fields, now),
        3 => friends.accept(&accid, &faccid, fields, now).map(drop),
        _ => friends.reject(&accid, &faccid),
    }
    .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `friend/update.action`: sets `alias`, `ex`, `serverex` of `accid`'s entry for `faccid`
/// (an empty value clears one). Answers `{"code":200}`; 404 if they are not friends.
fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (accid, faccid) = pair(&p)?;
    let fields = Fields {
        alias: p.text_or_empty("alias", ALIAS_MAX)?.map(str::to_owned),
        ex: p.text_or_empty("ex", TEXT_MAX)?.map(str::to_owned),
        serverex: p.text_or_empty("serverex", TEXT_MAX)?.map(str::to_owned),
    };
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &accid, &faccid)?;
    lock(&state.friends)
        .update(&accid, &faccid, fields, call.now.saturating_mul(1000))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `friend/delete.action`: ends the friendship both ways; `isDeleteAlias=true` also drops
/// `accid`'s alias, which is otherwise kept for a later re-add. Answers `{"code":200}`, also
/// when they are not friends (nothing to remove, so a retried delete succeeds).
fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (accid, faccid) = pair(&p)?;
    let delete_alias = p.flag("isDeleteAlias")?.unwrap_or(false);
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &accid, &faccid)?;
    lock(&state.friends)
        .delete(&accid, &faccid, delete_alias)
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `friend/get.action`: `accid`'s friends updated at or after `updatetime` (ms; the
/// deprecated `createtime` when absent). Answers `{"code":200,"size":N,"friends":[{faccid,
/// createtime, updatetime, bidirection, alias?, ex?, serverex?}]}`.
fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let accid = p.accid()?;
    let since = match p.u64_opt("updatetime")? {
        Some(t) => t,
        None => p
            .u64_opt("createtime")?
            .ok_or_else(|| ApiError::param("updatetime is missing"))?,
    };
    let accounts = lock(&state.accounts);
    known(&accounts, "accid", &accid).map_err(|r| r.v1())?;
    let friends = lock(&state.friends);
    let items: Vec<Value> = friends
        .list(&accid)
        .into_iter()
        .filter(|(_, e)| e.update_time >= since)
        .map(|(faccid, e)| {
            let mut item = head(faccid, e, friends.is_friend(faccid, &accid));
            for (key, value) in [
                ("alias", &e.alias),
                ("ex", &e.ex),
                ("serverex", &e.serverex),
            ] {
                if let Some(value) = value {
                    item.insert(key.into(), Value::String(value.clone()));
                }
            }
            Value::Object(item)
        })
        .collect();
    Ok(Reply::json(&json!({
        "code": 200,
        "size": items.len(),
        "friends": items,
    })))
}

/// `friend/getByAccid.action`: `{"code":200,"friend":{createtime, updatetime, faccid,
/// bidirection, ex, serverex, alias?}}`, `ex` and `serverex` `null` when unset (as the
/// documented example shows them); 404 if they are not friends.
fn get_by_accid(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let (accid, faccid) = pair(&p)?;
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &accid, &faccid)?;
    let friends = lock(&state.friends);
    let e = friends.get(&accid, &faccid).ok_or_else(|| {
        FriendError::NotFriends {
            owner: accid.clone(),
            friend: faccid.clone(),
        }
        .v1()
    })?;
    let mut item = head(&faccid, e, friends.is_friend(&faccid, &accid));
    item.insert("ex".into(), json!(e.ex));
    item.insert("serverex".into(), json!(e.serverex));
    if let Some(alias) = &e.alias {
        item.insert("alias".into(), Value::String(alias.clone()));
    }
    Ok(Reply::json(&json!({ "code": 200, "friend": item })))
}

/// The keys every v1 friend item has.
fn head(faccid: &str, e: &Entry, bidirection: bool) -> Map<String, Value> {
    let mut item = Map::new();
    item.insert("faccid".into(), Value::String(faccid.to_owned()));
    item.insert("createtime".into(), json!(e.create_time));
    item.insert("updatetime".into(), json!(e.update_time));
    item.insert("bidirection".into(), Value::Bool(bidirection));
    item
}
