//! The account store, shared by every family that reads or changes accounts (v1 `user/*`,
//! v2 `accounts` and `users`): one record per account, whichever protocol made or changed it.

use std::collections::HashMap;

use nim_core::{Code, desc};

use crate::reply::ApiError;

/// One IM account as the emulator stores it, returned by
/// [`Emulator::account`](crate::Emulator::account).
///
/// Optional profile fields are `None` when the create request did not set them (or set them
/// empty).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Account {
    /// The account id, lowercased as the server stores it.
    pub accid: String,
    /// The current login token.
    pub token: String,
    /// `name`, the display name.
    pub name: Option<String>,
    /// `props` (deprecated by the API, still stored).
    pub props: Option<String>,
    /// `icon`, the avatar URL.
    pub icon: Option<String>,
    /// `sign`, the signature line.
    pub sign: Option<String>,
    /// `email`.
    pub email: Option<String>,
    /// `birth`.
    pub birth: Option<String>,
    /// `mobile`.
    pub mobile: Option<String>,
    /// `gender`: 0 unknown, 1 male, 2 female.
    pub gender: Option<u8>,
    /// `ex`, the developer's extension field.
    pub ex: Option<String>,
    /// Whether the account is banned (`block.action`; cleared by `unblock.action`).
    pub blocked: bool,
    /// Whether the latest block asked to kick the account's sessions (`needkick=true`).
    pub kicked: bool,
    /// The `kickNotifyExt` of the latest block, if it had one.
    pub kick_notify_ext: Option<String>,
    /// How many times the token was replaced by `update.action` or `refreshToken.action`.
    pub token_changes: u32,
    /// Globally muted (v1 `user/mute.action`): no sending in 1:1 chats, teams or chat rooms.
    pub muted: bool,
    /// Muted in 1:1 chats (v1 `muteP2P`, v2 `p2p_chat_banned`).
    pub mute_p2p: bool,
    /// Muted in teams (v1 `muteTeam`, v2 `team_chat_banned`).
    pub mute_team: bool,
    /// Muted in chat rooms (v1 `muteRoom`, v2 `chatroom_chat_banned`).
    pub mute_room: bool,
    /// Muted in QChat (v1 `muteQChat`, v2 `qchat_chat_banned`).
    pub mute_qchat: bool,
    /// No mobile push while a desktop client is online (v1 `setDonnop` `donnopOpen=true`; the
    /// opposite of v2 `push_enabled_when_desktop_online`).
    pub donnop: bool,
    /// The account's online sessions, as a test set them (the emulator has no IM clients).
    pub sessions: Vec<Session>,
    /// Accounts this one has blacklisted (v1 `setSpecialRelation`, `relationType=1`), sorted.
    pub blacklist: Vec<String>,
    /// Accounts this one has muted (v1 `setSpecialRelation`, `relationType=2`), sorted.
    pub mutelist: Vec<String>,
    /// The state clock's time (Unix seconds) when the account was created.
    pub created_at: u64,
}

/// One logged-in client of an account, set by a test (admin route or
/// [`Emulator::set_sessions`](crate::Emulator::set_sessions)).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Session {
    /// The client type: 1 Android, 2 iOS, 4 PC, 16 Web, 64 Mac, 65 HarmonyOS.
    pub client_type: u32,
    /// The device id, which v2 `kickAccount` selects devices by.
    pub device_id: String,
    /// Login time, Unix milliseconds.
    pub login_time: u64,
}

impl Session {
    /// A session of `client_type` on `device_id`, logged in at `login_time` (Unix ms).
    pub fn new(client_type: u32, device_id: impl Into<String>, login_time: u64) -> Session {
        Session {
            client_type,
            device_id: device_id.into(),
            login_time,
        }
    }
}

impl Account {
    /// A fresh, unbanned account with just an id and a token.
    pub(crate) fn new(accid: String, token: String) -> Account {
        Account {
            accid,
            token,
            ..Account::default()
        }
    }

    /// Sets the per-module mutes that are given (1:1, team, chat room, QChat), leaving the
    /// others as they are: what v1 `muteModule` and v2 `configuration` both do.
    pub(crate) fn set_module_mutes(&mut self, mutes: [Option<bool>; 4]) {
        let flags = [
            &mut self.mute_p2p,
            &mut self.mute_team,
            &mut self.mute_room,
            &mut self.mute_qchat,
        ];
        for (flag, value) in flags.into_iter().zip(mutes) {
            if let Some(value) = value {
                *flag = value;
            }
        }
    }
}

/// The most accounts one account may blacklist, and (separately) mute: documented for v1
/// `setSpecialRelation`; v2 block and mute contacts share the lists, so they share the cap.
pub(crate) const RELATION_LIST_MAX: usize = 3000;

/// Every account, keyed by lowercased accid. Accounts are never deleted: banning is the end
/// of an account's life, as in the real service.
#[derive(Debug, Default)]
pub(crate) struct Accounts {
    by_accid: HashMap<String, Account>,
}

impl Accounts {
    /// Adds `account` (whose accid is already lowercased); 414 `already register` if its accid
    /// exists.
    pub(crate) fn create(&mut self, account: Account) -> Result<(), ApiError> {
        if self.by_accid.contains_key(&account.accid) {
            return Err(ApiError::param(desc::ALREADY_REGISTER));
        }
        self.by_accid.insert(account.accid.clone(), account);
        Ok(())
    }

    /// The account `accid` (any case), for a change; 414 `accid X not register` if unknown.
    pub(crate) fn existing(&mut self, accid: &str) -> Result<&mut Account, ApiError> {
        let accid = accid.to_ascii_lowercase();
        match self.by_accid.get_mut(&accid) {
            Some(account) => Ok(account),
            None => Err(ApiError::param(format!(
                "accid {accid} {}",
                desc::NOT_REGISTER
            ))),
        }
    }

    /// The account `accid` (any case), for a change, if it exists.
    pub(crate) fn find_mut(&mut self, accid: &str) -> Option<&mut Account> {
        self.by_accid.get_mut(&accid.to_ascii_lowercase())
    }

    /// The account `accid` (any case), if it exists.
    pub(crate) fn find(&self, accid: &str) -> Option<&Account> {
        self.by_accid.get(&accid.to_ascii_lowercase())
    }

    /// Whether `accid` (any case) exists.
    pub(crate) fn contains(&self, accid: &str) -> bool {
        self.by_accid.contains_key(&accid.to_ascii_lowercase())
    }

    /// A copy of the account `accid` (any case).
    pub(crate) fn get(&self, accid: &str) -> Option<Account> {
        self.by_accid.get(&accid.to_ascii_lowercase()).cloned()
    }

    /// Copies of every account, sorted by accid.
    pub(crate) fn all(&self) -> Vec<Account> {
        let mut all: Vec<Account> = self.by_accid.values().cloned().collect();
        all.sort_by(|a, b| a.accid.cmp(&b.accid));
        all
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_and_unknown() {
        let mut accounts = Accounts::default();
        accounts
            .create(Account::new("zhangsan".into(), "t".into()))
            .unwrap();
        let dup = accounts.create(Account::new("zhangsan".into(), "u".into()));
        assert_eq!(dup, Err(ApiError::param("already register")));
        assert!(accounts.existing("ZhangSan").is_ok());
        assert_eq!(
            accounts.existing("LiSi").err(),
            Some(ApiError::param("accid lisi not register"))
        );
    }
}
