//! The team fields create and update share: the texts, `members_limit`, and the modes of
//! `configuration`, with their documented limits (official create page, Java SDK Javadoc).

use serde_json::Value;

use crate::json_body::JsonBody;
use crate::reply::ApiError;
use crate::teams::{Info, ModeChanges, TeamMute};

use super::input::Input;

/// `name`: at most 64 characters.
const NAME_MAX: usize = 64;
/// `icon` and `announcement`: at most 1024 characters.
const LONG_TEXT_MAX: usize = 1024;
/// `intro`: at most 512 characters.
const INTRO_MAX: usize = 512;
/// `server_extension`: at most 1024 characters.
const SERVER_EXTENSION_MAX: usize = 1024;
/// `customer_extension` has no documented limit: any length is taken.
const UNLIMITED: usize = usize::MAX;

/// The texts a create or update sets (`Some("")` clears one in an update; the name is never
/// empty).
pub(super) fn texts(input: &Input<'_, '_>) -> Result<Info, ApiError> {
    let name = input.text("name", NAME_MAX)?;
    if name.as_deref() == Some("") {
        return Err(ApiError::param("name must not be empty"));
    }
    Ok(Info {
        name,
        icon: input.text("icon", LONG_TEXT_MAX)?,
        announcement: input.text("announcement", LONG_TEXT_MAX)?,
        intro: input.text("intro", INTRO_MAX)?,
        custom: input.text("server_extension", SERVER_EXTENSION_MAX)?,
        client_custom: input.text("customer_extension", UNLIMITED)?,
    })
}

/// `members_limit`, the owner included: at least 2 when given.
pub(super) fn members_limit(input: &Input<'_, '_>) -> Result<Option<usize>, ApiError> {
    match input.uint("members_limit")? {
        None => Ok(None),
        Some(n) if n >= 2 => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX))),
        Some(n) => Err(ApiError::param(format!(
            "members_limit must be at least 2 (the owner included), not {n}"
        ))),
    }
}

/// The modes `configuration` sets, and its whole-team mute (`chat_banned_mode` 0, 1 or 3,
/// a number or a string holding one: the Java SDK's versions disagree).
pub(super) fn configuration(
    input: &Input<'_, '_>,
) -> Result<(ModeChanges, Option<TeamMute>), ApiError> {
    let Some(config) = input.body().object("configuration")? else {
        return Ok((ModeChanges::default(), None));
    };
    let mode = |name: &str, allowed: &[i64]| -> Result<Option<u8>, ApiError> {
        let n = config.int(name, allowed)?;
        Ok(n.and_then(|n| u8::try_from(n).ok()))
    };
    let modes = ModeChanges {
        join: mode("join_mode", &[0, 1, 2])?,
        be_invite: mode("agree_mode", &[0, 1])?,
        invite: mode("invite_mode", &[0, 1])?,
        update_info: mode("update_team_info_mode", &[0, 1])?,
        update_custom: mode("update_extension_mode", &[0, 1])?,
    };
    Ok((modes, chat_banned_mode(&config)?))
}

/// `configuration.chat_banned_mode`, a number or a numeric string.
fn chat_banned_mode(config: &JsonBody) -> Result<Option<TeamMute>, ApiError> {
    let n = match config.value("chat_banned_mode") {
        None => return Ok(None),
        Some(Value::String(text)) => text.trim().parse::<i64>().ok(),
        Some(value) => value.as_i64(),
    };
    n.and_then(TeamMute::from_number).map(Some).ok_or_else(|| {
        ApiError::param(format!(
            "{} must be 0, 1 or 3",
            config.field("chat_banned_mode")
        ))
    })
}
