//! Reading teams and members: by team id, a team's members page by page, an account's
//! teams.

use serde::Deserialize;

use super::{BeInviteMode, JoinMode, MemberRole, Permission, TeamMuteType};
use crate::history::Order;
use crate::message::number_or_string;
use crate::wire::{flag, json_or_text};
use crate::{Accid, ListItem};

/// A team id sent as a JSON string inside a list (`["6000000001"]`), as the docs show
/// [`GetSuperTeams`]'s `tids` (the Go SDK sends numbers).
///
/// ```
/// use nim_api::ListItem;
/// use nim_api::superteam::TeamIdText;
///
/// let mut out = String::new();
/// TeamIdText::from(42u64).write_json(&mut out);
/// assert_eq!(out, r#""42""#);
///
/// // Read from the text or the number (an action called by name).
/// let read: Vec<TeamIdText> = serde_json::from_str(r#"["42", 43]"#).unwrap();
/// assert_eq!(read, [TeamIdText(42), TeamIdText(43)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TeamIdText(pub u64);

impl<'de> serde::Deserialize<'de> for TeamIdText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::message::number_or_string(deserializer).map(TeamIdText)
    }
}

impl From<u64> for TeamIdText {
    fn from(tid: u64) -> Self {
        TeamIdText(tid)
    }
}

impl ListItem for TeamIdText {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        self.0.write_text(out);
        out.push('"');
    }

    fn write_text(&self, out: &mut String) {
        self.0.write_text(out);
    }
}

/// Two equal ids are one team, however they are written: `unique` compares the numbers.
impl crate::validate::UniqueItem for TeamIdText {
    fn unique_key(&self) -> Option<std::borrow::Cow<'_, str>> {
        Some(std::borrow::Cow::Owned(self.0.to_string()))
    }
}

/// `superteam/getTinfos.action`: the teams with these ids, 1 to 20 per call.
///
/// The ids are sent as JSON strings, as the docs show them (`["3083","3084"]`; the Go SDK
/// sends numbers, and the current Java SDK never sends the field at all). What the server
/// answers for an unknown id (left out, or an error) is not documented. Idempotent.
///
/// ```
/// use nim_api::superteam::{GetSuperTeams, SuperTeamInfos};
/// # use nim_api::Endpoint as _;
///
/// let request = GetSuperTeams::new([6000000001u64, 6000000002]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tids=%5B%226000000001%22%2C%226000000002%22%5D"
/// );
/// assert_eq!(GetSuperTeams::new(vec![1u64; 21]).validate().unwrap_err().field(), "tids");
/// assert_eq!(GetSuperTeams::new([7u64, 7]).validate().unwrap_err().field(), "tids");
///
/// let answer: SuperTeamInfos = serde_json::from_str(
///     r#"{"tinfos":[{"tid":6000000001,"tname":"Readers","creator":"zhangsan","tlevel":2000,"size":3,"muteType":1,"joinmode":0}]}"#,
/// ).unwrap();
/// assert_eq!(answer.tinfos[0].owner(), Some("zhangsan"));
/// assert_eq!(answer.tinfos[0].member_limit(), Some(2000));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/getTinfos.action", idempotent, setters, response = SuperTeamInfos)]
pub struct GetSuperTeams {
    /// The team ids (`tids`, a JSON array of strings), 1 to 20.
    #[nim(min_items = 1, max_items = 20, unique)]
    pub tids: Vec<TeamIdText>,
}

/// The answer to [`GetSuperTeams`] (the top-level `tinfos`, an array or text holding one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SuperTeamInfos {
    /// The teams found.
    #[serde(default, deserialize_with = "json_or_text")]
    pub tinfos: Vec<SuperTeamInfo>,
}

/// One super team as the queries answer it. Every member is optional: the two SDKs model
/// different keys for [`JoinedSuperTeams`] (`creator`/`tlevel`/`serverCustom` in the Go SDK,
/// `owner`/`maxusers`/`custom` in the Java SDK), so both spellings are kept and
/// [`owner`](Self::owner) and [`member_limit`](Self::member_limit) read either.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct SuperTeamInfo {
    /// The team id (a number or a string).
    #[serde(default, deserialize_with = "number_or_string")]
    pub tid: u64,
    /// The name.
    #[serde(default)]
    pub tname: Option<String>,
    /// The owner (`creator`).
    #[serde(default)]
    pub creator: Option<String>,
    /// The owner, as the Java SDK reads [`JoinedSuperTeams`] (`owner`).
    #[serde(default)]
    pub owner: Option<String>,
    /// The member limit (`tlevel`).
    #[serde(default)]
    pub tlevel: Option<u32>,
    /// The member limit, as the Java SDK reads [`JoinedSuperTeams`] (`maxusers`).
    #[serde(default)]
    pub maxusers: Option<u32>,
    /// The current member count.
    #[serde(default)]
    pub size: Option<u32>,
    /// The introduction.
    #[serde(default)]
    pub intro: Option<String>,
    /// The announcement.
    #[serde(default)]
    pub announcement: Option<String>,
    /// The icon URL.
    #[serde(default)]
    pub icon: Option<String>,
    /// The client-side custom field (`clientCustom`).
    #[serde(default)]
    pub client_custom: Option<String>,
    /// The server-side custom field (`serverCustom`).
    #[serde(default)]
    pub server_custom: Option<String>,
    /// The custom field, as the Java SDK reads [`JoinedSuperTeams`] (`custom`).
    #[serde(default)]
    pub custom: Option<String>,
    /// The whole-team mute (`muteType`).
    #[serde(default)]
    pub mute_type: Option<TeamMuteType>,
    /// Who may join without an invitation.
    #[serde(default)]
    pub joinmode: Option<JoinMode>,
    /// Whether invitees must consent.
    #[serde(default)]
    pub beinvitemode: Option<BeInviteMode>,
    /// Who may invite.
    #[serde(default)]
    pub invitemode: Option<Permission>,
    /// Who may edit the profile.
    #[serde(default)]
    pub uptinfomode: Option<Permission>,
    /// Who may edit the custom field.
    #[serde(default)]
    pub upcustommode: Option<Permission>,
    /// When the team was created, in milliseconds.
    #[serde(default)]
    pub createtime: Option<u64>,
    /// When it last changed, in milliseconds.
    #[serde(default)]
    pub updatetime: Option<u64>,
}

impl SuperTeamInfo {
    /// The owner, from `creator` or `owner`.
    pub fn owner(&self) -> Option<&str> {
        self.creator.as_deref().or(self.owner.as_deref())
    }

    /// The member limit, from `tlevel` or `maxusers`.
    pub fn member_limit(&self) -> Option<u32> {
        self.tlevel.or(self.maxusers)
    }
}

/// `superteam/getTlists.action`: a page of the team's members, from the instant `timetag`
/// (milliseconds, the members' join time), at most `limit`.
///
/// `limit` is 1 to 100 in the legacy docs and 1 to 2000 in the Java SDK's Javadoc (probably
/// the newer docs): nim-rs checks 1 to 2000, so the server decides between the two.
/// `reverse`: oldest first (`1`, the default) or newest first (`2`). To page, pass the last
/// member's `jointime` as the next `timetag` (which time the server compares is not
/// documented). Idempotent.
///
/// ```
/// use nim_api::superteam::{ListSuperTeamMembers, SuperTeamMemberList, MemberRole};
/// # use nim_api::Endpoint as _;
///
/// let request = ListSuperTeamMembers::new(6000000001u64, 0u64, 100u32);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&timetag=0&limit=100");
/// assert!(ListSuperTeamMembers::new(1u64, 0u64, 2001u32).validate().is_err());
///
/// let answer: SuperTeamMemberList = serde_json::from_str(
///     r#"{"tlists":[{"tid":6000000001,"accid":"zhangsan","type":1,"jointime":"1700000000000","mute":0}]}"#,
/// ).unwrap();
/// assert_eq!(answer.members[0].role, Some(MemberRole::Owner));
/// assert_eq!(answer.members[0].jointime, 1700000000000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/getTlists.action", idempotent, setters, response = SuperTeamMemberList)]
pub struct ListSuperTeamMembers {
    /// The team.
    pub tid: u64,
    /// The instant the page starts from, in milliseconds.
    pub timetag: u64,
    /// The most members to answer, 1 to 2000.
    #[nim(min = 1, max = 2000)]
    pub limit: u32,
    /// Oldest first (the default) or newest first.
    pub reverse: Option<Order>,
}

/// The answer to [`ListSuperTeamMembers`] (top-level `tlists`) and
/// [`ListSuperTeamMutes`](super::ListSuperTeamMutes) (top-level `muteTlists`): either key,
/// an array or text holding one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SuperTeamMemberList {
    /// The members of this page.
    #[serde(
        default,
        rename = "tlists",
        alias = "muteTlists",
        deserialize_with = "json_or_text"
    )]
    pub members: Vec<SuperTeamMember>,
}

/// One member of a super team, as the member queries answer it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct SuperTeamMember {
    /// The team id (a number or a string).
    #[serde(default, deserialize_with = "number_or_string")]
    pub tid: u64,
    /// The member's account.
    #[serde(default)]
    pub accid: String,
    /// Its role (`type`).
    #[serde(default, rename = "type")]
    pub role: Option<MemberRole>,
    /// Its nickname in the team.
    #[serde(default)]
    pub nick: Option<String>,
    /// When it joined, in milliseconds (a string in member lists, a number in mute lists;
    /// both read).
    #[serde(default, deserialize_with = "number_or_string")]
    pub jointime: u64,
    /// Whether it is muted alone (`1` / `0` in the docs; a boolean is read too).
    #[serde(default, deserialize_with = "flag")]
    pub mute: bool,
    /// Who invited it.
    #[serde(default)]
    pub invitor: Option<String>,
    /// Its custom field.
    #[serde(default)]
    pub custom: Option<String>,
    /// The server's internal user id.
    #[serde(default)]
    pub uid: Option<u64>,
    /// The inviter's internal user id.
    #[serde(default)]
    pub invitoruid: Option<u64>,
    /// `1` valid, `0` not.
    #[serde(default)]
    pub validflag: Option<u8>,
    /// `0` not activated, `1` activated (probably a pending invitee vs a member).
    #[serde(default)]
    pub state: Option<u8>,
    /// Member settings bits (bit 0: notifications off).
    #[serde(default)]
    pub bits: Option<u64>,
    /// When the entry was created, in milliseconds.
    #[serde(default)]
    pub createtime: Option<u64>,
    /// When it last changed, in milliseconds.
    #[serde(default)]
    pub updatetime: Option<u64>,
}

/// `superteam/joinTeams.action`: the super teams account `accid` is a member of.
///
/// The SDKs disagree on the answer and no documented example was seen: the Go SDK reads
/// `tinfos` with the [`GetSuperTeams`] item shape, the Java SDK reads `tlists` with
/// `owner`/`maxusers`/`custom`. Both keys and both shapes are read
/// ([`JoinedSuperTeamsList::teams`]). Idempotent.
///
/// ```
/// use nim_api::superteam::{JoinedSuperTeams, JoinedSuperTeamsList};
/// # use nim_api::Endpoint as _;
///
/// let request = JoinedSuperTeams::new("LiSi");
/// assert_eq!(request.to_form().unwrap(), "accid=lisi");
/// assert_eq!(JoinedSuperTeams::new("li si").validate().unwrap_err().field(), "accid");
///
/// let java: JoinedSuperTeamsList =
///     serde_json::from_str(r#"{"tlists":[{"tid":"7","owner":"zhangsan","maxusers":200}]}"#).unwrap();
/// assert_eq!(java.teams()[0].owner(), Some("zhangsan"));
/// let go: JoinedSuperTeamsList = serde_json::from_str(r#"{"tinfos":[{"tid":7,"tlevel":200}]}"#).unwrap();
/// assert_eq!(go.teams()[0].member_limit(), Some(200));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/joinTeams.action", idempotent, setters, response = JoinedSuperTeamsList)]
pub struct JoinedSuperTeams {
    /// The account.
    pub accid: Accid,
}

/// The answer to [`JoinedSuperTeams`]: the teams under `tinfos` or `tlists`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct JoinedSuperTeamsList {
    /// The teams, as the Go SDK reads them.
    #[serde(default, deserialize_with = "json_or_text")]
    pub tinfos: Vec<SuperTeamInfo>,
    /// The teams, as the Java SDK reads them.
    #[serde(default, deserialize_with = "json_or_text")]
    pub tlists: Vec<SuperTeamInfo>,
}

impl JoinedSuperTeamsList {
    /// The teams, whichever key the server used.
    pub fn teams(&self) -> &[SuperTeamInfo] {
        if self.tinfos.is_empty() {
            &self.tlists
        } else {
            &self.tinfos
        }
    }
}
