//! Sending: `sendMessage` (to a conversation) and `batchSendP2PMessage` (1:1 to many).

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{State, path_conversation};
use crate::call::Call;
use crate::families::message_common::{Refusal, friend_check, may_send, may_send_with, store};
use crate::json_body::JsonBody;
use crate::lock;
use crate::message_content::{self, CLIENT_ID_MAX, Content, EXT_MAX, SENDABLE_TYPES, v2_view};
use crate::messages::{CLIENT_TYPE_REST, Message};
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::teams::SpeakChecks;

/// The most receivers of one batch (documented).
const BATCH_MAX: usize = 100;

/// What a send body says besides where it goes.
pub(super) struct Draft {
    content: Content,
    client_id: Option<String>,
    extension: Option<String>,
    sender_no_sense: bool,
    receiver_no_sense: bool,
    thread_root: Option<u64>,
    /// `p2p_option.check_friend`: deliver only if the receiver has the sender as a friend.
    check_friend: bool,
    /// The checks `team_option` leaves on for an advanced-team message.
    team_checks: SpeakChecks,
    /// `team_option.mark_as_read`: an advanced-team message whose readers are recorded.
    mark_as_read: bool,
    /// The checks `superteam_option` leaves on for a super-team message.
    super_checks: SpeakChecks,
    /// `message_config.unread_enabled: false`: not counted as unread.
    uncounted: bool,
    /// `message_config.conversation_update_enabled: false`: the conversation is not updated.
    no_conversation_update: bool,
}

impl Draft {
    /// Reads `message` (required) and the options the emulator keeps or checks.
    pub(super) fn parse(body: &JsonBody) -> Result<Draft, ApiError> {
        let message = body
            .object("message")?
            .ok_or_else(|| body.missing("message"))?;
        let content = message_content::from_v2(&message, SENDABLE_TYPES)?;
        let client_id = message
            .string("message_client_id", CLIENT_ID_MAX)?
            .filter(|c| !c.is_empty());
        let extension = body.string("extension", EXT_MAX)?;
        let sender_no_sense = body.bool("sender_no_sense")?.unwrap_or(false);
        let receiver_no_sense = body.bool("receiver_no_sense")?.unwrap_or(false);
        if sender_no_sense && receiver_no_sense {
            return Err(ApiError::param(
                "sender_no_sense and receiver_no_sense cannot both be true",
            ));
        }
        if let Some(push) = body.object("push_config")? {
            push.bool("push_enabled")?;
            push.string("push_content", 500)?;
            push.string("push_payload", 2048)?;
            push.string("push_forcepush_content", 500)?;
            push.strings("push_forcepush_ids", 100, 32)?;
        }
        let thread_root = match body.object("thread_config")? {
            Some(thread) => match thread.object("thread_root")? {
                Some(root) => Some(
                    root.uint("message_server_id")?
                        .ok_or_else(|| root.missing("message_server_id"))?,
                ),
                None => None,
            },
            None => None,
        };
        let check_friend = match body.object("p2p_option")? {
            Some(p2p) => p2p.bool("check_friend")?.unwrap_or(false),
            None => false,
        };
        let team_option = body.object("team_option")?;
        let (mut uncounted, mut no_conversation_update) = (false, false);
        if let Some(config) = body.object("message_config")? {
            uncounted = config.bool("unread_enabled")? == Some(false);
            no_conversation_update = config.bool("conversation_update_enabled")? == Some(false);
            for switch in [
                "mutil_sync_enabled",
                "offline_enabled",
                "history_enabled",
                "roaming_enabled",
            ] {
                config.bool(switch)?;
            }
        }
        Ok(Draft {
            uncounted,
            no_conversation_update,
            check_friend,
            team_checks: speak_checks(team_option.as_ref())?,
            mark_as_read: match &team_option {
                Some(option) => option.bool("mark_as_read")?.unwrap_or(false),
                None => false,
            },
            super_checks: speak_checks(body.object("superteam_option")?.as_ref())?,
            content,
            client_id,
            extension,
            sender_no_sense,
            receiver_no_sense,
            thread_root,
        })
    }

    /// The team checks a message in a conversation of `kind` passes (all for 1:1 chats).
    pub(super) fn checks(&self, kind: u8) -> SpeakChecks {
        match kind {
            2 => self.team_checks,
            3 => self.super_checks,
            _ => SpeakChecks::ALL,
        }
    }

    /// The record from `sender` to `receiver` in a conversation of `kind`, not yet stored.
    pub(super) fn record(&self, sender: &str, kind: u8, receiver: &str) -> Message {
        let mut m = Message {
            sender: sender.to_owned(),
            receiver: receiver.to_owned(),
            conversation_type: kind,
            client_id: self.client_id.clone().unwrap_or_default(),
            extension: self.extension.clone(),
            sender_client_type: CLIENT_TYPE_REST,
            thread_root: self.thread_root,
            ..Message::default()
        };
        self.content.clone().apply(&mut m);
        let mut no_sense = BTreeSet::new();
        if self.sender_no_sense {
            no_sense.insert(sender.to_owned());
        }
        if self.receiver_no_sense && kind == 1 {
            no_sense.insert(receiver.to_owned());
        }
        m.no_sense_for = no_sense;
        m.uncounted = self.uncounted;
        m.no_conversation_update = self.no_conversation_update;
        if self.mark_as_read && kind == 2 {
            m.read_by = Some(BTreeSet::new());
        }
        m
    }
}

/// The checks a send's `team_option` or `superteam_option` leaves on: `ignore_chat_banned`
/// skips the team's mute, `ignore_member_chat_banned` the sender's own, and
/// `check_team_member_valid: false` lets a non-member send (each off by default).
pub(super) fn speak_checks(option: Option<&JsonBody>) -> Result<SpeakChecks, ApiError> {
    let Some(option) = option else {
        return Ok(SpeakChecks::ALL);
    };
    Ok(SpeakChecks {
        team_mute: !option.bool("ignore_chat_banned")?.unwrap_or(false),
        member_mute: !option.bool("ignore_member_chat_banned")?.unwrap_or(false),
        membership: option.bool("check_team_member_valid")?.unwrap_or(true),
    })
}

/// `POST /im/v2/conversations/{sender|type|receiver}/messages`: data is the stored message
/// (`message_server_id`, `message_client_id`, `sender_id`, `conversation_type`,
/// `receiver_id`, `create_time`, `message_type`, `sub_type`, `text`, `attachment`, ...).
pub(super) fn send_message(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let conversation = path_conversation(call)?;
    let body = call.json()?;
    let draft = Draft::parse(&body)?;
    {
        let accounts = lock(&state.accounts);
        let friends = lock(&state.friends);
        let teams = lock(&state.teams);
        may_send_with(
            &accounts,
            &teams,
            ("sender", &conversation.owner),
            conversation.kind,
            ("receiver", &conversation.peer),
            draft.checks(conversation.kind),
        )
        .and_then(|()| {
            friend_check(
                &friends,
                draft.check_friend,
                &conversation.owner,
                conversation.kind,
                &conversation.peer,
            )
        })
        .map_err(|r| r.v2())?;
    }
    let mut messages = lock(&state.messages);
    if let Some(root) = draft.thread_root
        && messages.get(root).is_none()
    {
        return Err(ApiError::param(format!(
            "thread_config.thread_root.message_server_id {root} is not a message"
        )));
    }
    let record = draft.record(&conversation.owner, conversation.kind, &conversation.peer);
    let m = store(&mut messages, &state.callbacks, record, call.now);
    let mut data = v2_view(&m);
    if let (Some(root), Some(map)) = (
        m.thread_root.and_then(|r| messages.get(r)),
        data.as_object_mut(),
    ) {
        map.insert(
            "thread_config".into(),
            json!({ "thread_root": reference(root) }),
        );
    }
    Ok(Reply::ok_data(data))
}

/// The six fields that name a message in thread and comment objects.
pub(super) fn reference(m: &Message) -> Value {
    json!({
        "conversation_type": m.conversation_type,
        "sender_id": m.sender,
        "receiver_id": m.receiver,
        "message_server_id": m.server_id,
        "message_client_id": m.client_id,
        "create_time": m.create_time,
    })
}

/// `POST /im/v2/conversations/messages`: `sender_id` to each of `receiver_ids` (at most 100).
/// data `success_list[{receiver_id, message_server_id, message_client_id, create_time, ...}]`,
/// `failed_list[{account_id, receiver_id, error_code, error_msg}]` (both receiver keys: the
/// Java SDK reads `account_id`, the Go SDK `receiver_id`).
pub(super) fn batch_send(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let sender = body.required_string("sender_id", 32)?;
    check_accid("sender_id", &sender)?;
    let sender = sender.to_ascii_lowercase();
    let receivers = body
        .strings("receiver_ids", BATCH_MAX, 32)?
        .filter(|r| !r.is_empty())
        .ok_or_else(|| body.missing("receiver_ids"))?;
    for (i, r) in receivers.iter().enumerate() {
        check_accid(&format!("receiver_ids[{i}]"), r)?;
    }
    let draft = Draft::parse(&body)?;
    let detail = body.bool("need_message_detail")?.unwrap_or(false);
    let mut to_send = Vec::new();
    let mut failed = Vec::new();
    {
        let accounts = lock(&state.accounts);
        let friends = lock(&state.friends);
        let teams = lock(&state.teams);
        may_send(
            &accounts,
            &teams,
            ("sender_id", &sender),
            1,
            ("sender_id", &sender),
        )
        .map_err(|r| r.v2())?;
        for r in receivers {
            let r = r.to_ascii_lowercase();
            match may_send(
                &accounts,
                &teams,
                ("sender_id", &sender),
                1,
                ("receiver_ids", &r),
            )
            .and_then(|()| friend_check(&friends, draft.check_friend, &sender, 1, &r))
            {
                Ok(()) => to_send.push(r),
                Err(
                    refusal @ (Refusal::Unknown { .. }
                    | Refusal::Blacklisted { .. }
                    | Refusal::NotFriend { .. }),
                ) => {
                    let msg = match refusal {
                        Refusal::Unknown { .. } => "account not found",
                        Refusal::Blacklisted { .. } => "in the receiver's blacklist",
                        _ => "not a friend of the receiver",
                    };
                    let err = refusal.v2();
                    failed.push(json!({
                        "account_id": r,
                        "receiver_id": r,
                        "error_code": err.code(),
                        "error_msg": msg,
                    }));
                }
                Err(other) => return Err(other.v2()),
            }
        }
    }
    let mut messages = lock(&state.messages);
    let success: Vec<Value> = to_send
        .iter()
        .map(|r| {
            let m = store(
                &mut messages,
                &state.callbacks,
                draft.record(&sender, 1, r),
                call.now,
            );
            if detail {
                v2_view(&m)
            } else {
                json!({
                    "sender_id": m.sender,
                    "receiver_id": m.receiver,
                    "conversation_type": 1,
                    "message_server_id": m.server_id,
                    "message_client_id": m.client_id,
                    "create_time": m.create_time,
                })
            }
        })
        .collect();
    Ok(Reply::ok_data(
        json!({ "success_list": success, "failed_list": failed }),
    ))
}
