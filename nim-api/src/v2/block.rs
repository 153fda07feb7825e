//! v2 `block` family: the accounts an account has blocked (黑名单, block list), whose
//! messages to it are refused, `/im/v2/block_contacts`.
//!
//! The list holds account ids only. The Java SDK cites the official page
//! `doc.yunxin.163.com/messaging2/server-apis/DE0MzMwNTI`, which was not read; the add
//! operation's Apifox page was.
//!
//! **Self.** An account cannot block itself: add and remove refuse, before sending, a
//! `contact_account_id` equal to `account_id` (ASCII case ignored). This is a client-side
//! rule; the server's own answer to such a request is not documented.
//!
//! Error codes are UNCONFIRMED; the list limit (3000 entries per account) is v1's and
//! UNCONFIRMED for v2.

use crate::Accid;

/// `POST /im/v2/block_contacts` (addBlockContact): `account_id` blocks
/// `contact_account_id`. Answers nothing beyond success.
///
/// The official Apifox page marks neither field required; the Java Javadoc says both are,
/// and we follow it (an add without either has no meaning).
///
/// Idempotent: adding an account already listed leaves the same list.
///
/// ```
/// use nim_api::v2::block::AddBlockContact;
/// # use nim_api::Endpoint as _;
/// let encoded = AddBlockContact::new("ZhangSan", "lisi").encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/block_contacts");
/// assert_eq!(encoded.body.unwrap().1, r#"{"account_id":"zhangsan","contact_account_id":"lisi"}"#);
/// let own = AddBlockContact::new("zhangsan", "ZhangSan");
/// assert_eq!(own.validate().unwrap_err().field(), "contact_account_id");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/block_contacts", idempotent, setters,
      distinct = [account_id, contact_account_id])]
pub struct AddBlockContact {
    /// The account whose list changes.
    pub account_id: Accid,
    /// The account added to it; not `account_id` itself.
    pub contact_account_id: Accid,
}

/// `DELETE /im/v2/block_contacts/{account_id}?contact_account_id=...`
/// (removeBlockContact): `account_id` unblocks `contact_account_id`. Answers nothing beyond
/// success.
///
/// `contact_account_id` goes in the **query**, where both SDKs send it. No body is sent.
///
/// Idempotent: removing twice leaves the same list.
///
/// ```
/// use nim_api::v2::block::RemoveBlockContact;
/// # use nim_api::Endpoint as _;
/// let encoded = RemoveBlockContact::new("zhangsan", "lisi").encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(encoded.path, "/im/v2/block_contacts/zhangsan?contact_account_id=lisi");
/// assert!(encoded.body.is_none());
/// let own = RemoveBlockContact::new("zhangsan", "ZHANGSAN");
/// assert_eq!(own.validate().unwrap_err().field(), "contact_account_id");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/block_contacts/{account_id}", method = "DELETE", idempotent, setters,
      distinct = [account_id, contact_account_id])]
pub struct RemoveBlockContact {
    /// The account whose list changes.
    #[nim(path)]
    pub account_id: Accid,
    /// The account removed from it; not `account_id` itself.
    #[nim(query)]
    pub contact_account_id: Accid,
}

/// `GET /im/v2/block_contacts?account_id=...` (listBlockContacts): an account's block list, page
/// by page (`Client::pages` walks them). The answer's items are plain account-id strings.
///
/// `limit` is 1 to 100 (the server's default and maximum, per the Java Javadoc).
///
/// ```
/// use nim_api::TokenPage;
/// use nim_api::v2::block::ListBlockContacts;
/// # use nim_api::Endpoint as _;
/// let request = ListBlockContacts::new("ZhangSan").page_token("t1").limit(20u32);
/// assert_eq!(request.encode().unwrap().path, "/im/v2/block_contacts?account_id=zhangsan&page_token=t1&limit=20");
/// assert_eq!(request.limit(0u32).validate().unwrap_err().field(), "limit");
///
/// let page: TokenPage<String> =
///     serde_json::from_str(r#"{"has_more":false,"next_token":"","items":["lisi","wangwu"]}"#).unwrap();
/// assert_eq!(page.items, ["lisi", "wangwu"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/block_contacts", method = "GET", idempotent, setters,
      response = crate::TokenPage<String>)]
pub struct ListBlockContacts {
    /// The account whose list is read.
    #[nim(query)]
    pub account_id: Accid,
    /// The previous page's `next_token`; none (or empty) for the first page.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Accounts per page, 1 to 100 (server default 100).
    #[nim(query, min = 1, max = 100)]
    pub limit: Option<u32>,
}

crate::catalogue::family! {
    "v2::block::";
    AddBlockContact, RemoveBlockContact, ListBlockContacts,
}
