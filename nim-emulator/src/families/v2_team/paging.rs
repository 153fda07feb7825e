//! The pages of listTeamMembers and queryJoinedTeams: a page token is the offset of the next
//! item, bound to the list it was given for (the team's members, an account's teams), so a
//! token of another list is refused rather than misread.

use crate::base64;
use crate::reply::ApiError;

/// What every page token starts with, before base64.
const TOKEN_TAG: &str = "teams:";
/// The largest and default page size of both lists (Java SDK Javadoc: at most 100).
pub(super) const PAGE_MAX: usize = 100;

/// One page of `items` from `start`, at most `limit` long, with `has_more` and the
/// `next_token` of the list named `scope` (empty on the last page).
pub(super) struct Page<T> {
    pub(super) items: Vec<T>,
    pub(super) has_more: bool,
    pub(super) next_token: String,
}

impl<T> Page<T> {
    /// Cuts the page of `items` starting at `start`.
    pub(super) fn cut(items: Vec<T>, scope: &str, start: usize, limit: usize) -> Page<T> {
        let total = items.len();
        let items: Vec<T> = items.into_iter().skip(start).take(limit).collect();
        let end = start.saturating_add(items.len());
        let has_more = end < total;
        let next_token = if has_more {
            make_token(scope, end)
        } else {
            String::new()
        };
        Page {
            items,
            has_more,
            next_token,
        }
    }
}

/// The token of the page starting at `offset` of list `scope`: opaque to clients.
pub(super) fn make_token(scope: &str, offset: usize) -> String {
    base64::encode(format!("{TOKEN_TAG}{scope}:{offset}").as_bytes())
}

/// The offset a token made by [`make_token`] for list `scope` starts at; 414 for any other
/// text, or a token of another list.
pub(super) fn parse_token(scope: &str, token: &str) -> Result<usize, ApiError> {
    let refused = || {
        ApiError::param(
            "page token is not a token this server gave out for this list: use the previous \
             next_token",
        )
    };
    let bytes = base64::decode(token).ok_or_else(refused)?;
    let text = String::from_utf8(bytes).map_err(|_| refused())?;
    let rest = text.strip_prefix(TOKEN_TAG).ok_or_else(refused)?;
    let (for_scope, offset) = rest.rsplit_once(':').ok_or_else(refused)?;
    if for_scope != scope {
        return Err(refused());
    }
    offset.parse().map_err(|_| refused())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_are_bound_to_their_list() {
        let token = make_token("members:1", 20);
        assert_eq!(parse_token("members:1", &token).unwrap(), 20);
        assert!(parse_token("members:2", &token).is_err());
        for bad in ["", "x", &base64::encode(b"teams:members:1:x")] {
            assert!(parse_token("members:1", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pages_cut_and_chain() {
        let first = Page::cut(vec![1, 2, 3], "s", 0, 2);
        assert_eq!(
            (first.items.as_slice(), first.has_more),
            ([1, 2].as_slice(), true)
        );
        let start = parse_token("s", &first.next_token).unwrap();
        let last = Page::cut(vec![1, 2, 3], "s", start, 2);
        assert_eq!(
            (last.items, last.has_more, last.next_token),
            (vec![3], false, String::new())
        );
    }
}
