// Range rules apply to numbers; reported on the field type.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/add.action")]
pub struct AddFriend {
    pub accid: nim_api::Accid,
    #[nim(max = 4)]
    pub msg: String,
}

fn main() {}
