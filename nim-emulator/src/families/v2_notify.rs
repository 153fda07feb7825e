//! v2 custom notifications (`custom_notification`, 2 operations). They are not messages: they
//! go to the notification log (`GET /_emulator/state/notifications`), like v1 `sendAttachMsg`.

use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use super::message_common::{known, notify, team};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::callbacks::Callbacks;
use crate::json_body::JsonBody;
use crate::lock;
use crate::notifications::{Notification, Notifications};
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};
use crate::teams::Teams;

/// The longest `content`.
const CONTENT_MAX: usize = 4096;
/// The most receivers of one batch (documented).
const BATCH_MAX: usize = 500;

struct State {
    accounts: Arc<Mutex<Accounts>>,
    teams: Arc<Mutex<Teams>>,
    notes: Arc<Mutex<Notifications>>,
    callbacks: Arc<Callbacks>,
}

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2/custom_notification", send),
    Route::v2("POST", "/im/v2/custom_notification/batch", send_batch),
];

/// Registers the 2 v2 custom-notification operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        teams: registry.shared::<Teams>(),
        notes: registry.shared::<Notifications>(),
        callbacks: registry.kept::<Callbacks>(),
    };
    registry.routes(state, ROUTES);
}

/// `sender_id`, `content`, `sound` and the option objects both share; answers the sender,
/// the content and whether it is kept offline.
fn common(body: &JsonBody) -> Result<(String, String, bool), ApiError> {
    let sender = body.required_string("sender_id", 32)?;
    check_accid("sender_id", &sender)?;
    let content = body.required_string("content", CONTENT_MAX)?;
    body.string("sound", 30)?;
    let offline = match body.object("notification_config")? {
        Some(config) => {
            config.bool("unread_enabled")?;
            config.bool("offline_enabled")?.unwrap_or(true)
        }
        None => true,
    };
    if let Some(push) = body.object("push_config")? {
        push.string("push_content", 500)?;
        push.string("push_payload", 2048)?;
        push.string("push_forcepush_content", 500)?;
        push.strings("push_forcepush_ids", 100, 32)?;
    }
    Ok((sender.to_ascii_lowercase(), content, offline))
}

/// `POST /im/v2/custom_notification`: `type` 1 to account `receiver_id`, 2/3 to a team
/// (108404 for no such team). data `{}`.
fn send(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let (sender, content, offline) = common(&body)?;
    let kind = body
        .int("type", &[1, 2, 3])?
        .ok_or_else(|| body.missing("type"))?;
    let receiver = body.required_string("receiver_id", 32)?;
    let receiver = if kind == 1 {
        check_accid("receiver_id", &receiver)?;
        receiver.to_ascii_lowercase()
    } else {
        receiver
    };
    {
        let accounts = lock(&state.accounts);
        known(&accounts, "sender_id", &sender).map_err(|r| r.v2())?;
        if kind == 1 {
            known(&accounts, "receiver_id", &receiver).map_err(|r| r.v2())?;
        } else {
            team(&lock(&state.teams), &receiver).map_err(|r| r.v2())?;
        }
    }
    notify(
        &mut lock(&state.notes),
        &state.callbacks,
        Notification {
            sender,
            receiver,
            conversation_type: u8::try_from(kind).unwrap_or(1),
            content,
            offline,
            via: "/im/v2/custom_notification".into(),
            time: call.now.saturating_mul(1000),
        },
    );
    Ok(Reply::ok_data(json!({})))
}

/// `POST /im/v2/custom_notification/batch`: to each of `receiver_ids` (at most 500). data
/// `success_list` (ids), `failed_list[{account_id, error_code: 102404, error_msg}]`.
fn send_batch(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let (sender, content, offline) = common(&body)?;
    let receivers = body
        .strings("receiver_ids", BATCH_MAX, 32)?
        .filter(|r| !r.is_empty())
        .ok_or_else(|| body.missing("receiver_ids"))?;
    for (i, r) in receivers.iter().enumerate() {
        check_accid(&format!("receiver_ids[{i}]"), r)?;
    }
    let mut success = Vec::new();
    let mut failed = Vec::new();
    {
        let accounts = lock(&state.accounts);
        known(&accounts, "sender_id", &sender).map_err(|r| r.v2())?;
        for r in receivers {
            let r = r.to_ascii_lowercase();
            match known(&accounts, "receiver_ids", &r) {
                Ok(()) => success.push(r),
                Err(refusal) => failed.push(json!({
                    "account_id": r,
                    "error_code": refusal.v2().code(),
                    "error_msg": "account not found",
                })),
            }
        }
    }
    let time = call.now.saturating_mul(1000);
    let mut notes = lock(&state.notes);
    for r in &success {
        notify(
            &mut notes,
            &state.callbacks,
            Notification {
                sender: sender.clone(),
                receiver: r.clone(),
                conversation_type: 1,
                content: content.clone(),
                offline,
                via: "/im/v2/custom_notification/batch".into(),
                time,
            },
        );
    }
    let success: Vec<Value> = success.into_iter().map(Value::String).collect();
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failed }),
    ))
}
