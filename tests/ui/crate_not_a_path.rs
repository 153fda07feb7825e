// `crate` takes a path, not a string.
#[derive(nim_macros::Endpoint)]
#[nim(path = "user/block.action", crate = "nim_core")]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
