// A nested parameter object has no path or query of its own.
#[derive(nim_api::Params)]
pub struct Configuration {
    #[nim(path)]
    pub enabled: Option<bool>,
}

fn main() {}
