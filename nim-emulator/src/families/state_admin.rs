//! Admin views and setters of the account store: `/_emulator/state/accounts...`.

use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::accounts::{Accounts, Session};
use crate::call::Call;
use crate::json_body::JsonBody;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::views;

/// The most sessions one account may be given.
const MAX_SESSIONS: usize = 64;

struct State {
    accounts: Arc<Mutex<Accounts>>,
}

const ROUTES: &[Route<State>] = &[
    Route::admin("GET", "/_emulator/state/accounts", list),
    Route::admin("GET", "/_emulator/state/accounts/{accid}", get),
    Route::admin(
        "PUT",
        "/_emulator/state/accounts/{accid}/online_status",
        set_online,
    ),
];

/// Registers the account views.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
    };
    registry.routes(state, ROUTES);
}

fn unknown(accid: &str) -> ApiError {
    ApiError::with_code(404, format!("no account {accid}"))
}

/// Every account, sorted by accid.
fn list(_: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let all = lock(&state.accounts).all();
    Ok(Reply::json(&Value::Array(
        all.iter().map(views::admin).collect(),
    )))
}

/// One account, everything stored about it; 404 if unknown.
fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = call.path_param("accid");
    let accounts = lock(&state.accounts);
    let a = accounts.find(accid).ok_or_else(|| unknown(accid))?;
    Ok(Reply::json(&views::admin(a)))
}

/// `{"sessions":[{"client_type":1,"device_id":"d1","login_time":1700000000000?}]}` replaces
/// the account's online sessions (`[]`: offline). `login_time` defaults to the state clock,
/// in ms. Answers the account.
fn set_online(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = call.path_param("accid");
    let body = JsonBody::parse_or_empty(call.body)?;
    let items = body
        .objects("sessions")?
        .ok_or_else(|| body.missing("sessions"))?;
    if items.len() > MAX_SESSIONS {
        return Err(ApiError::param(format!(
            "sessions: at most {MAX_SESSIONS} allowed"
        )));
    }
    let mut sessions = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let client_type = item
            .uint("client_type")?
            .and_then(|t| u32::try_from(t).ok())
            .ok_or_else(|| item.missing("client_type"))?;
        let device_id = item
            .string("device_id", 128)?
            .unwrap_or_else(|| format!("device-{i}"));
        let login_time = item
            .uint("login_time")?
            .unwrap_or_else(|| call.now.saturating_mul(1000));
        sessions.push(Session::new(client_type, device_id, login_time));
    }
    let mut accounts = lock(&state.accounts);
    let a = accounts.find_mut(accid).ok_or_else(|| unknown(accid))?;
    a.sessions = sessions;
    Ok(Reply::json(&views::admin(a)))
}
