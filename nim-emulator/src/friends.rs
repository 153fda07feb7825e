//! The friend store, shared by v1 `friend/*.action` and the v2 `friends` family: a friend
//! added through one protocol is the friend the other lists.
//!
//! Field names across the protocols: v1 `alias` = v2 `alias`, v1 `ex` = v2 `extension`, v1
//! `serverex` = v2 `customer_extension`, v1 `msg` = v2 `postscript`. Times are milliseconds of
//! the state clock.
//!
//! # Semantics
//!
//! Documented (DOC-FRIEND, FAQ, DOC-HANDLE, DOC-LIST):
//! - v1 `friend/add` `type` 1 adds directly, 2 sends a request, 3 accepts one, 4 rejects one;
//!   v2 addFriend `type` 1 (default) / 2, handleFriendAddition `type` 3 (default) / 4.
//! - A friendship is **mutual** once an add succeeds: each side becomes the other's friend.
//! - Adding yourself is refused: v1 414 `accid can't same with the faccid`.
//! - At most 3000 friends per account (the code over the cap is not documented).
//! - listFriends: `limit` 1..=100, default 100, `page_token` empty for the first page.
//! - `friend/getByAccid` shows an unset `ex` / `serverex` as `null`.
//!
//! The emulator's choices (nothing documents them):
//! - Both accounts of any friend operation must exist (v1 414 `<field> <id> not register`,
//!   v2 102404, as the other families answer).
//! - A direct add between friends is 200 and updates the given fields. Any direct add or
//!   accept clears the pending requests between the two, in both directions.
//! - A request overwrites an older one from the same account to the same account; a request
//!   to an existing friend is recorded like any other. The requester's own alias, `ex` and
//!   `serverex` sent with the request are kept and land on the requester's entry on accept.
//! - Accept and reject need a pending request from the requester to the accepter.
//! - A new friendship that would put either account over the cap is refused, and nothing
//!   changes. The cap is [`DEFAULT_FRIEND_LIMIT`] unless a test sets it, until reset.
//! - Update: a field sent empty is cleared (documented for v1 update, assumed for v2).
//! - Delete removes both directions. Unless `isDeleteAlias` / `delete_alias` is true, the
//!   deleter's alias is kept and comes back when they become friends again without giving a
//!   new one; the other side's alias is always kept (the flag is the deleter's choice).
//!   Deleting a non-friend is 200 and changes nothing (but a kept alias, when `delete_alias`
//!   asks for it): the clients mark delete idempotent and may send it twice.
//! - v1 `friend/get` lists friends with `update_time >= updatetime` (the docs say "after";
//!   `>=` so that a friend changed in the same millisecond as the last one a caller saw is
//!   not missed, at the price of seeing that one again; `createtime`, the
//!   deprecated spelling, when `updatetime` is absent), every item with `createtime`,
//!   `updatetime`, `bidirection`, and `alias`, `ex`, `serverex` only when set.
//! - v2 answers leave unset fields out (as the account family does); a reject answers `{}`.
//! - listFriends is ordered by friend account id; its `next_token` is opaque and only tokens
//!   this server gave out are accepted.
//!
//! # Codes
//!
//! Only the self-add desc is documented; the rest follow the `<family><v1 code>` pattern of
//! [`message_common`](crate::families) (104 = friend family):
//!
//! | refusal | v1 | v2 |
//! |---|---|---|
//! | unknown account | 414 `<field> <id> not register` | 102404 |
//! | self-add | 414 `accid can't same with the faccid` (documented) | 414 |
//! | `type` out of range | 414 | 414 |
//! | not friends (update, getByAccid, getFriend) | 404 | 104404 |
//! | no pending request (accept, reject) | 404 | 104404 |
//! | over the friend cap | 419 | 104419 |

use std::collections::BTreeMap;

use nim_core::Code;

use crate::reply::ApiError;

/// The most friends one account may have, unless a test sets another cap (DOC-FRIEND).
pub(crate) const DEFAULT_FRIEND_LIMIT: usize = 3000;

/// v2: the two accounts are not friends, or no request is pending.
pub(crate) const V2_FRIEND_NOT_FOUND: u32 = 104404;
/// v2: over the friend cap.
pub(crate) const V2_FRIEND_LIMIT: u32 = 104419;

/// One friend of an account, as [`Emulator::friends`](crate::Emulator::friends) shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FriendRecord {
    /// The friend's account id.
    pub friend: String,
    /// The owner's alias (remark name) for the friend: v1 `alias`, v2 `alias`.
    pub alias: Option<String>,
    /// The extension: v1 `ex`, v2 `extension`.
    pub ex: Option<String>,
    /// The server-only extension: v1 `serverex`, v2 `customer_extension`.
    pub serverex: Option<String>,
    /// When the friendship was made (Unix ms, state clock).
    pub create_time: u64,
    /// When the entry last changed (Unix ms, state clock).
    pub update_time: u64,
    /// Whether the friend also has the owner as a friend (v1 `bidirection`).
    pub mutual: bool,
}

/// A pending friend request, as [`Emulator::friend_requests`](crate::Emulator::friend_requests)
/// shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FriendRequestRecord {
    /// Who asked.
    pub from: String,
    /// Who is asked (the account that may accept or reject).
    pub to: String,
    /// The request message: v1 `msg`, v2 `postscript`.
    pub message: Option<String>,
    /// When the request was made (Unix ms, state clock).
    pub time: u64,
}

/// The fields an operation sets on an entry: `None` leaves one as it is, `Some("")` clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fields {
    pub(crate) alias: Option<String>,
    pub(crate) ex: Option<String>,
    pub(crate) serverex: Option<String>,
}

/// One direction of a friendship.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) alias: Option<String>,
    pub(crate) ex: Option<String>,
    pub(crate) serverex: Option<String>,
    pub(crate) create_time: u64,
    pub(crate) update_time: u64,
}

impl Entry {
    /// Writes the given fields; an empty one becomes unset.
    fn apply(&mut self, fields: Fields) {
        for (slot, value) in [
            (&mut self.alias, fields.alias),
            (&mut self.ex, fields.ex),
            (&mut self.serverex, fields.serverex),
        ] {
            if let Some(value) = value {
                *slot = (!value.is_empty()).then_some(value);
            }
        }
    }
}

/// A pending request: its message, time, and the requester's own fields for its entry.
#[derive(Debug, Clone, Default)]
struct Request {
    message: Option<String>,
    time: u64,
    fields: Fields,
}

/// Why a friend operation is refused, before it is put in either protocol's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FriendError {
    /// `owner` and `friend` are the same account.
    SelfAdd,
    /// `owner` does not have `friend` as a friend.
    NotFriends { owner: String, friend: String },
    /// No request from `from` to `to` is pending.
    NoRequest { from: String, to: String },
    /// `accid` already has as many friends as the cap allows.
    OverLimit { accid: String, limit: usize },
}

impl FriendError {
    /// The v1 answer.
    pub(crate) fn v1(&self) -> ApiError {
        match self {
            FriendError::SelfAdd => ApiError::param("accid can't same with the faccid"),
            FriendError::NotFriends { owner, friend } => ApiError::new(
                Code::NotFound,
                format!("accid {owner} and faccid {friend} are not friends"),
            ),
            FriendError::NoRequest { from, to } => ApiError::new(
                Code::NotFound,
                format!("no pending friend request from {from} to {to}"),
            ),
            FriendError::OverLimit { accid, limit } => ApiError::new(
                Code::OverLimit,
                format!("friend limit reached: {accid} already has {limit} friends"),
            ),
        }
    }

    /// The v2 answer.
    pub(crate) fn v2(&self) -> ApiError {
        match self {
            FriendError::SelfAdd => {
                ApiError::param("account_id can't same with the friend_account_id")
            }
            FriendError::NotFriends { owner, friend } => ApiError::with_code(
                V2_FRIEND_NOT_FOUND,
                format!("friend not found: {owner} and {friend} are not friends"),
            ),
            FriendError::NoRequest { from, to } => ApiError::with_code(
                V2_FRIEND_NOT_FOUND,
                format!("friend request not found: none pending from {from} to {to}"),
            ),
            FriendError::OverLimit { accid, limit } => ApiError::with_code(
                V2_FRIEND_LIMIT,
                format!("friend limit reached: {accid} already has {limit} friends"),
            ),
        }
    }
}

/// Every friendship, pending request and kept alias; account ids are lowercased.
#[derive(Debug, Default)]
pub(crate) struct Friends {
    /// owner → friend → the owner's entry for the friend.
    by_owner: BTreeMap<String, BTreeMap<String, Entry>>,
    /// (from, to) → the pending request.
    requests: BTreeMap<(String, String), Request>,
    /// (owner, friend) → the alias kept by a delete that did not drop it.
    kept_aliases: BTreeMap<(String, String), String>,
    /// The cap a test set; [`DEFAULT_FRIEND_LIMIT`] when `None`.
    limit: Option<usize>,
}

impl Friends {
    /// The friend cap in force.
    pub(crate) fn limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_FRIEND_LIMIT)
    }

    /// Replaces the friend cap (until reset).
    pub(crate) fn set_limit(&mut self, limit: usize) {
        self.limit = Some(limit);
    }

    /// The owner's entry for `friend`, if they are friends.
    pub(crate) fn get(&self, owner: &str, friend: &str) -> Option<&Entry> {
        self.by_owner.get(owner)?.get(friend)
    }

    /// Whether `owner` has `friend` as a friend.
    pub(crate) fn is_friend(&self, owner: &str, friend: &str) -> bool {
        self.get(owner, friend).is_some()
    }

    /// The owner's friends, ordered by friend account id.
    pub(crate) fn list(&self, owner: &str) -> Vec<(&str, &Entry)> {
        self.by_owner
            .get(owner)
            .map(|m| m.iter().map(|(f, e)| (f.as_str(), e)).collect())
            .unwrap_or_default()
    }

    fn count(&self, owner: &str) -> usize {
        self.by_owner.get(owner).map_or(0, BTreeMap::len)
    }

    /// Makes `owner` and `friend` friends both ways: the owner's entry takes `fields`, the
    /// friend's entry `theirs`. Missing entries are created (with a kept alias when no alias
    /// is given); existing ones are updated. Pending requests between the two are cleared.
    /// Refused, with nothing changed, for a self-add or over the cap.
    pub(crate) fn befriend(
        &mut self,
        owner: &str,
        friend: &str,
        fields: Fields,
        theirs: Fields,
        now_ms: u64,
    ) -> Result<&Entry, FriendError> {
        if owner == friend {
            return Err(FriendError::SelfAdd);
        }
        let limit = self.limit();
        for (a, b) in [(owner, friend), (friend, owner)] {
            if !self.is_friend(a, b) && self.count(a) >= limit {
                return Err(FriendError::OverLimit {
                    accid: a.to_owned(),
                    limit,
                });
            }
        }
        for (a, b, given, mine) in [
            (friend, owner, theirs, false),
            (owner, friend, fields, true),
        ] {
            let created = !self.is_friend(a, b);
            let kept = self.kept_aliases.remove(&(a.to_owned(), b.to_owned()));
            let entry = self
                .by_owner
                .entry(a.to_owned())
                .or_default()
                .entry(b.to_owned())
                .or_insert_with(|| Entry {
                    alias: kept,
                    create_time: now_ms,
                    ..Entry::default()
                });
            // The other side's entry changes only when it is new or given fields.
            if mine || created || given != Fields::default() {
                entry.apply(given);
                entry.update_time = now_ms;
            }
        }
        self.requests.remove(&(owner.to_owned(), friend.to_owned()));
        self.requests.remove(&(friend.to_owned(), owner.to_owned()));
        self.get(owner, friend)
            .ok_or_else(|| FriendError::NotFriends {
                owner: owner.to_owned(),
                friend: friend.to_owned(),
            })
    }

    /// Records (or replaces) a request from `from` to `to`; `fields` are the requester's own
    /// for its entry on accept.
    pub(crate) fn request(
        &mut self,
        from: &str,
        to: &str,
        message: Option<String>,
        fields: Fields,
        now_ms: u64,
    ) -> Result<(), FriendError> {
        if from == to {
            return Err(FriendError::SelfAdd);
        }
        self.requests.insert(
            (from.to_owned(), to.to_owned()),
            Request {
                message: message.filter(|m| !m.is_empty()),
                time: now_ms,
                fields,
            },
        );
        Ok(())
    }

    /// `accepter` accepts the pending request of `requester`: mutual friends, the accepter's
    /// entry with `fields`, the requester's with the fields of its request.
    pub(crate) fn accept(
        &mut self,
        accepter: &str,
        requester: &str,
        fields: Fields,
        now_ms: u64,
    ) -> Result<&Entry, FriendError> {
        if accepter == requester {
            return Err(FriendError::SelfAdd);
        }
        let key = (requester.to_owned(), accepter.to_owned());
        let Some(request) = self.requests.get(&key) else {
            return Err(FriendError::NoRequest {
                from: requester.to_owned(),
                to: accepter.to_owned(),
            });
        };
        let theirs = request.fields.clone();
        self.befriend(accepter, requester, fields, theirs, now_ms)
    }

    /// `accepter` rejects the pending request of `requester`, which goes away.
    pub(crate) fn reject(&mut self, accepter: &str, requester: &str) -> Result<(), FriendError> {
        if accepter == requester {
            return Err(FriendError::SelfAdd);
        }
        self.requests
            .remove(&(requester.to_owned(), accepter.to_owned()))
            .map(drop)
            .ok_or_else(|| FriendError::NoRequest {
                from: requester.to_owned(),
                to: accepter.to_owned(),
            })
    }

    /// Sets the given fields of the owner's entry for `friend`.
    pub(crate) fn update(
        &mut self,
        owner: &str,
        friend: &str,
        fields: Fields,
        now_ms: u64,
    ) -> Result<&Entry, FriendError> {
        let entry = self
            .by_owner
            .get_mut(owner)
            .and_then(|m| m.get_mut(friend))
            .ok_or_else(|| FriendError::NotFriends {
                owner: owner.to_owned(),
                friend: friend.to_owned(),
            })?;
        entry.apply(fields);
        entry.update_time = now_ms;
        Ok(entry)
    }

    /// Ends the friendship both ways; keeps the owner's alias unless `delete_alias`, and the
    /// friend's alias always.
    pub(crate) fn delete(
        &mut self,
        owner: &str,
        friend: &str,
        delete_alias: bool,
    ) -> Result<(), FriendError> {
        let Some(mine) = self.by_owner.get_mut(owner).and_then(|m| m.remove(friend)) else {
            // Not friends: nothing to remove, so a retried delete succeeds too (both SDKs'
            // callers may retry it); only a kept alias the caller asks to drop goes.
            if delete_alias {
                self.kept_aliases
                    .remove(&(owner.to_owned(), friend.to_owned()));
            }
            return Ok(());
        };
        let theirs = self.by_owner.get_mut(friend).and_then(|m| m.remove(owner));
        for (a, b, entry, keep) in [
            (owner, friend, Some(mine), !delete_alias),
            (friend, owner, theirs, true),
        ] {
            let key = (a.to_owned(), b.to_owned());
            match entry.and_then(|e| e.alias) {
                Some(alias) if keep => {
                    self.kept_aliases.insert(key, alias);
                }
                _ => {
                    self.kept_aliases.remove(&key);
                }
            }
        }
        self.by_owner.retain(|_, m| !m.is_empty());
        Ok(())
    }

    /// The owner's friends as inspection records.
    pub(crate) fn records(&self, owner: &str) -> Vec<FriendRecord> {
        self.list(owner)
            .into_iter()
            .map(|(friend, e)| FriendRecord {
                friend: friend.to_owned(),
                alias: e.alias.clone(),
                ex: e.ex.clone(),
                serverex: e.serverex.clone(),
                create_time: e.create_time,
                update_time: e.update_time,
                mutual: self.is_friend(friend, owner),
            })
            .collect()
    }

    /// The requests pending to `to`, ordered by requester.
    pub(crate) fn requests_to(&self, to: &str) -> Vec<FriendRequestRecord> {
        self.requests
            .iter()
            .filter(|((_, t), _)| t == to)
            .map(|((from, to), r)| FriendRequestRecord {
                from: from.clone(),
                to: to.clone(),
                message: r.message.clone(),
                time: r.time,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alias(a: &str) -> Fields {
        Fields {
            alias: Some(a.into()),
            ..Fields::default()
        }
    }

    #[test]
    fn befriend_is_mutual_and_clears_requests() {
        let mut f = Friends::default();
        f.request("a", "b", Some("hi".into()), Fields::default(), 1)
            .unwrap();
        f.request("b", "a", None, Fields::default(), 1).unwrap();
        f.befriend("a", "b", alias("bee"), Fields::default(), 5)
            .unwrap();
        assert!(f.is_friend("b", "a"));
        assert_eq!(f.get("a", "b").unwrap().alias.as_deref(), Some("bee"));
        assert_eq!(f.get("b", "a").unwrap().alias, None);
        assert!(f.requests_to("a").is_empty() && f.requests_to("b").is_empty());
        assert_eq!(
            f.befriend("a", "a", Fields::default(), Fields::default(), 1)
                .unwrap_err(),
            FriendError::SelfAdd
        );
    }

    #[test]
    fn kept_alias_and_cap() {
        let mut f = Friends::default();
        f.befriend("a", "b", alias("x"), alias("y"), 1).unwrap();
        f.delete("a", "b", false).unwrap();
        assert!(!f.is_friend("b", "a"));
        f.befriend("b", "a", Fields::default(), Fields::default(), 2)
            .unwrap();
        assert_eq!(f.get("a", "b").unwrap().alias.as_deref(), Some("x"));
        assert_eq!(f.get("b", "a").unwrap().alias.as_deref(), Some("y"));
        f.delete("a", "b", true).unwrap();
        f.befriend("a", "b", Fields::default(), Fields::default(), 3)
            .unwrap();
        assert_eq!(f.get("a", "b").unwrap().alias, None);
        f.set_limit(1);
        let err = f
            .befriend("c", "a", Fields::default(), Fields::default(), 4)
            .unwrap_err();
        assert_eq!(
            err,
            FriendError::OverLimit {
                accid: "a".into(),
                limit: 1
            }
        );
        assert!(!f.is_friend("c", "a"));
    }
}
