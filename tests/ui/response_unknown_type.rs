// The compiler reports the unknown type on the type in the attribute.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action", response = CreateUserAnswer)]
pub struct CreateUser {
    pub accid: String,
}

fn main() {}
