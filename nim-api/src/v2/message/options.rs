//! The option objects the message actions share: how a message is stored and synced, routed
//! to the app server, pushed, moderated, and checked against friendship or team state.
//!
//! Every member is optional and left out of the request when unset (the server applies its
//! default, given on each member). Where one action documents fewer members of an object
//! than another, the type declares the union; the action's documentation says which members
//! it honours.

use serde::Deserialize;

use crate::Accid;
use crate::message::MessageServerId;

/// How a message is stored and synced (`message_config`). All switches default to `true`.
///
/// ```
/// use nim_api::v2::message::MessageConfig;
///
/// let config = MessageConfig::new().unread_enabled(false).multi_sync_enabled(false);
/// assert_eq!(
///     serde_json::to_string(&config).unwrap(),
///     r#"{"unread_enabled":false,"mutil_sync_enabled":false}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct MessageConfig {
    /// Counts toward the receiver's unread count (default `true`).
    pub unread_enabled: Option<bool>,
    /// Synced to the sender's other devices (default `true`). Sent as the API spells it,
    /// `mutil_sync_enabled`.
    #[nim(rename = "mutil_sync_enabled")]
    #[serde(rename = "mutil_sync_enabled")]
    pub multi_sync_enabled: Option<bool>,
    /// Stored for offline receivers (default `true`; not honoured by stream messages).
    pub offline_enabled: Option<bool>,
    /// Stored in the cloud history (default `true`).
    pub history_enabled: Option<bool>,
    /// Roamed to newly logged-in devices (default `true`; not honoured by stream messages).
    pub roaming_enabled: Option<bool>,
    /// Becomes the conversation's last message (default `true`; the only switch
    /// [`ModifyMessage`](super::ModifyMessage) honours).
    pub conversation_update_enabled: Option<bool>,
}

/// Whether a copy goes to the app server (`route_config`, "抄送").
///
/// ```
/// use nim_api::v2::message::RouteConfig;
///
/// let config = RouteConfig::new().route_enabled(true).route_environment("staging");
/// assert_eq!(
///     serde_json::to_string(&config).unwrap(),
///     r#"{"route_enabled":true,"route_environment":"staging"}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct RouteConfig {
    /// Copy the message to the app server (default `true`).
    pub route_enabled: Option<bool>,
    /// The name of the environment whose copy address receives it.
    pub route_environment: Option<String>,
}

/// Push (APNs, vendor channels) for offline receivers (`push_config`).
///
/// Actions differ in the members they document: send and modify message and the custom
/// notifications take all eight; batch send, stream message and the quick comments document
/// only some (the Go SDK sends all eight everywhere). The type declares all of them.
///
/// ```
/// use nim_api::v2::message::PushConfig;
/// use nim_api::validate::Validate;
///
/// let push = PushConfig::new().push_content("New order").push_payload(r#"{"order":42}"#);
/// assert!(push.validate().is_ok());
/// assert_eq!(
///     PushConfig::new().push_payload("{oops").validate().unwrap_err().field(),
///     "push_payload"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct PushConfig {
    /// Push at all (default `true`); the other members apply only when it is.
    pub push_enabled: Option<bool>,
    /// Prefix the sender's nickname to the push text (default `true`).
    pub push_nick_enabled: Option<bool>,
    /// The push text, at most 500 characters.
    #[nim(max_len = 500)]
    pub push_content: Option<String>,
    /// The push payload: JSON text, at most 2048 characters.
    #[nim(max_len = 2048, json)]
    pub push_payload: Option<String>,
    /// Enable force push ("@" mentions; default `false`).
    pub push_forcepush_enable: Option<bool>,
    /// Force push to every team member (default `false`).
    pub push_forcepush_all: Option<bool>,
    /// The accounts to force push to, at most 100.
    #[nim(max_items = 100)]
    pub push_forcepush_ids: Option<Vec<Accid>>,
    /// The force-push text, at most 500 characters.
    #[nim(max_len = 500)]
    pub push_forcepush_content: Option<String>,
}

/// Moderation of one message (`antispam_config`).
///
/// Batch send documents the first four members only; the type declares all six.
///
/// ```
/// use nim_api::v2::message::MessageAntispamConfig;
/// use nim_api::validate::Validate;
///
/// let config = MessageAntispamConfig::new().antispam_enabled(false);
/// assert_eq!(serde_json::to_string(&config).unwrap(), r#"{"antispam_enabled":false}"#);
/// let long = MessageAntispamConfig::new().antispam_extension(format!("\"{}\"", "x".repeat(1023)));
/// assert!(long.validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct MessageAntispamConfig {
    /// Moderate this message (default `true` when the moderation service is on).
    pub antispam_enabled: Option<bool>,
    /// The moderation business id to use.
    pub antispam_business_id: Option<String>,
    /// Extension passed to moderation: JSON text, at most 1024 characters.
    #[nim(max_len = 1024, json)]
    pub antispam_extension: Option<String>,
    /// Anti-cheating data: JSON text, at most 1024 characters.
    #[nim(max_len = 1024, json)]
    pub antispam_cheating: Option<String>,
    /// Moderate `antispam_custom_message` instead of a custom message's content (default
    /// `false`).
    pub antispam_custom_message_enabled: Option<bool>,
    /// What to moderate for a custom message: JSON text.
    #[nim(json)]
    pub antispam_custom_message: Option<String>,
}

/// One-to-one checks (`p2p_option`).
///
/// ```
/// use nim_api::v2::message::P2pOption;
///
/// let option = P2pOption::new().check_friend(true);
/// assert_eq!(serde_json::to_string(&option).unwrap(), r#"{"check_friend":true}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct P2pOption {
    /// Deliver only when sender and receiver are friends (default `false`).
    pub check_friend: Option<bool>,
}

/// Advanced-team checks (`team_option`). [`ModifyMessage`](super::ModifyMessage) does not
/// document `mark_as_read`.
///
/// ```
/// use nim_api::v2::message::TeamOption;
///
/// let option = TeamOption::new().mark_as_read(true);
/// assert_eq!(serde_json::to_string(&option).unwrap(), r#"{"mark_as_read":true}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct TeamOption {
    /// Ask the members for read receipts of this message.
    pub mark_as_read: Option<bool>,
    /// Send even while the whole team is muted (default `false`).
    pub ignore_chat_banned: Option<bool>,
    /// Send even while the sender is muted in the team (default `false`).
    pub ignore_member_chat_banned: Option<bool>,
    /// The sender must be a member (default `true`).
    pub check_team_member_valid: Option<bool>,
}

/// Super-team checks (`superteam_option`).
///
/// ```
/// use nim_api::v2::message::SuperTeamOption;
///
/// let option = SuperTeamOption::new().ignore_chat_banned(true);
/// assert_eq!(serde_json::to_string(&option).unwrap(), r#"{"ignore_chat_banned":true}"#);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct SuperTeamOption {
    /// Send even while the whole super team is muted (default `false`).
    pub ignore_chat_banned: Option<bool>,
    /// Send even while the sender is muted (default `false`).
    pub ignore_member_chat_banned: Option<bool>,
    /// The sender must be a member (default `true`).
    pub check_team_member_valid: Option<bool>,
}

/// A directed team message: who sees it (`target_option`). No maximum count of accounts is
/// documented.
///
/// ```
/// use nim_api::v2::message::TargetOption;
///
/// let only = TargetOption::new().receiver_account_ids(["a", "B"]).inclusive(true);
/// assert_eq!(
///     serde_json::to_string(&only).unwrap(),
///     r#"{"receiver_account_ids":["a","b"],"inclusive":true}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct TargetOption {
    /// The accounts listed.
    pub receiver_account_ids: Option<Vec<Accid>>,
    /// `true`: only the listed accounts see it; `false`: everyone but them.
    pub inclusive: Option<bool>,
    /// Check that the listed accounts are members.
    pub check_team_member_valid: Option<bool>,
    /// Whether members who join later see it.
    pub visible_to_new_member: Option<bool>,
}

/// A message for a chat robot (`robot_config`). No limits are documented.
///
/// ```
/// use nim_api::v2::message::RobotConfig;
///
/// let robot = RobotConfig::new().robot_account_id("bot");
/// assert_eq!(serde_json::to_string(&robot).unwrap(), r#"{"robot_account_id":"bot"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct RobotConfig {
    /// The robot's account.
    pub robot_account_id: Option<String>,
    /// The topic.
    pub robot_topic: Option<String>,
    /// The function.
    pub robot_function: Option<String>,
    /// Custom content for the robot.
    pub robot_custom_content: Option<String>,
}

/// A message as a thread names it (`thread_root`, `thread_reply`): its sender, receiver
/// (account or team id), server and client ids and send time.
///
/// ```
/// use nim_api::v2::message::ThreadRef;
///
/// let root = ThreadRef::new("zhangsan", "lisi", 123u64, "c1", 1700000000000u64);
/// assert_eq!(
///     serde_json::to_string(&root).unwrap(),
///     r#"{"sender_id":"zhangsan","receiver_id":"lisi","message_server_id":123,"message_client_id":"c1","create_time":1700000000000}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[serde(default)]
#[non_exhaustive]
pub struct ThreadRef {
    /// The message's sender.
    pub sender_id: Accid,
    /// Its receiver: an account, or a team id as text.
    #[nim(required)]
    pub receiver_id: String,
    /// Its server id.
    pub message_server_id: MessageServerId,
    /// Its client id.
    #[nim(required)]
    pub message_client_id: String,
    /// When it was sent (ms).
    pub create_time: u64,
}

/// Where a message sits in a thread (`thread_config`).
///
/// ```
/// use nim_api::v2::message::{ThreadConfig, ThreadRef};
///
/// let root = ThreadRef::new("zhangsan", "lisi", 1u64, "c1", 1u64);
/// let config = ThreadConfig::new().thread_root(root.clone()).thread_reply(root);
/// assert!(serde_json::to_string(&config).unwrap().starts_with(r#"{"thread_root":{"#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct ThreadConfig {
    /// The thread's first message.
    #[serde(default)]
    pub thread_root: Option<ThreadRef>,
    /// The message directly replied to.
    #[serde(default)]
    pub thread_reply: Option<ThreadRef>,
}

/// A message as quick comments name it (`message` of the quick-comment actions): all six
/// members are required.
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::message::MessageRef;
///
/// let target = MessageRef::new(ConversationType::P2p, "zhangsan", "lisi", 123u64, "c1", 1700000000000u64);
/// assert_eq!(
///     serde_json::to_string(&target).unwrap(),
///     r#"{"conversation_type":1,"sender_id":"zhangsan","receiver_id":"lisi","message_server_id":123,"message_client_id":"c1","create_time":1700000000000}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct MessageRef {
    /// The conversation's kind.
    pub conversation_type: crate::message::ConversationType,
    /// The message's sender.
    pub sender_id: Accid,
    /// Its receiver: an account, or a team id as text.
    #[nim(required)]
    pub receiver_id: String,
    /// Its server id.
    pub message_server_id: MessageServerId,
    /// Its client id.
    #[nim(required)]
    pub message_client_id: String,
    /// When it was sent (ms).
    pub create_time: u64,
}

/// Parameters for an AI-account reply (`ai_params` of [`SendMessage`](super::SendMessage)).
/// No official page was found; both SDKs send every member but `send_original` as text
/// (JSON-encoded where it holds structure).
///
/// ```
/// use nim_api::v2::message::AiParams;
///
/// let ai = AiParams::new().account("ai_bot").send_original(true);
/// assert_eq!(serde_json::to_string(&ai).unwrap(), r#"{"account":"ai_bot","send_original":true}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct AiParams {
    /// The AI account that answers.
    pub account: Option<String>,
    /// The request content.
    pub content: Option<String>,
    /// The context messages.
    pub messages: Option<String>,
    /// Prompt variables.
    pub prompt_variables: Option<String>,
    /// Model configuration.
    pub config: Option<String>,
    /// Also deliver the original message.
    pub send_original: Option<bool>,
}
