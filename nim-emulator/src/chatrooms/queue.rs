//! A room's key/value queue (聊天室队列), one per room, shared by the v1 `chatroom/queue*`
//! actions and the v2 `chatroom_queue` family: an element offered through one is polled
//! through the other.
//!
//! # Rules
//!
//! - **Shape.** Elements are ordered by insertion (the head is the oldest); keys are unique.
//!   Writing a new key appends it at the tail; writing an existing key replaces its value in
//!   place (the position is kept) and makes the writer its owner (the official queue page:
//!   "added by A, then updated by B: B owns it").
//! - **Always there.** Every room has a queue from its creation, with the limit 50 (the Java
//!   SDK's v1 default) until an init sets one; dropping it empties it and keeps its limit. No
//!   source says what production answers for a queue never initialised or dropped (the v2
//!   page says delete removes "the queue"): the emulator's choice is that it is empty, so
//!   reads answer nothing and writes work.
//! - **Limit.** An init sets the limit (0 to 1000; more is 414). Elements over a lowered
//!   limit are kept, but no new key is added until the queue is below it: a new key for a
//!   full queue is 419 (the generic "over limit": no page names the code). Updating an
//!   existing key works on a full queue.
//! - **Operators.** Offers and v2 updates name an operator (the creator by default): it must
//!   be online in the room unless it is the creator (403; the official queue page of 2025 and
//!   the Java SDK). A batch update of existing keys (v1) needs the creator or a manager (403;
//!   the legacy official tables). The room's `queuelevel` governs client SDKs only: no
//!   server page applies it to these server calls, so it is not checked here.
//! - **Transient elements** are deleted when their owner's last connection leaves (see
//!   [`Chatrooms::leave`]) or the room closes. Writing a transient element for an owner that
//!   is not online in the room is 403 (the official queue page; the Java SDK's Javadoc says
//!   302, the docs win).
//! - **Closed rooms** refuse every change (init, writes, poll, drop) with 13002, as they
//!   refuse entering; their queue can still be read (unconfirmed: no page says).
//! - **Poll** removes and answers the head, or the element of a given key; an empty queue or
//!   a missing key is 404 (no page names the code).
//!
//! Codes: 404 no such room or element, 403 operator or owner refused, 414 bad limit, 417 an
//! add-only write of an existing key, 419 a full queue, 13002 a closed room.

use super::model::{QueueElement, Role, Room};
use super::{ChatroomError, Chatrooms};

/// The largest queue limit an init may set.
pub(crate) const QUEUE_LIMIT_MAX: u64 = 1000;

/// How a write treats the key's presence (v2 `element_add_policy`; every v1 offer adds or
/// updates, and the v1 batch update updates only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum AddPolicy {
    /// Only a new key (`0`): an existing one is 417.
    AddOnly,
    /// Only an existing key (`1`): a missing one is 404.
    UpdateOnly,
    /// Either (`2`, the default).
    #[default]
    AddOrUpdate,
}

impl AddPolicy {
    /// The policy a v2 `element_add_policy` number names.
    pub(crate) fn from_number(n: i64) -> Option<AddPolicy> {
        match n {
            0 => Some(AddPolicy::AddOnly),
            1 => Some(AddPolicy::UpdateOnly),
            2 => Some(AddPolicy::AddOrUpdate),
            _ => None,
        }
    }
}

/// One element to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QueueWrite {
    pub(crate) key: String,
    pub(crate) value: String,
    /// Who owns it after the write.
    pub(crate) owner: String,
    /// `None` keeps an existing element's flag (a new one is not transient).
    pub(crate) transient: Option<bool>,
    pub(crate) policy: AddPolicy,
    /// When (Unix ms): the element's update time, and its create time if the key is new.
    pub(crate) time: u64,
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    /// A new key, appended at the tail.
    Inserted,
    /// An existing key, changed in place.
    Updated,
}

/// Who may act on the queue (see the rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QueueOperator {
    /// The creator, or an account online in the room (offers, v2 updates).
    CreatorOrOnline,
    /// The creator or a manager (v1 batch update).
    CreatorOrManager,
}

impl Chatrooms {
    /// Room `id`'s queue, for reading (closed rooms too).
    pub(crate) fn queue_room(&self, id: u64) -> Result<&Room, ChatroomError> {
        self.get(id)
    }

    /// Open room `id`, for a change of its queue: 13002 when closed.
    fn queue_room_mut(&mut self, id: u64) -> Result<&mut Room, ChatroomError> {
        let room = self.get_mut(id)?;
        if !room.valid {
            return Err(ChatroomError::Closed { room: id });
        }
        Ok(room)
    }

    /// Sets room `id`'s queue limit, keeping its elements.
    pub(crate) fn queue_init(&mut self, id: u64, limit: u64) -> Result<(), ChatroomError> {
        if limit > QUEUE_LIMIT_MAX {
            return Err(ChatroomError::Refused {
                desc: format!("sizeLimit must be 0 to {QUEUE_LIMIT_MAX}, not {limit}"),
            });
        }
        let room = self.queue_room_mut(id)?;
        // The bound was just checked, so the value fits any usize.
        room.queue.size_limit = usize::try_from(limit).unwrap_or(usize::MAX);
        Ok(())
    }

    /// Checks that `operator` may change open room `id`'s queue as `kind` says.
    pub(crate) fn queue_operator(
        &self,
        id: u64,
        operator: &str,
        kind: QueueOperator,
    ) -> Result<(), ChatroomError> {
        let room = self.get(id)?;
        if !room.valid {
            return Err(ChatroomError::Closed { room: id });
        }
        let member = room.members.get(operator);
        let allowed = match kind {
            QueueOperator::CreatorOrOnline => {
                room.creator == operator || member.is_some_and(|m| m.online())
            }
            QueueOperator::CreatorOrManager => {
                member.is_some_and(|m| matches!(m.role, Role::Creator | Role::Manager))
            }
        };
        if allowed {
            return Ok(());
        }
        Err(ChatroomError::NoPermission {
            operator: operator.to_owned(),
            what: match kind {
                QueueOperator::CreatorOrOnline => {
                    "change the queue (only the creator or a member online in the room may)"
                }
                QueueOperator::CreatorOrManager => {
                    "update the queue (only the creator or a manager may)"
                }
            },
        })
    }

    /// Writes one element of open room `id`'s queue (see the rules). A refusal changes
    /// nothing.
    pub(crate) fn queue_write(
        &mut self,
        id: u64,
        write: QueueWrite,
    ) -> Result<Written, ChatroomError> {
        let room = self.queue_room_mut(id)?;
        let position = room.queue.elements.iter().position(|e| e.key == write.key);
        match (position, write.policy) {
            (Some(_), AddPolicy::AddOnly) => {
                return Err(ChatroomError::Repeated {
                    desc: format!("queue element {} already exists", write.key),
                });
            }
            (None, AddPolicy::UpdateOnly) => {
                return Err(missing(id, Some(&write.key)));
            }
            (None, _) if room.queue.elements.len() >= room.queue.size_limit => {
                return Err(ChatroomError::TooMany {
                    desc: format!(
                        "the queue of chatroom {id} is full ({} elements)",
                        room.queue.size_limit
                    ),
                });
            }
            _ => {}
        }
        let kept = position.is_some_and(|i| room.queue.elements[i].transient);
        let created = position.map_or(write.time, |i| room.queue.elements[i].create_time);
        let transient = write.transient.unwrap_or(kept);
        // A transient element of an offline owner would never be deleted; a kept flag is
        // left as it is (the v1 batch update names no owner of its own).
        if write.transient == Some(true)
            && !room.members.get(&write.owner).is_some_and(|m| m.online())
        {
            return Err(ChatroomError::NoPermission {
                operator: write.owner,
                what: "own a transient element (it is not in the room)",
            });
        }
        let element = QueueElement {
            key: write.key,
            value: write.value,
            owner: write.owner,
            transient,
            create_time: created,
            update_time: write.time,
        };
        Ok(match position {
            Some(i) => {
                room.queue.elements[i] = element;
                Written::Updated
            }
            None => {
                room.queue.elements.push(element);
                Written::Inserted
            }
        })
    }

    /// Removes and answers the element of `key`, or the head without one. 404 when there is
    /// none.
    pub(crate) fn queue_poll(
        &mut self,
        id: u64,
        key: Option<&str>,
    ) -> Result<QueueElement, ChatroomError> {
        let room = self.queue_room_mut(id)?;
        let position = match key {
            Some(key) => room.queue.elements.iter().position(|e| e.key == key),
            None if room.queue.elements.is_empty() => None,
            None => Some(0),
        };
        match position {
            Some(i) => Ok(room.queue.elements.remove(i)),
            None => Err(missing(id, key)),
        }
    }

    /// Empties open room `id`'s queue (its limit stays); answers how many elements it held.
    pub(crate) fn queue_drop(&mut self, id: u64) -> Result<usize, ChatroomError> {
        let room = self.queue_room_mut(id)?;
        Ok(std::mem::take(&mut room.queue.elements).len())
    }
}

/// A missing queue element (`key` `None`: the queue is empty): 404, as a missing room.
fn missing(room: u64, key: Option<&str>) -> ChatroomError {
    let desc = match key {
        None => format!("the queue of chatroom {room} is empty"),
        Some(key) => format!("queue element {key} does not exist in chatroom {room}"),
    };
    ChatroomError::Missing { desc }
}

/// The elements of `room`'s queue named by `keys`, in queue order; keys it lacks are left
/// out. No keys: every element.
pub(crate) fn select<'a>(room: &'a Room, keys: &[String]) -> Vec<&'a QueueElement> {
    room.queue
        .elements
        .iter()
        .filter(|e| keys.is_empty() || keys.contains(&e.key))
        .collect()
}

/// The elements of `room`'s queue named by `keys`, in the order of `keys`; keys it lacks are
/// left out, a key named twice is answered once.
pub(crate) fn select_in_order<'a>(room: &'a Room, keys: &[String]) -> Vec<&'a QueueElement> {
    let mut seen = Vec::new();
    keys.iter()
        .filter_map(|k| room.queue.elements.iter().find(|e| &e.key == k))
        .filter(|e| {
            let first = !seen.contains(&e.key.as_str());
            seen.push(e.key.as_str());
            first
        })
        .collect()
}

#[cfg(test)]
#[path = "queue_tests.rs"]
mod tests;
