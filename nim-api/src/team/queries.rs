//! The queries: teams, one team in detail, an account's teams and member records, online
//! members, and the read receipts of a team message.

use std::collections::HashMap;

use serde::Deserialize;

use super::{TeamDetail, TeamInfo, TeamMember};
use crate::Accid;
use crate::message::{MessageServerId, number_or_string};
use crate::user::ClientLogin;
use crate::wire::{int_enum, json_or_text, lenient_list};

int_enum! {
    /// What [`QueryTeams`] answers (`ope`).
    pub enum TeamQueryScope: u8 {
        /// The teams' information only (`0`).
        InfoOnly = 0,
        /// Also the members' accids (`1`).
        WithMembers = 1,
    }
}

/// `team/query.action`: teams `tids` (1 to 10), with their members' accids or without.
///
/// `tids` is sent as a JSON array of numbers, as both SDKs send it (the docs' example
/// writes strings). The newer docs cap it at 10 teams and 1024 characters (10 ids always
/// fit). `ignoreInvalid` is the legacy docs' only (in neither the newer docs nor the
/// SDKs): `true` skips ids naming no team instead of refusing the call; where the server
/// reports the skipped ids is not documented, so the answer does not read them.
/// Idempotent.
///
/// ```
/// use nim_api::team::{QueryTeams, TeamQueryScope};
/// # use nim_api::Endpoint as _;
///
/// let request = QueryTeams::new([6000000001u64, 6000000002], TeamQueryScope::WithMembers);
/// assert_eq!(request.to_form().unwrap(), "tids=%5B6000000001%2C6000000002%5D&ope=1");
/// let lenient = QueryTeams::new([1u64], TeamQueryScope::InfoOnly).ignore_invalid(true);
/// assert_eq!(lenient.to_form().unwrap(), "tids=%5B1%5D&ope=0&ignoreInvalid=true");
/// let eleven = QueryTeams::new(1u64..=11, TeamQueryScope::InfoOnly);
/// assert_eq!(eleven.validate().unwrap_err().field(), "tids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/query.action", idempotent, setters, response = TeamList)]
pub struct QueryTeams {
    /// The teams, 1 to 10.
    #[nim(min_items = 1, max_items = 10, unique)]
    pub tids: Vec<u64>,
    /// With the members' accids or without.
    pub ope: TeamQueryScope,
    /// Skip ids naming no team (`ignoreInvalid`; legacy docs; the server's default: `false`).
    #[nim(rename = "ignoreInvalid")]
    pub ignore_invalid: Option<bool>,
}

/// The answer to [`QueryTeams`] (`tinfos`, a JSON array or text holding one).
///
/// ```
/// use nim_api::team::TeamList;
///
/// let answer: TeamList = serde_json::from_str(
///     r#"{"code":200,"tinfos":[{"tid":1,"tname":"a","owner":"zhangsan","admins":[]}]}"#,
/// ).unwrap();
/// assert_eq!(answer.tinfos[0].owner, "zhangsan");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamList {
    /// The teams found.
    #[serde(default, deserialize_with = "json_or_text")]
    pub tinfos: Vec<TeamInfo>,
}

/// `team/queryDetail.action`: team `tid` with its owner, managers and members as member
/// records (nickname, ban, extension, times). Idempotent.
///
/// ```
/// use nim_api::team::QueryTeamDetail;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(QueryTeamDetail::new(6000000001u64).to_form().unwrap(), "tid=6000000001");
/// # assert!(QueryTeamDetail::new(1u64).validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/queryDetail.action", idempotent, setters, response = TeamDetail,
      response_field = "tinfo")]
pub struct QueryTeamDetail {
    /// The team.
    pub tid: u64,
}

/// `team/joinTeams.action`: the advanced teams `accid` is a member of. No paging.
/// Idempotent.
///
/// ```
/// use nim_api::team::JoinedTeams;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(JoinedTeams::new("LiSi").to_form().unwrap(), "accid=lisi");
/// assert_eq!(JoinedTeams::new("li si").validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/joinTeams.action", idempotent, setters, response = JoinedTeamList)]
pub struct JoinedTeams {
    /// The account.
    pub accid: Accid,
}

/// The answer to [`JoinedTeams`]: `count` (the SDKs ignore it) and `infos` (a JSON array
/// or text holding one; absent reads as empty).
///
/// ```
/// use nim_api::team::JoinedTeamList;
///
/// let answer: JoinedTeamList = serde_json::from_str(
///     r#"{"code":200,"count":1,"infos":[{"owner":"o","tname":"t","maxusers":200,"tid":123,"size":3,"custom":""}]}"#,
/// ).unwrap();
/// assert_eq!((answer.count, answer.infos[0].tid, answer.infos[0].size), (Some(1), 123, Some(3)));
/// let none: JoinedTeamList = serde_json::from_str(r#"{"code":200,"count":0}"#).unwrap();
/// assert!(none.infos.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct JoinedTeamList {
    /// How many teams.
    #[serde(default)]
    pub count: Option<u32>,
    /// The teams.
    #[serde(default, deserialize_with = "json_or_text")]
    pub infos: Vec<JoinedTeam>,
}

/// One team of [`JoinedTeamList`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct JoinedTeam {
    /// The team id.
    #[serde(default, deserialize_with = "number_or_string")]
    pub tid: u64,
    /// The name.
    #[serde(default)]
    pub tname: Option<String>,
    /// The owner's accid.
    #[serde(default)]
    pub owner: String,
    /// The most members.
    #[serde(default)]
    pub maxusers: Option<u32>,
    /// How many members.
    #[serde(default)]
    pub size: Option<u32>,
    /// The server extension.
    #[serde(default)]
    pub custom: Option<String>,
}

/// `team/getMarkReadInfo.action`: who has read team message `msgid` (sent by `fromAccid`
/// to team `tid` with read receipts on): counts, and with `snapshot=true` the accids.
///
/// `msgid` is the server id `msg/sendMsg` answered. What the server answers when read
/// receipts are not enabled for the app is UNCONFIRMED (814 or 403 in third-party reports;
/// neither is in the documented code table).
/// Idempotent.
///
/// ```
/// use nim_api::team::GetTeamReadInfo;
/// # use nim_api::Endpoint as _;
///
/// let request = GetTeamReadInfo::new(6000000001u64, 1000000000000000u64, "ZhangSan").snapshot(true);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&msgid=1000000000000000&fromAccid=zhangsan&snapshot=true"
/// );
/// let bad = GetTeamReadInfo::new(1u64, 1u64, "");
/// assert_eq!(bad.validate().unwrap_err().field(), "fromAccid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/getMarkReadInfo.action", idempotent, setters, response = TeamReadInfo,
      response_field = "data")]
pub struct GetTeamReadInfo {
    /// The team.
    pub tid: u64,
    /// The message's server id.
    pub msgid: MessageServerId,
    /// Its sender (`fromAccid`).
    #[nim(rename = "fromAccid")]
    pub from_accid: Accid,
    /// Also answer the accids (the server's default: `false`).
    pub snapshot: Option<bool>,
}

/// The answer to [`GetTeamReadInfo`] (`data`). The accid lists come with `snapshot=true`
/// (inferred from the parameter; absent reads as empty).
///
/// ```
/// use nim_api::team::TeamReadInfo;
///
/// let info: TeamReadInfo = serde_json::from_str(
///     r#"{"readSize":2,"unreadSize":1,"readAccids":["u1","u2"],"unreadAccids":["u3"]}"#,
/// ).unwrap();
/// assert_eq!((info.read_size, info.unread_size), (2, 1));
/// assert_eq!(info.unread_accids, ["u3"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamReadInfo {
    /// How many members have read it.
    #[serde(default, rename = "readSize")]
    pub read_size: u32,
    /// How many have not.
    #[serde(default, rename = "unreadSize")]
    pub unread_size: u32,
    /// Who has read it (with `snapshot`).
    #[serde(default, rename = "readAccids", deserialize_with = "lenient_list")]
    pub read_accids: Vec<String>,
    /// Who has not (with `snapshot`).
    #[serde(default, rename = "unreadAccids", deserialize_with = "lenient_list")]
    pub unread_accids: Vec<String>,
}

/// `team/listMemberInfo.action`: `accid`'s member record in every advanced team it is in
/// (newer docs and both SDKs; not in the legacy docs). No paging. Idempotent.
///
/// ```
/// use nim_api::team::ListJoinedTeamMembers;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(ListJoinedTeamMembers::new("LiSi").to_form().unwrap(), "accid=lisi");
/// assert!(ListJoinedTeamMembers::new("").validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/listMemberInfo.action", idempotent, setters, response = TeamMemberList)]
pub struct ListJoinedTeamMembers {
    /// The account.
    pub accid: Accid,
}

/// The answer to [`ListJoinedTeamMembers`] (`data`, a JSON array or text holding one).
///
/// ```
/// use nim_api::team::TeamMemberList;
///
/// let answer: TeamMemberList = serde_json::from_str(
///     r#"{"code":200,"data":[{"tid":123,"accid":"a","nick":"n","mute":false,"pushEnable":true}]}"#,
/// ).unwrap();
/// assert_eq!(answer.data[0].tid, 123);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamMemberList {
    /// One record per team.
    #[serde(default, deserialize_with = "json_or_text")]
    pub data: Vec<TeamMember>,
}

/// `team/listOnlineUsers.action`: the members of team `tid` logged in now, with their
/// clients (newer docs and both SDKs). Idempotent.
///
/// ```
/// use nim_api::team::ListOnlineTeamMembers;
/// # use nim_api::Endpoint as _;
///
/// assert_eq!(ListOnlineTeamMembers::new(6000000001u64).to_form().unwrap(), "tid=6000000001");
/// # assert!(ListOnlineTeamMembers::new(1u64).validate().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/listOnlineUsers.action", idempotent, setters, response = OnlineTeamMembers,
      response_field = "data")]
pub struct ListOnlineTeamMembers {
    /// The team.
    pub tid: u64,
}

/// The answer to [`ListOnlineTeamMembers`] (`data`): how many members are online, and each
/// one's logged-in clients by accid.
///
/// ```
/// use nim_api::team::OnlineTeamMembers;
///
/// let online: OnlineTeamMembers = serde_json::from_str(
///     r#"{"count":1,"status":{"lisi":[{"clientType":1,"loginTime":1600000000000}]}}"#,
/// ).unwrap();
/// assert_eq!((online.count, online.status["lisi"][0].client_type), (1, 1));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineTeamMembers {
    /// How many members are online.
    #[serde(default)]
    pub count: u32,
    /// Per online member, its clients (client types: 1 Android, 2 iOS, 4 PC, 8 WinPhone,
    /// 16 Web, 32 REST, 64 Mac).
    #[serde(default)]
    pub status: HashMap<String, Vec<ClientLogin>>,
}

/// `team/listOnlineUserCount.action`: how many members are online and offline in each of
/// `tids` (1 to 100, sent as a JSON array of numbers as both SDKs do). Not served by
/// private deployments (HTTP 404 there). Idempotent.
///
/// ```
/// use nim_api::team::CountOnlineTeamMembers;
/// # use nim_api::Endpoint as _;
///
/// let request = CountOnlineTeamMembers::new([6000000001u64]);
/// assert_eq!(request.to_form().unwrap(), "tids=%5B6000000001%5D");
/// assert!(CountOnlineTeamMembers::new(0u64..101).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/listOnlineUserCount.action", idempotent, setters, response = OnlineCounts)]
pub struct CountOnlineTeamMembers {
    /// The teams, 1 to 100.
    #[nim(min_items = 1, max_items = 100, unique)]
    pub tids: Vec<u64>,
}

/// The answer to [`CountOnlineTeamMembers`] (`data`, a JSON array or text holding one).
///
/// ```
/// use nim_api::team::OnlineCounts;
///
/// let answer: OnlineCounts = serde_json::from_str(
///     r#"{"code":200,"data":[{"tid":123,"onlineUserCount":5,"offlineUserCount":195}]}"#,
/// ).unwrap();
/// assert_eq!((answer.data[0].tid, answer.data[0].online_user_count), (123, 5));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineCounts {
    /// One count per team.
    #[serde(default, deserialize_with = "json_or_text")]
    pub data: Vec<TeamOnlineCount>,
}

/// The online count of one team.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct TeamOnlineCount {
    /// The team.
    #[serde(default, deserialize_with = "number_or_string")]
    pub tid: u64,
    /// Members online (`onlineUserCount`).
    #[serde(default, rename = "onlineUserCount")]
    pub online_user_count: u32,
    /// Members offline (`offlineUserCount`).
    #[serde(default, rename = "offlineUserCount")]
    pub offline_user_count: u32,
}
