//! What the conversation-group operations answer (`data`).

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::message::ConversationId;
use crate::v2::conversation::ConversationFailure;

/// A conversation group. `account_id` and `conversation_ids` are read by the Go SDK only
/// (get, batchGet); the Java SDK stops at the times. Times are Unix milliseconds.
///
/// ```
/// use nim_api::v2::conversation_group::ConversationGroup;
///
/// let group: ConversationGroup = serde_json::from_str(
///     r#"{"group_id":7,"name":"work","create_time":1700000000000,"update_time":1700000000000,
///         "account_id":"zhangsan","conversation_ids":["zhangsan|1|lisi"]}"#,
/// ).unwrap();
/// assert_eq!((group.group_id, group.name.as_str()), (7, "work"));
/// assert_eq!(group.conversation_ids[0].to_string(), "zhangsan|1|lisi");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConversationGroup {
    /// The group's id, given by the server.
    #[serde(default, deserialize_with = "crate::wire::number")]
    pub group_id: u64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// The app's extension of the group.
    #[serde(default)]
    pub server_extension: Option<String>,
    /// When it was created.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub create_time: Option<u64>,
    /// When it last changed.
    #[serde(default, deserialize_with = "crate::wire::optional_number")]
    pub update_time: Option<u64>,
    /// The owner, when answered.
    #[serde(default)]
    pub account_id: Option<String>,
    /// Its conversations, when answered.
    #[serde(default)]
    pub conversation_ids: Vec<ConversationId>,
}

/// What a create or update did: the group after it, the conversations added or removed,
/// and those that failed (a partial failure is a successful call).
///
/// ```
/// use nim_api::v2::conversation_group::ConversationGroupChange;
///
/// let done: ConversationGroupChange = serde_json::from_str(
///     r#"{"conversation_group":{"group_id":7,"name":"work"},"success_list":["a|1|b"],
///         "failed_list":[{"conversation_id":"a|1|c","error_code":419,"error_msg":"in 5 groups"}]}"#,
/// ).unwrap();
/// assert_eq!(done.conversation_group.group_id, 7);
/// assert_eq!(done.failed_list[0].error_code, 419);
///
/// // The Go SDK reads the group's members at the top level: read so too.
/// let flat: ConversationGroupChange =
///     serde_json::from_str(r#"{"group_id":8,"name":"home","success_list":[]}"#).unwrap();
/// assert_eq!((flat.conversation_group.group_id, flat.conversation_group.name.as_str()), (8, "home"));
/// // Neither shape: an error, never group 0.
/// assert!(serde_json::from_str::<ConversationGroupChange>(r#"{"success_list":[]}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConversationGroupChange {
    /// The group: the Java SDK's nested `conversation_group`, or the Go SDK's flat members.
    #[serde(flatten, deserialize_with = "nested_or_flat")]
    pub conversation_group: ConversationGroup,
    /// The conversations added (create, update add) or removed (update remove).
    #[serde(default)]
    pub success_list: Vec<ConversationId>,
    /// The conversations not changed, each with its code.
    #[serde(default)]
    pub failed_list: Vec<ConversationFailure>,
}

/// A group batchGet could not read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConversationGroupFailure {
    /// The group asked for.
    #[serde(default, deserialize_with = "crate::wire::number")]
    pub group_id: u64,
    /// Why (`error_code`, or the Java SDK's `code`).
    #[serde(default, alias = "code", deserialize_with = "crate::wire::number")]
    pub error_code: u32,
    /// Why, in words (`error_msg`, or the Java SDK's `msg`).
    #[serde(default, alias = "msg")]
    pub error_msg: String,
}

/// What batchGet answers: the groups found and the ids that failed.
///
/// ```
/// use nim_api::v2::conversation_group::ConversationGroups;
///
/// let java: ConversationGroups = serde_json::from_str(
///     r#"{"success_list":[{"group_id":7,"name":"work"}],"fail_list":[{"group_id":8,"code":414,"msg":"no"}]}"#,
/// ).unwrap();
/// assert_eq!((java.success_list[0].group_id, java.failed_list[0].error_code), (7, 414));
/// let go: ConversationGroups = serde_json::from_str(
///     r#"{"failed_list":[{"group_id":8,"error_code":414,"error_msg":"no"}]}"#,
/// ).unwrap();
/// assert_eq!(go.failed_list[0].group_id, 8);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConversationGroups {
    /// The groups found.
    #[serde(default)]
    pub success_list: Vec<ConversationGroup>,
    /// The groups not found (`failed_list`, or the Java SDK's `fail_list`).
    #[serde(default, alias = "fail_list")]
    pub failed_list: Vec<ConversationGroupFailure>,
}

/// What listAll answers: every group of the account.
///
/// ```
/// use nim_api::v2::conversation_group::ConversationGroupList;
///
/// let list: ConversationGroupList =
///     serde_json::from_str(r#"{"conversation_groups":[{"group_id":7,"name":"work"}]}"#).unwrap();
/// assert_eq!(list.conversation_groups[0].name, "work");
/// let go: ConversationGroupList = serde_json::from_str(r#"{"items":[{"group_id":8}]}"#).unwrap();
/// assert_eq!(go.conversation_groups[0].group_id, 8);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ConversationGroupList {
    /// The groups (`conversation_groups`, or the Go SDK's `items`).
    #[serde(default, alias = "items")]
    pub conversation_groups: Vec<ConversationGroup>,
}

/// The group of a create or update answer: `conversation_group{...}` (the Java SDK's
/// shape, which the emulator answers) or its members at the top level (the Go SDK's); an
/// answer with neither (no `group_id`) is an error rather than a group 0.
fn nested_or_flat<'de, D: Deserializer<'de>>(d: D) -> Result<ConversationGroup, D::Error> {
    let mut answer = serde_json::Map::<String, Value>::deserialize(d)?;
    let group = match answer.remove("conversation_group") {
        Some(nested @ Value::Object(_)) => nested,
        _ => Value::Object(answer),
    };
    if group.get("group_id").is_none_or(Value::is_null) {
        return Err(serde::de::Error::missing_field(
            "conversation_group.group_id",
        ));
    }
    ConversationGroup::deserialize(group).map_err(serde::de::Error::custom)
}
