// In a v1 form, `flatten` needs a type that writes form parameters (`FormMembers`);
// a `Params` object writes JSON members only.
#[derive(nim_api::Params, Default)]
pub struct Profile {
    pub name: Option<String>,
}

#[derive(nim_api::Endpoint)]
#[nim(path = "user/updateUinfo.action")]
pub struct UpdateUserInfo {
    pub accid: nim_api::Accid,
    #[nim(flatten)]
    pub profile: Profile,
}

fn main() {}
