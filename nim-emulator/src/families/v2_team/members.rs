//! The `team_member` operations that change members: inviteTeamMembers, kickTeamMembers,
//! leaveTeam, updateTeamMember, batchMuteTeamMembers.

use serde_json::{Value, json};

use super::input::{EXTENSION_MAX, Input};
use super::manage::{INVITE_MSG_MAX, INVITEES_MAX, split_known};
use super::{State, view};
use crate::accounts::Accounts;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::teams::{Kind, MemberChanges, TeamError, Teams};

use super::super::v2_common::not_found;

/// Members kicked or muted in one call: at most 10 (Java SDK Javadoc).
const TARGETS_MAX: usize = 10;
/// `team_nick` and the member `server_extension` have no documented limit: any length is
/// taken.
const UNLIMITED: usize = usize::MAX;

/// Refuses an account that does not exist (102404).
pub(super) fn known(accounts: &Accounts, accid: &str) -> Result<(), ApiError> {
    if accounts.contains(accid) {
        Ok(())
    } else {
        Err(not_found(accid))
    }
}

/// The team, operator and kind every member operation names (`team_id` and `team_type` in
/// the body or the query).
fn target_team(input: &Input<'_, '_>) -> Result<(u64, Kind), ApiError> {
    Ok((input.tid()?, input.kind()?))
}

/// `POST /im/v2/team_members`: `operator_id` invites `invite_account_ids` (1 to 200); with the
/// team's `agree_mode` 0 they must accept first. data: `success_list` (joined or invited),
/// `failed_list` (no account 102404, in too many teams 108305).
pub(super) fn invite(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let operator = input.account("operator_id")?;
    let team = target_team(&input)?;
    let invitees = input.accounts("invite_account_ids", INVITEES_MAX)?;
    let message = input.text("msg", INVITE_MSG_MAX)?;
    input.text("extension", EXTENSION_MAX)?;
    let accounts = lock(&state.accounts);
    let (invitees, mut failed) = split_known(&accounts, invitees);
    let mut teams = lock(&state.teams);
    let consent = teams
        .get(team.0, team.1)
        .map_err(|e| e.v2())?
        .modes
        .be_invite
        == 0;
    let invited = teams
        .invite(team, &operator, &invitees, consent, message, input.now_ms())
        .map_err(|e| e.v2())?;
    failed.extend(invited.failed.iter().map(|a| view::too_many_teams(a)));
    let success: Vec<&String> = invited.joined.iter().chain(&invited.pending).collect();
    Ok(batch(success, failed))
}

/// `DELETE /im/v2/team_members/actions/kick_member?operator_id=&team_id=&team_type=&kick_account_ids=a,b`:
/// the owner or a manager removes members (1 to 10). Accounts that are not members are
/// listed in `failed_list` (109404); the rest go, or the whole call is refused (the owner,
/// a manager by a manager, the operator itself).
pub(super) fn kick(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let operator = input.account("operator_id")?;
    let team = target_team(&input)?;
    let targets = input.accounts("kick_account_ids", TARGETS_MAX)?;
    input.text("extension", EXTENSION_MAX)?;
    let mut teams = lock(&state.teams);
    let (members, failed) = split_members(&teams, team, targets)?;
    teams
        .kick(team, &operator, &members, input.now_ms())
        .map_err(|e| e.v2())?;
    Ok(batch(members.iter().collect(), failed))
}

/// `DELETE /im/v2/team_members/actions/leave?account_id=&team_id=&team_type=`: a member
/// leaves; the owner cannot (109307). data `{}`.
pub(super) fn leave(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let accid = input.account("account_id")?;
    let team = target_team(&input)?;
    input.text("extension", EXTENSION_MAX)?;
    lock(&state.teams)
        .leave(team, &accid, input.now_ms())
        .map_err(|e| e.v2())?;
    Ok(Reply::ok_data(json!({})))
}

/// `PATCH /im/v2.1/team_members/{account_id}`: `operator_id` changes the member's
/// `team_nick`, `server_extension`, `chat_banned` or `message_notify_state` (0 none, 1 every
/// message, 2 only the owner's and managers': [`view::notify_state`]). `special_follow_update_info` (Apifox page only) is taken and ignored.
/// data: the member, flat (Java SDK, Apifox page) and again as `member_info` (Go SDK).
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let target = input.path_account()?;
    let operator = input.account("operator_id")?;
    let team = target_team(&input)?;
    let notify = input.int("message_notify_state", &[0, 1, 2])?;
    let changes = MemberChanges {
        nick: input.text("team_nick", UNLIMITED)?,
        ext: input.text("server_extension", UNLIMITED)?,
        muted: input.flag("chat_banned")?,
        notify_state: notify
            .and_then(|n| u8::try_from(n).ok())
            .map(view::notify_state),
    };
    input.text("extension", EXTENSION_MAX)?;
    input.body().object("special_follow_update_info")?;
    let mut teams = lock(&state.teams);
    teams
        .update_member(team, &operator, &target, changes, input.now_ms())
        .map_err(|e| e.v2())?;
    let t = teams.get(team.0, team.1).map_err(|e| e.v2())?;
    let mut data = view::member(t, &target);
    if let Value::Object(map) = &mut data {
        map.insert("member_info".into(), Value::Object(map.clone()));
    }
    Ok(Reply::ok_data(data))
}

/// `PATCH /im/v2/team_members/actions/batch_mute`: `operator_id` mutes (`chat_banned`
/// true) or unmutes members (1 to 10). Accounts that are not members are listed in
/// `failed_list` (109404); the rest change, or the whole call is refused (the owner, the
/// operator itself, a manager by a manager).
pub(super) fn mute(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let input = Input::read(call)?;
    let operator = input.account("operator_id")?;
    let team = target_team(&input)?;
    let targets = input.accounts("chat_ban_account_ids", TARGETS_MAX)?;
    let muted = input
        .flag("chat_banned")?
        .ok_or_else(|| ApiError::param("chat_banned is required"))?;
    let mut teams = lock(&state.teams);
    let (members, failed) = split_members(&teams, team, targets)?;
    teams
        .mute_members(team, &operator, &members, muted, input.now_ms())
        .map_err(|e| e.v2())?;
    Ok(batch(members.iter().collect(), failed))
}

/// The accounts of `targets` that are members of `team`, and a `failed_list` item (109404)
/// for each other. The team must exist, of this kind.
fn split_members(
    teams: &Teams,
    (tid, kind): (u64, Kind),
    targets: Vec<String>,
) -> Result<(Vec<String>, Vec<Value>), ApiError> {
    let team = teams.get(tid, kind).map_err(|e| e.v2())?;
    let (members, others): (Vec<String>, Vec<String>) = targets
        .into_iter()
        .partition(|a| team.members.contains_key(a));
    let failed = others
        .into_iter()
        .map(|accid| view::failed(&accid.clone(), &TeamError::NotMember { tid, accid }))
        .collect();
    Ok((members, failed))
}

/// A `success_list` / `failed_list` answer.
fn batch(success: Vec<&String>, failed: Vec<Value>) -> Reply {
    Reply::ok_data(json!({ "success_list": success, "failed_list": failed }))
}
