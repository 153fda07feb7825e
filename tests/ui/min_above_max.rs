// A range no value could satisfy.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/add.action")]
pub struct AddFriend {
    pub accid: nim_api::Accid,
    #[nim(min = 4, max = 1)]
    pub r#type: u8,
}

fn main() {}
