//! The fields: each one's attributes, then what holds across fields (wire names, one page
//! token, where fields may be sent in each API version).

use std::collections::HashMap;

use syn::{Ident, LitInt, LitStr};

use super::values::{self, Seen};
use super::{Level, empty_attrs, known_key};
use crate::errors::Errors;
use crate::model::{Field, Place, RawField, RawValue, Rules, Version};

/// The keys of a field's `#[nim(...)]`.
pub(super) const KEYS: &[&str] = &[
    "required",
    "max_len",
    "accid",
    "json",
    "min",
    "max",
    "one_of",
    "min_items",
    "max_items",
    "unique",
    "custom",
    "rename",
    "skip",
    "path",
    "query",
    "flatten",
    "page_token",
    "deprecated",
    "default",
];

/// Checks every named field and what holds across them. `version` is `None` for a nested
/// parameter object.
pub(super) fn all(
    raw: Vec<RawField>,
    version: Option<Version>,
    setters: bool,
    errors: &mut Errors,
) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::with_capacity(raw.len());
    // Wire name -> the Rust name of the field that took it first.
    let mut wire_names: HashMap<String, Ident> = HashMap::new();
    let mut page_token: Option<Ident> = None;
    for raw_field in raw {
        let Some(field) = one(raw_field, version, setters, errors) else {
            continue;
        };
        if field.place != Place::Skipped {
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
        }
        if field.page_token {
            if let Some(first) = &page_token {
                errors.push(syn::Error::new(
                    field.ident.span(),
                    format!("`page_token` is already on field `{first}`; a request has one cursor"),
                ));
            } else {
                page_token = Some(field.ident.clone());
            }
        }
        fields.push(field);
    }
    fields
}

/// One field: `None` when its attributes are wrong.
fn one(
    raw: RawField,
    version: Option<Version>,
    setters: bool,
    errors: &mut Errors,
) -> Option<Field> {
    empty_attrs(&raw.attrs, "a field", KEYS, errors);
    let mut seen = Seen::new("field");
    let mut rules = Rules::default();
    let mut rename = None;
    let mut deprecated = None;
    let mut ok = true;
    for entry in &raw.attrs.entries {
        let Some(key) = known_key(entry, KEYS, super::ENDPOINT_KEYS, Level::Field, errors) else {
            ok = false;
            continue;
        };
        if !seen.first(key, entry, errors) {
            ok = false;
            continue;
        }
        if key == "path" && matches!(entry.value, RawValue::Assign { .. }) {
            errors.push(syn::Error::new_spanned(
                entry,
                "on a field, `path` is a flag marking a parameter of the path template; \
                 the action's path goes on the struct: `#[nim(path = \"...\")]`",
            ));
            ok = false;
            continue;
        }
        let before = errors.count();
        match key {
            "required" => rules.required = values::flag(entry, key, errors),
            "accid" => rules.accid = values::flag(entry, key, errors),
            "json" => rules.json = values::flag(entry, key, errors),
            "unique" => rules.unique = values::flag(entry, key, errors),
            "skip" | "path" | "query" | "flatten" | "page_token" | "default" => {
                values::flag(entry, key, errors);
            }
            "max_len" => rules.max_len = errors.take(values::integer(entry, false, true)),
            "min" => rules.min = errors.take(values::integer(entry, true, false)),
            "max" => rules.max = errors.take(values::integer(entry, true, false)),
            "min_items" => rules.min_items = errors.take(values::integer(entry, false, true)),
            "max_items" => rules.max_items = errors.take(values::integer(entry, false, true)),
            "one_of" => rules.one_of = errors.take(values::integer_list(entry)),
            "custom" => rules.custom = values::function_path(entry, errors),
            "rename" => {
                rename = values::string(entry, "rename = \"wireName\"", errors)
                    .and_then(|lit| errors.take(values::non_empty(lit, "rename = \"wireName\"")));
            }
            "deprecated" => {
                deprecated = values::string(entry, "deprecated = \"use `ex`\"", errors);
            }
            _ => {}
        }
        ok &= errors.count() == before;
    }
    if seen.get("skip").is_some() {
        for rule in KEYS.iter().filter(|key| **key != "skip") {
            if let Some(entry) = seen.get(rule) {
                errors.push(syn::Error::new_spanned(
                    &entry.key,
                    format!(
                        "`skip` cannot be combined with `{rule}`: a skipped field is never sent"
                    ),
                ));
                ok = false;
            }
        }
    }
    ok &= ordered(&rules.min, &rules.max, ("min", "max", "value"), errors);
    ok &= ordered(
        &rules.min_items,
        &rules.max_items,
        ("min_items", "max_items", "list"),
        errors,
    );
    if let (Some(entry), false) = (seen.get("deprecated"), setters) {
        errors.push(syn::Error::new_spanned(
            &entry.key,
            "`deprecated` marks the generated setter; add `setters` to the struct's \
             `#[nim(...)]`, or put `#[deprecated]` on your own setter",
        ));
        ok = false;
    }
    if let Some(entry) = seen.get("default") {
        let problem = if !setters {
            Some(
                "`default` gives the field its starting value in the generated `new`; add \
                 `setters` to the struct's `#[nim(...)]`",
            )
        } else if is_option(&raw.ty) {
            Some(
                "an `Option` field already starts unset and gets a setter; `default` is for \
                 a field that is always sent",
            )
        } else if seen.get("required").is_some() {
            Some(
                "a `required` field must be given, so it is an argument of `new`; `default` \
                 would start it empty and every request would fail until it is set",
            )
        } else {
            None
        };
        if let Some(problem) = problem {
            errors.push(syn::Error::new_spanned(&entry.key, problem));
            ok = false;
        }
    }
    if let Some(entry) = seen.get("flatten") {
        let other = ["path", "query", "rename"]
            .into_iter()
            .find(|k| seen.get(k).is_some());
        let problem = other.map(|other| {
            format!("`flatten` writes the object's members into the body: `{other}` cannot apply")
        });
        if let Some(problem) = problem {
            errors.push(syn::Error::new_spanned(&entry.key, problem));
            ok = false;
        }
    }
    let place = match (seen.get("skip"), seen.get("path"), seen.get("query")) {
        (Some(_), _, _) => Place::Skipped,
        _ if seen.get("flatten").is_some() => Place::Flattened,
        (None, Some(path), Some(query)) => {
            let mut err = syn::Error::new_spanned(
                &query.key,
                "a field is sent in one place: `path` and `query` cannot both apply",
            );
            err.combine(syn::Error::new_spanned(&path.key, "`path` given here"));
            errors.push(err);
            ok = false;
            Place::Path
        }
        (None, Some(_), None) => Place::Path,
        (None, None, Some(_)) => Place::Query,
        (None, None, None) => Place::Body,
    };
    for key in ["path", "query"] {
        // A `path = "..."` on a field was reported above as a misplaced container attribute.
        let Some(entry) = seen
            .get(key)
            .filter(|e| !matches!(e.value, RawValue::Assign { .. }))
        else {
            continue;
        };
        let problem = match version {
            None => Some("a nested parameter object is sent inside its parent's body"),
            Some(Version::V1) => Some("v1 actions send every parameter in the form body"),
            Some(Version::V2) => None,
        };
        if let Some(problem) = problem {
            errors.push(syn::Error::new_spanned(
                &entry.key,
                format!("`{key}` does not apply here: {problem}"),
            ));
            ok = false;
        }
    }
    if let (Some(entry), None) = (seen.get("page_token"), version) {
        errors.push(syn::Error::new_spanned(
            &entry.key,
            "`page_token` marks the cursor of a list action; put it on the action's field",
        ));
        ok = false;
    }
    if !ok {
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
        place,
        rules,
        page_token: seen.get("page_token").is_some(),
        default: seen.get("default").is_some(),
        deprecated,
        docs: raw.docs,
    })
}

/// Whether `ty` is written as `Option<..>` (whatever its path), as the setters read it.
fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(path)
        if path.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

/// Reports a lower bound above its upper bound (`min = 4, max = 1`); `true` when in order.
fn ordered(
    low: &Option<LitInt>,
    high: &Option<LitInt>,
    (low_key, high_key, what): (&str, &str, &str),
    errors: &mut Errors,
) -> bool {
    let (Some(low), Some(high)) = (low, high) else {
        return true;
    };
    if low.base10_parse::<i64>().ok() <= high.base10_parse::<i64>().ok() {
        return true;
    }
    errors.push(syn::Error::new(
        low.span(),
        format!(
            "`{low_key} = {}` is above `{high_key} = {}`: no {what} could pass",
            low.base10_digits(),
            high.base10_digits()
        ),
    ));
    false
}
