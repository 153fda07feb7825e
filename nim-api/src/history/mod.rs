//! The v1 `history/*` queries: one-to-one and team message history, the server-side
//! conversation list, login and logout events, and broadcasts.
//!
//! The message and event queries read a **time window** (`begintime` earlier than
//! `endtime`, in milliseconds; otherwise the server answers 414 "bad time", which nim-rs
//! refuses before sending) and answer at most `limit` (1 to 100) items. There is no cursor:
//! the next page is the window moved to the last item's time, excluding that item
//! ([`QuerySessionMsg::next_page`]). Only messages within the app's history retention can
//! be found.
//!
//! Every query here is idempotent, so it is retried when an attempt's outcome is unknown.
//! Rate limit: 100 calls per second per app for each.
//!
//! ```
//! use nim_api::history::{Order, QuerySessionMsg};
//! # use nim_api::Endpoint as _;
//!
//! let last_day = QuerySessionMsg::new("zhangsan", "lisi", 1700000000000u64, 1700086400000u64, 100u32)
//!     .reverse(Order::Ascending);
//! assert!(last_day.encode().is_ok());
//! ```

mod broadcasts;
mod events;
mod messages;
mod sessions;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::message::{MessageBody, MessageServerId, number_or_string};
use crate::validate::{Validate, ValidationError};
use crate::wire::{int_enum, json_or_text};
use crate::{Form, FormValue};

pub use broadcasts::{BroadcastFilter, BroadcastList, QueryBroadcastMsg, QueryBroadcastMsgById};
pub use events::{QueryUserEvents, UserEvent, UserEvents};
pub use messages::{QuerySessionMsg, QueryTeamMsg};
pub use sessions::{QuerySessionList, Session, SessionList};

int_enum! {
    /// The order of a history answer (`reverse`).
    pub enum Order: u8 {
        /// Oldest first (`1`).
        Ascending = 1,
        /// Newest first (`2`, the default).
        Descending = 2,
    }
}

/// Which message types a history query answers (`type`): sent comma-joined, `0,1,2`.
/// Every type when unset; an empty filter is refused.
///
/// Message types: 0 text, 1 image, 2 audio, 3 video, 4 location, 5 notification, 6 file,
/// 10 tip, 11 robot, 100 and above custom.
///
/// ```
/// use nim_api::history::TypeFilter;
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormValue};
///
/// let mut form = Form::new();
/// TypeFilter::from([0, 1, 100]).write_form("type", &mut form);
/// assert_eq!(form.finish(), "type=0%2C1%2C100");
/// assert!(TypeFilter::from(Vec::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Deserialize)]
// Read by name (`nim call`, `ActionInfo::build`) as the value it wraps.
#[serde(transparent)]
pub struct TypeFilter(pub Vec<u32>);

impl From<Vec<u32>> for TypeFilter {
    fn from(types: Vec<u32>) -> Self {
        TypeFilter(types)
    }
}

impl From<&[u32]> for TypeFilter {
    fn from(types: &[u32]) -> Self {
        TypeFilter(types.to_vec())
    }
}

impl<const N: usize> From<[u32; N]> for TypeFilter {
    fn from(types: [u32; N]) -> Self {
        TypeFilter(types.to_vec())
    }
}

impl FromIterator<u32> for TypeFilter {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        TypeFilter(iter.into_iter().collect())
    }
}

impl FormValue for TypeFilter {
    fn write_form(&self, name: &str, form: &mut Form) {
        let joined: Vec<String> = self.0.iter().map(u32::to_string).collect();
        form.append(name, &joined.join(","));
    }
}

/// At least one type: an empty filter would be sent as an empty `type`.
impl Validate for TypeFilter {
    fn validate(&self) -> Result<(), ValidationError> {
        crate::validate::required("", &self.0)
    }
}

/// `begintime` earlier than `endtime`, or the server answers 414 "bad time".
pub(crate) fn time_window(begintime: u64, endtime: u64) -> Result<(), ValidationError> {
    if begintime >= endtime {
        return Err(ValidationError::custom(
            "begintime",
            format!(
                "must be earlier than `endtime` ({begintime} >= {endtime}); the server answers \
                 414 \"bad time\""
            ),
        ));
    }
    Ok(())
}

/// One message of a history answer ([`QuerySessionMsg`], [`QueryTeamMsg`]).
///
/// `body` is kept as the server sent it (an object, or text holding one); [`body`](Self::body)
/// reads it as a typed [`MessageBody`]. Members the SDKs do not model (`to`, `ext`,
/// `attach`, `msgDesc`, ...) are kept in `extra`.
///
/// ```
/// use nim_api::history::HistoryMessage;
/// use nim_api::message::MessageBody;
///
/// let message: HistoryMessage = serde_json::from_str(
///     r#"{"from":"zhangsan","msgid":"9007199254740993","msgidclient":"c1","sendtime":1700000000000,
///         "type":0,"fromclienttype":32,"body":"{\"msg\":\"hi\"}","to":"lisi"}"#,
/// ).unwrap();
/// assert_eq!(message.msgid.get(), 9007199254740993);
/// assert_eq!(message.body(), MessageBody::Text("hi".into()));
/// assert_eq!(message.extra["to"], "lisi");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HistoryMessage {
    /// The sender.
    #[serde(default)]
    pub from: String,
    /// The server id.
    pub msgid: MessageServerId,
    /// The client id (lowercase `msgidclient` here; `msgidClient` in a read receipt).
    #[serde(default)]
    pub msgidclient: Option<String>,
    /// When it was sent, in milliseconds.
    #[serde(default, deserialize_with = "number_or_string")]
    pub sendtime: u64,
    /// The message type (`type`): 0 text, 1 image, 2 audio, 3 video, 4 location,
    /// 5 notification, 6 file, 10 tip, 11 robot, 100 and above custom.
    #[serde(default, rename = "type")]
    pub message_type: u32,
    /// The sender's platform: 1 Android, 2 iOS, 4 PC, 16 Web, 32 REST, 64 Mac.
    #[serde(default)]
    pub fromclienttype: Option<u32>,
    /// The content as sent by the server: an object, or text holding one.
    #[serde(default)]
    pub body: Value,
    /// The members not modelled above, as received.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl HistoryMessage {
    /// The content, typed by `type`; content without its type's shape is
    /// [`MessageBody::Other`].
    pub fn body(&self) -> MessageBody {
        MessageBody::from_v1(self.message_type, &self.body)
    }
}

/// The answer to [`QuerySessionMsg`] and [`QueryTeamMsg`] (top-level `size` and `msgs`;
/// `msgs` may come as an array or as text holding one).
///
/// ```
/// use nim_api::history::MessageHistory;
///
/// let page: MessageHistory = serde_json::from_str(
///     r#"{"size":1,"msgs":"[{\"from\":\"a\",\"msgid\":1,\"sendtime\":5,\"type\":0,\"body\":{\"msg\":\"x\"}}]"}"#,
/// ).unwrap();
/// assert_eq!((page.size, page.msgs.len()), (1, 1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct MessageHistory {
    /// How many messages came back.
    #[serde(default)]
    pub size: u32,
    /// The messages, in the requested order.
    #[serde(default, deserialize_with = "json_or_text")]
    pub msgs: Vec<HistoryMessage>,
}

crate::catalogue::family! {
    "history::";
    QuerySessionMsg, QueryTeamMsg, QuerySessionList, QueryUserEvents, QueryBroadcastMsg,
    QueryBroadcastMsgById,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    #[test]
    fn answers_decode_from_the_top_level() {
        let page = decode::<QueryTeamMsg>(
            br#"{"code":200,"size":1,"msgs":[{"from":"a","msgid":1,"sendtime":2,"type":100,
                "body":{"k":1},"ext":"{}"}]}"#,
        )
        .unwrap();
        assert_eq!(
            page.msgs[0].body(),
            MessageBody::Custom(serde_json::json!({"k": 1}))
        );
        assert_eq!(page.msgs[0].extra["ext"], "{}");
        let empty = decode::<QuerySessionMsg>(br#"{"code":200,"size":0}"#).unwrap();
        assert!(empty.msgs.is_empty());
        let events = decode::<QueryUserEvents>(br#"{"code":200,"size":0,"events":"[]"}"#).unwrap();
        assert!(events.events.is_empty());
        let sessions =
            decode::<QuerySessionList>(br#"{"code":200,"data":{"hasMore":true,"sessions":[]}}"#)
                .unwrap();
        assert!(sessions.has_more);
        let list = decode::<QueryBroadcastMsg>(br#"{"code":200,"msgs":[]}"#).unwrap();
        assert!(list.msgs.is_empty());
        let one =
            decode::<QueryBroadcastMsgById>(br#"{"code":200,"msg":{"broadcastId":3}}"#).unwrap();
        assert_eq!(one.broadcast_id, 3);
    }

    #[test]
    fn an_ascending_page_moves_the_window_start() {
        let request = QuerySessionMsg::new("a", "b", 10u64, 100u64, 1u32).reverse(Order::Ascending);
        let page: MessageHistory =
            serde_json::from_str(r#"{"msgs":[{"msgid":5,"sendtime":40}]}"#).unwrap();
        let next = request.next_page(&page).unwrap();
        assert_eq!((next.begintime, next.endtime), (40, 100));
        assert_eq!(next.exclude_msgid, Some(MessageServerId::new(5)));
        // No room left in the window: the end.
        let edge: MessageHistory =
            serde_json::from_str(r#"{"msgs":[{"msgid":6,"sendtime":100}]}"#).unwrap();
        assert!(next.next_page(&edge).is_none());
    }
}
