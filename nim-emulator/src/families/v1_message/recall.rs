//! Taking messages back: `msg/recall.action` (two-way recall, types 7/8),
//! `msg/delMsgOneWay.action` (one-way recall, 13/14) and `msg/delMsg.action` (delete for both
//! sides, 7/8).
//!
//! A message that does not exist (wrong id, or not from `from` to `to`) is answered 200: the
//! recall docs say so, and the emulator answers the two deletes the same way.

use std::time::Duration;

use nim_core::Code;

use super::State;
use crate::call::Call;
use crate::callbacks::copies;
use crate::families::message_common::team;
use crate::lock;
use crate::messages::{LONG_WINDOW, Message};
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// What a take-back does to the message.
#[derive(Clone, Copy)]
pub(in crate::families) enum Effect {
    Recall,
    OneWay,
    Delete,
}

/// `deleteMsgid`, `timetag`, `type` (1:1 and team values given), `from`, `to`.
pub(in crate::families) struct Target {
    pub(in crate::families) id: u64,
    pub(in crate::families) team: bool,
    pub(in crate::families) from: String,
    pub(in crate::families) to: String,
    /// The recall's postscript (`msg`), for the recall copy's `selfMsg`.
    pub(in crate::families) postscript: Option<String>,
    /// The recall's `attach`, for the recall copy.
    pub(in crate::families) attach: Option<String>,
}

fn target(p: &Params, p2p: i64, team_type: i64) -> Result<Target, ApiError> {
    let id = p.u64_req("deleteMsgid")?;
    // The message is found by its id; the time is checked for presence only.
    p.u64_req("timetag")?;
    let kind = p.int_in("type", &[p2p, team_type])?;
    let from = p.account_id("from")?;
    let team = kind == team_type;
    let to = if team {
        p.text_req("to", 32)?.to_owned()
    } else {
        p.account_id("to")?
    };
    Ok(Target {
        id,
        team,
        from,
        to,
        postscript: p.get("msg").map(str::to_owned),
        attach: p.get("attach").map(str::to_owned),
    })
}

/// Applies `effect` to the target within `window`; 508 outside it. A two-way recall queues
/// the recall copy (7, 8 or 25).
pub(in crate::families) fn take_back(
    call: &Call<'_>,
    state: &State,
    t: &Target,
    window: Option<Duration>,
    effect: Effect,
) -> Result<Reply, ApiError> {
    if t.team {
        team(&lock(&state.teams), &t.to).map_err(|r| r.v1())?;
    }
    let mut messages = lock(&state.messages);
    let window = window.unwrap_or_else(|| messages.recall_window());
    let now_ms = call.now.saturating_mul(1000);
    let Some(m) = messages.get_mut(t.id) else {
        return Ok(Reply::ok());
    };
    if m.sender != t.from || m.receiver != t.to || m.recalled || m.deleted {
        return Ok(Reply::ok());
    }
    check_window(m, now_ms, window)?;
    match effect {
        Effect::Recall => {
            m.recalled = true;
            state.callbacks.enqueue(|| {
                copies::recall(m, now_ms, t.postscript.as_deref(), t.attach.as_deref())
            });
        }
        Effect::Delete => m.deleted = true,
        Effect::OneWay => {
            let receiver = m.receiver.clone();
            m.no_sense_for.insert(receiver);
        }
    }
    Ok(Reply::ok())
}

/// 508 when `m` is older than `window` at `now_ms`.
fn check_window(m: &Message, now_ms: u64, window: Duration) -> Result<(), ApiError> {
    let age = now_ms.saturating_sub(m.create_time);
    if u128::from(age) > window.as_millis() {
        return Err(ApiError::new(
            Code::TimeWindowExceeded,
            format!(
                "the recall time window has passed: the message is {} s old, at most {} s allowed",
                age / 1000,
                window.as_secs()
            ),
        ));
    }
    Ok(())
}

/// `msg/recall.action`: within the recall window (default 2 minutes; `ignoreTime=1` allows
/// 30 days). Answers `{"code":200}`.
pub(super) fn recall(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let t = target(&p, 7, 8)?;
    p.text("msg", 128)?;
    p.text("attach", 5000)?;
    p.text("payload", 2048)?;
    let window = ignore_time(&p)?;
    take_back(call, state, &t, window, Effect::Recall)
}

/// `ignoreTime=1`: recall within 30 days instead of the recall window (`None`: the window).
pub(in crate::families) fn ignore_time(p: &Params) -> Result<Option<Duration>, ApiError> {
    match p.get("ignoreTime") {
        None => Ok(None),
        Some("1") => Ok(Some(LONG_WINDOW)),
        Some(_) => Err(ApiError::param("ignoreTime must be 1 when given")),
    }
}

/// `msg/delMsgOneWay.action`: a one-way recall; the receiver no longer sees the message (a
/// "no-sense" message it sees only with `includeNoSenseMsg=true`), the sender keeps it.
/// Within 30 days (the v2 one-way window; v1's is undocumented).
pub(super) fn del_msg_one_way(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let t = target(&p, 13, 14)?;
    p.text("msg", 128)?;
    take_back(call, state, &t, Some(LONG_WINDOW), Effect::OneWay)
}

/// `msg/delMsg.action`: deletes the message for both sides, within 30 days (the v2 delete
/// window). Answers `{"code":200}`.
pub(super) fn del_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let t = target(&p, 7, 8)?;
    take_back(call, state, &t, Some(LONG_WINDOW), Effect::Delete)
}
