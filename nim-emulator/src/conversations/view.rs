//! A conversation as its owner sees it now: the stored [`Record`] joined with the message
//! store.
//!
//! The owner sees the messages of the conversation that are not deleted for both sides, not
//! cleared from the owner's history, not "no sense" for the owner, and sent after the
//! conversation's last delete; in a team, only those sent since the owner joined (its own
//! always). A recalled message still ends the conversation (as its recall) but is never
//! unread. A message sent not to count as unread (v1 `option.badge`, v2
//! `message_config.unread_enabled`) is never unread; one sent not to update the
//! conversation (v1 `option.sessionUpdate`, v2 `conversation_update_enabled`) is neither its
//! last message nor its time, and does not make one.

use std::collections::BTreeSet;

use super::{Conversations, Record};
use crate::messages::{Conversation as Id, Message, Messages};
use crate::teams::Teams;

/// One conversation's current state.
#[derive(Debug)]
pub(crate) struct View<'a> {
    pub(crate) id: Id,
    pub(crate) record: Record,
    pub(crate) create_time: u64,
    pub(crate) update_time: u64,
    /// The last message the owner sees (possibly recalled).
    pub(crate) last: Option<&'a Message>,
    /// Messages from others, not recalled, after the last read and the last delete.
    pub(crate) unread: u64,
}

/// When `owner` joined team `tid` (ms), if a member.
fn joined(teams: &Teams, tid: &str, owner: &str) -> Option<u64> {
    let team = teams.any(tid.parse().ok()?)?;
    team.members.get(owner).map(|m| m.join_time)
}

/// The messages of `id` its owner sees, oldest first (whatever the last delete); with
/// `gone`, also those deleted or cleared from its history since (they made the
/// conversation, which outlives them).
fn seen<'a>(id: &Id, messages: &'a Messages, teams: &Teams, gone: bool) -> Vec<&'a Message> {
    let since_join = match id.kind {
        1 => Some(0),
        _ => joined(teams, &id.peer, &id.owner),
    };
    messages.select(|m| {
        id.contains(m)
            && (gone || (!m.deleted && !m.cleared_for.contains(&id.owner)))
            && !m.no_sense_for.contains(&id.owner)
            && (m.sender == id.owner || since_join.is_some_and(|t| m.create_time >= t))
    })
}

/// The conversation `id` now, or `None` when its owner has no such conversation (never
/// created and no message, or nothing since it was deleted).
pub(crate) fn view<'a>(
    id: &Id,
    conversations: &Conversations,
    messages: &'a Messages,
    teams: &Teams,
) -> Option<View<'a>> {
    let record = conversations.record(&id.id()).cloned().unwrap_or_default();
    let since = record.deleted.unwrap_or(0);
    let after_delete = |m: &&Message| m.create_time > since;
    let shown: Vec<&Message> = seen(id, messages, teams, false)
        .into_iter()
        .filter(after_delete)
        .collect();
    // Messages sent not to update the conversation neither make it nor move it.
    let updating: Vec<&Message> = shown
        .iter()
        .copied()
        .filter(|m| !m.no_conversation_update)
        .collect();
    let created = record.created.filter(|t| *t > since);
    // Clearing the history keeps the conversation (without a last message): its first
    // message counts even when it is gone.
    let first = seen(id, messages, teams, true)
        .into_iter()
        .filter(after_delete)
        .find(|m| !m.no_conversation_update)
        .map(|m| m.create_time);
    let create_time = match (created, first) {
        (Some(c), Some(f)) => c.min(f),
        (Some(t), None) | (None, Some(t)) => t,
        (None, None) => return None,
    };
    let last = updating.last().copied();
    let update_time = [created, last.map(|m| m.create_time), Some(record.touched)]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(create_time);
    let read_up_to = record.last_read.max(since);
    let unread = shown
        .iter()
        .filter(|m| {
            !m.recalled && !m.uncounted && m.sender != id.owner && m.create_time > read_up_to
        })
        .count();
    Some(View {
        id: id.clone(),
        record,
        create_time,
        update_time,
        last,
        unread: u64::try_from(unread).unwrap_or(u64::MAX),
    })
}

/// Every conversation `owner` has now.
pub(crate) fn all_of<'a>(
    owner: &str,
    conversations: &Conversations,
    messages: &'a Messages,
    teams: &Teams,
) -> Vec<View<'a>> {
    let mut ids: BTreeSet<String> = conversations.ids_of(owner).into_iter().collect();
    // Deleted messages too: the conversation they made outlives them.
    for m in messages.select(|_| true) {
        let peer = match m.conversation_type {
            1 if m.sender == owner => &m.receiver,
            1 if m.receiver == owner => &m.sender,
            1 => continue,
            _ if m.sender == owner || joined(teams, &m.receiver, owner).is_some() => &m.receiver,
            _ => continue,
        };
        ids.insert(Id::new(owner, m.conversation_type, peer).id());
    }
    ids.iter()
        .filter_map(|id| Id::parse("conversation_id", id).ok())
        .filter_map(|id| view(&id, conversations, messages, teams))
        .collect()
}
