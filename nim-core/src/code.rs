//! The server's status codes and the `desc` texts that distinguish failures sharing a code.

use std::fmt;

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $num:literal, $meaning:literal; )*) => {
        /// A status code from the `code` member of an answer.
        ///
        /// Every documented code has a variant; anything else is kept as [`Code::Other`].
        ///
        /// ```
        /// # extern crate nim_core as nim_api;
        /// use nim_api::Code;
        ///
        /// assert_eq!(Code::from(414), Code::ParameterError);
        /// assert_eq!(Code::ParameterError.as_u32(), 414);
        /// assert_eq!(Code::from(102405), Code::AccountExists);
        /// assert_eq!(Code::from(416).meaning(), "rate limited: too many requests");
        /// assert_eq!(Code::from(777), Code::Other(777));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $name, )*
            /// A code this SDK does not know.
            Other(u32),
        }

        impl Code {
            /// Every documented code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The numeric code (v1 codes have three digits, v2 codes up to six).
            pub fn as_u32(self) -> u32 {
                match self {
                    $( Code::$name => $num, )*
                    Code::Other(n) => n,
                }
            }

            /// What the code means, per the API documentation.
            pub fn meaning(self) -> &'static str {
                match self {
                    $( Code::$name => $meaning, )*
                    Code::Other(_) => "undocumented status code",
                }
            }
        }

        impl From<u32> for Code {
            fn from(n: u32) -> Code {
                match n {
                    $( $num => Code::$name, )*
                    other => Code::Other(other),
                }
            }
        }
    };
}

codes! {
    /// 200: success.
    Ok = 200, "success";
    /// 201: the client version is outdated.
    ClientVersion = 201, "client version too old, upgrade the SDK";
    /// 301: the account is banned.
    Banned = 301, "banned";
    /// 302: wrong account or token.
    BadToken = 302, "wrong account or token";
    /// 315: the caller's IP address is not allowed.
    IpRestricted = 315, "IP address restricted";
    /// 403: illegal operation or no permission.
    Forbidden = 403, "illegal operation or no permission";
    /// 404: the object does not exist.
    NotFound = 404, "object does not exist";
    /// 405: a parameter is too long.
    ParameterTooLong = 405, "parameter too long";
    /// 406: the object is read-only.
    ReadOnly = 406, "object is read-only";
    /// 408: the request timed out.
    RequestTimeout = 408, "request timed out";
    /// 413: verification failed.
    VerificationFailed = 413, "verification failed";
    /// 414: parameter error; also authentication failures and duplicates (see `desc`).
    ParameterError = 414, "parameter error";
    /// 415: client network problem.
    ClientNetwork = 415, "client network problem";
    /// 416: rate limited.
    RateLimited = 416, "rate limited: too many requests";
    /// 417: repeated operation.
    RepeatedOperation = 417, "repeated operation";
    /// 418: channel unavailable.
    ChannelUnavailable = 418, "channel unavailable";
    /// 419: a count is over its limit.
    OverLimit = 419, "count over limit";
    /// 422: the account is disabled.
    AccountDisabled = 422, "account disabled";
    /// 423: the account is muted.
    AccountMuted = 423, "account muted";
    /// 431: duplicate HTTP request (a reused Nonce).
    DuplicateRequest = 431, "duplicate HTTP request";
    /// 500: internal server error.
    InternalError = 500, "internal server error";
    /// 503: the server is busy.
    ServerBusy = 503, "server busy";
    /// 508: outside the allowed time window (e.g. message recall).
    TimeWindowExceeded = 508, "outside the allowed time window";
    /// 509: invalid protocol.
    InvalidProtocol = 509, "invalid protocol";
    /// 514: the service is unavailable.
    ServiceUnavailable = 514, "service unavailable";
    /// 801: the team is full (its member limit is reached).
    TeamFull = 801, "team member count over limit";
    /// 802: the operator lacks the team permission (owner or manager only).
    TeamNoPermission = 802, "no permission in the team";
    /// 803: the team does not exist.
    TeamNotFound = 803, "team does not exist";
    /// 804: the account is not a member of the team.
    NotTeamMember = 804, "user not in team";
    /// 805: the team is of the other type (advanced team vs super team).
    TeamTypeMismatch = 805, "team type mismatch";
    /// 806: the account has created or joined too many teams.
    TeamCountExceeded = 806, "too many teams for the account";
    /// 807: the member's state does not allow the operation.
    TeamMemberState = 807, "team member state error";
    /// 809: the account is already a member of the team.
    AlreadyTeamMember = 809, "user already in team";
    /// 811: too many accounts named for @ or forced push.
    TooManyMentions = 811, "too many @ or force-push accounts";
    /// 812: the team is muted and the sender may not speak.
    TeamMuted = 812, "team is muted";
    /// 813: an invitation partly succeeded.
    InvitePartlyDone = 813, "invitation partly succeeded";
    /// 815: the team has too many managers.
    TeamManagersFull = 815, "too many team managers";
    /// 998: unpacking error.
    UnpackError = 998, "unpacking error";
    /// 999: packing error.
    PackError = 999, "packing error";
    /// 102404 (v2): the account does not exist.
    AccountNotFound = 102404, "account does not exist";
    /// 102405 (v2): the account already exists.
    AccountExists = 102405, "account already exists";
    /// 102434 (v2): the app's account quota is used up.
    AccountQuotaExceeded = 102434, "account quota exceeded";
    /// 102449 (v2): a transient failure; send the request again.
    RetryNeeded = 102449, "transient failure, retry";
    /// 103451 (v2): rejected by content moderation (antispam).
    AntispamRejected = 103451, "rejected by content moderation";
    /// 108404 (v2): the team does not exist.
    V2TeamNotFound = 108404, "team does not exist";
}

impl Code {
    /// The numeric code when it fits three digits' type; six-digit v2 codes do not.
    pub fn as_u16(self) -> Option<u16> {
        u16::try_from(self.as_u32()).ok()
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.as_u32(), self.meaning())
    }
}

/// The `desc` texts the server uses to tell apart failures that share code 414, as the
/// emulator sends them and as [`crate::Error`]'s recognisers look for them (case-insensitive
/// substrings, since the server adds context around them).
pub mod desc {
    /// A create for an accid that exists.
    pub const ALREADY_REGISTER: &str = "already register";
    /// An action on an accid that does not exist.
    pub const NOT_REGISTER: &str = "not register";
    /// The CurTime header is more than 5 minutes from the server's clock.
    pub const CURTIME_EXPIRED: &str = "CurTime is expired";
    /// The CheckSum does not verify.
    pub const CHECKSUM: &str = "checksum";
    /// The AppKey is missing or unknown.
    pub const APPKEY: &str = "appkey";

    /// Whether `desc` contains `needle`, ignoring ASCII case.
    pub fn mentions(desc: &str, needle: &str) -> bool {
        let (hay, needle) = (desc.as_bytes(), needle.as_bytes());
        needle.is_empty()
            || hay
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        assert_eq!(Code::ALL.len(), 45);
        assert!(Code::ALL.windows(2).all(|w| w[0].as_u32() < w[1].as_u32()));
        for &code in Code::ALL {
            assert_eq!(Code::from(code.as_u32()), code);
            assert_ne!(code.meaning(), Code::Other(1).meaning());
        }
    }

    #[test]
    fn mentions_ignores_case() {
        assert!(desc::mentions("CurTime is Expired", desc::CURTIME_EXPIRED));
        assert!(desc::mentions("bad CHECKSUM", desc::CHECKSUM));
        assert!(!desc::mentions("ok", desc::CHECKSUM));
    }
}
