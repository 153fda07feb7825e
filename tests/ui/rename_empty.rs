#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim(rename = "")]
    pub need_kick: Option<bool>,
    pub accid: String,
}

fn main() {}
