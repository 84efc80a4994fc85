//! Label strings (`"label1, label2"`) to lists.

/// Splits a comma-separated label string into labels.
///
/// Rule: split on `,`, trim each part (Unicode whitespace), drop empty parts,
/// and drop a label equal to an earlier one ignoring ASCII case (Periskope
/// treats labels case-insensitively), keeping the first spelling. `""` gives
/// `[]`.
///
/// ```
/// use periskope_events::normalize::split_labels;
/// assert_eq!(split_labels(" vip, Billing,,vip ,billing"), ["vip", "Billing"]);
/// assert!(split_labels("").is_empty());
/// ```
pub fn split_labels(labels: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for label in labels.split(',').map(str::trim).filter(|l| !l.is_empty()) {
        push_unique(&mut out, label);
    }
    out
}

/// Adds `label` unless an earlier label equals it ignoring case.
pub(crate) fn push_unique<'a>(out: &mut Vec<&'a str>, label: &'a str) {
    let duplicate = out.iter().any(|earlier| earlier.eq_ignore_ascii_case(label));
    if !duplicate {
        out.push(label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_trims_and_dedupes() {
        assert_eq!(split_labels("label1, label2"), ["label1", "label2"]);
        assert_eq!(split_labels(" , ,"), Vec::<&str>::new());
        assert_eq!(split_labels("VIP, vip, Ärger, ärger"), ["VIP", "Ärger", "ärger"]);
        assert_eq!(split_labels("a,b,a"), ["a", "b"]);
    }
}
