//! Making, reading and changing rooms: createChatroom, getChatroomInfo, updateChatroomInfo,
//! queryOpenChatrooms.

use super::{ChatroomInfo, ChatroomTexts, DelayCloseSettings, OpenChatrooms, RoomNotification};
use crate::Accid;
use crate::v2::AntispamConfiguration;

/// `POST /im/v2/chatrooms` (createChatroom): `creator` makes room `room_name`, open, with
/// the creator as its first member. Answers the new [`ChatroomInfo`] (with `delay_info`).
///
/// `in_out_notification` defaults to true (the v1 create page: notifications are on by
/// default); the Go SDK cannot send `false`, this crate does. Not idempotent: a repeat makes
/// a second room.
///
/// ```
/// use nim_api::v2::chatroom::{ChatroomTexts, CreateChatroom};
/// # use nim_api::Endpoint as _;
///
/// let request = CreateChatroom::new("ZhangSan", "Lobby")
///     .texts(ChatroomTexts::new().announcement("welcome"))
///     .in_out_notification(false);
/// let encoded = request.encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("POST", "/im/v2/chatrooms"));
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"creator":"zhangsan","room_name":"Lobby","announcement":"welcome","in_out_notification":false}"#,
/// );
/// assert_eq!(CreateChatroom::new("zhangsan", "").validate().unwrap_err().field(), "room_name");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms", setters, response = ChatroomInfo)]
pub struct CreateChatroom {
    /// The creator (becomes role 1).
    pub creator: Accid,
    /// The name, 1 to 128 characters.
    #[nim(required, max_len = 128)]
    pub room_name: String,
    /// The announcement, URL, extension and queue level.
    #[nim(flatten, default)]
    pub texts: ChatroomTexts,
    /// The delay-close policy and countdown.
    #[nim(flatten, default)]
    pub delay: DelayCloseSettings,
    /// Whether entering and leaving send notifications (the server's default: true).
    pub in_out_notification: Option<bool>,
    /// Moderation settings for the texts.
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// `GET /im/v2/chatrooms/{room_id}` (getChatroomInfo): room `room_id`, open or closed, with
/// the online counts when asked (the Apifox "查询聊天室信息" page). Answers [`ChatroomInfo`]
/// with `in_out_notification` and `cdn_message_enable`. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom::GetChatroomInfo;
/// # use nim_api::Endpoint as _;
///
/// let request = GetChatroomInfo::new(3000000001u64).need_online_user_count(true);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/chatrooms/3000000001?need_online_user_count=true"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/{room_id}", method = "GET", idempotent, setters,
      response = ChatroomInfo)]
pub struct GetChatroomInfo {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// Whether to answer `online_user_count` (default: no).
    #[nim(query)]
    pub need_online_user_count: Option<bool>,
    /// Whether to answer the online counts per client type (default: no).
    #[nim(query)]
    pub online_user_count_by_type: Option<bool>,
}

/// `PATCH /im/v2/chatrooms/{room_id}` (updateChatroomInfo): changes what is set; the rest
/// keeps its value (the Java SDK's Javadoc: "only provided fields are updated"). No
/// operator: the app acts. Closed rooms may be edited (as in v1). Whether `Some("")` clears
/// a text is unconfirmed (the emulator clears it); the name cannot be emptied.
///
/// The Java SDK repeats `room_id` in the body; the server ignores it, so it is not sent.
/// `notification` (default unstated) sends the "room updated" notification. Answers the
/// updated [`ChatroomInfo`] (the Java SDK; the Go SDK reads nothing). Idempotent.
///
/// ```
/// use nim_api::chatroom::QueueLevel;
/// use nim_api::v2::chatroom::{ChatroomTexts, UpdateChatroomInfo};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateChatroomInfo::new(3000000001u64)
///     .room_name("Renamed")
///     .texts(ChatroomTexts::new().queue_level(QueueLevel::Everyone));
/// let encoded = request.encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("PATCH", "/im/v2/chatrooms/3000000001"));
/// assert_eq!(encoded.body.unwrap().1, r#"{"room_name":"Renamed","queue_level":0}"#);
/// assert_eq!(request.room_name("n".repeat(129)).validate().unwrap_err().field(), "room_name");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/{room_id}", method = "PATCH", idempotent, setters,
      response = ChatroomInfo)]
pub struct UpdateChatroomInfo {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The new name, at most 128 characters.
    #[nim(max_len = 128)]
    pub room_name: Option<String>,
    /// The announcement, URL, extension and queue level to change.
    #[nim(flatten, default)]
    pub texts: ChatroomTexts,
    /// The "room updated" notification.
    #[nim(flatten, default)]
    pub notification: RoomNotification,
    /// Moderation settings for the texts.
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// `GET /im/v2/chatrooms/actions/opend_chatrooms` (queryOpenChatrooms; `opend` sic, as both
/// SDKs spell it): the ids of the **open** rooms `creator_account_id` made; none for an
/// account with none. Answers [`OpenChatrooms`]. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom::QueryOpenChatrooms;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(
///     QueryOpenChatrooms::new("ZhangSan").encode().unwrap().path,
///     "/im/v2/chatrooms/actions/opend_chatrooms?creator_account_id=zhangsan"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/chatrooms/actions/opend_chatrooms", method = "GET", idempotent, setters,
      response = OpenChatrooms)]
pub struct QueryOpenChatrooms {
    /// The creator.
    #[nim(query)]
    pub creator_account_id: Accid,
}
