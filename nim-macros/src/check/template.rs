//! The action's path: which API version it belongs to, whether it is well formed, and (for
//! v2 templates) whether its `{params}` and the fields marked `path` match one to one.

use syn::LitStr;

use crate::errors::Errors;
use crate::model::{Action, Field, Place, Version};

/// v2 templates start with `/` (`/im/v2/...`); v1 paths are relative (`user/create.action`).
pub(super) fn version(path: &LitStr) -> Version {
    if path.value().starts_with('/') {
        Version::V2
    } else {
        Version::V1
    }
}

/// `path`: non-empty, nothing a URL would reinterpret, braces only as whole `{params}` of a
/// v2 template.
pub(super) fn action_path(lit: LitStr) -> syn::Result<LitStr> {
    let value = lit.value();
    let problem = if value.is_empty() {
        "must not be empty"
    } else if value.starts_with('/') && value.ends_with(".action") {
        "names a v1 action, which is relative to the base URL: remove the leading `/`"
    } else if !value.starts_with('/') && value.contains(['{', '}']) {
        "is a v1 path, which has no parameters: `{...}` belongs to v2 templates (`/im/v2/...`)"
    } else if value.contains(char::is_whitespace) {
        "must not contain whitespace"
    } else if value.contains('?') {
        "must not contain `?`: parameters are the struct's fields, not a query string"
    } else if value.contains('#') {
        "must not contain `#`"
    } else if !braces_balanced(&value) {
        "has an unbalanced or empty `{...}`: write each parameter as `{name}`"
    } else {
        return Ok(lit);
    };
    Err(syn::Error::new(
        lit.span(),
        format!(
            "`path` {problem}; expected a v1 action's path, like `path = \"user/create.action\"`, \
             or a v2 template, like `path = \"/im/v2/accounts/{{account_id}}\"`"
        ),
    ))
}

fn braces_balanced(value: &str) -> bool {
    let mut rest = value;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return false;
        }
        let after = &rest[open + 1..];
        match after.find(['{', '}']) {
            Some(close) if after[close..].starts_with('}') && close > 0 => {
                rest = &after[close + 1..]
            }
            _ => return false,
        }
    }
    true
}

/// The template's params against the `path` fields; a GET has no body.
pub(super) fn check(action: &Action, fields: &[Field], errors: &mut Errors) {
    let template = action.path.value();
    let params: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    for (i, name) in params.iter().enumerate() {
        if params[..i].contains(name) {
            errors.push(syn::Error::new(
                action.path.span(),
                format!("`{{{name}}}` appears twice in the template"),
            ));
        } else if !fields
            .iter()
            .any(|f| f.place == Place::Path && f.wire.value() == *name)
        {
            errors.push(syn::Error::new(
                action.path.span(),
                format!(
                    "the template's `{{{name}}}` has no field: add a field named `{name}` \
                     (or renamed to it) marked `#[nim(path)]`"
                ),
            ));
        }
    }
    for field in fields.iter().filter(|f| f.place == Place::Path) {
        if !params.contains(&field.wire.value().as_str()) {
            errors.push(syn::Error::new(
                field.wire.span(),
                format!(
                    "field `{}` is marked `path`, but the template has no `{{{}}}`",
                    field.ident,
                    field.wire.value()
                ),
            ));
        }
    }
    if action.method == "GET" {
        for field in fields.iter().filter(|f| f.place == Place::Body) {
            errors.push(syn::Error::new(
                field.ident.span(),
                format!(
                    "a GET request has no body, so field `{}` cannot be sent in it: \
                     mark it `#[nim(query)]` or `#[nim(path)]`",
                    field.ident
                ),
            ));
        }
    }
}
