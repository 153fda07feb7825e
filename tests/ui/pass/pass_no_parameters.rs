// An action without parameters: no fields, an empty form, no warnings.
#![deny(warnings)]

use nim_api::Endpoint;

#[derive(nim_api::Endpoint)]
#[nim(path = "app/ping.action")]
pub struct Ping {}

fn main() {
    assert_eq!(Ping {}.to_form().unwrap(), "");
}
