//! Documentation placeholders such as `2997xx64-89bf-...` or `91900438XXXX`.

/// Whether `value` is a UUID (8-4-4-4-12 hex digits, either case).
pub fn is_uuid(value: &str) -> bool {
    matches_uuid(value, |c| c.is_ascii_hexdigit())
}

/// Whether `value` is a UUID in which some hex digits were replaced by `x` or
/// `X`, as documentation samples do.
pub fn is_placeholder_uuid(value: &str) -> bool {
    value.contains(['x', 'X']) && matches_uuid(value, |c| c.is_ascii_hexdigit() || c == 'x' || c == 'X')
}

fn matches_uuid(value: &str, digit: impl Fn(char) -> bool) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5 && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, len)| g.len() == len && g.chars().all(&digit))
}

/// Whether a string meant to hold digits (a phone number, the user part of a
/// chat id) has `x` or `X` in place of some of them.
pub fn is_placeholder_digits(value: &str) -> bool {
    value.contains(['x', 'X']) && value.chars().all(|c| c.is_ascii_digit() || c == 'x' || c == 'X')
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
