//! v2 `user` family: profiles and online status (`/im/v2/users`).

use serde::Deserialize;

use super::{AntispamConfiguration, UserInformation, UserProfile};
use crate::{Accid, BatchResult};

/// `PATCH /im/v2/users/{account_id}` (updateUser): updates a profile; only the members set
/// change. The limits are the create-account page's (the user-card page gives none).
///
/// ```
/// use nim_api::v2::user::UpdateUser;
/// use nim_api::v2::UserInformation;
/// # use nim_api::Endpoint as _;
/// let request = UpdateUser::new("zhangsan", UserInformation::new().name("张三").sign(""));
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/im/v2/users/zhangsan");
/// assert_eq!(encoded.body.unwrap().1, r#"{"name":"张三","sign":""}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/users/{account_id}", method = "PATCH", idempotent, setters,
      response = UserProfile)]
pub struct UpdateUser {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
    /// The profile members to change, sent as the body's own members.
    #[nim(flatten)]
    pub profile: UserInformation,
    /// Moderation of this update.
    pub antispam_configuration: Option<AntispamConfiguration>,
}

/// `GET /im/v2/users/{account_id}` (getUser): one profile.
///
/// ```
/// use nim_api::v2::user::GetUser;
/// # use nim_api::Endpoint as _;
/// assert_eq!(GetUser::new("zhangsan").encode().unwrap().path, "/im/v2/users/zhangsan");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/users/{account_id}", method = "GET", idempotent, setters,
      response = UserProfile)]
pub struct GetUser {
    /// The account.
    #[nim(path)]
    pub account_id: Accid,
}

/// `GET /im/v2/users?account_ids=a,b` (batchGetUsers): several profiles; unknown accounts
/// are in the answer's failures.
///
/// ```
/// use nim_api::v2::user::BatchGetUsers;
/// # use nim_api::Endpoint as _;
/// assert_eq!(BatchGetUsers::new(["a", "b"]).encode().unwrap().path, "/im/v2/users?account_ids=a%2Cb");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/users", method = "GET", idempotent, setters,
      response = BatchResult<UserProfile>)]
pub struct BatchGetUsers {
    /// The accounts, at least one.
    #[nim(query, min_items = 1)]
    pub account_ids: Vec<Accid>,
}

/// `POST /im/v2/users/actions/online_status` (getUsersOnlineStatus): the logged-in clients of
/// up to 100 accounts.
///
/// Both official SDKs use this path; the official API list writes
/// `/im/v2/users/actions/onlineStatus`. Where the SDKs agree against the docs we follow the
/// SDKs (they run against production); the emulator answers both.
///
/// ```
/// use nim_api::v2::user::GetUsersOnlineStatus;
/// # use nim_api::Endpoint as _;
/// let encoded = GetUsersOnlineStatus::new(["a", "B"]).encode().unwrap();
/// assert_eq!(encoded.body.unwrap().1, r#"{"account_ids":["a","b"]}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/im/v2/users/actions/online_status", idempotent, setters,
      response = BatchResult<UserOnlineStatus>)]
pub struct GetUsersOnlineStatus {
    /// The accounts, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub account_ids: Vec<Accid>,
}

/// One account's logged-in clients.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserOnlineStatus {
    /// The account.
    pub account_id: String,
    /// Its clients; empty when offline.
    #[serde(default)]
    pub online_status: Vec<ClientOnline>,
}

/// One logged-in client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ClientOnline {
    /// 1 Android, 2 iOS, 4 PC, 16 Web, 64 Mac, 65 HarmonyOS (others may appear).
    pub client_type: u32,
    /// When it logged in.
    #[serde(default)]
    pub login_time: i64,
}

crate::catalogue::family! {
    "v2::user::";
    UpdateUser, GetUser, BatchGetUsers, GetUsersOnlineStatus,
}
