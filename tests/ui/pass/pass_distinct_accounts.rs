// `distinct = [owner, other]` refuses two fields naming one account, ignoring case, and
// reports it on `other` by its wire name.
use nim_api::Endpoint;
use nim_api::validate::Rule;

#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/block_contacts", setters, distinct = [account_id, contact])]
pub struct AddBlockContact {
    pub account_id: nim_api::Accid,
    #[nim(rename = "contact_account_id")]
    pub contact: nim_api::Accid,
}

#[derive(nim_api::Params)]
#[nim(setters, distinct = [owner, peer])]
pub struct Pair {
    pub owner: String,
    pub peer: Option<String>,
}

fn main() {
    assert!(AddBlockContact::new("zhangsan", "lisi").validate().is_ok());
    let err = AddBlockContact::new("zhangsan", "ZhangSan").validate().unwrap_err();
    assert_eq!(err.field(), "contact_account_id");
    assert_eq!(err.rule(), &Rule::SameAccount { other: "account_id" });

    use nim_api::validate::Validate;
    assert!(Pair::new("a").validate().is_ok());
    assert!(Pair::new("a").peer("A").validate().is_err());
}
