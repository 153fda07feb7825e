//! Reading rooms: `chatroom/get`, `chatroom/getBatch`, `chatroom/queryUserRoomIds`.

use serde::Deserialize;

use super::Chatroom;
use super::answers::id_list;
use crate::Accid;
use crate::wire::json_or_text;

/// `chatroom/get.action`: room `roomid`, open or closed (`valid`), with the online member
/// count when `needOnlineUserCount` is true. Answers the [`Chatroom`] under `chatroom`
/// (with `ionotify`; no delay-close state). Idempotent.
///
/// ```
/// use nim_api::chatroom::GetChatroom;
/// # use nim_api::Endpoint as _;
///
/// let request = GetChatroom::new(3000000001u64).need_online_user_count(true);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&needOnlineUserCount=true");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/get.action", idempotent, setters, response = Chatroom,
      response_field = "chatroom")]
pub struct GetChatroom {
    /// The room.
    pub roomid: u64,
    /// Whether to count the online members (default: no).
    #[nim(rename = "needOnlineUserCount")]
    pub need_online_user_count: Option<bool>,
}

/// `chatroom/getBatch.action`: rooms `roomids` (1 to 20, each once), sent as a JSON array of
/// numbers as both SDKs send it (the docs' example quotes them; the server reads both).
/// Answers the rooms found and the ids not found ([`ChatroomBatch`]). Idempotent.
///
/// ```
/// use nim_api::chatroom::GetChatrooms;
/// # use nim_api::Endpoint as _;
///
/// let request = GetChatrooms::new([3000000001u64, 3000000002]);
/// assert_eq!(request.to_form().unwrap(), "roomids=%5B3000000001%2C3000000002%5D");
/// assert_eq!(GetChatrooms::new(1..=21u64).validate().unwrap_err().field(), "roomids");
/// assert_eq!(GetChatrooms::new([1u64, 1]).validate().unwrap_err().field(), "roomids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/getBatch.action", idempotent, setters, response = ChatroomBatch)]
pub struct GetChatrooms {
    /// The rooms, 1 to 20.
    #[nim(min_items = 1, max_items = 20, unique)]
    pub roomids: Vec<u64>,
    /// Whether to count each room's online members (default: no).
    #[nim(rename = "needOnlineUserCount")]
    pub need_online_user_count: Option<bool>,
}

/// [`GetChatrooms`]'s answer (top-level members). Production sends real arrays; the Go SDK
/// expects JSON text (and so reads nothing): both are read.
///
/// ```
/// use nim_api::chatroom::ChatroomBatch;
///
/// let batch: ChatroomBatch = serde_json::from_str(
///     r#"{"code":200,"succRooms":[{"roomid":66,"valid":true,"name":"Lobby","creator":"a"}],
///         "noExistRooms":[123,"456"],"failRooms":[]}"#,
/// ).unwrap();
/// assert_eq!(batch.succ_rooms[0].roomid, 66);
/// assert_eq!(batch.no_exist_rooms, [123, 456]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomBatch {
    /// The rooms found, as [`GetChatroom`] answers each.
    #[serde(default, rename = "succRooms", deserialize_with = "json_or_text")]
    pub succ_rooms: Vec<Chatroom>,
    /// The ids that name no room.
    #[serde(default, rename = "noExistRooms", deserialize_with = "id_list")]
    pub no_exist_rooms: Vec<u64>,
    /// The ids the server failed to read (an internal error): worth asking again.
    #[serde(default, rename = "failRooms", deserialize_with = "id_list")]
    pub fail_rooms: Vec<u64>,
}

/// `chatroom/queryUserRoomIds.action`: the ids of the **open** rooms `creator` made.
/// Answers [`OpenChatroomIds`] from `desc`, as the docs and production have it (the Java SDK
/// reads a top-level `roomids` and the Go SDK JSON text: they disagree, so the docs win).
/// Idempotent.
///
/// ```
/// use nim_api::chatroom::QueryOpenChatroomIds;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(QueryOpenChatroomIds::new("ZhangSan").to_form().unwrap(), "creator=zhangsan");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/queryUserRoomIds.action", idempotent, setters,
      response = OpenChatroomIds, response_field = "desc")]
pub struct QueryOpenChatroomIds {
    /// The creator.
    pub creator: Accid,
}

/// [`QueryOpenChatroomIds`]'s answer: room ids, sent as strings (`["1015","2016"]`), read as
/// numbers or strings.
///
/// ```
/// use nim_api::chatroom::OpenChatroomIds;
///
/// let ids: OpenChatroomIds = serde_json::from_str(r#"{"roomids":["1274643577",66]}"#).unwrap();
/// assert_eq!(ids.roomids, [1274643577, 66]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OpenChatroomIds {
    /// The open rooms' ids.
    #[serde(default, deserialize_with = "id_list")]
    pub roomids: Vec<u64>,
}
