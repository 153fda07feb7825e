// v1 actions have no path parameters.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim(path)]
    pub accid: nim_api::Accid,
}

fn main() {}
