//! Signature verification on arbitrary bodies, headers and keys: never a
//! panic; a signature made with `sign` always verifies, with any of the
//! tolerated spellings, and a changed body never does.
#![no_main]

use periskope_events::signature::{check_keys, sign, verify, SignatureError};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // body | header | key, split at the first two 0xFF bytes.
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    let body = parts.next().unwrap_or_default();
    let header = parts.next().unwrap_or_default();
    let key = parts.next().unwrap_or_default();
    let header_text = String::from_utf8_lossy(header);
    let _ = verify(body, Some(&header_text), &[key]);
    let _ = verify(body, None, &[key, body]);
    if let Err(e) = check_keys(&[key]) {
        // An unusable key (empty, or with surrounding whitespace) is refused
        // for what it is, whatever the signature.
        assert_eq!(verify(body, Some(&sign(body, key)), &[key]), Err(e));
        assert!(matches!(e, SignatureError::MissingKey | SignatureError::MalformedKey));
        return;
    }
    let good = sign(body, key);
    assert!(verify(body, Some(&good), &[key]).is_ok());
    assert!(verify(body, Some(&format!("  sha256={}\t", good.to_uppercase())), &[b"other", key]).is_ok());
    let mut changed = body.to_vec();
    changed.push(b'x');
    assert!(verify(&changed, Some(&good), &[key]).is_err());
});
