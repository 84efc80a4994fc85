//! Exact integers from JSON number text, without floating point.

/// Whether a JSON number's text denotes a finite `f64`, as JavaScript reads
/// it: `1e308` is, `1e309` and `1.8e308` are not (they read as `Infinity`).
/// `text` must be a JSON number.
pub fn is_finite_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let unsigned = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let (mantissa, exponent) = match unsigned.iter().position(|&c| c == b'e' || c == b'E') {
        Some(at) => (unsigned.get(..at).unwrap_or_default(), unsigned.get(at + 1..).unwrap_or_default()),
        None => (unsigned, &b""[..]),
    };
    let (negative_exponent, exponent_digits) = match exponent.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, exponent),
    };
    let magnitude =
        exponent_digits.iter().fold(0i64, |e, &d| e.saturating_mul(10).saturating_add(i64::from(d.wrapping_sub(b'0'))));
    let exponent = if negative_exponent { -magnitude } else { magnitude };
    // The decimal order of the leading significant digit, and the digits.
    let point = mantissa.iter().position(|&c| c == b'.').unwrap_or(mantissa.len());
    let Some(first) = mantissa.iter().position(|&c| c.is_ascii_digit() && c != b'0') else { return true }; // zero
    let order = if first < point { (point - first - 1) as i64 } else { -((first - point) as i64) };
    match exponent.saturating_add(order) {
        ..=307 => true,
        308 => {
            // Compare the significant digits with the largest double's.
            const MAX: &[u8] = b"17976931348623157";
            let significant = mantissa.iter().skip(first).filter(|c| c.is_ascii_digit());
            let trimmed: Vec<u8> = significant.copied().collect();
            let end = trimmed.iter().rposition(|&c| c != b'0').map_or(0, |i| i + 1);
            trimmed.get(..end).unwrap_or_default() <= MAX
        }
        _ => false,
    }
}

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
    if (kept as i64).saturating_add(scale_after_trim) > 16 {
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
    fn finite_numbers() {
        for (text, finite) in [
            ("0", true),
            ("-0", true),
            ("1e308", true),
            ("1.7976931348623157e308", true),
            ("1.8e308", false),
            ("1e309", false),
            ("-1e400", false),
            ("1e-400", true),
            ("0.0000e999", true),
            ("123456789", true),
            ("0.001e311", true),
            ("0.01e311", false),
            ("179769313486231570000000000000000000000e270", true),
            ("18e307", false),
            ("1e99999999999999999999", false),
        ] {
            assert_eq!(is_finite_number(text), finite, "{text}");
        }
    }

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
