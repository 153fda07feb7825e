//! The ids of conversations and messages, as types: built right by their constructors
//! rather than concatenated by hand.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validate::{Validate, ValidationError};
use crate::wire::int_enum;
use crate::{Accid, Form, FormValue, ListItem};

int_enum! {
    /// The kind of a conversation: the middle part of a v2 conversation id, and v1's
    /// `sessionType`.
    pub enum ConversationType: u8 {
        /// One-to-one (`1`): the peer is an account.
        P2p = 1,
        /// Advanced team (`2`): the peer is a team id.
        Team = 2,
        /// Super team (`3`): the peer is a super team id.
        SuperTeam = 3,
    }
}

/// A v2 conversation id, `<account>|<type>|<peer>`: `zhangsan|1|lisi` (one-to-one),
/// `zhangsan|2|123456` (team), `zhangsan|3|123456` (super team).
///
/// The first part is the sender when sending, recalling or reading one message, and the
/// account whose view is read when paging through history.
///
/// ```
/// use nim_api::message::{ConversationId, ConversationType};
///
/// let id = ConversationId::p2p("ZhangSan", "lisi");
/// assert_eq!(id.to_string(), "zhangsan|1|lisi");
/// assert_eq!(ConversationId::team("zhangsan", 123456).to_string(), "zhangsan|2|123456");
///
/// let parsed: ConversationId = "a|3|99".parse().unwrap();
/// assert_eq!(parsed.kind(), ConversationType::SuperTeam);
/// assert_eq!(parsed.peer(), "99");
/// assert!("a|4|b".parse::<ConversationId>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConversationId {
    account: Accid,
    kind: ConversationType,
    peer: String,
}

impl ConversationId {
    /// The one-to-one conversation of `account` with `peer`.
    pub fn p2p(account: impl Into<Accid>, peer: impl Into<Accid>) -> Self {
        ConversationId {
            account: lowercased(account.into()),
            kind: ConversationType::P2p,
            peer: peer.into().wire().into_owned(),
        }
    }

    /// `account`'s view of the advanced team `team_id`.
    pub fn team(account: impl Into<Accid>, team_id: impl fmt::Display) -> Self {
        ConversationId {
            account: lowercased(account.into()),
            kind: ConversationType::Team,
            peer: team_id.to_string(),
        }
    }

    /// `account`'s view of the super team `team_id`.
    pub fn super_team(account: impl Into<Accid>, team_id: impl fmt::Display) -> Self {
        ConversationId {
            account: lowercased(account.into()),
            kind: ConversationType::SuperTeam,
            peer: team_id.to_string(),
        }
    }

    /// The first part: the sender, or the account whose view is read.
    pub fn account(&self) -> &Accid {
        &self.account
    }

    /// The kind of conversation.
    pub fn kind(&self) -> ConversationType {
        self.kind
    }

    /// The peer: an account (one-to-one) or a team id.
    pub fn peer(&self) -> &str {
        &self.peer
    }
}

/// Accounts are case-insensitive on the server (sent lowercased), so ids compare that way.
fn lowercased(account: Accid) -> Accid {
    Accid::from(account.wire().into_owned())
}

impl ConversationId {
    /// `a|1|b`, built without the formatting machinery: it is on every send's path.
    fn joined(&self) -> String {
        let account = self.account.wire();
        let mut out = String::with_capacity(account.len() + self.peer.len() + 3);
        out.push_str(&account);
        out.push('|');
        out.push(match self.kind {
            ConversationType::P2p => '1',
            ConversationType::Team => '2',
            ConversationType::SuperTeam => '3',
        });
        out.push('|');
        out.push_str(&self.peer);
        out
    }
}

impl fmt::Display for ConversationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.joined())
    }
}

/// Why a text is not a conversation id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseConversationIdError(String);

impl fmt::Display for ParseConversationIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a conversation id `<account>|<1, 2 or 3>|<peer>`",
            self.0
        )
    }
}

impl std::error::Error for ParseConversationIdError {}

impl FromStr for ConversationId {
    type Err = ParseConversationIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let error = || ParseConversationIdError(s.to_owned());
        let mut parts = s.splitn(3, '|');
        let (Some(account), Some(kind), Some(peer)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(error());
        };
        let kind = kind
            .parse::<u8>()
            .ok()
            .and_then(ConversationType::from_number)
            .ok_or_else(error)?;
        if account.is_empty() || peer.is_empty() || peer.contains('|') {
            return Err(error());
        }
        Ok(ConversationId {
            account: lowercased(account.into()),
            kind,
            peer: match kind {
                ConversationType::P2p => Accid::from(peer).wire().into_owned(),
                _ => peer.to_owned(),
            },
        })
    }
}

/// The account (and a one-to-one peer) must be valid accids; a team id must be decimal digits
/// (team ids are numbers), so no `,`, `/` or `|` can split a comma-joined query list or a
/// path.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::validate::Validate;
///
/// assert!(ConversationId::team("zhangsan", 123456).validate().is_ok());
/// let err = ConversationId::team("zhangsan", "12,34").validate().unwrap_err();
/// assert_eq!(err.field(), "conversation_id");
/// ```
impl Validate for ConversationId {
    fn validate(&self) -> Result<(), ValidationError> {
        let field = "conversation_id";
        let account_rules = |text: &str| {
            crate::validate::required(field, text)?;
            crate::validate::max_len(field, text, 32)?;
            crate::validate::accid(field, text)
        };
        account_rules(&self.account)?;
        match self.kind {
            ConversationType::P2p => account_rules(&self.peer),
            _ => {
                crate::validate::required(field, self.peer.as_str())?;
                if self.peer.bytes().all(|b| b.is_ascii_digit()) {
                    Ok(())
                } else {
                    Err(ValidationError::custom(
                        field,
                        format!("a team id is decimal digits, not {:?}", self.peer),
                    ))
                }
            }
        }
    }
}

impl crate::path::PathValue for ConversationId {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.joined())
    }
}

impl FormValue for ConversationId {
    fn write_form(&self, name: &str, form: &mut Form) {
        form.append(name, &self.joined());
    }
}

/// In lists: a JSON string in bodies, the bare id in comma-joined query lists (the query
/// encoder percent-encodes its `|`, as the Java SDK's URLEncoder does).
impl ListItem for ConversationId {
    fn write_json(&self, out: &mut String) {
        // Serialising a `str` into a `String` cannot fail (no I/O, no map keys).
        if let Ok(quoted) = serde_json::to_string(&self.joined()) {
            out.push_str(&quoted);
        }
    }

    fn write_text(&self, out: &mut String) {
        out.push_str(&self.joined());
    }
}

impl Serialize for ConversationId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.joined())
    }
}

impl<'de> Deserialize<'de> for ConversationId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A message's server id (`msgid`, `message_server_id`), assigned when it is sent.
///
/// Server ids exceed 2^53, so they are kept as `u64`, never as a float; answers may give them
/// as a number or as a string, and both are read.
///
/// ```
/// use nim_api::message::MessageServerId;
///
/// let id: MessageServerId = serde_json::from_str(r#""9007199254740993""#).unwrap();
/// assert_eq!(id, MessageServerId::new(9007199254740993));
/// assert_eq!(serde_json::to_string(&id).unwrap(), "9007199254740993");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct MessageServerId(u64);

impl MessageServerId {
    /// The id `id`.
    pub const fn new(id: u64) -> Self {
        MessageServerId(id)
    }

    /// The number.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl From<u64> for MessageServerId {
    fn from(id: u64) -> Self {
        MessageServerId(id)
    }
}

impl fmt::Display for MessageServerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FormValue for MessageServerId {
    fn write_form(&self, name: &str, form: &mut Form) {
        self.0.write_form(name, form);
    }
}

impl ListItem for MessageServerId {
    fn write_json(&self, out: &mut String) {
        self.0.write_json(out);
    }

    fn write_text(&self, out: &mut String) {
        self.0.write_text(out);
    }
}

impl crate::path::PathValue for MessageServerId {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.0.to_string())
    }
}

impl crate::validate::Number for MessageServerId {
    fn number(&self) -> Option<i128> {
        Some(i128::from(self.0))
    }
}

impl Serialize for MessageServerId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for MessageServerId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        number_or_string(deserializer).map(MessageServerId)
    }
}

/// A `u64` sent as a JSON number or as a string holding one (answers do both).
pub(crate) fn number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<'a> {
        Number(u64),
        #[serde(borrow)]
        Text(Cow<'a, str>),
    }
    match Either::deserialize(d)? {
        Either::Number(n) => Ok(n),
        Either::Text(text) => text
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::custom(format_args!("`{text}` is not an id"))),
    }
}

/// A message's client id (`message_client_id`, `msgidclient`): chosen by the sender, unique
/// per sender. When a v2 send does not set one, nim-rs generates a fresh one for each call
/// ([`MessageClientId::generate`]); the answer carries the id used.
///
/// ```
/// use nim_api::message::MessageClientId;
///
/// let fresh = MessageClientId::generate();
/// assert_eq!(fresh.as_str().len(), 32);
/// assert_ne!(fresh, MessageClientId::generate());
/// assert_eq!(MessageClientId::from("order-42").as_str(), "order-42");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MessageClientId(String);

impl MessageClientId {
    /// A fresh id: 32 hex digits, distinct from every other this process makes.
    pub fn generate() -> Self {
        MessageClientId(crate::unique_id())
    }

    /// The id's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for MessageClientId {
    fn from(id: &str) -> Self {
        MessageClientId(id.to_owned())
    }
}

impl From<String> for MessageClientId {
    fn from(id: String) -> Self {
        MessageClientId(id)
    }
}

impl fmt::Display for MessageClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FormValue for MessageClientId {
    fn write_form(&self, name: &str, form: &mut Form) {
        form.append(name, &self.0);
    }
}

impl crate::path::PathValue for MessageClientId {
    fn path_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.0)
    }
}

impl crate::validate::Text for MessageClientId {
    fn text(&self) -> Option<&str> {
        Some(&self.0)
    }
}

/// Not empty: the server would take an empty id for a missing one.
impl Validate for MessageClientId {
    fn validate(&self) -> Result<(), ValidationError> {
        crate::validate::required("message_client_id", self.0.as_str())
    }
}
