// A length is a whole number of characters.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(max_len = 1.5)]
    pub name: Option<String>,
}

fn main() {}
