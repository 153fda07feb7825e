//! Shared fixtures of the nim-rs benchmarks (`benches/benches/*.rs`) and of the emulator load
//! run (`benches/examples/emulator_load.rs`). Not published; see `BENCHMARKS.md` at the
//! repository root for how to run them and the figures of one run.

use nim_api::user::{CreateUser, Gender};

/// The AppKey every benchmark signs with.
pub const APP_KEY: &str = "bench0123456789abcdef0123456789ab";

/// The AppSecret every benchmark signs with (32 characters, like a real one).
pub const APP_SECRET: &str = "0123456789abcdef0123456789abcdef";

/// A `CreateUser` with every field set to a realistic value: a mixed-case accid (so it is
/// lowercased on the wire), a Chinese name (multi-byte, percent-encoded), JSON texts with
/// characters that need escaping, and every other optional field.
#[allow(deprecated)] // `props` is deprecated by the API but still a field to encode.
pub fn full_create_user() -> CreateUser {
    CreateUser::new("ZhangSan_01")
        .name("张三 Zhang")
        .props(r#"{"vip":true,"level":3}"#)
        .icon("https://cdn.example.com/avatars/zhangsan_01.png?size=128&v=2")
        .token("c0ffee00c0ffee00c0ffee00c0ffee00")
        .sign("Hello, world! 你好")
        .email("zhangsan@example.com")
        .birth("1990-01-01")
        .mobile("+86-13800138000")
        .gender(Gender::Male)
        .ex(r#"{"department":"R&D","tags":["a","b"],"score":9.5}"#)
}

/// The wire body of [`full_create_user`], in field order, as the derive writes it.
pub const FULL_CREATE_USER_BODY: &str = "accid=zhangsan_01\
    &name=%E5%BC%A0%E4%B8%89+Zhang\
    &props=%7B%22vip%22%3Atrue%2C%22level%22%3A3%7D\
    &icon=https%3A%2F%2Fcdn.example.com%2Favatars%2Fzhangsan_01.png%3Fsize%3D128%26v%3D2\
    &token=c0ffee00c0ffee00c0ffee00c0ffee00\
    &sign=Hello%2C+world%21+%E4%BD%A0%E5%A5%BD\
    &email=zhangsan%40example.com\
    &birth=1990-01-01\
    &mobile=%2B86-13800138000\
    &gender=1\
    &ex=%7B%22department%22%3A%22R%26D%22%2C%22tags%22%3A%5B%22a%22%2C%22b%22%5D%2C%22score%22%3A9.5%7D";

#[cfg(test)]
mod tests {
    use super::*;
    use nim_api::Endpoint as _;

    #[test]
    fn fixture_encodes_to_the_documented_body() {
        assert_eq!(
            full_create_user().to_form().as_deref(),
            Ok(FULL_CREATE_USER_BODY)
        );
    }
}
