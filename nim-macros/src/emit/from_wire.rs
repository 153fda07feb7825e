//! `FromWire` (and, for `#[derive(Params)]`, `FromWireMembers`): the value read from a JSON
//! object of its parameters by wire name, and its parameter list.
//!
//! Each field's value is read by the most specific means its type has, chosen by method
//! resolution at the field's concrete type (see `Read` in the core): its own `FromWire`
//! (nested parameter objects, lists of them), else its `Deserialize` read leniently, else a
//! run-time error saying it cannot be read. So every declaration keeps compiling whatever its
//! field types, and a type gains readability by implementing either trait.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use super::encode::param;
use super::setters::single_argument;
use crate::model::{Checked, Field, Place, Rules};

/// The impls for `checked`: `FromWire` for an action; `FromWireMembers` and `FromWire` for a
/// parameter object.
pub(super) fn impls(checked: &Checked) -> TokenStream {
    let Checked {
        private,
        ident,
        generics,
        fields,
        action,
        ..
    } = checked;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let params = param("params");
    let value = param("value");
    let infos: Vec<TokenStream> = fields
        .iter()
        .filter(|f| f.place != Place::Skipped)
        .map(|field| info(private, field))
        .collect();
    let reads = fields.iter().map(|field| {
        let ident = &field.ident;
        let read = read(private, field, &params);
        quote!(#ident: #read)
    });
    let build = quote!(Self { #(#reads),* });
    if action.is_some() {
        return quote! {
            #[automatically_derived]
            #[allow(deprecated)]
            impl #impl_generics #private::FromWire for #ident #ty_generics #where_clause {
                const PARAMS: &'static [#private::ParamInfo] = &[#(#infos),*];

                #[inline]
                fn from_wire(
                    #value: #private::Value,
                ) -> #private::Result<Self, #private::ValidationError> {
                    let #params = &mut #private::object(#value)?;
                    #private::no_unknown(#params, <Self as #private::FromWire>::PARAMS)?;
                    #private::Result::Ok(#build)
                }
            }
        };
    }
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics #private::FromWireMembers for #ident #ty_generics #where_clause {
            const MEMBERS: &'static [#private::ParamInfo] = &[#(#infos),*];

            #[inline]
            fn from_wire_members(
                #params: &mut #private::Map<#private::String, #private::Value>,
            ) -> #private::Result<Self, #private::ValidationError> {
                #private::Result::Ok(#build)
            }
        }

        #[automatically_derived]
        impl #impl_generics #private::FromWire for #ident #ty_generics #where_clause {
            const PARAMS: &'static [#private::ParamInfo] =
                <Self as #private::FromWireMembers>::MEMBERS;

            #[inline]
            fn from_wire(
                #value: #private::Value,
            ) -> #private::Result<Self, #private::ValidationError> {
                let #params = &mut #private::object(#value)?;
                #private::no_unknown(#params, <Self as #private::FromWire>::PARAMS)?;
                <Self as #private::FromWireMembers>::from_wire_members(#params)
            }
        }
    }
}

/// The type a field's value is read as: `T` for `Option<T>` (absence is `None`).
fn read_type(field: &Field) -> (&syn::Type, bool) {
    match single_argument(&field.ty, "Option") {
        Some(inner) => (inner, true),
        None => (&field.ty, false),
    }
}

/// Whether `ty` borrows (a reference or a lifetime anywhere in it): such a value cannot be
/// read from JSON that the reader owns. Method resolution cannot tell either (it ignores
/// lifetimes, and `&'a str: Deserialize<'a>` is not `DeserializeOwned`), so such a field is
/// never offered to a reader: it is reported unreadable at run time, and the declaration
/// keeps compiling.
fn borrows(ty: &syn::Type) -> bool {
    fn scan(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Punct(punct) => matches!(punct.as_char(), '&' | '\''),
            proc_macro2::TokenTree::Group(group) => scan(group.stream()),
            _ => false,
        })
    }
    scan(ty.to_token_stream())
}

/// The expression that reads one field from the parameters.
fn read(private: &TokenStream, field: &Field, params: &syn::Ident) -> TokenStream {
    let wire = &field.wire;
    let (ty, optional) = read_type(field);
    let unreadable = quote!(#private::unreadable::<#ty>(#wire)?);
    match field.place {
        // Its `Default` if it has one (chosen by autoref: `SkippedDefault` is implemented for
        // `&Read<T>`, so it is found first through `&&Read<T>`; a type without `Default`
        // falls through to `SkippedNoDefault` on `Read<T>` and still compiles).
        Place::Skipped => {
            let full = &field.ty;
            quote! {{
                use #private::{SkippedDefault as _, SkippedNoDefault as _};
                (&&#private::Read::<#full>::new()).skipped(#wire)?
            }}
        }
        Place::Flattened | Place::Body | Place::Path | Place::Query if borrows(ty) => {
            // Absent and optional is fine; anything given cannot be read.
            if optional && field.place != Place::Flattened {
                quote! {
                    match #private::take(#params, #wire) {
                        #private::Option::Some(_) => #private::Option::Some(#unreadable),
                        #private::Option::None => #private::Option::None,
                    }
                }
            } else {
                let full = &field.ty;
                quote!(#private::unreadable::<#full>(#wire)?)
            }
        }
        Place::Flattened => {
            let reader = param("reader");
            let uses = quote!(use #private::{ReadFlat as _, ReadFlatNothing as _};);
            if optional {
                quote! {{
                    #uses
                    let #reader = &&#private::Read::<#ty>::new();
                    if #private::any_present(#params, #reader.flat_members()) {
                        #private::Option::Some(#reader.read_flat(#params)?)
                    } else {
                        #private::Option::None
                    }
                }}
            } else {
                quote! {{
                    #uses
                    (&&#private::Read::<#ty>::new()).read_flat(#params)?
                }}
            }
        }
        Place::Body | Place::Path | Place::Query => {
            let reader = quote! {{
                use #private::{ReadWire as _, ReadSerde as _, ReadNothing as _};
                (&&&#private::Read::<#ty>::new()).reader()
            }};
            let helper = if optional {
                quote!(read_optional)
            } else if field.default {
                quote!(read_defaulted)
            } else {
                quote!(read_required)
            };
            quote!(#private::#helper(#params, #wire, #reader)?)
        }
    }
}

/// One `ParamInfo` of the parameter list.
fn info(private: &TokenStream, field: &Field) -> TokenStream {
    let wire = &field.wire;
    let (ty, optional) = read_type(field);
    let written = type_text(&field.ty);
    let required = field.rules.required || (!optional && !field.default);
    let rules = rules_text(&field.rules, field.default);
    let place = match field.place {
        Place::Flattened => quote!(Flattened),
        Place::Path => quote!(Path),
        Place::Query => quote!(Query),
        Place::Body | Place::Skipped => quote!(Body),
    };
    let members = if borrows(ty) || is_leaf(ty) {
        quote!(#private::no_members)
    } else if field.place == Place::Flattened {
        quote! {{
            use #private::{ReadFlat as _, ReadFlatNothing as _};
            (&&#private::Read::<#ty>::new()).flat_members()
        }}
    } else {
        quote! {{
            use #private::{ReadWire as _, ReadSerde as _, ReadNothing as _};
            (&&&#private::Read::<#ty>::new()).wire_members()
        }}
    };
    let members = if borrows(ty) || is_leaf(ty) {
        members
    } else {
        quote!(|| #members)
    };
    let name = if field.place == Place::Flattened {
        let ident = syn::ext::IdentExt::unraw(&field.ident).to_string();
        quote!(#ident)
    } else {
        wire.to_token_stream()
    };
    quote! {
        #private::ParamInfo::__new(
            #name,
            #written,
            #required,
            #private::ParamPlace::#place,
            #rules,
            #members,
        )
    }
}

/// Whether `ty` is plainly no parameter object (text, a number, a flag, an account id, JSON,
/// or a list of them), so its parameter list needs no reader of its members: one shared
/// function instead of a closure per field.
fn is_leaf(ty: &syn::Type) -> bool {
    const LEAVES: [&str; 16] = [
        "String", "Accid", "bool", "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64",
        "isize", "f32", "f64", "Value",
    ];
    if let Some(item) = single_argument(ty, "Vec") {
        return is_leaf(item);
    }
    match ty {
        syn::Type::Path(path) if path.qself.is_none() => {
            path.path.segments.last().is_some_and(|last| {
                last.arguments.is_none() && LEAVES.iter().any(|l| last.ident == l)
            })
        }
        _ => false,
    }
}

/// A type as written, without the spaces token printing puts around punctuation:
/// `Option<Vec<Accid>>`, `HashMap<String, u64>`.
fn type_text(ty: &syn::Type) -> String {
    let spaced = ty.to_token_stream().to_string();
    let chars: Vec<char> = spaced.chars().collect();
    let tight = |c: char| matches!(c, '<' | '>' | ':' | '&' | '(' | ')' | '[' | ']' | ',');
    let mut out = String::with_capacity(spaced.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            if before.is_some_and(tight) || after.is_some_and(tight) {
                continue;
            }
        }
        out.push(c);
        if c == ',' {
            out.push(' ');
        }
    }
    out
}

/// A field's rules as written, e.g. `required, max_len = 64`.
fn rules_text(rules: &Rules, default: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut flag = |on: bool, name: &str| {
        if on {
            parts.push(name.to_owned());
        }
    };
    flag(rules.required, "required");
    flag(rules.accid, "accid");
    flag(rules.json, "json");
    flag(rules.unique, "unique");
    flag(default, "default");
    let numbers = [
        ("max_len", &rules.max_len),
        ("min", &rules.min),
        ("max", &rules.max),
        ("min_items", &rules.min_items),
        ("max_items", &rules.max_items),
    ];
    for (name, value) in numbers {
        if let Some(value) = value {
            parts.push(format!("{name} = {}", value.base10_digits()));
        }
    }
    if let Some(allowed) = &rules.one_of {
        let allowed: Vec<&str> = allowed.iter().map(syn::LitInt::base10_digits).collect();
        parts.push(format!("one_of = [{}]", allowed.join(", ")));
    }
    if let Some(custom) = &rules.custom {
        parts.push(format!("custom = {}", type_text_path(custom)));
    }
    parts.join(", ")
}

/// A path as written, without spaces.
fn type_text_path(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}
