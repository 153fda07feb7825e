// `unique` needs a list of accounts, text or integer ids: a plain text field is reported on
// its type, in unique's words.
#[derive(nim_api::Endpoint)]
#[nim(path = "team/kick.action")]
pub struct Kick {
    #[nim(unique)]
    pub member: String,
}

fn main() {}
