// A path parameter must be text, an `Accid` or an integer.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}", method = "GET")]
pub struct GetAccountDetails {
    #[nim(path)]
    pub account_id: Vec<String>,
}

fn main() {}
