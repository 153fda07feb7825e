//! setMemberRole: a member's role in a room.

use super::MemberNotification;
use crate::chatroom::MemberRole;
use crate::v2::AntispamConfiguration;
use crate::{Accid, ValidationError};

/// `POST /im/v2/room_members/{account_id}` (setMemberRole): `operator_account_id` makes the
/// account a manager ([`MemberRole::Manager`]), a normal fixed member
/// ([`MemberRole::Normal`]) or a guest again ([`MemberRole::Guest`]) in room `room_id`, and
/// may set its fixed-member profile (nickname, avatar, level, extension) with it.
///
/// Who may (the Java Javadoc and the client guide): the creator appoints and removes
/// managers; the creator or a manager makes guests normal members and normal members guests
/// (403 otherwise). The creator's role never changes, and no one is made creator, anonymous
/// or virtual: refused here before sending (the server answers 414). An account that never
/// entered becomes a fixed member; a room holds at most 1000 (419 beyond). A member made a
/// guest leaves the room when offline. `operator_account_id` is optional in both SDKs;
/// without it the app acts (no permission check). Answers nothing. Idempotent.
///
/// ```
/// use nim_api::chatroom::MemberRole;
/// use nim_api::v2::chatroom_member::SetMemberRole;
/// # use nim_api::Endpoint as _;
///
/// let request = SetMemberRole::new("LiSi", 3000000001u64, MemberRole::Manager)
///     .operator_account_id("zhangsan")
///     .room_nick("Li");
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_members/lisi");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"room_id":3000000001,"operator_account_id":"zhangsan","member_role":2,"room_nick":"Li"}"#
/// );
/// let creator = SetMemberRole::new("lisi", 1u64, MemberRole::Creator);
/// assert_eq!(creator.validate().unwrap_err().field(), "member_role");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/{account_id}", idempotent, setters,
      custom = settable_role)]
pub struct SetMemberRole {
    /// Whose role changes.
    #[nim(path)]
    pub account_id: Accid,
    /// The room.
    pub room_id: u64,
    /// Who sets it: the creator or a manager (unset: the app).
    pub operator_account_id: Option<Accid>,
    /// The new role: normal, manager or guest.
    pub member_role: MemberRole,
    /// The fixed member's nickname in the room.
    pub room_nick: Option<String>,
    /// The fixed member's avatar in the room.
    pub room_avatar: Option<String>,
    /// The developer-defined level.
    pub member_level: Option<u32>,
    /// The member's extension, at most 4096 characters.
    #[nim(max_len = 4096)]
    pub extension: Option<String>,
    /// The notification.
    #[nim(flatten, default)]
    pub notification: MemberNotification,
    /// Moderation settings for the texts.
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// Only normal, manager and guest are set (the Java comment; the client rules).
fn settable_role(request: &SetMemberRole) -> Result<(), ValidationError> {
    match request.member_role {
        MemberRole::Normal | MemberRole::Manager | MemberRole::Guest => Ok(()),
        _ => Err(ValidationError::custom(
            "member_role",
            "only 0 (normal), 2 (manager) and 3 (guest) can be set",
        )),
    }
}
