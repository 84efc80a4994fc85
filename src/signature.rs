//! Webhook signatures: HMAC-SHA256 of the exact body bytes, as lowercase hex
//! in the `x-periskope-signature` header, keyed with the signing key's UTF-8
//! bytes (the scheme every known receiver implements; Periskope does not
//! publish one).
//!
//! The MAC is RustCrypto's `hmac` over `sha2`: audited, widely used, and
//! checked here against RFC 4231's vectors, Wycheproof's and Node's `crypto`.
//! (This module once had its own SHA-256, 1.7 KB gzip smaller in the wasm; a
//! signature check is not where a hand-written primitive pays for itself.)
//! The comparison is `hmac`'s `verify_slice`, which runs in constant time.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

fn mac(key: &[u8], body: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length (a long one is hashed first), so this
    // never fails; `new_from_slice`'s error type exists for other MACs.
    let mut mac = match HmacSha256::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => HmacSha256::new(&Default::default()),
    };
    mac.update(body);
    mac
}

/// The signature of `body` under `key`: HMAC-SHA256 as 64 lowercase hex
/// digits, the `x-periskope-signature` header's value.
///
/// ```
/// use periskope_events::signature::sign;
/// assert_eq!(
///     sign(b"what do ya want for nothing?", b"Jefe"),
///     "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
/// );
/// ```
pub fn sign(body: &[u8], key: &[u8]) -> String {
    let digit = |nibble: u8| char::from(if nibble < 10 { b'0' + nibble } else { b'a' + nibble - 10 });
    let mut out = String::with_capacity(64);
    for byte in mac(key, body).finalize().into_bytes() {
        out.push(digit(byte >> 4));
        out.push(digit(byte & 15));
    }
    out
}

/// Why a signature was not accepted. Neither the code nor the message ever
/// contains the key, the expected signature or the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureError {
    /// No signature header, or an empty one.
    MissingSignature,
    /// The header is not 64 hex digits (after trimming whitespace and an
    /// optional `sha256=` prefix).
    MalformedSignature,
    /// The signature matches none of the keys: the body was changed, or it
    /// was signed with another key.
    SignatureMismatch,
    /// No key was given, or one of the keys is empty (a configuration error).
    MissingKey,
    /// A key starts or ends with whitespace or a newline: almost always a
    /// key read from a file or an environment variable with its line end (a
    /// configuration error; see [`check_keys`]).
    MalformedKey,
    /// The signature verified, but the envelope's `timestamp` is missing,
    /// unreadable, or further from now than the tolerance allows (see
    /// [`ReplayWindow`]).
    TimestampOutOfTolerance,
}

impl SignatureError {
    /// Every error, in a fixed order (the bindings number them by it).
    pub const ALL: [SignatureError; 6] = [
        SignatureError::MissingSignature,
        SignatureError::MalformedSignature,
        SignatureError::SignatureMismatch,
        SignatureError::MissingKey,
        SignatureError::MalformedKey,
        SignatureError::TimestampOutOfTolerance,
    ];

    /// The error's stable snake_case code: `missing_signature`,
    /// `malformed_signature`, `signature_mismatch`, `missing_key`,
    /// `malformed_key` or `timestamp_out_of_tolerance`.
    pub const fn code(self) -> &'static str {
        match self {
            SignatureError::MissingSignature => "missing_signature",
            SignatureError::MalformedSignature => "malformed_signature",
            SignatureError::SignatureMismatch => "signature_mismatch",
            SignatureError::MissingKey => "missing_key",
            SignatureError::MalformedKey => "malformed_key",
            SignatureError::TimestampOutOfTolerance => "timestamp_out_of_tolerance",
        }
    }

    /// A sentence for people; the JavaScript package gives the same words.
    pub const fn message(self) -> &'static str {
        match self {
            SignatureError::MissingSignature => "the request has no x-periskope-signature header, or it is empty",
            SignatureError::MalformedSignature => {
                "the signature is not 64 hexadecimal digits (an optional sha256= prefix and surrounding whitespace are allowed)"
            }
            SignatureError::SignatureMismatch => {
                "the signature does not match the body under any of the keys: the body was changed (verify the raw bytes received, before any parsing) or was signed with another key"
            }
            SignatureError::MissingKey => {
                "no signing key was given, or a key is empty: pass the key from Periskope's webhook settings (or several, while rotating)"
            }
            SignatureError::MalformedKey => {
                "a signing key starts or ends with whitespace or a newline (read from a file or an environment variable with its line end?), or is not valid text; trim it where it is configured"
            }
            SignatureError::TimestampOutOfTolerance => {
                "the signature verified, but the event's timestamp is missing, unreadable or outside the tolerance (option tolerance): a replayed or delayed delivery"
            }
        }
    }
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.message(), self.code())
    }
}

impl std::error::Error for SignatureError {}

/// The 32 bytes a header's 64 hex digits spell, after trimming whitespace
/// and an optional `sha256=` prefix (either case); `None` for anything else.
fn decode_header(header: &str) -> Option<[u8; 32]> {
    // Bytes, and `get` rather than indexing: a `str` slice that could panic
    // would bring Rust's panic formatting into the wasm (kilobytes).
    let header = header.trim().as_bytes();
    let digits = match (header.get(..7), header.get(7..)) {
        (Some(prefix), Some(rest)) if prefix.eq_ignore_ascii_case(b"sha256=") => rest,
        _ => header,
    };
    if digits.len() != 64 {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    };
    let mut out = [0u8; 32];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let (high, low) = match pair {
            [high, low] => (*high, *low),
            _ => return None,
        };
        *byte = nibble(high)? << 4 | nibble(low)?;
    }
    Some(out)
}

/// Checks the signing keys themselves, before any request: at least one,
/// none empty ([`SignatureError::MissingKey`]), none starting or ending with
/// whitespace or a newline ([`SignatureError::MalformedKey`]: a key is a
/// token, and such a key is a copy that kept its line end, which would make
/// every signature a mismatch).
///
/// ```
/// use periskope_events::signature::{check_keys, SignatureError};
/// assert_eq!(check_keys(&[b"peri_key"]), Ok(()));
/// assert_eq!(check_keys(&[b"peri_key\n"]), Err(SignatureError::MalformedKey));
/// assert_eq!(check_keys(&[]), Err(SignatureError::MissingKey));
/// ```
pub fn check_keys(keys: &[&[u8]]) -> Result<(), SignatureError> {
    if keys.is_empty() || keys.iter().any(|key| key.is_empty()) {
        return Err(SignatureError::MissingKey);
    }
    let padded =
        |key: &&[u8]| key.first().is_some_and(u8::is_ascii_whitespace) || key.last().is_some_and(u8::is_ascii_whitespace);
    if keys.iter().any(padded) {
        return Err(SignatureError::MalformedKey);
    }
    Ok(())
}

/// Checks a signature header against the exact body bytes received.
///
/// `header` is the `x-periskope-signature` value: 64 hex digits, either
/// case, with surrounding whitespace and an optional `sha256=` prefix
/// tolerated. `keys` are tried in order, so a new key can be added before
/// the old one is retired; each comparison runs in constant time.
///
/// The keys are checked first ([`check_keys`]: a bad key is the receiver's
/// configuration error, whatever the request), then the header's presence,
/// then its form, then the MAC.
///
/// ```
/// use periskope_events::signature::{sign, verify, SignatureError};
/// let body = br#"{"event":"ticket.created"}"#;
/// let header = format!("sha256={}", sign(body, b"peri_new"));
/// assert_eq!(verify(body, Some(&header), &[b"peri_old", b"peri_new"]), Ok(()));
/// assert_eq!(verify(b"{}", Some(&header), &[b"peri_new"]), Err(SignatureError::SignatureMismatch));
/// assert_eq!(verify(body, None, &[b"peri_new"]).unwrap_err().code(), "missing_signature");
/// ```
pub fn verify(body: &[u8], header: Option<&str>, keys: &[&[u8]]) -> Result<(), SignatureError> {
    check_keys(keys)?;
    let received = read_header(header)?;
    // Which key matched may show in the timing; nothing about the MAC does.
    if keys.iter().any(|key| mac(key, body).verify_slice(&received).is_ok()) {
        Ok(())
    } else {
        Err(SignatureError::SignatureMismatch)
    }
}

/// The 32 bytes of the MAC a signature header carries, by the header's rules
/// (see [`verify`]): `MissingSignature` without one, `MalformedSignature`
/// when it is not 64 hex digits (after trimming and an optional `sha256=`).
///
/// ```
/// use periskope_events::signature::{read_header, SignatureError};
/// assert_eq!(read_header(Some(&format!(" sha256={} ", "ab".repeat(32)))), Ok([0xab; 32]));
/// assert_eq!(read_header(Some("  ")), Err(SignatureError::MissingSignature));
/// assert_eq!(read_header(Some("abc")), Err(SignatureError::MalformedSignature));
/// ```
pub fn read_header(header: Option<&str>) -> Result<[u8; 32], SignatureError> {
    let header = header.map(str::trim).filter(|h| !h.is_empty()).ok_or(SignatureError::MissingSignature)?;
    decode_header(header).ok_or(SignatureError::MalformedSignature)
}

/// An opt-in replay window for [`crate::construct_event_with_tolerance`]: a
/// signed envelope whose `timestamp` lies more than `tolerance_seconds`
/// before or after `now_millis` is refused with
/// [`SignatureError::TimestampOutOfTolerance`], and so is one whose
/// timestamp is missing or unreadable.
///
/// Off by default: Periskope signs the body alone, and whether a retry
/// keeps the original `timestamp` is not documented, so a window shorter
/// than Periskope's retry schedule could refuse genuine retries. Stripe
/// uses 300 seconds, Standard Webhooks 5 minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplayWindow {
    /// How far, in seconds, the timestamp may be from `now_millis`, either way.
    pub tolerance_seconds: u64,
    /// The current time, in milliseconds since 1970-01-01 UTC (a parameter,
    /// so tests can fix it).
    pub now_millis: i64,
}

impl ReplayWindow {
    /// A window of `tolerance_seconds` around the system clock's time.
    pub fn around_now(tolerance_seconds: u64) -> Self {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis());
        ReplayWindow { tolerance_seconds, now_millis: i64::try_from(now).unwrap_or(i64::MAX) }
    }

    /// Whether an event at `millis` (since 1970-01-01 UTC) lies inside.
    pub fn contains(&self, millis: i64) -> bool {
        let tolerance = i128::from(self.tolerance_seconds) * 1000;
        (i128::from(millis) - i128::from(self.now_millis)).abs() <= tolerance
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
    }

    /// FIPS 180-4 examples and NIST's CAVP long messages.
    /// RFC 4231, test cases 1 to 7 (case 5's truncated output is its first
    /// 16 bytes).
    #[test]
    fn rfc4231_hmac_vectors() {
        let cases: [(Vec<u8>, Vec<u8>, &str); 7] = [
            (vec![0x0b; 20], b"Hi There".to_vec(), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (b"Jefe".to_vec(), b"what do ya want for nothing?".to_vec(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (vec![0xaa; 20], vec![0xdd; 50], "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            (
                hex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
                vec![0xcd; 50],
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
            ),
            (vec![0x0c; 20], b"Test With Truncation".to_vec(), "a3b6167473100ee06e0c796c2955552b"),
            (
                vec![0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            ),
            (
                vec![0xaa; 131],
                b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".to_vec(),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
            ),
        ];
        for (i, (key, data, want)) in cases.iter().enumerate() {
            let got = sign(data, key);
            assert!(got.starts_with(want), "case {}: {got}", i + 1);
        }
    }

    /// Pseudo-random bytes from a seed, by the same generator as the Node
    /// script that computed the digests below.
    fn lcg_bytes(seed: u32, len: usize) -> Vec<u8> {
        let mut x = seed;
        (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (x >> 16) as u8
            })
            .collect()
    }

    /// Digests computed by Node's `crypto.createHmac('sha256', key)` over
    /// `lcg_bytes(body_seed, body_len)` with key `lcg_bytes(key_seed,
    /// key_len)`: bodies around the block and padding boundaries, keys
    /// shorter than, equal to and longer than a block.
    #[test]
    fn node_crypto_agrees() {
        let cases: [(u32, usize, u32, usize, &str); 11] = [
            (1, 0, 2, 1, "683fcfcd1011a43f394c52c4986329804c8dad3f1f23c6344e39037ed2a6e821"),
            (2, 1, 3, 16, "3c7e069c192970eb493a3f0acce9a1ab93a66c09d0fb18e871d8c21a1fe7902c"),
            (3, 55, 4, 32, "24b37c0841b9ef0faf496b5b91ff0c7340b8fa5eed2b8cd2f448847b2b282a69"),
            (4, 56, 5, 63, "03fbf68578d733bef3811b6d1a2cf215a9631591238634ee02be90f92368cfc2"),
            (5, 63, 6, 64, "93c7cf2cd1d6d9038d77e463cfcd455b14046e8a3b2434e2eb446f88dcbe250d"),
            (6, 64, 7, 65, "8e5a7ef02953720c90d5437498f9361fb7068b109c3cd6ef81d19a67874deb09"),
            (7, 65, 8, 100, "a1f4176105fd105256743b80923ea89d474d784f1ec4b7e9b9263dbeab483c41"),
            (9, 119, 10, 200, "780706fdbfb2a94c4d84b48db56c08ac7d34e780135a3198e47f3a087f85fd71"),
            (11, 120, 12, 7, "1941b92be36800eef08618813cd6c3ee5b05e6f20792b650da8a62904676628d"),
            (13, 1000, 14, 41, "93ee1dede84c8d31b27f6b6884548ab35f098fc30ee4c76f3e2ad1533db8e274"),
            (15, 4097, 16, 64, "6ab31ed85c3a1286bd9910a55899e13dd401483ddc2475958690b7c92f09a123"),
        ];
        for (body_seed, body_len, key_seed, key_len, want) in cases {
            let (body, key) = (lcg_bytes(body_seed, body_len), lcg_bytes(key_seed, key_len));
            assert_eq!(sign(&body, &key), want, "body {body_len} bytes, key {key_len} bytes");
            assert_eq!(verify(&body, Some(want), &[&key]), Ok(()));
        }
        // A UTF-8 body and a key shaped like the one seen in the wild.
        let body = r#"{"event":"message.created","data":{"body":"héllo 👋"}}"#;
        let key = "peri_1c7e5b2a-9d43-4f86-a0b1-6e2d8c9f3a57";
        assert_eq!(sign(body.as_bytes(), key.as_bytes()), "bfb88fa7d7b5e34845ac37d5cf6d86952cdc7b2d0266e6237cdc7d619fef9098");
    }

    #[test]
    fn headers_are_read_leniently_and_exactly() {
        let body = b"{}";
        let good = sign(body, b"k");
        let keys: &[&[u8]] = &[b"k"];
        for header in [good.clone(), good.to_uppercase(), format!("  sha256={good}\n"), format!("SHA256={good}")] {
            assert_eq!(verify(body, Some(&header), keys), Ok(()), "{header:?}");
        }
        for header in ["", "   "] {
            assert_eq!(verify(body, Some(header), keys), Err(SignatureError::MissingSignature));
        }
        assert_eq!(verify(body, None, keys), Err(SignatureError::MissingSignature));
        let not_hex = format!("g{}", &good[1..]);
        let too_long = format!("{good}0");
        let spaced_prefix = format!("sha256 ={good}");
        let inner_space = format!("{} {}", &good[..32], &good[33..]);
        let multibyte = "é".repeat(32);
        for header in [&good[1..], &too_long, &spaced_prefix, &not_hex, &inner_space, "sha256=", &multibyte] {
            assert_eq!(verify(body, Some(header), keys), Err(SignatureError::MalformedSignature), "{header:?}");
        }
    }

    #[test]
    fn keys_rotate_and_must_not_be_empty() {
        let body = b"payload";
        let header = sign(body, b"second");
        assert_eq!(verify(body, Some(&header), &[b"first", b"second"]), Ok(()));
        assert_eq!(verify(body, Some(&header), &[b"first"]), Err(SignatureError::SignatureMismatch));
        assert_eq!(verify(body, Some(&header), &[]), Err(SignatureError::MissingKey));
        assert_eq!(verify(body, Some(&header), &[b"second", b""]), Err(SignatureError::MissingKey));
        // The key is checked before the header: a misconfigured receiver says so.
        assert_eq!(verify(body, None, &[]), Err(SignatureError::MissingKey));
        let mut changed = body.to_vec();
        changed[0] ^= 1;
        assert_eq!(verify(&changed, Some(&header), &[b"second"]), Err(SignatureError::SignatureMismatch));
    }

    #[test]
    fn keys_with_surrounding_whitespace_are_refused() {
        let body = b"payload";
        let header = sign(body, b"k");
        for key in [&b"k\n"[..], b" k", b"k\r\n", b"\tk"] {
            assert_eq!(verify(body, Some(&header), &[b"k", key]), Err(SignatureError::MalformedKey), "{key:?}");
        }
        // Inner whitespace is part of the key.
        assert_eq!(verify(body, Some(&sign(body, b"a b")), &[b"a b"]), Ok(()));
    }

    #[test]
    fn the_replay_window_is_inclusive_either_way() {
        let window = ReplayWindow { tolerance_seconds: 300, now_millis: 1_000_000_000 };
        assert!(window.contains(1_000_000_000));
        assert!(window.contains(1_000_000_000 - 300_000));
        assert!(window.contains(1_000_000_000 + 300_000));
        assert!(!window.contains(1_000_000_000 - 300_001));
        assert!(!window.contains(1_000_000_000 + 300_001));
        assert!(!window.contains(i64::MIN));
        let huge = ReplayWindow { tolerance_seconds: u64::MAX, now_millis: i64::MAX };
        assert!(huge.contains(i64::MIN));
    }

    #[test]
    fn every_error_has_a_distinct_code_and_a_message() {
        let codes: std::collections::BTreeSet<_> = SignatureError::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(codes.len(), SignatureError::ALL.len());
        assert!(SignatureError::ALL.iter().all(|e| e.message().len() > 20));
    }

    #[test]
    fn errors_never_contain_secrets() {
        let body = b"secret body";
        let key = b"peri_5b1c9d7e";
        let expected = sign(body, key);
        let wrong = sign(body, b"other");
        for error in [
            verify(body, Some(&wrong), &[key]).unwrap_err(),
            verify(body, None, &[key]).unwrap_err(),
            verify(body, Some("zz"), &[key]).unwrap_err(),
            verify(body, Some(&expected), &[]).unwrap_err(),
        ] {
            let text = format!("{error} {error:?} {}", error.code());
            for secret in ["secret body", "peri_5b1c9d7e", &expected, &expected[..16]] {
                assert!(!text.contains(secret), "{text}");
            }
        }
    }
}
