//! The v1 `msg/*` actions: send, batch send, recall (two-way and one-way), delete, read
//! receipts, broadcasts, file upload and clean-up.
//!
//! A message to send is a [`Message`](crate::message::Message), written into the form as
//! `type`, `body`, `msgDesc` and `subType`. Sent messages are named by their server id
//! ([`MessageServerId`](crate::message::MessageServerId)) and send time (`timetag`), both
//! answered by [`SendMsg`]. Every account is an [`Accid`](crate::Accid), checked and sent
//! lowercased; team ids given as `to` are sent as they are.
//!
//! None of these actions is idempotent: a call whose outcome is unknown is never sent
//! again automatically.
//!
//! ```
//! use nim_api::message::Message;
//! use nim_api::msg::{Ope, SendMsg};
//! # use nim_api::Endpoint as _;
//!
//! let request = SendMsg::new("zhangsan", Ope::Team, "123456", Message::text("hello, team"));
//! assert!(request.encode().is_ok());
//! ```

mod broadcast;
mod delete;
mod read;
mod recall;
mod send;
mod upload;

pub use broadcast::{Broadcast, BroadcastMsg, DeleteBroadcastMsg, TargetOs};
pub use delete::{DeleteMsg, DeleteRoamSession, DeleteType};
pub use read::{MarkReadMsg, MarkReadTeamMsg, ReadReceipt, TeamReadReceipt};
pub use recall::{DeleteMsgOneWay, IgnoreTime, OneWayRecallType, Recall, RecallType};
pub use send::{
    MAX_BATCH_RECEIVERS_WITH_MSGIDS, MsgOption, Ope, SendBatchMsg, SendBatchMsgResponse, SendMsg,
    SendMsgResponse,
};
pub use upload::{
    DeleteFiles, DeleteFilesResponse, FileContent, MAX_UPLOAD_BYTES, Upload, UploadResponse,
};

crate::catalogue::family! {
    "msg::";
    SendMsg, SendBatchMsg, Recall, DeleteMsgOneWay, DeleteMsg, DeleteRoamSession, MarkReadMsg,
    MarkReadTeamMsg, BroadcastMsg, DeleteBroadcastMsg, Upload, DeleteFiles,
}
