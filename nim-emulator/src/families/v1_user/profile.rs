//! Profiles: `user/updateUinfo.action` and `user/getUinfos.action`.

use serde_json::{Value, json};

use super::State;
use super::account::LONG_TEXT_MAX;
use crate::call::Call;
use crate::lock;
use crate::reply::{ApiError, Reply};
use crate::views;

/// The most accids one `getUinfos` may ask for.
const GET_UINFOS_MAX: usize = 200;

/// `user/updateUinfo.action`: sets the fields given; an empty value clears a field. Answers
/// `{"code":200}`.
pub(super) fn update_uinfo(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accid = params.accid()?;
    let name = params.text_or_empty("name", 64)?;
    // The docs count icon in bytes, unlike every other field.
    let icon = params.raw("icon");
    if let Some(icon) = icon
        && icon.len() > LONG_TEXT_MAX
    {
        return Err(ApiError::param(format!(
            "icon is too long: {} bytes, at most {LONG_TEXT_MAX} allowed",
            icon.len()
        )));
    }
    let sign = params.text_or_empty("sign", 256)?;
    let email = params.text_or_empty("email", 64)?;
    let birth = params.text_or_empty("birth", 16)?;
    let mobile = params.text_or_empty("mobile", 32)?;
    let gender = params.gender()?;
    let ex = params.text_or_empty("ex", LONG_TEXT_MAX)?;
    if let Some(bid) = params.get("bid")
        && !matches!(serde_json::from_str::<Value>(bid), Ok(Value::Object(_)))
    {
        return Err(ApiError::param(
            "bid must be a JSON object, e.g. {\"textbid\":\"...\",\"picbid\":\"...\"}",
        ));
    }
    state.with_account(&accid, |a| {
        let fields = [
            (&mut a.name, name),
            (&mut a.icon, icon),
            (&mut a.sign, sign),
            (&mut a.email, email),
            (&mut a.birth, birth),
            (&mut a.mobile, mobile),
            (&mut a.ex, ex),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                *field = (!value.is_empty()).then(|| value.to_owned());
            }
        }
        if gender.is_some() {
            a.gender = gender;
        }
        Ok(Reply::ok())
    })
}

/// `user/getUinfos.action`: `{"code":200,"uinfos":[...]}` for the accids that exist, in the
/// order asked (unknown ones are left out); `muteStatus=true` adds the module mute flags.
pub(super) fn get_uinfos(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let params = call.form()?;
    let accids = params.json_list("accids", GET_UINFOS_MAX)?;
    let mute_status = params.flag("muteStatus")?.unwrap_or(false);
    let accounts = lock(&state.accounts);
    let uinfos: Vec<Value> = accids
        .iter()
        .filter_map(|accid| accounts.find(accid))
        .map(|a| views::v1_uinfo(a, mute_status))
        .collect();
    Ok(Reply::json(&json!({ "code": 200, "uinfos": uinfos })))
}
