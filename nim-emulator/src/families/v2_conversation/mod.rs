//! v2 conversations (`conversation`: 8 operations, `conversation_group`: 6,
//! `conversation_unread`: 2) on the conversation store, fed by the message store (see
//! [`conversations`](crate::conversations)): a message sent through any send path of
//! either protocol shows up here as the conversations of its sender and receivers.
//!
//! The two operations the official SDKs send with different methods are served with both:
//! batchGetConversations (`GET` with a query list, the docs and the Java SDK; `POST` with a
//! JSON body, the Go SDK) and stickTopConversation (`POST`, the docs and the Go SDK;
//! `PATCH`, the Java SDK).
//!
//! Codes: unknown conversation 414 (documented for getConversation; also a batch item's
//! code), unknown account 102404, unknown team 108404 (as the message family), unknown group
//! 414 (not documented: the emulator's choice), over a group limit 419 (not documented).
//!
//! Locks are taken in one order: accounts, teams, messages, conversations.

mod groups;
mod ops;
mod render;
mod unread;

use std::sync::{Arc, Mutex};

use crate::accounts::Accounts;
use crate::call::Call;
use crate::conversations::Conversations;
use crate::messages::{Conversation, Messages};
use crate::reply::ApiError;
use crate::router::{Registry, Route};
use crate::teams::Teams;

use super::v2_common::not_found;

/// What the conversation handlers borrow.
pub(super) struct State {
    accounts: Arc<Mutex<Accounts>>,
    teams: Arc<Mutex<Teams>>,
    messages: Arc<Mutex<Messages>>,
    conversations: Arc<Mutex<Conversations>>,
}

/// The most ids one batch takes: 100 documented for a group's conversations; assumed for
/// batchGet and batchDelete, whose limits are not documented.
const BATCH_MAX: usize = 100;

/// The longest conversation id: two 32-character accids (or an accid and a team id), the
/// type and two `|`.
const ID_MAX: usize = 67;

/// An unknown conversation (documented for getConversation).
const CONVERSATION_NOT_FOUND: u32 = 414;

const ONE: &str = "/im/v2/conversations/{conversation_id}";
const BY_IDS: &str = "/im/v2.1/conversations/actions/conversation_ids";
const STICK_TOP: &str = "/im/v2/conversations/{conversation_id}/actions/stick_top_conversation";
const GROUPS: &str = "/im/v2/conversation_groups";
const GROUP: &str = "/im/v2/conversation_groups/{group_id}";

const ROUTES: &[Route<State>] = &[
    Route::v2("POST", "/im/v2.1/conversations", ops::create),
    Route::v2("PATCH", ONE, ops::update),
    Route::v2("DELETE", ONE, ops::delete),
    Route::v2(
        "DELETE",
        "/im/v2/conversations/actions/conversation_ids",
        ops::batch_delete,
    ),
    Route::v2("GET", "/im/v2.1/conversations/{conversation_id}", ops::get),
    Route::v2("GET", BY_IDS, ops::batch_get),
    Route::v2("POST", BY_IDS, ops::batch_get),
    Route::v2("GET", "/im/v2.1/conversations", ops::list),
    Route::v2("POST", STICK_TOP, ops::stick_top),
    Route::v2("PATCH", STICK_TOP, ops::stick_top),
    Route::v2("POST", GROUPS, groups::create),
    Route::v2("PATCH", GROUP, groups::update),
    Route::v2("DELETE", GROUP, groups::delete),
    Route::v2("GET", GROUP, groups::get),
    Route::v2(
        "GET",
        "/im/v2/conversation_groups/actions/group_ids",
        groups::batch_get,
    ),
    Route::v2("GET", GROUPS, groups::list_all),
    Route::v2(
        "GET",
        "/im/v2/conversation_overviews/{account_id}",
        unread::overview,
    ),
    Route::v2(
        "PATCH",
        "/im/v2/conversations/{conversation_id}/actions/clear_conversation_unread",
        unread::clear,
    ),
];

/// Registers the 16 operations (18 routes: two served with both methods).
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        teams: registry.shared::<Teams>(),
        messages: registry.shared::<Messages>(),
        conversations: registry.shared::<Conversations>(),
    };
    registry.routes(state, ROUTES);
}

/// The `{conversation_id}` path parameter.
fn path_conversation(call: &Call<'_>) -> Result<Conversation, ApiError> {
    Conversation::parse("conversation_id", call.path_param("conversation_id"))
}

/// 102404 unless `accid` exists.
fn known_account(accounts: &Accounts, accid: &str) -> Result<(), ApiError> {
    if accounts.contains(accid) {
        Ok(())
    } else {
        Err(not_found(accid))
    }
}

/// 414 for conversation `id`.
fn no_conversation(id: &str) -> ApiError {
    ApiError::with_code(
        CONVERSATION_NOT_FOUND,
        format!("conversation not found: {id}"),
    )
}

/// Query parameter `name` as `true`/`false` (also `1`/`0`); absent is `false`.
fn q_flag(call: &Call<'_>, name: &str) -> Result<bool, ApiError> {
    match call.query_param(name).as_deref() {
        None | Some("false" | "0") => Ok(false),
        Some("true" | "1") => Ok(true),
        Some(_) => Err(ApiError::param(format!("{name} must be true or false"))),
    }
}
