// `default` is the starting value in the generated `new`, so it needs `setters`.
#[derive(nim_api::Endpoint)]
#[nim(path = "event/subscribe/batchdel.action")]
pub struct BatchDelete {
    pub accid: nim_api::Accid,
    #[nim(rename = "eventType", default)]
    pub event_type: u8,
}

fn main() {}
