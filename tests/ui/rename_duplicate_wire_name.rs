// Two fields sent under one name: the form would carry `needkick` twice.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    pub needkick: Option<bool>,
    #[nim(rename = "needkick")]
    pub need_kick: Option<bool>,
}

fn main() {}
