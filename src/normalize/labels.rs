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
        grouped(&labels, &key, hash_ignoring_ascii_case).unwrap_or_else(|| sorted(&labels, &key))
    };
    labels.into_iter().zip(keep).filter_map(|(label, keep)| keep.then_some(label)).collect()
}

/// Which labels to keep, by grouping them on a 32-bit hash of the
/// lowercased label: a radix sort of their positions (three passes, each
/// reading in order and writing to 2,048 buckets), then a comparison of the
/// labels within each group. The cost is linear and kind to the caches, where
/// a hash table's random probes were not (600,000 labels: 47 ms in a table,
/// a cache miss each once it outgrew the caches; 5 ms for 180,000). The hash
/// is fixed, so a sender could choose labels that collide: a group of more
/// than 16 gives way (`None`) to the sort, whose cost is n log n whatever
/// the labels.
fn grouped<T>(labels: &[T], key: &impl Fn(&T) -> &str, hash: fn(&str) -> u64) -> Option<Vec<bool>> {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    const MAX_GROUP: usize = 16;
    let n = labels.len();
    let positions = u32::try_from(n).ok()?;
    let mut items: Vec<(u32, u32)> = labels.iter().zip(0..positions).map(|(l, i)| (hash(key(l)) as u32, i)).collect();
    let mut scratch = vec![(0u32, 0u32); n];
    for shift in [0, BITS, 2 * BITS] {
        let bucket = |h: u32| ((h >> shift) as usize) & (BUCKETS - 1);
        let mut next = vec![0usize; BUCKETS];
        for &(h, _) in &items {
            *next.get_mut(bucket(h))? += 1;
        }
        let mut total = 0;
        for slot in next.iter_mut() {
            let count = *slot;
            *slot = total;
            total += count;
        }
        for &item in &items {
            let at = next.get_mut(bucket(item.0))?;
            *scratch.get_mut(*at)? = item;
            *at += 1;
        }
        std::mem::swap(&mut items, &mut scratch);
    }
    // Stable passes: within a group of equal hashes, positions ascend, so
    // the first of equal labels is met first.
    let label_at = |i: u32| labels.get(i as usize).map(key);
    let mut keep = vec![true; n];
    for group in items.chunk_by(|a, b| a.0 == b.0) {
        if group.len() > MAX_GROUP {
            return None;
        }
        for (j, &(_, i)) in group.iter().enumerate() {
            let label = label_at(i)?;
            let repeat =
                group.iter().take(j).any(|&(_, e)| label_at(e).is_some_and(|earlier| earlier.eq_ignore_ascii_case(label)));
            if repeat {
                *keep.get_mut(i as usize)? = false;
            }
        }
    }
    Some(keep)
}

/// FxHash's mixing over the lowercased bytes, then a finalizer: fast, and
/// good enough for groups that fall back to sorting when it is not.
fn hash_ignoring_ascii_case(label: &str) -> u64 {
    let mut h: u64 = label.len() as u64;
    for byte in label.bytes() {
        h = (h.rotate_left(5) ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    // MurmurHash3's finalizer: the groups are by the low 32 bits, which the
    // multiplications above leave poorly mixed.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
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
        assert_eq!(grouped(&labels, &as_str, hash_ignoring_ascii_case), Some(kept));
    }

    #[test]
    fn colliding_labels_make_the_groups_give_up() {
        // A hash that puts every label in one group, as chosen labels could:
        // the groups give up instead of comparing every pair, and the sort
        // decides.
        let labels: Vec<String> = (0..3000).map(|i| format!("l{i}")).collect();
        assert_eq!(grouped(&labels, &as_str, |_| 0), None);
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
