//! Email addresses.

/// Trims surrounding whitespace and lowercases the address's ASCII letters
/// (other characters are kept as sent, so the rule never depends on a Unicode
/// version).
///
/// ```
/// assert_eq!(periskope_events::normalize::normalize_email("  Ana@Example.COM "), "ana@example.com");
/// ```
pub fn normalize_email(email: &str) -> String {
    email.trim().to_ascii_lowercase()
}

/// Whether `email` (already trimmed) has the shape of an address:
/// one `@`, a non-empty local part, and a domain of at least two non-empty
/// dot-separated labels, with no whitespace anywhere. Deliberately loose:
/// it catches placeholders and names, not every RFC 5322 corner.
pub fn is_email(email: &str) -> bool {
    let bytes = email.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == b'@') else { return false };
    let (local, domain) = (bytes.get(..at).unwrap_or_default(), bytes.get(at + 1..).unwrap_or_default());
    !local.is_empty()
        && !domain.contains(&b'@')
        && !email.chars().any(char::is_whitespace)
        && domain.contains(&b'.')
        && domain.split(|&b| b == b'.').all(|label| !label.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(is_email("a@b.co"));
        assert!(!is_email("a@b"));
        assert!(!is_email("api"));
        assert!(!is_email("a b@c.d"));
        assert!(!is_email("@c.d"));
        assert!(!is_email("a@@c.d"));
        assert!(!is_email("a@c..d"));
    }
}
