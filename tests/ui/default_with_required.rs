// A `required` field must be given: it is an argument of `new`, not a `default`.
#[derive(nim_api::Endpoint)]
#[nim(path = "event/subscribe/batchdel.action", setters)]
pub struct BatchDelete {
    pub accid: nim_api::Accid,
    #[nim(required, default)]
    pub tag: String,
}

fn main() {}
