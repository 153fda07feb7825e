//! [`ChatroomContent`]: a [`Message`] as the v1 chatroom sends write it (`msgType`,
//! `attach`, `subType`), one shape for `sendMsg`, `sendMsgToSomeone`, `broadcast` and the
//! items of the batch sends.

use serde::ser::SerializeMap;
use serde_json::{Map, Value, json};

use crate::dynamic::{self, FromWire, FromWireMembers, ParamInfo, ParamPlace};
use crate::message::Message;
use crate::validate::{Rule, Validate, ValidationError};
use crate::{Form, FormMembers, FormValue};

/// The most characters of a chatroom message's `attach` (the docs; the English page's
/// "4,069" is a typo for 4096).
pub const MAX_ATTACH_CHARS: usize = 4096;

/// What a v1 chatroom message says: a [`Message`] (text, image, audio, video, location,
/// file, tip or custom, the types chatrooms allow) sent as `msgType`, `attach` and
/// `subType`.
///
/// `attach` is the text itself for text and tip messages (the docs: "文本消息：填写消息文案"),
/// and the JSON text of the attachment otherwise (the same keys as in one-to-one and team
/// messages). The chatroom actions have no description (`msgDesc`) and take the client id
/// as their own `msgId` parameter, so a message carrying either is refused before sending;
/// `attach` is at most 4096 characters.
///
/// ```
/// use nim_api::chatroom::ChatroomContent;
/// use nim_api::message::{Image, Message};
/// use nim_api::validate::Validate;
///
/// let hello = ChatroomContent::from(Message::text("hi"));
/// assert_eq!(hello.attach(), "hi");
/// let cat = ChatroomContent::from(Message::image(Image::new("https://example.com/c.jpg").w(4)));
/// assert_eq!(cat.attach(), r#"{"url":"https://example.com/c.jpg","w":4}"#);
/// assert!(cat.validate().is_ok());
/// let described = ChatroomContent::from(Message::image(Image::new("u")).description("a cat"));
/// assert_eq!(described.validate().unwrap_err().field(), "description");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ChatroomContent(pub Message);

impl From<Message> for ChatroomContent {
    fn from(message: Message) -> Self {
        ChatroomContent(message)
    }
}

impl ChatroomContent {
    /// The `attach` parameter: the text of a text or tip message, the attachment's JSON
    /// text otherwise.
    pub fn attach(&self) -> String {
        match self.0.body.text() {
            Some(text) => text.to_owned(),
            None => serde_json::to_string(&self.0.body.attachment_ref()).unwrap_or_default(),
        }
    }

    /// The `msgType` number.
    pub fn msg_type(&self) -> u32 {
        self.0.body.message_type()
    }

    /// Writes `msgType`, `attach` and `subType` into one `msgList` item of the batch sends.
    pub(crate) fn serialize_members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("msgType", &self.msg_type())?;
        map.serialize_entry("attach", &self.attach())?;
        if let Some(sub_type) = self.0.sub_type {
            map.serialize_entry("subType", &sub_type)?;
        }
        Ok(())
    }
}

/// The message's own rules, then those of the chatroom actions: no description, no client
/// id, `attach` at most 4096 characters.
impl Validate for ChatroomContent {
    fn validate(&self) -> Result<(), ValidationError> {
        self.0.validate()?;
        if self.0.description.is_some() {
            return Err(ValidationError::custom(
                "description",
                "chatroom messages have no description",
            ));
        }
        if self.0.client_id.is_some() {
            return Err(ValidationError::custom(
                "client_id",
                "a chatroom message's client id is the action's `msgId`",
            ));
        }
        crate::validate::max_len("attach", self.attach().as_str(), MAX_ATTACH_CHARS)
    }
}

/// `msgType`, `attach` and `subType`.
impl FormMembers for ChatroomContent {
    fn write_form_members(&self, form: &mut Form) {
        self.msg_type().write_form("msgType", form);
        form.append("attach", &self.attach());
        self.0.sub_type.write_form("subType", form);
    }
}

/// The v1 members, for [`FromWireMembers`].
const MEMBERS: &[ParamInfo] = &[
    ParamInfo::new("msgType", "u32", true, ParamPlace::Body)
        .with_rules("one_of = [0, 1, 2, 3, 4, 6, 10, 100]"),
    ParamInfo::new("attach", "String", true, ParamPlace::Body).with_rules("max_len = 4096"),
    ParamInfo::new("subType", "Option<u32>", false, ParamPlace::Body).with_rules("min = 1"),
];

/// Read by name: `msgType`, `attach` (the text, or the attachment as an object or JSON text)
/// and `subType`, held to the same rules as the v2 `message` object (errors name the v2
/// members: `text`, `attachment.url`, ...).
///
/// ```
/// use nim_api::chatroom::ChatroomContent;
/// use nim_api::dynamic::FromWireMembers;
/// use nim_api::message::Message;
///
/// let mut params = nim_api::dynamic::object(serde_json::json!({
///     "msgType": "0", "attach": "hi", "roomid": 1,
/// }))
/// .unwrap();
/// let read = ChatroomContent::from_wire_members(&mut params).unwrap();
/// assert_eq!(read, ChatroomContent(Message::text("hi")));
/// assert!(params.contains_key("roomid"));
/// ```
impl FromWireMembers for ChatroomContent {
    const MEMBERS: &'static [ParamInfo] = MEMBERS;

    fn from_wire_members(params: &mut Map<String, Value>) -> Result<Self, ValidationError> {
        let msg_type: u32 = dynamic::param(params, "msgType")?
            .ok_or_else(|| ValidationError::new("msgType", Rule::Required))?;
        let attach: Value = dynamic::param(params, "attach")?
            .ok_or_else(|| ValidationError::new("attach", Rule::Required))?;
        let sub_type: Option<u32> = dynamic::param(params, "subType")?;
        let mut message = Map::new();
        message.insert("message_type".into(), json!(msg_type));
        match msg_type {
            0 | 10 => message.insert("text".into(), attach),
            _ => message.insert("attachment".into(), attach),
        };
        if let Some(sub_type) = sub_type {
            message.insert("sub_type".into(), json!(sub_type));
        }
        Message::from_wire(Value::Object(message)).map(ChatroomContent)
    }
}
