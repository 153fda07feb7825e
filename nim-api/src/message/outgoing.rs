//! [`Message`]: what a send carries, written as v1 form parameters or as the v2 `message`
//! object from the same value.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::body::{Audio, FileAttachment, Image, Location, MessageBody, Video};
use super::ids::MessageClientId;
use crate::dynamic::{self, FromWire, FromWireMembers, ParamInfo, ParamPlace};
use crate::validate::{Rule, Validate, ValidationError};
use crate::{Form, FormMembers};

/// The most characters of a v1 `body` (the JSON text of the content).
pub const MAX_V1_BODY_CHARS: usize = 5000;

/// The most characters of a description (v1 `msgDesc`, v2 `text` of a non-text message).
pub const MAX_DESCRIPTION_CHARS: usize = 500;

/// A message to send: its [body](MessageBody), and optionally a searchable description, a
/// sub-type and a client id.
///
/// One value serves both versions: a v1 send writes it as `type`, `body` (JSON text),
/// `msgDesc` and `subType`; a v2 send as the `message` object (`message_type`, `sub_type`,
/// `text`, `attachment`, `message_client_id`).
///
/// ```
/// use nim_api::message::{Image, Message};
/// use nim_api::validate::Validate;
///
/// let hello = Message::text("hi");
/// assert_eq!(hello.v1_body(), r#"{"msg":"hi"}"#);
///
/// let cat = Message::image(Image::new("https://example.com/cat.jpg").w(640).h(480))
///     .description("a cat")
///     .client_id("order-42");
/// assert_eq!(
///     serde_json::to_string(&cat).unwrap(),
///     r#"{"message_type":1,"text":"a cat","attachment":{"url":"https://example.com/cat.jpg","w":640,"h":480},"message_client_id":"order-42"}"#
/// );
///
/// let long = Message::text("字".repeat(5001));
/// assert_eq!(
///     long.validate().unwrap_err().to_string(),
///     "`text` has 5001 characters, at most 5000 allowed"
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Message {
    /// What it says.
    pub body: MessageBody,
    /// A description for search, for messages other than text and tip; at most 500
    /// characters.
    pub description: Option<String>,
    /// The app's second-level classification, at least 1.
    pub sub_type: Option<u32>,
    /// The client id (v2); a fresh one is generated per call when unset.
    pub client_id: Option<MessageClientId>,
}

impl Message {
    fn of(body: MessageBody) -> Self {
        Message {
            body,
            description: None,
            sub_type: None,
            client_id: None,
        }
    }

    /// A text message, at most 5000 characters.
    pub fn text(text: impl Into<String>) -> Self {
        Self::of(MessageBody::Text(text.into()))
    }

    /// A tip: a line shown in the conversation, at most 5000 characters.
    pub fn tip(text: impl Into<String>) -> Self {
        Self::of(MessageBody::Tip(text.into()))
    }

    /// An image message.
    pub fn image(image: Image) -> Self {
        Self::of(MessageBody::Image(image))
    }

    /// A voice message.
    pub fn audio(audio: Audio) -> Self {
        Self::of(MessageBody::Audio(audio))
    }

    /// A video message.
    pub fn video(video: Video) -> Self {
        Self::of(MessageBody::Video(video))
    }

    /// A location message.
    pub fn location(location: Location) -> Self {
        Self::of(MessageBody::Location(location))
    }

    /// A file message.
    pub fn file(file: FileAttachment) -> Self {
        Self::of(MessageBody::File(file))
    }

    /// The app's own message: `content` must be a JSON object.
    ///
    /// ```
    /// use nim_api::message::Message;
    /// use nim_api::validate::Validate;
    ///
    /// let order = Message::custom(serde_json::json!({"order": 42})).sub_type(3);
    /// assert!(order.validate().is_ok());
    /// assert!(Message::custom(serde_json::json!([1, 2])).validate().is_err());
    /// ```
    pub fn custom(content: Value) -> Self {
        Self::of(MessageBody::Custom(content))
    }

    /// Sets the searchable description (not for text or tip).
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the sub-type (at least 1).
    #[must_use]
    pub fn sub_type(mut self, sub_type: u32) -> Self {
        self.sub_type = Some(sub_type);
        self
    }

    /// Sets the client id instead of a fresh one per call: to look the message up by it, or
    /// to send a message that another system already knows by this id.
    ///
    /// What the server does with it, per the docs: it keeps the id with the message and
    /// returns it in answers and history, and generates one when a send has none. The docs
    /// promise no de-duplication of a repeated id, so sending twice with one id may deliver
    /// twice: never resend a send whose outcome is unknown; look it up first.
    #[must_use]
    pub fn client_id(mut self, id: impl Into<MessageClientId>) -> Self {
        self.client_id = Some(id.into());
        self
    }

    /// The v1 `body` parameter: the content's JSON text.
    pub fn v1_body(&self) -> String {
        self.body.v1_body_text()
    }

    /// The v2 `text` member: the text itself, or the description of other kinds.
    fn v2_text(&self) -> Option<&str> {
        self.body.text().or(self.description.as_deref())
    }
}

/// The body's rules, then the description's, the sub-type's and the client id's.
impl Validate for Message {
    fn validate(&self) -> Result<(), ValidationError> {
        self.body.validate()?;
        if let Some(description) = &self.description {
            if self.body.is_textual() {
                return Err(ValidationError::custom(
                    "description",
                    "a text or tip message is its own text: describe other kinds only",
                ));
            }
            crate::validate::max_len("description", description.as_str(), MAX_DESCRIPTION_CHARS)?;
        }
        crate::validate::range("sub_type", &self.sub_type, Some(1), None)?;
        self.client_id.validate()
    }
}

/// The v2 `message` object. Without a client id of its own, each serialisation (one per
/// call: retries reuse the encoded request) carries a fresh one.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("message_type", &self.body.message_type())?;
        if let Some(sub_type) = self.sub_type {
            map.serialize_entry("sub_type", &sub_type)?;
        }
        if let Some(text) = self.v2_text() {
            map.serialize_entry("text", text)?;
        }
        if !self.body.is_textual() {
            map.serialize_entry("attachment", &self.body.attachment_ref())?;
        }
        match &self.client_id {
            Some(id) => map.serialize_entry("message_client_id", id)?,
            None => map.serialize_entry("message_client_id", &MessageClientId::generate())?,
        }
        map.end()
    }
}

/// The v1 parameters `type`, `body`, `msgDesc` and `subType`. v1 sends have no client id:
/// the actions that take a `Message` refuse one in validation.
impl FormMembers for Message {
    fn write_form_members(&self, form: &mut Form) {
        use crate::FormValue as _;
        self.body.message_type().write_form("type", form);
        form.append("body", &self.v1_body());
        self.description.write_form("msgDesc", form);
        self.sub_type.write_form("subType", form);
    }
}

/// The members of the v2 `message` object, for [`FromWire`].
const V2_MEMBERS: &[ParamInfo] = &[
    ParamInfo::new("message_type", "u32", true, ParamPlace::Body),
    ParamInfo::new("sub_type", "Option<u32>", false, ParamPlace::Body).with_rules("min = 1"),
    ParamInfo::new("text", "Option<String>", false, ParamPlace::Body),
    ParamInfo::new("attachment", "Option<Value>", false, ParamPlace::Body),
    ParamInfo::new(
        "message_client_id",
        "Option<MessageClientId>",
        false,
        ParamPlace::Body,
    ),
];

/// The one member of a v1 text or tip body.
const TEXT_BODY_MEMBERS: &[ParamInfo] = &[ParamInfo::new("msg", "String", true, ParamPlace::Body)];

/// The v1 parameters of a message, for [`FromWireMembers`].
const V1_MEMBERS: &[ParamInfo] = &[
    ParamInfo::new("type", "u32", true, ParamPlace::Body),
    ParamInfo::new("body", "Value", true, ParamPlace::Body),
    ParamInfo::new("msgDesc", "Option<String>", false, ParamPlace::Body),
    ParamInfo::new("subType", "Option<u32>", false, ParamPlace::Body).with_rules("min = 1"),
];

/// Read by name, a message's content is held to the same rules as any parameter object: a
/// member its type does not have is an error, not dropped, and values are read leniently.
/// These are the names the user wrote for the type and the content (v1: `type`, `body`; v2:
/// `message_type`, `attachment`).
struct ContentNames {
    type_field: &'static str,
    content_field: &'static str,
}

const V1_NAMES: ContentNames = ContentNames {
    type_field: "type",
    content_field: "body",
};

const V2_NAMES: ContentNames = ContentNames {
    type_field: "message_type",
    content_field: "attachment",
};

/// The media or custom body of `message_type` read from `content` (an object, or JSON text
/// holding one); `None` for the types that have no such content (text, tip, unknown types).
fn read_media(
    message_type: u32,
    content: Value,
    names: &ContentNames,
) -> Result<Option<MessageBody>, ValidationError> {
    let within = |err: ValidationError| err.within(names.content_field);
    Ok(Some(match message_type {
        1 => MessageBody::Image(Image::from_wire(content).map_err(within)?),
        2 => MessageBody::Audio(Audio::from_wire(content).map_err(within)?),
        3 => MessageBody::Video(Video::from_wire(content).map_err(within)?),
        6 => MessageBody::File(FileAttachment::from_wire(content).map_err(within)?),
        4 => {
            let members = dynamic::object(content).map_err(within)?;
            dynamic::no_unknown(&members, LOCATION_MEMBERS).map_err(within)?;
            MessageBody::Location(dynamic::from_value(Value::Object(members)).map_err(within)?)
        }
        100 => MessageBody::Custom(Value::Object(dynamic::object(content).map_err(within)?)),
        _ => return Ok(None),
    }))
}

/// A location's members, for the unknown-member check.
const LOCATION_MEMBERS: &[ParamInfo] = &[
    ParamInfo::new("title", "Option<String>", false, ParamPlace::Body),
    ParamInfo::new("lng", "f64", true, ParamPlace::Body),
    ParamInfo::new("lat", "f64", true, ParamPlace::Body),
];

/// `body` when a send can carry its type; for a type no send takes, the body's own rule,
/// named after the type's member as the user wrote it.
fn sendable(body: MessageBody, names: &ContentNames) -> Result<MessageBody, ValidationError> {
    match &body {
        MessageBody::Other { .. } => match body.validate() {
            Ok(()) => Ok(body),
            Err(err) => Err(ValidationError::new(names.type_field, err.rule().clone())),
        },
        _ => Ok(body),
    }
}

/// The content of a type that has none besides its text: absent or `null`.
fn no_content(
    message_type: u32,
    content: Option<&Value>,
    field: &'static str,
    text_in: &str,
) -> Result<(), ValidationError> {
    match content {
        None | Some(Value::Null) => Ok(()),
        Some(_) => Err(ValidationError::custom(
            field,
            format!("a type {message_type} message has no {field}: its text goes in `{text_in}`"),
        )),
    }
}

/// A required member of a message read from JSON.
fn required<T: serde::de::DeserializeOwned>(
    params: &mut Map<String, Value>,
    name: &'static str,
) -> Result<T, ValidationError> {
    dynamic::param(params, name)?.ok_or_else(|| ValidationError::new(name, Rule::Required))
}

/// The v2 `message` object, as [`Serialize`] writes it: `message_type`, `text` (the text, or
/// the description of other kinds), `attachment` (an object, or text holding one),
/// `sub_type`, `message_client_id`.
///
/// ```
/// use nim_api::dynamic::FromWire;
/// use nim_api::message::{Image, Message};
///
/// let read = Message::from_wire(serde_json::json!({
///     "message_type": 1,
///     "text": "a cat",
///     "attachment": {"url": "https://example.com/cat.jpg"},
/// }))
/// .unwrap();
/// assert_eq!(read, Message::image(Image::new("https://example.com/cat.jpg")).description("a cat"));
///
/// // Held to the rules of a parameter object: a typo is named, not dropped.
/// let err = Message::from_wire(serde_json::json!({
///     "message_type": 1,
///     "attachment": {"url": "https://example.com/cat.jpg", "md55": "x"},
/// }))
/// .unwrap_err();
/// assert_eq!(err.field(), "attachment.md55");
/// // Text has no attachment.
/// let err = Message::from_wire(serde_json::json!({
///     "message_type": 0, "text": "hi", "attachment": {"url": "x"},
/// }))
/// .unwrap_err();
/// assert_eq!(err.field(), "attachment");
/// ```
impl FromWire for Message {
    const PARAMS: &'static [ParamInfo] = V2_MEMBERS;

    fn from_wire(value: Value) -> Result<Self, ValidationError> {
        let mut members = dynamic::object(value)?;
        dynamic::no_unknown(&members, Self::PARAMS)?;
        let message_type: u32 = required(&mut members, "message_type")?;
        let sub_type = dynamic::param(&mut members, "sub_type")?;
        let text: Option<String> = dynamic::param(&mut members, "text")?;
        let attachment: Option<Value> = dynamic::param(&mut members, "attachment")?;
        let client_id = dynamic::param(&mut members, "message_client_id")?;
        let body = match message_type {
            0 | 10 => {
                no_content(message_type, attachment.as_ref(), "attachment", "text")?;
                let text = text
                    .clone()
                    .ok_or_else(|| ValidationError::new("text", Rule::Required))?;
                if message_type == 0 {
                    MessageBody::Text(text)
                } else {
                    MessageBody::Tip(text)
                }
            }
            _ => match attachment {
                Some(content) if !content.is_null() => {
                    match read_media(message_type, content.clone(), &V2_NAMES)? {
                        Some(body) => body,
                        None => MessageBody::Other {
                            message_type,
                            content,
                        },
                    }
                }
                _ if matches!(message_type, 1..=4 | 6 | 100) => {
                    return Err(ValidationError::new("attachment", Rule::Required));
                }
                _ => MessageBody::Other {
                    message_type,
                    content: text.clone().map_or(Value::Null, Value::String),
                },
            },
        };
        let body = sendable(body, &V2_NAMES)?;
        let description = if body.is_textual() { None } else { text };
        Ok(Message {
            body,
            description,
            sub_type,
            client_id,
        })
    }
}

/// The v1 parameters, as [`FormMembers`] writes them: `type`, `body` (an object, or the
/// JSON text the form carries), `msgDesc`, `subType`.
///
/// ```
/// use nim_api::dynamic::FromWireMembers;
/// use nim_api::message::Message;
///
/// let mut params = nim_api::dynamic::object(serde_json::json!({
///     "type": "0", "body": r#"{"msg":"hi"}"#, "to": "lisi",
/// }))
/// .unwrap();
/// assert_eq!(Message::from_wire_members(&mut params).unwrap(), Message::text("hi"));
/// assert!(params.contains_key("to"));
///
/// // A text body that is not `{"msg": ...}` is named as the `body` at fault, and a member a
/// // text body does not have is not dropped.
/// let mut params = nim_api::dynamic::object(serde_json::json!({"type": 0, "body": "hi"})).unwrap();
/// let err = Message::from_wire_members(&mut params).unwrap_err();
/// assert_eq!(err.field(), "body");
/// let mut params = nim_api::dynamic::object(serde_json::json!({
///     "type": 0, "body": {"msg": "hi", "mgs": "typo"},
/// }))
/// .unwrap();
/// let err = Message::from_wire_members(&mut params).unwrap_err();
/// assert_eq!(err.field(), "body.mgs");
/// ```
impl FromWireMembers for Message {
    const MEMBERS: &'static [ParamInfo] = V1_MEMBERS;

    fn from_wire_members(params: &mut Map<String, Value>) -> Result<Self, ValidationError> {
        let message_type: u32 = required(params, "type")?;
        let content: Value = required(params, "body")?;
        let description = dynamic::param(params, "msgDesc")?;
        let sub_type = dynamic::param(params, "subType")?;
        let body = match message_type {
            0 | 10 => {
                let within = |err: ValidationError| err.within("body");
                let mut members = dynamic::object(content).map_err(within)?;
                dynamic::no_unknown(&members, TEXT_BODY_MEMBERS).map_err(within)?;
                let text: String = required(&mut members, "msg").map_err(within)?;
                if message_type == 0 {
                    MessageBody::Text(text)
                } else {
                    MessageBody::Tip(text)
                }
            }
            _ => match read_media(message_type, content.clone(), &V1_NAMES)? {
                Some(body) => body,
                None => MessageBody::from_v1(message_type, &content),
            },
        };
        Ok(Message {
            body: sendable(body, &V1_NAMES)?,
            description,
            sub_type,
            client_id: None,
        })
    }
}

/// For v1 sends: the documented body limit, and no client id (v1 has none to send).
///
/// ```
/// use nim_api::message::{Message, v1_message_rules};
///
/// assert!(v1_message_rules(&Message::text("hi")).is_ok());
/// assert!(v1_message_rules(&Message::text("hi").client_id("x")).is_err());
/// let big = Message::custom(serde_json::json!({"data": "x".repeat(5000)}));
/// assert_eq!(
///     v1_message_rules(&big).unwrap_err().to_string(),
///     "`body` has 5011 characters, at most 5000 allowed"
/// );
/// ```
pub fn v1_message_rules(message: &Message) -> Result<(), ValidationError> {
    if message.client_id.is_some() {
        return Err(ValidationError::custom(
            "client_id",
            "v1 sends take no client id: send with v2 to choose one",
        ));
    }
    crate::validate::max_len("body", message.v1_body().as_str(), MAX_V1_BODY_CHARS)
}
