//! Reading the values of entries: flags, strings, integers, lists, paths, types. Each
//! reports its own mistakes, spanned on the value (or on the key when the value is missing).

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::{Ident, Lit, LitInt, LitStr, Path, Type};

use crate::errors::Errors;
use crate::model::{RawEntry, RawValue};

/// The first entry seen for each key, to report duplicates.
pub(super) struct Seen<'a> {
    /// "struct" or "field", for the message.
    place: &'static str,
    first: Vec<(&'static str, &'a RawEntry)>,
}

impl<'a> Seen<'a> {
    pub(super) fn new(place: &'static str) -> Self {
        Seen {
            place,
            first: Vec::new(),
        }
    }

    /// Records `entry` under `key`; reports it and returns `false` if `key` was already seen.
    pub(super) fn first(
        &mut self,
        key: &'static str,
        entry: &'a RawEntry,
        errors: &mut Errors,
    ) -> bool {
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

    pub(super) fn get(&self, key: &str) -> Option<&'a RawEntry> {
        self.first
            .iter()
            .find(|(seen, _)| *seen == key)
            .map(|(_, entry)| *entry)
    }
}

/// A flag: `key` alone. Reports `key = ...` and `key(...)`.
pub(super) fn flag(entry: &RawEntry, key: &str, errors: &mut Errors) -> bool {
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
pub(super) fn assigned(entry: &RawEntry) -> Result<&TokenStream, TokenStream> {
    match &entry.value {
        RawValue::Assign { tokens, .. } if !tokens.is_empty() => Ok(tokens),
        _ => Err(entry.to_token_stream()),
    }
}

/// A string literal value; `example` shows the expected form in the error.
pub(super) fn string(entry: &RawEntry, example: &str, errors: &mut Errors) -> Option<LitStr> {
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
pub(super) fn assigned_value<T>(
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
pub(super) fn non_empty(lit: LitStr, example: &str) -> syn::Result<LitStr> {
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

/// `response = Type`.
pub(super) fn response(entry: &RawEntry, errors: &mut Errors) -> Option<Type> {
    let message = "`response` expects the response type, like `response = CreateUserResponse`";
    assigned_value(entry, message, <Type as syn::parse::Parse>::parse, errors)
}

/// `crate = path`.
pub(super) fn crate_path(entry: &RawEntry, errors: &mut Errors) -> Option<Path> {
    let message = "`crate` expects the path of `nim_api` or `nim_core`, like `crate = nim_api`";
    assigned_value(entry, message, Path::parse_mod_style, errors)
}

/// `key = N`: an integer literal, possibly negative when `signed`, re-made without suffix
/// (so it takes the type the generated code needs). `positive` refuses 0. The value fits an
/// `i64` (or a `u32` for lengths and counts).
pub(super) fn integer(entry: &RawEntry, signed: bool, positive: bool) -> syn::Result<LitInt> {
    let key = display_path(&entry.key);
    let expected = if signed {
        format!("`{key}` expects an integer literal, like `{key} = 1`")
    } else {
        format!("`{key}` expects a positive integer literal, like `{key} = 64`")
    };
    let tokens = assigned(entry).map_err(|span| syn::Error::new_spanned(span, &expected))?;
    integer_tokens(tokens, &key, &expected, signed, positive)
}

/// An integer literal in `tokens` (see [`integer`]).
pub(super) fn integer_tokens(
    tokens: &TokenStream,
    key: &str,
    expected: &str,
    signed: bool,
    positive: bool,
) -> syn::Result<LitInt> {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let (negative, literal) = match trees.as_slice() {
        [TokenTree::Literal(literal)] => (false, Lit::new(literal.clone())),
        [TokenTree::Punct(minus), TokenTree::Literal(literal)] if minus.as_char() == '-' => {
            if !signed {
                return Err(syn::Error::new_spanned(
                    tokens,
                    format!("{expected}; `{key}` cannot be negative"),
                ));
            }
            (true, Lit::new(literal.clone()))
        }
        _ => return Err(syn::Error::new_spanned(tokens, expected)),
    };
    match literal {
        Lit::Int(int) => {
            let text = if negative {
                format!("-{}", int.base10_digits())
            } else {
                int.base10_digits().to_owned()
            };
            let fits = if signed {
                text.parse::<i64>().is_ok()
            } else {
                text.parse::<u32>().is_ok()
            };
            if !fits {
                let most = if signed {
                    i64::MAX.to_string()
                } else {
                    u32::MAX.to_string()
                };
                return Err(syn::Error::new(
                    int.span(),
                    format!("{expected}; `{text}` is too large, the most is {most}"),
                ));
            }
            if positive && text == "0" {
                return Err(syn::Error::new(
                    int.span(),
                    format!("{expected}; `{key} = 0` would reject every value"),
                ));
            }
            Ok(LitInt::new(&text, int.span()))
        }
        Lit::Str(text) => {
            let hint = match text.value().trim().parse::<i64>() {
                Ok(n) => format!("; write it without quotes: `{key} = {n}`"),
                Err(_) => String::new(),
            };
            Err(syn::Error::new(text.span(), format!("{expected}{hint}")))
        }
        Lit::Float(float) => Err(syn::Error::new(
            float.span(),
            format!("{expected}; it must be a whole number"),
        )),
        other => Err(syn::Error::new_spanned(other, expected)),
    }
}

/// `one_of = [1, 2, 4]`: a non-empty list of distinct integer literals.
pub(super) fn integer_list(entry: &RawEntry) -> syn::Result<Vec<LitInt>> {
    const EXPECTED: &str = "`one_of` expects a list of integer literals, like `one_of = [1, 2, 4]`";
    let tokens = assigned(entry).map_err(|span| syn::Error::new_spanned(span, EXPECTED))?;
    let group = match tokens.clone().into_iter().collect::<Vec<_>>().as_slice() {
        [TokenTree::Group(group)] if group.delimiter() == proc_macro2::Delimiter::Bracket => {
            group.clone()
        }
        _ => return Err(syn::Error::new_spanned(tokens, EXPECTED)),
    };
    let mut values: Vec<LitInt> = Vec::new();
    let mut current = TokenStream::new();
    let mut items = Vec::new();
    for tree in group.stream() {
        match &tree {
            TokenTree::Punct(p) if p.as_char() == ',' => items.push(std::mem::take(&mut current)),
            _ => current.extend([tree]),
        }
    }
    if !current.is_empty() {
        items.push(current);
    }
    if items.is_empty() {
        return Err(syn::Error::new(
            group.span(),
            "`one_of` needs at least one value; an empty list would reject every value",
        ));
    }
    for item in items {
        let value = integer_tokens(&item, "one_of", EXPECTED, true, false)?;
        if let Some(first) = values
            .iter()
            .find(|v| v.base10_digits() == value.base10_digits())
        {
            let mut err = syn::Error::new(
                value.span(),
                format!("`{}` is listed twice in `one_of`", value.base10_digits()),
            );
            err.combine(syn::Error::new(first.span(), "first listed here"));
            return Err(err);
        }
        values.push(value);
    }
    Ok(values)
}

/// `distinct = [owner, other]`: two different field names.
pub(super) fn field_pair(entry: &RawEntry) -> syn::Result<(Ident, Ident)> {
    const EXPECTED: &str = "`distinct` expects two field names in brackets, the owner first: \
                            `distinct = [accid, faccid]`";
    let tokens = assigned(entry).map_err(|span| syn::Error::new_spanned(span, EXPECTED))?;
    let group = match tokens.clone().into_iter().collect::<Vec<_>>().as_slice() {
        [TokenTree::Group(group)] if group.delimiter() == proc_macro2::Delimiter::Bracket => {
            group.clone()
        }
        _ => return Err(syn::Error::new_spanned(tokens, EXPECTED)),
    };
    let trees: Vec<TokenTree> = group.stream().into_iter().collect();
    match trees.as_slice() {
        [
            TokenTree::Ident(owner),
            TokenTree::Punct(comma),
            TokenTree::Ident(other),
        ]
        | [
            TokenTree::Ident(owner),
            TokenTree::Punct(comma),
            TokenTree::Ident(other),
            TokenTree::Punct(_),
        ] if comma.as_char() == ','
            && trees
                .get(3)
                .is_none_or(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ',')) =>
        {
            if owner == other {
                return Err(syn::Error::new(
                    other.span(),
                    format!("`distinct` names `{other}` twice; name two different fields"),
                ));
            }
            Ok((owner.clone(), other.clone()))
        }
        _ => Err(syn::Error::new(group.span(), EXPECTED)),
    }
}

/// `key = path::to::fn`.
pub(super) fn function_path(entry: &RawEntry, errors: &mut Errors) -> Option<Path> {
    let key = display_path(&entry.key);
    let message = format!("`{key}` expects the path of a function, like `{key} = check_fields`");
    assigned_value(entry, &message, Path::parse_mod_style, errors)
}

/// `a`, `a::b`, as written (for messages).
pub(super) fn display_path(path: &Path) -> String {
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
pub(super) fn list(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    quoted.join(", ")
}
