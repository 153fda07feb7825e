//! The route registry: every family registers its routes (method + path template + handler)
//! and borrows the state it needs; the pipeline looks a request up here. Nothing in this file
//! names a family, so adding one never touches it.
//!
//! Templates are matched segment by segment on the raw (still percent-encoded) path, so an
//! encoded `/` inside a value stays inside its segment; a `{name}` segment matches any
//! non-empty segment and is handed to the handler percent-decoded (invalid UTF-8 becomes
//! U+FFFD). Literal segments match exactly, case included.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Flavor, Reply};

/// State that is only partly reset: it decides itself what `/_emulator/reset` clears (e.g.
/// the callback log goes, the configured callback URL stays).
pub(crate) trait Kept: Default + Send + Sync + 'static {
    /// Clears what a reset clears.
    fn reset(&self);
}

/// A route's handler: a plain function of the call and the family's state.
pub(crate) type Handler<S> = fn(&Call<'_>, &S) -> Result<Reply, ApiError>;

/// A route as a family declares it.
pub(crate) struct Route<S> {
    method: &'static str,
    path: &'static str,
    flavor: Flavor,
    handler: Handler<S>,
}

impl<S> Route<S> {
    /// A v1 action: `POST`, path as in `Endpoint::PATH` (`"user/create.action"`).
    pub(crate) const fn v1(path: &'static str, handler: Handler<S>) -> Self {
        Route {
            method: "POST",
            path,
            flavor: Flavor::V1,
            handler,
        }
    }

    /// A v2 operation, path as in `Endpoint::PATH` (`"/im/v2/accounts/{account_id}"`).
    pub(crate) const fn v2(method: &'static str, path: &'static str, handler: Handler<S>) -> Self {
        Route {
            method,
            path,
            flavor: Flavor::V2,
            handler,
        }
    }

    /// An admin route below `/_emulator/` (full path, e.g. `"/_emulator/state/accounts/{accid}"`).
    pub(crate) const fn admin(
        method: &'static str,
        path: &'static str,
        handler: Handler<S>,
    ) -> Self {
        Route {
            method,
            path,
            flavor: Flavor::Admin,
            handler,
        }
    }
}

/// One segment of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(&'static str),
    Param(&'static str),
}

type Erased = Box<dyn Fn(&Call<'_>) -> Result<Reply, ApiError> + Send + Sync>;

/// A registered route, its family's state captured in `run`.
pub(crate) struct Entry {
    method: &'static str,
    pub(crate) flavor: Flavor,
    segments: Vec<Segment>,
    run: Erased,
}

impl Entry {
    /// Runs the handler.
    pub(crate) fn run(&self, call: &Call<'_>) -> Result<Reply, ApiError> {
        (self.run)(call)
    }
}

/// What a request's method and path matched.
pub(crate) enum Lookup<'r> {
    /// A route, with the decoded values of its `{name}` segments.
    Found(&'r Entry, Vec<(&'static str, String)>),
    /// The path is known but not with this method.
    WrongMethod {
        flavor: Flavor,
        allowed: Vec<&'static str>,
    },
    /// No route has this path.
    NotFound,
}

/// Every route and every piece of shared state.
#[derive(Default)]
pub(crate) struct Registry {
    entries: Vec<Entry>,
    /// Routes without parameters, by full path: the common v1 case is one hash look-up.
    exact: HashMap<String, Vec<usize>>,
    /// Routes with parameters, tried in registration order.
    templated: Vec<usize>,
    shared: HashMap<TypeId, Arc<dyn Any + Send + Sync>>,
    resets: Vec<Box<dyn Fn() + Send + Sync>>,
}

impl Registry {
    /// The instance's one `T`, made on first request: families that ask for the same type
    /// share it (the account store is `shared::<Accounts>()`). Reset to `T::default()` by
    /// [`reset`](Registry::reset).
    pub(crate) fn shared<T: Default + Send + 'static>(&mut self) -> Arc<Mutex<T>> {
        if let Some(any) = self.shared.get(&TypeId::of::<Mutex<T>>())
            && let Ok(state) = Arc::clone(any).downcast::<Mutex<T>>()
        {
            return state;
        }
        let state = Arc::new(Mutex::new(T::default()));
        let erased: Arc<dyn Any + Send + Sync> = Arc::clone(&state) as _;
        self.shared.insert(TypeId::of::<Mutex<T>>(), erased);
        let weak = Arc::downgrade(&state);
        self.resets.push(Box::new(move || {
            if let Some(state) = weak.upgrade() {
                *lock(&state) = T::default();
            }
        }));
        state
    }

    /// The instance's one `T` of a [`Kept`] type, made on first request and shared like
    /// [`shared`](Registry::shared) state, but it locks itself and [`reset`](Registry::reset)
    /// calls its own [`Kept::reset`] instead of replacing it.
    pub(crate) fn kept<T: Kept>(&mut self) -> Arc<T> {
        if let Some(any) = self.shared.get(&TypeId::of::<T>())
            && let Ok(state) = Arc::clone(any).downcast::<T>()
        {
            return state;
        }
        let state = Arc::new(T::default());
        let erased: Arc<dyn Any + Send + Sync> = Arc::clone(&state) as _;
        self.shared.insert(TypeId::of::<T>(), erased);
        let weak = Arc::downgrade(&state);
        self.resets.push(Box::new(move || {
            if let Some(state) = weak.upgrade() {
                state.reset();
            }
        }));
        state
    }

    /// Registers a family's `routes`, each handler called with `state`.
    pub(crate) fn routes<S: Send + Sync + 'static>(&mut self, state: S, routes: &[Route<S>]) {
        let state = Arc::new(state);
        for route in routes {
            let full = match route.flavor {
                Flavor::V1 => format!("/nimserver/{}", route.path),
                Flavor::V2 => format!("/nimserver{}", route.path),
                Flavor::Admin => route.path.to_owned(),
            };
            let segments: Vec<Segment> = split(route.path)
                .map(
                    |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                        Some(name) => Segment::Param(name),
                        None => Segment::Literal(s),
                    },
                )
                .collect();
            let prefix = match route.flavor {
                Flavor::V1 => vec![Segment::Literal("nimserver")],
                Flavor::V2 => vec![Segment::Literal("nimserver")],
                Flavor::Admin => vec![],
            };
            let segments: Vec<Segment> = prefix.into_iter().chain(segments).collect();
            let index = self.entries.len();
            if segments.iter().any(|s| matches!(s, Segment::Param(_))) {
                self.templated.push(index);
            } else {
                self.exact.entry(full).or_default().push(index);
            }
            let handler = route.handler;
            let state = Arc::clone(&state);
            self.entries.push(Entry {
                method: route.method,
                flavor: route.flavor,
                segments,
                run: Box::new(move |call| handler(call, &state)),
            });
        }
    }

    /// The route for `method` and the raw URL `path` (no query).
    pub(crate) fn find(&self, method: &str, path: &str) -> Lookup<'_> {
        let mut known: Option<(Flavor, Vec<&'static str>)> = None;
        let mut note = |entry: &Entry| {
            let (_, allowed) = known.get_or_insert_with(|| (entry.flavor, Vec::new()));
            allowed.push(entry.method);
        };
        if let Some(indexes) = self.exact.get(path) {
            for &i in indexes {
                let entry = &self.entries[i];
                if entry.method == method {
                    return Lookup::Found(entry, Vec::new());
                }
                note(entry);
            }
        }
        let segments: Vec<&str> = split(path).collect();
        for &i in &self.templated {
            let entry = &self.entries[i];
            if let Some(params) = matches(&entry.segments, &segments) {
                if entry.method == method {
                    return Lookup::Found(entry, params);
                }
                note(entry);
            }
        }
        match known {
            Some((flavor, allowed)) => Lookup::WrongMethod { flavor, allowed },
            None => Lookup::NotFound,
        }
    }

    /// Puts every piece of shared state back to its default.
    pub(crate) fn reset(&self) {
        for reset in &self.resets {
            reset();
        }
    }
}

/// A path's segments after its leading `/`; a doubled or trailing `/` makes an empty segment,
/// which no template matches.
fn split(path: &str) -> impl Iterator<Item = &str> {
    path.strip_prefix('/').unwrap_or(path).split('/')
}

/// The decoded parameters if `segments` fit `template`.
fn matches(template: &[Segment], segments: &[&str]) -> Option<Vec<(&'static str, String)>> {
    if template.len() != segments.len() {
        return None;
    }
    let mut params = Vec::new();
    for (t, s) in template.iter().zip(segments) {
        match t {
            Segment::Literal(lit) if lit == s => {}
            Segment::Literal(_) => return None,
            Segment::Param(_) if s.is_empty() => return None,
            Segment::Param(name) => params.push((*name, percent_decode(s))),
        }
    }
    Some(params)
}

/// Decodes `%XX` escapes (a `+` stays a `+` in a path); invalid escapes are kept as they are
/// and invalid UTF-8 becomes U+FFFD.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(byte);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(_: &Call<'_>, tag: &&'static str) -> Result<Reply, ApiError> {
        Err(ApiError::param(*tag))
    }

    fn registry() -> Registry {
        let mut reg = Registry::default();
        reg.routes(
            "a",
            &[
                Route::v1("user/create.action", ok),
                Route::v2("GET", "/im/v2/accounts/{account_id}", ok),
                Route::v2("PATCH", "/im/v2/accounts/{account_id}", ok),
            ],
        );
        reg
    }

    #[test]
    fn exact_and_templated_paths() {
        let reg = registry();
        assert!(matches!(
            reg.find("POST", "/nimserver/user/create.action"),
            Lookup::Found(_, p) if p.is_empty()
        ));
        match reg.find("PATCH", "/nimserver/im/v2/accounts/a%2Fb%7Cc|d") {
            Lookup::Found(e, p) => {
                assert_eq!(e.flavor, Flavor::V2);
                assert_eq!(p, vec![("account_id", "a/b|c|d".to_owned())]);
            }
            _ => panic!("not found"),
        }
        assert!(matches!(
            reg.find("DELETE", "/nimserver/im/v2/accounts/x"),
            Lookup::WrongMethod { flavor: Flavor::V2, allowed } if allowed == ["GET", "PATCH"]
        ));
        assert!(matches!(
            reg.find("GET", "/nimserver/im/v2/accounts/x/y"),
            Lookup::NotFound
        ));
        assert!(matches!(
            reg.find("GET", "/nimserver/im/v2/accounts/"),
            Lookup::NotFound
        ));
        assert!(matches!(
            reg.find("GET", "/nimserver/im/v2//accounts/x"),
            Lookup::NotFound
        ));
        assert!(matches!(
            reg.find("GET", "/nimserver/user/create.action"),
            Lookup::WrongMethod { .. }
        ));
    }

    #[test]
    fn decoding_never_panics() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%E5%BC%A0"), "张");
        assert_eq!(percent_decode("%FF"), "\u{fffd}");
        assert_eq!(percent_decode("%C3%"), "\u{fffd}%");
    }

    #[test]
    fn shared_state_is_one_per_type_and_resets() {
        let mut reg = Registry::default();
        let a = reg.shared::<Vec<u8>>();
        let b = reg.shared::<Vec<u8>>();
        lock(&a).push(1);
        assert_eq!(*lock(&b), vec![1]);
        reg.reset();
        assert!(lock(&a).is_empty());
    }
}
