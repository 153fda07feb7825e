//! Managers and the owner: `team/addManager`, `team/removeManager`, `team/changeOwner`.

use super::{MANAGERS_PER_CALL, State, account_list, attach, team_ref};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// `team/addManager.action`: the owner makes `members` (members all) managers; over the
/// cap of 10 managers is 815, the owner named 414. Answers `{"code":200}`.
pub(super) fn add_managers(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    set_managers(call, state, true)
}

/// `team/removeManager.action`: the owner makes `members` ordinary members again. Answers
/// `{"code":200}`.
pub(super) fn remove_managers(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    set_managers(call, state, false)
}

/// The two manager actions share one form: `tid`, `owner`, `members` (1 to 10), `attach`.
fn set_managers(call: &Call<'_>, state: &State, promote: bool) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let targets = account_list(&p, "members", MANAGERS_PER_CALL, false)?;
    attach(&p)?;
    lock(&state.teams)
        .set_managers(
            team,
            &operator,
            &targets,
            promote,
            call.now.saturating_mul(1000),
        )
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}

/// `team/changeOwner.action`: `owner` hands the team to member `newowner`, then leaves
/// (`leave=1`) or stays as an ordinary member (`leave=2`). Answers `{"code":200}`; a
/// non-member new owner is 804, the owner itself 414, a caller not owning the team 802.
pub(super) fn change_owner(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let team = team_ref(&p)?;
    let operator = p.account_id("owner")?;
    let new_owner = p.account_id("newowner")?;
    let leave = p.int_in("leave", &[1, 2])? == 1;
    attach(&p)?;
    lock(&state.teams)
        .transfer(
            team,
            &operator,
            &new_owner,
            leave,
            call.now.saturating_mul(1000),
        )
        .map_err(|e| e.v1())?;
    Ok(Reply::ok())
}
