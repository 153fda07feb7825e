// A request has one cursor.
#[derive(nim_api::Endpoint)]
#[nim(path = "/im/v2/friends", method = "GET")]
pub struct ListFriends {
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    #[nim(query, page_token)]
    pub next: Option<String>,
}

fn main() {}
