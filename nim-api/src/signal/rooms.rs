//! A room's life: `signal/createRoom`, `signal/closeRoom`, `signal/delayRoom`,
//! `signal/getRoomInfo`.

use super::{ChannelType, SignalRoom};
use crate::Accid;
use crate::validate::{Rule, ValidationError};

/// `signal/createRoom.action`: `from` makes a room of `type`. Answers the new
/// [`SignalRoom`] (under `data`), with no members: the creator is not one until its
/// client joins.
///
/// - `channelName`: unique among open rooms (10405 otherwise), at most 128 characters (the
///   client docs' limit; no server page states one). When absent the server names the room
///   (the client docs; the emulator uses the channel id).
/// - `ext`: the room's extension, at most 4096 characters (the client docs' limit).
/// - `isRoute`: `1` copies the event to the app server, `0` does not.
///
/// Not idempotent: a repeat makes a second room, or is refused for the name.
///
/// ```
/// use nim_api::signal::{ChannelType, CreateSignalRoom};
/// # use nim_api::Endpoint as _;
///
/// let request = CreateSignalRoom::new(ChannelType::Audio, "ZhangSan")
///     .channel_name("call-1")
///     .ext("{}")
///     .is_route(0u8);
/// assert_eq!(request.to_form().unwrap(), "type=1&from=zhangsan&channelName=call-1&ext=%7B%7D&isRoute=0");
/// let long = request.channel_name("x".repeat(129));
/// assert_eq!(long.validate().unwrap_err().field(), "channelName");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/createRoom.action", setters, response = SignalRoom, response_field = "data")]
pub struct CreateSignalRoom {
    /// What the room is for (`type`).
    #[nim(rename = "type")]
    pub channel_type: ChannelType,
    /// The creator.
    pub from: Accid,
    /// The room's name, at most 128 characters (`channelName`).
    #[nim(rename = "channelName", max_len = 128)]
    pub channel_name: Option<String>,
    /// The room's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub ext: Option<String>,
    /// `1`: copy to the app server; `0`: do not (`isRoute`).
    #[nim(rename = "isRoute", one_of = [0, 1])]
    pub is_route: Option<u8>,
}

/// `signal/closeRoom.action`: `from` closes room `channelId`; every member is told. `from`
/// must be the creator or a member (10406 otherwise); a room that does not exist, or is
/// closed or expired, is 10404. Answers nothing beyond success.
///
/// - `attachExt`: the close notification's extension, at most 4096 characters (v2's limit
///   for the same field, `server_extension`; no v1 source states one).
/// - `isSave`: `1` stores the notification for offline members, `0` does not.
/// - `isRoute`: `1` copies the event to the app server.
///
/// Not idempotent: a repeat is refused with 10404.
///
/// ```
/// use nim_api::signal::CloseSignalRoom;
/// # use nim_api::Endpoint as _;
///
/// let request = CloseSignalRoom::new("c0ffee", "ZhangSan").is_save(1u8);
/// assert_eq!(request.to_form().unwrap(), "channelId=c0ffee&from=zhangsan&isSave=1");
/// assert_eq!(CloseSignalRoom::new("", "zhangsan").validate().unwrap_err().field(), "channelId");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/closeRoom.action", setters)]
pub struct CloseSignalRoom {
    /// The room (`channelId`).
    #[nim(rename = "channelId", required)]
    pub channel_id: String,
    /// Who closes it: the creator or a member.
    pub from: Accid,
    /// `1`: store the notification for offline members; `0`: do not (`isSave`).
    #[nim(rename = "isSave", one_of = [0, 1])]
    pub is_save: Option<u8>,
    /// The notification's extension, at most 4096 characters (`attachExt`).
    #[nim(rename = "attachExt", max_len = 4096)]
    pub attach_ext: Option<String>,
    /// `1`: copy to the app server; `0`: do not (`isRoute`).
    #[nim(rename = "isRoute", one_of = [0, 1])]
    pub is_route: Option<u8>,
}

/// `signal/delayRoom.action`: room `channelId` now ends 2 hours from now
/// ([`ROOM_LIFETIME_SECS`](super::ROOM_LIFETIME_SECS)), whatever was left. Answers the
/// room with its new `expire_time` (under `data`). 10404 for a room that does not exist, or
/// is closed or expired.
///
/// Idempotent: a repeat sets the same end, give or take the seconds between.
///
/// ```
/// use nim_api::signal::DelaySignalRoom;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(DelaySignalRoom::new("c0ffee").to_form().unwrap(), "channelId=c0ffee");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/delayRoom.action", idempotent, setters, response = SignalRoom,
      response_field = "data")]
pub struct DelaySignalRoom {
    /// The room (`channelId`).
    #[nim(rename = "channelId", required)]
    pub channel_id: String,
}

/// `signal/getRoomInfo.action`: an open room with its members, by `channelId` or by
/// `channelName` (at least one, checked before sending; with both, the server reads
/// `channelId`: the official page). Answers the [`SignalRoom`] (under `data`); 10404 when
/// there is no such open room.
///
/// ```
/// use nim_api::signal::GetSignalRoomInfo;
/// # use nim_api::Endpoint as _;
///
/// let by_name = GetSignalRoomInfo::new().channel_name("call-1");
/// assert_eq!(by_name.to_form().unwrap(), "channelName=call-1");
/// assert_eq!(GetSignalRoomInfo::new().validate().unwrap_err().field(), "channelId");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "signal/getRoomInfo.action", idempotent, setters, response = SignalRoom,
      response_field = "data", custom = id_or_name)]
pub struct GetSignalRoomInfo {
    /// The room's name (`channelName`).
    #[nim(rename = "channelName")]
    pub channel_name: Option<String>,
    /// The room's id (`channelId`); read first when both are given.
    #[nim(rename = "channelId")]
    pub channel_id: Option<String>,
}

/// `getRoomInfo` needs a channel id or a name.
fn id_or_name(request: &GetSignalRoomInfo) -> Result<(), ValidationError> {
    one_of_present("channelId", &request.channel_id, &request.channel_name)
}

/// Either text present and not empty, else `Rule::Required` on `field` (the one the
/// server reads first). v2 `queryRoom` has the same rule.
pub(crate) fn one_of_present(
    field: &'static str,
    first: &Option<String>,
    second: &Option<String>,
) -> Result<(), ValidationError> {
    let present = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.is_empty());
    if present(first) || present(second) {
        Ok(())
    } else {
        Err(ValidationError::new(field, Rule::Required))
    }
}
