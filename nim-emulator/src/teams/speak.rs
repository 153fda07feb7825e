//! Who may send a team message: the store's answer to both protocols' sends, with the v2
//! send's `team_option` / `superteam_option` switches that skip some of the checks.

use super::error::v2;
use super::{Kind, Role, TeamError, TeamMute, Teams};

/// Which checks a team message passes through. v1 sends take them all
/// ([`SpeakChecks::ALL`]); a v2 send may skip some (`ignore_chat_banned`,
/// `ignore_member_chat_banned`, `check_team_member_valid: false`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SpeakChecks {
    /// Refuse while the whole team is muted for the sender's role.
    pub(crate) team_mute: bool,
    /// Refuse while the sender is muted alone.
    pub(crate) member_mute: bool,
    /// Refuse a sender who is not a member.
    pub(crate) membership: bool,
}

impl SpeakChecks {
    /// Every check: what v1 sends and a v2 send without options get.
    pub(crate) const ALL: SpeakChecks = SpeakChecks {
        team_mute: true,
        member_mute: true,
        membership: true,
    };
}

impl Teams {
    /// Who receives a message `sender` sends to `tid` of `kind` (every member), if the
    /// sender may speak there under `checks`: a member, not muted alone, not silenced by the
    /// team's mute. A non-member let through (`membership` off) is held to the team's mute
    /// as an ordinary member is: that mute is the team's state, not a member's.
    pub(crate) fn speak_with(
        &self,
        tid: u64,
        kind: Kind,
        sender: &str,
        checks: SpeakChecks,
    ) -> Result<Vec<String>, TeamError> {
        let team = self.get(tid, kind)?;
        let everyone = || team.members.keys().cloned().collect();
        let member = team.members.get(sender);
        if member.is_none() && checks.membership {
            return Err(TeamError::NotMember {
                tid,
                accid: sender.to_owned(),
            });
        }
        let (muted, role) = member.map_or((false, Role::Member), |m| (m.muted, m.role));
        let v2 = if muted && checks.member_mute {
            v2::MEMBER_MUTED
        } else if team.mute.lets_speak(role) || !checks.team_mute {
            return Ok(everyone());
        } else if team.mute == TeamMute::All {
            v2::ALL_MUTED
        } else {
            v2::MEMBERS_MUTED
        };
        Err(TeamError::Muted {
            tid,
            accid: sender.to_owned(),
            v2,
        })
    }
}
