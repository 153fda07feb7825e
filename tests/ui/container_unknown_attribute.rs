// An attribute the struct does not take.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action", methods = "POST")]
pub struct CreateUser {
    pub accid: String,
}

fn main() {}
