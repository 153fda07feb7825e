// A union has no form parameters.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub union BlockUser {
    pub id: u64,
    pub short_id: u32,
}

fn main() {}
