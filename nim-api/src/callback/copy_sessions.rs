//! Copies about connections: logins and logouts (2, 3), chatroom entries and exits (9),
//! heartbeats (42) and failed logins (84).
//!
//! The docs warn that login and logout copies may come out of order or not at all: keep
//! the `timestamp` of the last one applied and ignore older ones.

use serde::Deserialize;

use super::kinds::{
    ChatroomLeaveReason, ChatroomMemberEvent, ChatroomRole, ClientType, LoginFailureScope,
    LogoutReason,
};
use super::lenient::{flag, number, req_number, req_text, text};

/// A login (copy eventType 2) or a logout (copy eventType 3), "登录/登出事件消息抄送".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SessionCopy {
    /// `accid`: the account.
    #[serde(deserialize_with = "req_text")]
    pub accid: String,
    /// `clientType`: its client.
    #[serde(default)]
    pub client_type: Option<ClientType>,
    /// `clientIp`: the client's IP address, v4 or v6 (not always sent on logout).
    #[serde(default, deserialize_with = "text")]
    pub client_ip: Option<String>,
    /// `code`: the event's result code.
    #[serde(default, deserialize_with = "number")]
    pub code: Option<u32>,
    /// `sdkVersion`: the SDK's version number.
    #[serde(default, deserialize_with = "text")]
    pub sdk_version: Option<String>,
    /// `sdkHumanVersion`: the SDK's readable version.
    #[serde(default, deserialize_with = "text")]
    pub sdk_human_version: Option<String>,
    /// `timestamp`: when it happened, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
    /// `customTag`: the login's custom tag.
    #[serde(default, deserialize_with = "text")]
    pub custom_tag: Option<String>,
    /// `deviceId`: the device.
    #[serde(default, deserialize_with = "text")]
    pub device_id: Option<String>,
    /// `logOutReason`: why it logged out (logout only).
    #[serde(default, deserialize_with = "crate::callback::lenient::code")]
    pub log_out_reason: Option<LogoutReason>,
}

/// A member entered or left a chatroom (copy eventType 9, "聊天室成员进出聊天室事件抄送").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatroomMemberCopy {
    /// `roomId`: the chatroom.
    #[serde(deserialize_with = "req_number")]
    pub room_id: u64,
    /// `event`: what happened.
    pub event: ChatroomMemberEvent,
    /// `accid`: the member.
    #[serde(deserialize_with = "req_text")]
    pub accid: String,
    /// `clientIp`: the client's IP address (not always sent on `OUT`).
    #[serde(default, deserialize_with = "text")]
    pub client_ip: Option<String>,
    /// `clientType`: the member's client.
    #[serde(default)]
    pub client_type: Option<ClientType>,
    /// `code`: the result code.
    #[serde(default, deserialize_with = "number")]
    pub code: Option<u32>,
    /// `sdkVersion`: the SDK's version number.
    #[serde(default, deserialize_with = "text")]
    pub sdk_version: Option<String>,
    /// `timestamp`: when it happened, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
    /// `roleType`: the member's role.
    #[serde(default, deserialize_with = "crate::callback::lenient::code")]
    pub role_type: Option<ChatroomRole>,
    /// `anonymous`: whether the member logged in anonymously.
    #[serde(default, deserialize_with = "flag")]
    pub anonymous: Option<bool>,
    /// `tags`: the tags the member entered with.
    #[serde(default, deserialize_with = "text")]
    pub tags: Option<String>,
    /// `notifyTargetTags`: the notification target tags the member entered with.
    #[serde(default, deserialize_with = "text")]
    pub notify_target_tags: Option<String>,
    /// `logOutReason`: why the member went offline (when enabled in the console).
    #[serde(default)]
    pub log_out_reason: Option<ChatroomLeaveReason>,
    /// `ext`: the extension.
    #[serde(default, deserialize_with = "text")]
    pub ext: Option<String>,
}

/// A long-connection heartbeat (copy eventType 42, "长连接心跳抄送").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct HeartbeatCopy {
    /// `accid`: the account.
    #[serde(deserialize_with = "req_text")]
    pub accid: String,
    /// `consid`: the connection's id.
    #[serde(default, deserialize_with = "text")]
    pub consid: Option<String>,
    /// `clientIp`: the client's IP address, v4 or v6.
    #[serde(default, deserialize_with = "text")]
    pub client_ip: Option<String>,
    /// `clientPort`: the client's port.
    #[serde(default, deserialize_with = "number")]
    pub client_port: Option<u16>,
    /// `clientType`: the client.
    #[serde(default)]
    pub client_type: Option<ClientType>,
    /// `deviceId`: the device.
    #[serde(default, deserialize_with = "text")]
    pub device_id: Option<String>,
    /// `timestamp`: when, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
    /// `customTag`: the login's custom tag.
    #[serde(default, deserialize_with = "text")]
    pub custom_tag: Option<String>,
}

/// A failed login, to IM or to a chatroom (copy eventType 84, "登录失败抄送").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LoginFailedCopy {
    /// `event`: which login failed.
    #[serde(default, deserialize_with = "crate::callback::lenient::code")]
    pub event: Option<LoginFailureScope>,
    /// `chatRoomId`: the chatroom (chatroom logins).
    #[serde(default, deserialize_with = "number")]
    pub chat_room_id: Option<u64>,
    /// `accid`: the account.
    #[serde(default, deserialize_with = "text")]
    pub accid: Option<String>,
    /// `clientType`: the client.
    #[serde(default)]
    pub client_type: Option<ClientType>,
    /// `appLogin`: `true` for a login the user started, `false` for an automatic one.
    #[serde(default, deserialize_with = "flag")]
    pub app_login: Option<bool>,
    /// `customTag`: the login's custom tag.
    #[serde(default, deserialize_with = "text")]
    pub custom_tag: Option<String>,
    /// `sdkVersion`: the SDK's version number.
    #[serde(default, deserialize_with = "text")]
    pub sdk_version: Option<String>,
    /// `sdkHumanVersion`: the SDK's readable version.
    #[serde(default, deserialize_with = "text")]
    pub sdk_human_version: Option<String>,
    /// `sdkType`: the SDK's kind.
    #[serde(default, deserialize_with = "text")]
    pub sdk_type: Option<String>,
    /// `consid`: the connection's id.
    #[serde(default, deserialize_with = "text")]
    pub consid: Option<String>,
    /// `clientIp`: the client's IP address, v4 or v6.
    #[serde(default, deserialize_with = "text")]
    pub client_ip: Option<String>,
    /// `deviceId`: the device.
    #[serde(default, deserialize_with = "text")]
    pub device_id: Option<String>,
    /// `code`: the error code (302 bad token, 403, 404 no such chatroom, 414, 422
    /// disabled, 500, 13001–13005 chatroom states).
    #[serde(default, deserialize_with = "number")]
    pub code: Option<u32>,
    /// `fail`: the reason, e.g. `login.token.error`.
    #[serde(default, deserialize_with = "text")]
    pub fail: Option<String>,
    /// `timestamp`: when, in milliseconds (in the docs' example, not their table).
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
}
