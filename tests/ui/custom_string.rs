// `custom` names a function, not a string.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/muteModule.action", custom = "check")]
pub struct MuteUserInModules {
    pub accid: nim_api::Accid,
}

fn main() {}
