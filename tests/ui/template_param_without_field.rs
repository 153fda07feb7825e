// Every `{param}` of the template needs a field marked `path`.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/accounts/{account_id}", method = "GET")]
pub struct GetAccountDetails {
    #[nim(query)]
    pub account_id: nim_api::Accid,
}

fn main() {}
