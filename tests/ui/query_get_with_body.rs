// A GET has no body: its fields go in the query or the path.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/users", method = "GET")]
pub struct BatchGetUsers {
    pub account_ids: Vec<nim_api::Accid>,
}

fn main() {}
