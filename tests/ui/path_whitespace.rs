// A URL would split or trim a path with whitespace.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block .action")]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
