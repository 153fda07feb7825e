// A template parameter is written `{name}`.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id", method = "GET")]
pub struct GetAccountDetails {
    pub account_id: nim_api::Accid,
}

fn main() {}
