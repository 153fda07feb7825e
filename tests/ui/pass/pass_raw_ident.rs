// A raw identifier is sent under its plain name.
#![deny(warnings)]

use nim_api::Endpoint;

#[derive(nim_api::Endpoint)]
#[nim(path = "msg/sendMsg.action")]
pub struct SendMessage {
    #[nim(required, max_len = 3)]
    pub r#type: String,
    pub r#async: bool,
}

fn main() {
    let request = SendMessage { r#type: "0".into(), r#async: true };
    assert_eq!(request.to_form().unwrap(), "type=0&async=true");
    let request = SendMessage { r#type: "0000".into(), r#async: false };
    assert_eq!(request.validate().unwrap_err().field(), "type");
}
