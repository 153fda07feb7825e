//! Admin view and knob of the signalling store: `GET /_emulator/state/signalling` shows a
//! room with its pending invitations, `POST /_emulator/state/signalling_join` stands in for
//! a client joining one (the server API has no join). Refusals are admin errors
//! (`{"error"}`, HTTP 400) whose text ends with the code a client would get, e.g.
//! `"channel x does not exist, or is closed or expired (10404)"`.

use serde_json::json;

use super::signal_common::{State, now};
use crate::call::Call;
use crate::json_body::JsonBody;
use crate::lock;
use crate::params::{ACCID_MAX, check_accid};
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// A device id's bound, in characters (undocumented: the emulator's bound).
const DEVICE_ID_MAX: usize = 128;

const ROUTES: &[Route<State>] = &[
    Route::admin("GET", "/_emulator/state/signalling", room),
    Route::admin("POST", "/_emulator/state/signalling_join", join),
];

/// Registers the signalling admin routes.
pub(super) fn register(registry: &mut Registry) {
    let state = State::shared(registry);
    registry.routes(state, ROUTES);
}

/// A store refusal as an admin error: the reason, then the code in parentheses.
fn refusal(e: ApiError) -> ApiError {
    let code = e.code();
    ApiError::with_code(code, format!("{} ({code})", e.desc()))
}

/// `?channel_id=` or `?channel_name=`: the open room as v2 answers it, plus
/// `invitations[{request_id, inviter, invitee, expire_time}]` (the pending ones).
fn room(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = call.query_param("channel_id");
    let name = call.query_param("channel_name");
    let now = now(call);
    let mut store = state.store();
    let room = store
        .find(id.as_deref(), name.as_deref(), now)
        .map_err(refusal)?;
    Ok(Reply::json(&room.admin()))
}

/// `{"channel_id","accid","device_id"?}`: the account's client joins the open room (the
/// device `web` by default). A registered account (400 otherwise); refused with 10404 (no
/// room), 10407 (already in it), 10419 (full). Answers the member `{account_id, uid,
/// device_id, join_time}`.
fn join(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = JsonBody::parse(call.body)?;
    let id = body.required_string("channel_id", 128)?;
    let accid = body.required_string("accid", ACCID_MAX)?;
    check_accid("accid", &accid)?;
    let accid = accid.to_ascii_lowercase();
    let device = body
        .string("device_id", DEVICE_ID_MAX)?
        .unwrap_or_else(|| "web".to_owned());
    if !lock(&state.accounts).contains(&accid) {
        return Err(ApiError::param(format!("accid {accid} is not registered")));
    }
    let now = now(call);
    let member = state
        .store()
        .join(&id, &accid, &device, now)
        .map_err(refusal)?;
    Ok(Reply::json(&json!({
        "account_id": member.accid, "uid": member.uid,
        "device_id": member.device_id, "join_time": member.join_time,
    })))
}
