// `distinct` names fields of the struct; a typo is reported on the name.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/delete.action", distinct = [accid, facid])]
pub struct DeleteFriend {
    pub accid: nim_api::Accid,
    pub faccid: nim_api::Accid,
}

fn main() {}
