//! Reading messages: one by id, a conversation page by page, several by id, search, and a
//! thread.

// `QueryThreadMessages::new` takes the nine required query parameters (the thread root is
// six of them, sent as separate query parameters, which no nested object can carry).
#![allow(clippy::too_many_arguments)]

use serde::Deserialize;

use super::MessageRecord;
use crate::message::{ConversationId, ConversationType, MessageServerId};
use crate::wire::int_enum;
use crate::{Accid, Form, FormValue, Page};

/// `GET /im/v2.1/conversations/{conversation_id}/messages/{message_server_id}`
/// (queryMessage): one message. The conversation id's first part is the sender.
///
/// The query parameters are the Java SDK's; the Go SDK sends none.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::message::QueryMessage;
/// # use nim_api::Endpoint as _;
/// let request = QueryMessage::new(ConversationId::p2p("zhangsan", "lisi"), 123u64).message_time(1700000000000u64);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/conversations/zhangsan|1|lisi/messages/123?message_time=1700000000000",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/conversations/{conversation_id}/messages/{message_server_id}",
      method = "GET", idempotent, setters, response = MessageRecord)]
pub struct QueryMessage {
    /// The conversation, `<sender>|<type>|<peer>`.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// The message.
    #[nim(path)]
    pub message_server_id: MessageServerId,
    /// Its send time (ms).
    #[nim(query)]
    pub message_time: Option<u64>,
    /// Check that the team exists.
    #[nim(query)]
    pub check_team_valid: Option<bool>,
    /// Check that the querying account is a member.
    #[nim(query)]
    pub check_team_member_valid: Option<bool>,
}

/// `GET /im/v2.1/conversations/{conversation_id}/messages` (queryMessagesByPage): a
/// conversation's history between two times, up to 100 messages a page; walk every page with
/// `Client::pages`. The conversation id's first part is the account whose view is read.
///
/// **`descending` is inverted**: per the official page and the Java SDK, `true` returns the
/// oldest messages first and `false` the newest first. The default is not stated.
///
/// `check_team_valid` and `include_no_sense_msg` are the Java SDK's (and the page's); the Go
/// SDK does not send them. The `/im/v2/` form of this path is deprecated.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::message::QueryMessagesByPage;
/// # use nim_api::Endpoint as _;
/// let request = QueryMessagesByPage::new(ConversationId::p2p("zhangsan", "lisi"), 1000u64, 2000u64, 50u32)
///     .message_type([0u32, 1])
///     .page_token("t1");
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/conversations/zhangsan|1|lisi/messages?begin_time=1000&end_time=2000&limit=50&page_token=t1&message_type=0%2C1",
/// );
/// let too_many = QueryMessagesByPage::new(ConversationId::p2p("zhangsan", "lisi"), 1000u64, 2000u64, 101u32);
/// assert_eq!(too_many.validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/conversations/{conversation_id}/messages", method = "GET", idempotent,
      setters, response = MessagePage)]
pub struct QueryMessagesByPage {
    /// The conversation, `<owner>|<type>|<peer>`.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// From (ms).
    #[nim(query)]
    pub begin_time: u64,
    /// To (ms); no maximum span is documented.
    #[nim(query)]
    pub end_time: u64,
    /// Messages per page, 1 to 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: u32,
    /// The previous page's `next_token`; none for the first page.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Inverted: `true` oldest first, `false` newest first (see above).
    #[nim(query)]
    pub descending: Option<bool>,
    /// Only these message types (sent comma-joined); all when unset.
    #[nim(query)]
    pub message_type: Option<Vec<u32>>,
    /// Check that the team exists and the account is a valid member (default `true`;
    /// advanced teams only).
    #[nim(query)]
    pub check_team_valid: Option<bool>,
    /// Include no-sense messages, one-way recalled and one-way deleted ones (default
    /// `false`).
    #[nim(query)]
    pub include_no_sense_msg: Option<bool>,
}

/// A page of messages ([`QueryMessagesByPage`]).
pub type MessagePage = crate::TokenPage<MessageRecord>;

/// A message as [`BatchQueryMessages`] names it: server id and send time.
///
/// ```
/// use nim_api::v2::message::MessageKey;
///
/// let key = MessageKey::new(123u64, 1700000000000u64);
/// assert_eq!(serde_json::to_string(&key).unwrap(), r#"{"message_server_id":123,"create_time":1700000000000}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct MessageKey {
    /// The server id.
    pub message_server_id: MessageServerId,
    /// The send time (ms).
    pub create_time: u64,
}

/// `POST /im/v2.1/conversations/{conversation_id}/batch_messages` (batchQueryMessages):
/// several messages of one conversation by server id and send time. The conversation id's
/// first part is the account whose view is read. No maximum count is documented.
///
/// A read: idempotent, although sent as a POST.
///
/// ```
/// use nim_api::message::ConversationId;
/// use nim_api::v2::message::{BatchQueryMessages, MessageKey};
/// # use nim_api::Endpoint as _;
/// let request = BatchQueryMessages::new(ConversationId::p2p("zhangsan", "lisi"), [MessageKey::new(1u64, 2u64)]);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/conversations/zhangsan|1|lisi/batch_messages");
/// assert_eq!(encoded.body.unwrap().1, r#"{"messages":[{"message_server_id":1,"create_time":2}]}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/conversations/{conversation_id}/batch_messages", idempotent, setters,
      response = BatchQueryMessagesResult)]
pub struct BatchQueryMessages {
    /// The conversation, `<owner>|<type>|<peer>`.
    #[nim(path)]
    pub conversation_id: ConversationId,
    /// The messages, at least one.
    #[nim(min_items = 1)]
    pub messages: Vec<MessageKey>,
}

/// [`BatchQueryMessages`]'s answer.
///
/// ```
/// use nim_api::v2::message::BatchQueryMessagesResult;
///
/// let answer: BatchQueryMessagesResult = serde_json::from_str(
///     r#"{"success_list":[{"message_server_id":1}],
///         "failed_list":[{"message_server_id":"2","create_time":5,"error_code":404,"error_msg":"gone"}]}"#,
/// ).unwrap();
/// assert_eq!(answer.failed_list[0].message_server_id.get(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct BatchQueryMessagesResult {
    /// The messages found.
    #[serde(default)]
    pub success_list: Vec<MessageRecord>,
    /// The messages not found, with why.
    #[serde(default)]
    pub failed_list: Vec<MessageKeyFailure>,
}

/// A message [`BatchQueryMessages`] could not read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct MessageKeyFailure {
    /// Its server id.
    pub message_server_id: MessageServerId,
    /// Its send time as asked (ms).
    #[serde(default)]
    pub create_time: u64,
    /// Why.
    #[serde(default)]
    pub error_code: u32,
    /// The server's explanation.
    #[serde(default)]
    pub error_msg: String,
}

/// Search keywords, sent as one JSON array in the query (`keyword_list=["a","b"]`), as both
/// SDKs do; at most 5.
///
/// ```
/// use nim_api::v2::message::KeywordList;
/// use nim_api::{Form, FormValue};
///
/// let mut query = Form::new();
/// KeywordList::from(["hi", "yo"]).write_query("keyword_list", &mut query);
/// assert_eq!(query.as_str(), "keyword_list=%5B%22hi%22%2C%22yo%22%5D");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
// Read by name (`nim call`, `ActionInfo::build`) as the value it wraps.
#[serde(transparent)]
pub struct KeywordList(pub Vec<String>);

impl<const N: usize> From<[&str; N]> for KeywordList {
    fn from(words: [&str; N]) -> Self {
        KeywordList(words.iter().map(|w| (*w).to_owned()).collect())
    }
}

impl From<Vec<String>> for KeywordList {
    fn from(words: Vec<String>) -> Self {
        KeywordList(words)
    }
}

impl From<Vec<&str>> for KeywordList {
    fn from(words: Vec<&str>) -> Self {
        KeywordList(words.into_iter().map(str::to_owned).collect())
    }
}

impl FormValue for KeywordList {
    fn write_form(&self, name: &str, form: &mut Form) {
        // Strings always serialise.
        if let Ok(json) = serde_json::to_string(&self.0) {
            form.append(name, &json);
        }
    }
}

impl crate::validate::List for KeywordList {
    fn items(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

int_enum! {
    /// How several keywords combine (`keyword_match_type`).
    pub enum KeywordMatch: u8 {
        /// Any keyword (`0`).
        Any = 0,
        /// Every keyword (`1`).
        All = 1,
    }
}

int_enum! {
    /// The order of search results (`direction`).
    pub enum SearchDirection: u8 {
        /// Newest first (`0`, the default).
        NewestFirst = 0,
        /// Oldest first (`1`).
        OldestFirst = 1,
    }
}

/// `GET /im/v2.1/messages/actions/search_messages` (searchMessages): full-text search of an
/// account's cloud history, page by page (`Client::pages` walks them).
///
/// Lists go comma-joined except `keyword_list`, a JSON array (see [`KeywordList`]); at most
/// 5 senders (else 414) and 5 keywords. With keywords, notification messages (type 5) are not
/// searched and other non-text messages match by their `text` only. `direction` is the Java
/// SDK's request field, which its service does not send; it is declared as documented.
///
/// ```
/// use nim_api::v2::message::{KeywordMatch, SearchMessages};
/// # use nim_api::Endpoint as _;
/// let request = SearchMessages::new("zhangsan")
///     .keyword_list(["hello", "world"])
///     .keyword_match_type(KeywordMatch::All)
///     .limit(20u32);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/messages/actions/search_messages?operator_id=zhangsan&keyword_list=%5B%22hello%22%2C%22world%22%5D&keyword_match_type=1&limit=20",
/// );
/// let six = SearchMessages::new("zhangsan").keyword_list(["a", "b", "c", "d", "e", "f"]);
/// assert_eq!(six.validate().unwrap_err().field(), "keyword_list");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/messages/actions/search_messages", method = "GET", idempotent, setters,
      response = SearchPage)]
pub struct SearchMessages {
    /// The searching account.
    #[nim(query)]
    pub operator_id: Accid,
    /// One conversation (`<sender>|<type>|<peer>`); all when unset.
    #[nim(query)]
    pub conversation_id: Option<ConversationId>,
    /// Only these senders, at most 5.
    #[nim(query, max_items = 5)]
    pub sender_account_ids: Option<Vec<Accid>>,
    /// Only these message types.
    #[nim(query)]
    pub message_types: Option<Vec<u32>>,
    /// Only these sub-types.
    #[nim(query)]
    pub message_sub_types: Option<Vec<u32>>,
    /// Where the search starts (ms).
    #[nim(query)]
    pub start_time: Option<u64>,
    /// The span searched from `start_time` (ms; 86400000 is a day).
    #[nim(query)]
    pub time_period: Option<u64>,
    /// The keywords, at most 5.
    #[nim(query, max_items = 5)]
    pub keyword_list: Option<KeywordList>,
    /// Any or every keyword.
    #[nim(query)]
    pub keyword_match_type: Option<KeywordMatch>,
    /// The previous page's `next_token`.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Results per page, at most 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: Option<u32>,
    /// The order (see above).
    #[nim(query)]
    pub direction: Option<SearchDirection>,
}

/// A page of search results ([`SearchMessages`]).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SearchPage {
    /// The total number of hits.
    #[serde(default)]
    pub count: u64,
    /// Whether more pages follow.
    #[serde(default)]
    pub has_more: bool,
    /// The cursor of the next page (empty when done).
    #[serde(default)]
    pub next_token: Option<String>,
    /// The messages.
    #[serde(default)]
    pub items: Vec<MessageRecord>,
}

impl Page for SearchPage {
    fn next_page_token(&self) -> Option<&str> {
        crate::wire::next_token(self.has_more, &self.next_token)
    }
}

/// `GET /im/v2.1/messages/actions/thread_messages` (queryThreadMessages): the replies of a
/// thread, named by its root message, up to 100 a page (`Client::pages` walks them).
///
/// The root is named as the official page and the Java SDK name it (`conversation_type`,
/// `sender_id`, `receiver_id`, `message_server_id`, `message_client_id`, `create_time`). The
/// Go SDK names the last three `root_message_id`, `root_message_client_id` and
/// `root_message_time` and adds `exclude_root`; only `exclude_root` is declared as well.
/// `descending` is inverted as in [`QueryMessagesByPage`]: `true` is oldest first.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::message::QueryThreadMessages;
/// # use nim_api::Endpoint as _;
/// let request = QueryThreadMessages::new(
///     1000u64, 2000u64, 10u32, ConversationType::P2p, "zhangsan", "lisi", 123u64, "c1", 1500u64,
/// );
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/messages/actions/thread_messages?begin_time=1000&end_time=2000&limit=10&conversation_type=1&sender_id=zhangsan&receiver_id=lisi&message_server_id=123&message_client_id=c1&create_time=1500",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/messages/actions/thread_messages", method = "GET", idempotent, setters,
      response = ThreadPage)]
pub struct QueryThreadMessages {
    /// From (ms).
    #[nim(query)]
    pub begin_time: u64,
    /// To (ms).
    #[nim(query)]
    pub end_time: u64,
    /// Replies per page, 1 to 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: u32,
    /// The root's conversation kind.
    #[nim(query)]
    pub conversation_type: ConversationType,
    /// The root's sender.
    #[nim(query)]
    pub sender_id: Accid,
    /// The root's receiver: an account, or a team id.
    #[nim(query, required)]
    pub receiver_id: String,
    /// The root's server id.
    #[nim(query)]
    pub message_server_id: MessageServerId,
    /// The root's client id.
    #[nim(query, required)]
    pub message_client_id: String,
    /// The root's send time (ms).
    #[nim(query)]
    pub create_time: u64,
    /// The previous page's `next_token`.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Inverted: `true` oldest first.
    #[nim(query)]
    pub descending: Option<bool>,
    /// Leave the root out of the answer (Go SDK).
    #[nim(query)]
    pub exclude_root: Option<bool>,
}

/// A page of a thread ([`QueryThreadMessages`]).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ThreadPage {
    /// Whether more pages follow.
    #[serde(default)]
    pub has_more: bool,
    /// The cursor of the next page.
    #[serde(default)]
    pub next_token: Option<String>,
    /// The root message.
    #[serde(default)]
    pub thread_root: Option<MessageRecord>,
    /// The number of replies in the thread.
    #[serde(default)]
    pub total: u64,
    /// The replies on this page.
    #[serde(default)]
    pub messages: Vec<MessageRecord>,
    /// The server's time (ms; Java SDK).
    #[serde(default)]
    pub timestamp: Option<u64>,
}

impl Page for ThreadPage {
    fn next_page_token(&self) -> Option<&str> {
        crate::wire::next_token(self.has_more, &self.next_token)
    }
}
