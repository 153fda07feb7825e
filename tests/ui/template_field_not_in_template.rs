// A field marked `path` must appear in the template.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}", method = "GET")]
pub struct GetAccountDetails {
    #[nim(path)]
    pub account_id: nim_api::Accid,
    #[nim(path)]
    pub team_id: u64,
}

fn main() {}
