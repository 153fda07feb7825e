//! Emit: the impls of a checked declaration, as `ToTokens` pieces.
//!
//! Every path goes through `<crate>::__private`, even the primitives `bool` and `str`, so the
//! expansion depends on nothing the user imported or declared.

mod encode;
mod from_wire;
mod params;
mod rules;
mod setters;

use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{Action, Checked, Place, Version};
use setters::Setters;

impl ToTokens for Checked {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match &self.action {
            Some(action) => tokens.extend(endpoint_impl(self, action)),
            None => tokens.extend(params::impls(self)),
        }
        tokens.extend(from_wire::impls(self));
        if self.setters {
            Setters {
                private: &self.private,
                ident: &self.ident,
                generics: &self.generics,
                fields: &self.fields,
            }
            .to_tokens(tokens);
        }
    }
}

/// `impl Endpoint`, and `impl Paged` when a field is the page token.
fn endpoint_impl(checked: &Checked, action: &Action) -> TokenStream {
    let Checked {
        private,
        ident,
        generics,
        fields,
        custom,
        distinct,
        ..
    } = checked;
    let Action {
        path,
        version,
        method,
        response,
        response_field,
        idempotent,
        rate_limit,
    } = action;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let method_const = (method != "POST").then(|| {
        let variant = format_ident!(
            "{}",
            match method.to_string().as_str() {
                "GET" => "Get",
                "PUT" => "Put",
                "PATCH" => "Patch",
                _ => "Delete",
            },
            span = method.span()
        );
        quote!(const METHOD: #private::Method = #private::Method::#variant;)
    });
    let has_body = fields
        .iter()
        .any(|f| matches!(f.place, Place::Body | Place::Flattened));
    // A v2 action with nothing in its body sends none (as the Go SDK does), whatever its
    // method; GET already defaults to none.
    let body_const = (*version == Version::V2 && !has_body && method != "GET")
        .then(|| quote!(const BODY: #private::BodyKind = #private::BodyKind::None;));
    let idempotent = idempotent.then(|| quote!(const IDEMPOTENT: #private::bool = true;));
    let rate_limit = rate_limit.map(|(calls, constructor)| {
        let constructor = format_ident!("{}", constructor);
        quote! {
            const RATE_LIMIT: #private::Option<#private::RateLimit> =
                #private::Option::Some(#private::RateLimit::#constructor(#calls));
        }
    });
    let response_field = response_field.as_ref().map(|field| {
        quote! {
            const RESPONSE_FIELD: #private::Option<&'static #private::str> =
                #private::Option::Some(#field);
        }
    });
    let response = match response {
        // Spanned on the type, so that a type without `Deserialize` is reported there.
        Some(ty) => quote_spanned!(ty.span()=> type Response = #ty;),
        None => quote!(type Response = #private::NoContent;),
    };
    let validate = rules::validate_body(private, fields, custom.as_ref(), distinct.as_ref());
    let has_params = fields.iter().any(|f| f.place == Place::Path);
    let write_path = has_params.then(|| encode::write_path(private, &path.value(), fields));
    let write_query = encode::write_query(private, fields);
    let write_body = match version {
        Version::V1 => encode::write_form(private, fields),
        Version::V2 => encode::write_json(private, fields),
    };
    let paged = fields.iter().find(|f| f.page_token).map(|field| {
        let field_ident = &field.ident;
        let token = format_ident!("token");
        quote! {
            #[automatically_derived]
            impl #impl_generics #private::Paged for #ident #ty_generics #where_clause {
                fn set_page_token(&mut self, #token: #private::String) {
                    self.#field_ident = #private::Option::Some(#private::Into::into(#token));
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        // The impl names the struct and reads its fields: deprecating either warns where
        // the user uses them, not here.
        #[allow(deprecated)]
        impl #impl_generics #private::Endpoint for #ident #ty_generics #where_clause {
            const PATH: &'static #private::str = #path;
            #method_const
            #body_const
            #idempotent
            #rate_limit
            #response_field
            #response

            fn validate(&self) -> #private::Result<(), #private::ValidationError> {
                #validate
            }

            #write_path
            #write_query
            #write_body
        }

        #paged
    }
}
