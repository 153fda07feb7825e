// Parameters are fields, not a query string in the path.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action?needkick=true")]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
