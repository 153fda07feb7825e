//! [`ChatroomMessageBody`]: the `message` object of the chatroom sends.

use serde::Serialize;
use serde_json::Value;

use crate::dynamic::{self, FromWire, ParamInfo, ParamPlace};
use crate::message::Message;
use crate::validate::{Validate, ValidationError};

/// The `message` of [`SendChatroomMessage`](super::SendChatroomMessage) and each of
/// [`BatchSendChatroomMessages`](super::BatchSendChatroomMessages): a [`Message`] (its
/// `message_type`, `sub_type`, `text`, `attachment`, `message_client_id`) and, in a spatial
/// (3D audio) room, where it is said (`location_x`, `location_y`, `location_z`; not with
/// `receiver_ids`, the docs). A [`Message`] converts into one without a position.
///
/// ```
/// use nim_api::message::Message;
/// use nim_api::v2::chatroom_message::ChatroomMessageBody;
/// use nim_api::validate::Validate;
///
/// let body = ChatroomMessageBody::from(Message::text("hi").client_id("c")).location(1.0, 2.5, 0.0);
/// assert_eq!(
///     serde_json::to_string(&body).unwrap(),
///     r#"{"message_type":0,"text":"hi","message_client_id":"c","location_x":1.0,"location_y":2.5,"location_z":0.0}"#
/// );
/// let nowhere = ChatroomMessageBody::from(Message::text("hi")).location(f64::NAN, 0.0, 0.0);
/// assert_eq!(nowhere.validate().unwrap_err().field(), "location_x");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ChatroomMessageBody {
    /// What it says.
    #[serde(flatten)]
    pub message: Message,
    /// The x coordinate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_x: Option<f64>,
    /// The y coordinate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_y: Option<f64>,
    /// The z coordinate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_z: Option<f64>,
}

impl From<Message> for ChatroomMessageBody {
    fn from(message: Message) -> Self {
        ChatroomMessageBody {
            message,
            location_x: None,
            location_y: None,
            location_z: None,
        }
    }
}

impl ChatroomMessageBody {
    /// Sets where it is said.
    #[must_use]
    pub fn location(mut self, x: f64, y: f64, z: f64) -> Self {
        (self.location_x, self.location_y, self.location_z) = (Some(x), Some(y), Some(z));
        self
    }

    /// Whether a coordinate is set.
    pub fn has_location(&self) -> bool {
        self.location_x.is_some() || self.location_y.is_some() || self.location_z.is_some()
    }

    fn coordinates(&self) -> [(&'static str, Option<f64>); 3] {
        [
            ("location_x", self.location_x),
            ("location_y", self.location_y),
            ("location_z", self.location_z),
        ]
    }
}

/// The message's rules; coordinates finite (a NaN would be sent as `null`).
impl Validate for ChatroomMessageBody {
    fn validate(&self) -> Result<(), ValidationError> {
        self.message.validate()?;
        for (name, value) in self.coordinates() {
            if value.is_some_and(|v| !v.is_finite()) {
                return Err(ValidationError::custom(name, "must be a finite number"));
            }
        }
        Ok(())
    }
}

/// The members of the `message` object: the [`Message`]'s and the coordinates.
const PARAMS: &[ParamInfo] = &[
    ParamInfo::new("message_type", "u32", true, ParamPlace::Body)
        .with_rules("one_of = [0, 1, 2, 3, 4, 6, 10, 100]"),
    ParamInfo::new("sub_type", "Option<u32>", false, ParamPlace::Body).with_rules("min = 1"),
    ParamInfo::new("text", "Option<String>", false, ParamPlace::Body),
    ParamInfo::new("attachment", "Option<Value>", false, ParamPlace::Body),
    ParamInfo::new(
        "message_client_id",
        "Option<MessageClientId>",
        false,
        ParamPlace::Body,
    ),
    ParamInfo::new("location_x", "Option<f64>", false, ParamPlace::Body),
    ParamInfo::new("location_y", "Option<f64>", false, ParamPlace::Body),
    ParamInfo::new("location_z", "Option<f64>", false, ParamPlace::Body),
];

/// Read by name: the coordinates, then the rest as a [`Message`].
///
/// ```
/// use nim_api::dynamic::FromWire;
/// use nim_api::v2::chatroom_message::ChatroomMessageBody;
///
/// let body = ChatroomMessageBody::from_wire(serde_json::json!({
///     "message_type": 0, "text": "hi", "location_x": 1,
/// }))
/// .unwrap();
/// assert_eq!(body.location_x, Some(1.0));
/// ```
impl FromWire for ChatroomMessageBody {
    const PARAMS: &'static [ParamInfo] = PARAMS;

    fn from_wire(value: Value) -> Result<Self, ValidationError> {
        let mut members = dynamic::object(value)?;
        let location_x = dynamic::param(&mut members, "location_x")?;
        let location_y = dynamic::param(&mut members, "location_y")?;
        let location_z = dynamic::param(&mut members, "location_z")?;
        let message = Message::from_wire(Value::Object(members))?;
        Ok(ChatroomMessageBody {
            message,
            location_x,
            location_y,
            location_z,
        })
    }
}
