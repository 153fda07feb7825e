//! Read receipts: one-to-one and team.

use serde::Deserialize;

use crate::Accid;
use crate::message::MessageServerId;

/// `POST /im/v2/messages/actions/p2p_read_receipt` (sendP2PReadReceipt): the receiver of a
/// one-to-one message tells its sender it was read.
///
/// Not idempotent: each call notifies the sender, so it is never sent again automatically.
///
/// ```
/// use nim_api::v2::message::SendP2PReadReceipt;
/// # use nim_api::Endpoint as _;
/// let encoded = SendP2PReadReceipt::new("lisi", "zhangsan", 123u64).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/messages/actions/p2p_read_receipt");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"from_account_id":"lisi","to_account_id":"zhangsan","message_server_id":123}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/messages/actions/p2p_read_receipt", setters,
      response = ReceiptTime)]
pub struct SendP2PReadReceipt {
    /// Who read it: the message's receiver.
    pub from_account_id: Accid,
    /// Who is told: the message's sender.
    pub to_account_id: Accid,
    /// The message read.
    pub message_server_id: MessageServerId,
}

/// [`SendP2PReadReceipt`]'s answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ReceiptTime {
    /// When the receipt was recorded (ms).
    #[serde(default)]
    pub timestamp: u64,
}

/// `POST /im/v2/messages/actions/team_read_receipt` (sendTeamReadReceipt): a member marks up
/// to 50 messages of an advanced team read. The team read-receipt feature must be on in the
/// console; teams of at most 200 members by default (500 when raised).
///
/// `team_id` is a number in both SDKs (the Apifox schema says string); it is sent as a
/// number. Not idempotent (each call notifies the senders).
///
/// ```
/// use nim_api::v2::message::SendTeamReadReceipt;
/// # use nim_api::Endpoint as _;
/// let encoded = SendTeamReadReceipt::new("lisi", 42u64, [1u64, 2]).encode().unwrap();
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"from_account_id":"lisi","team_id":42,"message_server_ids":[1,2]}"#,
/// );
/// assert!(SendTeamReadReceipt::new("lisi", 42u64, Vec::<u64>::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/messages/actions/team_read_receipt", setters,
      response = TeamReceiptResult)]
pub struct SendTeamReadReceipt {
    /// The member who read them.
    pub from_account_id: Accid,
    /// The advanced team.
    pub team_id: u64,
    /// The messages, 1 to 50.
    #[nim(min_items = 1, max_items = 50)]
    pub message_server_ids: Vec<MessageServerId>,
}

/// [`SendTeamReadReceipt`]'s answer: which messages were marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamReceiptResult {
    /// The messages marked read.
    #[serde(default)]
    pub success_list: Vec<MessageServerId>,
    /// The messages that could not be.
    #[serde(default)]
    pub failed_list: Vec<MessageServerId>,
}

/// `GET /im/v2/messages/actions/team_read_receipt` (queryTeamReadReceipt): who has read a
/// team message.
///
/// The SDKs disagree and no official page settles it: the Java SDK sends `team_id`,
/// `team_type` (always 1, the only kind supported), `sender_id`, `message_server_id` and
/// `snapshot` (list the accounts), and reads `read_size`, `unread_size`, `read_account_ids`,
/// `unread_account_ids`; the Go SDK sends `team_id`, `message_server_id` and
/// `include_account`, and reads `read_count`, `unread_count`, `read_accounts`,
/// `unread_accounts`. All parameters are declared (`team_id` and `message_server_id`
/// required) and the answer accepts both spellings.
///
/// ```
/// use nim_api::v2::message::{QueryTeamReadReceipt, TeamReadReceipt};
/// # use nim_api::Endpoint as _;
/// let request = QueryTeamReadReceipt::new(42u64, 123u64).team_type(1u8).sender_id("zhangsan").snapshot(true);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/messages/actions/team_read_receipt?team_id=42&message_server_id=123&team_type=1&sender_id=zhangsan&snapshot=true",
/// );
/// let go: TeamReadReceipt = serde_json::from_str(r#"{"read_count":1,"unread_count":2,"read_accounts":["a"]}"#).unwrap();
/// let java: TeamReadReceipt = serde_json::from_str(r#"{"read_size":1,"unread_size":2,"read_account_ids":["a"]}"#).unwrap();
/// assert_eq!(go, java);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/messages/actions/team_read_receipt", method = "GET", idempotent, setters,
      response = TeamReadReceipt)]
pub struct QueryTeamReadReceipt {
    /// The advanced team.
    #[nim(query)]
    pub team_id: u64,
    /// The message.
    #[nim(query)]
    pub message_server_id: MessageServerId,
    /// The team kind: 1 (advanced team), the only one supported (Java SDK).
    #[nim(query, one_of = [1])]
    pub team_type: Option<u8>,
    /// The message's sender (Java SDK).
    #[nim(query)]
    pub sender_id: Option<Accid>,
    /// Also list the accounts (Java SDK).
    #[nim(query)]
    pub snapshot: Option<bool>,
    /// Also list the accounts (Go SDK).
    #[nim(query)]
    pub include_account: Option<bool>,
}

/// [`QueryTeamReadReceipt`]'s answer, read from either SDK's keys (the Java SDK's
/// `read_size`, `unread_size`, `read_account_ids`, `unread_account_ids`; the Go SDK's
/// `read_count`, `unread_count`, `read_accounts`, `unread_accounts`). An answer carrying
/// both sets is read too, the Java keys first.
///
/// ```
/// use nim_api::v2::message::TeamReadReceipt;
///
/// let both: TeamReadReceipt = serde_json::from_str(
///     r#"{"read_size":1,"read_count":1,"read_account_ids":["a"],"read_accounts":["a"]}"#,
/// ).unwrap();
/// assert_eq!((both.read_size, both.read_account_ids.as_slice()), (1, ["a".to_owned()].as_slice()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "ReceiptKeys")]
#[non_exhaustive]
pub struct TeamReadReceipt {
    /// How many members read it (`read_size`, or `read_count`).
    pub read_size: u32,
    /// How many did not (`unread_size`, or `unread_count`).
    pub unread_size: u32,
    /// Who read it, when asked (`read_account_ids`, or `read_accounts`).
    pub read_account_ids: Vec<String>,
    /// Who did not, when asked (`unread_account_ids`, or `unread_accounts`).
    pub unread_account_ids: Vec<String>,
}

/// Both SDKs' keys of [`TeamReadReceipt`], each optional.
#[derive(Deserialize)]
struct ReceiptKeys {
    #[serde(default)]
    read_size: Option<u32>,
    #[serde(default)]
    read_count: Option<u32>,
    #[serde(default)]
    unread_size: Option<u32>,
    #[serde(default)]
    unread_count: Option<u32>,
    #[serde(default)]
    read_account_ids: Option<Vec<String>>,
    #[serde(default)]
    read_accounts: Option<Vec<String>>,
    #[serde(default)]
    unread_account_ids: Option<Vec<String>>,
    #[serde(default)]
    unread_accounts: Option<Vec<String>>,
}

impl From<ReceiptKeys> for TeamReadReceipt {
    fn from(k: ReceiptKeys) -> Self {
        TeamReadReceipt {
            read_size: k.read_size.or(k.read_count).unwrap_or_default(),
            unread_size: k.unread_size.or(k.unread_count).unwrap_or_default(),
            read_account_ids: k.read_account_ids.or(k.read_accounts).unwrap_or_default(),
            unread_account_ids: k
                .unread_account_ids
                .or(k.unread_accounts)
                .unwrap_or_default(),
        }
    }
}
