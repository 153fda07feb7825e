//! The API's regional hosts.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A CommsEase data region. Each knows its primary and backup base URL.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::Region;
///
/// assert_eq!(Region::default(), Region::China);
/// assert_eq!(Region::Singapore.base_url(), "https://api-sg.yunxinapi.com/nimserver");
/// assert_eq!("sg".parse::<Region>().unwrap(), Region::Singapore);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// Mainland China (the default).
    #[default]
    China,
    /// Singapore, for apps registered on the international site.
    Singapore,
}

impl Region {
    /// The primary base URL.
    pub fn base_url(self) -> &'static str {
        match self {
            Region::China => "https://api.yunxinapi.com/nimserver",
            Region::Singapore => "https://api-sg.yunxinapi.com/nimserver",
        }
    }

    /// The backup base URL, for fail-over when the primary cannot be reached.
    pub fn backup_base_url(self) -> &'static str {
        match self {
            Region::China => "https://api-cn-bak.yunxinapi.com/nimserver",
            Region::Singapore => "https://api-sg-bak.yunxinapi.com/nimserver",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Region::China => "china",
            Region::Singapore => "singapore",
        })
    }
}

impl FromStr for Region {
    type Err = Error;

    /// Accepts `china`/`cn` and `singapore`/`sg`, in any case.
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "china" | "cn" => Ok(Region::China),
            "singapore" | "sg" => Ok(Region::Singapore),
            other => Err(Error::config(format!(
                "unknown region {other:?}; expected `china` (`cn`) or `singapore` (`sg`)"
            ))),
        }
    }
}
