//! Intercepting callbacks (第三方回调): the IM server asks the app server before it lets
//! a client SDK's action through.

use serde_json::{Map, Value};

use super::intercept_events::{
    CreateTeamCallback, LoginCallback, MessageCallback, SuperTeamInviteCallback, UserUpdateCallback,
};
use super::lenient::{object, read_event};
use nim_core::callback::CallbackError;

/// An intercepting callback (第三方回调), by its `eventType`; read with
/// [`parse_intercept`].
///
/// The eventTypes an official page lists the fields of are typed; every other one (team
/// and super-team messages, chatroom messages, friend and team operations, recalls, ...:
/// only community code lists their fields) is [`Unknown`](Self::Unknown). The numbers are
/// not the copies' ([`CopyEvent`](super::CopyEvent)): 3 is a logout copy but a profile
/// callback, 36 an upload copy but a login callback.
///
/// The reply is not typed; see [the module documentation](super#replying-to-an-intercepting-callback).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum InterceptEvent {
    /// 1: a one-to-one message about to be delivered.
    P2pMessage(MessageCallback),
    /// 3: a user's profile about to change.
    UserUpdate(UserUpdateCallback),
    /// 7: an advanced team about to be created.
    CreateTeam(CreateTeamCallback),
    /// 23: accounts about to be invited into a super team.
    SuperTeamInvite(SuperTeamInviteCallback),
    /// 36: an IM login about to be let in.
    Login(LoginCallback),
    /// 40: a QChat (圈组) login about to be let in.
    QChatLogin(LoginCallback),
    /// A body with no `eventType`, or one this crate does not type, as received.
    Unknown {
        /// The `eventType`, when the body has a whole number there.
        event_type: Option<u64>,
        /// The whole body.
        raw: Value,
    },
}

impl InterceptEvent {
    /// The callback's `eventType` (`None` for an [`Unknown`](Self::Unknown) body without
    /// one).
    pub fn event_type(&self) -> Option<u64> {
        Some(match self {
            InterceptEvent::P2pMessage(_) => 1,
            InterceptEvent::UserUpdate(_) => 3,
            InterceptEvent::CreateTeam(_) => 7,
            InterceptEvent::SuperTeamInvite(_) => 23,
            InterceptEvent::Login(_) => 36,
            InterceptEvent::QChatLogin(_) => 40,
            InterceptEvent::Unknown { event_type, .. } => return *event_type,
        })
    }
}

/// Reads an intercepting callback's body (the bytes as received; verify them first with
/// [`CallbackVerifier`](super::CallbackVerifier)).
///
/// Errors and leniency as [`parse_copy`](super::parse_copy): a body that is not a JSON
/// object is [`CallbackError::InvalidJson`], an unknown or missing `eventType` is
/// [`InterceptEvent::Unknown`], a typed one with a malformed member is
/// [`CallbackError::InvalidEvent`].
///
/// ```
/// use nim_api::callback::{InterceptEvent, parse_intercept};
///
/// let event = parse_intercept(br#"{"eventType":36,"fromAccount":"wm1","authType":2,"token":"t"}"#)?;
/// let InterceptEvent::Login(login) = event else { panic!("a login") };
/// assert_eq!(login.token.as_deref(), Some("t"));
/// # Ok::<(), nim_api::callback::CallbackError>(())
/// ```
pub fn parse_intercept(body: &[u8]) -> Result<InterceptEvent, CallbackError> {
    let (event_type, map) = object(body)?;
    let Some(n) = event_type else {
        return Ok(unknown(None, map));
    };
    Ok(match n {
        1 => InterceptEvent::P2pMessage(read_event::<MessageCallback>(n, map)?.with_content()),
        3 => InterceptEvent::UserUpdate(read_event(n, map)?),
        7 => InterceptEvent::CreateTeam(read_event(n, map)?),
        23 => InterceptEvent::SuperTeamInvite(read_event(n, map)?),
        36 => InterceptEvent::Login(read_event(n, map)?),
        40 => InterceptEvent::QChatLogin(read_event(n, map)?),
        _ => unknown(Some(n), map),
    })
}

fn unknown(event_type: Option<u64>, map: Map<String, Value>) -> InterceptEvent {
    InterceptEvent::Unknown {
        event_type,
        raw: Value::Object(map),
    }
}
