// `max_len` alone, and `max_len =` with nothing after it.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(max_len)]
    pub name: Option<String>,
    #[nim(max_len =)]
    pub token: Option<String>,
}

fn main() {}
