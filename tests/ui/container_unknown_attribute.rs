// An attribute the struct does not take.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action", method = "POST")]
pub struct CreateUser {
    pub accid: String,
}

fn main() {}
