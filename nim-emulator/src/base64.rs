//! Standard base64 (RFC 4648, `+/`, `=` padding), for `msg/upload.action`'s `content` and the
//! admin view of uploaded files. Decoding skips ASCII whitespace (MIME encoders wrap lines)
//! and accepts missing padding; anything else outside the alphabet is an error.

use base64::Engine as _;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};

/// The standard alphabet, padding optional when decoding (trailing bits must still be zero).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The bytes `text` encodes, or `None` if it is not base64.
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    LENIENT.decode(compact).ok()
}

/// `bytes` as padded base64.
pub(crate) fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refusals() {
        for input in [&b""[..], b"f", b"fo", b"foo", b"foob", b"\xff\x00\xfe"] {
            assert_eq!(decode(&encode(input)).as_deref(), Some(input));
        }
        assert_eq!(decode("Zm9v\nYg").as_deref(), Some(&b"foob"[..]));
        assert_eq!(decode("Zm9vYg==").as_deref(), Some(&b"foob"[..]));
        for bad in ["Zm9v!", "Z", "Zm=9", "Zh==", "Zm9vY==="] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
