//! Admin views and knobs of the friend store: `/_emulator/state/friends` and
//! `/_emulator/state/friend_limit`.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::call::Call;
use crate::friends::{FriendRecord, FriendRequestRecord, Friends};
use crate::json_body::JsonBody;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

struct State {
    friends: Arc<Mutex<Friends>>,
}

const ROUTES: &[Route<State>] = &[
    Route::admin("GET", "/_emulator/state/friends", friends),
    Route::admin("GET", "/_emulator/state/friend_limit", limit),
    Route::admin("PUT", "/_emulator/state/friend_limit", set_limit),
];

/// Registers the friend admin routes.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        friends: registry.shared::<Friends>(),
    };
    registry.routes(state, ROUTES);
}

fn friend_view(f: &FriendRecord) -> Value {
    json!({
        "friend": f.friend, "alias": f.alias, "ex": f.ex, "serverex": f.serverex,
        "create_time": f.create_time, "update_time": f.update_time, "mutual": f.mutual,
    })
}

fn request_view(r: &FriendRequestRecord) -> Value {
    json!({ "from": r.from, "to": r.to, "message": r.message, "time": r.time })
}

/// `?accid=a`: `{"accid","friends":[{friend, alias, ex, serverex, create_time, update_time,
/// mutual}],"requests":[{from, to, message, time}]}`: its friends by friend id and the
/// requests pending to it. An account without friends answers empty lists.
fn friends(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = call
        .query_param("accid")
        .ok_or_else(|| ApiError::param("accid is required"))?
        .to_ascii_lowercase();
    let friends = lock(&state.friends);
    let list: Vec<Value> = friends.records(&accid).iter().map(friend_view).collect();
    let requests: Vec<Value> = friends
        .requests_to(&accid)
        .iter()
        .map(request_view)
        .collect();
    Ok(Reply::json(
        &json!({ "accid": accid, "friends": list, "requests": requests }),
    ))
}

/// `{"limit": N}`: the friend cap in force.
fn limit(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    Ok(Reply::json(
        &json!({ "limit": lock(&state.friends).limit() }),
    ))
}

/// `{"limit": N}` sets the friend cap (default 3000) until reset.
fn set_limit(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse_or_empty(call.body)?;
    let limit = body.uint("limit")?.ok_or_else(|| body.missing("limit"))?;
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    lock(&state.friends).set_limit(limit);
    Ok(Reply::json(&json!({ "limit": limit })))
}
