//! The owner's powers: `addManager`, `removeManager`, `changeOwner`.

use super::{State, account_list, now_ms, team_at};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// The most accounts one manager change names (legacy docs and the Java SDK's Javadoc).
const PER_CALL_MAX: usize = 10;

/// `superteam/addManager.action`: the owner makes 1 to 10 members managers (815 past the
/// store's super team cap). Answers `{"code":200}`.
pub(super) fn add_manager(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    set_managers(call, state, true)
}

/// `superteam/removeManager.action`: the owner makes 1 to 10 managers ordinary members
/// again. Answers `{"code":200}`.
pub(super) fn remove_manager(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    set_managers(call, state, false)
}

/// The two manager changes: `tid`, `owner`, `managerAccids`.
fn set_managers(call: &Call<'_>, state: &State, promote: bool) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let targets = account_list(&p, "managerAccids", PER_CALL_MAX, false)?;
    lock(&state.teams)
        .set_managers(at, &owner, &targets, promote, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `superteam/changeOwner.action`: the owner hands the team to member `accid` and leaves
/// (`leave=1`) or stays as an ordinary member (`leave=2`). Answers `{"code":200}`.
pub(super) fn change_owner(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let at = team_at(&p, "tid")?;
    let owner = p.account_id("owner")?;
    let accid = p.accid()?;
    let leave = p.int_in("leave", &[1, 2])? == 1;
    lock(&state.teams)
        .transfer(at, &owner, &accid, leave, now_ms(call))
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}
