// `unique` is a flag: a value is refused on the token to remove.
#[derive(nim_api::Endpoint)]
#[nim(path = "team/kick.action")]
pub struct Kick {
    #[nim(unique = true)]
    pub members: Vec<nim_api::Accid>,
}

fn main() {}
