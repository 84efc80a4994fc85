//! Webhook signatures: HMAC-SHA256 of the exact body bytes, as lowercase hex
//! in the `x-periskope-signature` header, keyed with the signing key's UTF-8
//! bytes (the scheme every known receiver implements; Periskope does not
//! publish one).
//!
//! SHA-256 (FIPS 180-4) and HMAC (RFC 2104) are written here rather than
//! taken from RustCrypto's `sha2` and `hmac`: about a hundred lines, no
//! dependency, and a smaller wasm. Measured on the release build (wasm-opt
//! -O3, gzip -9) with every event wired and `sign` and `verify` exported,
//! bindings included: this module adds 2.8 KB (58.6 KB without it, 61.4 KB
//! with it); `sha2` 0.10.9 and `hmac` 0.12 in its place add 4.5 KB (63.1
//! KB). The tests check it against NIST's and RFC 4231's vectors and against
//! Node's `crypto`.

// SHA-256 indexes fixed-size arrays (`[u32; 64]`, `[u8; 64]`, `[u8; 32]`) with
// loop counters bounded by their lengths, and slices its block buffer within
// `BLOCK`; the NIST and RFC 4231 vectors and the signature fuzz target cover
// every path. Rewritten with `get`, the algorithm would be harder to check.
#![allow(clippy::indexing_slicing)]

use std::fmt;

/// The SHA-256 round constants: the first 32 bits of the fractional parts
/// of the cube roots of the first 64 primes.
const K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
    0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
    0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
    0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/// The initial hash value: the first 32 bits of the fractional parts of the
/// square roots of the first 8 primes.
const H0: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/// SHA-256's block size in bytes, which is also HMAC's key block size.
const BLOCK: usize = 64;

/// An incremental SHA-256.
#[derive(Clone)]
struct Sha256 {
    state: [u32; 8],
    buffer: [u8; BLOCK],
    buffered: usize,
    /// Total bytes hashed so far.
    length: u64,
}

impl Sha256 {
    fn new() -> Self {
        Sha256 { state: H0, buffer: [0; BLOCK], buffered: 0, length: 0 }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.length = self.length.wrapping_add(data.len() as u64);
        if self.buffered > 0 {
            let take = (BLOCK - self.buffered).min(data.len());
            self.buffer[self.buffered..self.buffered + take].copy_from_slice(&data[..take]);
            self.buffered += take;
            data = &data[take..];
            if self.buffered < BLOCK {
                return;
            }
            let block = self.buffer;
            compress(&mut self.state, &block);
            self.buffered = 0;
        }
        let mut blocks = data.chunks_exact(BLOCK);
        for block in &mut blocks {
            compress(&mut self.state, block);
        }
        let rest = blocks.remainder();
        self.buffer[..rest.len()].copy_from_slice(rest);
        self.buffered = rest.len();
    }

    fn finish(mut self) -> [u8; 32] {
        let bits = self.length.wrapping_mul(8);
        // Padding: 0x80, zeros up to 56 mod 64, then the length in bits.
        self.update(&[0x80]);
        while self.buffered != BLOCK - 8 {
            self.update(&[0]);
        }
        self.update(&bits.to_be_bytes());
        let mut out = [0; 32];
        for (chunk, word) in out.chunks_exact_mut(4).zip(self.state) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }
}

/// SHA-256's compression function over one 64-byte block.
fn compress(state: &mut [u32; 8], block: &[u8]) {
    let mut w = [0u32; 64];
    for (i, bytes) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    }
    for i in 16..64 {
        let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
        let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
    }
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = *state;
    for i in 0..64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = h.wrapping_add(s1).wrapping_add(ch).wrapping_add(K[i]).wrapping_add(w[i]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
    }
    for (s, v) in state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
        *s = s.wrapping_add(v);
    }
}

/// HMAC-SHA256 (RFC 2104): a key longer than a block is hashed first.
fn hmac_sha256(key: &[u8], body: &[u8]) -> [u8; 32] {
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        let mut hasher = Sha256::new();
        hasher.update(key);
        block[..32].copy_from_slice(&hasher.finish());
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut pad = [0u8; BLOCK];
    let mut inner = Sha256::new();
    for (p, k) in pad.iter_mut().zip(block) {
        *p = k ^ 0x36;
    }
    inner.update(&pad);
    inner.update(body);
    let inner = inner.finish();
    let mut outer = Sha256::new();
    for (p, k) in pad.iter_mut().zip(block) {
        *p = k ^ 0x5c;
    }
    outer.update(&pad);
    outer.update(&inner);
    outer.finish()
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
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for byte in hmac_sha256(key, body) {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 15)]));
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
}

impl SignatureError {
    /// The error's stable snake_case code: `missing_signature`,
    /// `malformed_signature`, `signature_mismatch` or `missing_key`.
    pub const fn code(self) -> &'static str {
        match self {
            SignatureError::MissingSignature => "missing_signature",
            SignatureError::MalformedSignature => "malformed_signature",
            SignatureError::SignatureMismatch => "signature_mismatch",
            SignatureError::MissingKey => "missing_key",
        }
    }

    /// A sentence for people.
    pub const fn message(self) -> &'static str {
        match self {
            SignatureError::MissingSignature => "the request has no x-periskope-signature header, or it is empty",
            SignatureError::MalformedSignature => {
                "the signature is not 64 hexadecimal digits (an optional sha256= prefix and surrounding whitespace are allowed)"
            }
            SignatureError::SignatureMismatch => {
                "the signature does not match the body under any of the keys: the body was changed (verify the raw bytes received, before any parsing) or was signed with another key"
            }
            SignatureError::MissingKey => "no signing key was given, or a key is empty",
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
        *byte = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

/// Whether two MACs are equal, looking at every byte whatever the first
/// difference, so the time taken says nothing about where they differ.
fn equal_in_constant_time(a: &[u8; 32], b: &[u8; 32]) -> bool {
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // Keeps the optimizer from turning the fold into an early exit.
    std::hint::black_box(diff) == 0
}

/// Checks a signature header against the exact body bytes received.
///
/// `header` is the `x-periskope-signature` value: 64 hex digits, either
/// case, with surrounding whitespace and an optional `sha256=` prefix
/// tolerated. `keys` are tried in order, so a new key can be added before
/// the old one is retired; each comparison looks at all 32 bytes.
///
/// The keys are checked first (a missing key is the receiver's
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
    if keys.is_empty() || keys.iter().any(|key| key.is_empty()) {
        return Err(SignatureError::MissingKey);
    }
    let header = header.map(str::trim).filter(|h| !h.is_empty()).ok_or(SignatureError::MissingSignature)?;
    let received = decode_header(header).ok_or(SignatureError::MalformedSignature)?;
    // Which key matched may show in the timing; nothing about the MAC does.
    if keys.iter().any(|key| equal_in_constant_time(&hmac_sha256(key, body), &received)) {
        Ok(())
    } else {
        Err(SignatureError::SignatureMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256_hex(data: &[u8]) -> String {
        let mut hasher = Sha256::new();
        hasher.update(data);
        hasher.finish().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap()).collect()
    }

    /// FIPS 180-4 examples and NIST's CAVP long messages.
    #[test]
    fn nist_sha256_vectors() {
        assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            sha256_hex(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            sha256_hex(
                b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
            ),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        );
        assert_eq!(sha256_hex(&vec![b'a'; 1_000_000]), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    /// Feeding the same bytes in pieces of every size gives the same hash.
    #[test]
    fn incremental_updates_agree() {
        let data: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        let whole = sha256_hex(&data);
        for piece in [1, 3, 55, 56, 63, 64, 65, 127, 128, 200] {
            let mut hasher = Sha256::new();
            data.chunks(piece).for_each(|chunk| hasher.update(chunk));
            let pieces: String = hasher.finish().iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(pieces, whole, "pieces of {piece}");
        }
    }

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
