//! Copies about messages: conversations (1), chatroom messages (4), recalls (7, 8, 25),
//! read receipts (30) and edits (89, 90, 91).

use serde::Deserialize;
use serde_json::Value;

use super::kinds::{ClientType, ConvType};
use super::lenient::{
    client_id, flag, json, json_in, list, message_type_number, number, req_number, req_server_id,
    req_text, text,
};
use crate::message::{ConversationType, MessageBody, MessageClientId, MessageServerId};

/// A message, a team operation or a friend / custom notification (copy eventType 1,
/// "会话类型消息抄送").
///
/// One-to-one and team messages have `convType` `PERSON`, `TEAM` or `SUPER_TEAM`; team
/// operations among them come as `msgType` `NOTIFICATION` with the operation in `attach`
/// (`{"data": {...}, "id": <op>}`, kept raw). Friend and custom notifications have
/// `CUSTOM_PERSON` / `CUSTOM_TEAM`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ConversationCopy {
    /// `convType`: what the copy carries.
    pub conv_type: ConvType,
    /// `to`: the receiving account (`PERSON`, `CUSTOM_PERSON`) or the team id (the others).
    #[serde(deserialize_with = "req_text")]
    pub to: String,
    /// `fromAccount`: the sender.
    #[serde(deserialize_with = "req_text")]
    pub from_account: String,
    /// `fromClientType`: the sender's client.
    #[serde(default)]
    pub from_client_type: Option<ClientType>,
    /// `fromDeviceId`: the sender's device.
    #[serde(default, deserialize_with = "text")]
    pub from_device_id: Option<String>,
    /// `fromNick`: the sender's nickname.
    #[serde(default, deserialize_with = "text")]
    pub from_nick: Option<String>,
    /// `msgTimestamp`: when it was sent, in milliseconds.
    #[serde(deserialize_with = "req_number")]
    pub msg_timestamp: u64,
    /// `msgType`, as sent: `TEXT`, `PICTURE`, `AUDIO`, `VIDEO`, `LOCATION`,
    /// `NOTIFICATION`, `FILE`, `TIPS`, `CUSTOM`, `NRTC_NETCALL`; for custom conversations
    /// `FRIEND_ADD`, `FRIEND_DELETE`, `TEAM_APPLY`, `TEAM_INVITE`, ... See also
    /// [`content`](Self::content).
    #[serde(deserialize_with = "req_text")]
    pub msg_type: String,
    /// `body`: the text (a text message's content, or a notification's text).
    #[serde(default, deserialize_with = "text")]
    pub body: Option<String>,
    /// `attach`: the attachment as sent (JSON, or text that is not JSON).
    #[serde(default, deserialize_with = "json")]
    pub attach: Option<Value>,
    /// Not on the wire: `body` and `attach` read as a [`MessageBody`] for the message
    /// types it models (text, picture, audio, video, location, notification, file, tips,
    /// custom) of `PERSON`, `TEAM` and `SUPER_TEAM` copies; `None` otherwise.
    #[serde(skip)]
    pub content: Option<MessageBody>,
    /// `msgidClient`: the sender's message id (not in custom notifications).
    #[serde(default, deserialize_with = "client_id")]
    pub msgid_client: Option<MessageClientId>,
    /// `msgidServer`: the server's message id.
    #[serde(deserialize_with = "req_server_id")]
    pub msgid_server: MessageServerId,
    /// `resendFlag`: whether this is a resend.
    #[serde(default, deserialize_with = "flag")]
    pub resend_flag: Option<bool>,
    /// `customSafeFlag`: whether a custom notification is stored for offline receivers.
    #[serde(default, deserialize_with = "flag")]
    pub custom_safe_flag: Option<bool>,
    /// `customApnsText`: a custom notification's push text.
    #[serde(default, deserialize_with = "text")]
    pub custom_apns_text: Option<String>,
    /// `tMembers`: the team's members, sent only for teams of at most 200 members.
    #[serde(default, deserialize_with = "list")]
    pub t_members: Vec<String>,
    /// `ext`: the message's extension.
    #[serde(default, deserialize_with = "text")]
    pub ext: Option<String>,
    /// `antispam`: `true` when anti-spam hit the message (absent otherwise).
    #[serde(default, deserialize_with = "flag")]
    pub antispam: Option<bool>,
    /// `yidunRes`: the anti-spam service's raw result.
    #[serde(default, deserialize_with = "json")]
    pub yidun_res: Option<Value>,
    /// `blacklist`: `true` when the receiver has blocked the sender (absent otherwise).
    #[serde(default, deserialize_with = "flag")]
    pub blacklist: Option<bool>,
    /// `ip`: the sender's IP address (messages sent from an SDK).
    #[serde(default, deserialize_with = "text")]
    pub ip: Option<String>,
    /// `port`: the sender's port (messages sent from an SDK).
    #[serde(default, deserialize_with = "number")]
    pub port: Option<u16>,
    /// `aiParams`: about a message to or from an AI account, as sent.
    #[serde(default, deserialize_with = "json")]
    pub ai_params: Option<Value>,
}

impl ConversationCopy {
    /// Fills [`content`](Self::content) from `body` and `attach`.
    pub(crate) fn with_content(mut self) -> Self {
        let message = matches!(
            self.conv_type,
            ConvType::Person | ConvType::Team | ConvType::SuperTeam
        );
        self.content = message_type_number(&self.msg_type)
            .filter(|_| message)
            .map(|n| MessageBody::from_v2(n, self.body.as_deref(), self.attach.as_ref()));
        self
    }
}

/// A chatroom message (copy eventType 4, "聊天室消息抄送"). A chatroom message has no
/// `body`: its content is in `attach`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatroomMessageCopy {
    /// `roomId`: the chatroom.
    #[serde(deserialize_with = "req_number")]
    pub room_id: u64,
    /// `fromAccount`: the sender.
    #[serde(deserialize_with = "req_text")]
    pub from_account: String,
    /// `fromAvator` (sic): the sender's avatar URL.
    #[serde(default, deserialize_with = "text")]
    pub from_avator: Option<String>,
    /// `fromClientType`: the sender's client.
    #[serde(default)]
    pub from_client_type: Option<ClientType>,
    /// `fromExt`: the sender's extension in the room.
    #[serde(default, deserialize_with = "text")]
    pub from_ext: Option<String>,
    /// `fromNick`: the sender's nickname.
    #[serde(default, deserialize_with = "text")]
    pub from_nick: Option<String>,
    /// `msgTimestamp`: when it was sent, in milliseconds.
    #[serde(deserialize_with = "req_number")]
    pub msg_timestamp: u64,
    /// `msgType`, as sent: `TEXT`, `PICTURE`, `AUDIO`, `VIDEO`, `LOCATION`, `FILE`,
    /// `TIPS`, `CUSTOM`, `NETCALL_AUDIO`, ...
    #[serde(deserialize_with = "req_text")]
    pub msg_type: String,
    /// `attach`: the content: the text of a text or tip message as sent (even when it looks
    /// like JSON), JSON otherwise (parsed when sent as a string holding it).
    #[serde(default)]
    pub attach: Option<Value>,
    /// Not on the wire: `attach` read as a [`MessageBody`] for the message types it
    /// models; `None` otherwise.
    #[serde(skip)]
    pub content: Option<MessageBody>,
    /// `ext`: the message's extension.
    #[serde(default, deserialize_with = "text")]
    pub ext: Option<String>,
    /// `msgidClient`: the sender's message id.
    #[serde(default, deserialize_with = "client_id")]
    pub msgid_client: Option<MessageClientId>,
    /// `resendFlag`: whether this is a resend.
    #[serde(default, deserialize_with = "flag")]
    pub resend_flag: Option<bool>,
    /// `roleInfoTimetag`: when the sender's room profile last changed, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub role_info_timetag: Option<u64>,
    /// `antispam`: `true` when anti-spam hit the message (absent otherwise).
    #[serde(default, deserialize_with = "flag")]
    pub antispam: Option<bool>,
    /// `yidunRes`: the anti-spam service's raw result.
    #[serde(default, deserialize_with = "json")]
    pub yidun_res: Option<Value>,
}

impl ChatroomMessageCopy {
    /// Fills [`content`](Self::content) from `attach`.
    pub(crate) fn with_content(mut self) -> Self {
        let number = message_type_number(&self.msg_type);
        // Text is text: only other types' attachments are read as JSON.
        if !matches!(number, Some(0 | 10)) {
            self.attach = self.attach.take().and_then(json_in);
        }
        let text = self.attach.as_ref().and_then(Value::as_str);
        self.content = number.map(|n| MessageBody::from_v2(n, text, self.attach.as_ref()));
        self
    }
}

/// The message a recall or an edit concerns.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageRef {
    /// `msgId`: the message's server id.
    #[serde(deserialize_with = "req_server_id")]
    pub msg_id: MessageServerId,
    /// `clientId`: the message's client id.
    #[serde(default, deserialize_with = "client_id")]
    pub client_id: Option<MessageClientId>,
    /// `from`: the message's sender.
    #[serde(deserialize_with = "req_text")]
    pub from: String,
    /// `to`: the receiving account (one-to-one) or the team id.
    #[serde(deserialize_with = "req_text")]
    pub to: String,
}

/// A recalled message (copy eventTypes 7 one-to-one, 8 team, 25 super team, "消息撤回抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RecallCopy {
    /// Not on the wire as such: the conversation kind its eventType names.
    #[serde(skip_deserializing, default = "p2p")]
    pub kind: ConversationType,
    /// The recalled message (`msgId`, `clientId`, `from`, `to`).
    #[serde(flatten)]
    pub message: MessageRef,
    /// `fromClientType`: the client that recalled it.
    #[serde(default)]
    pub from_client_type: Option<ClientType>,
    /// `deleteTime`: when it was recalled, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub delete_time: Option<u64>,
    /// `sendTime`: when it was sent, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub send_time: Option<u64>,
    /// `selfMsg`: the recall's postscript.
    #[serde(default, deserialize_with = "text")]
    pub self_msg: Option<String>,
    /// `attach`: the recall's custom extension (7, 8).
    #[serde(default, deserialize_with = "json")]
    pub attach: Option<Value>,
}

/// An edited message (copy eventTypes 89 one-to-one, 90 team, 91 super team,
/// "消息更新抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageUpdateCopy {
    /// Not on the wire as such: the conversation kind its eventType names.
    #[serde(skip_deserializing, default = "p2p")]
    pub kind: ConversationType,
    /// The edited message (`msgId`, `clientId`, `from`, `to`).
    #[serde(flatten)]
    pub message: MessageRef,
    /// `fromClientType`: the sender's client.
    #[serde(default)]
    pub from_client_type: Option<ClientType>,
    /// `modifyAccountId`: who edited it.
    #[serde(default, deserialize_with = "text")]
    pub modify_account_id: Option<String>,
    /// `modifyTime`: when it was edited, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub modify_time: Option<u64>,
    /// `text`: the new text.
    #[serde(default, deserialize_with = "text")]
    pub text: Option<String>,
    /// `extension`: the new extension.
    #[serde(default, deserialize_with = "text")]
    pub extension: Option<String>,
    /// `subType`: the new message subtype.
    #[serde(default, deserialize_with = "number")]
    pub sub_type: Option<i64>,
    /// `attachment`: the new attachment, as sent.
    #[serde(default, deserialize_with = "json")]
    pub attachment: Option<Value>,
}

/// The default of a `kind` the parser then sets from the eventType.
fn p2p() -> ConversationType {
    ConversationType::P2p
}

/// One-to-one read receipts (copy eventType 30, "点对点消息已读回执抄送").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ReadReceiptCopy {
    /// `objects`: the receipts (a JSON array, or a string holding one).
    #[serde(default, deserialize_with = "crate::wire::json_or_text")]
    pub objects: Vec<ReadReceipt>,
}

/// One read receipt of a [`ReadReceiptCopy`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ReadReceipt {
    /// `fromAccount`: who read the message.
    #[serde(default, deserialize_with = "text")]
    pub from_account: Option<String>,
    /// `toAccount`: who is told (the message's sender).
    #[serde(default, deserialize_with = "text")]
    pub to_account: Option<String>,
    /// `clientType`: the reader's client.
    #[serde(default)]
    pub client_type: Option<ClientType>,
    /// `msgidClient`: the message's client id.
    #[serde(default, deserialize_with = "client_id")]
    pub msgid_client: Option<MessageClientId>,
    /// `timestamp`: when it was read, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
}
