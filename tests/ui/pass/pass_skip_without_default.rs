// A skipped field whose type has no `Default` still compiles (the derive does not ask for
// one); building the action by name then fails, naming the field.
#![deny(warnings)]

use nim_api::Endpoint;
use nim_api::dynamic::FromWire;

#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct Block {
    pub accid: nim_api::Accid,
    /// When the caller decided it: for its own bookkeeping, never sent.
    #[nim(skip)]
    pub decided: std::time::Instant,
}

fn main() {
    let block = Block {
        accid: "zhangsan".into(),
        decided: std::time::Instant::now(),
    };
    assert_eq!(block.to_form().unwrap(), "accid=zhangsan");
    let err = match Block::from_wire(serde_json::json!({"accid": "zhangsan"})) {
        Ok(_) => panic!("built without a value for `decided`"),
        Err(err) => err,
    };
    assert_eq!(err.field(), "decided");
}
