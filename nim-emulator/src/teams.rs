//! Teams, as far as messages need them. There is no team store yet (a later family adds
//! teams); every team message, receipt and history query asks [`team_members`], which knows
//! no team, so they answer "team not found" (v1 803, v2 108404) until the team family fills
//! [`Teams`] in.

/// The team store's place in the registry (`shared::<Teams>()`), empty until the team family
/// exists.
#[derive(Debug, Default)]
pub(crate) struct Teams {}

/// The member accounts of team `tid`, or `None` if there is no such team.
pub(crate) fn team_members(_teams: &Teams, _tid: &str) -> Option<Vec<String>> {
    None
}
