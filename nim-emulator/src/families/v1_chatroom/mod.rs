//! v1 chatrooms (`chatroom/*.action`): the room lifecycle actions (create, get, getBatch,
//! update, toggleCloseStat, updateDelayClosePolicy, updateInOutNotification, requestAddr,
//! queryUserRoomIds) on the shared chatroom store. The rules and the refusal codes are the
//! store's ([`crate::chatrooms`]); this family reads the form, checks the documented limits,
//! and writes the answers in the v1 shapes, each in the member production uses (`chatroom`,
//! `desc`, `succRooms`, `addr`: see each handler).
//!
//! Where the sources leave a choice open, the emulator's choices:
//!
//! - **Ids.** `roomid` is a decimal integer; `roomids` (getBatch) a JSON array of numbers
//!   (the SDKs), numeric strings (the docs' example) or both, with or without spaces (the
//!   Java SDK sends `[1, 2]`), each id once (a repeat is 414). Ids in answers are numbers,
//!   except `queryUserRoomIds`, whose documented answer lists strings.
//! - **Switches.** Boolean parameters are read as `true`/`false` or `1`/`0`;
//!   `inOutNotification` (documented as an int) the same. A required switch that is absent
//!   is 414 (the Go SDK drops `false`: its `valid=false` and `close=false` never arrive).
//! - **Accounts.** `creator` of create and `operator` of the status actions must be
//!   registered (414 `<field> <id> not register`, as the team and message families answer).
//!   The role and ban actions (`setMemberRole`, `temporaryMute`, `tagTemporaryMute`)
//!   answer 404 for an unregistered `operator` or `target` (the setMemberRole page: 404
//!   for an unknown room or account).
//!   `requestAddr` answers 404 for an unregistered `accid` (the official requestAddr page);
//!   `queryUserRoomIds` answers an empty list for an unknown `creator` (unconfirmed).
//! - **Delay close.** Policy 1 or 2 without `delaySeconds` takes 7 days (the docs' default);
//!   more than 7 days is 414 (the v2 docs' maximum; the v1 docs give only the default).
//!   `delayInfo.status` is undocumented: the emulator answers 1 while a countdown runs, 0
//!   otherwise. The console switch the docs require for delay close is taken as on.
//! - **Closed rooms** are read and updated as open ones (`valid:false`); `requestAddr` for
//!   a closed room is 13002 and for a blacklisted account 13003 (unconfirmed: the docs name
//!   no codes for it, but a client could not enter with the address).
//! - **`bid`** must be a JSON object (its members are not checked); `needNotify` and
//!   `notifyExt` of update are checked and kept nowhere: the emulator has no clients to
//!   notify.
//!
//! The member actions (kickMember, updateMyRoomRole, membersByPage, queryMembersByRole,
//! queryMembers) are in `members.rs`, the tag actions (tagMembersCount, tagMembersQuery,
//! updateChatRoomRoleTag) in `tags.rs`; their rules are the store's roster.
//!
//! Locks are taken in one order: accounts, chatrooms.

mod address;
mod answers;
mod history;
mod lifecycle;
mod members;
mod messages;
mod mutes;
mod queries;
mod queue;
mod robots;
mod roles;
mod room_mute;
mod status;
mod tags;

use std::sync::{Arc, Mutex, MutexGuard};

use super::message_common::known;
use crate::accounts::Accounts;
use crate::call::Call;
use crate::chatrooms::{Chatrooms, DelayPolicy};
use crate::lock;
use crate::params::Params;
use crate::reply::ApiError;
use crate::router::{Registry, Route};

/// `name`: at most 128 characters.
const NAME_MAX: usize = 128;
/// `announcement` and `ext`: at most 4096 characters.
const TEXT_MAX: usize = 4096;
/// `broadcasturl`: at most 1024 characters.
const URL_MAX: usize = 1024;
/// `bid`: the emulator's bound for the JSON text (undocumented).
const BID_MAX: usize = 4096;

/// What the v1 chatroom handlers borrow.
struct State {
    accounts: Arc<Mutex<Accounts>>,
    chatrooms: Arc<Mutex<Chatrooms>>,
}

const ROUTES: &[Route<State>] = &[
    Route::v1("chatroom/create.action", lifecycle::create),
    Route::v1("chatroom/update.action", lifecycle::update),
    Route::v1("chatroom/get.action", queries::get),
    Route::v1("chatroom/getBatch.action", queries::get_batch),
    Route::v1("chatroom/queryUserRoomIds.action", queries::open_room_ids),
    Route::v1("chatroom/toggleCloseStat.action", status::toggle_close),
    Route::v1(
        "chatroom/updateDelayClosePolicy.action",
        status::delay_close,
    ),
    Route::v1(
        "chatroom/updateInOutNotification.action",
        status::in_out_notification,
    ),
    Route::v1("chatroom/requestAddr.action", address::request_addr),
    Route::v1("chatroom/setMemberRole.action", roles::set_member_role),
    Route::v1("chatroom/temporaryMute.action", mutes::temporary_mute),
    Route::v1(
        "chatroom/tagTemporaryMute.action",
        mutes::tag_temporary_mute,
    ),
    Route::v1("chatroom/muteRoom.action", room_mute::mute_room),
    Route::v1("chatroom/addRobot.action", robots::add),
    Route::v1("chatroom/removeRobot.action", robots::remove),
    Route::v1("chatroom/cleanRobot.action", robots::clean),
    Route::v1("chatroom/kickMember.action", members::kick),
    Route::v1("chatroom/updateMyRoomRole.action", members::update_profile),
    Route::v1("chatroom/membersByPage.action", members::by_page),
    Route::v1("chatroom/queryMembersByRole.action", members::by_role),
    Route::v1("chatroom/queryMembers.action", members::by_accid),
    Route::v1("chatroom/tagMembersCount.action", tags::count),
    Route::v1("chatroom/tagMembersQuery.action", tags::query),
    Route::v1("chatroom/updateChatRoomRoleTag.action", tags::update),
    Route::v1("chatroom/sendMsg.action", messages::send),
    Route::v1("chatroom/batchSendMsg.action", messages::batch_send),
    Route::v1("chatroom/sendMsgToSomeone.action", messages::send_to_some),
    Route::v1(
        "chatroom/batchSendMsgToSomeone.action",
        messages::batch_send_to_some,
    ),
    Route::v1("chatroom/broadcast.action", messages::broadcast),
    Route::v1("chatroom/recall.action", history::recall),
    Route::v1("chatroom/deleteHistoryMessage.action", history::delete),
    Route::v1("history/queryChatroomMsg.action", history::query),
    Route::v1("history/queryTagHistoryMsg.action", history::query_tagged),
    Route::v1("chatroom/queryTagHistoryMsg.action", history::query_tagged),
];

/// Registers the v1 chatroom lifecycle actions.
pub(super) fn register(registry: &mut Registry) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        chatrooms: registry.shared::<Chatrooms>(),
    };
    registry.routes(state, ROUTES);
    let queue_state = State {
        accounts: registry.shared::<Accounts>(),
        chatrooms: registry.shared::<Chatrooms>(),
    };
    registry.routes(queue_state, queue::ROUTES);
}

/// The store, with the rooms whose delay-close deadline passed closed.
fn rooms<'a>(call: &Call<'_>, state: &'a State) -> MutexGuard<'a, Chatrooms> {
    let mut rooms = lock(&state.chatrooms);
    rooms.settle(now_ms(call));
    rooms
}

/// The call's state-clock time in Unix ms, the store's unit.
fn now_ms(call: &Call<'_>) -> u64 {
    call.now.saturating_mul(1000)
}

/// The required account `name`, which must be registered.
fn registered(p: &Params, state: &State, name: &str) -> Result<String, ApiError> {
    let accid = p.account_id(name)?;
    known(&lock(&state.accounts), name, &accid).map_err(|r| r.v1())?;
    Ok(accid)
}

/// The required account `name`, which must be registered: 404 otherwise (the role and ban
/// actions).
fn existing(p: &Params, state: &State, name: &str) -> Result<String, ApiError> {
    let accid = p.account_id(name)?;
    known(&lock(&state.accounts), name, &accid).map_err(|_| {
        ApiError::with_code(
            crate::chatrooms::code::NOT_FOUND,
            format!("{name} {accid} does not exist"),
        )
    })?;
    Ok(accid)
}

/// The optional `delayClosePolicy` (0, 1 or 2) and `delaySeconds`.
fn delay(p: &Params) -> Result<(Option<DelayPolicy>, Option<u64>), ApiError> {
    let policy = p
        .int_opt("delayClosePolicy", &[0, 1, 2])?
        .and_then(DelayPolicy::from_number);
    Ok((policy, p.u64_opt("delaySeconds")?))
}

/// The optional `queuelevel` (0 or 1).
fn queue_level(p: &Params) -> Result<Option<u8>, ApiError> {
    Ok(p.int_opt("queuelevel", &[0, 1])?
        .and_then(|n| u8::try_from(n).ok()))
}

/// The optional `bid`: a JSON object (moderation business ids), checked and not kept.
fn bid(p: &Params) -> Result<(), ApiError> {
    if let Some(text) = p.text("bid", BID_MAX)?
        && !serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.is_object())
    {
        return Err(ApiError::param("bid must be a JSON object"));
    }
    Ok(())
}
