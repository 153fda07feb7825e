//! The server-side conversation list of one account.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::Accid;
use crate::message::ConversationType;

/// `history/querySessionList.action`: an account's conversations on the server, most
/// recently updated first, at most `limit` (1 to 100, default 100) per call.
///
/// When the answer's `hasMore` is `true`, query again with `maxTimestamp` set to the
/// oldest `updateTime` received (the client SDK's recipe; the server docs say nothing).
///
/// ```
/// use nim_api::history::{QuerySessionList, SessionList};
/// use nim_api::message::ConversationType;
/// # use nim_api::Endpoint as _;
///
/// let request = QuerySessionList::new("zhangsan").limit(20u32).need_last_msg(1u8);
/// assert_eq!(request.encode().unwrap().body.unwrap().1, "accid=zhangsan&limit=20&needLastMsg=1");
/// assert!(request.need_last_msg(2u8).validate().is_err());
///
/// let answer: SessionList = serde_json::from_str(
///     r#"{"hasMore":false,"sessions":[{"sessionType":2,"accid":null,"tid":"123456",
///         "updateTime":1700000000000,"lastMsgType":"0","lastMsg":"{\"msg\":\"hi\"}"}]}"#,
/// ).unwrap();
/// let team = &answer.sessions[0];
/// assert_eq!((team.kind(), team.tid), (Some(ConversationType::Team), Some(123456)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/querySessionList.action", idempotent, setters,
      response = SessionList, response_field = "data")]
pub struct QuerySessionList {
    /// The account whose conversations are read.
    pub accid: Accid,
    /// Only conversations updated at or after this time, in milliseconds (`minTimestamp`;
    /// default 0).
    #[nim(rename = "minTimestamp")]
    pub min_timestamp: Option<u64>,
    /// Only conversations updated at or before this time, in milliseconds (`maxTimestamp`;
    /// default now).
    #[nim(rename = "maxTimestamp")]
    pub max_timestamp: Option<u64>,
    /// The most conversations to answer, 1 to 100 (default 100).
    #[nim(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// `1`: also answer each conversation's last message (`needLastMsg`; `0` or `1`,
    /// default `0`).
    #[nim(rename = "needLastMsg", one_of = [0, 1])]
    pub need_last_msg: Option<u8>,
}

/// The answer to [`QuerySessionList`] (its `data`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SessionList {
    /// Whether more conversations are left (`hasMore`).
    #[serde(default, rename = "hasMore")]
    pub has_more: bool,
    /// The conversations.
    #[serde(default)]
    pub sessions: Vec<Session>,
}

/// One conversation of [`SessionList`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Session {
    /// `1` one-to-one, `2` advanced team, `3` super team (`sessionType`); see
    /// [`kind`](Self::kind).
    #[serde(default, rename = "sessionType")]
    pub session_type: u8,
    /// The peer account (one-to-one only).
    #[serde(default)]
    pub accid: Option<String>,
    /// The team id (teams only).
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub tid: Option<u64>,
    /// When it was last updated, in milliseconds (`updateTime`).
    #[serde(default, rename = "updateTime")]
    pub update_time: u64,
    /// The conversation's extension.
    #[serde(default, deserialize_with = "json_text")]
    pub ext: Option<String>,
    /// The last message's type, as text (`lastMsgType`).
    #[serde(default, rename = "lastMsgType", deserialize_with = "json_text")]
    pub last_msg_type: Option<String>,
    /// The last message, as JSON text (`lastMsg`; with `needLastMsg=1`).
    #[serde(default, rename = "lastMsg", deserialize_with = "json_text")]
    pub last_msg: Option<String>,
}

impl Session {
    /// The kind of conversation, when it is one nim-rs knows.
    pub fn kind(&self) -> Option<ConversationType> {
        ConversationType::from_number(self.session_type)
    }
}

/// Text as it is; any other JSON value as its JSON text; `null` as `None`.
fn json_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(text),
        Some(other) => Some(other.to_string()),
    })
}
