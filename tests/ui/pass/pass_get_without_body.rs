// A v2 GET with only path and query fields; a bodyless PATCH.
use nim_api::{Accid, BodyKind, Endpoint};

#[derive(Endpoint)]
#[nim(path = "/im/v2/users/{account_id}", method = "GET")]
pub struct GetUser {
    #[nim(path)]
    pub account_id: Accid,
}

#[derive(Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}/actions/refresh_token", method = "PATCH")]
pub struct RefreshToken {
    #[nim(path)]
    pub account_id: Accid,
}

fn main() {
    assert_eq!(<GetUser as Endpoint>::BODY, BodyKind::None);
    assert_eq!(<RefreshToken as Endpoint>::BODY, BodyKind::None);
    let request = GetUser { account_id: "a/../b".into() };
    // Validation refuses `/` in an accid; the path escaping alone would still keep it one segment.
    assert!(request.validate().is_err());
}
