// A response type must be deserialisable.
pub struct Created {
    pub token: String,
}

#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action", response = Created)]
pub struct CreateUser {
    pub accid: String,
}

fn main() {}
