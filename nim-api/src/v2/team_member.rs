//! v2 `team_member` family: invite, remove, leave, change and mute team members, and list an
//! account's teams (`/im/v2/team_members...`, `/im/v2.1/team_members/...`).
//!
//! Teams themselves (and [`TeamType`], which every operation names) are in
//! [`team`](crate::v2::team). `team_id` is sent as a JSON number in bodies (both SDKs) and
//! as decimal text in queries.
//!
//! **Permissions** (Java Javadoc): the owner and managers invite (everyone when the team's
//! `invite_mode` is 1), remove members and change other members; a manager does not act on
//! the owner or another manager; the owner cannot leave (transfer first, 109307). In an
//! advanced team only the owner mutes members (Java Javadoc; the emulator lets managers mute
//! ordinary members in both kinds, as super teams allow).
//!
//! **Lists** answer per account: [`BatchResult`]`<String>` with the accounts that went
//! through and the failures, each with its code (102404 for an unknown account, ...).

use crate::v2::team::{JoinedTeamsPage, MessageNotifyState, TeamType, UpdatedTeamMember};
use crate::{Accid, BatchResult};

/// `POST /im/v2/team_members` (inviteTeamMembers): `operator_id` invites accounts into a
/// team, at most 200 per call (Java Javadoc).
///
/// With the team's `agree_mode` 0 (the default) the invitees must accept before they are
/// members; with 1 they join at once. Whether invitees still to accept are in the answer's
/// `success_list` is UNCONFIRMED (the emulator lists them there: the invitation went out).
/// `msg` is the invitation's text, at most 150 characters.
///
/// Not idempotent: a repeat finds the invitees already in (109311) or invited again.
///
/// ```
/// use nim_api::v2::team::TeamType;
/// use nim_api::v2::team_member::InviteTeamMembers;
/// # use nim_api::Endpoint as _;
/// let request = InviteTeamMembers::new("ZhangSan", 6_000_000_001u64, TeamType::Advanced, ["lisi", "WangWu"])
///     .msg("join us");
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/team_members");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_id":"zhangsan","team_id":6000000001,"team_type":1,"invite_account_ids":["lisi","wangwu"],"msg":"join us"}"#,
/// );
/// assert_eq!(request.msg("x".repeat(151)).validate().unwrap_err().field(), "msg");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/team_members", setters, response = BatchResult<String>)]
pub struct InviteTeamMembers {
    /// Who invites: the owner or a manager (anyone with `invite_mode` 1).
    pub operator_id: Accid,
    /// The team.
    pub team_id: u64,
    /// Advanced or super team.
    pub team_type: TeamType,
    /// The invitees, 1 to 200.
    #[nim(min_items = 1, max_items = 200, unique)]
    pub invite_account_ids: Vec<Accid>,
    /// The invitation's text, at most 150 characters.
    #[nim(max_len = 150)]
    pub msg: Option<String>,
    /// The notification's extension (advanced teams only), at most 512 characters.
    #[nim(max_len = 512)]
    pub extension: Option<String>,
}

/// `DELETE /im/v2/team_members/actions/kick_member` (kickTeamMembers): the owner or a
/// manager removes members, at most 10 per call (Java Javadoc). Everything goes in the
/// **query**, the accounts comma-joined (both SDKs).
///
/// Not idempotent: a repeat finds the accounts no longer members.
///
/// ```
/// use nim_api::v2::team::TeamType;
/// use nim_api::v2::team_member::KickTeamMembers;
/// # use nim_api::Endpoint as _;
/// let encoded = KickTeamMembers::new("zhangsan", 6_000_000_001u64, TeamType::Advanced, ["LiSi", "wangwu"])
///     .encode()
///     .unwrap();
/// assert_eq!(
///     encoded.path,
///     "/im/v2/team_members/actions/kick_member?operator_id=zhangsan&team_id=6000000001&team_type=1&kick_account_ids=lisi%2Cwangwu",
/// );
/// assert!(encoded.body.is_none());
/// let eleven: Vec<String> = (0..11).map(|i| format!("m{i}")).collect();
/// let many = KickTeamMembers::new("zhangsan", 1u64, TeamType::Advanced, eleven);
/// assert_eq!(many.validate().unwrap_err().field(), "kick_account_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/team_members/actions/kick_member", method = "DELETE", setters,
      response = BatchResult<String>)]
pub struct KickTeamMembers {
    /// Who removes: the owner or a manager.
    #[nim(query)]
    pub operator_id: Accid,
    /// The team.
    #[nim(query)]
    pub team_id: u64,
    /// Advanced or super team.
    #[nim(query)]
    pub team_type: TeamType,
    /// The members removed, 1 to 10 (not the owner, not the operator).
    #[nim(query, min_items = 1, max_items = 10, unique)]
    pub kick_account_ids: Vec<Accid>,
    /// The notification's extension (advanced teams only), at most 512 characters.
    #[nim(query, max_len = 512)]
    pub extension: Option<String>,
}

/// `DELETE /im/v2/team_members/actions/leave` (leaveTeam): a member leaves a team; the owner
/// cannot (109307: transfer first). Query parameters only (both SDKs).
///
/// Not idempotent: a repeat finds the account no longer a member.
///
/// ```
/// use nim_api::v2::team::TeamType;
/// use nim_api::v2::team_member::LeaveTeam;
/// # use nim_api::Endpoint as _;
/// let encoded = LeaveTeam::new("LiSi", 6_000_000_001u64, TeamType::Super).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/team_members/actions/leave?account_id=lisi&team_id=6000000001&team_type=2");
/// let long = LeaveTeam::new("lisi", 1u64, TeamType::Super).extension("x".repeat(513));
/// assert_eq!(long.validate().unwrap_err().field(), "extension");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/team_members/actions/leave", method = "DELETE", setters)]
pub struct LeaveTeam {
    /// The member leaving.
    #[nim(query)]
    pub account_id: Accid,
    /// The team.
    #[nim(query)]
    pub team_id: u64,
    /// Advanced or super team.
    #[nim(query)]
    pub team_type: TeamType,
    /// The notification's extension (advanced teams only), at most 512 characters.
    #[nim(query, max_len = 512)]
    pub extension: Option<String>,
}

/// A change to the members a member follows specially (`special_follow_update_info`). On the
/// Apifox page only, in neither SDK; what `type` numbers mean is not given, so it is sent as
/// given (UNCONFIRMED).
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct SpecialFollowUpdate {
    /// The members followed or unfollowed.
    #[nim(min_items = 1, unique)]
    pub account_ids: Vec<Accid>,
    /// What to do with them (`type`; values undocumented).
    #[nim(rename = "type")]
    pub kind: u8,
}

/// `PATCH /im/v2.1/team_members/{account_id}` (updateTeamMember): `operator_id` changes a
/// member's nickname, extension, mute or notification setting.
///
/// A member changes its own nickname, extension and notification setting; the owner and
/// managers also those of others below them; muting needs the owner or a manager. The Java
/// SDK, the Go SDK and the Apifox page agree on the fields; `special_follow_update_info` is
/// the Apifox page's alone. `team_nick` and `server_extension` have no documented limit. The
/// answer is the member ([`UpdatedTeamMember`]: flat, as Java and the page read it; Go's
/// `member_info` wrapper is read too).
///
/// Idempotent: it sets values.
///
/// ```
/// use nim_api::v2::team::{MessageNotifyState, TeamType};
/// use nim_api::v2::team_member::UpdateTeamMember;
/// # use nim_api::Endpoint as _;
/// let request = UpdateTeamMember::new("LiSi", "zhangsan", 6_000_000_001u64, TeamType::Advanced)
///     .team_nick("Li")
///     .chat_banned(false)
///     .message_notify_state(MessageNotifyState::Off);
/// let encoded = request.encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("PATCH", "/im/v2.1/team_members/lisi"));
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_id":"zhangsan","team_id":6000000001,"team_type":1,"team_nick":"Li","chat_banned":false,"message_notify_state":0}"#,
/// );
/// assert_eq!(request.extension("x".repeat(513)).validate().unwrap_err().field(), "extension");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/team_members/{account_id}", method = "PATCH", idempotent, setters,
      response = UpdatedTeamMember)]
pub struct UpdateTeamMember {
    /// The member changed.
    #[nim(path)]
    pub account_id: Accid,
    /// Who changes it: the member itself, or the owner or a manager.
    pub operator_id: Accid,
    /// The team.
    pub team_id: u64,
    /// Advanced or super team.
    pub team_type: TeamType,
    /// The nickname in this team (`""` clears). No documented limit.
    pub team_nick: Option<String>,
    /// Mute (`true`) or unmute the member in this team.
    pub chat_banned: Option<bool>,
    /// Which messages the member is notified of.
    pub message_notify_state: Option<MessageNotifyState>,
    /// The notification's extension (not stored; advanced teams only), at most 512
    /// characters.
    #[nim(max_len = 512)]
    pub extension: Option<String>,
    /// The stored member extension (JSON recommended). No documented limit.
    pub server_extension: Option<String>,
    /// Special-follow changes (Apifox page only, UNCONFIRMED).
    pub special_follow_update_info: Option<SpecialFollowUpdate>,
}

/// `PATCH /im/v2/team_members/actions/batch_mute` (batchMuteTeamMembers): `operator_id`
/// mutes or unmutes members, at most 10 per call (Java Javadoc).
///
/// In an advanced team only the owner mutes (Java Javadoc); in a super team the owner and
/// managers mute ordinary members and only the owner mutes managers. The owner and the
/// operator itself are never in the list (109304, 109303). `chat_banned` is required (the Go
/// SDK and the inventory; the Java SDK defaults it to `false`).
///
/// Idempotent: it sets a state.
///
/// ```
/// use nim_api::v2::team::TeamType;
/// use nim_api::v2::team_member::BatchMuteTeamMembers;
/// # use nim_api::Endpoint as _;
/// let request = BatchMuteTeamMembers::new("zhangsan", 6_000_000_001u64, TeamType::Super, ["LiSi"], true);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/team_members/actions/batch_mute");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_id":"zhangsan","team_id":6000000001,"team_type":2,"chat_ban_account_ids":["lisi"],"chat_banned":true}"#,
/// );
/// let none = BatchMuteTeamMembers::new("zhangsan", 1u64, TeamType::Super, Vec::<&str>::new(), true);
/// assert_eq!(none.validate().unwrap_err().field(), "chat_ban_account_ids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/team_members/actions/batch_mute", method = "PATCH", idempotent, setters,
      response = BatchResult<String>)]
pub struct BatchMuteTeamMembers {
    /// Who mutes: the owner (or, in a super team, a manager for ordinary members).
    pub operator_id: Accid,
    /// The team.
    pub team_id: u64,
    /// Advanced or super team.
    pub team_type: TeamType,
    /// The members muted or unmuted, 1 to 10.
    #[nim(min_items = 1, max_items = 10, unique)]
    pub chat_ban_account_ids: Vec<Accid>,
    /// Mute (`true`) or unmute (`false`).
    pub chat_banned: bool,
}

/// `GET /im/v2.1/team_members/{account_id}/actions/joined_teams` (queryJoinedTeams): the
/// teams of one kind an account is in, page by page (`Client::pages` walks them).
///
/// `limit` is at most 100 (Java Javadoc). With `need_return_member_info` 1 each team carries
/// the account's own membership ([`TeamInfo::member_info`](crate::v2::team::TeamInfo::member_info));
/// the Go SDK leaves 0 out, here `Some(0)` is sent. The items lack the team's texts and
/// extensions in both SDKs.
///
/// ```
/// use nim_api::v2::team::TeamType;
/// use nim_api::v2::team_member::QueryJoinedTeams;
/// # use nim_api::Endpoint as _;
/// let request = QueryJoinedTeams::new("LiSi", TeamType::Advanced).limit(20u32).need_return_member_info(1u8);
/// assert_eq!(
///     request.encode().unwrap().path,
///     "/im/v2.1/team_members/lisi/actions/joined_teams?team_type=1&limit=20&need_return_member_info=1",
/// );
/// assert_eq!(request.need_return_member_info(2u8).validate().unwrap_err().field(), "need_return_member_info");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/team_members/{account_id}/actions/joined_teams", method = "GET",
      idempotent, setters, response = JoinedTeamsPage)]
pub struct QueryJoinedTeams {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
    /// Advanced or super teams.
    #[nim(query)]
    pub team_type: TeamType,
    /// The previous page's `next_token`; none for the first page.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Teams per page, 1 to 100.
    #[nim(query, min = 1, max = 100)]
    pub limit: Option<u32>,
    /// 1 to include the account's membership in each team, 0 (the default) not.
    #[nim(query, one_of = [0, 1])]
    pub need_return_member_info: Option<u8>,
}

crate::catalogue::family! {
    "v2::team_member::";
    InviteTeamMembers, KickTeamMembers, LeaveTeam, UpdateTeamMember, BatchMuteTeamMembers,
    QueryJoinedTeams,
}
