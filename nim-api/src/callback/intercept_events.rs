//! The intercepting callbacks an official page lists the fields of: a one-to-one message
//! (1), a profile change (3), a team creation (7), a super-team invitation (23), a login
//! (36) and a QChat login (40).

use serde::Deserialize;
use serde_json::Value;

use super::kinds::{AuthType, ClientType};
use super::lenient::{client_id, flag, json, list, number, req_number, req_text, text};
use crate::message::{MessageBody, MessageClientId};

/// Who acted and from where: the members every intercepting callback shares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CallbackOrigin {
    /// `fromClientType`: the client.
    #[serde(default)]
    pub from_client_type: Option<ClientType>,
    /// `fromDeviceId`: the device.
    #[serde(default, deserialize_with = "text")]
    pub from_device_id: Option<String>,
    /// `fromClientIp`: the client's IP address, v4 or v6.
    #[serde(default, deserialize_with = "text")]
    pub from_client_ip: Option<String>,
    /// `fromClientPort`: the client's port.
    #[serde(default, deserialize_with = "number")]
    pub from_client_port: Option<u16>,
}

/// A one-to-one message about to be delivered (intercept eventType 1, "会话消息回调").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MessageCallback {
    /// `fromAccount`: the sender.
    #[serde(deserialize_with = "req_text")]
    pub from_account: String,
    /// `fromNick`: the sender's nickname.
    #[serde(default, deserialize_with = "text")]
    pub from_nick: Option<String>,
    /// `to`: the receiver.
    #[serde(default, deserialize_with = "text")]
    pub to: Option<String>,
    /// `msgType`, as sent: `TEXT`, `PICTURE`, `AUDIO`, `VIDEO`, `LOCATION`, `FILE`,
    /// `TIPS`, `CUSTOM`, ...
    #[serde(default, deserialize_with = "text")]
    pub msg_type: Option<String>,
    /// `body`: the text.
    #[serde(default, deserialize_with = "text")]
    pub body: Option<String>,
    /// `attach`: the attachment, as sent.
    #[serde(default, deserialize_with = "json")]
    pub attach: Option<Value>,
    /// Not on the wire: `body` and `attach` read as a [`MessageBody`] for the message
    /// types it models; `None` otherwise.
    #[serde(skip)]
    pub content: Option<MessageBody>,
    /// `ext`: the message's extension.
    #[serde(default, deserialize_with = "text")]
    pub ext: Option<String>,
    /// `msgTimestamp`: when it was sent, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub msg_timestamp: Option<u64>,
    /// `msgidClient`: the sender's message id.
    #[serde(default, deserialize_with = "client_id")]
    pub msgid_client: Option<MessageClientId>,
    /// The sender's client, device and address.
    #[serde(flatten)]
    pub origin: CallbackOrigin,
}

impl MessageCallback {
    /// Fills [`content`](Self::content) from `body` and `attach`.
    pub(crate) fn with_content(mut self) -> Self {
        self.content = self
            .msg_type
            .as_deref()
            .and_then(super::lenient::message_type_number)
            .map(|n| MessageBody::from_v2(n, self.body.as_deref(), self.attach.as_ref()));
        self
    }
}

/// A user's profile about to change (intercept eventType 3, "用户资料变更回调"). Only the
/// members that change are sent.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserUpdateCallback {
    /// `account`: the account.
    #[serde(deserialize_with = "req_text")]
    pub account: String,
    /// `name`: the new nickname.
    #[serde(default, deserialize_with = "text")]
    pub name: Option<String>,
    /// `icon`: the new avatar URL.
    #[serde(default, deserialize_with = "text")]
    pub icon: Option<String>,
    /// `sign`: the new signature.
    #[serde(default, deserialize_with = "text")]
    pub sign: Option<String>,
    /// `email`: the new email address.
    #[serde(default, deserialize_with = "text")]
    pub email: Option<String>,
    /// `birth`: the new birthday.
    #[serde(default, deserialize_with = "text")]
    pub birth: Option<String>,
    /// `mobile`: the new phone number.
    #[serde(default, deserialize_with = "text")]
    pub mobile: Option<String>,
    /// `gender`: the new gender: 0 unknown, 1 male, 2 female.
    #[serde(default, deserialize_with = "number")]
    pub gender: Option<u8>,
    /// `ex`: the new extension.
    #[serde(default, deserialize_with = "text")]
    pub ex: Option<String>,
    /// `clientType`: the client.
    #[serde(default)]
    pub client_type: Option<ClientType>,
    /// `deviceId`: the device.
    #[serde(default, deserialize_with = "text")]
    pub device_id: Option<String>,
    /// `timestamp`: when, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
}

/// An advanced team about to be created (intercept eventType 7, "创建群回调").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreateTeamCallback {
    /// `creator`: who creates it.
    #[serde(deserialize_with = "req_text")]
    pub creator: String,
    /// `tname`: the team's name.
    #[serde(default, deserialize_with = "text")]
    pub tname: Option<String>,
    /// `type`: the team's kind (`1`: advanced team).
    #[serde(default, rename = "type", deserialize_with = "number")]
    pub team_type: Option<u32>,
    /// `inviteList`: the accounts invited (a JSON array, or a string holding one).
    #[serde(default, deserialize_with = "list")]
    pub invite_list: Vec<String>,
    /// `msg`: the invitation's text.
    #[serde(default, deserialize_with = "text")]
    pub msg: Option<String>,
    /// `announcement`: the team's announcement.
    #[serde(default, deserialize_with = "text")]
    pub announcement: Option<String>,
    /// `intro`: the team's introduction.
    #[serde(default, deserialize_with = "text")]
    pub intro: Option<String>,
    /// `icon`: the team's avatar URL.
    #[serde(default, deserialize_with = "text")]
    pub icon: Option<String>,
    /// `custom`: the team's custom data, as the client sent it.
    #[serde(default, deserialize_with = "text")]
    pub custom: Option<String>,
    /// `servercustom`: the team's server-side custom data.
    #[serde(default, deserialize_with = "text")]
    pub servercustom: Option<String>,
    /// `joinmode`: 0 anyone joins, 1 approval needed, 2 nobody may ask.
    #[serde(default, deserialize_with = "number")]
    pub joinmode: Option<u32>,
    /// `invitemode`: who may invite: 0 owner and managers, 1 everyone.
    #[serde(default, deserialize_with = "number")]
    pub invitemode: Option<u32>,
    /// `beinvitemode`: 0 invitees must accept, 1 they join at once.
    #[serde(default, deserialize_with = "number")]
    pub beinvitemode: Option<u32>,
    /// `uptinfomode`: who may edit the team: 0 owner and managers, 1 everyone.
    #[serde(default, deserialize_with = "number")]
    pub uptinfomode: Option<u32>,
    /// `upcustommode`: who may edit its custom data: 0 owner and managers, 1 everyone.
    #[serde(default, deserialize_with = "number")]
    pub upcustommode: Option<u32>,
    /// `teamMuteType`: the team's mute state.
    #[serde(default, deserialize_with = "number")]
    pub team_mute_type: Option<u32>,
    /// `level`: the team's size limit.
    #[serde(default, deserialize_with = "number")]
    pub level: Option<u32>,
    /// `timestamp`: when, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
    /// The creator's client and device.
    #[serde(flatten)]
    pub origin: CallbackOrigin,
}

/// Accounts about to be invited into a super team (intercept eventType 23,
/// "超大群拉人入群回调").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SuperTeamInviteCallback {
    /// `tid`: the super team.
    #[serde(deserialize_with = "req_number")]
    pub tid: u64,
    /// `fromAccount`: who invites.
    #[serde(deserialize_with = "req_text")]
    pub from_account: String,
    /// `inviteList`: the accounts invited (a JSON array, or a string holding one).
    #[serde(default, deserialize_with = "list")]
    pub invite_list: Vec<String>,
    /// `beinvitemode`: 0 invitees must accept, 1 they join at once.
    #[serde(default, deserialize_with = "number")]
    pub beinvitemode: Option<u32>,
    /// `msg`: the invitation's text.
    #[serde(default, deserialize_with = "text")]
    pub msg: Option<String>,
    /// `timestamp`: when, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
    /// The inviter's client and device.
    #[serde(flatten)]
    pub origin: CallbackOrigin,
}

/// A login about to be let in (intercept eventType 36, "登录回调"; eventType 40,
/// "圈组登录回调", for QChat). Not the upload copy, which shares the number 36.
///
/// `Debug` shows whether a token was sent, never the token.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LoginCallback {
    /// `fromAccount`: the account.
    #[serde(deserialize_with = "req_text")]
    pub from_account: String,
    /// `token`: the token it logs in with.
    #[serde(default, deserialize_with = "text")]
    pub token: Option<String>,
    /// `authType`: how the login is authenticated; with
    /// [`AuthType::ThirdParty`] this callback alone decides.
    #[serde(default, deserialize_with = "crate::callback::lenient::code")]
    pub auth_type: Option<AuthType>,
    /// `loginExt`: the login's extension.
    #[serde(default, deserialize_with = "text")]
    pub login_ext: Option<String>,
    /// `customTag`: the login's custom tag.
    #[serde(default, deserialize_with = "text")]
    pub custom_tag: Option<String>,
    /// `customClientType`: the app's own client type.
    #[serde(default, deserialize_with = "text")]
    pub custom_client_type: Option<String>,
    /// `autoLogin`: whether the SDK logs in again by itself (36).
    #[serde(default, deserialize_with = "flag")]
    pub auto_login: Option<bool>,
    /// `timestamp`: when, in milliseconds.
    #[serde(default, deserialize_with = "number")]
    pub timestamp: Option<u64>,
    /// The client, device and address.
    #[serde(flatten)]
    pub origin: CallbackOrigin,
}

impl std::fmt::Debug for LoginCallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let token = self.token.as_ref().map(|_| "<redacted>");
        f.debug_struct("LoginCallback")
            .field("from_account", &self.from_account)
            .field("token", &token)
            .field("auth_type", &self.auth_type)
            .field("login_ext", &self.login_ext)
            .field("custom_tag", &self.custom_tag)
            .field("custom_client_type", &self.custom_client_type)
            .field("auto_login", &self.auto_login)
            .field("timestamp", &self.timestamp)
            .field("origin", &self.origin)
            .finish()
    }
}
