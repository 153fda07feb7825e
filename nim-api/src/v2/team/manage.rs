//! The operations that make, change, hand over and end a team.

use super::{AfterTransfer, CreatedTeam, TeamConfiguration, TeamDetails, TeamType};
use crate::v2::AntispamConfiguration;
use crate::{Accid, ValidationError};

/// What [`CreateTeam`] and [`UpdateTeam`] both set besides the name and the modes: the texts,
/// the member limit and the extensions, written into the request body itself
/// (`#[nim(flatten)]`); unset members are not sent, so an update keeps them.
///
/// `members_limit` counts the owner: at least 2; at most 200 unless the console allows more
/// (the server's default is 200), so no upper bound is checked; an update may not lower it
/// below the current member count. Whether `Some("")` clears a text in an update is
/// UNCONFIRMED.
///
/// ```
/// use nim_api::v2::team::TeamSettings;
/// use nim_api::validate::Validate;
///
/// let settings = TeamSettings::new().intro("weekends").members_limit(50u32);
/// assert_eq!(serde_json::to_string(&settings).unwrap(), r#"{"intro":"weekends","members_limit":50}"#);
/// assert_eq!(settings.members_limit(1u32).validate().unwrap_err().field(), "members_limit");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct TeamSettings {
    /// The icon URL, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub icon: Option<String>,
    /// The announcement, at most 1024 characters.
    #[nim(max_len = 1024)]
    pub announcement: Option<String>,
    /// The introduction, at most 512 characters.
    #[nim(max_len = 512)]
    pub intro: Option<String>,
    /// The most members, the owner included, at least 2.
    #[nim(min = 2)]
    pub members_limit: Option<u32>,
    /// The server extension (服务端扩展字段, v1 `custom`; JSON recommended), at most 1024
    /// characters. Which members may change it from a client is `update_extension_mode`.
    #[nim(max_len = 1024)]
    pub server_extension: Option<String>,
    /// The client extension (客户端扩展字段, v1 `clientCustom`). No documented limit.
    pub customer_extension: Option<String>,
}

/// `POST /im/v2.1/teams` (createTeam): `owner_account_id` creates a team of `team_type` and
/// may invite accounts at once.
///
/// Facts from the official create page (path, required fields, limits) and the Java SDK
/// (Javadoc limits of the rest). Invitees come back in the answer's `failed_list` when they
/// cannot be invited (for instance, in as many teams as an account may be); with
/// [`AgreeMode::ConsentNeeded`](super::AgreeMode::ConsentNeeded) (the default) the others must accept
/// before they are members. The owner counts in `members_limit` and is not listed among the
/// invitees (refused here before sending). `invite_account_ids` has no documented per-call
/// maximum; the invite operation's 200 is applied (UNCONFIRMED). `configuration` cannot set
/// `chat_banned_mode` here (neither SDK sends it on create): refused before sending. Super
/// teams need the service enabled for the app (code 108311).
///
/// Not idempotent: a retry creates a second team.
///
/// ```
/// use nim_api::v2::team::{CreateTeam, JoinMode, TeamConfiguration, TeamSettings, TeamType};
/// # use nim_api::Endpoint as _;
/// let request = CreateTeam::new("ZhangSan", TeamType::Advanced, "Ops")
///     .settings(TeamSettings::new().members_limit(50u32))
///     .invite_account_ids(["lisi", "WangWu"])
///     .configuration(TeamConfiguration::new().join_mode(JoinMode::Free));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/teams");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"owner_account_id":"zhangsan","team_type":1,"name":"Ops","members_limit":50,"invite_account_ids":["lisi","wangwu"],"configuration":{"join_mode":0}}"#,
/// );
/// let long = CreateTeam::new("zhangsan", TeamType::Advanced, "名".repeat(65));
/// assert_eq!(long.validate().unwrap_err().field(), "name");
/// let own = request.invite_account_ids(["zhangsan"]);
/// assert_eq!(own.validate().unwrap_err().field(), "invite_account_ids[0]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/teams", setters, custom = check_create, response = CreatedTeam)]
pub struct CreateTeam {
    /// The creator, who owns the team.
    pub owner_account_id: Accid,
    /// Advanced or super team.
    pub team_type: TeamType,
    /// The name, 1 to 64 characters.
    #[nim(required, max_len = 64)]
    pub name: String,
    /// The texts, the member limit and the extensions (only those set are sent).
    #[nim(flatten, default)]
    pub settings: TeamSettings,
    /// Accounts invited at once (not the owner), at most 200.
    #[nim(max_items = 200, unique)]
    pub invite_account_ids: Option<Vec<Accid>>,
    /// The invitation's text, at most 150 characters.
    #[nim(max_len = 150)]
    pub invite_msg: Option<String>,
    /// The notification's extension (JSON; not stored; advanced teams only), at most 512
    /// characters.
    #[nim(max_len = 512)]
    pub extension: Option<String>,
    /// The modes (not `chat_banned_mode`).
    pub configuration: Option<TeamConfiguration>,
    /// Moderation settings for this request.
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// The owner is not an invitee; the whole-team mute is set by [`UpdateTeam`] only.
fn check_create(request: &CreateTeam) -> Result<(), ValidationError> {
    crate::team::owner_not_invited(
        "invite_account_ids",
        request.owner_account_id.as_str(),
        request.invite_account_ids.iter().flatten(),
    )?;
    if request
        .configuration
        .is_some_and(|c| c.chat_banned_mode.is_some())
    {
        return Err(ValidationError::custom(
            "configuration.chat_banned_mode",
            "can only be set by updateTeam",
        ));
    }
    Ok(())
}

/// `PATCH /im/v2.1/teams/{team_id}` (updateTeam): `operator_id` changes a team's texts,
/// limit, extensions and modes; only the members set change.
///
/// Who may: the owner and managers, or every member for the texts (and `members_limit`) or
/// the extension when the team's update modes say so; the modes and the whole-team mute
/// (`configuration.chat_banned_mode`) need the owner or a manager. `operator_id` is required
/// here: the Go SDK (and the inventory) require it, the Java Javadoc calls it optional, and
/// no official page was found; without it the server cannot check the permission.
/// `chat_banned_mode` and `antispam_configuration` are sent by the Java SDK only. Whether
/// `Some("")` clears a text is UNCONFIRMED. Limits: see the [module](super).
///
/// Idempotent: it sets values.
///
/// ```
/// use nim_api::v2::team::{ChatBannedMode, TeamConfiguration, TeamSettings, TeamType, UpdateTeam};
/// # use nim_api::Endpoint as _;
/// let request = UpdateTeam::new(6_000_000_001u64, "ZhangSan", TeamType::Advanced)
///     .settings(TeamSettings::new().announcement("Standup at 10"))
///     .configuration(TeamConfiguration::new().chat_banned_mode(ChatBannedMode::OrdinaryMembers));
/// let encoded = request.encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("PATCH", "/im/v2.1/teams/6000000001"));
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"operator_id":"zhangsan","team_type":1,"announcement":"Standup at 10","configuration":{"chat_banned_mode":1}}"#,
/// );
/// let one = request.settings(TeamSettings::new().members_limit(1u32));
/// assert_eq!(one.validate().unwrap_err().field(), "members_limit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/teams/{team_id}", method = "PATCH", idempotent, setters,
      response = TeamDetails)]
pub struct UpdateTeam {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// Who changes it: the owner or a manager (or a member, as the modes allow).
    pub operator_id: Accid,
    /// Advanced or super team.
    pub team_type: TeamType,
    /// The name, at most 64 characters.
    #[nim(max_len = 64)]
    pub name: Option<String>,
    /// The texts, the member limit and the extensions (only those set are sent).
    #[nim(flatten, default)]
    pub settings: TeamSettings,
    /// The notification's extension (not stored; advanced teams only), at most 512
    /// characters.
    #[nim(max_len = 512)]
    pub extension: Option<String>,
    /// The modes to change, `chat_banned_mode` included.
    pub configuration: Option<TeamConfiguration>,
    /// Moderation settings for this request (Java SDK only).
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// `DELETE /im/v2.1/teams/{team_id}` (disbandTeam): the owner ends a team. Answers nothing
/// beyond success.
///
/// The parameters go in the **query**, as both SDKs' current versions send them; the old
/// Apifox page (on `/im/v2/teams/{team_id}`) put them in a JSON body. `operator_id` is
/// required (the Go SDK and the Apifox page; the Java Javadoc calls it optional).
///
/// Not idempotent: once the team is gone, a repeat answers 108404 (no such team).
///
/// ```
/// use nim_api::v2::team::{DisbandTeam, TeamType};
/// # use nim_api::Endpoint as _;
/// let encoded = DisbandTeam::new(6_000_000_001u64, "ZhangSan", TeamType::Super).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(encoded.path, "/im/v2.1/teams/6000000001?operator_id=zhangsan&team_type=2");
/// assert!(encoded.body.is_none());
/// let long = DisbandTeam::new(6_000_000_001u64, "zhangsan", TeamType::Advanced).extension("x".repeat(513));
/// assert_eq!(long.validate().unwrap_err().field(), "extension");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/teams/{team_id}", method = "DELETE", setters)]
pub struct DisbandTeam {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// The owner.
    #[nim(query)]
    pub operator_id: Accid,
    /// Advanced or super team.
    #[nim(query)]
    pub team_type: TeamType,
    /// The notification's extension (advanced teams only), at most 512 characters.
    #[nim(query, max_len = 512)]
    pub extension: Option<String>,
}

/// `PATCH /im/v2/teams/{team_id}/actions/transfer_owner` (transferOwner): the team's owner
/// hands it to `new_owner_account_id`, a member, and leaves or stays.
///
/// There is no operator field (neither SDK has one): the current owner acts. The Java SDK
/// also leaks a `teamId` copy of the path into the body; it is not sent here. Java Javadoc
/// and the older Go SDK; no official page was found.
///
/// Not idempotent: after the handover, the old owner may no longer hand the team over.
///
/// ```
/// use nim_api::v2::team::{AfterTransfer, TeamType, TransferOwner};
/// # use nim_api::Endpoint as _;
/// let request = TransferOwner::new(6_000_000_001u64, TeamType::Advanced, "LiSi", AfterTransfer::Stay);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/teams/6000000001/actions/transfer_owner");
/// assert_eq!(encoded.body.unwrap().1, r#"{"team_type":1,"new_owner_account_id":"lisi","leave":2}"#);
/// assert_eq!(request.extension("x".repeat(513)).validate().unwrap_err().field(), "extension");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/teams/{team_id}/actions/transfer_owner",
    method = "PATCH",
    setters
)]
pub struct TransferOwner {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// Advanced or super team.
    pub team_type: TeamType,
    /// The member who becomes the owner.
    pub new_owner_account_id: Accid,
    /// Whether the old owner leaves or stays.
    pub leave: AfterTransfer,
    /// The notification's extension (advanced teams only), at most 512 characters.
    #[nim(max_len = 512)]
    pub extension: Option<String>,
}

/// The body [`AddManagers`] and [`RemoveManagers`] share: the owner (`operator_id`) and the
/// members it promotes or demotes, at most 10 per call (Java Javadoc). `operator_id` is
/// required (the Go SDK; the Java Javadoc calls it optional).
///
/// ```
/// use nim_api::v2::team::{ManagerChange, TeamType};
/// use nim_api::validate::Validate;
///
/// let change = ManagerChange::new(TeamType::Advanced, "zhangsan", ["lisi"]);
/// assert!(change.validate().is_ok());
/// let none = ManagerChange::new(TeamType::Advanced, "zhangsan", Vec::<&str>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "managers");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct ManagerChange {
    /// Advanced or super team.
    pub team_type: TeamType,
    /// The owner.
    pub operator_id: Accid,
    /// The members promoted or demoted, 1 to 10.
    #[nim(min_items = 1, max_items = 10, unique)]
    pub managers: Vec<Accid>,
    /// The notification's extension (advanced teams only), at most 512 characters.
    #[nim(max_len = 512)]
    pub extension: Option<String>,
}

/// `POST /im/v2/teams/{team_id}/actions/add_manager` (addManagers): the owner makes members
/// managers. A team has at most 10 managers (advanced teams; 108303 beyond, value
/// UNCONFIRMED for super teams).
///
/// Idempotent: promoting a manager again changes nothing.
///
/// ```
/// use nim_api::v2::team::{AddManagers, ManagerChange, TeamType};
/// # use nim_api::Endpoint as _;
/// let request = AddManagers::new(6_000_000_001u64, ManagerChange::new(TeamType::Advanced, "zhangsan", ["LiSi"]));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/teams/6000000001/actions/add_manager");
/// assert_eq!(encoded.body.unwrap().1, r#"{"team_type":1,"operator_id":"zhangsan","managers":["lisi"]}"#);
/// let eleven: Vec<String> = (0..11).map(|i| format!("m{i}")).collect();
/// let many = AddManagers::new(1u64, ManagerChange::new(TeamType::Advanced, "zhangsan", eleven));
/// assert_eq!(many.validate().unwrap_err().field(), "managers");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/teams/{team_id}/actions/add_manager",
    idempotent,
    setters
)]
pub struct AddManagers {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// The owner and the members promoted.
    #[nim(flatten)]
    pub change: ManagerChange,
}

/// `DELETE /im/v2/teams/{team_id}/actions/remove_manager` (removeManagers): the owner makes
/// managers ordinary members again. A DELETE **with a JSON body**, as both SDKs' current
/// versions send it.
///
/// Idempotent: demoting an ordinary member changes nothing.
///
/// ```
/// use nim_api::v2::team::{ManagerChange, RemoveManagers, TeamType};
/// # use nim_api::Endpoint as _;
/// let request = RemoveManagers::new(6_000_000_001u64, ManagerChange::new(TeamType::Super, "zhangsan", ["lisi"]));
/// let encoded = request.encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("DELETE", "/im/v2/teams/6000000001/actions/remove_manager"));
/// assert_eq!(encoded.body.unwrap().1, r#"{"team_type":2,"operator_id":"zhangsan","managers":["lisi"]}"#);
/// let bad = RemoveManagers::new(1u64, ManagerChange::new(TeamType::Super, "zhang san", ["lisi"]));
/// assert_eq!(bad.validate().unwrap_err().field(), "operator_id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(
    path = "/im/v2/teams/{team_id}/actions/remove_manager",
    method = "DELETE",
    idempotent,
    setters
)]
pub struct RemoveManagers {
    /// The team.
    #[nim(path)]
    pub team_id: u64,
    /// The owner and the managers demoted.
    #[nim(flatten)]
    pub change: ManagerChange,
}
