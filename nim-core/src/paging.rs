//! List actions that answer one page at a time (`has_more` + `next_token`).

use crate::endpoint::Endpoint;

/// One page of a list answer: says where the next page starts.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::Page;
///
/// struct Friends { has_more: bool, next_token: Option<String> }
///
/// impl Page for Friends {
///     fn next_page_token(&self) -> Option<&str> {
///         self.next_token.as_deref().filter(|_| self.has_more)
///     }
/// }
///
/// let last = Friends { has_more: false, next_token: Some("t".into()) };
/// assert_eq!(last.next_page_token(), None);
/// ```
pub trait Page {
    /// The cursor to send for the next page, or `None` when this page is the last.
    fn next_page_token(&self) -> Option<&str>;
}

/// A list action whose request carries the cursor of the page it asks for; derived from a
/// field marked `#[nim(page_token)]`. The client's `pages` walks every page with it.
pub trait Paged: Endpoint<Response: Page> {
    /// Sets the cursor (the previous page's [`Page::next_page_token`]).
    fn set_page_token(&mut self, token: String);
}
