//! What a message says: text, media, a location, a tip or the app's own JSON, and how each
//! kind is written for v1 (`type` + `body` JSON) and v2 (`message_type` + `text` /
//! `attachment`).
//!
//! The media shapes are the docs' message-format examples (the same keys in v1 bodies and v2
//! attachments): `w`/`h` for sizes (the Apifox mock's `width`/`height` is not what the docs
//! show), durations in milliseconds, sizes in bytes.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::validate::{Rule, Validate, ValidationError};

/// The most characters a text or tip message may have (v1 and v2 docs).
pub const MAX_TEXT_CHARS: usize = 5000;

/// An image (`message_type` 1): where it is and, optionally, what it is.
///
/// ```
/// use nim_api::message::Image;
///
/// let image = Image::new("https://example.com/cat.jpg").w(640).h(480).size(48_213).ext("jpg");
/// assert_eq!(
///     serde_json::to_string(&image).unwrap(),
///     r#"{"url":"https://example.com/cat.jpg","ext":"jpg","w":640,"h":480,"size":48213}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct Image {
    /// The file's URL (e.g. from v1 `msg/upload.action`); required.
    #[nim(required)]
    pub url: String,
    /// The display name.
    pub name: Option<String>,
    /// The file's MD5, hex.
    pub md5: Option<String>,
    /// The extension, e.g. `jpg`.
    pub ext: Option<String>,
    /// Width in pixels.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub w: Option<u32>,
    /// Height in pixels.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub h: Option<u32>,
    /// Size in bytes.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub size: Option<u64>,
}

/// A voice clip (`message_type` 2); the docs ask for `aac`.
///
/// ```
/// use nim_api::message::Audio;
///
/// let audio = Audio::new("https://example.com/hello.aac").dur(3_200).ext("aac");
/// assert_eq!(
///     serde_json::to_string(&audio).unwrap(),
///     r#"{"url":"https://example.com/hello.aac","ext":"aac","dur":3200}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct Audio {
    /// The file's URL; required.
    #[nim(required)]
    pub url: String,
    /// The file's MD5, hex.
    pub md5: Option<String>,
    /// The extension (`aac`).
    pub ext: Option<String>,
    /// Duration in milliseconds.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub dur: Option<u64>,
    /// Size in bytes.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub size: Option<u64>,
}

/// A video (`message_type` 3).
///
/// ```
/// use nim_api::message::Video;
///
/// let video = Video::new("https://example.com/clip.mp4").dur(12_000).w(1280).h(720);
/// assert_eq!(
///     serde_json::to_string(&video).unwrap(),
///     r#"{"url":"https://example.com/clip.mp4","dur":12000,"w":1280,"h":720}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct Video {
    /// The file's URL; required.
    #[nim(required)]
    pub url: String,
    /// The file's MD5, hex.
    pub md5: Option<String>,
    /// The extension, e.g. `mp4`.
    pub ext: Option<String>,
    /// Duration in milliseconds.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub dur: Option<u64>,
    /// Frame width in pixels.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub w: Option<u32>,
    /// Frame height in pixels.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub h: Option<u32>,
    /// Size in bytes.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub size: Option<u64>,
}

/// A file (`message_type` 6).
///
/// ```
/// use nim_api::message::FileAttachment;
///
/// let file = FileAttachment::new("https://example.com/q3.pdf").name("q3.pdf").size(1_024);
/// assert_eq!(
///     serde_json::to_string(&file).unwrap(),
///     r#"{"url":"https://example.com/q3.pdf","name":"q3.pdf","size":1024}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct FileAttachment {
    /// The file's URL; required.
    #[nim(required)]
    pub url: String,
    /// The display name.
    pub name: Option<String>,
    /// The file's MD5, hex.
    pub md5: Option<String>,
    /// The extension.
    pub ext: Option<String>,
    /// Size in bytes.
    #[serde(default, deserialize_with = "crate::callback::lenient::number")]
    pub size: Option<u64>,
}

/// A place (`message_type` 4): longitude and latitude in degrees, and a title.
///
/// ```
/// use nim_api::message::Location;
/// use nim_api::validate::Validate;
///
/// let hangzhou = Location::new(120.15, 30.28).title("Hangzhou");
/// assert_eq!(
///     serde_json::to_string(&hangzhou).unwrap(),
///     r#"{"title":"Hangzhou","lng":120.15,"lat":30.28}"#
/// );
/// assert!(Location::new(120.0, 91.0).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Deserialize, serde::Serialize)]
#[non_exhaustive]
pub struct Location {
    /// What the place is called.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Longitude, -180 to 180.
    pub lng: f64,
    /// Latitude, -90 to 90.
    pub lat: f64,
}

impl Location {
    /// The place at longitude `lng` and latitude `lat` (degrees).
    pub fn new(lng: f64, lat: f64) -> Self {
        Location {
            title: None,
            lng,
            lat,
        }
    }

    /// Sets what the place is called.
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }
}

/// Finite degrees within the globe: a NaN would be sent as `null`.
impl Validate for Location {
    fn validate(&self) -> Result<(), ValidationError> {
        let degrees = |field: &'static str, value: f64, limit: f64| {
            if value.is_finite() && value.abs() <= limit {
                Ok(())
            } else {
                Err(ValidationError::custom(
                    field,
                    format!("{value} is not between -{limit} and {limit} degrees"),
                ))
            }
        };
        degrees("lng", self.lng, 180.0)?;
        degrees("lat", self.lat, 90.0)
    }
}

/// What a message says, one variant per message type.
///
/// The variants that a send can carry have constructors on [`Message`](super::Message); `Other` is what an
/// answer holds for a type nim-rs does not model (team notifications `5`, robot `11`, call
/// records `12`, or an app's own type above 100), with its content as the server gave it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum MessageBody {
    /// Text (`0`), at most 5000 characters.
    Text(String),
    /// An image (`1`).
    Image(Image),
    /// A voice clip (`2`).
    Audio(Audio),
    /// A video (`3`).
    Video(Video),
    /// A place (`4`).
    Location(Location),
    /// A file (`6`).
    File(FileAttachment),
    /// A tip (`10`): a line shown in the conversation, not a bubble; at most 5000 characters.
    Tip(String),
    /// The app's own message (`100`): a JSON object it defines.
    Custom(Value),
    /// A type this crate does not model, as received.
    Other {
        /// Its `type` / `message_type`.
        message_type: u32,
        /// Its v1 `body`, or its v2 `attachment` (or `text` when it has no attachment).
        content: Value,
    },
}

impl MessageBody {
    /// The number the API uses for this kind of message.
    pub fn message_type(&self) -> u32 {
        match self {
            MessageBody::Text(_) => 0,
            MessageBody::Image(_) => 1,
            MessageBody::Audio(_) => 2,
            MessageBody::Video(_) => 3,
            MessageBody::Location(_) => 4,
            MessageBody::File(_) => 6,
            MessageBody::Tip(_) => 10,
            MessageBody::Custom(_) => 100,
            MessageBody::Other { message_type, .. } => *message_type,
        }
    }

    /// The text of a text or tip message.
    pub fn text(&self) -> Option<&str> {
        match self {
            MessageBody::Text(text) | MessageBody::Tip(text) => Some(text),
            _ => None,
        }
    }

    /// Whether the v2 `text` member holds the message itself (text and tip) rather than a
    /// description.
    pub(crate) fn is_textual(&self) -> bool {
        matches!(self, MessageBody::Text(_) | MessageBody::Tip(_))
    }

    /// The v1 `body`: `{"msg": ...}` for text and tip, the object itself otherwise.
    pub fn to_v1_body(&self) -> Value {
        match self {
            MessageBody::Text(text) | MessageBody::Tip(text) => {
                let mut body = Map::new();
                body.insert("msg".to_owned(), Value::String(text.clone()));
                Value::Object(body)
            }
            other => other.attachment().unwrap_or(Value::Null),
        }
    }

    /// The v1 `body` as JSON text, members in declaration order.
    pub(crate) fn v1_body_text(&self) -> String {
        let text = match self {
            MessageBody::Text(text) | MessageBody::Tip(text) => {
                serde_json::to_string(&TextBody { msg: text })
            }
            other => serde_json::to_string(&other.attachment_ref()),
        };
        // Serialising strings, numbers and objects into a `String` cannot fail; a
        // non-finite float is written as null (validation refuses it first).
        text.unwrap_or_default()
    }

    /// The v2 `attachment`: the media object, or the custom JSON; `None` for text and tip.
    pub fn attachment(&self) -> Option<Value> {
        if self.is_textual() {
            return None;
        }
        Some(serde_json::to_value(self.attachment_ref()).unwrap_or(Value::Null))
    }

    /// The attachment as it serialises, without an intermediate `Value` (whose map would
    /// reorder the members).
    pub(crate) fn attachment_ref(&self) -> AttachmentRef<'_> {
        AttachmentRef(self)
    }

    /// Reads a v1 history entry's `type` and `body` (an object, or a string holding one).
    /// A body that does not have its type's shape is kept as [`MessageBody::Other`].
    ///
    /// ```
    /// use nim_api::message::MessageBody;
    ///
    /// let body = MessageBody::from_v1(0, &serde_json::json!(r#"{"msg":"hi"}"#));
    /// assert_eq!(body, MessageBody::Text("hi".into()));
    /// ```
    pub fn from_v1(message_type: u32, body: &Value) -> MessageBody {
        let parsed;
        let body = match body {
            Value::String(text) => match serde_json::from_str::<Value>(text) {
                Ok(value) => {
                    parsed = value;
                    &parsed
                }
                Err(_) => body,
            },
            _ => body,
        };
        let text = || body.get("msg").and_then(Value::as_str).map(str::to_owned);
        let known = match message_type {
            0 => text().map(MessageBody::Text),
            10 => text().map(MessageBody::Tip),
            _ => Self::from_attachment(message_type, body),
        };
        known.unwrap_or_else(|| MessageBody::Other {
            message_type,
            content: body.clone(),
        })
    }

    /// Reads a v2 message's `message_type`, `text` and `attachment` (an object, or a string
    /// holding one). Content that does not have its type's shape is kept as
    /// [`MessageBody::Other`].
    ///
    /// ```
    /// use nim_api::message::{Image, MessageBody};
    ///
    /// let attachment = serde_json::json!({"url": "https://example.com/a.png", "w": 2});
    /// let body = MessageBody::from_v2(1, None, Some(&attachment));
    /// assert_eq!(body, MessageBody::Image(Image::new("https://example.com/a.png").w(2)));
    /// ```
    pub fn from_v2(message_type: u32, text: Option<&str>, attachment: Option<&Value>) -> Self {
        let parsed;
        let attachment = match attachment {
            Some(Value::String(json)) => match serde_json::from_str::<Value>(json) {
                Ok(value) => {
                    parsed = value;
                    Some(&parsed)
                }
                Err(_) => attachment,
            },
            other => other,
        };
        let known = match (message_type, text, attachment) {
            (0, Some(text), _) => Some(MessageBody::Text(text.to_owned())),
            (10, Some(text), _) => Some(MessageBody::Tip(text.to_owned())),
            (_, _, Some(attachment)) => Self::from_attachment(message_type, attachment),
            _ => None,
        };
        known.unwrap_or_else(|| MessageBody::Other {
            message_type,
            content: match (attachment, text) {
                (Some(attachment), _) => attachment.clone(),
                (None, Some(text)) => Value::String(text.to_owned()),
                (None, None) => Value::Null,
            },
        })
    }

    /// The typed media or custom body for `message_type`, when `value` has its shape.
    fn from_attachment(message_type: u32, value: &Value) -> Option<MessageBody> {
        fn read<T: for<'de> Deserialize<'de>>(value: &Value) -> Option<T> {
            T::deserialize(value).ok()
        }
        match message_type {
            1 => read(value).map(MessageBody::Image),
            2 => read(value).map(MessageBody::Audio),
            3 => read(value).map(MessageBody::Video),
            4 => read(value).map(MessageBody::Location),
            6 => read(value).map(MessageBody::File),
            100 if value.is_object() => Some(MessageBody::Custom(value.clone())),
            _ => None,
        }
    }
}

/// The rules each kind of body has.
impl Validate for MessageBody {
    fn validate(&self) -> Result<(), ValidationError> {
        match self {
            MessageBody::Text(text) | MessageBody::Tip(text) => {
                crate::validate::required("text", text.as_str())?;
                crate::validate::max_len("text", text.as_str(), MAX_TEXT_CHARS)
            }
            MessageBody::Image(image) => image.validate(),
            MessageBody::Audio(audio) => audio.validate(),
            MessageBody::Video(video) => video.validate(),
            MessageBody::Location(location) => location.validate(),
            MessageBody::File(file) => file.validate(),
            MessageBody::Custom(value) if !value.is_object() => Err(ValidationError::custom(
                "attachment",
                "a custom message is a JSON object",
            )),
            MessageBody::Custom(_) => Ok(()),
            MessageBody::Other { message_type, .. } => Err(ValidationError::new(
                "message_type",
                Rule::Custom {
                    message: format!(
                        "{message_type} cannot be sent: send text, image, audio, video, \
                         location, file, tip or custom"
                    )
                    .into(),
                },
            )),
        }
    }
}

/// `{"msg": ...}`: the v1 body of text and tip.
#[derive(serde::Serialize)]
struct TextBody<'a> {
    msg: &'a str,
}

/// A body's attachment, serialised in place (text and tip have none: `null`).
pub(crate) struct AttachmentRef<'a>(&'a MessageBody);

impl serde::Serialize for AttachmentRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            MessageBody::Text(_) | MessageBody::Tip(_) => serializer.serialize_none(),
            MessageBody::Image(image) => image.serialize(serializer),
            MessageBody::Audio(audio) => audio.serialize(serializer),
            MessageBody::Video(video) => video.serialize(serializer),
            MessageBody::Location(location) => location.serialize(serializer),
            MessageBody::File(file) => file.serialize(serializer),
            MessageBody::Custom(value) | MessageBody::Other { content: value, .. } => {
                value.serialize(serializer)
            }
        }
    }
}
