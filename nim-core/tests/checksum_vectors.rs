//! `checksum` against digests computed outside the crate with
//! `printf '%s' "$secret$nonce$curtime" | sha1sum`.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use nim_core::{Credentials, FixedClock, Signer, checksum};

struct Vector {
    secret: &'static str,
    nonce: String,
    cur_time: u64,
    sha1: &'static str,
}

fn vectors() -> Vec<Vector> {
    let v = |secret, nonce: &str, cur_time, sha1| Vector {
        secret,
        nonce: nonce.to_owned(),
        cur_time,
        sha1,
    };
    vec![
        v(
            "secret",
            "abc",
            1443592222,
            "6461e65304e590d2268093aa1d290482274995b9",
        ),
        // The values of the API page's Java example.
        v(
            "123456789012",
            "12345",
            1443592222,
            "06f0def1a9e83ef48c9564044c4068c8834b4ae8",
        ),
        // Non-ASCII secret: hashed as UTF-8 bytes.
        v(
            "密钥Secret✓",
            "nonce-1",
            1700000000,
            "bd17167bcacd76e72679efb9cd678a1d51970677",
        ),
        // The longest nonce the server accepts.
        v(
            "c0ffee",
            &"n".repeat(128),
            1700000000,
            "fa0f62dce975363343d6b3c3343b8c5b2463ea1d",
        ),
        v("s", "", 0, "2d6c8a6d5e3ae20b7052d2b615b35f520c50f090"),
        v(
            "app secret with spaces",
            "4tgggergigwow323t23t",
            u64::MAX,
            "5698bcaeaebf810af98e3451b20118a932f26343",
        ),
        v(
            "ÄÖÜ-€-😀",
            "0123456789abcdef0123456789abcdef",
            1764201600,
            "7ff0dec1be0a7b7d20046767c18d132ac50e906b",
        ),
    ]
}

#[test]
fn checksum_matches_independent_vectors() {
    let vectors = vectors();
    assert!(vectors.len() >= 6);
    for v in &vectors {
        assert_eq!(
            checksum(v.secret, &v.nonce, v.cur_time),
            v.sha1,
            "secret {:?}",
            v.secret
        );
    }
}

#[test]
fn signer_produces_the_same_digests() {
    for v in vectors() {
        let signer =
            Signer::new(Credentials::new("key", v.secret)).with_clock(FixedClock(v.cur_time));
        let headers = signer.sign_at(v.cur_time, v.nonce.clone());
        assert_eq!(headers.check_sum, v.sha1);
        assert_eq!(headers.app_key, "key");
        let pairs = headers.pairs();
        assert_eq!(pairs[2], ("CurTime", v.cur_time.to_string()));
        assert_eq!(pairs[3], ("CheckSum", v.sha1.to_owned()));
    }
}

#[test]
fn checksum_is_lowercase_hex() {
    let sum = checksum("K", "N", 1);
    assert_eq!(sum.len(), 40);
    assert!(sum.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')));
}
