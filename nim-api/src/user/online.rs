//! v1 online status of accounts.

use std::collections::HashMap;

use serde::Deserialize;

use crate::Accid;

/// `user/userOnlineStatus.action`: which clients of up to 100 accounts are logged in.
///
/// ```
/// use nim_api::user::GetOnlineStatus;
/// # use nim_api::Endpoint as _;
/// let request = GetOnlineStatus::new(["zhangsan"]);
/// assert_eq!(request.to_form().unwrap(), "accids=%5B%22zhangsan%22%5D");
/// assert!(GetOnlineStatus::new(Vec::<String>::new()).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "user/userOnlineStatus.action", idempotent, setters,
      response = OnlineStatus, response_field = "data")]
pub struct GetOnlineStatus {
    /// The accounts, 1 to 100.
    #[nim(min_items = 1, max_items = 100)]
    pub accids: Vec<Accid>,
}

/// [`GetOnlineStatus`]'s answer. Accounts that are offline are in neither member.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct OnlineStatus {
    /// The accids that do not exist.
    #[serde(default, rename = "invalidAccids")]
    pub invalid_accids: Vec<String>,
    /// Per online account, its logged-in clients.
    #[serde(default)]
    pub status: HashMap<String, Vec<ClientLogin>>,
}

/// One logged-in client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ClientLogin {
    /// The client kind: 1 Android, 2 iOS, 4 PC, 16 Web, 64 Mac, 65 HarmonyOS (others may
    /// appear).
    #[serde(rename = "clientType")]
    pub client_type: u32,
    /// When it logged in (Unix time; the docs do not give the unit, milliseconds likely).
    #[serde(default, rename = "loginTime")]
    pub login_time: i64,
}
