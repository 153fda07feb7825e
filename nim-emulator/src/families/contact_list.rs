//! What v2 block contacts (`/im/v2/block_contacts`) and mute contacts
//! (`/im/v2/mute_contacts`) share: the same three handlers, run on one of the two lists v1
//! `user/setSpecialRelation` keeps (`Account::blacklist`, `Account::mutelist`). An entry
//! made through either protocol is listed by both, and the cap is one cap.
//!
//! Codes ("doc": a source states it; "choice": the emulator's, as no source gives one for
//! these families):
//!
//! | case | v2 answer | |
//! |---|---|---|
//! | missing or malformed field, `limit` outside 1..=100, a `page_token` not given out here | 414 | doc (v2 generic code) |
//! | `account_id` equals `contact_account_id` | 414 | choice (v1 `friend/add` refuses itself with 414) |
//! | unknown `account_id` or `contact_account_id` | 102404 | choice, as the v2 account family answers |
//! | list full: 3000 entries, shared with v1 (v1 answers 419) | **106419** | choice: v1's 419 in the v2 `<family><v1 code>` pattern; the cap is documented for v1 only |
//! | adding an entry twice | 200, nothing changes | choice (v1 does the same) |
//! | removing an account that is not listed | 200 | choice (v1 does the same) |
//!
//! The list answers `{has_more, next_token, items}` with `items` the contact ids (strings),
//! sorted; `next_token` is the last id of the page and continues after it, so a page never
//! repeats an id even if the list changes between pages.

use std::sync::{Arc, Mutex};

use serde_json::json;

use super::v2_common::{body_account_id, not_found, path_account_id, query_account_id};
use crate::accounts::{Account, Accounts, RELATION_LIST_MAX};
use crate::call::Call;
use crate::lock;
use crate::params::check_accid;
use crate::reply::{ApiError, Reply};
use crate::router::{Registry, Route};

/// v2: the block or mute list is full (the emulator's choice, see the module doc).
pub(super) const V2_LIST_FULL: u32 = 106419;

/// The largest and default `limit` of a list page (Java SDK Javadoc).
const PAGE_MAX: usize = 100;

/// Which of an account's two lists a family works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The block list: v1 blacklist (`relationType=1`).
    Block,
    /// The mute list: v1 mutelist (`relationType=2`).
    Mute,
}

impl Kind {
    fn list(self, a: &Account) -> &Vec<String> {
        match self {
            Kind::Block => &a.blacklist,
            Kind::Mute => &a.mutelist,
        }
    }

    fn list_mut(self, a: &mut Account) -> &mut Vec<String> {
        match self {
            Kind::Block => &mut a.blacklist,
            Kind::Mute => &mut a.mutelist,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Block => "block list",
            Kind::Mute => "mute list",
        }
    }
}

/// What the block and mute handlers borrow.
pub(super) struct State {
    accounts: Arc<Mutex<Accounts>>,
    kind: Kind,
}

/// Registers a family's `routes`, its handlers working on the `kind` list.
pub(super) fn register(registry: &mut Registry, kind: Kind, routes: &[Route<State>]) {
    let state = State {
        accounts: registry.shared::<Accounts>(),
        kind,
    };
    registry.routes(state, routes);
}

/// 414 when an account names itself.
fn not_self(owner: &str, contact: &str) -> Result<(), ApiError> {
    if owner == contact {
        return Err(ApiError::param(
            "contact_account_id must not be account_id itself",
        ));
    }
    Ok(())
}

/// Runs `change` on the list of `owner`, after checking both accounts exist (102404).
fn with_list<T>(
    state: &State,
    owner: &str,
    contact: &str,
    change: impl FnOnce(&mut Vec<String>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let mut accounts = lock(&state.accounts);
    if !accounts.contains(owner) {
        return Err(not_found(owner));
    }
    if !accounts.contains(contact) {
        return Err(not_found(contact));
    }
    let a = accounts.find_mut(owner).ok_or_else(|| not_found(owner))?;
    change(state.kind.list_mut(a))
}

/// `POST` with `{account_id, contact_account_id}`: adds the contact (a no-op if listed).
/// data `{}`.
pub(super) fn add(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let body = call.json()?;
    let owner = body_account_id(&body, "account_id")?;
    let contact = body_account_id(&body, "contact_account_id")?;
    not_self(&owner, &contact)?;
    with_list(state, &owner, &contact, |list| {
        if let Err(at) = list.binary_search(&contact) {
            if list.len() >= RELATION_LIST_MAX {
                return Err(ApiError::with_code(
                    V2_LIST_FULL,
                    format!(
                        "{} is full: at most {RELATION_LIST_MAX} accounts",
                        state.kind.name()
                    ),
                ));
            }
            list.insert(at, contact.clone());
        }
        Ok(())
    })?;
    Ok(Reply::ok_data(json!({})))
}

/// `DELETE .../{account_id}?contact_account_id=` (the Java SDK; the older Go SDK sends it
/// in a JSON body, also accepted): removes the contact (a no-op if not listed). data `{}`.
pub(super) fn remove(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = path_account_id(call)?;
    let contact = match call.query_param("contact_account_id") {
        Some(contact) => {
            check_accid("contact_account_id", &contact)?;
            contact.to_ascii_lowercase()
        }
        None => body_account_id(&call.json()?, "contact_account_id")?,
    };
    not_self(&owner, &contact)?;
    with_list(state, &owner, &contact, |list| {
        if let Ok(at) = list.binary_search(&contact) {
            list.remove(at);
        }
        Ok(())
    })?;
    Ok(Reply::ok_data(json!({})))
}

/// `GET ?account_id&page_token&limit` (`limit` 1..=100, default 100): data `{has_more,
/// next_token, items}`, the contact ids sorted.
pub(super) fn list(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let owner = query_account_id(call, "account_id")?;
    let limit = call.page_limit(PAGE_MAX)?;
    let after = call
        .query_param("page_token")
        .map(|t| t.to_ascii_lowercase());
    if let Some(token) = &after
        && check_accid("page_token", token).is_err()
    {
        return Err(ApiError::param(
            "page_token is not a token this server gave out: use the previous next_token",
        ));
    }
    let accounts = lock(&state.accounts);
    let a = accounts.find(&owner).ok_or_else(|| not_found(&owner))?;
    let list = state.kind.list(a);
    let start = after
        .as_deref()
        .map_or(0, |t| list.partition_point(|id| id.as_str() <= t));
    let rest = list.get(start..).unwrap_or_default();
    let has_more = rest.len() > limit;
    let items: Vec<&String> = rest.iter().take(limit).collect();
    let next = match items.last() {
        Some(last) if has_more => (*last).clone(),
        _ => String::new(),
    };
    Ok(Reply::ok_data(
        json!({ "has_more": has_more, "next_token": next, "items": items }),
    ))
}
