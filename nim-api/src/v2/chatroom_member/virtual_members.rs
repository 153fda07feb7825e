//! Virtual members (v1 robots): accounts present in a room without a connection, to swell
//! its member count. addVirtualMembers, deleteVirtualMembers, clearVirtualMembers,
//! queryVirtualMembers.
//!
//! Rules (the Java SDK's Javadoc): the same account may be virtual in any number of rooms;
//! a virtual member leaves by itself **24 hours** after it was added, and adding it again
//! within the 24 hours restarts the countdown. At most 100 accounts per call: the Java
//! Javadoc for delete, the v1 robot page for add (applied to v2 add, unconfirmed).

use serde::Deserialize;

use super::super::chatroom::RoomNotification;
use crate::callback::lenient::number;
use crate::{Accid, BatchResult, ValidationError};

/// One account [`AddVirtualMembers`] adds, with its room profile.
///
/// ```
/// use nim_api::v2::chatroom_member::VirtualMember;
///
/// let member = VirtualMember::new("Bot1").room_nick("Helper");
/// assert_eq!(serde_json::to_string(&member).unwrap(), r#"{"account_id":"bot1","room_nick":"Helper"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct VirtualMember {
    /// The account.
    pub account_id: Accid,
    /// Its nickname in the room (no documented limit).
    pub room_nick: Option<String>,
    /// Its avatar URL in the room (no documented limit).
    pub room_avatar: Option<String>,
    /// Its extension in the room, at most 4096 characters (v1 `roleExt`).
    #[nim(max_len = 4096)]
    pub extension: Option<String>,
}

/// `POST /im/v2/room_members/actions/virtual_members` (addVirtualMembers; v1 `addRobot`):
/// makes `virtual_members` (1 to 100, each account once) present in open room `room_id`
/// for 24 hours. A member of the room keeps its role.
///
/// `extension` is a top-level member of both SDKs with no documented purpose. Accounts that
/// cannot be added (no such account, blacklisted in the room) come back in `failed_list`;
/// a closed room is 13002. Answers the added account ids and the failures
/// ([`BatchResult<String>`]). Idempotent (a repeat restarts the countdown).
///
/// ```
/// use nim_api::v2::chatroom_member::{AddVirtualMembers, VirtualMember};
/// # use nim_api::Endpoint as _;
///
/// let request = AddVirtualMembers::new(3000000001u64, [VirtualMember::new("bot1")]);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/room_members/actions/virtual_members");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"room_id":3000000001,"virtual_members":[{"account_id":"bot1"}]}"#
/// );
/// let twice = AddVirtualMembers::new(1u64, [VirtualMember::new("a"), VirtualMember::new("A")]);
/// assert_eq!(twice.validate().unwrap_err().field(), "virtual_members[1].account_id");
/// assert_eq!(AddVirtualMembers::new(1u64, Vec::<VirtualMember>::new()).validate().unwrap_err().field(), "virtual_members");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/actions/virtual_members", idempotent, setters,
      custom = distinct_accounts, response = BatchResult<String>)]
pub struct AddVirtualMembers {
    /// The room.
    pub room_id: u64,
    /// The accounts, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub virtual_members: Vec<VirtualMember>,
    /// Undocumented extension, at most 4096 characters (the v1 `roleExt` limit).
    #[nim(max_len = 4096)]
    pub extension: Option<String>,
    /// The "members entered" notification.
    #[nim(flatten, default)]
    pub notification: RoomNotification,
}

/// Each account once in [`AddVirtualMembers`] (accids are lowercased, so `a` and `A` are
/// one).
fn distinct_accounts(request: &AddVirtualMembers) -> Result<(), ValidationError> {
    let members = &request.virtual_members;
    for (i, member) in members.iter().enumerate() {
        if members[..i].iter().any(|m| {
            m.account_id
                .as_str()
                .eq_ignore_ascii_case(member.account_id.as_str())
        }) {
            return Err(ValidationError::custom(
                format!("virtual_members[{i}].account_id"),
                "repeats an earlier account",
            ));
        }
    }
    Ok(())
}

/// `DELETE /im/v2/room_members/actions/virtual_members` (deleteVirtualMembers; v1
/// `removeRobot`): ends the virtual presence of `account_ids` (1 to 100, each once) in room
/// `room_id`. Everything goes in the query, as both SDKs send it. Accounts that were not
/// virtual members come back in `failed_list`. Answers [`BatchResult<String>`]. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::DeleteVirtualMembers;
/// # use nim_api::Endpoint as _;
///
/// let encoded = DeleteVirtualMembers::new(3000000001u64, ["bot1", "Bot2"]).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(
///     encoded.path,
///     "/im/v2/room_members/actions/virtual_members?room_id=3000000001&account_ids=bot1%2Cbot2"
/// );
/// let many = DeleteVirtualMembers::new(1u64, (0..101).map(|i| format!("a{i}")));
/// assert_eq!(many.validate().unwrap_err().field(), "account_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/actions/virtual_members", method = "DELETE", idempotent,
      setters, response = BatchResult<String>)]
pub struct DeleteVirtualMembers {
    /// The room.
    #[nim(query)]
    pub room_id: u64,
    /// The accounts, 1 to 100, comma-joined.
    #[nim(query, min_items = 1, max_items = 100, unique)]
    pub account_ids: Vec<Accid>,
    /// Whether to send the "members left" notification.
    #[nim(query)]
    pub notification_enabled: Option<bool>,
}

/// `DELETE /im/v2/room_members/actions/clear_virtual_members` (clearVirtualMembers; v1
/// `cleanRobot`): ends every virtual presence in room `room_id` (query parameters, no
/// body). Answers how many there were ([`ClearedVirtualMembers`]). Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::ClearVirtualMembers;
/// # use nim_api::Endpoint as _;
///
/// let encoded = ClearVirtualMembers::new(3000000001u64).notification_enabled(true).encode().unwrap();
/// assert_eq!(
///     encoded.path,
///     "/im/v2/room_members/actions/clear_virtual_members?room_id=3000000001&notification_enabled=true"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/room_members/actions/clear_virtual_members", method = "DELETE",
      idempotent, setters, response = ClearedVirtualMembers)]
pub struct ClearVirtualMembers {
    /// The room.
    #[nim(query)]
    pub room_id: u64,
    /// Whether to send the "members left" notification.
    #[nim(query)]
    pub notification_enabled: Option<bool>,
}

/// [`ClearVirtualMembers`]'s answer.
///
/// ```
/// use nim_api::v2::chatroom_member::ClearedVirtualMembers;
///
/// let cleared: ClearedVirtualMembers = serde_json::from_str(r#"{"count":2}"#).unwrap();
/// assert_eq!(cleared.count, 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ClearedVirtualMembers {
    /// How many virtual members were removed.
    #[serde(default, deserialize_with = "count")]
    pub count: u64,
}

fn count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    number(d).map(Option::unwrap_or_default)
}

/// `GET /im/v2.1/room_members/actions/virtual_members` (queryVirtualMembers; `v2.1`, as
/// both SDKs and the official API list have it): the virtual members of room `room_id`
/// (in the query: the room is not in the path). No paging. Answers
/// [`VirtualMemberList`]. Idempotent.
///
/// ```
/// use nim_api::v2::chatroom_member::QueryVirtualMembers;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(
///     QueryVirtualMembers::new(3000000001u64).encode().unwrap().path,
///     "/im/v2.1/room_members/actions/virtual_members?room_id=3000000001"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/room_members/actions/virtual_members", method = "GET", idempotent,
      setters, response = VirtualMemberList)]
pub struct QueryVirtualMembers {
    /// The room.
    #[nim(query)]
    pub room_id: u64,
}

/// [`QueryVirtualMembers`]'s answer.
///
/// ```
/// use nim_api::v2::chatroom_member::VirtualMemberList;
///
/// let list: VirtualMemberList = serde_json::from_str(
///     r#"{"items":[{"account_id":"bot1","room_nick":"Helper","enter_time":"1700000000000"}]}"#,
/// ).unwrap();
/// assert_eq!(list.items[0].account_id, "bot1");
/// assert_eq!(list.items[0].enter_time, Some(1_700_000_000_000));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VirtualMemberList {
    /// The virtual members.
    #[serde(default)]
    pub items: Vec<VirtualMemberInfo>,
}

/// One virtual member: the Java SDK's fields and the Go SDK's `extension`.
///
/// ```
/// use nim_api::v2::chatroom_member::VirtualMemberInfo;
///
/// let member: VirtualMemberInfo =
///     serde_json::from_str(r#"{"account_id":"bot1","extension":"{}","enter_time":5}"#).unwrap();
/// assert_eq!((member.extension.as_deref(), member.enter_time), (Some("{}"), Some(5)));
/// assert!(member.room_nick.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct VirtualMemberInfo {
    /// The account.
    #[serde(default)]
    pub account_id: String,
    /// Its nickname in the room.
    #[serde(default)]
    pub room_nick: Option<String>,
    /// Its avatar in the room.
    #[serde(default)]
    pub room_avatar: Option<String>,
    /// Its extension in the room (Go SDK).
    #[serde(default)]
    pub extension: Option<String>,
    /// When it was (last) added, Unix ms.
    #[serde(default, deserialize_with = "number")]
    pub enter_time: Option<u64>,
}
