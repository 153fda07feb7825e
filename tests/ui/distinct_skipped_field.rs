// A skipped field is never sent, so `distinct` cannot compare it; a field whose own
// attribute is wrong is reported once, for that attribute only.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/delete.action", distinct = [accid, faccid])]
pub struct DeleteFriend {
    pub accid: nim_api::Accid,
    #[nim(skip)]
    pub faccid: nim_api::Accid,
}

#[derive(nim_api::Endpoint)]
#[nim(path = "friend/update.action", distinct = [accid, faccid])]
pub struct UpdateFriend {
    pub accid: nim_api::Accid,
    #[nim(max_len = "32")]
    pub faccid: String,
}

fn main() {}
