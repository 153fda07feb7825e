//! The inspection and control API of the team store on a running [`Emulator`]. The admin
//! routes under `/_emulator/state/teams` offer the same to other languages.

use crate::emulator::Emulator;
use crate::lock;
use crate::teams::TeamRecord;

impl Emulator {
    /// Team `tid` of either kind, whichever protocol made it; `None` if there is none (never
    /// made, or dismissed).
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.team(6_000_000_001).is_none());
    /// # Ok(()) }
    /// ```
    pub fn team(&self, tid: u64) -> Option<TeamRecord> {
        lock(&self.core.teams).any(tid).map(TeamRecord::from)
    }

    /// Every team `accid` (any case) is a member of, of both kinds, ordered by id.
    pub fn teams_of(&self, accid: &str) -> Vec<TeamRecord> {
        let accid = accid.to_ascii_lowercase();
        lock(&self.core.teams)
            .all()
            .filter(|t| t.members.contains_key(&accid))
            .map(TeamRecord::from)
            .collect()
    }

    /// Stands in for `accid`'s client accepting (`accept`) or declining its invitation into
    /// team `tid`, the step no server action takes when a team needs the invitee's consent.
    /// Accepting makes it a member (if the team has room). Errors say why not: no team, no
    /// pending invitation, or the team is full.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.answer_team_invitation(6_000_000_001, "bob", true).is_err());
    /// # Ok(()) }
    /// ```
    pub fn answer_team_invitation(
        &self,
        tid: u64,
        accid: &str,
        accept: bool,
    ) -> Result<(), String> {
        let accid = accid.to_ascii_lowercase();
        let now = self.core.state_now().saturating_mul(1000);
        let mut teams = lock(&self.core.teams);
        let answered = if accept {
            teams.accept_invite(tid, &accid, now)
        } else {
            teams.decline_invite(tid, &accid)
        };
        answered.map_err(|e| e.describe())
    }

    /// For tests: how many teams (both kinds) one account may be in, until
    /// [`reset`](Emulator::reset) (unlimited by default), so the "team count exceed" refusal
    /// can be reached with a few teams.
    pub fn set_team_count_limit(&self, limit: usize) {
        lock(&self.core.teams).set_team_count_limit(limit);
    }
}
