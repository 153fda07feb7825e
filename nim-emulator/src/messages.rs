//! The message store, shared by every family that sends, recalls, deletes or reads messages
//! (v1 `msg/*` and `history/*`, v2 `message`): one record per message, whichever protocol sent
//! it, so a message sent with v1 is found by a v2 query and the reverse.
//!
//! Records keep the content as it arrived (`text`, and `attachment` as the JSON object sent),
//! so both protocols show the same values back, numbers included.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde_json::Value;

use crate::reply::ApiError;

/// The first server message id. Ids are above 2^32 so clients cannot keep them in 32 bits,
/// and below 2^53 so every JSON reader keeps them exact.
const FIRST_SERVER_ID: u64 = 1_000_000_000_000_000;

/// The recall window when a test sets none: the documented default, 2 minutes.
pub(crate) const DEFAULT_RECALL_WINDOW: Duration = Duration::from_secs(120);

/// The longest a message can be recalled with the window check skipped (v1 `ignoreTime=1`,
/// v2 `ignore_revoke_time`), and the window of one-way recalls and silent deletes: 30 days.
pub(crate) const LONG_WINDOW: Duration = Duration::from_secs(30 * 86_400);

/// The client type of messages sent through the server API (REST).
pub(crate) const CLIENT_TYPE_REST: u32 = 32;

/// One message as the emulator stores it, returned by
/// [`Emulator::messages`](crate::Emulator::messages).
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Message {
    /// The server id (v1 `msgid`, v2 `message_server_id`).
    pub server_id: u64,
    /// The client id (v1 `msgidclient`, v2 `message_client_id`): the one sent, or a generated one.
    pub client_id: String,
    /// The sender's account id.
    pub sender: String,
    /// The receiver: an account id (1:1) or a team id.
    pub receiver: String,
    /// 1 one-to-one, 2 advanced team, 3 super team.
    pub conversation_type: u8,
    /// 0 text, 1 image, 2 audio, 3 video, 4 location, 6 file, 10 tip, 100 custom.
    pub message_type: u32,
    /// The custom sub-type, if one was given.
    pub sub_type: Option<u64>,
    /// The text of a text or tip message; the description (v1 `msgDesc`) of others.
    pub text: Option<String>,
    /// The content of every other type, as the JSON object sent (v1 `body`, v2 `attachment`).
    pub attachment: Option<Value>,
    /// The extension (v1 `ext`, v2 `extension`).
    pub extension: Option<String>,
    /// Creation time, Unix milliseconds, by the state clock.
    pub create_time: u64,
    /// The sender's client type (32 for the server API).
    pub sender_client_type: u32,
    /// Recalled by both sides (v1 `recall`, v2 withdraw type 2): gone from every query.
    pub recalled: bool,
    /// Deleted for both sides (v1 `delMsg`, v2 withdraw type 3): gone from every query.
    pub deleted: bool,
    /// Accounts that see the message only with `includeNoSenseMsg` / `include_no_sense_msg`:
    /// receivers of a one-way recall, and the side a `*_no_sense` flag named.
    pub no_sense_for: BTreeSet<String>,
    /// Accounts that cleared this conversation's history after the message was sent.
    pub cleared_for: BTreeSet<String>,
    /// The server id of the thread's root, when this message is a thread reply.
    pub thread_root: Option<u64>,
    /// Who last changed the message (v2 `modifyMessage`), and when (ms).
    pub modified: Option<(String, u64)>,
    /// Quick comments, in the order they were added.
    pub comments: Vec<QuickComment>,
    /// Chunks of a stream message, by index; `None` for other messages.
    pub stream: Option<Stream>,
    /// The team members who marked it read (v1 `msg/markReadTeamMsg`): `Some` only for a
    /// team message sent asking for read receipts (v1 `markRead=1`, v2
    /// `team_option.mark_as_read`), `None` for every other message.
    pub read_by: Option<BTreeSet<String>>,
    /// Sent not to count as unread (v1 `option` `"badge":false`, v2
    /// `message_config.unread_enabled: false`).
    pub uncounted: bool,
    /// Sent not to update the conversation (v1 `option` `"sessionUpdate":false`, v2
    /// `message_config.conversation_update_enabled: false`): neither its last message nor its
    /// time.
    pub no_conversation_update: bool,
}

/// A quick comment on a message (v2 `addQuickComment`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct QuickComment {
    /// The commenter.
    pub operator_id: String,
    /// The app-defined kind of comment (> 0).
    pub index: u64,
    /// The comment's extension, if any.
    pub extension: Option<String>,
    /// When it was added, Unix ms.
    pub time: u64,
}

/// The chunks of a stream message (v2 `streamMessage`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Stream {
    /// Chunk texts by index.
    pub chunks: BTreeMap<u64, String>,
    /// Whether a chunk with `finish=1` arrived.
    pub finished: bool,
    /// When the last chunk arrived, Unix ms.
    pub last_chunk: u64,
}

impl Message {
    /// Whether `viewer` sees this message in history queries.
    pub(crate) fn visible_to(&self, viewer: &str, include_no_sense: bool) -> bool {
        !self.recalled
            && !self.deleted
            && !self.cleared_for.contains(viewer)
            && (include_no_sense || !self.no_sense_for.contains(viewer))
    }

    /// The accounts of a 1:1 message's two sides.
    pub(crate) fn involves(&self, account: &str) -> bool {
        self.sender == account || (self.conversation_type == 1 && self.receiver == account)
    }
}

/// A conversation as v2 names it: `owner|type|peer` (peer is an account or a team id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Conversation {
    pub(crate) owner: String,
    pub(crate) kind: u8,
    pub(crate) peer: String,
}

impl Conversation {
    /// Parses `a|1|b`; the accounts are lowercased as the server stores them.
    pub(crate) fn parse(field: &str, id: &str) -> Result<Conversation, ApiError> {
        let bad = || {
            ApiError::param(format!(
                "{field} must be owner|type|peer with type 1, 2 or 3, e.g. alice|1|bob"
            ))
        };
        let mut parts = id.split('|');
        let (Some(owner), Some(kind), Some(peer), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let kind = match kind {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => return Err(bad()),
        };
        if owner.is_empty() || peer.is_empty() {
            return Err(bad());
        }
        Ok(Conversation {
            owner: owner.to_ascii_lowercase(),
            kind,
            peer: if kind == 1 {
                peer.to_ascii_lowercase()
            } else {
                peer.to_owned()
            },
        })
    }

    /// A 1:1 conversation of `owner` with `peer`, or a team conversation.
    pub(crate) fn new(owner: &str, kind: u8, peer: &str) -> Conversation {
        Conversation {
            owner: owner.to_owned(),
            kind,
            peer: peer.to_owned(),
        }
    }

    /// Whether `m` belongs to this conversation (1:1: both directions).
    pub(crate) fn contains(&self, m: &Message) -> bool {
        if m.conversation_type != self.kind {
            return false;
        }
        if self.kind == 1 {
            (m.sender == self.owner && m.receiver == self.peer)
                || (m.sender == self.peer && m.receiver == self.owner)
        } else {
            m.receiver == self.peer
        }
    }

    /// The v2 text form, `owner|type|peer`.
    pub(crate) fn id(&self) -> String {
        format!("{}|{}|{}", self.owner, self.kind, self.peer)
    }
}

/// A read receipt: `reader` has read `peer`'s messages up to `message` at `time` (ms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadPoint {
    pub(crate) message: String,
    pub(crate) time: u64,
}

/// Every message, read receipt and roaming clean-up, and the recall window.
#[derive(Debug, Default)]
pub(crate) struct Messages {
    by_id: BTreeMap<u64, Message>,
    next: u64,
    last_time: u64,
    recall_window: Option<Duration>,
    /// (reader, peer) → read point.
    pub(crate) read_points: BTreeMap<(String, String), ReadPoint>,
    /// (owner, conversation id) → when its roaming messages were deleted (ms).
    pub(crate) roaming_cleared: BTreeMap<(String, String), u64>,
}

impl Messages {
    /// A time for a new record: the state clock in ms, but always after the previous one, so
    /// messages sent in the same second keep their order and distinct times.
    pub(crate) fn tick(&mut self, now_secs: u64) -> u64 {
        let time = now_secs.saturating_mul(1000).max(self.last_time + 1);
        self.last_time = time;
        time
    }

    /// Stores `m` with a new server id and creation time; answers the stored copy.
    pub(crate) fn insert(&mut self, mut m: Message, now_secs: u64) -> Message {
        m.server_id = FIRST_SERVER_ID + self.next;
        self.next += 1;
        m.create_time = self.tick(now_secs);
        if m.client_id.is_empty() {
            m.client_id = format!("emu-{:x}", m.server_id);
        }
        self.by_id.insert(m.server_id, m.clone());
        m
    }

    /// The message `id`, whatever its flags.
    pub(crate) fn get(&self, id: u64) -> Option<&Message> {
        self.by_id.get(&id)
    }

    /// The message `id`, for a change.
    pub(crate) fn get_mut(&mut self, id: u64) -> Option<&mut Message> {
        self.by_id.get_mut(&id)
    }

    /// The messages `keep` accepts, oldest first.
    pub(crate) fn select(&self, keep: impl Fn(&Message) -> bool) -> Vec<&Message> {
        self.by_id.values().filter(|m| keep(m)).collect()
    }

    /// The messages `change` should touch, for a change.
    pub(crate) fn each_mut(&mut self, mut change: impl FnMut(&mut Message)) {
        self.by_id.values_mut().for_each(&mut change);
    }

    /// Every message, oldest first.
    pub(crate) fn all(&self) -> Vec<Message> {
        self.by_id.values().cloned().collect()
    }

    /// The recall window in force.
    pub(crate) fn recall_window(&self) -> Duration {
        self.recall_window.unwrap_or(DEFAULT_RECALL_WINDOW)
    }

    /// Replaces the recall window (until reset).
    pub(crate) fn set_recall_window(&mut self, window: Duration) {
        self.recall_window = Some(window);
    }
}

/// One page of `items` (oldest first as [`Messages::select`] gives them): in `ascending`
/// order, after the message whose server id is `after` (the previous page's token), at most
/// `limit` items. Answers the page, whether more follow, and the token of the next page
/// (the last item's server id, empty when there is no next page).
pub(crate) fn page(
    items: Vec<&Message>,
    ascending: bool,
    after: Option<u64>,
    limit: usize,
) -> (Vec<&Message>, bool, String) {
    let mut items = items;
    if !ascending {
        items.reverse();
    }
    let rest: Vec<&Message> = items
        .into_iter()
        .filter(|m| match after {
            None => true,
            Some(id) if ascending => m.server_id > id,
            Some(id) => m.server_id < id,
        })
        .collect();
    let has_more = rest.len() > limit;
    let page: Vec<&Message> = rest.into_iter().take(limit).collect();
    let token = match page.last() {
        Some(last) if has_more => last.server_id.to_string(),
        _ => String::new(),
    };
    (page, has_more, token)
}

/// A page token: the decimal server id a previous page ended with.
pub(crate) fn parse_token(field: &str, token: Option<&str>) -> Result<Option<u64>, ApiError> {
    match token {
        None => Ok(None),
        Some(text) => text.parse().map(Some).map_err(|_| {
            ApiError::param(format!(
                "{field} is not a token this server gave out: use the previous next_token"
            ))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_json_safe_and_times_increase() {
        let mut store = Messages::default();
        let a = store.insert(Message::default(), 5);
        let b = store.insert(Message::default(), 5);
        assert!(a.server_id > u64::from(u32::MAX) && b.server_id < (1 << 53));
        assert_eq!(a.create_time, 5000);
        assert_eq!(b.create_time, 5001);
        assert!(a.client_id != b.client_id);
    }

    #[test]
    fn conversations_parse() {
        let c = Conversation::parse("c", "Alice|1|Bob").unwrap();
        assert_eq!(c.id(), "alice|1|bob");
        for bad in ["a|4|b", "a|1", "a|1|b|c", "|1|b", "a|x|b"] {
            assert!(Conversation::parse("c", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pages_continue_without_repeats() {
        let mut store = Messages::default();
        for _ in 0..5 {
            store.insert(Message::default(), 1);
        }
        let all = store.select(|_| true);
        let (first, more, token) = page(all.clone(), false, None, 2);
        assert!(more);
        let after = parse_token("t", Some(&token)).unwrap();
        let (second, _, _) = page(all, false, after, 2);
        assert!(first[1].server_id > second[0].server_id);
    }
}
