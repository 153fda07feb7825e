// v1 actions are POST only.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action", method = "GET")]
pub struct CreateUser {
    pub accid: nim_api::Accid,
}

fn main() {}
