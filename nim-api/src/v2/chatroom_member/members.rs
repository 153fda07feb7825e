//! The operations on members themselves: updateOnlineMemberInfo, batchQueryChatroomMembers,
//! kickMember.

use super::{ChatroomMemberInfo, MemberNotification};
use crate::v2::AntispamConfiguration;
use crate::{Accid, BatchResult};

/// `PATCH /im/v2/room_members/{account_id}` (updateOnlineMemberInfo): the member's
/// nickname, avatar and extension in room `room_id` (both SDKs; the Java SDK's Javadoc for
/// the rules). With `persistence` on a fixed member the change is kept (offline too);
/// otherwise it applies to the member's online connections, so a guest must be online and
/// a fixed member offline without `persistence` is refused. Answers the member.
///
/// `room_nick` is held to 64 characters (the v1 twin's documented limit), `extension` to
/// 4096 (Java SDK comment); `room_avatar` has no documented limit. The notification is
/// the family's [`MemberNotification`] (off by default).
///
/// ```
/// use nim_api::v2::chatroom_member::UpdateOnlineMemberInfo;
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateOnlineMemberInfo::new("ZhangSan", 3000000001u64)
///     .room_nick("Boss")
///     .persistence(true);
/// let encoded = request.encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("PATCH", "/im/v2/room_members/zhangsan"));
/// assert_eq!(encoded.body.unwrap().1, r#"{"room_id":3000000001,"persistence":true,"room_nick":"Boss"}"#);
/// assert_eq!(request.room_nick("名".repeat(65)).validate().unwrap_err().field(), "room_nick");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/{account_id}", method = "PATCH", idempotent, setters,
      response = ChatroomMemberInfo)]
pub struct UpdateOnlineMemberInfo {
    /// The member.
    #[nim(path)]
    pub account_id: Accid,
    /// The room.
    pub room_id: u64,
    /// Keep the change (fixed members only; default: no).
    pub persistence: Option<bool>,
    /// The nickname in the room, at most 64 characters.
    #[nim(max_len = 64)]
    pub room_nick: Option<String>,
    /// The avatar URL in the room.
    pub room_avatar: Option<String>,
    /// The extension in the room, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub extension: Option<String>,
    /// The room notification of the change (default: none).
    #[nim(flatten, default)]
    pub notification: MemberNotification,
    /// Moderation of the texts and the avatar.
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// `GET /im/v2/room_members/{room_id}/actions/batch?account_ids=a,b`
/// (batchQueryChatroomMembers): the members among the accounts (comma-joined, each once) of
/// room `room_id`: fixed members and online ones in `success_list`, the others in
/// `failed_list`. At most 200 accounts: the v1 twin's documented maximum (the v2 one is
/// undocumented). Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::BatchQueryChatroomMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = BatchQueryChatroomMembers::new(3000000001u64, ["ZhangSan", "lisi"]);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2/room_members/3000000001/actions/batch?account_ids=zhangsan%2Clisi"
/// );
/// let none = BatchQueryChatroomMembers::new(1u64, Vec::<String>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "account_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/{room_id}/actions/batch", method = "GET", idempotent,
      setters, response = BatchResult<ChatroomMemberInfo>)]
pub struct BatchQueryChatroomMembers {
    /// The room.
    #[nim(path)]
    pub room_id: u64,
    /// The accounts, 1 to 200.
    #[nim(query, min_items = 1, max_items = 200, unique)]
    pub account_ids: Vec<Accid>,
}

/// `PATCH /im/v2.1/room_members/{account_id}/actions/kicked` (kickMember; the Java SDK only,
/// the Go SDK has no v2 kick): `operator_account_id`, the creator or a manager, kicks the
/// account out of room `room_id`, as v1 `kickMember` does: the creator kicks anyone but
/// itself, a manager neither the creator nor another manager; the target must be online.
/// A kick is no ban. Answers nothing.
///
/// ```
/// use nim_api::v2::chatroom_member::KickMember;
/// # use nim_api::Endpoint as _;
///
/// use nim_api::v2::chatroom_member::MemberNotification;
///
/// let encoded = KickMember::new("LiSi", 3000000001u64, "zhangsan").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/room_members/lisi/actions/kicked");
/// assert_eq!(encoded.body.unwrap().1, r#"{"room_id":3000000001,"operator_account_id":"zhangsan"}"#);
/// let notified = KickMember::new("lisi", 1u64, "zhangsan")
///     .notification(MemberNotification::new().notification_enabled(true));
/// assert_eq!(
///     notified.encode().unwrap().body.unwrap().1,
///     r#"{"room_id":1,"operator_account_id":"zhangsan","notification_enabled":true}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2.1/room_members/{account_id}/actions/kicked",
    method = "PATCH",
    setters
)]
pub struct KickMember {
    /// Who is kicked.
    #[nim(path)]
    pub account_id: Accid,
    /// The room.
    pub room_id: u64,
    /// Who kicks: the creator or a manager.
    pub operator_account_id: Accid,
    /// The room notification of the kick (default: none).
    #[nim(flatten, default)]
    pub notification: MemberNotification,
}
