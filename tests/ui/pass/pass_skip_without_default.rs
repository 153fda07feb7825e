// A skipped field whose type has no `Default` still compiles (the derive does not ask for
// one); building the action by name then fails, naming the field. A skipped field whose
// type has one starts at it.
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

#[derive(nim_api::Endpoint)]
#[nim(path = "user/unblock.action")]
pub struct Unblock {
    pub accid: nim_api::Accid,
    /// A note for the caller's logs, never sent.
    #[nim(skip)]
    pub note: String,
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

    let unblock = match Unblock::from_wire(serde_json::json!({"accid": "zhangsan"})) {
        Ok(unblock) => unblock,
        Err(err) => panic!("a skipped field with a Default: {err}"),
    };
    assert_eq!(unblock.note, "");
    assert_eq!(unblock.to_form().unwrap(), "accid=zhangsan");
}
