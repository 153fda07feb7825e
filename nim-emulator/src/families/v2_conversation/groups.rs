//! The six conversation-group operations.
//!
//! Limits: at most 100 ids per call (documented for create, applied to update too), and a
//! conversation in at most 5 groups (documented; a conversation over it fails alone, 419).
//! The most groups per account depends on the IM package; the emulator allows
//! [`GROUPS_MAX`] (a guess) and answers 419 beyond.

use serde_json::{Value, json};

use super::{BATCH_MAX, ID_MAX, State, known_account, no_conversation, render};
use crate::call::Call;
use crate::conversations::Conversations;
use crate::conversations::view::view;
use crate::families::v2_common::{body_account_id, query_account_id};
use crate::json_body::JsonBody;
use crate::lock;
use crate::messages::{Conversation, Messages};
use crate::reply::{ApiError, Reply};
use crate::teams::Teams;

/// The most groups one account may have (not documented: it depends on the package).
const GROUPS_MAX: usize = 100;

/// The most groups one conversation may be in (documented).
const GROUPS_PER_CONVERSATION: usize = 5;

/// Over a limit.
const OVER_LIMIT: u32 = 419;

/// 414 for group `id` (not documented: the emulator's choice, as for conversations).
fn no_group(id: u64) -> ApiError {
    ApiError::with_code(414, format!("conversation group not found: {id}"))
}

/// The `{group_id}` path parameter.
fn path_group(call: &Call<'_>) -> Result<u64, ApiError> {
    call.path_param("group_id")
        .parse()
        .map_err(|_| ApiError::param("group_id must be a non-negative integer"))
}

/// What one add or remove of a group's conversations did.
#[derive(Default)]
struct Outcome {
    success: Vec<Value>,
    failed: Vec<Value>,
}

impl Outcome {
    fn record(&mut self, text: &str, result: Result<(), ApiError>) {
        match result {
            Ok(()) => self.success.push(json!(text)),
            Err(err) => self.failed.push(json!({
                "conversation_id": text,
                "error_code": err.code(),
                "error_msg": err.desc(),
            })),
        }
    }

    fn answer(self, group: Value) -> Reply {
        Reply::ok_data(json!({
            "conversation_group": group,
            "success_list": self.success,
            "failed_list": self.failed,
        }))
    }
}

/// The stores a change of a group's conversations reads.
struct Stores<'a> {
    teams: &'a Teams,
    messages: &'a Messages,
    conversations: &'a mut Conversations,
}

impl Stores<'_> {
    /// Adds conversation `text` to `owner`'s group `group`: it must be the owner's and exist
    /// (414), and be in fewer than 5 groups (419). Already in it: nothing to do.
    fn add(&mut self, owner: &str, group: u64, text: &str) -> Result<(), ApiError> {
        let id = Conversation::parse("conversation_ids", text)?;
        if id.owner != owner {
            return Err(ApiError::param(format!(
                "{text} is not a conversation of {owner}"
            )));
        }
        if view(&id, self.conversations, self.messages, self.teams).is_none() {
            return Err(no_conversation(&id.id()));
        }
        let key = id.id();
        let groups = self.conversations.group_ids_of(owner, &key);
        if groups.contains(&group) {
            return Ok(());
        }
        if groups.len() >= GROUPS_PER_CONVERSATION {
            return Err(ApiError::with_code(
                OVER_LIMIT,
                format!("{key} is already in {GROUPS_PER_CONVERSATION} groups"),
            ));
        }
        let found = self.conversations.group_mut(owner, group);
        found
            .ok_or_else(|| no_group(group))?
            .conversations
            .push(key);
        Ok(())
    }

    /// Removes conversation `text` from the group; 414 when it is not in it.
    fn remove(&mut self, owner: &str, group: u64, text: &str) -> Result<(), ApiError> {
        let key = Conversation::parse("conversation_ids", text)?.id();
        let found = self.conversations.group_mut(owner, group);
        let members = &mut found.ok_or_else(|| no_group(group))?.conversations;
        let before = members.len();
        members.retain(|c| *c != key);
        if members.len() == before {
            return Err(no_conversation(&format!("{key} in group {group}")));
        }
        Ok(())
    }
}

/// A body's `conversation_ids`: at most [`BATCH_MAX`] strings.
fn body_ids(body: &JsonBody) -> Result<Option<Vec<String>>, ApiError> {
    body.strings("conversation_ids", BATCH_MAX, ID_MAX)
}

/// `POST /im/v2/conversation_groups` `{account_id, name, server_extension?, conversation_ids?}`.
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let owner = body_account_id(&body, "account_id")?;
    // Name and extension lengths are not documented: only the body limit bounds them.
    let name = body.required_string("name", usize::MAX)?;
    let ext = body.string("server_extension", usize::MAX)?;
    let ids = body_ids(&body)?.unwrap_or_default();
    known_account(&lock(&state.accounts), &owner)?;
    let teams = lock(&state.teams);
    let mut messages = lock(&state.messages);
    let mut conversations = lock(&state.conversations);
    if conversations.groups_of(&owner).len() >= GROUPS_MAX {
        return Err(ApiError::with_code(
            OVER_LIMIT,
            format!("{owner} already has {GROUPS_MAX} conversation groups"),
        ));
    }
    let time = messages.tick(call.now);
    let group = conversations.add_group(&owner, name, ext, time);
    let mut stores = Stores {
        teams: &teams,
        messages: &messages,
        conversations: &mut conversations,
    };
    let mut outcome = Outcome::default();
    for text in ids {
        let result = stores.add(&owner, group, &text);
        outcome.record(&text, result);
    }
    let shown = conversations.group(&owner, group).map(render::group);
    Ok(outcome.answer(shown.unwrap_or_default()))
}

/// `PATCH /im/v2/conversation_groups/{group_id}` `{account_id, name?, server_extension?,
/// conversations?: {type: 1 add | 2 remove, conversation_ids}}`.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let group = path_group(call)?;
    let body = call.json()?;
    let owner = body_account_id(&body, "account_id")?;
    let name = body.string("name", usize::MAX)?;
    if name.as_deref() == Some("") {
        return Err(ApiError::param("name must not be empty"));
    }
    let ext = body.string("server_extension", usize::MAX)?;
    let change = match body.object("conversations")? {
        Some(change) => {
            let add = change
                .int("type", &[1, 2])?
                .ok_or_else(|| change.missing("type"))?
                == 1;
            let ids = body_ids(&change)?
                .filter(|ids| !ids.is_empty())
                .ok_or_else(|| change.missing("conversation_ids"))?;
            Some((add, ids))
        }
        None => None,
    };
    known_account(&lock(&state.accounts), &owner)?;
    let teams = lock(&state.teams);
    let mut messages = lock(&state.messages);
    let mut conversations = lock(&state.conversations);
    if conversations.group(&owner, group).is_none() {
        return Err(no_group(group));
    }
    let time = messages.tick(call.now);
    if let Some(found) = conversations.group_mut(&owner, group) {
        if let Some(name) = name {
            found.name = name;
        }
        if let Some(ext) = ext {
            found.server_extension = (!ext.is_empty()).then_some(ext);
        }
        found.update_time = time;
    }
    let mut outcome = Outcome::default();
    if let Some((add, ids)) = change {
        let mut stores = Stores {
            teams: &teams,
            messages: &messages,
            conversations: &mut conversations,
        };
        for text in ids {
            let result = if add {
                stores.add(&owner, group, &text)
            } else {
                stores.remove(&owner, group, &text)
            };
            outcome.record(&text, result);
        }
    }
    let shown = conversations.group(&owner, group).map(render::group);
    Ok(outcome.answer(shown.unwrap_or_default()))
}

/// `DELETE /im/v2/conversation_groups/{group_id}?account_id=`: its conversations stay.
pub(super) fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let group = path_group(call)?;
    let owner = query_account_id(call, "account_id")?;
    known_account(&lock(&state.accounts), &owner)?;
    if !lock(&state.conversations).remove_group(&owner, group) {
        return Err(no_group(group));
    }
    Ok(Reply::ok_data(json!({})))
}

/// `GET /im/v2/conversation_groups/{group_id}?account_id=`.
pub(super) fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let group = path_group(call)?;
    let owner = query_account_id(call, "account_id")?;
    known_account(&lock(&state.accounts), &owner)?;
    let conversations = lock(&state.conversations);
    let found = conversations
        .group(&owner, group)
        .ok_or_else(|| no_group(group))?;
    Ok(Reply::ok_data(render::group(found)))
}

/// `GET /im/v2/conversation_groups/actions/group_ids?account_id=&group_ids=1,2`: data
/// `{success_list: [group], failed_list: [{group_id, error_code, error_msg}]}` (the Go SDK's
/// keys; the Java SDK reads `fail_list` with `code`/`msg`).
pub(super) fn batch_get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = query_account_id(call, "account_id")?;
    let ids = crate::families::v2_common::query_ids(call, "group_ids")?;
    let ids: Vec<u64> = ids
        .iter()
        .map(|id| id.parse())
        .collect::<Result<_, _>>()
        .map_err(|_| ApiError::param("group_ids must be comma-separated integers"))?;
    known_account(&lock(&state.accounts), &owner)?;
    let conversations = lock(&state.conversations);
    let mut success = Vec::new();
    let mut failures = Vec::new();
    for id in ids {
        match conversations.group(&owner, id) {
            Some(found) => success.push(render::group(found)),
            None => {
                let err = no_group(id);
                failures.push(json!({
                    "group_id": id, "error_code": err.code(), "error_msg": err.desc(),
                }));
            }
        }
    }
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failures }),
    ))
}

/// `GET /im/v2/conversation_groups?account_id=`: data `{conversation_groups: [group]}`,
/// oldest first.
pub(super) fn list_all(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = query_account_id(call, "account_id")?;
    known_account(&lock(&state.accounts), &owner)?;
    let conversations = lock(&state.conversations);
    let groups: Vec<Value> = conversations
        .groups_of(&owner)
        .into_iter()
        .map(render::group)
        .collect();
    Ok(Reply::ok_data(json!({ "conversation_groups": groups })))
}
