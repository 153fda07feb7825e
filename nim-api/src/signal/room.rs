//! The room record both versions answer (create, delay, get/query): one type, read from
//! either spelling (v1 `channelId`/`type: "VIDEO"`/`members`, v2
//! `channel_id`/`channel_type: 2`/`member_list`).

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::ChannelType;
use crate::wire::{number, optional_number};

/// A signalling room as `createRoom`, `delayRoom` and `getRoomInfo`/`queryRoom` answer it
/// in either version. Times are Unix milliseconds (both SDKs type them `Long`/`int64`; the
/// unit is not documented, the docs' examples are in ms).
///
/// ```
/// use nim_api::signal::{ChannelType, SignalRoom};
///
/// let v1: SignalRoom = serde_json::from_str(r#"{"channelName":"call-1","type":"VIDEO",
///     "channelId":"c0ffee","channelCreateTime":1700000000000,"channelExpireTime":1700007200000,
///     "creator":"zhangsan","ext":"x","members":[{"accid":"lisi","uid":"7","deviceId":"d1",
///     "createTime":1700000001000,"expireTime":1700007200000}]}"#).unwrap();
/// let v2: SignalRoom = serde_json::from_str(r#"{"channel_name":"call-1","channel_type":2,
///     "channel_id":"c0ffee","create_time":1700000000000,"expire_time":1700007200000,
///     "creator_account_id":"zhangsan","channel_extension":"x","member_list":[{"account_id":"lisi",
///     "uid":7,"device_id":"d1","join_time":1700000001000,"expire_time":1700007200000}]}"#).unwrap();
/// assert_eq!(v1, v2);
/// assert_eq!(v1.channel_type, Some(ChannelType::Video));
/// assert_eq!(v1.members[0].uid, Some(7));
/// // A type this crate does not know yet still reads the room.
/// let newer: SignalRoom = serde_json::from_str(r#"{"channel_id":"c1","channel_type":9}"#).unwrap();
/// assert_eq!((newer.channel_id.as_str(), newer.channel_type), ("c1", None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SignalRoom {
    /// The room's id, made by the server (v1 `channelId`).
    #[serde(alias = "channelId", default)]
    pub channel_id: String,
    /// The room's name, unique among open rooms (v1 `channelName`).
    #[serde(alias = "channelName", default)]
    pub channel_name: String,
    /// What the room is for (v1 `type`, as text; v2 `channel_type`, as a number). `None`
    /// when the answer has none or one this crate does not know.
    #[serde(alias = "type", default, deserialize_with = "channel_type")]
    pub channel_type: Option<ChannelType>,
    /// The account that made it (v1 `creator`, v2 `creator_account_id`).
    #[serde(rename = "creator_account_id", alias = "creator", default)]
    pub creator: String,
    /// The room's extension (v1 `ext`, v2 `channel_extension`).
    #[serde(rename = "channel_extension", alias = "ext", default)]
    pub extension: Option<String>,
    /// When it was made (v1 `channelCreateTime`).
    #[serde(alias = "channelCreateTime", default, deserialize_with = "number")]
    pub create_time: u64,
    /// When it ends unless delayed (v1 `channelExpireTime`).
    #[serde(alias = "channelExpireTime", default, deserialize_with = "number")]
    pub expire_time: u64,
    /// Who is in it (v1 `members`, v2 `member_list`); absent is empty.
    #[serde(
        rename = "member_list",
        alias = "members",
        default,
        deserialize_with = "list"
    )]
    pub members: Vec<SignalRoomMember>,
}

/// One member of a [`SignalRoom`].
///
/// `uid` is a number in both SDKs and text on the official v1 pages: either is read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SignalRoomMember {
    /// The member's account (v1 `accid`).
    #[serde(alias = "accid", default)]
    pub account_id: String,
    /// The id the server gave the member in this room.
    #[serde(default, deserialize_with = "optional_number")]
    pub uid: Option<u64>,
    /// The device it joined from (v1 `deviceId`).
    #[serde(alias = "deviceId", default)]
    pub device_id: Option<String>,
    /// When it joined (v1 `createTime`).
    #[serde(alias = "createTime", default, deserialize_with = "optional_number")]
    pub join_time: Option<u64>,
    /// When its membership ends (v1 `expireTime`).
    #[serde(alias = "expireTime", default, deserialize_with = "optional_number")]
    pub expire_time: Option<u64>,
}

/// A room type sent as a number, as number text or as a v1 name; absent, `null`, empty text
/// and a type this crate does not know are `None`: the room itself was made or read, and a
/// type added to the server later must not turn that answer into an error (a retried create
/// would make a second room).
fn channel_type<'de, D: Deserializer<'de>>(d: D) -> Result<Option<ChannelType>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(text)) => ChannelType::from_name(&text),
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .and_then(ChannelType::from_number),
        _ => None,
    })
}

/// The member list; `null` is empty.
fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<SignalRoomMember>, D::Error> {
    Ok(Option::<Vec<SignalRoomMember>>::deserialize(d)?.unwrap_or_default())
}
