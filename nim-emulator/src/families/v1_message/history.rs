//! History: `history/querySessionMsg.action` (1:1, both directions) and
//! `history/queryTeamMsg.action`. No cursor: a time window, at most `limit` (1..100) items,
//! `reverse` 1 oldest first / 2 newest first (default), an optional `type` filter (a comma
//! list) and `excludeMsgid` (the previous page's last id). Recalled and deleted messages
//! never show; one-way recalled ones only with `includeNoSenseMsg=true`.

use serde_json::{Value, json};

use super::State;
use crate::call::Call;
use crate::families::message_common::{known, team};
use crate::lock;
use crate::message_content::v1_view;
use crate::messages::{Conversation, Message};
use crate::params::Params;
use crate::reply::{ApiError, Reply};

/// The longest page.
pub(super) const LIMIT_MAX: u64 = 100;

/// A time window with its order and limit, as the history and event queries take it.
pub(super) struct Window {
    pub(super) begin: u64,
    pub(super) end: u64,
    pub(super) limit: usize,
    pub(super) ascending: bool,
}

impl Window {
    /// `begintime` < `endtime` (else 414 `bad time`, as documented), `limit` 1..100 (the
    /// legacy doc requires it; both SDKs leave it optional, so absent means 100), `reverse`.
    pub(super) fn parse(p: &Params) -> Result<Window, ApiError> {
        let begin = p.u64_req("begintime")?;
        let end = p.u64_req("endtime")?;
        if begin >= end {
            return Err(ApiError::param(
                "bad time: begintime must be before endtime",
            ));
        }
        let limit = p.u64_opt("limit")?.unwrap_or(LIMIT_MAX);
        if limit == 0 || limit > LIMIT_MAX {
            return Err(ApiError::param(format!("limit must be 1 to {LIMIT_MAX}")));
        }
        let reverse = p.int_opt("reverse", &[1, 2])?.unwrap_or(2);
        Ok(Window {
            begin,
            end,
            limit: usize::try_from(limit).unwrap_or(100),
            ascending: reverse == 1,
        })
    }

    /// Whether `time` (ms) is inside the window (both ends included).
    pub(super) fn contains(&self, time: u64) -> bool {
        self.begin <= time && time <= self.end
    }
}

/// The filters both history queries share, besides the window.
pub(in crate::families) struct Filters {
    window: Window,
    types: Option<Vec<u32>>,
    exclude: Option<u64>,
    include_no_sense: bool,
}

pub(in crate::families) fn filters(p: &Params) -> Result<Filters, ApiError> {
    let window = Window::parse(p)?;
    let types = match p.get("type") {
        None => None,
        Some(list) => Some(
            list.split(',')
                .map(|t| t.trim().parse::<u32>())
                .collect::<Result<Vec<u32>, _>>()
                .map_err(|_| {
                    ApiError::param(
                        "type must be a comma-separated list of message types, e.g. 0,1",
                    )
                })?,
        ),
    };
    let exclude = p.u64_opt("excludeMsgid")?;
    let include_no_sense = p.flag("includeNoSenseMsg")?.unwrap_or(false);
    Ok(Filters {
        window,
        types,
        exclude,
        include_no_sense,
    })
}

/// `{"code":200,"size":N,"msgs":[...]}` for the messages of `conversation` as its owner sees
/// them.
pub(in crate::families) fn answer(
    state: &State,
    conversation: &Conversation,
    f: &Filters,
) -> Reply {
    let messages = lock(&state.messages);
    let keep = |m: &Message| {
        conversation.contains(m)
            && m.visible_to(&conversation.owner, f.include_no_sense)
            && f.window.contains(m.create_time)
            && f.types.as_ref().is_none_or(|t| t.contains(&m.message_type))
            && f.exclude != Some(m.server_id)
    };
    let mut found = messages.select(keep);
    if !f.window.ascending {
        found.reverse();
    }
    let msgs: Vec<Value> = found
        .into_iter()
        .take(f.window.limit)
        .map(v1_view)
        .collect();
    Reply::json(&json!({ "code": 200, "size": msgs.len(), "msgs": msgs }))
}

/// `history/querySessionMsg.action`: the 1:1 messages between `from` and `to`.
pub(super) fn query_session_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let from = p.account_id("from")?;
    let to = p.account_id("to")?;
    let f = filters(&p)?;
    known(&lock(&state.accounts), "from", &from).map_err(|r| r.v1())?;
    Ok(answer(state, &Conversation::new(&from, 1, &to), &f))
}

/// `history/queryTeamMsg.action`: the messages of team `tid` as member `accid` sees them
/// (803 for no such team).
pub(super) fn query_team_msg(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let p = call.form()?;
    let tid = p.text_req("tid", 32)?.to_owned();
    let accid = p.accid()?;
    let f = filters(&p)?;
    p.flag("checkTeamValid")?;
    known(&lock(&state.accounts), "accid", &accid).map_err(|r| r.v1())?;
    team(&lock(&state.teams), &tid).map_err(|r| r.v1())?;
    Ok(answer(state, &Conversation::new(&accid, 2, &tid), &f))
}
