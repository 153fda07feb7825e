//! What the v1 team family needs beyond the shared operations: a team read as only its owner
//! and managers may read it (`team/listTeamMute` names the owner as the caller).

use super::error::v2;
use super::{Kind, Team, TeamError, Teams, member_role, no_permission};

impl Teams {
    /// Team `tid` of `kind`, if `operator` is its owner or a manager: 804 (109404) for a
    /// non-member, 802 (109432) for an ordinary member.
    pub(crate) fn managed_by(
        &self,
        (tid, kind): (u64, Kind),
        operator: &str,
    ) -> Result<&Team, TeamError> {
        let team = self.get(tid, kind)?;
        if member_role(team, operator)?.manages() {
            Ok(team)
        } else {
            Err(no_permission(
                operator,
                "read what only managers read",
                v2::MANAGER_REQUIRED,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Info, Modes, NewTeam, TeamMute};
    use super::*;

    /// A team of `owner`, `mgr` (manager) and `a`.
    fn team() -> (Teams, (u64, Kind)) {
        let mut teams = Teams::default();
        let new = NewTeam {
            kind: Kind::Advanced,
            owner: "owner".into(),
            info: Info::default(),
            modes: Modes {
                be_invite: 1,
                ..Modes::default()
            },
            limit: 10,
            mute: TeamMute::None,
            notify_close_online: false,
            notify_close_persistent: false,
        };
        let members = ["mgr".to_owned(), "a".to_owned()];
        let (tid, _) = teams.create(new, &members, false, None, 0).unwrap();
        let t = (tid, Kind::Advanced);
        teams
            .set_managers(t, "owner", &["mgr".to_owned()], true, 0)
            .unwrap();
        (teams, t)
    }

    #[test]
    fn owner_and_managers_read() {
        let (teams, t) = team();
        assert_eq!(teams.managed_by(t, "owner").unwrap().tid, t.0);
        assert_eq!(teams.managed_by(t, "mgr").unwrap().tid, t.0);
    }

    #[test]
    fn others_are_refused() {
        let (teams, t) = team();
        let member = teams.managed_by(t, "a").unwrap_err();
        assert_eq!((member.v1().code(), member.v2().code()), (802, 109432));
        let outsider = teams.managed_by(t, "zed").unwrap_err();
        assert_eq!(outsider.v1().code(), 804);
        let other_kind = teams.managed_by((t.0, Kind::Super), "owner").unwrap_err();
        assert_eq!(other_kind.v1().code(), 805);
    }
}
