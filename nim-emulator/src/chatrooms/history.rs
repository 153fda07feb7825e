//! A room's messages: sending (stored or not), recalling, deleting, and the history queries
//! of v1 (`history/queryChatroomMsg`, `history/queryTagHistoryMsg`) and v2
//! (`queryChatroomHistoryMessages`), all on one list per room, so a message sent through
//! one protocol is read, recalled or deleted through the other.
//!
//! # Rules
//!
//! - **Who sends.** The [speak rules](super::speak) first; nothing is stored when they refuse.
//! - **Time.** A message's time is the emulator's clock in Unix ms, moved one ms past the
//!   room's latest message when the clock has not passed it: times are strictly increasing
//!   per room, so a time names one message (v1 `deleteHistoryMessage` has no other id) and
//!   a time is a paging cursor that never skips nor repeats a message.
//! - **Stored or not.** A message goes into the history unless the send says not to (v1
//!   `skipHistory=1`, v2 `history_enabled:false`) or it is directed at given members (v1
//!   `sendMsgToSomeone`, v2 `receiver_ids`): the docs say directed messages are never kept.
//! - **Resend.** With the resend flag, a message whose client id the room already holds is
//!   not stored again: the send answers the stored one. Without it a repeated client id is
//!   stored again (the docs promise no de-duplication).
//! - **Recall.** A recalled message leaves the history (both protocols' queries) and stays
//!   in the store, marked; the docs: "deleted from cloud history", with a notification to
//!   the room. The sender, the creator and the managers may recall (403 otherwise: the docs
//!   name no one, this is the emulator's choice). No time limit: no chatroom page gives
//!   one. The message is named by its client id, sender and time, which must all match (404
//!   otherwise, and for a message already recalled or deleted). Closed rooms too.
//! - **Delete.** v1 `deleteHistoryMessage` removes a message named by sender and time from
//!   the history without a notification (marked deleted); 404 as for recall.
//! - **Queries** list the stored messages that are neither recalled nor deleted, filtered
//!   by sender, types, time bounds (exclusive) or the sender's tags, oldest or newest first,
//!   and say whether more remain. Closed rooms can be read.

use super::model::{Role, Room, RoomMessage};
use super::{ChatroomError, Chatrooms};

/// The client type the server API's messages carry (REST).
pub(crate) const REST_CLIENT: u8 = 32;

/// A message to send, in the words of both protocols.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outgoing {
    pub(crate) client_id: String,
    pub(crate) from: String,
    pub(crate) msg_type: i64,
    /// The v1 `attach`: the text, or the attachment's JSON text.
    pub(crate) body: String,
    pub(crate) sub_type: Option<u32>,
    pub(crate) ext: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) notify_target_tags: Option<String>,
    pub(crate) high_priority: bool,
    /// Keep it in the history (false: `skipHistory`, `history_enabled:false`, directed).
    pub(crate) store: bool,
    /// The resend flag: answer a stored message with this client id instead.
    pub(crate) resend: bool,
    /// Ignore the sender's temporary mute.
    pub(crate) ignore_temp_mute: bool,
}

/// Names one message of a room: its sender and time, and its client id when the request
/// has one (v1 `deleteHistoryMessage` has none).
#[derive(Debug, Clone)]
pub(crate) struct Target<'a> {
    pub(crate) client_id: Option<&'a str>,
    pub(crate) from: &'a str,
    pub(crate) time: u64,
}

/// What a history query asks for.
#[derive(Debug, Clone, Default)]
pub(crate) struct HistoryQuery {
    /// Only this sender's messages.
    pub(crate) sender: Option<String>,
    /// Only these types.
    pub(crate) types: Option<Vec<i64>>,
    /// Only messages sent by an account that had one of these tags.
    pub(crate) tags: Option<Vec<String>>,
    /// Only messages after this time (exclusive).
    pub(crate) after: Option<u64>,
    /// Only messages before this time (exclusive).
    pub(crate) before: Option<u64>,
    /// Newest first.
    pub(crate) descending: bool,
    pub(crate) limit: usize,
}

impl Outgoing {
    /// The message at `time`, in no room and stored nowhere (a broadcast to every room; a
    /// send fills in the room's id and the sender's nickname, avatar and tags).
    pub(crate) fn unstored(self, time: u64) -> RoomMessage {
        RoomMessage {
            server_id: 0,
            client_id: self.client_id,
            from: self.from,
            msg_type: self.msg_type,
            body: self.body,
            time,
            recalled: false,
            deleted: false,
            sub_type: self.sub_type,
            ext: self.ext,
            description: self.description,
            notify_target_tags: self.notify_target_tags,
            sender_tags: Vec::new(),
            sender_nick: String::new(),
            sender_avatar: String::new(),
            high_priority: self.high_priority,
            client_type: REST_CLIENT,
        }
    }
}

impl Chatrooms {
    /// Sends `out` into room `id` at `now` (Unix ms): the message as stored, or as it would
    /// be when it is not kept.
    pub(crate) fn send(
        &mut self,
        id: u64,
        out: Outgoing,
        now: u64,
    ) -> Result<RoomMessage, ChatroomError> {
        let speaker = self.speaker(id, &out.from, out.ignore_temp_mute, now)?;
        let (nick, avatar, tags) = speaker.map_or_else(Default::default, |m| {
            (
                m.nick.clone().unwrap_or_default(),
                m.avatar.clone().unwrap_or_default(),
                m.tags.clone(),
            )
        });
        let room = self.get_mut(id)?;
        if out.resend
            && let Some(stored) = room
                .messages
                .iter()
                .find(|m| m.client_id == out.client_id && visible(m))
        {
            return Ok(stored.clone());
        }
        let last = room.messages.last();
        let time = last.map_or(now, |m| now.max(m.time + 1));
        let server_id = last.map_or(1, |m| m.server_id + 1);
        let store = out.store;
        let message = RoomMessage {
            server_id,
            sender_tags: tags,
            sender_nick: nick,
            sender_avatar: avatar,
            ..out.unstored(time)
        };
        if store {
            room.messages.push(message.clone());
        }
        Ok(message)
    }

    /// `operator` recalls the message `target` names: it leaves the history.
    pub(crate) fn recall(
        &mut self,
        id: u64,
        target: &Target<'_>,
        operator: &str,
    ) -> Result<(), ChatroomError> {
        let room = self.get_mut(id)?;
        may_remove(room, target, operator)?;
        find(&mut room.messages, id, target)?.recalled = true;
        Ok(())
    }

    /// `operator` deletes the message `target` names, as [`recall`](Self::recall) but
    /// without a notification (v2 recall with `notification_enabled: false`).
    pub(crate) fn delete_as(
        &mut self,
        id: u64,
        target: &Target<'_>,
        operator: &str,
    ) -> Result<(), ChatroomError> {
        let room = self.get_mut(id)?;
        may_remove(room, target, operator)?;
        find(&mut room.messages, id, target)?.deleted = true;
        Ok(())
    }

    /// Deletes the message `target` names from the history, without a notification.
    pub(crate) fn delete_message(
        &mut self,
        id: u64,
        target: &Target<'_>,
    ) -> Result<(), ChatroomError> {
        let room = self.get_mut(id)?;
        find(&mut room.messages, id, target)?.deleted = true;
        Ok(())
    }

    /// The history of room `id` as `query` asks: at most `limit` messages, and whether more
    /// remain.
    pub(crate) fn history(
        &self,
        id: u64,
        query: &HistoryQuery,
    ) -> Result<(Vec<&RoomMessage>, bool), ChatroomError> {
        let room = self.get(id)?;
        let matches = |m: &&RoomMessage| {
            visible(m)
                && query.sender.as_ref().is_none_or(|s| &m.from == s)
                && query.types.as_ref().is_none_or(|t| t.contains(&m.msg_type))
                && query
                    .tags
                    .as_ref()
                    .is_none_or(|tags| m.sender_tags.iter().any(|t| tags.contains(t)))
                && query.after.is_none_or(|after| m.time > after)
                && query.before.is_none_or(|before| m.time < before)
        };
        let mut found: Vec<&RoomMessage> = if query.descending {
            room.messages.iter().rev().filter(matches).collect()
        } else {
            room.messages.iter().filter(matches).collect()
        };
        let more = found.len() > query.limit;
        found.truncate(query.limit);
        Ok((found, more))
    }
}

/// The sender, the creator and the managers may recall or delete a message.
fn may_remove(room: &Room, target: &Target<'_>, operator: &str) -> Result<(), ChatroomError> {
    let allowed = operator == target.from
        || room
            .members
            .get(operator)
            .is_some_and(|m| matches!(m.role, Role::Creator | Role::Manager));
    if allowed {
        return Ok(());
    }
    Err(ChatroomError::NoPermission {
        operator: operator.to_owned(),
        what: "recall another member's message (only its sender, the creator and managers may)",
    })
}

/// In the history: neither recalled nor deleted.
fn visible(m: &RoomMessage) -> bool {
    !m.recalled && !m.deleted
}

/// The visible message `target` names.
fn find<'a>(
    messages: &'a mut [RoomMessage],
    id: u64,
    target: &Target<'_>,
) -> Result<&'a mut RoomMessage, ChatroomError> {
    messages
        .iter_mut()
        .find(|m| {
            visible(m)
                && m.from == target.from
                && m.time == target.time
                && target.client_id.is_none_or(|c| m.client_id == c)
        })
        .ok_or_else(|| ChatroomError::NoMessage {
            room: id,
            what: match target.client_id {
                Some(c) => format!("{c} of {} at {}", target.from, target.time),
                None => format!("of {} at {}", target.from, target.time),
            },
        })
}
