//! Callbacks the IM server POSTs to your app server: verifying them, and reading them as
//! typed events.
//!
//! There are two kinds, each at its own URL in the console, with `eventType` numbers in
//! two separate namespaces:
//!
//! - **message copies** (消息抄送), [`parse_copy`] → [`CopyEvent`]: every one-to-one and
//!   team message, logins, logouts, recalls, ..., reported after the fact. Answer HTTP
//!   200; the docs say a copy may come more than once, so de-duplicate (by `msgidServer`
//!   for messages).
//! - **intercepting callbacks** (第三方回调), [`parse_intercept`] → [`InterceptEvent`]:
//!   sent before an action of a client SDK is let through (never for the server API's
//!   actions), once, with a short timeout after which the console's default applies.
//!
//! The same number means different things in each (2 is a login copy, 3 a logout copy but
//! a profile-change callback, 36 an upload copy but a login callback), so a receiver must
//! know which kind it serves. Check the signature first with [`CallbackVerifier`], then
//! read the body; an `eventType` this crate does not type is an `Unknown` event, not an
//! error, so that a new kind of callback is still answered.
//!
//! ```
//! use nim_api::Credentials;
//! use nim_api::FixedClock;
//! use nim_api::callback::{CallbackVerifier, CopyEvent, body_md5, callback_checksum, parse_copy};
//! use nim_api::message::MessageBody;
//!
//! let body = br#"{"eventType":"1","convType":"PERSON","fromAccount":"zhangsan","to":"lisi",
//!     "msgType":"TEXT","body":"hello","msgTimestamp":"1441977355557","msgidServer":"3456789"}"#;
//! // What the IM server sends along with the body:
//! let (cur_time, md5) = ("1441977355557", body_md5(body));
//! let check_sum = callback_checksum("secret", &md5, cur_time);
//!
//! let verifier = CallbackVerifier::new(Credentials::new("key", "secret"))
//!     .with_clock(FixedClock(1_441_977_356));
//! verifier.verify_parts("key", &md5, cur_time, &check_sum, body)?;
//! match parse_copy(body)? {
//!     CopyEvent::Conversation(message) => {
//!         assert_eq!(message.from_account, "zhangsan");
//!         assert_eq!(message.msgid_server.get(), 3456789);
//!         assert_eq!(message.content, Some(MessageBody::Text("hello".into())));
//!     }
//!     CopyEvent::Login(login) => println!("{} logged in", login.accid),
//!     other => println!("copy {:?} not handled", other.event_type()),
//! }
//! # Ok::<(), nim_api::callback::CallbackError>(())
//! ```
//!
//! # Receiving over HTTP
//!
//! [`CallbackReceiver`] puts the two steps together for any framework
//! (`verify_and_parse(&headers, &body)`), with replay protection and a body limit on, and
//! [`CallbackError::status`] says what to answer a refusal with. With the feature `axum`,
//! the extractor `Callback<CopyEvent>` (or `Callback<InterceptEvent>`) does it inside an
//! axum handler's arguments.
//!
//! # Replying to an intercepting callback
//!
//! No official page reachable when this was written documents the reply, so nim-rs does
//! not type it. Third-party code agrees on a JSON body with `errCode` (0 let it through,
//! 1 refuse it), `responseCode` (the code the client gets on refusal, 20000–20099),
//! `modifyResponse` (message callbacks: replacement `body` / `attach` / `ext`) and
//! `callbackExt` (text passed to the client). Build it yourself if you rely on it:
//!
//! ```
//! let allow = serde_json::json!({ "errCode": 0 });
//! let refuse = serde_json::json!({ "errCode": 1, "responseCode": 20001 });
//! let rewrite = serde_json::json!({ "errCode": 0, "modifyResponse": { "body": "h***o" } });
//! # let _ = (allow, refuse, rewrite);
//! ```
//!
//! A failed or late reply is reported later as a copy, [`CopyEvent::CallbackFailed`].

pub use nim_core::callback::*;

#[cfg(feature = "axum")]
mod axum;
mod copy;
mod copy_messages;
mod copy_services;
mod copy_sessions;
mod intercept;
mod intercept_events;
mod kinds;
// Also read by the message bodies, whose numbers copies may send as text.
pub(crate) mod lenient;
mod receiver;

#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use self::axum::{Callback, CallbackRejection};
pub use copy::{CopyEvent, parse_copy};
pub use copy_messages::{
    ChatroomMessageCopy, ConversationCopy, MessageRef, MessageUpdateCopy, ReadReceipt,
    ReadReceiptCopy, RecallCopy,
};
pub use copy_services::{
    AntispamResult, AsyncAntispamCopy, CallbackFailedCopy, ChatroomQueueCopy, PhoneCallCopy,
    SignalCopy, SmsReceipt, SmsReceiptCopy, SmsReply, SmsReplyCopy, UploadTaskCopy,
};
pub use copy_sessions::{ChatroomMemberCopy, HeartbeatCopy, LoginFailedCopy, SessionCopy};
pub use intercept::{InterceptEvent, parse_intercept};
pub use intercept_events::{
    CallbackOrigin, CreateTeamCallback, LoginCallback, MessageCallback, SuperTeamInviteCallback,
    UserUpdateCallback,
};
pub use kinds::{
    AuthType, CallbackFailureReason, ChatroomLeaveReason, ChatroomMemberEvent, ChatroomRole,
    ClientType, ConvType, LoginFailureScope, LogoutReason, QueueOperation,
};
pub use receiver::{CallbackEvent, CallbackReceiver};

#[cfg(test)]
mod tests;
