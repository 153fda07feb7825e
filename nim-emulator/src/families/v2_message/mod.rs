//! v2 messages (`message`, 17 operations) on the shared message store: a message sent here is
//! the message v1 `history/*` finds, and the reverse.
//!
//! Locks are taken in one order: accounts, friends, teams, messages.

mod comments;
mod modify;
mod query;
mod receipts;
mod search;
mod send;
mod stream;
mod withdraw;

use std::sync::{Arc, Mutex};

use crate::accounts::Accounts;
use crate::call::Call;
use crate::callbacks::Callbacks;
use crate::friends::Friends;
use crate::messages::{Conversation, Messages};
use crate::reply::ApiError;
use crate::router::{Registry, Route};
use crate::teams::Teams;

/// What the v2 message handlers borrow.
pub(super) struct State {
    accounts: Arc<Mutex<Accounts>>,
    friends: Arc<Mutex<Friends>>,
    teams: Arc<Mutex<Teams>>,
    messages: Arc<Mutex<Messages>>,
    callbacks: Arc<Callbacks>,
}

const CONV_MESSAGES: &str = "/im/v2/conversations/{conversation_id}/messages";
const QUICK_COMMENT: &str = "/im/v2/messages/actions/quick_comment";
const READ_TEAM: &str = "/im/v2/messages/actions/team_read_receipt";

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", CONV_MESSAGES, send::send_message),
    Route::v2("POST", "/im/v2/conversations/messages", send::batch_send),
    Route::v2(
        "POST",
        "/im/v2/conversations/{conversation_id}/messages/actions/stream_message",
        stream::stream_message,
    ),
    Route::v2(
        "POST",
        "/im/v2/messages/actions/modifyMsg",
        modify::modify_message,
    ),
    Route::v2(
        "DELETE",
        "/im/v2/conversations/{conversation_id}/messages/{message_server_id}",
        withdraw::withdraw,
    ),
    Route::v2(
        "DELETE",
        CONV_MESSAGES,
        withdraw::delete_conversation_messages,
    ),
    Route::v2(
        "POST",
        "/im/v2/messages/actions/p2p_read_receipt",
        receipts::p2p_receipt,
    ),
    Route::v2("POST", READ_TEAM, receipts::team_receipt),
    Route::v2("GET", READ_TEAM, receipts::query_team_receipt),
    Route::v2(
        "GET",
        "/im/v2.1/conversations/{conversation_id}/messages/{message_server_id}",
        query::query_message,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/messages/actions/search_messages",
        search::search,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/conversations/{conversation_id}/messages",
        query::by_page,
    ),
    Route::v2(
        "POST",
        "/im/v2.1/conversations/{conversation_id}/batch_messages",
        query::batch_query,
    ),
    Route::v2(
        "GET",
        "/im/v2.1/messages/actions/thread_messages",
        search::thread,
    ),
    Route::v2("PATCH", QUICK_COMMENT, comments::add),
    Route::v2("DELETE", QUICK_COMMENT, comments::delete),
    Route::v2("POST", QUICK_COMMENT, comments::batch_query),
];

/// Registers the 17 v2 message operations.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        friends: registry.shared::<Friends>(),
        teams: registry.shared::<Teams>(),
        messages: registry.shared::<Messages>(),
        callbacks: registry.kept::<Callbacks>(),
    };
    registry.routes(state, ROUTES);
}

/// The `{conversation_id}` path parameter.
fn path_conversation(call: &Call<'_>) -> Result<Conversation, ApiError> {
    Conversation::parse("conversation_id", call.path_param("conversation_id"))
}

/// The `{message_server_id}` path parameter.
fn path_message_id(call: &Call<'_>) -> Result<u64, ApiError> {
    call.path_param("message_server_id")
        .parse()
        .map_err(|_| ApiError::param("message_server_id must be a non-negative integer"))
}

/// Query parameter `name` as a non-negative integer, if given.
fn q_u64(call: &Call<'_>, name: &str) -> Result<Option<u64>, ApiError> {
    match call.query_param(name) {
        None => Ok(None),
        Some(text) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| ApiError::param(format!("{name} must be a non-negative integer"))),
    }
}

/// Query parameter `name` as a required non-negative integer.
fn q_u64_req(call: &Call<'_>, name: &str) -> Result<u64, ApiError> {
    q_u64(call, name)?.ok_or_else(|| ApiError::param(format!("{name} is required")))
}

/// Query parameter `name` as a boolean: `true`/`false` (also `1`/`0`, as the Java SDK types
/// some flags as integers).
fn q_bool(call: &Call<'_>, name: &str) -> Result<Option<bool>, ApiError> {
    match call.query_param(name).as_deref() {
        None => Ok(None),
        Some("true" | "1") => Ok(Some(true)),
        Some("false" | "0") => Ok(Some(false)),
        Some(_) => Err(ApiError::param(format!("{name} must be true or false"))),
    }
}

/// `limit` 1..=100 from the query; `default` when absent (`None`: required).
fn q_limit(call: &Call<'_>, default: Option<u64>) -> Result<usize, ApiError> {
    let limit = match (q_u64(call, "limit")?, default) {
        (Some(n), _) => n,
        (None, Some(d)) => d,
        (None, None) => return Err(ApiError::param("limit is required")),
    };
    if limit == 0 || limit > 100 {
        return Err(ApiError::param(format!(
            "limit must be 1 to 100, not {limit}"
        )));
    }
    Ok(usize::try_from(limit).unwrap_or(100))
}

/// A comma list of message types from the query, if given.
fn q_types(call: &Call<'_>, name: &str) -> Result<Option<Vec<u32>>, ApiError> {
    let Some(text) = call.query_param(name) else {
        return Ok(None);
    };
    text.split(',')
        .filter(|t| !t.trim().is_empty())
        .map(|t| t.trim().parse::<u32>())
        .collect::<Result<Vec<u32>, _>>()
        .map(Some)
        .map_err(|_| ApiError::param(format!("{name} must be a comma-separated list of integers")))
}
