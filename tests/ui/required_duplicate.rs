// The same rule twice in one `#[nim(...)]`: the second one is reported.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim(required, accid, required)]
    pub accid: String,
}

fn main() {}
