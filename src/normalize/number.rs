//! Exact integers from JSON number text, without floating point.

/// The exact integer a JSON number's text denotes, if it is an integer whose
/// magnitude is at most 2^53 (JavaScript's safe range): `"2"`, `"2.0"`,
/// `"0.2e1"` and `"-0"` are integers; `"2.5"`, `"1e400"` and non-numbers are
/// not.
///
/// ```
/// use periskope_events::normalize::integer_value;
/// assert_eq!(integer_value("4.00"), Some(4));
/// assert_eq!(integer_value("25e-1"), None);
/// ```
pub fn integer_value(text: &str) -> Option<i64> {
    const SAFE: i64 = 1 << 53;
    let b = text.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, b.get(1..)?),
        _ => (false, b),
    };
    let int_len = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let (int_digits, rest) = rest.split_at(int_len);
    let (frac_digits, rest) = match rest.split_first() {
        Some((b'.', tail)) => {
            let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return None;
            }
            tail.split_at(n)
        }
        _ => (&[][..], rest),
    };
    let exponent: i64 = match rest.split_first() {
        None => 0,
        Some((b'e' | b'E', tail)) => {
            let (sign, digits) = match tail.split_first() {
                Some((b'-', d)) => (-1, d),
                Some((b'+', d)) => (1, d),
                _ => (1, tail),
            };
            if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            // Past 20 digits of exponent nothing is a safe integer but zero.
            let e = digits.iter().take(20).fold(0i64, |e, d| e.saturating_mul(10).saturating_add(i64::from(d - b'0')));
            sign * e
        }
        Some(_) => return None,
    };
    if int_digits.is_empty() {
        return None;
    }
    // All significant digits, then where the decimal point sits.
    let digits = int_digits.iter().chain(frac_digits).skip_while(|&&d| d == b'0');
    let significant: Vec<u8> = digits.copied().collect();
    let zeros_at_end = significant.iter().rev().take_while(|&&d| d == b'0').count();
    if significant.is_empty() {
        return Some(0);
    }
    // value = significant * 10^scale
    let scale = exponent.saturating_sub(frac_digits.len() as i64);
    let kept = significant.len() - zeros_at_end;
    let scale_after_trim = scale.saturating_add(zeros_at_end as i64);
    if scale_after_trim < 0 {
        return None; // a fraction remains
    }
    if kept as i64 + scale_after_trim > 16 {
        return None;
    }
    let mut value: i64 = 0;
    for d in significant.get(..kept)? {
        value = value.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
    }
    for _ in 0..scale_after_trim {
        value = value.checked_mul(10)?;
    }
    if value > SAFE {
        return None;
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        for (text, want) in [
            ("0", Some(0)),
            ("-0", Some(0)),
            ("2", Some(2)),
            ("2.0", Some(2)),
            ("2.000", Some(2)),
            ("0.2e1", Some(2)),
            ("20e-1", Some(2)),
            ("-4", Some(-4)),
            ("1e3", Some(1000)),
            ("1E+3", Some(1000)),
            ("9007199254740992", Some(1 << 53)),
            ("1717600000000", Some(1_717_600_000_000)),
            ("2.5", None),
            ("25e-1", None),
            ("1e400", None),
            ("1e-400", None),
            ("9007199254740993", None),
            ("", None),
            ("-", None),
            ("1.", None),
            (".5", None),
            ("1e", None),
            ("abc", None),
            ("0.000", Some(0)),
            ("100e-2", Some(1)),
        ] {
            assert_eq!(integer_value(text), want, "{text}");
        }
    }
}
