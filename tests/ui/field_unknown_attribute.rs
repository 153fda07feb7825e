// A misspelt field attribute is named, with the ones that exist.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(required, maxlen = 32)]
    pub accid: String,
}

fn main() {}
