//! The five account actions: each checks its parameters, then changes the accounts.
//!
//! Parameters are checked before the accounts lock is taken, and the lock is held only for
//! the map operation, never across an await (there is none here: actions are synchronous).

use std::sync::Mutex;

use nim_core::Code;
use serde_json::{Map, Value};

use crate::accounts::{Account, Accounts};
use crate::lock;
use crate::params::Params;
use crate::reply::{ApiError, Reply};
use crate::stats::BASE_PATH;

/// The longest token, in characters.
const TOKEN_MAX: usize = 128;
/// The length limit of `props`, `icon` and `ex`.
const LONG_TEXT_MAX: usize = 1024;

/// One of the actions the emulator implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    Create,
    Update,
    RefreshToken,
    Block,
    Unblock,
}

impl Action {
    /// The action a URL path names, if it is one of ours.
    pub(crate) fn from_path(path: &str) -> Option<Action> {
        match path.strip_prefix(BASE_PATH)? {
            "user/create.action" => Some(Action::Create),
            "user/update.action" => Some(Action::Update),
            "user/refreshToken.action" => Some(Action::RefreshToken),
            "user/block.action" => Some(Action::Block),
            "user/unblock.action" => Some(Action::Unblock),
            _ => None,
        }
    }

    /// Runs the action on an authenticated request's parameters.
    pub(crate) fn run(
        self,
        params: &Params,
        accounts: &Mutex<Accounts>,
    ) -> Result<Reply, ApiError> {
        match self {
            Action::Create => create(params, accounts),
            Action::Update => update(params, accounts),
            Action::RefreshToken => refresh_token(params, accounts),
            Action::Block => block(params, accounts),
            Action::Unblock => unblock(params, accounts),
        }
    }
}

/// `user/create.action`: answers `{"code":200,"info":{"token","accid","name"?}}`.
fn create(params: &Params, accounts: &Mutex<Accounts>) -> Result<Reply, ApiError> {
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
        ..Account::new(accid, token)
    };
    lock(accounts).create(account)?;
    Ok(Reply::ok_info(Value::Object(info)))
}

/// `user/update.action`: sets the token (and props) when given; answers `{"code":200}`.
fn update(params: &Params, accounts: &Mutex<Accounts>) -> Result<Reply, ApiError> {
    let accid = params.accid()?;
    let props = params.text("props", LONG_TEXT_MAX)?;
    let token = params.text("token", TOKEN_MAX)?;
    let mut accounts = lock(accounts);
    let account = accounts.existing(&accid)?;
    if let Some(token) = token {
        account.token = token.to_owned();
        account.token_changes += 1;
    }
    if let Some(props) = props {
        account.props = Some(props.to_owned());
    }
    Ok(Reply::ok())
}

/// `user/refreshToken.action`: a new random token; answers `{"code":200,"info":{"token","accid"}}`.
fn refresh_token(params: &Params, accounts: &Mutex<Accounts>) -> Result<Reply, ApiError> {
    let accid = params.accid()?;
    let token = new_token()?;
    let mut accounts = lock(accounts);
    let account = accounts.existing(&accid)?;
    account.token = token.clone();
    account.token_changes += 1;
    Ok(Reply::ok_info(serde_json::json!({
        "token": token,
        "accid": account.accid,
    })))
}

/// `user/block.action`: bans the account; banning a banned account succeeds again.
fn block(params: &Params, accounts: &Mutex<Accounts>) -> Result<Reply, ApiError> {
    let accid = params.accid()?;
    let need_kick = params.flag("needkick")?.unwrap_or(false);
    // No length limit is documented for kickNotifyExt; the body size limit bounds it.
    let kick_notify_ext = params.get("kickNotifyExt").map(str::to_owned);
    let mut accounts = lock(accounts);
    let account = accounts.existing(&accid)?;
    account.blocked = true;
    account.kicked = need_kick;
    account.kick_notify_ext = kick_notify_ext;
    Ok(Reply::ok())
}

/// `user/unblock.action`: lifts the ban; unbanning an unbanned account succeeds.
fn unblock(params: &Params, accounts: &Mutex<Accounts>) -> Result<Reply, ApiError> {
    let accid = params.accid()?;
    lock(accounts).existing(&accid)?.blocked = false;
    Ok(Reply::ok())
}

/// A new token: 32 lowercase hex characters (128 bits) from the OS CSPRNG. Tokens are login
/// passwords, so there is no predictable fallback: if the OS generator fails, the request
/// fails with 500.
pub(crate) fn new_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|_| ApiError::new(Code::InternalError, "cannot generate a token"))?;
    Ok(hex::encode(bytes))
}
