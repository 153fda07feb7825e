//! Request counts per path, for tests to assert how often a client called.

use std::collections::{BTreeMap, HashMap};

/// The most distinct paths counted separately. Requests to further unknown paths are counted
/// under [`OTHER`], so a client probing random paths cannot grow the map without bound.
const MAX_PATHS: usize = 1024;
/// Paths longer than this (in bytes) are counted under [`OTHER`] for the same reason.
const MAX_PATH_LEN: usize = 256;
/// The key under which requests beyond those limits are counted.
pub(crate) const OTHER: &str = "(other)";

/// The part of the base URL's path before an action's path.
pub(crate) const BASE_PATH: &str = "/nimserver/";

/// How many requests arrived, per path.
#[derive(Debug, Default)]
pub(crate) struct Stats {
    per_path: HashMap<String, u64>,
    total: u64,
}

impl Stats {
    /// Counts one request to the URL path `path`.
    pub(crate) fn record(&mut self, path: &str) {
        self.total += 1;
        let key = path_key(path);
        if let Some(n) = self.per_path.get_mut(key) {
            *n += 1;
            return;
        }
        let key = if self.per_path.len() >= MAX_PATHS || key.len() > MAX_PATH_LEN {
            OTHER
        } else {
            key
        };
        *self.per_path.entry(key.to_owned()).or_insert(0) += 1;
    }

    /// Requests counted under `key` (see [`path_key`]).
    pub(crate) fn count(&self, key: &str) -> u64 {
        self.per_path.get(path_key(key)).copied().unwrap_or(0)
    }

    /// Every path's count, sorted by path.
    pub(crate) fn all(&self) -> BTreeMap<String, u64> {
        self.per_path.iter().map(|(k, &v)| (k.clone(), v)).collect()
    }

    /// Every request counted.
    pub(crate) fn total(&self) -> u64 {
        self.total
    }
}

/// The key a URL path is counted under: an action's path (`user/create.action`) below
/// `/nimserver/`, so it matches `Endpoint::PATH`; any other path as it is.
pub(crate) fn path_key(path: &str) -> &str {
    path.strip_prefix(BASE_PATH).unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_bound() {
        let mut stats = Stats::default();
        stats.record("/nimserver/user/create.action");
        stats.record("/nimserver/user/create.action");
        stats.record("/favicon.ico");
        assert_eq!(stats.count("user/create.action"), 2);
        assert_eq!(stats.count("/nimserver/user/create.action"), 2);
        assert_eq!(stats.count("/favicon.ico"), 1);
        for i in 0..2 * MAX_PATHS {
            stats.record(&format!("/probe/{i}"));
        }
        stats.record(&format!("/nimserver/{}", "x".repeat(MAX_PATH_LEN + 1)));
        assert!(stats.all().len() <= MAX_PATHS + 1);
        assert_eq!(stats.total(), 3 + 2 * MAX_PATHS as u64 + 1);
        assert!(stats.count(OTHER) > MAX_PATHS as u64);
    }
}
