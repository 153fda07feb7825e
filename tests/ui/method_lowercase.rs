// Methods are written in capitals; the error says how.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}", method = "patch")]
pub struct UpdateAccount {
    #[nim(path)]
    pub account_id: nim_api::Accid,
}

fn main() {}
