#[derive(nim_api::Endpoint)]
#[nim(path = "app/ping.action")]
pub struct Ping;

fn main() {}
