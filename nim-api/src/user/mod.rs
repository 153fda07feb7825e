//! The v1 `user/*` actions: accounts and tokens, profiles, mutes, online status, black and
//! mute lists.
//!
//! accids are case-insensitive and the server lowercases them; every accid here is an
//! [`Accid`](crate::Accid), checked (ASCII letters, digits, `_`, `@`, `.`, `-`, at most 32)
//! and sent lowercased.

mod account;
mod mute;
mod online;
mod profile;
mod relation;

pub use crate::Gender;
pub use account::{
    BlockUser, CreateUser, CreateUserResponse, RefreshToken, RefreshTokenResponse, UnblockUser,
    UpdateToken,
};
pub use mute::{ModuleMutes, MuteUser, MuteUserInModules, SetDonnop};
pub use online::{ClientLogin, GetOnlineStatus, OnlineStatus};
pub use profile::{GetUserInfos, UpdateUserInfo, UserInfo};
pub use relation::{
    BlackAndMuteList, ListBlackAndMuteList, RelationType, RelationValue, SetSpecialRelation,
};

crate::catalogue::family! {
    "user::";
    CreateUser, UpdateToken, RefreshToken, BlockUser, UnblockUser, UpdateUserInfo,
    GetUserInfos, MuteUser, MuteUserInModules, SetDonnop, GetOnlineStatus, SetSpecialRelation,
    ListBlackAndMuteList,
}
