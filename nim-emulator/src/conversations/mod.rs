//! Server-side conversations (v2 `conversation`, `conversation_group`, `conversation_unread`).
//!
//! What only an owner's own actions set is stored here: creation, pin, extension, the last
//! read time, deletion, and the conversation groups. Everything a message changes (whether
//! the conversation exists, its last message, update time and unread count) is read from
//! the message store when asked (see [`view`]): every send path of both protocols (v1
//! `msg/sendMsg`, `sendBatchMsg`, super-team messages, v2 `sendMessage`, `batchSendP2PMessage`,
//! `streamMessage`) stores its message in that one store, so each of them creates or
//! refreshes the sender's and every receiver's conversation and adds one to each receiver's
//! unread count, without a line in any send path, and a recall or delete is seen at once.
//!
//! Times are Unix ms taken with [`Messages::tick`](crate::messages::Messages::tick), so they
//! order strictly with message times: a read at time `t` covers exactly the messages before.

pub(crate) mod view;

use std::collections::BTreeMap;

/// What an owner set on one conversation, by its id `owner|type|peer`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Record {
    /// When createConversation made it (after the last delete, if any).
    pub(crate) created: Option<u64>,
    /// When it was last deleted: messages up to then no longer show it.
    pub(crate) deleted: Option<u64>,
    /// Pinned, and since when.
    pub(crate) stick_top: Option<u64>,
    /// The owner's extension.
    pub(crate) server_extension: Option<String>,
    /// The last update or pin.
    pub(crate) touched: u64,
    /// The last clearConversationUnread: messages up to then are read.
    pub(crate) last_read: u64,
}

/// A conversation group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    pub(crate) id: u64,
    pub(crate) owner: String,
    pub(crate) name: String,
    pub(crate) server_extension: Option<String>,
    /// Conversation ids, in the order they were added.
    pub(crate) conversations: Vec<String>,
    pub(crate) create_time: u64,
    pub(crate) update_time: u64,
}

/// Every record and group.
#[derive(Debug, Default)]
pub(crate) struct Conversations {
    records: BTreeMap<String, Record>,
    groups: BTreeMap<u64, Group>,
    last_group: u64,
}

impl Conversations {
    /// The record of `id`, if the owner ever set anything on it.
    pub(crate) fn record(&self, id: &str) -> Option<&Record> {
        self.records.get(id)
    }

    /// The record of `id`, made empty if there is none.
    pub(crate) fn record_mut(&mut self, id: &str) -> &mut Record {
        self.records.entry(id.to_owned()).or_default()
    }

    /// The ids of every record of `owner`.
    pub(crate) fn ids_of(&self, owner: &str) -> Vec<String> {
        let prefix = format!("{owner}|");
        self.records
            .range(prefix.clone()..)
            .take_while(|(id, _)| id.starts_with(&prefix))
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// Deletes `id` at `time`: its pin, extension and read point go, and so does its
    /// membership of every group.
    pub(crate) fn delete(&mut self, owner: &str, id: &str, time: u64) {
        self.records.insert(
            id.to_owned(),
            Record {
                deleted: Some(time),
                ..Record::default()
            },
        );
        for group in self.groups.values_mut().filter(|g| g.owner == owner) {
            group.conversations.retain(|c| c != id);
        }
    }

    /// The groups of `owner`, oldest first.
    pub(crate) fn groups_of(&self, owner: &str) -> Vec<&Group> {
        self.groups.values().filter(|g| g.owner == owner).collect()
    }

    /// The ids of `owner`'s groups holding conversation `id`.
    pub(crate) fn group_ids_of(&self, owner: &str, id: &str) -> Vec<u64> {
        self.groups
            .values()
            .filter(|g| g.owner == owner && g.conversations.iter().any(|c| c == id))
            .map(|g| g.id)
            .collect()
    }

    /// Group `id` if `owner` has it.
    pub(crate) fn group(&self, owner: &str, id: u64) -> Option<&Group> {
        self.groups.get(&id).filter(|g| g.owner == owner)
    }

    /// Group `id` if `owner` has it, for a change.
    pub(crate) fn group_mut(&mut self, owner: &str, id: u64) -> Option<&mut Group> {
        self.groups.get_mut(&id).filter(|g| g.owner == owner)
    }

    /// Adds an empty group; answers its id.
    pub(crate) fn add_group(
        &mut self,
        owner: &str,
        name: String,
        server_extension: Option<String>,
        time: u64,
    ) -> u64 {
        self.last_group += 1;
        let id = self.last_group;
        self.groups.insert(
            id,
            Group {
                id,
                owner: owner.to_owned(),
                name,
                server_extension,
                conversations: Vec::new(),
                create_time: time,
                update_time: time,
            },
        );
        id
    }

    /// Removes group `id` of `owner`; answers whether there was one.
    pub(crate) fn remove_group(&mut self, owner: &str, id: u64) -> bool {
        if self.group(owner, id).is_none() {
            return false;
        }
        self.groups.remove(&id).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delete_resets_the_record_and_leaves_groups() {
        let mut all = Conversations::default();
        let record = all.record_mut("a|1|b");
        record.stick_top = Some(5);
        record.server_extension = Some("x".into());
        let group = all.add_group("a", "work".into(), None, 1);
        if let Some(g) = all.group_mut("a", group) {
            g.conversations.push("a|1|b".into());
        }
        assert_eq!(all.group_ids_of("a", "a|1|b"), [group]);
        all.delete("a", "a|1|b", 9);
        assert_eq!(all.record("a|1|b").and_then(|r| r.deleted), Some(9));
        assert_eq!(all.record("a|1|b").and_then(|r| r.stick_top), None);
        assert!(all.group_ids_of("a", "a|1|b").is_empty());
        assert!(all.group("b", group).is_none());
    }

    #[test]
    fn ids_are_per_owner() {
        let mut all = Conversations::default();
        all.record_mut("a|1|b");
        all.record_mut("ab|1|c");
        all.record_mut("a|2|7");
        assert_eq!(all.ids_of("a"), ["a|1|b", "a|2|7"]);
    }
}
