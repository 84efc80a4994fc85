//! Timestamps: every format Periskope sends, to `Date.prototype.toISOString`.

/// A timestamp read by [`parse_timestamp`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParsedTimestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z (fraction digits past the
    /// third are truncated, as `Date` does).
    pub millis: i64,
    /// Whether the text gave a UTC offset (`Z`, `+HH`, `+HH:MM`, `+HHMM`).
    /// A date-time without one is read as UTC.
    pub has_offset: bool,
    /// Whether the text was a date alone (`YYYY-MM-DD`), read as midnight UTC.
    pub date_only: bool,
}

/// Reads a timestamp in any of the forms Periskope sends:
///
/// - `YYYY-MM-DD`, a date alone (midnight UTC);
/// - `YYYY-MM-DD` then `T`, `t` or a space, then `HH:MM`, optionally `:SS`,
///   optionally `.` and 1 to 9 fraction digits;
/// - then `Z`/`z`, `+HH`, `-HH`, `+HH:MM`, `+HHMM`, or nothing (read as UTC).
///
/// Fields are range-checked (month 1-12, day within its month, leap years
/// included, hour 0-23, minute and second 0-59, offset below 24 hours).
/// Returns `None` for anything else.
///
/// ```
/// use periskope_events::normalize::{parse_timestamp, format_iso_millis};
/// let t = parse_timestamp("2026-04-26 17:23:13.273371+05:30").unwrap();
/// assert_eq!(format_iso_millis(t.millis), "2026-04-26T11:53:13.273Z");
/// ```
pub fn parse_timestamp(text: &str) -> Option<ParsedTimestamp> {
    let b = text.as_bytes();
    let year = digits(b, 0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if b.len() == 10 {
        return Some(ParsedTimestamp { millis: days * 86_400_000, has_offset: false, date_only: true });
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
        return None;
    }
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    let mut at = 16;
    let mut second = 0;
    let mut millis = 0;
    if b.get(at) == Some(&b':') {
        second = digits(b, at + 1, 2)?;
        at += 3;
        if b.get(at) == Some(&b'.') {
            at += 1;
            let start = at;
            while let Some(d @ b'0'..=b'9') = b.get(at) {
                if at - start < 3 {
                    millis = millis * 10 + i64::from(d - b'0');
                }
                at += 1;
            }
            let count = at - start;
            if !(1..=9).contains(&count) {
                return None;
            }
            for _ in count..3 {
                millis *= 10;
            }
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let (offset_minutes, has_offset) = match b.get(at) {
        None => (0, false),
        Some(b'Z' | b'z') if at + 1 == b.len() => (0, true),
        Some(&sign @ (b'+' | b'-')) => {
            let oh = digits(b, at + 1, 2)?;
            let om = match b.len() - at {
                3 => 0,
                5 => digits(b, at + 3, 2)?,
                6 if b.get(at + 3) == Some(&b':') => digits(b, at + 4, 2)?,
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            let minutes = oh * 60 + om;
            (if sign == b'-' { -minutes } else { minutes }, true)
        }
        Some(_) => return None,
    };
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(ParsedTimestamp { millis: seconds * 1000 + millis, has_offset, date_only: false })
}

/// Formats milliseconds since the epoch exactly as JavaScript's
/// `Date.prototype.toISOString` does: `YYYY-MM-DDTHH:MM:SS.sssZ`, with a
/// signed six-digit year outside 0000 to 9999.
pub fn format_iso_millis(millis: i64) -> String {
    IsoMillis::new(millis).as_str().to_owned()
}

/// [`format_iso_millis`] without an allocation: the text in a buffer of its
/// own, which the writer copies once. This runs for every timestamp of every
/// payload (written digit pair by digit pair: `format!` costs several times
/// more, and kilobytes of wasm).
pub(crate) struct IsoMillis {
    /// Room for a year of any `i64` count of milliseconds (nine digits and
    /// a sign) and the 20 bytes after it.
    bytes: [u8; 32],
    len: usize,
}

impl IsoMillis {
    pub(crate) fn new(millis: i64) -> IsoMillis {
        let days = millis.div_euclid(86_400_000);
        // Below 86,400,000: fits a u32, whose divisions are cheaper.
        let in_day = u32::try_from(millis.rem_euclid(86_400_000)).unwrap_or(0);
        let (year, month, day) = civil_from_days(days);
        let mut out = IsoMillis { bytes: [0; 32], len: 0 };
        if (0..=9999).contains(&year) {
            let year = year as u32;
            out.pair(year / 100);
            out.pair(year % 100);
        } else {
            out.push(if year < 0 { b'-' } else { b'+' });
            // At least six digits; wider years (past JavaScript's range,
            // which no timestamp we read reaches) keep all theirs.
            let year = year.unsigned_abs();
            let mut divisor = 100_000u64;
            while divisor.saturating_mul(10) <= year {
                divisor *= 10;
            }
            while divisor > 0 {
                out.push(b'0' + (year / divisor % 10) as u8);
                divisor /= 10;
            }
        }
        for (separator, value) in [
            (b'-', month as u32),
            (b'-', day as u32),
            (b'T', in_day / 3_600_000),
            (b':', in_day / 60_000 % 60),
            (b':', in_day / 1000 % 60),
        ] {
            out.push(separator);
            out.pair(value);
        }
        let ms = in_day % 1000;
        out.push(b'.');
        out.push(b'0' + (ms / 100) as u8);
        out.pair(ms % 100);
        out.push(b'Z');
        out
    }

    fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// Two decimal digits of `value` (below 100).
    fn pair(&mut self, value: u32) {
        self.push(b'0' + (value / 10 % 10) as u8);
        self.push(b'0' + (value % 10) as u8);
    }

    /// The text: ASCII digits and separators only.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

fn digits(b: &[u8], at: usize, count: usize) -> Option<i64> {
    let slice = b.get(at..at + count)?;
    slice.iter().try_fold(0i64, |n, &d| d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0')))
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse_timestamp(text).map(|t| format_iso_millis(t.millis))
    }

    #[test]
    fn every_documented_format() {
        let want = Some("2024-05-13T17:27:15.000Z".to_string());
        assert_eq!(iso("2024-05-13T17:27:15+00:00"), want);
        assert_eq!(iso("2024-05-13 17:27:15+00"), want);
        assert_eq!(iso("2024-05-13T17:27:15Z"), want);
        assert_eq!(iso("2024-05-13T17:27:15"), want);
        assert_eq!(iso("2024-05-13T19:27:15+0200"), want);
        assert_eq!(iso("2025-01-11T11:52:27.231+00:00").unwrap(), "2025-01-11T11:52:27.231Z");
        assert_eq!(iso("2025-01-26T13:46:55.758677+00:00").unwrap(), "2025-01-26T13:46:55.758Z");
        assert_eq!(iso("2025-01-17T08:44:02.6+00:00").unwrap(), "2025-01-17T08:44:02.600Z");
        assert_eq!(iso("2026-04-26 17:23:13.273371+05:30").unwrap(), "2026-04-26T11:53:13.273Z");
        assert_eq!(iso("2025-04-20").unwrap(), "2025-04-20T00:00:00.000Z");
        assert_eq!(iso("2024-01-01T00:30:00-01:00").unwrap(), "2024-01-01T01:30:00.000Z");
        assert_eq!(iso("2024-05-13T17:27+00:00").unwrap(), "2024-05-13T17:27:00.000Z");
    }

    #[test]
    fn offsets_cross_days_and_years() {
        assert_eq!(iso("2024-01-01T01:00:00+05:30").unwrap(), "2023-12-31T19:30:00.000Z");
        assert_eq!(iso("0000-01-01T00:00:00+01:00").unwrap(), "-000001-12-31T23:00:00.000Z");
        assert_eq!(iso("9999-12-31T23:30:00-01:00").unwrap(), "+010000-01-01T00:30:00.000Z");
    }

    #[test]
    fn rejects_what_cannot_be_read() {
        for bad in [
            "",
            "2024",
            "2024-13-01",
            "2024-02-30",
            "2023-02-29T00:00:00Z",
            "2024-05-13T24:00:00Z",
            "2024-05-13T17:60:00Z",
            "2024-05-13T17:27:61Z",
            "2024-05-13T17:27:15.Z",
            "2024-05-13T17:27:15.1234567890Z",
            "2024-05-13T17:27:15+24:00",
            "2024-05-13T17:27:15+5",
            "2024-05-13T17:27:15+05:3",
            "2024-05-13X17:27:15Z",
            "2024-05-13T17:27:15ZZ",
            " 2024-05-13T17:27:15Z",
            "2024-05-13T17:27:15 ",
            "１２３４-05-13",
            "tomorrow",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
        assert!(parse_timestamp("2024-02-29T00:00:00Z").is_some());
    }

    #[test]
    fn days_round_trip() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
