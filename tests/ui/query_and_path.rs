// A field is sent in one place.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/users/{account_id}", method = "GET")]
pub struct GetUser {
    #[nim(path, query)]
    pub account_id: nim_api::Accid,
}

fn main() {}
