//! Walking every page of a list action.

use crate::error::{Error, ErrorKind};
use crate::paging::{Page, Paged};

use super::Client;

/// The pages of a list action, fetched one call at a time ([`Client::pages`]).
///
/// Each [`next`](Pager::next) sends the request with the previous page's token and yields
/// the page; after the last page (or an error) it yields `None`. A server that hands back
/// the token it was just sent would loop forever: the pager stops with an
/// [`ErrorKind::UnexpectedResponse`] instead.
#[derive(Debug)]
pub struct Pager<E> {
    client: Client,
    request: E,
    sent_token: Option<String>,
    done: bool,
}

impl<E: Paged> Pager<E> {
    pub(crate) fn new(client: Client, request: E) -> Self {
        Pager {
            client,
            request,
            sent_token: None,
            done: false,
        }
    }

    /// The next page, or `None` when there are no more.
    pub async fn next(&mut self) -> Option<Result<E::Response, Error>> {
        if self.done {
            return None;
        }
        let page = match self.client.call(&self.request).await {
            Ok(page) => page,
            Err(err) => {
                self.done = true;
                return Some(Err(err));
            }
        };
        match page.next_page_token().filter(|token| !token.is_empty()) {
            None => self.done = true,
            Some(token) if self.sent_token.as_deref() == Some(token) => {
                self.done = true;
                return Some(Err(Error::new(ErrorKind::UnexpectedResponse {
                    reason: "the next-page token repeats the one just sent".to_owned(),
                    snippet: String::new(),
                })));
            }
            Some(token) => {
                let token = token.to_owned();
                self.sent_token = Some(token.clone());
                self.request.set_page_token(token);
            }
        }
        Some(Ok(page))
    }

    /// Every remaining page, in order; the first error ends the walk.
    pub async fn collect(mut self) -> Result<Vec<E::Response>, Error> {
        let mut pages = Vec::new();
        while let Some(page) = self.next().await {
            pages.push(page?);
        }
        Ok(pages)
    }
}
