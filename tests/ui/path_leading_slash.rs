// The path is relative to the base URL.
#[derive(nim_api::Endpoint)]
#[nim(path = "/user/block.action")]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
