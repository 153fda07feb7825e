// `unique` on lists of accounts (case-insensitive), of text and of integer ids, required or
// optional: a repeat is refused naming the field and both positions.
use nim_api::validate::Rule;
use nim_api::{Accid, Endpoint};

#[derive(Debug, Clone, Endpoint)]
#[nim(path = "team/add.action")]
pub struct Invite {
    #[nim(unique, min_items = 1, max_items = 200)]
    pub members: Vec<Accid>,
    #[nim(unique)]
    pub tids: Option<Vec<u64>>,
    #[nim(unique)]
    pub names: Vec<String>,
}

fn main() {
    let ok = Invite {
        members: vec!["a".into(), "b".into()],
        tids: Some(vec![1, 2]),
        names: vec!["x".into(), "X2".into()],
    };
    assert!(ok.validate().is_ok());

    let twice = Invite { members: vec!["alice".into(), "bob".into(), "ALICE".into()], ..ok.clone() };
    let err = twice.validate().unwrap_err();
    assert_eq!(err.field(), "members");
    assert_eq!(err.rule(), &Rule::Duplicate { item: "alice".into(), first: 0, again: 2 });

    let ids = Invite { tids: Some(vec![7, 7]), ..ok.clone() };
    assert_eq!(ids.validate().unwrap_err().field(), "tids");

    let names = Invite { names: vec!["Sam".into(), "sam".into()], ..ok };
    assert_eq!(names.validate().unwrap_err().field(), "names");
}
