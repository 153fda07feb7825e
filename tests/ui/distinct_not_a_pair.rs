// `distinct` takes exactly two different field names.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/delete.action", distinct = [accid])]
pub struct DeleteFriend {
    pub accid: nim_api::Accid,
    pub faccid: nim_api::Accid,
}

#[derive(nim_api::Endpoint)]
#[nim(path = "friend/update.action", distinct = [accid, accid])]
pub struct UpdateFriend {
    pub accid: nim_api::Accid,
    pub faccid: nim_api::Accid,
}

#[derive(nim_api::Endpoint)]
#[nim(path = "friend/get.action", distinct = [accid, faccid;])]
pub struct GetFriend {
    pub accid: nim_api::Accid,
    pub faccid: nim_api::Accid,
}

fn main() {}
