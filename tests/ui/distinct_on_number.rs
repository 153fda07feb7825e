// `distinct` compares accounts: a number field is reported on its type, in distinct's words.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/teams/{team_id}/actions/transfer_owner", method = "PATCH",
      distinct = [owner, new_owner])]
pub struct TransferOwner {
    #[nim(path)]
    pub team_id: u64,
    pub owner: nim_api::Accid,
    pub new_owner: u64,
}

fn main() {}
