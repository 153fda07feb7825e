//! The accounts of one emulator instance and the state changes the five actions make.

use std::collections::HashMap;

use nim_core::desc;

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
}

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
