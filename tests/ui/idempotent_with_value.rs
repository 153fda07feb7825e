// Flags take no value.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action", idempotent = true)]
pub struct BlockUser {
    #[nim(required(yes))]
    pub accid: String,
}

fn main() {}
