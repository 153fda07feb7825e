//! Membership: invite, kick, leave, and the members' own settings.

use super::TeamMembersChanged;
use crate::Accid;
use crate::wire::int_enum;

/// `superteam/invite.action`: `owner` (the owner or a manager) invites 1 to 200 accounts
/// with the text `msg`.
///
/// There is no per-call consent switch: the team's `beinvitemode` says whether invitees
/// join at once or must accept in their client first. At most 200 accounts per call and
/// `msg` at most 150 characters (legacy docs). Whether `invitemode` 1 lets an ordinary
/// member invite through this action is not documented. Invitees that could not be invited
/// (in too many teams) are in the answer's `faccid`. Not idempotent (each call notifies the
/// invitees).
///
/// ```
/// use nim_api::superteam::{InviteSuperTeamMembers, TeamMembersChanged};
/// # use nim_api::Endpoint as _;
///
/// let request = InviteSuperTeamMembers::new(6000000001u64, "zhangsan", ["LiSi"], "welcome");
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&inviteAccids=%5B%22lisi%22%5D&msg=welcome"
/// );
/// let many = InviteSuperTeamMembers::new(6000000001u64, "zhangsan", vec!["a"; 201], "hi");
/// assert_eq!(many.validate().unwrap_err().field(), "inviteAccids");
/// let twice = InviteSuperTeamMembers::new(6000000001u64, "zhangsan", ["lisi", "LiSi"], "hi");
/// assert_eq!(twice.validate().unwrap_err().field(), "inviteAccids");
///
/// let answer: TeamMembersChanged = serde_json::from_str(r#"{"faccid":{"accid":["x"]}}"#).unwrap();
/// assert_eq!(answer.failed(), ["x"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/invite.action", setters, response = TeamMembersChanged)]
pub struct InviteSuperTeamMembers {
    /// The team.
    pub tid: u64,
    /// The inviter: the owner or a manager.
    pub owner: Accid,
    /// The accounts invited (`inviteAccids`, a JSON array), 1 to 200.
    #[nim(rename = "inviteAccids", min_items = 1, max_items = 200, unique)]
    pub invite_accids: Vec<Accid>,
    /// The invitation text, 1 to 150 characters.
    #[nim(required, max_len = 150)]
    pub msg: String,
}

/// `superteam/kick.action`: `owner` removes 1 to 200 members.
///
/// Who may: the owner or a manager (legacy docs; the Java SDK's Javadoc says the owner). A
/// manager removes ordinary members only; nobody removes the owner or itself. The per-call
/// limit is 200 in the legacy docs and 10 in the Java SDK's Javadoc (which probably
/// follows the newer docs): nim-rs checks the legacy 200, so a list of 11 to 200 is sent and
/// the server decides. Not idempotent for retries: a repeat after a lost answer is refused
/// (the members being gone) although the first call took effect, so the client does not
/// retry it on its own.
///
/// ```
/// use nim_api::superteam::KickSuperTeamMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = KickSuperTeamMembers::new(6000000001u64, "zhangsan", ["lisi"]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&kickAccids=%5B%22lisi%22%5D"
/// );
/// let none = KickSuperTeamMembers::new(6000000001u64, "zhangsan", Vec::<&str>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "kickAccids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/kick.action", setters)]
pub struct KickSuperTeamMembers {
    /// The team.
    pub tid: u64,
    /// The owner or a manager.
    pub owner: Accid,
    /// The members to remove (`kickAccids`, a JSON array), 1 to 200.
    #[nim(rename = "kickAccids", min_items = 1, max_items = 200, unique)]
    pub kick_accids: Vec<Accid>,
}

/// `superteam/leave.action`: member `accid` leaves the team.
///
/// The owner cannot leave: it hands the team over first
/// ([`ChangeSuperTeamOwner`](super::ChangeSuperTeamOwner) with
/// [`AfterTransfer::Leave`](super::AfterTransfer::Leave)); the server's answer to an owner leaving
/// is not documented. Not idempotent for retries: a repeat after a lost answer is refused
/// (no longer a member) although the first call took effect, so the client does not retry
/// it on its own.
///
/// ```
/// use nim_api::superteam::LeaveSuperTeam;
/// # use nim_api::Endpoint as _;
///
/// let request = LeaveSuperTeam::new(6000000001u64, "LiSi");
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&accid=lisi");
/// assert_eq!(LeaveSuperTeam::new(1u64, "").validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/leave.action", setters)]
pub struct LeaveSuperTeam {
    /// The team.
    pub tid: u64,
    /// The member who leaves.
    pub accid: Accid,
}

/// `superteam/updateTeamNick.action`: `owner` sets member `accid`'s nickname in the team.
///
/// Not in the legacy docs; from both SDKs (the Java SDK's Javadoc names the operator the
/// owner; whether a manager may is not documented). `nick` is required by both SDKs and at
/// most 32 characters; whether `""` clears it is not documented. Idempotent.
///
/// ```
/// use nim_api::superteam::UpdateSuperTeamNick;
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateSuperTeamNick::new(6000000001u64, "zhangsan", "lisi", "Li");
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&accid=lisi&nick=Li");
/// let long = UpdateSuperTeamNick::new(6000000001u64, "zhangsan", "lisi", "名".repeat(33));
/// assert_eq!(long.validate().unwrap_err().field(), "nick");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/updateTeamNick.action", idempotent, setters)]
pub struct UpdateSuperTeamNick {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The member whose nickname changes.
    pub accid: Accid,
    /// The new nickname, at most 32 characters.
    #[nim(max_len = 32)]
    pub nick: String,
}

int_enum! {
    /// Whether a member is notified of the team's messages (`silentType`).
    pub enum SilentType: u8 {
        /// Notifications on (`0`).
        Notify = 0,
        /// Notifications off (`1`).
        Silent = 1,
    }
}

/// `superteam/updateTlist.action`: member `accid` changes its own settings in the team:
/// nickname, custom field, notifications.
///
/// There is no separate operator: `accid` is the member changed. `nick` and `custom` are at
/// most 32 characters each (legacy docs). Only what is set is sent; `silentType` 0 is sent
/// when set (the Go SDK drops it). Idempotent.
///
/// ```
/// use nim_api::superteam::{SilentType, UpdateSuperTeamMember};
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateSuperTeamMember::new(6000000001u64, "LiSi")
///     .nick("Li")
///     .silent_type(SilentType::Notify);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&accid=lisi&nick=Li&silentType=0");
/// assert_eq!(request.custom("x".repeat(33)).validate().unwrap_err().field(), "custom");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/updateTlist.action", idempotent, setters)]
pub struct UpdateSuperTeamMember {
    /// The team.
    pub tid: u64,
    /// The member, changing its own settings.
    pub accid: Accid,
    /// Its nickname in the team, at most 32 characters.
    #[nim(max_len = 32)]
    pub nick: Option<String>,
    /// Notifications on or off (`silentType`).
    #[nim(rename = "silentType")]
    pub silent_type: Option<SilentType>,
    /// Its custom field, at most 32 characters.
    #[nim(max_len = 32)]
    pub custom: Option<String>,
}
