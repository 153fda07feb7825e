//! What the v1 super team family needs beyond the shared operations: its level change and
//! whole-team mute are the owner's alone (legacy docs and the Java SDK's Javadoc: `owner` is
//! "群主"), where the store's [`Teams::update`] and [`Teams::mute_team`] also let managers.

use super::{Kind, TeamError, Teams, owner_only};

impl Teams {
    /// Refuses unless `operator` owns team `tid` of `kind` (not found, other kind, not a
    /// member, or no permission to `what`). A check before an operation the store lets
    /// managers do too.
    pub(crate) fn check_owner(
        &self,
        (tid, kind): (u64, Kind),
        operator: &str,
        what: &'static str,
    ) -> Result<(), TeamError> {
        owner_only(self.get(tid, kind)?, operator, what)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Info, Modes, NewTeam, TeamMute};
    use super::*;

    const NOW: u64 = 1_700_000_000_000;

    /// A super team of `owner`, `mgr` (a manager) and `a`.
    fn super_team() -> (Teams, (u64, Kind)) {
        let mut teams = Teams::default();
        let new = NewTeam {
            kind: Kind::Super,
            owner: "owner".into(),
            info: Info::default(),
            modes: Modes::default(),
            limit: 10,
            mute: TeamMute::None,
            notify_close_online: false,
            notify_close_persistent: false,
        };
        let invitees = ["mgr".to_owned(), "a".to_owned()];
        let (tid, _) = teams.create(new, &invitees, false, None, NOW).unwrap();
        let at = (tid, Kind::Super);
        teams
            .set_managers(at, "owner", &invitees[..1], true, NOW)
            .unwrap();
        (teams, at)
    }

    #[test]
    fn only_the_owner_passes() {
        let (teams, at) = super_team();
        assert_eq!(teams.check_owner(at, "owner", "mute the team"), Ok(()));
        let manager = teams.check_owner(at, "mgr", "mute the team").unwrap_err();
        assert_eq!(manager.v1().code(), 802);
        let stranger = teams
            .check_owner(at, "nobody", "mute the team")
            .unwrap_err();
        assert_eq!(stranger.v1().code(), 804);
        let advanced = teams
            .check_owner((at.0, Kind::Advanced), "owner", "x")
            .unwrap_err();
        assert_eq!(advanced.v1().code(), 805);
        let missing = teams
            .check_owner((1, Kind::Super), "owner", "x")
            .unwrap_err();
        assert_eq!(missing.v1().code(), 803);
    }
}
