// Every rule on a number: one error for `required` and one for both text rules (not one per
// rule), each on the type.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim(required, max_len = 32, accid)]
    pub accid: u64,
}

fn main() {}
