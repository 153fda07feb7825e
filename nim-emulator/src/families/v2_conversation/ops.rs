//! The eight conversation operations.

use serde_json::{Map, Value, json};

use super::{
    BATCH_MAX, ID_MAX, State, known_account, no_conversation, path_conversation, q_flag, render,
};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::conversations::Conversations;
use crate::conversations::view::{all_of, view};
use crate::families::v2_common::query_account_id;
use crate::lock;
use crate::messages::{Conversation, Messages};
use crate::reply::{ApiError, Reply};
use crate::teams::{TeamError, Teams};

/// The most conversations one list page holds (its limit is not documented).
const PAGE_MAX: usize = 100;

/// v2: the team does not exist (as the message family answers it).
const TEAM_NOT_FOUND: u32 = 108404;

/// Both sides of `id` must exist: the owner and a 1:1 peer as accounts (102404), a team
/// peer as a team of the id's kind (108404) that the owner is in (109404, the team family's
/// "not a member": an outsider has no conversation with a team).
fn check_sides(accounts: &Accounts, teams: &Teams, id: &Conversation) -> Result<(), ApiError> {
    known_account(accounts, &id.owner)?;
    if id.kind == 1 {
        return known_account(accounts, &id.peer);
    }
    let team = id.peer.parse::<u64>().ok().and_then(|tid| teams.any(tid));
    match team {
        Some(team) if team.kind.conversation() == id.kind => {
            if team.members.contains_key(&id.owner) {
                Ok(())
            } else {
                let outsider = TeamError::NotMember {
                    tid: team.tid,
                    accid: id.owner.clone(),
                };
                Err(outsider.v2())
            }
        }
        _ => Err(ApiError::with_code(
            TEAM_NOT_FOUND,
            format!("team not found: {}", id.peer),
        )),
    }
}

/// Only `keys` of a rendered conversation (update and stickTop answer subsets).
fn only(full: Value, keys: &[&str]) -> Value {
    let Value::Object(map) = full else {
        return full;
    };
    let kept: Map<String, Value> = map
        .into_iter()
        .filter(|(k, _)| keys.contains(&k.as_str()))
        .collect();
    Value::Object(kept)
}

/// The current JSON of `id`, or 414.
fn rendered(
    id: &Conversation,
    conversations: &Conversations,
    messages: &Messages,
    teams: &Teams,
) -> Result<Value, ApiError> {
    let found =
        view(id, conversations, messages, teams).ok_or_else(|| no_conversation(&id.id()))?;
    Ok(render::conversation(&found, conversations))
}

/// `POST /im/v2.1/conversations` `{conversation_id}`: creates it unless the owner has it;
/// answers it either way.
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let text = body.required_string("conversation_id", ID_MAX)?;
    let id = Conversation::parse(&body.field("conversation_id"), &text)?;
    let accounts = lock(&state.accounts);
    let teams = lock(&state.teams);
    check_sides(&accounts, &teams, &id)?;
    let mut messages = lock(&state.messages);
    let mut conversations = lock(&state.conversations);
    if view(&id, &conversations, &messages, &teams).is_none() {
        let time = messages.tick(call.now);
        conversations.record_mut(&id.id()).created = Some(time);
    }
    rendered(&id, &conversations, &messages, &teams).map(Reply::ok_data)
}

/// `PATCH /im/v2/conversations/{id}` `{server_extension}` (empty clears it).
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_conversation(call)?;
    let body = call.json()?;
    // Its length limit is not documented: only the body limit bounds it.
    let ext = body
        .string("server_extension", usize::MAX)?
        .ok_or_else(|| body.missing("server_extension"))?;
    let teams = lock(&state.teams);
    let mut messages = lock(&state.messages);
    let mut conversations = lock(&state.conversations);
    rendered(&id, &conversations, &messages, &teams)?;
    let time = messages.tick(call.now);
    let record = conversations.record_mut(&id.id());
    record.server_extension = (!ext.is_empty()).then_some(ext);
    record.touched = time;
    let full = rendered(&id, &conversations, &messages, &teams)?;
    Ok(Reply::ok_data(only(
        full,
        &[
            "conversation_id",
            "sender_id",
            "receiver_id",
            "type",
            "server_extension",
            "update_time",
        ],
    )))
}

/// Deletes `id` for its owner (414 when it has none); with `clear`, the owner's copies of
/// its messages go from history too.
fn delete_one(id: &Conversation, clear: bool, now: u64, state: &State) -> Result<(), ApiError> {
    let teams = lock(&state.teams);
    let mut messages = lock(&state.messages);
    let mut conversations = lock(&state.conversations);
    if view(id, &conversations, &messages, &teams).is_none() {
        return Err(no_conversation(&id.id()));
    }
    let time = messages.tick(now);
    conversations.delete(&id.owner, &id.id(), time);
    if clear {
        messages.each_mut(|m| {
            if id.contains(m) {
                m.cleared_for.insert(id.owner.clone());
            }
        });
    }
    Ok(())
}

/// `DELETE /im/v2/conversations/{id}?clear_message=`: data `{}`.
pub(super) fn delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_conversation(call)?;
    let clear = q_flag(call, "clear_message")?;
    delete_one(&id, clear, call.now, state)?;
    Ok(Reply::ok_data(json!({})))
}

/// One `failed_list` item.
fn failed(id: &str, err: &ApiError) -> Value {
    json!({ "conversation_id": id, "error_code": err.code(), "error_msg": err.desc() })
}

/// The ids of a batch: the comma-joined query list `conversation_ids`, or (a POST, as the
/// Go SDK sends batchGet) the body's array; 1 to [`BATCH_MAX`].
fn batch_ids(call: &Call<'_>) -> Result<Vec<String>, ApiError> {
    let ids: Vec<String> = match call.query_param("conversation_ids") {
        Some(text) => text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        None => call
            .json()?
            .strings("conversation_ids", BATCH_MAX, ID_MAX)?
            .unwrap_or_default(),
    };
    if ids.is_empty() {
        return Err(ApiError::param("conversation_ids is required"));
    }
    if ids.len() > BATCH_MAX {
        return Err(ApiError::param(format!(
            "conversation_ids has {} items, at most {BATCH_MAX} allowed",
            ids.len()
        )));
    }
    Ok(ids)
}

/// `DELETE /im/v2/conversations/actions/conversation_ids?conversation_ids=a,b&clear_message=`:
/// data `{success_list: [id], failed_list: [{conversation_id, error_code, error_msg}]}`.
pub(super) fn batch_delete(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let ids = batch_ids(call)?;
    let clear = q_flag(call, "clear_message")?;
    let mut success = Vec::new();
    let mut failures = Vec::new();
    for text in ids {
        let done = Conversation::parse("conversation_ids", &text)
            .and_then(|id| delete_one(&id, clear, call.now, state));
        match done {
            Ok(()) => success.push(json!(text)),
            Err(err) => failures.push(failed(&text, &err)),
        }
    }
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failures }),
    ))
}

/// `GET /im/v2.1/conversations/{id}`: the conversation, or 414.
pub(super) fn get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_conversation(call)?;
    let teams = lock(&state.teams);
    let messages = lock(&state.messages);
    let conversations = lock(&state.conversations);
    rendered(&id, &conversations, &messages, &teams).map(Reply::ok_data)
}

/// `GET` (query list) or `POST` (JSON body) `/im/v2.1/conversations/actions/conversation_ids`:
/// data `{success_list: [conversation], failed_list: [...]}`.
pub(super) fn batch_get(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let ids = batch_ids(call)?;
    let teams = lock(&state.teams);
    let messages = lock(&state.messages);
    let conversations = lock(&state.conversations);
    let mut success = Vec::new();
    let mut failures = Vec::new();
    for text in ids {
        let found = Conversation::parse("conversation_ids", &text)
            .and_then(|id| rendered(&id, &conversations, &messages, &teams));
        match found {
            Ok(conversation) => success.push(conversation),
            Err(err) => failures.push(failed(&text, &err)),
        }
    }
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failures }),
    ))
}

/// `GET /im/v2.1/conversations?account_id=&page_token=&limit=`: pinned first, then the most
/// recently changed; the token is the last conversation given (`<sort order>:<id>`), so a
/// conversation that moves up between two pages (a new message) is not given twice, and
/// none below the cut is skipped.
pub(super) fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = query_account_id(call, "account_id")?;
    let limit = match call.query_param("limit") {
        None => PAGE_MAX,
        Some(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| ApiError::param("limit must be a positive integer"))?
            .min(PAGE_MAX),
    };
    let after = match call.query_param("page_token").filter(|t| !t.is_empty()) {
        None => None,
        Some(text) => {
            let cursor = text
                .split_once(':')
                .and_then(|(order, id)| Some((order.parse::<u64>().ok()?, id.to_owned())));
            Some(cursor.ok_or_else(|| {
                ApiError::param("page_token is not a token this server gave out: use next_token")
            })?)
        }
    };
    let accounts = lock(&state.accounts);
    known_account(&accounts, &owner)?;
    let teams = lock(&state.teams);
    let messages = lock(&state.messages);
    let conversations = lock(&state.conversations);
    let mut views = all_of(&owner, &conversations, &messages, &teams);
    views.sort_by(|a, b| {
        render::sort_order(b)
            .cmp(&render::sort_order(a))
            .then_with(|| a.id.id().cmp(&b.id.id()))
    });
    // After the cursor in the list's order: a lower sort order, or the same and a later id.
    let rest: Vec<_> = views
        .iter()
        .filter(|v| match &after {
            None => true,
            Some((order, id)) => {
                let mine = render::sort_order(v);
                mine < *order || (mine == *order && v.id.id() > *id)
            }
        })
        .collect();
    let page = &rest[..limit.min(rest.len())];
    let items: Vec<Value> = page
        .iter()
        .map(|v| render::conversation(v, &conversations))
        .collect();
    let has_more = rest.len() > page.len();
    let next = match page.last() {
        Some(last) if has_more => format!("{}:{}", render::sort_order(last), last.id.id()),
        _ => String::new(),
    };
    Ok(Reply::ok_data(
        json!({ "has_more": has_more, "next_token": next, "items": items }),
    ))
}

/// `POST` (or the Java SDK's `PATCH`) `.../{id}/actions/stick_top_conversation`
/// `{top_type: 0 | 1}`.
pub(super) fn stick_top(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let id = path_conversation(call)?;
    let body = call.json()?;
    let pin = body
        .int("top_type", &[0, 1])?
        .ok_or_else(|| body.missing("top_type"))?
        == 1;
    let teams = lock(&state.teams);
    let mut messages = lock(&state.messages);
    let mut conversations = lock(&state.conversations);
    rendered(&id, &conversations, &messages, &teams)?;
    let time = messages.tick(call.now);
    let record = conversations.record_mut(&id.id());
    record.stick_top = match (pin, record.stick_top) {
        (true, Some(since)) => Some(since),
        (true, None) => Some(time),
        (false, _) => None,
    };
    record.touched = time;
    let full = rendered(&id, &conversations, &messages, &teams)?;
    Ok(Reply::ok_data(only(
        full,
        &[
            "type",
            "conversation_id",
            "sender_id",
            "receiver_id",
            "stick_top",
            "sort_order",
            "update_time",
        ],
    )))
}
