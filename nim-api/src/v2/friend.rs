//! v2 `friend` family: add, delete, update, accept or reject, read and list an account's
//! friends (`/im/v2.1/friends`).
//!
//! **Paths.** Both official SDKs' current versions send `/im/v2.1/friends...` for every friend
//! operation except deleteFriend, which stays on `/im/v2/friends/{account_id}`; we follow
//! the SDKs. The official doc pages (handle and list) still show `/im/v2/friends...`; the
//! emulator serves both.
//!
//! **Texts.** `alias` is at most 128 characters and `extension` at most 256 (Java SDK
//! Javadoc; the official handle page gives the same). `customer_extension` (settable only by
//! server APIs) and `postscript` have no documented limit, so none is checked here.
//! `Some("")` is sent as `""`: in v1 an empty value clears the field; for v2 this is
//! UNCONFIRMED.
//!
//! **Self.** An account cannot be its own friend: every action here refuses, before sending,
//! a `friend_account_id` equal to `account_id` (ASCII case ignored). This is a client-side
//! rule; the server's own answer to such a request is not documented.
//!
//! The friend limit (3000 per account) is v1's; for v2 it is UNCONFIRMED.

use serde::Deserialize;

use crate::Accid;
use crate::wire::int_enum;

int_enum! {
    /// How [`AddFriend`] adds (`type`, in the query).
    pub enum AddFriendType: u8 {
        /// Add directly, without the other side's consent (`1`, the server's default).
        Direct = 1,
        /// Send a friend request the other side accepts or rejects (`2`) with
        /// [`HandleFriendAddition`].
        Verify = 2,
    }
}

int_enum! {
    /// What [`HandleFriendAddition`] does with a friend request (`type`, in the query).
    pub enum FriendAdditionAction: u8 {
        /// Accept it (`3`, the server's default when `type` is absent).
        Accept = 3,
        /// Reject it (`4`).
        Reject = 4,
    }
}

/// `POST /im/v2.1/friends` (addFriend): `account_id` adds `friend_account_id`, directly or
/// by a friend request ([`AddFriendType`]).
///
/// `type` goes in the **query**, as the Java SDK sends it (the official handle page puts its
/// sibling `type` in the query too); the Go SDK sends it in the body. Unset, the server adds
/// directly. `postscript` is the request's message (for [`AddFriendType::Verify`]); it is
/// moderated (Java Javadoc). Limits: see the [module](self).
///
/// Not idempotent: the add notifies both accounts' clients (a request is delivered to the
/// other side), so a retry could notify twice; what the server answers for an existing
/// friendship is UNCONFIRMED.
///
/// ```
/// use nim_api::v2::friend::{AddFriend, AddFriendType};
/// # use nim_api::Endpoint as _;
/// let request = AddFriend::new("ZhangSan", "lisi")
///     .add_type(AddFriendType::Verify)
///     .alias("Li")
///     .postscript("hi, it's Zhang");
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/friends?type=2");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"account_id":"zhangsan","friend_account_id":"lisi","alias":"Li","postscript":"hi, it's Zhang"}"#,
/// );
/// assert_eq!(AddFriend::new("zhangsan", "ZHANGSAN").validate().unwrap_err().field(), "friend_account_id");
/// assert_eq!(request.alias("a".repeat(129)).validate().unwrap_err().field(), "alias");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/friends", setters, distinct = [account_id, friend_account_id],
      response = Friend)]
pub struct AddFriend {
    /// How to add (`type`, query): directly (server default) or by request.
    #[nim(query, rename = "type")]
    pub add_type: Option<AddFriendType>,
    /// The account that adds.
    pub account_id: Accid,
    /// The account added; not `account_id` itself.
    pub friend_account_id: Accid,
    /// The adder's alias for the friend, at most 128 characters.
    #[nim(max_len = 128)]
    pub alias: Option<String>,
    /// Extension, at most 256 characters; clients read and write it (their
    /// `serverExtension`).
    #[nim(max_len = 256)]
    pub extension: Option<String>,
    /// Extension only server APIs can set; clients get it as is. No documented limit.
    pub customer_extension: Option<String>,
    /// The request's message (for [`AddFriendType::Verify`]); moderated. No documented limit
    /// (v1's was 256).
    pub postscript: Option<String>,
}

/// `DELETE /im/v2/friends/{account_id}` (deleteFriend): ends a friendship, optionally
/// deleting the alias too. Answers nothing beyond success.
///
/// The only friend operation on `/im/v2/` (both SDKs). `friend_account_id` and
/// `delete_alias` go in the **query**, as the Java SDK (and, per the inventory, the Go SDK's
/// current version) sends them; the older Go SDK sent a JSON body. No official page was
/// found, so the location is UNCONFIRMED by the docs.
///
/// Idempotent: deleting twice leaves the same state.
///
/// ```
/// use nim_api::v2::friend::DeleteFriend;
/// # use nim_api::Endpoint as _;
/// let encoded = DeleteFriend::new("zhangsan", "LiSi").delete_alias(true).encode().unwrap();
/// assert_eq!(encoded.method.as_str(), "DELETE");
/// assert_eq!(encoded.path, "/im/v2/friends/zhangsan?friend_account_id=lisi&delete_alias=true");
/// assert!(encoded.body.is_none());
/// assert_eq!(DeleteFriend::new("lisi", "LiSi").validate().unwrap_err().field(), "friend_account_id");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/friends/{account_id}", method = "DELETE", idempotent, setters,
      distinct = [account_id, friend_account_id])]
pub struct DeleteFriend {
    /// The account whose friend is deleted.
    #[nim(path)]
    pub account_id: Accid,
    /// The friend; not `account_id` itself.
    #[nim(query)]
    pub friend_account_id: Accid,
    /// Delete the alias too (default `false`).
    #[nim(query)]
    pub delete_alias: Option<bool>,
}

/// `PATCH /im/v2.1/friends/{account_id}` (updateFriend): changes the alias and extensions
/// `account_id` keeps for a friend; only the members set change.
///
/// `account_id` is sent in the path only (both SDKs keep it out of the body). `Some("")` is
/// sent as `""`; that it clears the member is UNCONFIRMED for v2. Limits: see the
/// [module](self).
///
/// Idempotent: it sets values.
///
/// ```
/// use nim_api::v2::friend::UpdateFriend;
/// # use nim_api::Endpoint as _;
/// let encoded = UpdateFriend::new("zhangsan", "lisi").alias("").extension(r#"{"tag":1}"#).encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/friends/zhangsan");
/// assert_eq!(encoded.body.unwrap().1, r#"{"friend_account_id":"lisi","alias":"","extension":"{\"tag\":1}"}"#);
/// let long = UpdateFriend::new("zhangsan", "lisi").extension("x".repeat(257));
/// assert_eq!(long.validate().unwrap_err().field(), "extension");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/friends/{account_id}", method = "PATCH", idempotent, setters,
      distinct = [account_id, friend_account_id], response = Friend)]
pub struct UpdateFriend {
    /// The account whose friend entry changes.
    #[nim(path)]
    pub account_id: Accid,
    /// The friend; not `account_id` itself.
    pub friend_account_id: Accid,
    /// The alias, at most 128 characters.
    #[nim(max_len = 128)]
    pub alias: Option<String>,
    /// Extension, at most 256 characters.
    #[nim(max_len = 256)]
    pub extension: Option<String>,
    /// Server-only extension. No documented limit.
    pub customer_extension: Option<String>,
}

/// `POST /im/v2.1/friends/actions/handle_friend_addition` (handleFriendAddition):
/// `account_id` accepts or rejects the friend request `friend_account_id` sent
/// ([`AddFriendType::Verify`]).
///
/// `type` goes in the **query** with 3 = accept, 4 = reject, as the official page (and its
/// Apifox twin) documents; the Java SDK also repeats it in the body, and the older Go SDK
/// sent `handle_type` 1/2 in the body instead, which contradicts the page. The server
/// accepts when `type` is absent; here the caller always says which
/// ([`FriendAdditionAction`] is an argument of `new`). Limits: see the [module](self); the
/// alias and extensions apply when accepting.
///
/// The answer is the friend entry when accepted (Java Javadoc); what a reject answers is
/// UNCONFIRMED, hence [`HandledFriendAddition`], whose `friend` is `None` when `data` is
/// absent, `null`, or an entry naming no friend (`{}`).
///
/// Not idempotent: once handled, the request is gone, so a retry may fail.
///
/// ```
/// use nim_api::v2::friend::{FriendAdditionAction, HandleFriendAddition};
/// # use nim_api::Endpoint as _;
/// let request = HandleFriendAddition::new("lisi", "zhangsan", FriendAdditionAction::Reject)
///     .postscript("sorry");
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2.1/friends/actions/handle_friend_addition?type=4");
/// assert_eq!(encoded.body.unwrap().1, r#"{"account_id":"lisi","friend_account_id":"zhangsan","postscript":"sorry"}"#);
/// let own = HandleFriendAddition::new("lisi", "lisi", FriendAdditionAction::Accept);
/// assert_eq!(own.validate().unwrap_err().field(), "friend_account_id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/friends/actions/handle_friend_addition", setters,
      distinct = [account_id, friend_account_id], response = HandledFriendAddition)]
pub struct HandleFriendAddition {
    /// The account that received the request and handles it.
    pub account_id: Accid,
    /// The account that sent the request; not `account_id` itself.
    pub friend_account_id: Accid,
    /// Accept (`3`) or reject (`4`) (`type`, query).
    #[nim(query, rename = "type")]
    pub handle_type: FriendAdditionAction,
    /// The handler's alias for the new friend, at most 128 characters.
    #[nim(max_len = 128)]
    pub alias: Option<String>,
    /// Extension, at most 256 characters.
    #[nim(max_len = 256)]
    pub extension: Option<String>,
    /// Server-only extension. No documented limit.
    pub customer_extension: Option<String>,
    /// The handler's message to the requester. No documented limit.
    pub postscript: Option<String>,
}

/// [`HandleFriendAddition`]'s answer: the new friend entry when accepted.
///
/// ```
/// use nim_api::v2::friend::HandledFriendAddition;
///
/// let accepted: HandledFriendAddition =
///     serde_json::from_str(r#"{"friend_account_id":"zhangsan","alias":"Zhang"}"#).unwrap();
/// assert_eq!(accepted.friend.unwrap().alias.as_deref(), Some("Zhang"));
/// for rejected in ["{}", "null"] {
///     let answer: HandledFriendAddition = serde_json::from_str(rejected).unwrap();
///     assert!(answer.friend.is_none());
/// }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct HandledFriendAddition {
    /// The accepter's entry for the new friend; `None` after a reject.
    pub friend: Option<Friend>,
}

impl<'de> Deserialize<'de> for HandledFriendAddition {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // An empty object (what a reject may answer) names no friend: not an entry.
        let friend = Option::<Friend>::deserialize(d)?.filter(|f| !f.friend_account_id.is_empty());
        Ok(HandledFriendAddition { friend })
    }
}

/// `GET /im/v2.1/friends/{account_id}?friend_account_id=...` (getFriend): one friend entry
/// of `account_id`. The code answered when they are not friends is UNCONFIRMED.
///
/// ```
/// use nim_api::v2::friend::GetFriend;
/// # use nim_api::Endpoint as _;
/// let encoded = GetFriend::new("zhangsan", "LiSi").encode().unwrap();
/// assert_eq!((encoded.method.as_str(), encoded.path.as_str()), ("GET", "/im/v2.1/friends/zhangsan?friend_account_id=lisi"));
/// assert_eq!(GetFriend::new("zhangsan", "zhang san").validate().unwrap_err().field(), "friend_account_id");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/friends/{account_id}", method = "GET", idempotent, setters,
      distinct = [account_id, friend_account_id], response = Friend)]
pub struct GetFriend {
    /// The account whose friend is read.
    #[nim(path)]
    pub account_id: Accid,
    /// The friend; not `account_id` itself.
    #[nim(query)]
    pub friend_account_id: Accid,
}

/// `GET /im/v2.1/friends?account_id=...` (listFriends): an account's friends, page by page
/// (`Client::pages` walks them).
///
/// `limit` is 1 to 100 (the server's default and maximum, per the official list page and the
/// Java Javadoc). The official page's intro mentions whether a friendship is mutual, but no
/// such key is documented; it is not read.
///
/// ```
/// use nim_api::v2::friend::ListFriends;
/// # use nim_api::Endpoint as _;
/// let request = ListFriends::new("ZhangSan").page_token("t1").limit(50u32);
/// assert_eq!(request.encode().unwrap().path, "/im/v2.1/friends?account_id=zhangsan&page_token=t1&limit=50");
/// assert_eq!(request.limit(101u32).validate().unwrap_err().field(), "limit");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2.1/friends", method = "GET", idempotent, setters, response = FriendPage)]
pub struct ListFriends {
    /// The account whose friends are listed.
    #[nim(query)]
    pub account_id: Accid,
    /// The previous page's `next_token`; none (or empty) for the first page.
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    /// Friends per page, 1 to 100 (server default 100).
    #[nim(query, min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A friend entry: what add, update, handle and get answer, and an item of
/// [`FriendPage`].
///
/// Every member is optional on the wire. `create_time` and `update_time` are read by the
/// older Go SDK only (UNCONFIRMED). The official Apifox page spells `customerExtension`;
/// that spelling is read too.
///
/// ```
/// use nim_api::v2::friend::Friend;
///
/// let friend: Friend = serde_json::from_str(
///     r#"{"friend_account_id":"lisi","alias":"Li","extension":"{}","customer_extension":"vip"}"#,
/// ).unwrap();
/// assert_eq!((friend.friend_account_id.as_str(), friend.alias.as_deref()), ("lisi", Some("Li")));
/// let apifox: Friend = serde_json::from_str(r#"{"friend_account_id":"lisi","customerExtension":"vip"}"#).unwrap();
/// assert_eq!(apifox.customer_extension.as_deref(), Some("vip"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Friend {
    /// The friend.
    #[serde(default)]
    pub friend_account_id: String,
    /// The owner's alias for the friend.
    #[serde(default)]
    pub alias: Option<String>,
    /// Extension.
    #[serde(default)]
    pub extension: Option<String>,
    /// Server-only extension (`customer_extension`, or Apifox's `customerExtension`).
    #[serde(default, alias = "customerExtension")]
    pub customer_extension: Option<String>,
    /// When the friendship began (ms; older Go SDK only, UNCONFIRMED).
    #[serde(default)]
    pub create_time: Option<u64>,
    /// When the entry last changed (ms; older Go SDK only, UNCONFIRMED).
    #[serde(default)]
    pub update_time: Option<u64>,
}

/// A page of friends ([`ListFriends`]). `total` (the whole list's size) is read by the older
/// Go SDK only (UNCONFIRMED).
///
/// ```
/// use nim_api::v2::friend::FriendPage;
///
/// let page: FriendPage = serde_json::from_str(
///     r#"{"has_more":true,"next_token":"t2","items":[{"friend_account_id":"lisi","alias":"Li"}]}"#,
/// ).unwrap();
/// assert_eq!(page.items[0].friend_account_id, "lisi");
/// assert_eq!(page.next_token.as_deref(), Some("t2"));
/// ```
pub type FriendPage = crate::TokenPage<Friend>;

crate::catalogue::family! {
    "v2::friend::";
    AddFriend, DeleteFriend, UpdateFriend, HandleFriendAddition, GetFriend, ListFriends,
}
