//! The broadcast store, shared by v1 `msg/broadcastMsg` + `history/*Broadcast*` and v2
//! `broadcast_notification`: one numeric id space, so an id from either protocol works with
//! the other. Broadcasts expire on the state clock (`ttl` hours after creation); expired ones
//! are neither listed nor found. Chat-room broadcasts (v2.1 `actions/chatroom`) are kept in
//! their own log: there is no chat-room store yet.

use serde_json::Value;

use crate::reply::ApiError;

/// The first broadcast id: ids are numbers well above 2^32, as the API's examples show.
const FIRST_ID: u64 = 10_000_000_000_000;

/// The documented default `ttl`: 7 days, in hours.
pub(crate) const DEFAULT_TTL_HOURS: u64 = 168;

/// The target platforms `targetOs` / `target_os` may name.
pub(crate) const TARGET_OS: &[&str] = &["ios", "aos", "pc", "web", "mac"];

/// 414 unless every platform of `list` (the parameter `field`) is one of [`TARGET_OS`]; the
/// broadcasts of both protocols and the v2 system push name platforms alike.
pub(crate) fn check_target_os(field: &str, list: &[String]) -> Result<(), ApiError> {
    match list.iter().find(|os| !TARGET_OS.contains(&os.as_str())) {
        Some(bad) => Err(ApiError::param(format!(
            "{field} contains {bad:?}: only {} are allowed",
            TARGET_OS.join(", ")
        ))),
        None => Ok(()),
    }
}

/// One broadcast, returned by [`Emulator::broadcasts`](crate::Emulator::broadcasts).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Broadcast {
    /// The id (v1 `broadcastId`, v2 `broadcast_id`).
    pub id: u64,
    /// The sender, if one was named.
    pub from: Option<String>,
    /// The content (v1 `body`, v2 `content`).
    pub body: String,
    /// Stored for offline users (v1 `isOffline`, v2 `offline_enabled`).
    pub offline: bool,
    /// Target platforms; empty for all.
    pub target_os: Vec<String>,
    /// Creation time, Unix ms.
    pub create_time: u64,
    /// End of validity, Unix ms: `create_time` + `ttl` hours.
    pub expire_time: u64,
}

/// One chat-room broadcast (v2.1 `sendChatroomBroadcastNotification`), as the request gave it.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ChatroomBroadcast {
    /// The caller's id for it.
    pub client_broadcast_id: String,
    /// The sender.
    pub sender_id: String,
    /// The `message` object sent.
    pub message: Value,
    /// When it arrived, Unix ms.
    pub create_time: u64,
}

/// Every broadcast, by id.
#[derive(Debug, Default)]
pub(crate) struct Broadcasts {
    items: Vec<Broadcast>,
    next: u64,
    pub(crate) chatroom: Vec<ChatroomBroadcast>,
}

impl Broadcasts {
    /// Stores `b` with a new id; answers the stored copy.
    pub(crate) fn insert(&mut self, mut b: Broadcast) -> Broadcast {
        b.id = FIRST_ID + self.next;
        self.next += 1;
        self.items.push(b.clone());
        b
    }

    /// The unexpired broadcast `id` at `now_ms`.
    pub(crate) fn get(&self, id: u64, now_ms: u64) -> Option<&Broadcast> {
        self.items
            .iter()
            .find(|b| b.id == id && b.expire_time > now_ms)
    }

    /// Removes broadcast `id`; whether it existed (and had not expired).
    pub(crate) fn remove(&mut self, id: u64, now_ms: u64) -> bool {
        let found = self.get(id, now_ms).is_some();
        self.items.retain(|b| b.id != id);
        found
    }

    /// The unexpired broadcasts at `now_ms` that `kind` selects (1 all, 2 stored offline,
    /// 3 not stored offline), newest first.
    pub(crate) fn live(&self, now_ms: u64, kind: i64) -> Vec<&Broadcast> {
        self.items
            .iter()
            .rev()
            .filter(|b| b.expire_time > now_ms)
            .filter(|b| match kind {
                2 => b.offline,
                3 => !b.offline,
                _ => true,
            })
            .collect()
    }

    /// Every broadcast, expired ones included, oldest first.
    pub(crate) fn all(&self) -> Vec<Broadcast> {
        self.items.clone()
    }
}
