//! `#[nim(setters)]`: `new(<required params>)` and one chainable setter per optional one.
//!
//! A field typed `Option<T>` (written as `Option`, whatever its path) is optional: it starts
//! `None` and gets a setter taking `impl Into<T>`. Every other field that is sent is
//! required: it is a parameter of `new`. A `Vec<T>` (or `Option<Vec<T>>`) takes any iterator
//! of things that convert into `T`, so `GetUserInfos::new(["a", "b"])` works. Skipped fields
//! start at their `Default`. A field marked `default` is sent but is no argument of `new`:
//! it starts at its `Default` and gets a setter (the `eventType` that is always `1` unless
//! the caller says otherwise).

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote};
use syn::{GenericArgument, PathArguments, Type};

use crate::model::{Field, Place};

/// The type argument of `Name<T>` when `ty`'s last path segment is `Name`.
pub(super) fn single_argument<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if segment.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    match args.args.iter().collect::<Vec<_>>().as_slice() {
        [GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// How a value of type `ty` is taken and turned into the field's value.
fn conversion(private: &TokenStream, ty: &Type, value: &syn::Ident) -> (TokenStream, TokenStream) {
    // A number or a flag is taken as it is: `impl Into<u32>` would refuse a bare literal
    // like `640`, whose type inference then defaults to `i32`.
    if is_primitive(ty) {
        return (quote!(#ty), quote!(#value));
    }
    match single_argument(ty, "Vec") {
        Some(item) => (
            quote!(impl #private::IntoIterator<Item = impl #private::Into<#item>>),
            quote!(#private::Iterator::collect(#private::Iterator::map(
                #private::IntoIterator::into_iter(#value),
                #private::Into::into,
            ))),
        ),
        None => (
            quote!(impl #private::Into<#ty>),
            quote!(#private::Into::into(#value)),
        ),
    }
}

/// The inherent impl with `new` and the setters.
pub(super) struct Setters<'a> {
    pub(super) private: &'a TokenStream,
    pub(super) ident: &'a syn::Ident,
    pub(super) generics: &'a syn::Generics,
    pub(super) fields: &'a [Field],
}

impl ToTokens for Setters<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let private = self.private;
        let (impl_generics, ty_generics, where_clause) = self.generics.split_for_impl();
        let mut params = Vec::new();
        let mut inits = Vec::new();
        let mut required_names = Vec::new();
        let mut setters = Vec::new();
        for field in self.fields {
            let ident = &field.ident;
            if field.place == Place::Skipped {
                inits.push(quote!(#ident: ::core::default::Default::default()));
                continue;
            }
            // A flattened object is like any other field: an argument of `new` unless optional.
            let optional = single_argument(&field.ty, "Option");
            let setter_of = match optional {
                Some(inner) => Some((inner, true)),
                None if field.default => Some((&field.ty, false)),
                None => None,
            };
            match setter_of {
                Some((inner, is_option)) => {
                    let value = format_ident!("value");
                    let (taken, converted) = conversion(private, inner, &value);
                    let wrapped = if is_option {
                        inits.push(quote!(#ident: #private::Option::None));
                        quote!(#private::Option::Some(#converted))
                    } else {
                        inits.push(quote!(#ident: ::core::default::Default::default()));
                        converted
                    };
                    let docs = &field.docs;
                    let default_doc = (docs.is_empty()).then(|| {
                        let text = format!("Sets `{}`.", field.wire.value());
                        quote!(#[doc = #text])
                    });
                    let deprecated = field
                        .deprecated
                        .as_ref()
                        .map(|note| quote!(#[deprecated(note = #note)]));
                    setters.push(quote! {
                        #(#docs)*
                        #default_doc
                        #deprecated
                        #[must_use]
                        pub fn #ident(mut self, #value: #taken) -> Self {
                            self.#ident = #wrapped;
                            self
                        }
                    });
                }
                None => {
                    let (taken, converted) = conversion(private, &field.ty, ident);
                    params.push(quote!(#ident: #taken));
                    inits.push(quote!(#ident: #converted));
                    required_names.push(format!("`{}`", field.wire.value()));
                }
            }
        }
        let new_doc = if required_names.is_empty() {
            "A request with no parameter set.".to_owned()
        } else {
            format!(
                "A request with its required parameters ({}); every optional one unset.",
                required_names.join(", ")
            )
        };
        let ident = self.ident;
        tokens.extend(quote! {
            #[automatically_derived]
            #[allow(deprecated)]
            impl #impl_generics #ident #ty_generics #where_clause {
                #[doc = #new_doc]
                pub fn new(#(#params),*) -> Self {
                    Self { #(#inits),* }
                }
                #(#setters)*
            }
        });
    }
}

/// Whether `ty` is a primitive number or `bool`, written as its plain name.
fn is_primitive(ty: &Type) -> bool {
    const PRIMITIVES: [&str; 15] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool",
    ];
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .get_ident()
            .is_some_and(|ident| PRIMITIVES.iter().any(|p| ident == p)),
        _ => false,
    }
}
