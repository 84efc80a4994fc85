//! Sorting without the standard library's sorts, for the few places that
//! must be n log n on any input (duplicate keys, positions, labels).

/// Sorts `items` in place with heapsort: O(n log n) whatever the input (no
/// adversarial worst case) and a few hundred bytes of code, where the
/// standard library's sorts cost kilobytes of wasm per instantiation.
// Every index below is under `end`, which is at most `items.len()`, by the
// loop bounds: the classic algorithm, kept readable rather than rewritten
// with `get`.
#[allow(clippy::indexing_slicing)]
pub(crate) fn heap_sort_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    fn sift_down<T>(items: &mut [T], mut root: usize, end: usize, less: &impl Fn(&T, &T) -> bool) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && less(&items[child], &items[child + 1]) {
                child += 1;
            }
            if !less(&items[root], &items[child]) {
                return;
            }
            items.swap(root, child);
            root = child;
        }
    }
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len, &less);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, &less);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn heap_sort_sorts() {
        let mut v: Vec<u32> = (0..1000u32).map(|i| i.wrapping_mul(2_654_435_761) % 997).collect();
        let mut want = v.clone();
        want.sort_unstable();
        super::heap_sort_by(&mut v, |a, b| a < b);
        assert_eq!(v, want);
    }
}
