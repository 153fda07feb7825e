//! Check: turns what was written into a `Checked` declaration, or into every error it
//! contains.
//!
//! Each entry is judged on its own (known key? right kind of value?), then per item
//! (duplicates, conflicts, missing keys), then across fields (two fields sent under one wire
//! name, path parameters against the template, a body on a GET). Errors accumulate instead of
//! returning early, so one build shows every mistake; each is spanned on the token to change.
//! Whether a rule suits a field's *type* is not judged here: the macro cannot see through
//! aliases or paths, so the emitted code asks the compiler through trait bounds (see `emit`).

mod field;
mod template;
mod values;

use proc_macro2::Span;
use quote::quote;
use syn::{Ident, LitStr, Path};

use crate::errors::Errors;
use crate::model::{
    Action, Checked, Derive, Distinct, RawAttrs, RawEntry, RawInput, Shape, Version,
};
use values::{Seen, display_path, list};

/// The keys of the struct's `#[nim(...)]`, per derive.
const ENDPOINT_KEYS: &[&str] = &[
    "path",
    "method",
    "response",
    "response_field",
    "idempotent",
    "rate_limit",
    "setters",
    "custom",
    "distinct",
    "crate",
];
const PARAMS_KEYS: &[&str] = &["setters", "form_members", "custom", "distinct", "crate"];

/// The methods `method = "..."` accepts.
const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE"];

/// Checks `raw`, adding to the errors `parse` found.
pub(crate) fn input(raw: RawInput, mut errors: Errors, derive: Derive) -> syn::Result<Checked> {
    let keys = match derive {
        Derive::Endpoint => ENDPOINT_KEYS,
        Derive::Params => PARAMS_KEYS,
    };
    let container = container(&raw, keys, derive, &mut errors);
    let what = match derive {
        Derive::Endpoint => "`#[derive(Endpoint)]` needs named fields, one per parameter",
        Derive::Params => "`#[derive(Params)]` needs named fields, one per member",
    };
    let raw_fields = match raw.shape {
        Shape::Named(fields) => fields,
        Shape::Tuple(span) => {
            errors.push(syn::Error::new(
                span,
                format!("{what}; a tuple struct has no parameter names"),
            ));
            Vec::new()
        }
        Shape::Unit => {
            errors.push(syn::Error::new(
                raw.ident.span(),
                format!(
                    "{what}; for one without parameters write `struct {} {{}}`",
                    raw.ident
                ),
            ));
            Vec::new()
        }
        Shape::Enum(span) | Shape::Union(span) => {
            errors.push(syn::Error::new(
                span,
                format!("{what}: it only applies to a struct with named fields"),
            ));
            Vec::new()
        }
    };
    let version = container.action.as_ref().map(|a| a.version);
    let raw_names: Vec<Ident> = raw_fields.iter().map(|f| f.ident.clone()).collect();
    let fields = field::all(raw_fields, version, container.setters, &mut errors);
    let distinct = container
        .distinct
        .and_then(|pair| distinct_fields(pair, &fields, &raw_names, &mut errors));
    if let Some(action) = &container.action {
        template::check(action, &fields, &mut errors);
    }
    if derive == Derive::Endpoint && container.action.is_none() && !container.path_invalid {
        errors.push(syn::Error::new(
            raw.ident.span(),
            "`#[derive(Endpoint)]` needs `#[nim(path = \"...\")]` on the struct: the v1 \
             action's path below the base URL, like `#[nim(path = \"user/create.action\")]`, \
             or the v2 template, like `#[nim(path = \"/im/v2/accounts/{account_id}\")]`",
        ));
    }
    // Without a `crate` override, the core is reached through `nim_api`, the crate users
    // depend on; a crate using `nim-core` directly names it.
    let private = match container.krate {
        Some(path) => quote!(#path::__private),
        None => quote!(::nim_api::__private),
    };
    errors.finish(Checked {
        private,
        ident: raw.ident,
        generics: raw.generics,
        action: container.action,
        custom: container.custom,
        distinct,
        setters: container.setters,
        form_members: container.form_members,
        fields,
    })
}

/// `distinct = [owner, other]`: both must be sent fields. A name of a field whose own
/// attributes were refused (so it is not in `fields`) is not reported again.
fn distinct_fields(
    (owner, other): (Ident, Ident),
    fields: &[crate::model::Field],
    raw_names: &[Ident],
    errors: &mut Errors,
) -> Option<Distinct> {
    let mut find = |name: &Ident| {
        let found = fields.iter().find(|f| f.ident == *name);
        match found {
            Some(field) if field.place != crate::model::Place::Skipped => {
                Some((field.ident.clone(), field.wire.clone(), field.ty.clone()))
            }
            Some(_) => {
                errors.push(syn::Error::new(
                    name.span(),
                    format!("`{name}` is skipped: `distinct` compares fields that are sent"),
                ));
                None
            }
            None if raw_names.contains(name) => None,
            None => {
                errors.push(syn::Error::new(
                    name.span(),
                    format!("`distinct` names `{name}`, which is not a field of this struct"),
                ));
                None
            }
        }
    };
    let owner = find(&owner);
    let other = find(&other);
    Some(Distinct {
        owner: owner?,
        other: other?,
    })
}

/// What the struct's attributes say.
struct Container {
    action: Option<Action>,
    /// `path` was given but rejected: do not also report it missing.
    path_invalid: bool,
    custom: Option<Path>,
    distinct: Option<(Ident, Ident)>,
    setters: bool,
    form_members: bool,
    krate: Option<Path>,
}

fn container(
    raw: &RawInput,
    keys: &'static [&'static str],
    derive: Derive,
    errors: &mut Errors,
) -> Container {
    empty_attrs(&raw.attrs, "the struct", keys, errors);
    let mut seen = Seen::new("struct");
    let mut path = None;
    let mut method = None;
    let mut response = None;
    let mut response_field = None;
    let mut out = Container {
        action: None,
        path_invalid: false,
        custom: None,
        distinct: None,
        setters: false,
        form_members: false,
        krate: None,
    };
    let mut idempotent = false;
    let mut rate_limit = None;
    for entry in &raw.attrs.entries {
        let Some(key) = known_key(entry, keys, field::KEYS, Level::Container, errors) else {
            continue;
        };
        if !seen.first(key, entry, errors) {
            continue;
        }
        match key {
            "path" => {
                path = values::string(entry, "path = \"user/create.action\"", errors)
                    .and_then(|lit| errors.take(template::action_path(lit)));
                out.path_invalid = path.is_none();
            }
            "method" => method = method_value(entry, errors),
            "response" => response = values::response(entry, errors),
            "response_field" => {
                response_field = values::string(entry, "response_field = \"info\"", errors)
                    .and_then(|lit| {
                        errors.take(values::non_empty(lit, "response_field = \"info\""))
                    });
            }
            "idempotent" => idempotent = values::flag(entry, key, errors),
            "rate_limit" => {
                rate_limit = values::string(entry, "rate_limit = \"120/min\"", errors)
                    .and_then(|lit| errors.take(rate_limit_value(&lit)));
            }
            "setters" => out.setters = values::flag(entry, key, errors),
            "form_members" => out.form_members = values::flag(entry, key, errors),
            "custom" => out.custom = values::function_path(entry, errors),
            "distinct" => out.distinct = errors.take(values::field_pair(entry)),
            "crate" => out.krate = values::crate_path(entry, errors),
            _ => {}
        }
    }
    // Only when `response` is absent, not when it was given but rejected.
    if let (Some(entry), None) = (seen.get("response_field"), seen.get("response")) {
        errors.push(syn::Error::new_spanned(
            &entry.key,
            "`response_field` needs `response = Type` beside it: without a response type \
             the action answers nothing beyond success",
        ));
    }
    if derive == Derive::Params {
        return out;
    }
    let Some(path) = path else {
        return out;
    };
    let version = template::version(&path);
    let method = match method {
        Some(method) => {
            if version == Version::V1 && method != "POST" {
                errors.push(syn::Error::new(
                    method.span(),
                    "v1 actions (`*.action` paths) are sent with POST only; \
                     `method` applies to v2 paths (`/im/v2/...`)",
                ));
                // Judge the fields as the POST the action will be.
                Ident::new("POST", method.span())
            } else {
                method
            }
        }
        None => Ident::new("POST", Span::call_site()),
    };
    out.action = Some(Action {
        path,
        version,
        method,
        response,
        response_field,
        idempotent,
        rate_limit,
    });
    out
}

/// `rate_limit = "120/min"`: calls per `s`, `min` or `day`, as the constructor of
/// `RateLimit` to call and its argument.
fn rate_limit_value(lit: &LitStr) -> syn::Result<(u32, &'static str)> {
    let value = lit.value();
    let parsed = value.split_once('/').and_then(|(calls, unit)| {
        let calls = calls.trim().parse::<u32>().ok().filter(|&n| n > 0)?;
        let constructor = match unit.trim() {
            "s" => "per_second",
            "min" => "per_minute",
            "day" => "per_day",
            _ => return None,
        };
        Some((calls, constructor))
    });
    parsed.ok_or_else(|| {
        syn::Error::new(
            lit.span(),
            "`rate_limit` expects calls per period, like \"100/s\", \"120/min\" or \"5/day\" \
             (at least 1 call)",
        )
    })
}

/// `method = "PATCH"`: one of [`METHODS`], as an identifier for `Method::Patch`.
fn method_value(entry: &RawEntry, errors: &mut Errors) -> Option<Ident> {
    let lit = values::string(entry, "method = \"PATCH\"", errors)?;
    let value = lit.value();
    if METHODS.contains(&value.as_str()) {
        return Some(Ident::new(&value, lit.span()));
    }
    let hint = if METHODS.contains(&value.to_ascii_uppercase().as_str()) {
        format!(
            "; write it in capitals: `method = \"{}\"`",
            value.to_ascii_uppercase()
        )
    } else {
        String::new()
    };
    errors.push(syn::Error::new(
        lit.span(),
        format!("`method` must be one of {}{hint}", list(METHODS)),
    ));
    None
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
