//! Admin routes of callbacks: `/_emulator/callbacks` (URL and delivery log), `.../check` and
//! `.../redeliver` (test an app's receiver against a real signature and real refusals), and
//! `.../login` / `.../logout` (the emulator has no IM clients, so a test says when one
//! logs in or out: the session, the user event and the copy follow).

use std::time::Duration;

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};
use tokio::sync::oneshot;

use crate::accounts::{Accounts, Session};
use crate::call::Call;
use crate::callbacks::{Callbacks, CallbacksError, Delivery, Tamper, copies};
use crate::json_body::JsonBody;
use crate::later::Later;
use crate::lock;
use crate::notifications::{Notifications, UserEvent};
use crate::reply::{ApiError, Flavor, Reply};
use crate::router::{Registry, Route};

struct State {
    accounts: Arc<Mutex<Accounts>>,
    notes: Arc<Mutex<Notifications>>,
    callbacks: Arc<Callbacks>,
}

const ROUTES: &[Route<State>] = &[
    Route::admin("GET", "/_emulator/callbacks", get),
    Route::admin("PUT", "/_emulator/callbacks", set_url),
    Route::admin("DELETE", "/_emulator/callbacks", clear),
    Route::admin("POST", "/_emulator/callbacks/check", check),
    Route::admin("POST", "/_emulator/callbacks/redeliver", redeliver),
    Route::admin("POST", "/_emulator/callbacks/login", login),
    Route::admin("POST", "/_emulator/callbacks/logout", logout),
];

/// Registers the callback admin routes.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        notes: registry.shared::<Notifications>(),
        callbacks: registry.kept::<Callbacks>(),
    };
    registry.routes(state, ROUTES);
}

/// 404 for an unknown delivery, 400 for the rest.
fn admin_error(err: CallbacksError) -> ApiError {
    match err {
        CallbacksError::UnknownDelivery(_) => ApiError::with_code(404, err.to_string()),
        other => ApiError::param(other.to_string()),
    }
}

/// `{"url", "deliveries":[...]}`, oldest first.
fn get(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let deliveries: Vec<Value> = state
        .callbacks
        .deliveries()
        .iter()
        .map(Delivery::to_json)
        .collect();
    Ok(Reply::json(&json!({
        "url": state.callbacks.url(),
        "deliveries": deliveries,
    })))
}

/// `{"url": "http://..."}` sets the URL, `{"url": null}` (or `{}`) removes it. Answers
/// `{"url"}`.
fn set_url(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse_or_empty(call.body)?;
    let url = body.string("url", 4096)?;
    state
        .callbacks
        .set_url(url.as_deref())
        .map_err(admin_error)?;
    Ok(Reply::json(&json!({ "url": state.callbacks.url() })))
}

/// Empties the delivery log; the URL stays.
fn clear(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    state.callbacks.clear();
    Ok(Reply::json(
        &json!({ "url": state.callbacks.url(), "deliveries": [] }),
    ))
}

/// How long an admin request waits for its delivery: it joins the back of the one queue, so
/// a slow app with many deliveries ahead could hold it for long.
const ADMIN_WAIT: Duration = Duration::from_secs(30);

/// Answers the record `answer` brings, once the worker has made the delivery; after
/// [`ADMIN_WAIT`] answers that it is still queued (it is made later all the same).
fn when_delivered(answer: oneshot::Receiver<Delivery>) -> Reply {
    Reply::later(Later::new(async move {
        match tokio::time::timeout(ADMIN_WAIT, answer).await {
            Ok(Ok(delivery)) => Reply::json(&delivery.to_json()),
            Ok(Err(_)) => admin_error(CallbacksError::Cancelled).into_reply(Flavor::Admin),
            Err(_) => admin_error(CallbacksError::TimedOut {
                wanted: 1,
                waited: ADMIN_WAIT,
                deliveries: Vec::new(),
            })
            .into_reply(Flavor::Admin),
        }
    }))
}

/// Sends the address check (`{}`, signed) and answers its record.
fn check(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let answer = state.callbacks.check().map_err(admin_error)?;
    Ok(when_delivered(answer))
}

/// `{"seq": n, "tamper": "none"|"body"|"md5"|"checksum"|"stale"|"future"}` (default none)
/// sends recorded delivery `n` again and answers the new record.
fn redeliver(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse_or_empty(call.body)?;
    let seq = body.uint("seq")?.ok_or_else(|| body.missing("seq"))?;
    let tamper = match body.string("tamper", 16)? {
        None => Tamper::None,
        Some(name) => Tamper::from_name(&name).ok_or_else(|| {
            let names: Vec<&str> = Tamper::ALL.iter().map(|t| t.name()).collect();
            ApiError::param(format!(
                "tamper {name:?} is unknown: use {}",
                names.join(", ")
            ))
        })?,
    };
    let answer = state
        .callbacks
        .redeliver(seq, tamper)
        .map_err(admin_error)?;
    Ok(when_delivered(answer))
}

/// `client_type` as a copy name and its number; `"AOS"` when absent.
fn client_type(body: &JsonBody) -> Result<Option<(String, u32)>, ApiError> {
    let Some(name) = body.string("client_type", 16)? else {
        return Ok(None);
    };
    let number = copies::client_type_number(&name).ok_or_else(|| {
        ApiError::param(format!(
            "client_type {name:?} is unknown: use AOS, IOS, PC, WEB, MAC or HARMONY"
        ))
    })?;
    Ok(Some((name.to_ascii_uppercase(), number)))
}

/// Queues `copy` and logs `event`; answers the copy and whether it was queued.
fn announce(state: &State, event: UserEvent, copy: Value) -> Value {
    let queued = state.callbacks.enqueue(|| copy.clone());
    lock(&state.notes).events.push(event);
    json!({ "queued": queued, "copy": copy })
}

/// `{"accid","client_type"?,"device_id"?,"client_ip"?,"custom_tag"?}`: a client logs in.
/// Adds the session (replacing one of the same type and device), records the login for
/// `history/queryUserEvents` and queues copy 2. Answers `{"queued","copy"}`; 404 for an
/// unknown account.
fn login(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse_or_empty(call.body)?;
    let accid = body.required_string("accid", 32)?.to_ascii_lowercase();
    let (name, number) = client_type(&body)?.unwrap_or_else(|| ("AOS".into(), 1));
    let device_id = body
        .string("device_id", 128)?
        .unwrap_or_else(|| format!("{}-device", name.to_ascii_lowercase()));
    let client_ip = body.string("client_ip", 64)?;
    let custom_tag = body.string("custom_tag", 1024)?;
    let time = call.now.saturating_mul(1000);
    {
        let mut accounts = lock(&state.accounts);
        let account = accounts
            .find_mut(&accid)
            .ok_or_else(|| ApiError::with_code(404, format!("no account {accid}")))?;
        account
            .sessions
            .retain(|s| !(s.client_type == number && s.device_id == device_id));
        account
            .sessions
            .push(Session::new(number, device_id.clone(), time));
    }
    let mut event = UserEvent::new(accid, 2, time, name);
    event.device_id = device_id;
    if let Some(ip) = client_ip {
        event.client_ip = ip;
    }
    let copy = copies::login_or_logout(&event, custom_tag.as_deref(), None);
    Ok(Reply::json(&announce(state, event, copy)))
}

/// `{"accid","client_type"?,"reason"?}`: the account's clients of that type (every client
/// when absent) log out for `reason` (1 logout, the default; 2 disconnected; 3 kicked by
/// its other device; 4 kicked by the multi-device policy). Each session ends with a logout
/// event and copy 3. Answers `{"copies":[{"queued","copy"}]}`; 404 for an unknown account,
/// 400 when no session matches.
fn logout(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse_or_empty(call.body)?;
    let accid = body.required_string("accid", 32)?.to_ascii_lowercase();
    let wanted = client_type(&body)?;
    let reason = body.int("reason", &[1, 2, 3, 4])?.unwrap_or(1);
    let reason = u8::try_from(reason).unwrap_or(1);
    let time = call.now.saturating_mul(1000);
    let ended: Vec<Session> = {
        let mut accounts = lock(&state.accounts);
        let account = accounts
            .find_mut(&accid)
            .ok_or_else(|| ApiError::with_code(404, format!("no account {accid}")))?;
        let matches = |s: &Session| wanted.as_ref().is_none_or(|(_, n)| s.client_type == *n);
        let ended = account
            .sessions
            .iter()
            .filter(|s| matches(s))
            .cloned()
            .collect();
        account.sessions.retain(|s| !matches(s));
        ended
    };
    if ended.is_empty() {
        let which = wanted
            .map(|(name, _)| format!("{name} "))
            .unwrap_or_default();
        return Err(ApiError::param(format!(
            "{accid} has no {which}session to end: log it in first"
        )));
    }
    let answers: Vec<Value> = ended
        .into_iter()
        .map(|s| {
            let mut event = UserEvent::new(
                accid.clone(),
                3,
                time,
                copies::client_type_name(s.client_type),
            );
            event.device_id = s.device_id;
            let copy = copies::login_or_logout(&event, None, Some(reason));
            announce(state, event, copy)
        })
        .collect();
    Ok(Reply::json(&json!({ "copies": answers })))
}
