#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(max_len = -1)]
    pub name: Option<String>,
}

fn main() {}
