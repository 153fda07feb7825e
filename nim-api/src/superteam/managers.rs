//! The owner's powers: managers, and handing the team over.

use super::AfterTransfer;
use crate::Accid;

/// `superteam/addManager.action`: the owner makes 1 to 10 members managers.
///
/// Only the owner may; the targets must be members (the server's code when one is not is
/// undocumented). At most 10 accounts per call (legacy docs and the Java SDK's Javadoc
/// agree). How many managers a team may have is not documented. Idempotent.
///
/// ```
/// use nim_api::superteam::AddSuperTeamManagers;
/// # use nim_api::Endpoint as _;
///
/// let request = AddSuperTeamManagers::new(6000000001u64, "zhangsan", ["LiSi"]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&managerAccids=%5B%22lisi%22%5D"
/// );
/// let many = AddSuperTeamManagers::new(6000000001u64, "zhangsan", vec!["a"; 11]);
/// assert_eq!(many.validate().unwrap_err().field(), "managerAccids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/addManager.action", idempotent, setters)]
pub struct AddSuperTeamManagers {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The members to promote (`managerAccids`, a JSON array), 1 to 10.
    #[nim(rename = "managerAccids", min_items = 1, max_items = 10, unique)]
    pub manager_accids: Vec<Accid>,
}

/// `superteam/removeManager.action`: the owner makes 1 to 10 managers ordinary members
/// again.
///
/// Only the owner may; at most 10 accounts per call (legacy docs and the Java SDK's Javadoc
/// agree). Idempotent.
///
/// ```
/// use nim_api::superteam::RemoveSuperTeamManagers;
/// # use nim_api::Endpoint as _;
///
/// let request = RemoveSuperTeamManagers::new(6000000001u64, "zhangsan", ["lisi", "wangwu"]);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "tid=6000000001&owner=zhangsan&managerAccids=%5B%22lisi%22%2C%22wangwu%22%5D"
/// );
/// let none = RemoveSuperTeamManagers::new(6000000001u64, "zhangsan", Vec::<&str>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "managerAccids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/removeManager.action", idempotent, setters)]
pub struct RemoveSuperTeamManagers {
    /// The team.
    pub tid: u64,
    /// The owner.
    pub owner: Accid,
    /// The managers to demote (`managerAccids`, a JSON array), 1 to 10.
    #[nim(rename = "managerAccids", min_items = 1, max_items = 10, unique)]
    pub manager_accids: Vec<Accid>,
}

/// `superteam/changeOwner.action`: the owner hands the team to member `accid`, and leaves
/// it or stays as an ordinary member (`leave`).
///
/// Only the owner may; the new owner must be a member (code undocumented). Handing the
/// team to its owner is refused before sending. Not idempotent (with [`AfterTransfer::Stay`] a
/// repeat is refused: the caller is no longer the owner).
///
/// ```
/// use nim_api::superteam::{ChangeSuperTeamOwner, AfterTransfer};
/// # use nim_api::Endpoint as _;
///
/// let request = ChangeSuperTeamOwner::new(6000000001u64, "zhangsan", "LiSi", AfterTransfer::Stay);
/// assert_eq!(request.to_form().unwrap(), "tid=6000000001&owner=zhangsan&accid=lisi&leave=2");
/// let myself = ChangeSuperTeamOwner::new(6000000001u64, "zhangsan", "ZhangSan", AfterTransfer::Leave);
/// assert_eq!(myself.validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "superteam/changeOwner.action", setters, distinct = [owner, accid])]
pub struct ChangeSuperTeamOwner {
    /// The team.
    pub tid: u64,
    /// The current owner.
    pub owner: Accid,
    /// The new owner, a member.
    pub accid: Accid,
    /// Whether the old owner leaves (`1`) or stays (`2`).
    pub leave: AfterTransfer,
}
