//! Check: turns what was written into an `Endpoint`, or into every error it contains.
//!
//! Each entry is judged on its own (known key? right kind of value?), then per item
//! (duplicates, conflicts, missing keys), then across fields (two fields sent under one wire
//! name). Errors accumulate instead of returning early, so one build shows every mistake; each
//! is spanned on the token to change. Whether a rule suits a field's *type* is not judged here:
//! the macro cannot see through aliases or paths, so the emitted code asks the compiler
//! through trait bounds (see `emit`).

use std::collections::HashMap;

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::{Ident, Lit, LitInt, LitStr, Path, Type};

use crate::errors::Errors;
use crate::krate;
use crate::model::{Endpoint, Field, RawAttrs, RawEntry, RawField, RawInput, RawValue, Shape};

/// The keys of the struct's `#[nim(...)]`.
const CONTAINER_KEYS: &[&str] = &["path", "response", "response_field", "idempotent", "crate"];

/// The keys of a field's `#[nim(...)]`.
const FIELD_KEYS: &[&str] = &["required", "max_len", "accid", "rename", "skip"];

/// Checks `raw`, adding to the errors `parse` found.
pub(crate) fn input(raw: RawInput, mut errors: Errors) -> syn::Result<Endpoint> {
    let container = container(&raw, &mut errors);
    let fields = match raw.shape {
        Shape::Named(fields) => fields_of(fields, &mut errors),
        Shape::Tuple(span) => {
            errors.push(syn::Error::new(
                span,
                "`#[derive(Endpoint)]` needs named fields, one per form parameter; \
                 a tuple struct has no parameter names",
            ));
            Vec::new()
        }
        Shape::Unit => {
            errors.push(syn::Error::new(
                raw.ident.span(),
                format!(
                    "`#[derive(Endpoint)]` needs a struct with named fields, one per form \
                     parameter; for an action without parameters write `struct {} {{}}`",
                    raw.ident
                ),
            ));
            Vec::new()
        }
        Shape::Enum(span) | Shape::Union(span) => {
            errors.push(syn::Error::new(
                span,
                "`#[derive(Endpoint)]` only applies to a struct with named fields, \
                 one per form parameter",
            ));
            Vec::new()
        }
    };
    let private = match container.krate {
        Some(path) => quote!(#path::__private),
        // Unresolvable only when the user has no way to call an endpoint anyway; the
        // error names the override.
        None => errors.take(krate::resolve()).unwrap_or_default(),
    };
    let path = match container.path {
        Some(path) => path,
        None => {
            if !container.path_invalid {
                errors.push(syn::Error::new(
                    raw.ident.span(),
                    "`#[derive(Endpoint)]` needs `#[nim(path = \"...\")]` on the struct, \
                     the action's path below the base URL, like \
                     `#[nim(path = \"user/create.action\")]`",
                ));
            }
            LitStr::new("", raw.ident.span())
        }
    };
    errors.finish(Endpoint {
        private,
        ident: raw.ident,
        generics: raw.generics,
        path,
        response: container.response,
        response_field: container.response_field,
        idempotent: container.idempotent,
        fields,
    })
}

/// What the struct's attributes say.
struct Container {
    path: Option<LitStr>,
    /// `path` was given but rejected: do not also report it missing.
    path_invalid: bool,
    response: Option<Type>,
    response_field: Option<LitStr>,
    idempotent: bool,
    krate: Option<Path>,
}

fn container(raw: &RawInput, errors: &mut Errors) -> Container {
    empty_attrs(&raw.attrs, "the struct", CONTAINER_KEYS, errors);
    let mut seen = Seen::new("struct");
    let mut out = Container {
        path: None,
        path_invalid: false,
        response: None,
        response_field: None,
        idempotent: false,
        krate: None,
    };
    let mut response_field_entry = None;
    for entry in &raw.attrs.entries {
        let Some(key) = known_key(entry, CONTAINER_KEYS, FIELD_KEYS, Level::Container, errors)
        else {
            continue;
        };
        if !seen.first(key, entry, errors) {
            continue;
        }
        match key {
            "path" => {
                out.path = string(entry, "path = \"user/create.action\"", errors)
                    .and_then(|lit| errors.take(action_path(lit)));
                out.path_invalid = out.path.is_none();
            }
            "response" => out.response = response(entry, errors),
            "response_field" => {
                response_field_entry = Some(entry);
                out.response_field = string(entry, "response_field = \"info\"", errors)
                    .and_then(|lit| errors.take(non_empty(lit, "response_field = \"info\"")));
            }
            "idempotent" => out.idempotent = flag(entry, key, errors),
            "crate" => out.krate = crate_path(entry, errors),
            _ => {}
        }
    }
    // Only when `response` is absent, not when it was given but rejected.
    if let (Some(entry), None) = (response_field_entry, seen.get("response")) {
        errors.push(syn::Error::new_spanned(
            &entry.key,
            "`response_field` needs `response = Type` beside it: without a response type \
             the action answers nothing beyond success",
        ));
    }
    out
}

/// Checks every named field and that no two are sent under one name.
fn fields_of(raw: Vec<RawField>, errors: &mut Errors) -> Vec<Field> {
    let mut fields = Vec::with_capacity(raw.len());
    // Wire name -> the Rust name of the field that took it first.
    let mut wire_names: HashMap<String, Ident> = HashMap::new();
    for raw_field in raw {
        let Some(field) = field(raw_field, errors) else {
            continue;
        };
        match wire_names.get(&field.wire.value()) {
            Some(first) => errors.push(syn::Error::new(
                field.wire.span(),
                format!(
                    "fields `{first}` and `{}` are both sent as `{}`; \
                     give one of them another name with `rename = \"...\"`",
                    field.ident,
                    field.wire.value(),
                ),
            )),
            None => {
                wire_names.insert(field.wire.value(), field.ident.clone());
            }
        }
        fields.push(field);
    }
    fields
}

/// One field: `None` when it is skipped (or its attributes are wrong).
fn field(raw: RawField, errors: &mut Errors) -> Option<Field> {
    empty_attrs(&raw.attrs, "a field", FIELD_KEYS, errors);
    let mut seen = Seen::new("field");
    let mut required = false;
    let mut max_len = None;
    let mut accid = false;
    let mut rename = None;
    let mut skip = false;
    let mut ok = true;
    for entry in &raw.attrs.entries {
        let Some(key) = known_key(entry, FIELD_KEYS, CONTAINER_KEYS, Level::Field, errors) else {
            ok = false;
            continue;
        };
        if !seen.first(key, entry, errors) {
            ok = false;
            continue;
        }
        match key {
            "required" => required = flag(entry, key, errors),
            "accid" => accid = flag(entry, key, errors),
            "skip" => skip = flag(entry, key, errors),
            "max_len" => {
                max_len = errors.take(max_len_value(entry));
                ok &= max_len.is_some();
            }
            "rename" => {
                rename = string(entry, "rename = \"wireName\"", errors)
                    .and_then(|lit| errors.take(non_empty(lit, "rename = \"wireName\"")));
                ok &= rename.is_some();
            }
            _ => {}
        }
    }
    if seen.get("skip").is_some() {
        for rule in ["required", "max_len", "accid", "rename"] {
            if let Some(entry) = seen.get(rule) {
                errors.push(syn::Error::new_spanned(
                    &entry.key,
                    format!(
                        "`skip` cannot be combined with `{rule}`: a skipped field is never sent"
                    ),
                ));
            }
        }
        return None;
    }
    if skip || !ok {
        return None;
    }
    let wire = rename.unwrap_or_else(|| {
        // `r#type` is sent as `type`.
        let ident = syn::ext::IdentExt::unraw(&raw.ident);
        LitStr::new(&ident.to_string(), raw.ident.span())
    });
    Some(Field {
        ident: raw.ident,
        ty: raw.ty,
        wire,
        required,
        max_len,
        accid,
    })
}

/// Where an attribute sits, for the wording of errors.
#[derive(Clone, Copy)]
enum Level {
    Container,
    Field,
}

/// The entry's key when it is one of `keys`; otherwise reports it and returns `None`.
fn known_key(
    entry: &RawEntry,
    keys: &'static [&'static str],
    other_level: &[&str],
    level: Level,
    errors: &mut Errors,
) -> Option<&'static str> {
    if let Some(key) = entry
        .name()
        .and_then(|name| keys.iter().copied().find(|key| name == key))
    {
        return Some(key);
    }
    let written = display_path(&entry.key);
    let message = match (level, other_level.contains(&written.as_str())) {
        (Level::Container, true) => format!(
            "`{written}` is a field attribute: put it in `#[nim(...)]` on the field it applies to"
        ),
        (Level::Field, true) => {
            format!("`{written}` is a container attribute: put it in `#[nim(...)]` on the struct")
        }
        (Level::Container, false) => format!(
            "unknown container attribute `{written}`; expected one of {}",
            list(keys)
        ),
        (Level::Field, false) => format!(
            "unknown field attribute `{written}`; expected one of {}",
            list(keys)
        ),
    };
    errors.push(syn::Error::new_spanned(&entry.key, message));
    None
}

/// Reports each `#[nim()]` with nothing inside.
fn empty_attrs(attrs: &RawAttrs, place: &str, keys: &[&str], errors: &mut Errors) {
    for attr in &attrs.empty {
        errors.push(syn::Error::new_spanned(
            attr,
            format!(
                "empty `#[nim()]`: remove it, or add what applies to {place}, one of {}",
                list(keys)
            ),
        ));
    }
}

/// The first entry seen for each key, to report duplicates.
struct Seen<'a> {
    /// "struct" or "field", for the message.
    place: &'static str,
    first: Vec<(&'static str, &'a RawEntry)>,
}

impl<'a> Seen<'a> {
    fn new(place: &'static str) -> Self {
        Seen {
            place,
            first: Vec::new(),
        }
    }

    /// Records `entry` under `key`; reports it and returns `false` if `key` was already seen.
    fn first(&mut self, key: &'static str, entry: &'a RawEntry, errors: &mut Errors) -> bool {
        if self.get(key).is_some() {
            errors.push(syn::Error::new_spanned(
                entry,
                format!(
                    "duplicate `{key}`: it is already set on this {}",
                    self.place
                ),
            ));
            false
        } else {
            self.first.push((key, entry));
            true
        }
    }

    fn get(&self, key: &str) -> Option<&'a RawEntry> {
        self.first
            .iter()
            .find(|(seen, _)| *seen == key)
            .map(|(_, entry)| *entry)
    }
}

/// A flag: `key` alone. Reports `key = ...` and `key(...)`.
fn flag(entry: &RawEntry, key: &str, errors: &mut Errors) -> bool {
    let value = match &entry.value {
        RawValue::Flag => return true,
        RawValue::Assign { eq, tokens } => quote!(#eq #tokens),
        RawValue::List(group) => group.to_token_stream(),
    };
    errors.push(syn::Error::new_spanned(
        value,
        format!("`{key}` is a flag and takes no value: write `{key}` alone"),
    ));
    false
}

/// The value of `key = value`, or the entry itself when there is none (for the error span).
fn assigned(entry: &RawEntry) -> Result<&TokenStream, TokenStream> {
    match &entry.value {
        RawValue::Assign { tokens, .. } if !tokens.is_empty() => Ok(tokens),
        _ => Err(entry.to_token_stream()),
    }
}

/// A string literal value; `example` shows the expected form in the error.
fn string(entry: &RawEntry, example: &str, errors: &mut Errors) -> Option<LitStr> {
    let key = display_path(&entry.key);
    let message = format!("`{key}` expects a string literal, like `{example}`");
    assigned_value(
        entry,
        &message,
        <LitStr as syn::parse::Parse>::parse,
        errors,
    )
}

/// Parses an `= value` with `parser`, reporting `message` on the value (or on the key when
/// the value is missing).
fn assigned_value<T>(
    entry: &RawEntry,
    message: &str,
    parser: impl syn::parse::Parser<Output = T>,
    errors: &mut Errors,
) -> Option<T> {
    let result = match assigned(entry) {
        Ok(tokens) => parser
            .parse2(tokens.clone())
            .map_err(|_| syn::Error::new_spanned(tokens, message)),
        Err(span) => Err(syn::Error::new_spanned(span, message)),
    };
    result.map_err(|e| errors.push(e)).ok()
}

/// Rejects an empty string.
fn non_empty(lit: LitStr, example: &str) -> syn::Result<LitStr> {
    if lit.value().is_empty() {
        let key = example.split(' ').next().unwrap_or(example);
        Err(syn::Error::new(
            lit.span(),
            format!("`{key}` must not be empty; expected something like `{example}`"),
        ))
    } else {
        Ok(lit)
    }
}

/// `path`: non-empty, relative to the base URL, nothing a URL would reinterpret.
fn action_path(lit: LitStr) -> syn::Result<LitStr> {
    let value = lit.value();
    let problem = if value.is_empty() {
        "must not be empty"
    } else if value.starts_with('/') {
        "is relative to the base URL and must not start with `/`"
    } else if value.contains(char::is_whitespace) {
        "must not contain whitespace"
    } else if value.contains('?') {
        "must not contain `?`: parameters are the struct's fields, not a query string"
    } else if value.contains('#') {
        "must not contain `#`"
    } else {
        return Ok(lit);
    };
    Err(syn::Error::new(
        lit.span(),
        format!(
            "`path` {problem}; expected the action's path, like `path = \"user/create.action\"`"
        ),
    ))
}

/// `response = Type`.
fn response(entry: &RawEntry, errors: &mut Errors) -> Option<Type> {
    let message = "`response` expects the response type, like `response = CreateUserResponse`";
    assigned_value(entry, message, <Type as syn::parse::Parse>::parse, errors)
}

/// `crate = path`.
fn crate_path(entry: &RawEntry, errors: &mut Errors) -> Option<Path> {
    let message = "`crate` expects the path of `nim_api` or `nim_core`, like `crate = nim_api`";
    assigned_value(entry, message, Path::parse_mod_style, errors)
}

/// `max_len = N` with `0 < N <= u32::MAX`, re-made as an unsuffixed literal (so it is a
/// `usize` in the generated code on every target).
fn max_len_value(entry: &RawEntry) -> syn::Result<LitInt> {
    const EXPECTED: &str = "`max_len` expects a positive integer literal, like `max_len = 64`";
    let tokens = assigned(entry).map_err(|span| syn::Error::new_spanned(span, EXPECTED))?;
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let literal = match trees.as_slice() {
        [TokenTree::Literal(literal)] => Lit::new(literal.clone()),
        [TokenTree::Punct(minus), TokenTree::Literal(_)] if minus.as_char() == '-' => {
            return Err(syn::Error::new_spanned(
                tokens,
                format!("{EXPECTED}; a length cannot be negative"),
            ));
        }
        _ => return Err(syn::Error::new_spanned(tokens, EXPECTED)),
    };
    match literal {
        Lit::Int(int) => match int.base10_parse::<u32>() {
            Ok(0) => Err(syn::Error::new(
                int.span(),
                format!("{EXPECTED}; `max_len = 0` would reject every value"),
            )),
            Ok(limit) => Ok(LitInt::new(&limit.to_string(), int.span())),
            Err(_) => Err(syn::Error::new(
                int.span(),
                format!(
                    "{EXPECTED}; `{}` is too large, the most is {}",
                    int.base10_digits(),
                    u32::MAX
                ),
            )),
        },
        Lit::Str(text) => {
            let hint = match text.value().trim().parse::<u32>() {
                Ok(limit) if limit > 0 => format!("; write it without quotes: `max_len = {limit}`"),
                _ => String::new(),
            };
            Err(syn::Error::new(text.span(), format!("{EXPECTED}{hint}")))
        }
        Lit::Float(float) => Err(syn::Error::new(
            float.span(),
            format!("{EXPECTED}; a length is a whole number of characters"),
        )),
        other => Err(syn::Error::new_spanned(other, EXPECTED)),
    }
}

/// `a`, `a::b`, as written (for messages).
fn display_path(path: &Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let joined = segments.join("::");
    if path.leading_colon.is_some() {
        format!("::{joined}")
    } else {
        joined
    }
}

/// "`a`, `b`, `c`".
fn list(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}
