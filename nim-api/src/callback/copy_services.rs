//! Copies from the other services: dedicated-line calls (10), SMS (11, 12), chatroom
//! queues (14), asynchronous anti-spam (20), signalling (31), uploads (36) and failed
//! intercepting callbacks (83).

use serde::Deserialize;
use serde_json::Value;

use super::kinds::{CallbackFailureReason, QueueOperation};
use super::lenient::{client_id, flag, json, list, number, server_id, text};
use crate::message::{MessageClientId, MessageServerId};
use crate::wire::json_or_text;

/// A dedicated-line phone call ended (copy eventType 10, "专线电话通话结束回调抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct PhoneCallCopy {
    /// `callback`: the call record, as sent (the docs send a string holding a JSON
    /// object, read here as the object).
    #[serde(default, deserialize_with = "json")]
    pub callback: Option<Value>,
}

/// SMS delivery receipts (copy eventType 11, "短信回执抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SmsReceiptCopy {
    /// `objects`: the receipts (a JSON array, or a string holding one).
    #[serde(default, deserialize_with = "json_or_text")]
    pub objects: Vec<SmsReceipt>,
}

/// One receipt of an [`SmsReceiptCopy`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SmsReceipt {
    /// `mobile`: the phone number.
    #[serde(default, deserialize_with = "text")]
    pub mobile: Option<String>,
    /// `sendid`: the id the SMS send answered.
    #[serde(default, rename = "sendid", deserialize_with = "text")]
    pub send_id: Option<String>,
    /// `result`: the carrier's status, e.g. `DELIVRD`.
    #[serde(default, deserialize_with = "text")]
    pub result: Option<String>,
    /// `sendTime`: when it was sent, as the text the docs show (`2017-06-02 14:40:45`).
    #[serde(default, deserialize_with = "text")]
    pub send_time: Option<String>,
    /// `reportTime`: when the carrier reported it delivered, as text.
    #[serde(default, deserialize_with = "text")]
    pub report_time: Option<String>,
    /// `spliced`: how many billed messages it took.
    #[serde(default, deserialize_with = "number")]
    pub spliced: Option<u32>,
    /// `templateId`: the SMS template.
    #[serde(default, deserialize_with = "number")]
    pub template_id: Option<u64>,
}

/// SMS replies from users (copy eventType 12, "短信上行抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct SmsReplyCopy {
    /// `objects`: the replies (a JSON array, or a string holding one).
    #[serde(default, deserialize_with = "json_or_text")]
    pub objects: Vec<SmsReply>,
}

/// One reply of an [`SmsReplyCopy`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SmsReply {
    /// `mobile`: the phone number.
    #[serde(default, deserialize_with = "text")]
    pub mobile: Option<String>,
    /// `content`: what the user wrote.
    #[serde(default, deserialize_with = "text")]
    pub content: Option<String>,
    /// `replytime`: when, as the text the docs show (`2017-09-20 10:40:30`).
    #[serde(default, rename = "replytime", deserialize_with = "text")]
    pub reply_time: Option<String>,
}

/// A chatroom queue operation (copy eventType 14, "聊天室队列操作事件抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatroomQueueCopy {
    /// `qEvent`: the operation.
    #[serde(
        default,
        rename = "qEvent",
        deserialize_with = "crate::callback::lenient::code"
    )]
    pub q_event: Option<QueueOperation>,
    /// `roomid`: the chatroom.
    #[serde(default, rename = "roomid", deserialize_with = "number")]
    pub room_id: Option<u64>,
    /// `operator`: who did it.
    #[serde(default, deserialize_with = "text")]
    pub operator: Option<String>,
    /// `fromWebApi`: whether the server API did it.
    #[serde(default, deserialize_with = "flag")]
    pub from_web_api: Option<bool>,
    /// `belongTo`: the account the element belongs to.
    #[serde(default, deserialize_with = "text")]
    pub belong_to: Option<String>,
    /// `elements`: the keys and values concerned, as sent (JSON).
    #[serde(default, deserialize_with = "json")]
    pub elements: Option<Value>,
    /// `keys`: the keys concerned, without values.
    #[serde(default, deserialize_with = "list")]
    pub keys: Vec<String>,
    /// `transient`: whether the element goes when its submitter leaves the room.
    #[serde(default, deserialize_with = "flag")]
    pub transient: Option<bool>,
    /// `operationTime`: when, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub operation_time: Option<u64>,
}

/// Asynchronous anti-spam results for audio, video and pictures (copy eventType 20,
/// "易盾异步反垃圾抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct AsyncAntispamCopy {
    /// `objects`: the results (a JSON array, or a string holding one).
    #[serde(default, deserialize_with = "json_or_text")]
    pub objects: Vec<AntispamResult>,
}

/// One result of an [`AsyncAntispamCopy`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AntispamResult {
    /// `type`: what was checked, e.g. `P2P_MSG_AUDIO`, `TEAM_MSG_PICTURE`,
    /// `CHATROOM_MSG_VIDEO`.
    #[serde(default, rename = "type", deserialize_with = "text")]
    pub result_type: Option<String>,
    /// `antispam`: whether anti-spam hit it (only hits are sent today).
    #[serde(default, deserialize_with = "flag")]
    pub antispam: Option<bool>,
    /// `serverMsgId`: the message's server id.
    #[serde(default, deserialize_with = "server_id")]
    pub server_msg_id: Option<MessageServerId>,
    /// `clientMsgId`: the message's client id.
    #[serde(default, deserialize_with = "client_id")]
    pub client_msg_id: Option<MessageClientId>,
    /// `audioUrl`: the audio or video file.
    #[serde(default, deserialize_with = "text")]
    pub audio_url: Option<String>,
    /// `yidunRes`: the anti-spam service's raw result.
    #[serde(default, deserialize_with = "json")]
    pub yidun_res: Option<Value>,
    /// `yidunApiVersion`: the anti-spam API version (`2` for the newer one).
    #[serde(default, deserialize_with = "text")]
    pub yidun_api_version: Option<String>,
    /// `from`: the sender.
    #[serde(default, deserialize_with = "text")]
    pub from: Option<String>,
    /// `to`: the receiver: an account, a team id or a chatroom id, by `type`.
    #[serde(default, deserialize_with = "text")]
    pub to: Option<String>,
}

/// A signalling event (copy eventType 31, "独立信令抄送").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SignalCopy {
    /// `type`: `CREATE_ROOM`, `CLOSE_ROOM`, `JOIN_ROOM`, `LEAVE_ROOM`, `INVITE`,
    /// `CANCEL_INVITE`, `ACCEPT`, `REJECT` or `CTRL`.
    #[serde(default, rename = "type", deserialize_with = "text")]
    pub signal_type: Option<String>,
    /// `channelId`: the room's channel id.
    #[serde(default, deserialize_with = "text")]
    pub channel_id: Option<String>,
    /// `channelName`: the room's name.
    #[serde(default, deserialize_with = "text")]
    pub channel_name: Option<String>,
    /// `createTime`: when the room was created.
    #[serde(default, deserialize_with = "number")]
    pub create_time: Option<u64>,
    /// `creator`: who created the room.
    #[serde(default, deserialize_with = "text")]
    pub creator: Option<String>,
    /// `ext`: the room's extension.
    #[serde(default, deserialize_with = "text")]
    pub ext: Option<String>,
    /// `from`: who acted.
    #[serde(default, deserialize_with = "text")]
    pub from: Option<String>,
    /// `to`: who was acted on.
    #[serde(default, deserialize_with = "text")]
    pub to: Option<String>,
    /// `timestamp`: when.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
    /// `attachExt`: the notification's extension.
    #[serde(default, deserialize_with = "text")]
    pub attach_ext: Option<String>,
    /// `isSave`: whether it is kept for offline members.
    #[serde(default, deserialize_with = "flag")]
    pub is_save: Option<bool>,
    /// `uid`: the member's uid (joins).
    #[serde(default, deserialize_with = "text")]
    pub uid: Option<String>,
    /// `requestId`: the invitation's id (invite, cancel, accept, reject).
    #[serde(default, deserialize_with = "text")]
    pub request_id: Option<String>,
    /// `needPush`: whether a push goes out (invites).
    #[serde(default, deserialize_with = "flag")]
    pub need_push: Option<bool>,
    /// `pushTitle`: the push's title (invites).
    #[serde(default, deserialize_with = "text")]
    pub push_title: Option<String>,
    /// `pushContent`: the push's text (invites).
    #[serde(default, deserialize_with = "text")]
    pub push_content: Option<String>,
    /// `pushPayload`: the push's payload (invites).
    #[serde(default, deserialize_with = "text")]
    pub push_payload: Option<String>,
    /// `needBadge`: whether the push counts as unread (invites).
    #[serde(default, deserialize_with = "flag")]
    pub need_badge: Option<bool>,
}

/// An upload by a client SDK (copy eventType 36, "上传任务抄送"). Not the login of the
/// intercepting callbacks, which shares the number.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UploadTaskCopy {
    /// `type`: what was uploaded (`1`: the SDK's log).
    #[serde(default, rename = "type", deserialize_with = "number")]
    pub upload_type: Option<u32>,
    /// `uploadInfo`: about the upload, as sent (e.g. `sdkLogUrl`, `uploadMsg`).
    #[serde(default, deserialize_with = "json")]
    pub upload_info: Option<Value>,
}

/// An intercepting callback that failed (copy eventType 83, "第三方回调失败抄送"); the
/// IM server went on with the console's default.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallbackFailedCopy {
    /// `reason`: why it failed.
    #[serde(default, deserialize_with = "crate::callback::lenient::code")]
    pub reason: Option<CallbackFailureReason>,
    /// `callbackBody`: the callback's body, as sent (text).
    #[serde(default, deserialize_with = "text")]
    pub callback_body: Option<String>,
    /// `timestamp`: when it failed, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
}
