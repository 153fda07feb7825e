//! Managers and the owner: `team/addManager`, `team/removeManager`, `team/changeOwner`.

use crate::Accid;
use crate::wire::int_enum;

/// `team/addManager.action`: the owner makes `members` (1 to 10 per call, members of team
/// `tid`) managers. A team has at most 10 managers in the emulator; the server answers 815
/// over its cap, which the docs do not give. `attach` (at most 512 characters) is in the
/// newer docs and both SDKs. Idempotent.
///
/// ```
/// use nim_api::team::AddTeamManagers;
/// # use nim_api::Endpoint as _;
///
/// let request = AddTeamManagers::new(6000000001u64, "zhangsan", ["LiSi"]);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&members=%5B%22lisi%22%5D");
/// let eleven = AddTeamManagers::new(6000000001u64, "zhangsan", (0..11).map(|i| format!("m{i}")));
/// assert_eq!(eleven.validate().unwrap_err().field(), "members");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/addManager.action", idempotent, setters)]
pub struct AddTeamManagers {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The members to promote, 1 to 10.
    #[nim(min_items = 1, max_items = 10, unique)]
    pub members: Vec<Accid>,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

/// `team/removeManager.action`: the owner makes managers `members` (1 to 10 per call)
/// ordinary members again. `attach` as for [`AddTeamManagers`]. Idempotent.
///
/// ```
/// use nim_api::team::RemoveTeamManagers;
/// # use nim_api::Endpoint as _;
///
/// let request = RemoveTeamManagers::new(6000000001u64, "zhangsan", ["lisi"]).attach("bye");
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&members=%5B%22lisi%22%5D&attach=bye"
/// );
/// let nobody = RemoveTeamManagers::new(6000000001u64, "zhangsan", Vec::<String>::new());
/// assert_eq!(nobody.validate().unwrap_err().field(), "members");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/removeManager.action", idempotent, setters)]
pub struct RemoveTeamManagers {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The managers to demote, 1 to 10.
    #[nim(min_items = 1, max_items = 10, unique)]
    pub members: Vec<Accid>,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}

int_enum! {
    /// What the old owner does after the team is handed over (`leave`): v1
    /// [`ChangeTeamOwner`] and [`ChangeSuperTeamOwner`](crate::superteam::ChangeSuperTeamOwner),
    /// v2 [`TransferOwner`](crate::v2::team::TransferOwner).
    pub enum AfterTransfer: u8 {
        /// It leaves the team (`1`).
        Leave = 1,
        /// It stays as an ordinary member (`2`).
        Stay = 2,
    }
}

/// `team/changeOwner.action`: `owner` hands team `tid` to `newowner` (a member; all
/// lowercase on the wire), then leaves or stays as an ordinary member (`leave`, required).
/// `newowner` must differ from `owner` (checked before sending). `attach` (at most 512
/// characters) is in the newer docs and both SDKs.
///
/// Not idempotent for retries: a repeat after a lost answer is refused (802, `owner` no
/// longer owning the team; 804 after [`AfterTransfer::Leave`], `owner` no longer a member)
/// although the first call took effect, so the client does not retry it on its own.
///
/// ```
/// use nim_api::team::{AfterTransfer, ChangeTeamOwner};
/// # use nim_api::Endpoint as _;
///
/// let request = ChangeTeamOwner::new(6000000001u64, "zhangsan", "LiSi", AfterTransfer::Stay);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&newowner=lisi&leave=2");
/// let myself = ChangeTeamOwner::new(6000000001u64, "zhangsan", "ZhangSan", AfterTransfer::Leave);
/// assert_eq!(myself.validate().unwrap_err().field(), "newowner");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "team/changeOwner.action", setters, distinct = [owner, newowner])]
pub struct ChangeTeamOwner {
    /// The team.
    pub tid: u64,
    /// The current owner.
    pub owner: Accid,
    /// The new owner, a member.
    pub newowner: Accid,
    /// Whether the old owner leaves or stays.
    pub leave: AfterTransfer,
    /// Carried in the team notification, at most 512 characters.
    #[nim(max_len = 512)]
    pub attach: Option<String>,
}
