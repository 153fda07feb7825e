// Two paths across two struct attributes.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
#[nim(idempotent, path = "user/unblock.action")]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
