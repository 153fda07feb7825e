//! Team read receipts, one rule for both protocols (v1 `msg/markReadTeamMsg` and
//! `team/getMarkReadInfo`, v2 `team_read_receipt` POST and GET): the reads are kept on the
//! message ([`Message::read_by`]), and who may read and who counts is the team's business.
//!
//! Only a message sent asking for receipts (v1 `markRead=1`, v2 `team_option.mark_as_read`)
//! has readers. The readers that count are the members other than the sender who were in
//! the team when it was sent: a member who joined later (or left and came back) neither
//! marks it nor counts, and one who left is no longer counted.

use super::{Team, TeamError};
use crate::messages::{Message, Messages};

/// Whether member `accid` of `team` was there when `message` was sent, and is not its
/// sender.
fn may_read(team: &Team, message: &Message, accid: &str) -> bool {
    accid != message.sender
        && team
            .members
            .get(accid)
            .is_some_and(|m| m.join_time <= message.create_time)
}

/// Whether `message` is a live message of `team` whose readers are kept.
fn has_receipts(team: &Team, message: &Message) -> bool {
    message.conversation_type == team.kind.conversation()
        && message.receiver == team.tid.to_string()
        && !message.recalled
        && !message.deleted
        && message.read_by.is_some()
}

/// Member `reader` of `team` read `ids`: answers the ids that could not be marked (not a
/// live message of `team` sent with receipts, the reader's own, or sent before it joined).
/// A reader who is not a member is refused.
pub(crate) fn mark_read(
    team: &Team,
    messages: &mut Messages,
    reader: &str,
    ids: &[u64],
) -> Result<Vec<u64>, TeamError> {
    if !team.members.contains_key(reader) {
        return Err(TeamError::NotMember {
            tid: team.tid,
            accid: reader.to_owned(),
        });
    }
    let mut failed = Vec::new();
    for &id in ids {
        let marked = messages
            .get_mut(id)
            .filter(|m| has_receipts(team, m) && may_read(team, m, reader))
            .and_then(|m| m.read_by.as_mut())
            .map(|readers| readers.insert(reader.to_owned()));
        if marked.is_none() {
            failed.push(id);
        }
    }
    Ok(failed)
}

/// Who of `team` has read `message` and who has not, each ordered by account id: the
/// members who count (see the module docs). A message without receipts has no readers.
pub(crate) fn read_state<'t>(team: &'t Team, message: &Message) -> (Vec<&'t str>, Vec<&'t str>) {
    let readers = message
        .read_by
        .as_ref()
        .filter(|_| has_receipts(team, message));
    team.members
        .keys()
        .filter(|accid| may_read(team, message, accid))
        .map(String::as_str)
        .partition(|accid| readers.is_some_and(|r| r.contains(*accid)))
}
