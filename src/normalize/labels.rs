//! Label strings (`"label1, label2"`) and label arrays to lists.

/// Splits a comma-separated label string into labels.
///
/// Rule: split on `,`, trim each part (Unicode whitespace), drop empty parts,
/// and drop a label equal to an earlier one ignoring ASCII case (Periskope
/// treats labels case-insensitively), keeping the first spelling. `""` gives
/// `[]`. The array form of a label field follows the same rule, item by item
/// (see [`dedup_labels`]).
///
/// ```
/// use periskope_events::normalize::split_labels;
/// assert_eq!(split_labels(" vip, Billing,,vip ,billing"), ["vip", "Billing"]);
/// assert!(split_labels("").is_empty());
/// ```
pub fn split_labels(labels: &str) -> Vec<&str> {
    dedup_labels(labels.split(',').filter_map(label).collect())
}

/// One label as the rule reads it: trimmed (Unicode whitespace), `None`
/// when nothing is left. The string form's parts and the array form's items
/// both go through it.
///
/// ```
/// use periskope_events::normalize::labels::label;
/// assert_eq!(label("  vip "), Some("vip"));
/// assert_eq!(label(" \t"), None);
/// ```
pub fn label(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|l| !l.is_empty())
}

/// Drops every label equal to an earlier one ignoring ASCII case, keeping
/// the first spelling and the order of the rest.
///
/// The cost is linear in the usual case (labels grouped by a hash of the
/// lowercased label) and n log n whatever the labels (the groups give way to
/// a sort when chosen labels collide), so a body of 180,000 labels costs
/// milliseconds; comparing each label with every earlier one took 53 s.
/// Short lists, the usual case, are compared pairwise, which needs no
/// allocation.
///
/// ```
/// use periskope_events::normalize::labels::dedup_labels;
/// assert_eq!(dedup_labels(vec!["b", "A", "a", "B", "c"]), ["b", "A", "c"]);
/// ```
pub fn dedup_labels<T: AsRef<str>>(labels: Vec<T>) -> Vec<T> {
    dedup_by_key_ignoring_case(labels, |label| label.as_ref())
}

/// Lists this short are de-duplicated by comparing pairs: at most 120
/// comparisons, no allocation.
const PAIRWISE_MAX: usize = 16;

fn dedup_by_key_ignoring_case<T>(labels: Vec<T>, key: impl Fn(&T) -> &str) -> Vec<T> {
    let n = labels.len();
    let keep = if n <= PAIRWISE_MAX {
        let mut keep = vec![true; n];
        for (i, label) in labels.iter().enumerate() {
            let duplicate = labels.iter().take(i).any(|earlier| key(earlier).eq_ignore_ascii_case(key(label)));
            if let Some(slot) = keep.get_mut(i) {
                *slot = !duplicate;
            }
        }
        keep
    } else {
        // Grouped by a hash of the lowercased label; chosen labels could
        // collide, and then the sort decides (see `sort::first_of_each`).
        crate::sort::first_of_each(
            &labels,
            |label| hash_ignoring_ascii_case(key(label)) as u32,
            |a, b| key(a).eq_ignore_ascii_case(key(b)),
        )
        .unwrap_or_else(|| sorted(&labels, &key))
    };
    labels.into_iter().zip(keep).filter_map(|(label, keep)| keep.then_some(label)).collect()
}

/// [`crate::sort::hash_bytes`] of the lowercased label.
fn hash_ignoring_ascii_case(label: &str) -> u64 {
    crate::sort::hash_bytes(label.bytes().map(|b| b.to_ascii_lowercase()), label.len())
}

/// Which labels to keep, by sorting their positions by (lowercased label,
/// position): in each run of equal labels the first is the original, the
/// rest are repeats. Each position carries its label's first eight bytes,
/// lowercased, as one integer, so most comparisons are one integer
/// comparison.
fn sorted<T>(labels: &[T], key: &impl Fn(&T) -> &str) -> Vec<bool> {
    let n = labels.len();
    let mut keep = vec![true; n];
    let key_at = |i: usize| labels.get(i).map(key).unwrap_or_default();
    let mut order: Vec<(u64, usize)> = (0..n).map(|i| (prefix(key_at(i)), i)).collect();
    crate::sort::heap_sort_by(&mut order, |&(pa, a), &(pb, b)| {
        if pa != pb {
            return pa < pb;
        }
        match cmp_ignoring_ascii_case(key_at(a), key_at(b)) {
            core::cmp::Ordering::Equal => a < b,
            ordering => ordering == core::cmp::Ordering::Less,
        }
    });
    for pair in order.windows(2) {
        if let [(first_prefix, first), (second_prefix, second)] = *pair {
            if first_prefix == second_prefix && key_at(first).eq_ignore_ascii_case(key_at(second)) {
                if let Some(slot) = keep.get_mut(second) {
                    *slot = false;
                }
            }
        }
    }
    keep
}

/// A label's first eight bytes, lowercased, big-endian (so integers order
/// as the bytes do), zero-padded: equal labels have equal prefixes, and
/// unequal prefixes order as the labels do.
fn prefix(label: &str) -> u64 {
    let mut word = [0u8; 8];
    for (slot, byte) in word.iter_mut().zip(label.bytes()) {
        *slot = byte.to_ascii_lowercase();
    }
    u64::from_be_bytes(word)
}

fn cmp_ignoring_ascii_case(a: &str, b: &str) -> core::cmp::Ordering {
    a.bytes().map(|c| c.to_ascii_lowercase()).cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn splits_trims_and_dedupes() {
        assert_eq!(split_labels("label1, label2"), ["label1", "label2"]);
        assert_eq!(split_labels(" , ,"), Vec::<&str>::new());
        assert_eq!(split_labels("VIP, vip, Ärger, ärger"), ["VIP", "Ärger", "ärger"]);
        assert_eq!(split_labels("a,b,a"), ["a", "b"]);
    }

    #[test]
    fn long_lists_agree_with_pairwise() {
        // Past PAIRWISE_MAX the sort path runs; it must give what comparing
        // every pair gives, first spellings and order included.
        let labels: Vec<String> =
            (0..500u32).map(|i| format!("{}{}", if i % 3 == 0 { "L" } else { "l" }, i.wrapping_mul(7919) % 97)).collect();
        let mut want: Vec<String> = Vec::new();
        for l in &labels {
            if !want.iter().any(|w| w.eq_ignore_ascii_case(l)) {
                want.push(l.clone());
            }
        }
        assert_eq!(dedup_labels(labels), want);
    }

    fn as_str(label: &String) -> &str {
        label
    }

    #[test]
    fn the_table_and_the_sort_agree() {
        let labels: Vec<String> =
            (0..5000u32).map(|i| format!("{}{}", if i % 2 == 0 { "Tag" } else { "tag" }, i % 1700)).collect();
        let kept = sorted(&labels, &as_str);
        assert_eq!(kept.iter().filter(|k| **k).count(), 1700);
        let grouped =
            crate::sort::first_of_each(&labels, |l| hash_ignoring_ascii_case(l) as u32, |a, b| a.eq_ignore_ascii_case(b));
        assert_eq!(grouped, Some(kept));
    }

    #[test]
    fn colliding_labels_make_the_groups_give_up() {
        // A hash that puts every label in one group, as chosen labels could:
        // the groups give up instead of comparing every pair, and the sort
        // decides.
        let labels: Vec<String> = (0..3000).map(|i| format!("l{i}")).collect();
        assert_eq!(crate::sort::first_of_each(&labels, |_| 0, |a, b| a.eq_ignore_ascii_case(b)), None);
        assert_eq!(dedup_labels(labels.clone()), labels);
    }

    #[test]
    fn comparisons_grow_as_n_log_n() {
        // The regression test of the quadratic de-duplication (53 s for
        // 180,000 labels): count how often a label is looked at. Pairwise
        // comparison of 100,000 distinct labels looks 10^10 times; the sort
        // about 4 n log2 n, under 10^7.
        let n = 100_000usize;
        let labels: Vec<String> = (0..n).map(|i| format!("label{i}")).collect();
        let looks = Cell::new(0u64);
        let out = dedup_by_key_ignoring_case(labels, |l| {
            looks.set(looks.get() + 1);
            l.as_str()
        });
        assert_eq!(out.len(), n);
        let bound = 8 * n as u64 * (n as f64).log2() as u64;
        assert!(looks.get() < bound, "{} looks for {n} labels (bound {bound})", looks.get());
    }
}
