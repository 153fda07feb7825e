//! The hand-written baseline of the `prepare` benchmark, shared by `benches/prepare.rs` and
//! `examples/prepare_paired.rs`: what the derive's output and `Client::prepare` do for a
//! `CreateUser`, written by hand with the same crates.
// Each file that includes this module uses a different part of it.
#![allow(dead_code)]

use std::borrow::Cow;
use std::time::{SystemTime, UNIX_EPOCH};

use nim_api::user::{CreateUser, Gender};
use sha1::{Digest, Sha1};

/// A request as the baseline prepares it: what is needed to put it on the wire.
pub(crate) struct Prepared<'a> {
    pub(crate) url: String,
    pub(crate) app_key: &'a str,
    pub(crate) nonce: String,
    pub(crate) cur_time: String,
    pub(crate) check_sum: String,
    pub(crate) body: String,
}

/// The baseline's validation error: which field broke which rule.
#[derive(Debug)]
#[allow(dead_code)] // read only through Debug, when a fixture is wrong
pub(crate) enum Invalid {
    Required(&'static str),
    TooLong(&'static str, usize),
    Alphabet(&'static str, char),
}

fn check_len(field: &'static str, value: Option<&str>, limit: usize) -> Result<(), Invalid> {
    match value {
        Some(v) if v.len() > limit && v.chars().count() > limit => {
            Err(Invalid::TooLong(field, v.chars().count()))
        }
        _ => Ok(()),
    }
}

fn is_accid_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '.' | '-')
}

/// Hand-written validation of every rule `CreateUser` declares.
#[allow(deprecated)]
pub(crate) fn baseline_validate(r: &CreateUser) -> Result<(), Invalid> {
    if r.accid.is_empty() {
        return Err(Invalid::Required("accid"));
    }
    check_len("accid", Some(&r.accid), 32)?;
    if let Some(c) = r.accid.chars().find(|&c| !is_accid_char(c)) {
        return Err(Invalid::Alphabet("accid", c));
    }
    check_len("name", r.name.as_deref(), 64)?;
    check_len("props", r.props.as_deref(), 1024)?;
    check_len("icon", r.icon.as_deref(), 1024)?;
    check_len("token", r.token.as_deref(), 128)?;
    check_len("sign", r.sign.as_deref(), 256)?;
    check_len("email", r.email.as_deref(), 64)?;
    check_len("birth", r.birth.as_deref(), 16)?;
    check_len("mobile", r.mobile.as_deref(), 32)?;
    check_len("ex", r.ex.as_deref(), 1024)
}

/// Hand-written encoding of `CreateUser`, fields in declaration order.
#[allow(deprecated)]
pub(crate) fn baseline_encode(r: &CreateUser) -> String {
    let accid = if r.accid.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(r.accid.to_ascii_lowercase())
    } else {
        Cow::Borrowed(r.accid.as_str())
    };
    let mut form = form_urlencoded::Serializer::new(String::with_capacity(128));
    form.append_pair("accid", &accid);
    let texts = [
        ("name", &r.name),
        ("props", &r.props),
        ("icon", &r.icon),
        ("token", &r.token),
        ("sign", &r.sign),
        ("email", &r.email),
        ("birth", &r.birth),
        ("mobile", &r.mobile),
    ];
    for (name, value) in texts {
        if let Some(value) = value {
            form.append_pair(name, value);
        }
    }
    if let Some(gender) = r.gender {
        let digit = match gender {
            Gender::Unknown => "0",
            Gender::Male => "1",
            Gender::Female => "2",
        };
        form.append_pair("gender", digit);
    }
    if let Some(ex) = &r.ex {
        form.append_pair("ex", ex);
    }
    form.finish()
}

/// Hand-written signing: fresh nonce, the clock, `sha1(secret + nonce + curtime)`.
pub(crate) fn baseline_sign(secret: &str) -> (String, String, String) {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap();
    let nonce = hex::encode(bytes);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let cur_time = now.to_string();
    let mut sha = Sha1::new();
    sha.update(secret.as_bytes());
    sha.update(nonce.as_bytes());
    sha.update(cur_time.as_bytes());
    let check_sum = hex::encode(sha.finalize());
    (nonce, cur_time, check_sum)
}

pub(crate) fn baseline_prepare<'a>(
    base_url: &str,
    app_key: &'a str,
    secret: &str,
    r: &CreateUser,
) -> Result<Prepared<'a>, Invalid> {
    baseline_validate(r)?;
    let body = baseline_encode(r);
    let (nonce, cur_time, check_sum) = baseline_sign(secret);
    let mut url = String::with_capacity(base_url.len() + 20);
    url.push_str(base_url);
    url.push_str("/user/create.action");
    Ok(Prepared {
        url,
        app_key,
        nonce,
        cur_time,
        check_sum,
        body,
    })
}
