//! Documentation placeholders such as `2997xx64-89bf-...` or `91900438XXXX`.

/// Whether `value` is a UUID (8-4-4-4-12 hex digits, either case).
pub fn is_uuid(value: &str) -> bool {
    matches_uuid(value, |c| c.is_ascii_hexdigit())
}

/// Whether `value` is five dash-separated groups of 8, 4, 4, 4 and 12
/// characters, each accepted by `digit`.
fn matches_uuid(value: &str, digit: impl Fn(u8) -> bool) -> bool {
    let b = value.as_bytes();
    b.len() == 36 && b.iter().enumerate().all(|(i, &c)| if matches!(i, 8 | 13 | 18 | 23) { c == b'-' } else { digit(c) })
}

/// Whether `value` is a UUID in which some hex digits were replaced by `x` or
/// `X`, as documentation samples do.
pub fn is_placeholder_uuid(value: &str) -> bool {
    value.bytes().any(|b| b | 0x20 == b'x') && matches_uuid(value, |c| c.is_ascii_hexdigit() || c == b'x' || c == b'X')
}

/// Whether a string meant to hold digits (a phone number, the user part of a
/// chat id) has `x` or `X` in place of some of them.
pub fn is_placeholder_digits(value: &str) -> bool {
    let b = value.as_bytes();
    b.iter().any(|&c| c | 0x20 == b'x') && b.iter().all(|&c| c.is_ascii_digit() || c | 0x20 == b'x')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(is_uuid("2997dd64-89bf-48d3-9a22-b314fca017e5"));
        assert!(!is_uuid("2997xx64-89bf-48d3-9a22-b314fxx017e5"));
        assert!(is_placeholder_uuid("2997xx64-89bf-48d3-9a22-b314fxx017e5"));
        assert!(!is_placeholder_uuid("2997dd64-89bf-48d3-9a22-b314fca017e5"));
        assert!(!is_placeholder_uuid("not-a-uuid"));
    }

    #[test]
    fn digits() {
        assert!(is_placeholder_digits("91900438XXXX"));
        assert!(is_placeholder_digits("X919836025090"));
        assert!(!is_placeholder_digits("919004380000"));
        assert!(!is_placeholder_digits("abcX"));
    }
}
