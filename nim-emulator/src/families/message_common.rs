//! What the message families of both protocols share: who may send where, and the codes
//! each protocol answers when they may not.
//!
//! Codes chosen (the facts give no v2 table for messages; the emulator keeps the v2 pattern
//! `<family><v1 code>` that 102404 / 102405 / 107449 show):
//!
//! | refusal | v1 | v2 |
//! |---|---|---|
//! | unknown account | 414 `<field> <id> not register` (the account family's desc) | 102404 |
//! | sender banned | 422 "account disabled" (DOC-CODES) | 102422 |
//! | sender muted (global or 1:1 mute) | 423 "account muted" (DOC-CODES) | 102423 |
//! | team not found | 803 (DOC-CODES) | 108404 (team family, not found) |
//! | message not found | v1 recall: 200 (documented) | 107404 |
//! | recall window passed | 508 (DOC-CODES) | 107508 |
//! | not the sender (modify) | 403 | 107403 |
//! | modified twice within 1 s | n/a | 107449 (documented) |
//! | 1:1 receiver has the sender on its blacklist | 7101 (what a client SDK gets, callbacks spec) | 106403 |
//! | `checkFriend` / `p2p_option.check_friend` and the receiver lacks the sender as a friend | 403 | 104403 |
//!
//! A blacklisted sender's 1:1 message is refused; the receiver's *mute* list never blocks
//! delivery. In batch sends both refusals are per receiver, like an unknown receiver: v2
//! lists it in `failed_list` with the code above; v1 delivers nothing to it and leaves it out
//! of `unregister` (and of `msgids`).

use nim_core::{Code, desc};

use crate::accounts::Accounts;
use crate::callbacks::{Callbacks, copies};
use crate::friends::Friends;
use crate::messages::{Message, Messages};
use crate::notifications::{Notification, Notifications};
use crate::reply::ApiError;
use crate::teams::{Kind, SpeakChecks, TeamError, Teams, team_members};

/// Stores a sent message and queues its conversation copy: every send of either protocol
/// stores through here, so every stored message is copied once. Answers the stored message.
pub(super) fn store(
    messages: &mut Messages,
    callbacks: &Callbacks,
    m: Message,
    now_secs: u64,
) -> Message {
    let m = messages.insert(m, now_secs);
    callbacks.enqueue(|| copies::conversation(&m));
    m
}

/// Logs a custom notification and queues its copy: every notification of either protocol
/// is logged through here.
pub(super) fn notify(notes: &mut Notifications, callbacks: &Callbacks, n: Notification) {
    // Official custom-notification copies carry a `msgidServer`; the emulator numbers them in
    // their own range (messages start at 10^15), under 2^53 like real ids.
    const FIRST_NOTIFICATION_ID: u64 = 2_000_000_000_000_000;
    let id = FIRST_NOTIFICATION_ID + u64::try_from(notes.log.len()).unwrap_or(u64::MAX / 2);
    callbacks.enqueue(|| copies::notification(&n, id));
    notes.log.push(n);
}

/// v2: the sender account is banned.
pub(super) const V2_ACCOUNT_BANNED: u32 = 102422;
/// v2: the sender is muted.
pub(super) const V2_ACCOUNT_MUTED: u32 = 102423;
/// v2: the team does not exist.
pub(super) const V2_TEAM_NOT_FOUND: u32 = 108404;
/// v2: the message does not exist (or is not in that conversation).
pub(super) const V2_MESSAGE_NOT_FOUND: u32 = 107404;
/// v2: the recall window has passed.
pub(super) const V2_RECALL_TIMEOUT: u32 = 107508;
/// v2: only the sender may do this.
pub(super) const V2_NOT_SENDER: u32 = 107403;
/// v2: the same message modified twice within a second (documented).
pub(super) const V2_MODIFY_TOO_OFTEN: u32 = 107449;
/// v1: the team does not exist.
pub(super) const V1_TEAM_NOT_FOUND: u32 = 803;
/// v1: the receiver has blacklisted the sender (the client SDK's code for it).
pub(super) const V1_BLACKLISTED: u32 = 7101;
/// v2: the receiver has blacklisted the sender.
pub(super) const V2_BLACKLISTED: u32 = 106403;
/// v2: `check_friend` asked for a friendship that does not exist.
pub(super) const V2_NOT_FRIEND: u32 = 104403;

/// Why a send (or another action on a conversation) is refused, in either protocol's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Refusal {
    /// No account `id`, named by the parameter `field`.
    Unknown { field: String, id: String },
    /// The sender is banned.
    Banned(String),
    /// The sender is muted for this kind of conversation.
    Muted(String),
    /// No team `tid`.
    NoTeam(String),
    /// `receiver` has `sender` on its blacklist.
    Blacklisted { sender: String, receiver: String },
    /// `receiver` does not have `sender` as a friend (a send with check_friend).
    NotFriend { sender: String, receiver: String },
    /// The team refuses the sender (not a member, muted); the team store's codes.
    Team(TeamError),
}

impl Refusal {
    /// The v1 answer.
    pub(super) fn v1(&self) -> ApiError {
        match self {
            Refusal::Unknown { field, id } => {
                ApiError::param(format!("{field} {id} {}", desc::NOT_REGISTER))
            }
            Refusal::Banned(id) => {
                ApiError::new(Code::AccountDisabled, format!("account {id} is disabled"))
            }
            Refusal::Muted(id) => {
                ApiError::new(Code::AccountMuted, format!("account {id} is muted"))
            }
            Refusal::NoTeam(tid) => {
                ApiError::with_code(V1_TEAM_NOT_FOUND, format!("team {tid} does not exist"))
            }
            Refusal::Blacklisted { sender, receiver } => ApiError::with_code(
                V1_BLACKLISTED,
                format!("{sender} is on the blacklist of {receiver}"),
            ),
            Refusal::Team(e) => e.v1(),
            Refusal::NotFriend { sender, receiver } => ApiError::new(
                Code::Forbidden,
                format!("checkFriend: {sender} is not a friend of {receiver}"),
            ),
        }
    }

    /// The v2 answer.
    pub(super) fn v2(&self) -> ApiError {
        match self {
            Refusal::Unknown { field, id } => ApiError::with_code(
                Code::AccountNotFound.as_u32(),
                format!("account not found: {id} ({field})"),
            ),
            Refusal::Banned(id) => {
                ApiError::with_code(V2_ACCOUNT_BANNED, format!("account {id} is disabled"))
            }
            Refusal::Muted(id) => {
                ApiError::with_code(V2_ACCOUNT_MUTED, format!("account {id} is muted"))
            }
            Refusal::NoTeam(tid) => {
                ApiError::with_code(V2_TEAM_NOT_FOUND, format!("team not found: {tid}"))
            }
            Refusal::Blacklisted { sender, receiver } => ApiError::with_code(
                V2_BLACKLISTED,
                format!("{sender} is on the blacklist of {receiver}"),
            ),
            Refusal::NotFriend { sender, receiver } => ApiError::with_code(
                V2_NOT_FRIEND,
                format!("check_friend: {sender} is not a friend of {receiver}"),
            ),
            Refusal::Team(e) => e.v2(),
        }
    }
}

/// Whether `id` names an existing account (`field` names it in the refusal).
pub(super) fn known(accounts: &Accounts, field: &str, id: &str) -> Result<(), Refusal> {
    if accounts.contains(id) {
        Ok(())
    } else {
        Err(Refusal::Unknown {
            field: field.to_owned(),
            id: id.to_ascii_lowercase(),
        })
    }
}

/// The members of team `tid` (of either kind), or a refusal naming the team if there is
/// none (v1 803, v2 108404).
pub(super) fn team(teams: &Teams, tid: &str) -> Result<Vec<String>, Refusal> {
    team_members(teams, tid).ok_or_else(|| Refusal::NoTeam(tid.to_owned()))
}

/// Whether `sender` (parameter `sender_field`) may send to `receiver` (`receiver_field`) in
/// a conversation of `kind` (1 1:1, 2 team, 3 super team): both exist, the sender is neither
/// banned nor muted (global mute, or the 1:1 / team module mute), and in a 1:1 chat not on
/// the receiver's blacklist (its mute list does not matter).
pub(super) fn may_send(
    accounts: &Accounts,
    teams: &Teams,
    sender: (&str, &str),
    kind: u8,
    receiver: (&str, &str),
) -> Result<(), Refusal> {
    may_send_with(accounts, teams, sender, kind, receiver, SpeakChecks::ALL)
}

/// [`may_send`] with only the team `checks` asked for (a v2 send's `team_option` /
/// `superteam_option`); the account checks always apply.
pub(super) fn may_send_with(
    accounts: &Accounts,
    teams: &Teams,
    (sender_field, sender): (&str, &str),
    kind: u8,
    (receiver_field, receiver): (&str, &str),
    checks: SpeakChecks,
) -> Result<(), Refusal> {
    known(accounts, sender_field, sender)?;
    if kind == 1 {
        known(accounts, receiver_field, receiver)?;
    } else {
        team(teams, receiver)?;
    }
    let team_kind = match kind {
        2 => Some(Kind::Advanced),
        3 => Some(Kind::Super),
        _ => None,
    };
    let Some(a) = accounts.find(sender) else {
        return Ok(());
    };
    if a.blocked {
        return Err(Refusal::Banned(a.accid.clone()));
    }
    let module_mute = if kind == 1 { a.mute_p2p } else { a.mute_team };
    if a.muted || module_mute {
        return Err(Refusal::Muted(a.accid.clone()));
    }
    if let Some(team_kind) = team_kind {
        let tid = receiver.parse().unwrap_or(0);
        teams
            .speak_with(tid, team_kind, &a.accid, checks)
            .map_err(Refusal::Team)?;
    }
    if kind == 1
        && let Some(r) = accounts.find(receiver)
        && r.blacklist.binary_search(&a.accid).is_ok()
    {
        return Err(Refusal::Blacklisted {
            sender: a.accid.clone(),
            receiver: r.accid.clone(),
        });
    }
    Ok(())
}

/// With `check` (v1 `checkFriend`, v2 `p2p_option.check_friend`) in a 1:1 chat (`kind` 1):
/// whether `receiver` has `sender` as a friend.
pub(super) fn friend_check(
    friends: &Friends,
    check: bool,
    sender: &str,
    kind: u8,
    receiver: &str,
) -> Result<(), Refusal> {
    let (sender, receiver) = (sender.to_ascii_lowercase(), receiver.to_ascii_lowercase());
    if !check || kind != 1 || friends.is_friend(&receiver, &sender) {
        return Ok(());
    }
    Err(Refusal::NotFriend { sender, receiver })
}
