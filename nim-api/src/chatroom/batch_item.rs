//! [`ChatroomMsgItem`]: one message of the v1 batch sends' `msgList`.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use super::ChatroomContent;
use super::content::MAX_ATTACH_CHARS;
use crate::dynamic::{self, FromWire, FromWireMembers, ParamInfo, ParamPlace};
use crate::message::MessageClientId;
use crate::validate::{Rule, Validate, ValidationError};

/// One message of `batchSendMsg` and `batchSendMsgToSomeone`: its client id (`msgId`), its
/// content (`msgType`, `attach`, `subType`), and optionally `ext` (at most 4096
/// characters) and `resendFlag` (0 or 1). Written into `msgList` as a JSON object.
///
/// ```
/// use nim_api::chatroom::ChatroomMsgItem;
/// use nim_api::message::Message;
/// use nim_api::validate::Validate;
///
/// let item = ChatroomMsgItem::new("m-1", Message::text("hi")).ext("{}");
/// assert_eq!(
///     serde_json::to_string(&item).unwrap(),
///     r#"{"msgId":"m-1","msgType":0,"attach":"hi","ext":"{}"}"#
/// );
/// assert_eq!(item.resend_flag(2).validate().unwrap_err().field(), "resendFlag");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ChatroomMsgItem {
    /// The client id (`msgId`).
    pub msg_id: MessageClientId,
    /// What it says.
    pub content: ChatroomContent,
    /// The developer's extension, at most 4096 characters (JSON recommended).
    pub ext: Option<String>,
    /// `1`: a resend, which the server de-duplicates by `msgId`; `0` (the default): new.
    pub resend_flag: Option<u8>,
}

impl ChatroomMsgItem {
    /// The message `content` with client id `msg_id`.
    pub fn new(msg_id: impl Into<MessageClientId>, content: impl Into<ChatroomContent>) -> Self {
        ChatroomMsgItem {
            msg_id: msg_id.into(),
            content: content.into(),
            ext: None,
            resend_flag: None,
        }
    }

    /// Sets the extension.
    #[must_use]
    pub fn ext(mut self, ext: impl Into<String>) -> Self {
        self.ext = Some(ext.into());
        self
    }

    /// Sets the resend flag.
    #[must_use]
    pub fn resend_flag(mut self, flag: u8) -> Self {
        self.resend_flag = Some(flag);
        self
    }
}

/// `{"msgId", "msgType", "attach", "subType", "ext", "resendFlag"}`, in this order, unset
/// members left out.
impl Serialize for ChatroomMsgItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("msgId", self.msg_id.as_str())?;
        self.content.serialize_members(&mut map)?;
        if let Some(ext) = &self.ext {
            map.serialize_entry("ext", ext)?;
        }
        if let Some(flag) = self.resend_flag {
            map.serialize_entry("resendFlag", &flag)?;
        }
        map.end()
    }
}

/// Written into the `msgList` array as a JSON object.
impl crate::ListItem for ChatroomMsgItem {
    fn write_json(&self, out: &mut String) {
        if let Ok(text) = serde_json::to_string(self) {
            out.push_str(&text);
        }
    }

    fn write_text(&self, out: &mut String) {
        self.write_json(out);
    }
}

/// The client id's, the content's, then `ext` and `resendFlag`.
impl Validate for ChatroomMsgItem {
    fn validate(&self) -> Result<(), ValidationError> {
        crate::validate::required("msgId", self.msg_id.as_str())?;
        self.content.validate()?;
        if let Some(ext) = &self.ext {
            crate::validate::max_len("ext", ext.as_str(), MAX_ATTACH_CHARS)?;
        }
        match self.resend_flag {
            Some(flag) if flag > 1 => Err(ValidationError::custom(
                "resendFlag",
                format!("is {flag}, allowed 0 or 1"),
            )),
            _ => Ok(()),
        }
    }
}

/// The members of an item, for [`FromWire`].
const PARAMS: &[ParamInfo] = &[
    ParamInfo::new("msgId", "MessageClientId", true, ParamPlace::Body),
    ParamInfo::new("msgType", "u32", true, ParamPlace::Body)
        .with_rules("one_of = [0, 1, 2, 3, 4, 6, 10, 100]"),
    ParamInfo::new("attach", "String", true, ParamPlace::Body).with_rules("max_len = 4096"),
    ParamInfo::new("subType", "Option<u32>", false, ParamPlace::Body).with_rules("min = 1"),
    ParamInfo::new("ext", "Option<String>", false, ParamPlace::Body).with_rules("max_len = 4096"),
    ParamInfo::new("resendFlag", "Option<u8>", false, ParamPlace::Body)
        .with_rules("one_of = [0, 1]"),
];

/// Read by name from `{"msgId", "msgType", "attach", "subType", "ext", "resendFlag"}`.
///
/// ```
/// use nim_api::chatroom::ChatroomMsgItem;
/// use nim_api::dynamic::FromWire;
///
/// let item = ChatroomMsgItem::from_wire(serde_json::json!({"msgId": "a", "msgType": 0, "attach": "hi"}));
/// assert_eq!(item.unwrap().msg_id.as_str(), "a");
/// let typo = ChatroomMsgItem::from_wire(serde_json::json!({"msgId": "a", "msgType": 0, "attach": "x", "xt": 1}));
/// assert_eq!(typo.unwrap_err().field(), "xt");
/// ```
impl FromWire for ChatroomMsgItem {
    const PARAMS: &'static [ParamInfo] = PARAMS;

    fn from_wire(value: Value) -> Result<Self, ValidationError> {
        let mut members = dynamic::object(value)?;
        dynamic::no_unknown(&members, PARAMS)?;
        let msg_id: MessageClientId = dynamic::param(&mut members, "msgId")?
            .ok_or_else(|| ValidationError::new("msgId", Rule::Required))?;
        let ext = dynamic::param(&mut members, "ext")?;
        let resend_flag = dynamic::param(&mut members, "resendFlag")?;
        let content = ChatroomContent::from_wire_members(&mut members)?;
        Ok(ChatroomMsgItem {
            msg_id,
            content,
            ext,
            resend_flag,
        })
    }
}
