//! The five seed actions: create, update, refreshToken, block, unblock.

use serde_json::{Map, Value, json};

use super::State;
use crate::accounts::{Account, new_token};
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};

/// The longest token, in characters.
pub(super) const TOKEN_MAX: usize = 128;
/// The length limit of `props`, `icon` and `ex`.
pub(super) const LONG_TEXT_MAX: usize = 1024;

/// `user/create.action`: answers `{"code":200,"info":{"token","accid","name"?}}`.
pub(super) fn create(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let owned = |v: Option<&str>| v.map(str::to_owned);
    let name = owned(params.text("name", 64)?);
    let props = owned(params.text("props", LONG_TEXT_MAX)?);
    let icon = owned(params.text("icon", LONG_TEXT_MAX)?);
    let token = owned(params.text("token", TOKEN_MAX)?);
    let sign = owned(params.text("sign", 256)?);
    let email = owned(params.text("email", 64)?);
    let birth = owned(params.text("birth", 16)?);
    let mobile = owned(params.text("mobile", 32)?);
    let gender = params.gender()?;
    let ex = owned(params.text("ex", LONG_TEXT_MAX)?);
    // The API generates a token when the request names none.
    let token = match token {
        Some(token) => token,
        None => new_token()?,
    };

    let mut info = Map::new();
    info.insert("token".into(), Value::String(token.clone()));
    info.insert("accid".into(), Value::String(accid.clone()));
    if let Some(name) = &name {
        info.insert("name".into(), Value::String(name.clone()));
    }
    let account = Account {
        name,
        props,
        icon,
        sign,
        email,
        birth,
        mobile,
        gender,
        ex,
        created_at: call.now,
        ..Account::new(accid, token)
    };
    lock(&state.accounts).create(account)?;
    Ok(Reply::ok_info(Value::Object(info)))
}

/// `user/update.action`: sets the token (and props) when given; answers `{"code":200}`.
pub(super) fn update(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let props = params.text("props", LONG_TEXT_MAX)?;
    let token = params.text("token", TOKEN_MAX)?;
    state.with_account(&accid, |account| {
        if let Some(token) = token {
            account.token = token.to_owned();
            account.token_changes += 1;
        }
        if let Some(props) = props {
            account.props = Some(props.to_owned());
        }
        Ok(Reply::ok())
    })
}

/// `user/refreshToken.action`: a new random token; answers `{"code":200,"info":{"token","accid"}}`.
pub(super) fn refresh_token(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = call.form()?.accid()?;
    let token = new_token()?;
    state.with_account(&accid, |account| {
        account.token = token.clone();
        account.token_changes += 1;
        Ok(Reply::ok_info(
            json!({ "token": token, "accid": account.accid }),
        ))
    })
}

/// `user/block.action`: bans the account; banning a banned account succeeds again.
pub(super) fn block(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let need_kick = params.flag("needkick")?.unwrap_or(false);
    // No length limit is documented for kickNotifyExt; the body size limit bounds it.
    let kick_notify_ext = params.get("kickNotifyExt").map(str::to_owned);
    state.with_account(&accid, |account| {
        account.blocked = true;
        account.kicked = need_kick;
        account.kick_notify_ext = kick_notify_ext;
        if need_kick {
            account.sessions.clear();
        }
        Ok(Reply::ok())
    })
}

/// `user/unblock.action`: lifts the ban; unbanning an unbanned account succeeds.
pub(super) fn unblock(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let accid = call.form()?.accid()?;
    state.with_account(&accid, |account| {
        account.blocked = false;
        Ok(Reply::ok())
    })
}
