//! The operations that make, change, hand over and end a team: createTeam, updateTeam,
//! disbandTeam, transferOwner, addManagers, removeManagers.

use serde_json::{Value, json};

use super::super::v2_common::check_antispam;
use super::input::{EXTENSION_MAX, Input};
use super::{State, fields, view};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::{DEFAULT_MEMBER_LIMIT, Kind, Modes, NewTeam, TeamChanges, Teams};

/// `invite_msg`: at most 150 characters.
pub(super) const INVITE_MSG_MAX: usize = 150;
/// Invitees of one create or invite: at most 200 (Java SDK Javadoc for invite; applied to
/// create too).
pub(super) const INVITEES_MAX: usize = 200;
/// Managers promoted or demoted in one call: at most 10 (Java SDK Javadoc).
const MANAGERS_PER_CALL: usize = 10;

/// `POST /im/v2.1/teams`: `owner_account_id` makes a team of `team_type` and invites
/// `invite_account_ids` (with `agree_mode` 0, the default, they must accept first). data:
/// `team_info`, and `failed_list` with the invitees that have no account (102404) or are in
/// too many teams (108305).
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let owner = input.account("owner_account_id")?;
    let kind = input.kind()?;
    let info = fields::texts(&input)?;
    if info.name.is_none() {
        return Err(ApiError::param("name is required"));
    }
    let limit = fields::members_limit(&input)?.unwrap_or(DEFAULT_MEMBER_LIMIT);
    let invitees = input.optional_accounts("invite_account_ids", INVITEES_MAX)?;
    let message = input.text("invite_msg", INVITE_MSG_MAX)?;
    input.check_extension()?;
    let (changes, mute) = fields::configuration(&input)?;
    check_antispam(input.body())?;
    let mut modes = Modes::default();
    modes.apply(changes);
    let accounts = lock(&state.accounts);
    super::members::known(&accounts, &owner)?;
    let (known, mut failed) = split_known(&accounts, invitees);
    let new = NewTeam {
        kind,
        owner,
        info,
        modes,
        limit,
        mute: mute.unwrap_or_default(),
        notify_close_online: false,
        notify_close_persistent: false,
    };
    let consent = modes.be_invite == 0;
    let mut teams = lock(&state.teams);
    let (tid, invited) = teams
        .create(new, &known, consent, message, input.now_ms())
        .map_err(|e| e.v2())?;
    failed.extend(invited.failed.iter().map(|a| view::too_many_teams(a)));
    let team = teams.get(tid, kind).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({
        "team_info": view::team_info(team),
        "failed_list": failed,
    })))
}

/// The invitees that have an account, and a `failed_list` item (102404) for each other.
pub(super) fn split_known(accounts: &Accounts, invitees: Vec<String>) -> (Vec<String>, Vec<Value>) {
    let (known, unknown): (Vec<String>, Vec<String>) =
        invitees.into_iter().partition(|a| accounts.contains(a));
    (known, unknown.iter().map(|a| view::no_account(a)).collect())
}

/// `PATCH /im/v2.1/teams/{team_id}`: `operator_id` (the owner when absent: [`operator`])
/// changes the texts, `members_limit`, the extensions and `configuration` (the whole-team
/// mute included). data: `team_info`.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let tid = input.tid()?;
    let kind = input.kind()?;
    let (modes, mute) = fields::configuration(&input)?;
    let changes = TeamChanges {
        info: fields::texts(&input)?,
        modes,
        limit: fields::members_limit(&input)?,
        mute,
    };
    input.check_extension()?;
    check_antispam(input.body())?;
    let mut teams = lock(&state.teams);
    let operator = operator(&input, &teams, (tid, kind))?;
    teams
        .update((tid, kind), &operator, changes, input.now_ms())
        .map_err(|e| e.v2())?;
    let team = teams.get(tid, kind).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(
        json!({ "team_info": view::team_info(team) }),
    ))
}

/// `DELETE /im/v2.1/teams/{team_id}?operator_id=&team_type=&extension=` (or the same in a
/// body): the owner (`operator_id`, or no operator: [`operator`]) ends the team. data `{}`.
pub(super) fn disband(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let tid = input.tid()?;
    let kind = input.kind()?;
    input.check_extension()?;
    let mut teams = lock(&state.teams);
    let operator = operator(&input, &teams, (tid, kind))?;
    teams.dismiss((tid, kind), &operator).map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `PATCH /im/v2/teams/{team_id}/actions/transfer_owner`: the owner hands the team to
/// `new_owner_account_id`, a member, and leaves (`leave` 1) or stays as an ordinary member
/// (2). Neither SDK sends an operator: the current owner acts (an `operator_id`, if sent,
/// must be the owner: [`operator`]). data `{}`.
pub(super) fn transfer(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let tid = input.tid()?;
    let kind = input.kind()?;
    let new_owner = input.account("new_owner_account_id")?;
    let leave = input.required_int("leave", &[1, 2])? == 1;
    input.check_extension()?;
    let mut teams = lock(&state.teams);
    let operator = operator(&input, &teams, (tid, kind))?;
    teams
        .transfer((tid, kind), &operator, &new_owner, leave, input.now_ms())
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `POST /im/v2/teams/{team_id}/actions/add_manager`: the owner (`operator_id`, or no
/// operator: [`operator`]) makes `managers` (1 to 10 members) managers. data `{}`.
pub(super) fn add_managers(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    set_managers(call, state, true)
}

/// `DELETE /im/v2/teams/{team_id}/actions/remove_manager` (a DELETE with a JSON body): the
/// owner makes `managers` ordinary members again. data `{}`.
pub(super) fn remove_managers(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    set_managers(call, state, false)
}

/// What add and remove managers share: the same body, one flag apart.
fn set_managers(call: &Call<'_>, state: &State, promote: bool) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let tid = input.tid()?;
    let kind = input.kind()?;
    let managers = input.accounts("managers", MANAGERS_PER_CALL)?;
    input.text("extension", EXTENSION_MAX)?;
    let mut teams = lock(&state.teams);
    let operator = operator(&input, &teams, (tid, kind))?;
    teams
        .set_managers((tid, kind), &operator, &managers, promote, input.now_ms())
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// Who acts on team `tid`: `operator_id` if sent, else the owner. The Go SDK requires the
/// operator of update, disband and the manager operations; the Java SDK's Javadoc calls it
/// optional there, and neither SDK sends one for transferOwner: the emulator takes both, and
/// a call without one acts as the owner would.
fn operator(
    input: &Input<'_, '_>,
    teams: &Teams,
    (tid, kind): (u64, Kind),
) -> Result<String, ApiError> {
    if input.text("operator_id", usize::MAX)?.is_some() {
        return input.account("operator_id");
    }
    Ok(teams.get(tid, kind).map_err(|e| e.v2())?.owner.clone())
}
