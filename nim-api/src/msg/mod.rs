//! The v1 `msg/*` actions: send, batch send, recall (two-way and one-way), delete, read
//! receipts, broadcasts, custom system notifications, file upload and clean-up.
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
mod notification;
mod read;
mod recall;
mod send;
mod upload;

pub use broadcast::{Broadcast, BroadcastMsg, DeleteBroadcastMsg, TargetOs};
pub use delete::{DeleteMsg, DeleteRoamSession, DeleteType};
pub use notification::{
    AttachOption, AttachTarget, SaveMode, SendAttachMsg, SendAttachMsgResponse, SendBatchAttachMsg,
    SendBatchAttachMsgResponse,
};
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
    MarkReadTeamMsg, BroadcastMsg, DeleteBroadcastMsg, Upload, DeleteFiles, SendAttachMsg,
    SendBatchAttachMsg,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::decode;

    #[test]
    fn answers_decode_from_where_the_server_puts_them() {
        let sent = decode::<SendMsg>(
            br#"{"code":200,"data":{"msgid":9007199254740993,"timetag":1700000000000,"antispam":false}}"#,
        )
        .unwrap();
        assert_eq!(sent.msgid.get(), 9007199254740993);

        let batch = decode::<SendBatchMsg>(
            br#"{"code":200,"unregister":"[\"x\"]","timetag":1,"msgids":{"lisi":"2"}}"#,
        )
        .unwrap();
        assert_eq!(batch.unregistered(), ["x"]);
        assert_eq!(batch.msgids["lisi"].get(), 2);
        let clean = decode::<SendBatchMsg>(br#"{"code":200,"timetag":1}"#).unwrap();
        assert!(clean.is_complete());

        assert!(decode::<Recall>(br#"{"code":200}"#).is_ok());
        assert_eq!(
            decode::<MarkReadMsg>(br#"{"code":200}"#).unwrap().timestamp,
            None
        );
        assert!(
            decode::<MarkReadTeamMsg>(br#"{"code":200,"data":{}}"#)
                .unwrap()
                .is_complete()
        );
        let broadcast = decode::<BroadcastMsg>(
            br#"{"code":200,"msg":{"broadcastId":"7","body":"b","createTime":1}}"#,
        )
        .unwrap();
        assert_eq!(broadcast.broadcast_id, 7);
        assert_eq!(
            decode::<Upload>(br#"{"code":200,"url":"https://x/y"}"#)
                .unwrap()
                .url,
            "https://x/y"
        );
        let task = decode::<DeleteFiles>(br#"{"code":200,"data":{"taskid":"t"}}"#).unwrap();
        assert_eq!(task.task_id.as_deref(), Some("t"));
        let refused = decode::<Recall>(br#"{"code":508,"desc":"recall time out"}"#).unwrap_err();
        assert!(refused.to_string().contains("508"), "{refused}");
    }
}
