//! A room's life on `/im/v2/signalling_room`: create (`POST`), close (`DELETE`), delay
//! (`PUT`), query (`GET`).

use super::{ChannelType, RouteConfig, SignalRoom};
use crate::Accid;
use crate::validate::ValidationError;

/// `POST /im/v2/signalling_room` (createRoom): `creator_account_id` makes a room of
/// `channel_type`. Answers the new [`SignalRoom`], with no members.
///
/// `channel_name` is unique among open rooms (10405), at most 128 characters (the client
/// docs' limit; the SDKs state none); when absent the server names the room.
/// `channel_extension` is at most 4096 characters (likewise). Not idempotent.
///
/// ```
/// use nim_api::v2::signal::{ChannelType, CreateRoom, RouteConfig};
/// # use nim_api::Endpoint as _;
///
/// let request = CreateRoom::new("zhangsan", ChannelType::Custom)
///     .channel_extension("x")
///     .route_config(RouteConfig::new().route_enabled(false));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/signalling_room");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"creator_account_id":"zhangsan","channel_type":3,"channel_extension":"x","route_config":{"route_enabled":false}}"#
/// );
/// assert_eq!(request.channel_name("n".repeat(129)).validate().unwrap_err().field(), "channel_name");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room", setters, response = SignalRoom)]
pub struct CreateRoom {
    /// The room's name, at most 128 characters.
    #[nim(max_len = 128)]
    pub channel_name: Option<String>,
    /// The creator.
    pub creator_account_id: Accid,
    /// What the room is for.
    pub channel_type: ChannelType,
    /// The room's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub channel_extension: Option<String>,
    /// Whether the event is copied to the app server.
    pub route_config: Option<RouteConfig>,
}

/// `DELETE /im/v2/signalling_room?channel_id=..&operator_account_id=..` (closeRoom):
/// `operator_account_id`, the creator or a member (10406 otherwise), closes the room; every
/// member is told. Everything goes in the query (both SDKs). Answers nothing beyond
/// success; 10404 when the room does not exist or is closed or expired.
///
/// `server_extension` (the notification's extension) is at most 4096 characters;
/// `offline_enabled` stores it for offline members (default `false`); `route_enabled`
/// copies the event to the app server (default `false`). Not idempotent (a repeat is
/// 10404).
///
/// ```
/// use nim_api::v2::signal::CloseRoom;
/// # use nim_api::Endpoint as _;
///
/// let encoded = CloseRoom::new("c0ffee", "ZhangSan").offline_enabled(true).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(encoded.path, "/im/v2/signalling_room?channel_id=c0ffee&operator_account_id=zhangsan&offline_enabled=true");
/// assert!(encoded.body.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room", method = "DELETE", setters)]
pub struct CloseRoom {
    /// The room.
    #[nim(query, required)]
    pub channel_id: String,
    /// Who closes it: the creator or a member.
    #[nim(query)]
    pub operator_account_id: Accid,
    /// The notification's extension, at most 4096 characters.
    #[nim(query, max_len = 4096)]
    pub server_extension: Option<String>,
    /// Store the notification for offline members (default `false`).
    #[nim(query)]
    pub offline_enabled: Option<bool>,
    /// Copy the event to the app server (default `false`).
    #[nim(query)]
    pub route_enabled: Option<bool>,
}

/// `PUT /im/v2/signalling_room?channel_id=..` (delayRoom): the room now ends 2 hours from
/// now. Answers the room with its new `expire_time`; 10404 when it does not exist or is
/// closed or expired. Idempotent.
///
/// ```
/// use nim_api::v2::signal::DelayRoom;
/// # use nim_api::Endpoint as _;
///
/// let encoded = DelayRoom::new("c0ffee").encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("PUT", "/im/v2/signalling_room?channel_id=c0ffee"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room", method = "PUT", idempotent, setters, response = SignalRoom)]
pub struct DelayRoom {
    /// The room.
    #[nim(query, required)]
    pub channel_id: String,
}

/// `GET /im/v2/signalling_room?channel_id=..` or `?channel_name=..` (queryRoom): an open
/// room with its members. At least one of the two (checked before sending); with both, the
/// id is read, as v1 `getRoomInfo` documents. 10404 when there is no such open room.
///
/// ```
/// use nim_api::v2::signal::QueryRoom;
/// # use nim_api::Endpoint as _;
///
/// let encoded = QueryRoom::new().channel_name("call 1").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/signalling_room?channel_name=call+1");
/// assert_eq!(QueryRoom::new().validate().unwrap_err().field(), "channel_id");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/signalling_room", method = "GET", idempotent, setters,
      response = SignalRoom, custom = id_or_name)]
pub struct QueryRoom {
    /// The room's id; read first when both are given.
    #[nim(query)]
    pub channel_id: Option<String>,
    /// The room's name.
    #[nim(query)]
    pub channel_name: Option<String>,
}

/// `queryRoom` needs a channel id or a name.
fn id_or_name(request: &QueryRoom) -> Result<(), ValidationError> {
    crate::signal::one_of_present("channel_id", &request.channel_id, &request.channel_name)
}
