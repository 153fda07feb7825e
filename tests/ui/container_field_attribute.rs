// `required` belongs on a field, `path` on the struct.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action", required)]
pub struct BlockUser {
    #[nim(path = "user/unblock.action")]
    pub accid: String,
}

fn main() {}
