// An empty `one_of` would refuse every value.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/add.action")]
pub struct AddFriend {
    pub accid: nim_api::Accid,
    #[nim(one_of = [])]
    pub r#type: u8,
}

fn main() {}
