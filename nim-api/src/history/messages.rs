//! One-to-one and team message history.

use super::{MessageHistory, Order, TypeFilter, time_window};
use crate::Accid;
use crate::message::MessageServerId;
use crate::validate::ValidationError;

/// `history/querySessionMsg.action`: the messages between two accounts (both directions)
/// sent in a time window, at most `limit` (1 to 100) per call.
///
/// `begintime` must be earlier than `endtime` (milliseconds), or nothing is sent (the
/// server would answer 414 "bad time"). `limit` is required, as the docs say (both SDKs
/// leave it optional). Messages recalled or deleted both ways are never answered; those
/// hidden one way (sender/receiver no-sense, one-way recall or delete) only with
/// `includeNoSenseMsg`.
///
/// # Paging
///
/// There is no cursor. [`next_page`](Self::next_page) moves the window to the last
/// message's time (the end of the window when newest first, the default; its start when
/// oldest first) and excludes that message (`excludeMsgid`), so messages sharing its
/// millisecond are not lost; it answers `None` after a page shorter than `limit`.
/// Only one message is excluded: when several share the boundary millisecond, a message
/// may come back twice, so de-duplicate by `msgid` if that matters.
///
/// ```
/// use nim_api::history::{MessageHistory, QuerySessionMsg};
/// # use nim_api::Endpoint as _;
///
/// let request = QuerySessionMsg::new("ZhangSan", "lisi", 1700000000000u64, 1700086400000u64, 2u32)
///     .types([0, 1])
///     .include_no_sense_msg(true);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "from=zhangsan&to=lisi&begintime=1700000000000&endtime=1700086400000&limit=2\
///      &type=0%2C1&includeNoSenseMsg=true"
/// );
/// let err = QuerySessionMsg::new("a", "b", 5u64, 5u64, 10u32).validate().unwrap_err();
/// assert_eq!(err.field(), "begintime");
/// assert!(QuerySessionMsg::new("a", "b", 1u64, 5u64, 101u32).validate().is_err());
///
/// // A full page (2 of 2, newest first): the next one ends at the last message, without it.
/// let page: MessageHistory = serde_json::from_str(
///     r#"{"size":2,"msgs":[{"from":"lisi","msgid":9,"sendtime":1700050000000,"type":0,"body":{"msg":"b"}},
///                          {"from":"zhangsan","msgid":8,"sendtime":1700040000000,"type":0,"body":{"msg":"a"}}]}"#,
/// ).unwrap();
/// let next = request.next_page(&page).unwrap();
/// assert_eq!((next.begintime, next.endtime), (1700000000000, 1700040000000));
/// assert_eq!(next.exclude_msgid.map(|id| id.get()), Some(8));
/// // A short page is the last one.
/// let last: MessageHistory = serde_json::from_str(r#"{"size":0,"msgs":[]}"#).unwrap();
/// assert!(next.next_page(&last).is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/querySessionMsg.action", idempotent, setters,
      response = MessageHistory, custom = session_window)]
pub struct QuerySessionMsg {
    /// One side of the conversation.
    pub from: Accid,
    /// The other side.
    pub to: Accid,
    /// The start of the window, in milliseconds; earlier than `endtime`.
    pub begintime: u64,
    /// The end of the window, in milliseconds.
    pub endtime: u64,
    /// The most messages to answer, 1 to 100.
    #[nim(min = 1, max = 100)]
    pub limit: u32,
    /// Oldest or newest first (default newest first).
    pub reverse: Option<Order>,
    /// Only these message types (`type`, comma-joined); every type when unset.
    #[nim(rename = "type")]
    pub types: Option<TypeFilter>,
    /// Also answer messages hidden one way (`includeNoSenseMsg`; default `false`).
    #[nim(rename = "includeNoSenseMsg")]
    pub include_no_sense_msg: Option<bool>,
    /// Leave out this message: the last one of the previous page (`excludeMsgid`).
    #[nim(rename = "excludeMsgid")]
    pub exclude_msgid: Option<MessageServerId>,
}

fn session_window(request: &QuerySessionMsg) -> Result<(), ValidationError> {
    time_window(request.begintime, request.endtime)
}

/// The window after `page`, or `None` when `page` was the last one (fewer than `limit`
/// messages, or no room left in the window). Shared by both message-history queries.
fn next_window(
    limit: u32,
    reverse: Option<Order>,
    window: (u64, u64),
    page: &MessageHistory,
) -> Option<((u64, u64), MessageServerId)> {
    let full = usize::try_from(limit).is_ok_and(|limit| page.msgs.len() >= limit);
    let last = page.msgs.last().filter(|_| full)?;
    let (begin, end) = window;
    let moved = match reverse {
        Some(Order::Ascending) => (last.sendtime, end),
        _ => (begin, last.sendtime),
    };
    (moved.0 < moved.1).then_some((moved, last.msgid))
}

impl QuerySessionMsg {
    /// The request for the page after `page` (this request's answer), or `None` when
    /// `page` was the last one. See "Paging" above.
    pub fn next_page(&self, page: &MessageHistory) -> Option<Self> {
        let ((begintime, endtime), last) = next_window(
            self.limit,
            self.reverse,
            (self.begintime, self.endtime),
            page,
        )?;
        Some(QuerySessionMsg {
            begintime,
            endtime,
            exclude_msgid: Some(last),
            ..self.clone()
        })
    }
}

/// `history/queryTeamMsg.action`: a team's messages sent in a time window, as member
/// `accid` sees them, at most `limit` (1 to 100) per call.
///
/// The same window, limit, filter and paging rules as [`QuerySessionMsg`]
/// ([`next_page`](Self::next_page)). With `checkTeamValid` `false`, it is enough that the
/// team exists and `accid` was a member at some time (default `true`: a valid team and a
/// current member).
///
/// ```
/// use nim_api::history::{Order, QueryTeamMsg};
/// # use nim_api::Endpoint as _;
///
/// let request = QueryTeamMsg::new(123456u64, "zhangsan", 1700000000000u64, 1700086400000u64, 100u32)
///     .reverse(Order::Ascending)
///     .check_team_valid(false)
///     .exclude_msgid(42u64);
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "tid=123456&accid=zhangsan&begintime=1700000000000&endtime=1700086400000&limit=100\
///      &reverse=1&checkTeamValid=false&excludeMsgid=42"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "history/queryTeamMsg.action", idempotent, setters,
      response = MessageHistory, custom = team_window)]
pub struct QueryTeamMsg {
    /// The team id.
    pub tid: u64,
    /// The member whose view is read.
    pub accid: Accid,
    /// The start of the window, in milliseconds; earlier than `endtime`.
    pub begintime: u64,
    /// The end of the window, in milliseconds.
    pub endtime: u64,
    /// The most messages to answer, 1 to 100.
    #[nim(min = 1, max = 100)]
    pub limit: u32,
    /// Oldest or newest first (default newest first).
    pub reverse: Option<Order>,
    /// Only these message types (`type`, comma-joined); every type when unset.
    #[nim(rename = "type")]
    pub types: Option<TypeFilter>,
    /// `false`: the team need only exist and `accid` have been a member at some time
    /// (`checkTeamValid`; default `true`).
    #[nim(rename = "checkTeamValid")]
    pub check_team_valid: Option<bool>,
    /// Also answer messages hidden one way (`includeNoSenseMsg`; default `false`).
    #[nim(rename = "includeNoSenseMsg")]
    pub include_no_sense_msg: Option<bool>,
    /// Leave out this message: the last one of the previous page (`excludeMsgid`).
    #[nim(rename = "excludeMsgid")]
    pub exclude_msgid: Option<MessageServerId>,
}

fn team_window(request: &QueryTeamMsg) -> Result<(), ValidationError> {
    time_window(request.begintime, request.endtime)
}

impl QueryTeamMsg {
    /// The request for the page after `page` (this request's answer), or `None` when
    /// `page` was the last one. See [`QuerySessionMsg`]'s "Paging".
    pub fn next_page(&self, page: &MessageHistory) -> Option<Self> {
        let ((begintime, endtime), last) = next_window(
            self.limit,
            self.reverse,
            (self.begintime, self.endtime),
            page,
        )?;
        Some(QueryTeamMsg {
            begintime,
            endtime,
            exclude_msgid: Some(last),
            ..self.clone()
        })
    }
}
