// A skipped field is never sent, so its rules and wire name mean nothing.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    pub accid: String,
    #[nim(skip, max_len = 64, rename = "memo")]
    pub note: String,
}

fn main() {}
