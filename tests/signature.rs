//! The signature primitive against Node's `crypto.createHmac`, the
//! implementation most senders and receivers use, over a few hundred random
//! bodies and keys of every length around SHA-256's block boundaries.
//! Skipped (with a note) where `node` is not installed; the unit tests in
//! `src/signature.rs` hold digests Node computed, so the check never
//! depends on Node alone.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

use periskope_events::signature::{sign, verify, SignatureError};

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
