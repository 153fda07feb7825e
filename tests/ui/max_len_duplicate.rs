// The same rule in two `#[nim(...)]` on one field, even with the same value.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(max_len = 64)]
    #[nim(max_len = 64)]
    pub name: Option<String>,
}

fn main() {}
