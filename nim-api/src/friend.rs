//! The v1 `friend/*` actions (好友关系): add (or request, accept, reject), update, delete,
//! list the friends changed since an instant, read one relationship.
//!
//! A friendship is mutual once an add succeeds: each account becomes the other's friend. An
//! account has at most 3000 friends (the server docs; the Web client SDK says 10,000 since
//! its v8.9.0, and which cap applies to these server actions is unconfirmed).
//!
//! Every account is an [`Accid`], checked and sent lowercased. `faccid` must differ from
//! `accid` (compared ignoring ASCII case, as the server lowercases both): the server answers
//! 414 "accid can't same with the faccid" (official FAQ "用户及好友相关"), so nim-rs refuses
//! it before sending. Rate limit: 100 calls per second per app for each (the app-wide
//! default; then 416 and a 10 s block).
//!
//! ```
//! use nim_api::friend::{AddFriend, FriendAddType};
//! # use nim_api::Endpoint as _;
//!
//! let request = AddFriend::new("zhangsan", "lisi", FriendAddType::Request).msg("hi, it's zhangsan");
//! assert!(request.encode().is_ok());
//! ```

use serde::Deserialize;

use crate::Accid;
use crate::wire::{int_enum, json_or_text};

int_enum! {
    /// What [`AddFriend`] does (`type`).
    pub enum FriendAddType: u8 {
        /// Add directly, without the target's consent (`1`).
        Direct = 1,
        /// Send a friend request, which the target accepts or rejects (`2`).
        Request = 2,
        /// Accept a request from `faccid` (`3`).
        Accept = 3,
        /// Reject a request from `faccid` (`4`).
        Reject = 4,
    }
}

/// `friend/add.action`: adds a friend directly (`type` 1), sends a friend request (2), or
/// accepts (3) or rejects (4) a request from `faccid`.
///
/// `msg` (the request's text) and `serverex` (an extension clients can read but only the
/// server API can write) are at most 256 characters each. Adding yourself is refused before
/// sending (the server answers 414). Not documented, and so not checked: what the server
/// answers when the target is already a friend, when `faccid` does not exist, when the
/// 3000-friend cap is reached (probably 419), or when there is no request to accept or
/// reject.
///
/// `type` is a required argument here: the docs mark it required; the Java SDK (before its
/// 2025-08 rewrite) sent `type=0` when unset, and the Go SDK drops it. Not idempotent (a
/// request notifies the target each time).
///
/// ```
/// use nim_api::friend::{AddFriend, FriendAddType};
/// # use nim_api::Endpoint as _;
///
/// let request = AddFriend::new("ZhangSan", "lisi", FriendAddType::Request)
///     .msg("hi")
///     .serverex(r#"{"source":"search"}"#);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "accid=zhangsan&faccid=lisi&type=2&msg=hi&serverex=%7B%22source%22%3A%22search%22%7D"
/// );
/// // Adding yourself: refused before sending.
/// let myself = AddFriend::new("zhangsan", "ZhangSan", FriendAddType::Direct);
/// assert_eq!(myself.validate().unwrap_err().field(), "faccid");
/// assert!(request.msg("x".repeat(257)).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "friend/add.action", setters, distinct = [accid, faccid])]
pub struct AddFriend {
    /// The account that adds (or requests, accepts, rejects).
    pub accid: Accid,
    /// The other account: the one added or asked, or whose request is answered.
    pub faccid: Accid,
    /// What to do (`type`): add directly, request, accept or reject.
    #[nim(rename = "type")]
    pub kind: FriendAddType,
    /// The request's text, at most 256 characters.
    #[nim(max_len = 256)]
    pub msg: Option<String>,
    /// The server extension, at most 256 characters: clients can read it, only the server
    /// API can write it.
    #[nim(max_len = 256)]
    pub serverex: Option<String>,
}

/// `friend/update.action`: changes `accid`'s entry for its friend `faccid`: the remark name
/// (`alias`, at most 128 characters) and the extensions (`ex` and `serverex`, at most 256
/// characters each).
///
/// An unset field is not sent and stays as it is; **`Some("")` is sent and clears the
/// field**, as the docs allow (the Go SDK drops empty text and so cannot clear; the Java
/// SDK sends it, as nim-rs does). What the server answers for an account that is not a
/// friend is not documented. Idempotent.
///
/// ```
/// use nim_api::friend::UpdateFriend;
/// # use nim_api::Endpoint as _;
///
/// let request = UpdateFriend::new("zhangsan", "lisi").alias("Li").ex("");
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&faccid=lisi&alias=Li&ex=");
/// let long = request.alias("名".repeat(129));
/// assert_eq!(long.validate().unwrap_err().field(), "alias");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "friend/update.action", idempotent, setters, distinct = [accid, faccid])]
pub struct UpdateFriend {
    /// The account whose friend entry changes.
    pub accid: Accid,
    /// The friend.
    pub faccid: Accid,
    /// The remark name, at most 128 characters; `""` clears it.
    #[nim(max_len = 128)]
    pub alias: Option<String>,
    /// The extension, at most 256 characters; `""` clears it.
    #[nim(max_len = 256)]
    pub ex: Option<String>,
    /// The server extension (clients read it, only the server API writes it), at most 256
    /// characters; `""` clears it.
    #[nim(max_len = 256)]
    pub serverex: Option<String>,
}

/// `friend/delete.action`: ends the friendship of `accid` with `faccid`, optionally deleting
/// the remark name too (`isDeleteAlias`, default `false`).
///
/// Not documented: whether the other side's entry goes too, and what deleting a non-friend
/// answers. Idempotent (deleting twice leaves the same state; a repeat may still answer an
/// error).
///
/// ```
/// use nim_api::friend::DeleteFriend;
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteFriend::new("zhangsan", "lisi").is_delete_alias(true);
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&faccid=lisi&isDeleteAlias=true");
/// assert_eq!(DeleteFriend::new("lisi", "LISI").validate().unwrap_err().field(), "faccid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "friend/delete.action", idempotent, setters, distinct = [accid, faccid])]
pub struct DeleteFriend {
    /// The account that deletes.
    pub accid: Accid,
    /// The friend to remove.
    pub faccid: Accid,
    /// Also delete the remark name (`isDeleteAlias`; the server's default is `false`).
    #[nim(rename = "isDeleteAlias")]
    pub is_delete_alias: Option<bool>,
}

/// `friend/get.action`: `accid`'s friends whose entries changed after `updatetime`
/// (milliseconds).
///
/// `updatetime` is required and always sent, `0` included (the Go SDK drops a 0 and so
/// sends no `updatetime` at all); reading `0` as "every friend" is the likely meaning but
/// undocumented. The legacy docs also name `createtime`, a deprecated alias of `updatetime`
/// that neither the current docs nor the official SDKs have: it is not declared. Whether the
/// answer is capped or paged is not documented. Idempotent.
///
/// ```
/// use nim_api::friend::GetFriendList;
/// # use nim_api::Endpoint as _;
///
/// let request = GetFriendList::new("ZhangSan", 0u64);
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&updatetime=0");
/// assert_eq!(GetFriendList::new("", 0u64).validate().unwrap_err().field(), "accid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "friend/get.action", idempotent, setters, response = FriendList)]
pub struct GetFriendList {
    /// The account whose friends are listed.
    pub accid: Accid,
    /// Only friends updated after this instant, in milliseconds (`0`: presumably all).
    pub updatetime: u64,
}

/// `friend/getByAccid.action`: the relationship of `accid` with one other account.
///
/// What the server answers when the two are not friends is not documented (no `friend`
/// member, `null`, or an error such as 404): both of the first two read as
/// [`FriendRelationship::friend`] `None`; an error stays an error. Idempotent.
///
/// ```
/// use nim_api::friend::GetFriendRelationship;
/// # use nim_api::Endpoint as _;
///
/// let request = GetFriendRelationship::new("zhangsan", "LiSi");
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&faccid=lisi");
/// let myself = GetFriendRelationship::new("zhangsan", "zhangsan");
/// assert_eq!(myself.validate().unwrap_err().field(), "faccid");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "friend/getByAccid.action", idempotent, setters, response = FriendRelationship,
      distinct = [accid, faccid])]
pub struct GetFriendRelationship {
    /// The account asking.
    pub accid: Accid,
    /// The other account.
    pub faccid: Accid,
}

/// One friend entry, as [`GetFriendList`] and [`GetFriendRelationship`] answer it.
///
/// The docs' list example has only `faccid`, `createtime`, `bidirection` and `alias`; the
/// single-relationship example adds `updatetime`, `ex` and `serverex` (which may be JSON
/// `null`). Every member but `faccid` is optional here.
///
/// ```
/// use nim_api::friend::FriendEntry;
///
/// let entry: FriendEntry = serde_json::from_str(
///     r#"{"createtime":1440037706987,"bidirection":true,"faccid":"t2","alias":"Tom"}"#,
/// ).unwrap();
/// assert_eq!((entry.faccid.as_str(), entry.bidirection), ("t2", true));
/// assert_eq!((entry.alias.as_deref(), entry.updatetime), (Some("Tom"), None));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FriendEntry {
    /// The friend.
    #[serde(default)]
    pub faccid: String,
    /// When the friendship was made, in milliseconds.
    #[serde(default)]
    pub createtime: Option<u64>,
    /// When the entry last changed, in milliseconds.
    #[serde(default)]
    pub updatetime: Option<u64>,
    /// Whether the friendship is mutual (`false` when absent).
    #[serde(default)]
    pub bidirection: bool,
    /// The remark name.
    #[serde(default)]
    pub alias: Option<String>,
    /// The extension.
    #[serde(default)]
    pub ex: Option<String>,
    /// The server extension.
    #[serde(default)]
    pub serverex: Option<String>,
}

/// The answer to [`GetFriendList`] (top-level `size` and `friends`). `friends` may come as
/// a JSON array or as text holding one (the docs type it "String"; both official SDKs
/// accept either); both read the same.
///
/// ```
/// use nim_api::friend::FriendList;
///
/// let answer: FriendList = serde_json::from_str(
///     r#"{"code":200,"size":1,"friends":[{"createtime":1440037706987,"bidirection":false,
///         "faccid":"lisi","alias":"Li"}]}"#,
/// ).unwrap();
/// assert_eq!(answer.size, Some(1));
/// assert_eq!(answer.friends[0].faccid, "lisi");
/// let as_text: FriendList = serde_json::from_str(
///     r#"{"code":200,"size":1,"friends":"[{\"createtime\":1440037706987,\"bidirection\":false,\"faccid\":\"lisi\",\"alias\":\"Li\"}]"}"#,
/// ).unwrap();
/// assert_eq!(as_text, answer);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FriendList {
    /// How many friends the answer holds, as the server counts them.
    #[serde(default)]
    pub size: Option<u64>,
    /// The friends updated after the requested instant.
    #[serde(default, deserialize_with = "json_or_text")]
    pub friends: Vec<FriendEntry>,
}

/// The answer to [`GetFriendRelationship`] (top-level `friend`, an object or text holding
/// one).
///
/// `friend` is `None` when the answer has no `friend` member or a `null` one; reading that
/// as "not friends" is a guess (**unconfirmed**: the docs show no such answer).
///
/// ```
/// use nim_api::friend::FriendRelationship;
///
/// let answer: FriendRelationship = serde_json::from_str(
///     r#"{"code":200,"friend":{"createtime":1440037706987,"ex":null,"bidirection":true,
///         "faccid":"t2","serverex":null,"updatetime":1440037706987}}"#,
/// ).unwrap();
/// let friend = answer.friend.unwrap();
/// assert!(friend.bidirection);
/// assert_eq!((friend.ex, friend.updatetime), (None, Some(1440037706987)));
/// let none: FriendRelationship = serde_json::from_str(r#"{"code":200}"#).unwrap();
/// assert!(none.friend.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct FriendRelationship {
    /// The entry, when the server gave one.
    #[serde(default, deserialize_with = "json_or_text")]
    pub friend: Option<FriendEntry>,
}

crate::catalogue::family! {
    "friend::";
    AddFriend, UpdateFriend, DeleteFriend, GetFriendList, GetFriendRelationship,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Endpoint as _;
    use crate::decode::decode;

    #[test]
    fn answers_decode_from_the_top_level() {
        assert!(decode::<AddFriend>(br#"{"code":200}"#).is_ok());
        assert!(decode::<UpdateFriend>(br#"{"code":200}"#).is_ok());
        assert!(decode::<DeleteFriend>(br#"{"code":200}"#).is_ok());
        let list = decode::<GetFriendList>(br#"{"code":200,"size":0,"friends":[]}"#).unwrap();
        assert!(list.friends.is_empty());
        let text = decode::<GetFriendRelationship>(
            br#"{"code":200,"friend":"{\"faccid\":\"t2\",\"bidirection\":true}"}"#,
        )
        .unwrap();
        assert_eq!(text.friend.map(|f| f.faccid).as_deref(), Some("t2"));
        let null = decode::<GetFriendRelationship>(br#"{"code":200,"friend":null}"#).unwrap();
        assert_eq!(null.friend, None);
        let refused =
            decode::<AddFriend>(br#"{"code":414,"desc":"accid can't same with the faccid"}"#)
                .unwrap_err();
        assert_eq!(refused.api_code(), Some(414));
    }

    #[test]
    fn faccid_differs_from_accid_only_beyond_case() {
        let err = UpdateFriend::new("Zhang.San", "zhang.san")
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), "faccid");
        assert_eq!(
            err.rule(),
            &crate::validate::Rule::SameAccount { other: "accid" }
        );
        assert!(
            UpdateFriend::new("zhangsan", "zhangsan1")
                .validate()
                .is_ok()
        );
        // The accid rules come first: an invalid faccid is named as such.
        let bad = DeleteFriend::new("zhangsan", "bad accid")
            .validate()
            .unwrap_err();
        assert_eq!(bad.field(), "faccid");
        assert!(!bad.to_string().contains("differ"), "{bad}");
    }
}
