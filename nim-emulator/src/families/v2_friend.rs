//! v2 friends (`friends`, 6 operations) on the shared friend store: what v2 adds, v1
//! `friend/get` lists, and the reverse. Semantics, the emulator's choices and the codes are
//! in [`crate::friends`].
//!
//! Where the sources disagree, every form is served:
//! - paths: `/im/v2.1/friends...` (both SDKs' current versions) and `/im/v2/friends...` (the
//!   docs, the older Java SDK) for every operation;
//! - addFriend `type`: in the query (Java) or the body (Go); the query wins;
//! - handleFriendAddition: `type` 3 accept / 4 reject in the query (docs, Java) or the body,
//!   or the old Go SDK's body `handle_type` 1 accept / 2 reject, in that order of precedence;
//! - deleteFriend `friend_account_id` and `delete_alias`: in the query (Java, current Go) or a
//!   JSON body (old Go); the query wins.
//!
//! Locks are taken in one order: accounts, friends.

use std::sync::{Arc, Mutex};

use serde_json::{Map, Value, json};

use super::message_common::known;
use super::v2_common::{body_account_id, path_account_id, query_account_id};
use crate::accounts::Accounts;
use crate::base64;
use crate::call::Call;
use crate::friends::{Entry, Fields, FriendError, Friends};
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// `alias`: at most 128 characters ([J] Javadoc, DOC-HANDLE).
const ALIAS_MAX: usize = 128;
/// `extension`: at most 256 characters.
const TEXT_MAX: usize = 256;
/// `customer_extension` and `postscript` have no documented limit, and the client checks
/// none: the emulator takes any length rather than refuse what a valid request sends.
const UNLIMITED: usize = usize::MAX;
/// The largest and default `limit` of listFriends (DOC-LIST).
const LIST_MAX: usize = 100;
/// What every page token starts with, before base64.
const TOKEN_TAG: &str = "friends:";

/// What the v2 friend handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    friends: Arc<Mutex<Friends>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2.1/friends", add),
    Route::v2("POST", "/im/v2/friends", add),
    Route::v2("GET", "/im/v2.1/friends", list),
    Route::v2("GET", "/im/v2/friends", list),
    Route::v2("PATCH", "/im/v2.1/friends/{account_id}", update),
    Route::v2("PATCH", "/im/v2/friends/{account_id}", update),
    Route::v2("GET", "/im/v2.1/friends/{account_id}", get),
    Route::v2("GET", "/im/v2/friends/{account_id}", get),
    Route::v2("DELETE", "/im/v2/friends/{account_id}", delete),
    Route::v2("DELETE", "/im/v2.1/friends/{account_id}", delete),
    Route::v2(
        "POST",
        "/im/v2.1/friends/actions/handle_friend_addition",
        handle,
    ),
    Route::v2(
        "POST",
        "/im/v2/friends/actions/handle_friend_addition",
        handle,
    ),
];

/// Registers the 6 v2 friend operations (12 routes: each at `/im/v2` and `/im/v2.1`).
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        friends: registry.shared::<Friends>(),
    };
    registry.routes(state, ROUTES);
}

/// `alias`, `extension`, `customer_extension` of `body` (`""` clears).
fn fields(body: &JsonBody) -> Result<Fields, ApiError> {
    Ok(Fields {
        alias: body.string("alias", ALIAS_MAX)?,
        ex: body.string("extension", TEXT_MAX)?,
        serverex: body.string("customer_extension", UNLIMITED)?,
    })
}

/// Refuses unless both accounts exist (102404).
fn both_exist(accounts: &Accounts, owner: &str, friend: &str) -> Result<(), ApiError> {
    known(accounts, "account_id", owner).map_err(|r| r.v2())?;
    known(accounts, "friend_account_id", friend).map_err(|r| r.v2())
}

/// A friend entry as v2 answers it; unset text fields are left out.
fn view(friend: &str, e: &Entry) -> Value {
    let mut map = Map::new();
    map.insert("friend_account_id".into(), Value::String(friend.to_owned()));
    for (key, value) in [
        ("alias", &e.alias),
        ("extension", &e.ex),
        ("customer_extension", &e.serverex),
    ] {
        if let Some(value) = value {
            map.insert(key.into(), Value::String(value.clone()));
        }
    }
    map.insert("create_time".into(), json!(e.create_time));
    map.insert("update_time".into(), json!(e.update_time));
    Value::Object(map)
}

/// `POST /im/v2.1/friends[?type=1|2]`: body `account_id`, `friend_account_id`, `alias`,
/// `extension`, `customer_extension`, `postscript` (and `type`, the Go SDK's place). Type 1
/// (default) adds directly: data is the caller's entry. Type 2 records a request: data is
/// `friend_account_id` and the fields given (there is no entry yet).
fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let kind = match call.query_int_in("type", &[1, 2])? {
        Some(kind) => kind,
        None => body.int("type", &[1, 2])?.unwrap_or(1),
    };
    let owner = body_account_id(&body, "account_id")?;
    let friend = body_account_id(&body, "friend_account_id")?;
    let given = fields(&body)?;
    let postscript = body.string("postscript", UNLIMITED)?;
    if owner == friend {
        return Err(FriendError::SelfAdd.v2());
    }
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &owner, &friend)?;
    let mut friends = lock(&state.friends);
    let now = call.now.saturating_mul(1000);
    if kind == 2 {
        let mut data = Map::new();
        data.insert("friend_account_id".into(), Value::String(friend.clone()));
        for (key, value) in [
            ("alias", &given.alias),
            ("extension", &given.ex),
            ("customer_extension", &given.serverex),
        ] {
            if let Some(value) = value.as_ref().filter(|v| !v.is_empty()) {
                data.insert(key.into(), Value::String(value.clone()));
            }
        }
        friends
            .request(&owner, &friend, postscript, given, now)
            .map_err(|e| e.v2())?;
        return Ok(Reply::ok_data(Value::Object(data)));
    }
    let e = friends
        .befriend(&owner, &friend, given, Fields::default(), now)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(view(&friend, e)))
}

/// `POST /im/v2.1/friends/actions/handle_friend_addition[?type=3|4]`: body `account_id` (the
/// accepter), `friend_account_id` (the requester), `alias`, `extension`,
/// `customer_extension`, `postscript`. Accept: data is the accepter's entry; reject: `{}`.
fn handle(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let accept = match call.query_int_in("type", &[3, 4])? {
        Some(kind) => kind == 3,
        None => match body.int("type", &[3, 4])? {
            Some(kind) => kind == 3,
            None => body.int("handle_type", &[1, 2])?.unwrap_or(1) == 1,
        },
    };
    let accepter = body_account_id(&body, "account_id")?;
    let requester = body_account_id(&body, "friend_account_id")?;
    let given = fields(&body)?;
    body.string("postscript", UNLIMITED)?;
    if accepter == requester {
        return Err(FriendError::SelfAdd.v2());
    }
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &accepter, &requester)?;
    let mut friends = lock(&state.friends);
    if !accept {
        friends.reject(&accepter, &requester).map_err(|e| e.v2())?;
        return Ok(Reply::ok_data(json!({})));
    }
    let e = friends
        .accept(&accepter, &requester, given, call.now.saturating_mul(1000))
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(view(&requester, e)))
}

/// `PATCH /im/v2.1/friends/{account_id}`: body `friend_account_id`, `alias`, `extension`,
/// `customer_extension` (`""` clears). data is the entry; 104404 if they are not friends.
fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = path_account_id(call)?;
    let body = call.json()?;
    let friend = body_account_id(&body, "friend_account_id")?;
    let given = fields(&body)?;
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &owner, &friend)?;
    let mut friends = lock(&state.friends);
    let e = friends
        .update(&owner, &friend, given, call.now.saturating_mul(1000))
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(view(&friend, e)))
}

/// `GET /im/v2.1/friends/{account_id}?friend_account_id=`: data is the entry; 104404 if they
/// are not friends.
fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = path_account_id(call)?;
    let friend = query_account_id(call, "friend_account_id")?;
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &owner, &friend)?;
    let friends = lock(&state.friends);
    let e = friends.get(&owner, &friend).ok_or_else(|| {
        FriendError::NotFriends {
            owner: owner.clone(),
            friend: friend.clone(),
        }
        .v2()
    })?;
    Ok(Reply::ok_data(view(&friend, e)))
}

/// `DELETE /im/v2/friends/{account_id}?friend_account_id=&delete_alias=` (or the same two in
/// a JSON body): ends the friendship both ways. data `{}`, also when they are not friends.
fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = path_account_id(call)?;
    let body = call.json()?;
    let friend = match call.query_param("friend_account_id") {
        Some(_) => query_account_id(call, "friend_account_id")?,
        None => body_account_id(&body, "friend_account_id")?,
    };
    let delete_alias = match call.query_param("delete_alias").as_deref() {
        Some("true") => true,
        Some("false") => false,
        Some(_) => return Err(ApiError::param("delete_alias must be true or false")),
        None => body.bool("delete_alias")?.unwrap_or(false),
    };
    let accounts = lock(&state.accounts);
    both_exist(&accounts, &owner, &friend)?;
    lock(&state.friends)
        .delete(&owner, &friend, delete_alias)
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `GET /im/v2.1/friends?account_id=&page_token=&limit=`: ordered by friend account id,
/// `limit` 1..=100 (default 100). data `{has_more, next_token, items, total}`.
fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = query_account_id(call, "account_id")?;
    let limit = call.page_limit(LIST_MAX)?;
    let after = match call.query_param("page_token") {
        None => None,
        Some(token) => Some(parse_token(&owner, &token)?),
    };
    let accounts = lock(&state.accounts);
    known(&accounts, "account_id", &owner).map_err(|r| r.v2())?;
    let friends = lock(&state.friends);
    let all = friends.list(&owner);
    let total = all.len();
    let rest: Vec<(&str, &Entry)> = all
        .into_iter()
        .filter(|(f, _)| after.as_deref().is_none_or(|a| *f > a))
        .collect();
    let has_more = rest.len() > limit;
    let page: Vec<(&str, &Entry)> = rest.into_iter().take(limit).collect();
    let next_token = match page.last() {
        Some((last, _)) if has_more => make_token(&owner, last),
        _ => String::new(),
    };
    let items: Vec<Value> = page.into_iter().map(|(f, e)| view(f, e)).collect();
    Ok(Reply::ok_data(json!({
        "has_more": has_more,
        "next_token": next_token,
        "items": items,
        "total": total,
    })))
}

/// The token of the page after `last` in `owner`'s list: opaque to clients.
fn make_token(owner: &str, last: &str) -> String {
    base64::encode(format!("{TOKEN_TAG}{owner}:{last}").as_bytes())
}

/// The friend a token made by [`make_token`] for `owner`'s list ends at; 414 for any other
/// text, or a token of another account's list.
fn parse_token(owner: &str, token: &str) -> Result<String, ApiError> {
    let refused = || {
        ApiError::param(
            "page_token is not a token this server gave out: use the previous next_token",
        )
    };
    let bytes = base64::decode(token).ok_or_else(refused)?;
    let text = String::from_utf8(bytes).map_err(|_| refused())?;
    let rest = text.strip_prefix(TOKEN_TAG).ok_or_else(refused)?;
    let (for_owner, last) = rest.split_once(':').ok_or_else(refused)?;
    if for_owner != owner || check_accid("page_token", last).is_err() {
        return Err(refused());
    }
    Ok(last.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_are_bound_to_their_list() {
        let token = make_token("alice", "bob");
        assert_eq!(parse_token("alice", &token).unwrap(), "bob");
        assert!(parse_token("carol", &token).is_err());
        for bad in [
            "",
            "bob",
            "!!",
            &base64::encode(b"friends:alice"),
            &base64::encode(b"x:alice:bob"),
        ] {
            assert!(parse_token("alice", bad).is_err(), "{bad}");
        }
    }
}
