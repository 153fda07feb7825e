// The accid rule needs text, also inside an `Option`.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim(accid)]
    pub accid: Option<u32>,
}

fn main() {}
