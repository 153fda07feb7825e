//! Editing a sent message.

use serde::Deserialize;
use serde_json::Value;

use super::{
    MessageAntispamConfig, MessageConfig, P2pOption, PushConfig, RouteConfig, SuperTeamOption,
    TeamOption,
};
use crate::Accid;
use crate::message::{ConversationType, MAX_DESCRIPTION_CHARS, MAX_TEXT_CHARS, MessageServerId};

/// The message [`ModifyMessage`] edits and its new content (`message`). The type cannot
/// change; `time` is the original send time (this action's key, not `create_time`).
///
/// `text` is at most 5000 characters for text and tip messages (types 0 and 10) and 500 for
/// the others (a searchable description).
///
/// ```
/// use nim_api::v2::message::ModifiedMessage;
/// use nim_api::validate::Validate;
///
/// let edit = ModifiedMessage::new(123u64, "lisi", 1700000000000u64, "zhangsan", 0u32).text("fixed");
/// assert!(edit.validate().is_ok());
/// let long = ModifiedMessage::new(1u64, "lisi", 1u64, "zhangsan", 1u32).text("x".repeat(501));
/// assert_eq!(long.validate().unwrap_err().field(), "text");
/// ```
#[derive(Debug, Clone, PartialEq, crate::Params)]
#[nim(setters, custom = text_for_type)]
#[non_exhaustive]
pub struct ModifiedMessage {
    /// The message's server id.
    pub message_server_id: MessageServerId,
    /// Its receiver: an account, or a team id as text.
    #[nim(required)]
    pub receiver_id: String,
    /// When it was sent (ms).
    pub time: u64,
    /// Its sender.
    pub sender_id: Accid,
    /// Its type (unchanged by the edit).
    pub message_type: u32,
    /// The new sub-type, at least 1.
    #[nim(min = 1)]
    pub sub_type: Option<u32>,
    /// The new text (see above for the limits).
    #[nim(max_len = 5000)]
    pub text: Option<String>,
    /// The new attachment (a JSON object).
    pub attachment: Option<Value>,
}

fn text_for_type(message: &ModifiedMessage) -> Result<(), crate::ValidationError> {
    let limit = match message.message_type {
        0 | 10 => MAX_TEXT_CHARS,
        _ => MAX_DESCRIPTION_CHARS,
    };
    crate::validate::max_len("text", &message.text, limit)
}

/// `POST /im/v2/messages/actions/modifyMsg` (modifyMessage): edits a message sent within the
/// last 7 days. By default only its sender and the team owner may edit it; the same message
/// at most once per second (107449).
///
/// Both SDKs and the action's own page use `modifyMsg`; the API list writes
/// `/actions/modify`. The Java SDK sends the option objects, the Go SDK only `operator`,
/// `type`, `extension` and `message`; all are declared. Of `message_config` only
/// `conversation_update_enabled` is documented here, and `team_option` has no
/// `mark_as_read`.
///
/// Not idempotent (each edit notifies the conversation).
///
/// ```
/// use nim_api::message::ConversationType;
/// use nim_api::v2::message::{ModifiedMessage, ModifyMessage};
/// # use nim_api::Endpoint as _;
/// let edit = ModifiedMessage::new(123u64, "lisi", 1700000000000u64, "zhangsan", 0u32).text("fixed");
/// let encoded = ModifyMessage::new("zhangsan", ConversationType::P2p, edit).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/messages/actions/modifyMsg");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator":"zhangsan","type":1,"message":{"message_server_id":123,"receiver_id":"lisi","time":1700000000000,"sender_id":"zhangsan","message_type":0,"text":"fixed"}}"#,
/// );
/// ```
#[derive(Debug, Clone, PartialEq, crate::Endpoint)]
#[nim(path = "/im/v2/messages/actions/modifyMsg", setters, response = ModifyMessageResponse)]
pub struct ModifyMessage {
    /// Who edits.
    pub operator: Accid,
    /// The conversation's kind (`type`), as when it was sent.
    #[nim(rename = "type")]
    pub conversation_type: ConversationType,
    /// The message and its new content.
    pub message: ModifiedMessage,
    /// The new extension: JSON text (1024 characters on older pages; plan-dependent now).
    #[nim(json)]
    pub extension: Option<String>,
    /// Storage switches (only `conversation_update_enabled`).
    pub message_config: Option<MessageConfig>,
    /// The copy to the app server.
    pub route_config: Option<RouteConfig>,
    /// Push of the edit.
    pub push_config: Option<PushConfig>,
    /// Moderation of the new content.
    pub antispam_config: Option<MessageAntispamConfig>,
    /// One-to-one checks.
    pub p2p_option: Option<P2pOption>,
    /// Advanced-team checks (no `mark_as_read`).
    pub team_option: Option<TeamOption>,
    /// Super-team checks.
    pub superteam_option: Option<SuperTeamOption>,
}

/// [`ModifyMessage`]'s answer: the edited message per the Java SDK; the Go SDK reads an empty
/// object, so every member is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ModifyMessageResponse {
    /// Who edited it.
    #[serde(default)]
    pub modify_account_id: Option<String>,
    /// When (ms).
    #[serde(default)]
    pub modify_time: Option<u64>,
    /// The message's server id.
    #[serde(default)]
    pub message_server_id: Option<MessageServerId>,
    /// Its sender.
    #[serde(default)]
    pub sender_id: Option<String>,
    /// Its receiver.
    #[serde(default)]
    pub receiver_id: Option<String>,
    /// When it was sent (ms).
    #[serde(default)]
    pub create_time: Option<u64>,
    /// Its type.
    #[serde(default)]
    pub message_type: Option<u32>,
    /// Its sub-type.
    #[serde(default)]
    pub sub_type: Option<u32>,
    /// Its text.
    #[serde(default)]
    pub text: Option<String>,
    /// Its attachment.
    #[serde(default)]
    pub attachment: Option<Value>,
    /// Its extension.
    #[serde(default)]
    pub extension: Option<String>,
}
