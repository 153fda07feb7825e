//! v1 black and mute lists (special relations) of one account.

use serde::Deserialize;

use crate::Accid;
use crate::wire::{int_enum, lenient_list};

int_enum! {
    /// Which list [`SetSpecialRelation`] changes.
    pub enum RelationType: u8 {
        /// The blacklist (`1`): no messages from the target reach the account.
        Blacklist = 1,
        /// The mute list (`2`): the target's messages raise no alert or push.
        Mute = 2,
    }
}

int_enum! {
    /// Whether [`SetSpecialRelation`] adds or removes the target.
    pub enum RelationValue: u8 {
        /// Remove the target from the list (`0`).
        Remove = 0,
        /// Add the target to the list (`1`).
        Add = 1,
    }
}

/// `user/setSpecialRelation.action`: adds an account to, or removes it from, another's
/// blacklist or mute list (each holds at most 3000 accounts).
///
/// `value` is always sent, also when it is `0` (the Go SDK drops a 0 and so cannot remove).
///
/// ```
/// use nim_api::user::{RelationType, RelationValue, SetSpecialRelation};
/// # use nim_api::Endpoint as _;
/// let request = SetSpecialRelation::new("zhangsan", "lisi", RelationType::Blacklist, RelationValue::Remove);
/// assert_eq!(request.to_form().unwrap(), "accid=zhangsan&targetAcc=lisi&relationType=1&value=0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/setSpecialRelation.action", idempotent, setters)]
pub struct SetSpecialRelation {
    /// The account whose list changes.
    pub accid: Accid,
    /// The account added or removed (`targetAcc`).
    #[nim(rename = "targetAcc")]
    pub target_acc: Accid,
    /// Which list (`relationType`).
    #[nim(rename = "relationType")]
    pub relation_type: RelationType,
    /// Add or remove.
    pub value: RelationValue,
}

/// `user/listBlackAndMuteList.action`: an account's blacklist and mute list.
///
/// ```
/// use nim_api::user::ListBlackAndMuteList;
/// # use nim_api::Endpoint as _;
/// assert_eq!(ListBlackAndMuteList::new("zhangsan").to_form().unwrap(), "accid=zhangsan");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/listBlackAndMuteList.action", idempotent, setters,
      response = BlackAndMuteList)]
pub struct ListBlackAndMuteList {
    /// The account.
    pub accid: Accid,
}

/// [`ListBlackAndMuteList`]'s answer (top-level members of the answer). Either list may come
/// as a JSON array or as text holding one; both read the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct BlackAndMuteList {
    /// The accounts on the blacklist.
    #[serde(default, deserialize_with = "lenient_list")]
    pub blacklist: Vec<String>,
    /// The accounts on the mute list.
    #[serde(default, deserialize_with = "lenient_list")]
    pub mutelist: Vec<String>,
}
