#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub enum Block {
    One { accid: String },
}

fn main() {}
