// A quoted number is not a number.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(max_len = "64")]
    pub name: Option<String>,
}

fn main() {}
