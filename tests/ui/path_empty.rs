// Every action has a path.
#[derive(nim_api::Endpoint)]
#[nim(path = "")]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
