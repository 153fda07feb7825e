//! Stubs: canned answers for a method and path, implemented or not, that override the
//! handler for a number of requests or until cleared. A stubbed request is still logged and
//! must still be correctly signed.

/// The most stubs held at once; adding one more drops the oldest.
const MAX_STUBS: usize = 1024;

#[derive(Debug)]
struct Stub {
    method: String,
    path: String,
    body: String,
    /// Requests left; `None` until cleared.
    left: Option<u32>,
}

/// The stubs in force, newest last.
#[derive(Debug, Default)]
pub(crate) struct Stubs {
    stubs: Vec<Stub>,
}

impl Stubs {
    /// Answers `method path` (method case-insensitive, path as sent, without the query) with
    /// `body` for `times` requests (`None`: until cleared). The newest stub for a method and
    /// path wins. `times == Some(0)` adds nothing.
    pub(crate) fn add(&mut self, method: &str, path: &str, body: String, times: Option<u32>) {
        if times == Some(0) {
            return;
        }
        if self.stubs.len() >= MAX_STUBS {
            self.stubs.remove(0);
        }
        self.stubs.push(Stub {
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            body,
            left: times,
        });
    }

    /// The stubbed answer for this request, if any, counting it against its `times`.
    pub(crate) fn take(&mut self, method: &str, path: &str) -> Option<String> {
        let index = self
            .stubs
            .iter()
            .rposition(|s| s.path == path && s.method.eq_ignore_ascii_case(method))?;
        let stub = &mut self.stubs[index];
        let body = stub.body.clone();
        if let Some(left) = &mut stub.left {
            *left -= 1;
            if *left == 0 {
                self.stubs.remove(index);
            }
        }
        Some(body)
    }

    /// How many stubs are in force.
    pub(crate) fn len(&self) -> usize {
        self.stubs.len()
    }

    /// Removes every stub.
    pub(crate) fn clear(&mut self) {
        self.stubs.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_precedence() {
        let mut stubs = Stubs::default();
        stubs.add("post", "/p", "a".into(), None);
        stubs.add("POST", "/p", "b".into(), Some(2));
        stubs.add("POST", "/q", "c".into(), Some(0));
        assert_eq!(stubs.take("POST", "/p").as_deref(), Some("b"));
        assert_eq!(stubs.take("POST", "/p").as_deref(), Some("b"));
        assert_eq!(stubs.take("POST", "/p").as_deref(), Some("a"));
        assert_eq!(stubs.take("POST", "/p").as_deref(), Some("a"));
        assert_eq!(stubs.take("GET", "/p"), None);
        assert_eq!(stubs.take("POST", "/q"), None);
        assert_eq!(stubs.len(), 1);
    }
}
