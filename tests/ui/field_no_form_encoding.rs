// A field type with no form encoding is reported on the type.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    pub accid: String,
    pub tags: std::collections::HashMap<String, u32>,
}

fn main() {}
