// `crate` alone names no crate.
#[derive(nim_macros::Endpoint)]
#[nim(path = "user/block.action", crate)]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
