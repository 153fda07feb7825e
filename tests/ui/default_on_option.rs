// An `Option` already starts unset with a setter: `default` would change nothing.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/get.action", setters)]
pub struct GetFriends {
    pub accid: nim_api::Accid,
    #[nim(default)]
    pub updatetime: Option<u64>,
}

fn main() {}
