// A method the API does not use.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/accounts", method = "FETCH")]
pub struct CreateAccount {
    pub account_id: nim_api::Accid,
}

fn main() {}
