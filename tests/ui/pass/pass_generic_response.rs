// A response type with generic arguments: the comma inside `<...>` does not end the value.
#![deny(warnings)]

use std::collections::HashMap;

use nim_api::Endpoint;

#[derive(nim_api::Endpoint)]
#[nim(path = "user/getUinfos.action", response = HashMap<String, Vec<u64>>, response_field = "uinfos")]
pub struct GetUsers {
    #[nim(required, rename = "accids")]
    pub accids_json: String,
}

fn main() {
    let request = GetUsers { accids_json: "[\"a\"]".into() };
    assert_eq!(request.to_form().unwrap(), "accids=%5B%22a%22%5D");
    assert_eq!(GetUsers::RESPONSE_FIELD, Some("uinfos"));
    answers_map(&request);
}

fn answers_map<E: Endpoint<Response = HashMap<String, Vec<u64>>>>(_: &E) {}
