// Parameters need names.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser(pub String);

fn main() {}
