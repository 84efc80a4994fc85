//! Sorting without the standard library's sorts, for the few places that
//! must be n log n on any input (duplicate keys, positions, labels, the
//! dedup digest's canonical form), and the linear grouping by hash that
//! spares them the sort in the usual case.

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

/// Sorts a few `items` in place by binary insertion, stable: about
/// `log2(n!)` comparisons, half of heapsort's, and moves that are one
/// `memmove` per item; more than [`FEW`] items by [`heap_sort_by`]. For the
/// objects of the dedup digest's canonical form, where heapsort's sifts
/// through a message's 50 keys were a tenth of an update event's parse.
pub(crate) fn sort_few_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    if items.len() > FEW {
        return heap_sort_by(items, less);
    }
    for end in 1..items.len() {
        let Some((sorted, [item, ..])) = items.split_at_checked(end) else { return };
        // The first place whose item is greater: after every equal one.
        let at = sorted.partition_point(|x| !less(item, x));
        if let Some(moved) = items.get_mut(at..=end) {
            moved.rotate_right(1);
        }
    }
}

/// Past this many items, [`sort_few_by`] is a heapsort: the moves of an
/// insertion sort stay under `FEW²/2` items.
const FEW: usize = 64;

/// Whether UTF-8 text `a` sorts before `b` by UTF-16 code units
/// (JavaScript's default sort), compared byte by byte. UTF-8's byte order
/// is code point order, which is UTF-16's except between a character of
/// U+E000 to U+FFFF (lead byte `EE` or `EF`) and one past U+FFFF (lead byte
/// `F0` to `F4`, a surrogate pair in UTF-16, whose first unit is under
/// `E000`). At the first byte that differs, both strings are at the same
/// character boundary or inside characters of the same lead byte, so only
/// that pair of lead bytes needs the exception.
pub(crate) fn utf16_less(a: &[u8], b: &[u8]) -> bool {
    match a.iter().zip(b).find(|(x, y)| x != y) {
        None => a.len() < b.len(),
        Some((&x, &y)) => {
            let high_bmp = |byte: u8| byte == 0xEE || byte == 0xEF;
            if high_bmp(x) && y >= 0xF0 {
                false
            } else if high_bmp(y) && x >= 0xF0 {
                true
            } else {
                x < y
            }
        }
    }
}

/// Which items to keep so that no two kept are equal: `true` for the first
/// of each set of equal items, in order, by grouping them on a 32-bit hash.
///
/// The positions are radix-sorted by hash (three passes, each reading in
/// order and writing to 2,048 buckets), then the items within each group
/// are compared. The cost is linear and kind to the caches, where a hash
/// table's random probes were not (600,000 labels: 47 ms in a table, a
/// cache miss each once it outgrew the caches; 5 ms grouped), and where a
/// heapsort of 400,000 object members cost 150 ms. The hashes are fixed, so
/// a sender could choose items that collide: a group of more than 16 gives
/// up (`None`), and the caller sorts instead, whose cost is n log n whatever
/// the items.
pub(crate) fn first_of_each<T>(items: &[T], hash: impl Fn(&T) -> u32, equal: impl Fn(&T, &T) -> bool) -> Option<Vec<bool>> {
    let positions = u32::try_from(items.len()).ok()?;
    let order: Vec<(u32, u32)> = items.iter().zip(0..positions).map(|(item, i)| (hash(item), i)).collect();
    let equal_at = |a: u32, b: u32| match (items.get(a as usize), items.get(b as usize)) {
        (Some(a), Some(b)) => equal(a, b),
        _ => false,
    };
    group_by_hash(order, &equal_at)
}

/// [`first_of_each`]'s work, on (hash, position) pairs, compiled once for
/// every caller.
#[inline(never)]
fn group_by_hash(mut order: Vec<(u32, u32)>, equal: &dyn Fn(u32, u32) -> bool) -> Option<Vec<bool>> {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    const MAX_GROUP: usize = 16;
    let n = order.len();
    let mut scratch = vec![(0u32, 0u32); n];
    let mut next = vec![0usize; BUCKETS];
    for shift in [0, BITS, 2 * BITS] {
        let bucket = |h: u32| ((h >> shift) as usize) & (BUCKETS - 1);
        next.iter_mut().for_each(|slot| *slot = 0);
        for &(h, _) in &order {
            *next.get_mut(bucket(h))? += 1;
        }
        let mut total = 0;
        for slot in next.iter_mut() {
            let count = *slot;
            *slot = total;
            total += count;
        }
        for &entry in &order {
            let at = next.get_mut(bucket(entry.0))?;
            *scratch.get_mut(*at)? = entry;
            *at += 1;
        }
        std::mem::swap(&mut order, &mut scratch);
    }
    // Stable passes: within a group of equal hashes, positions ascend, so
    // the first of equal items is met first.
    let mut keep = vec![true; n];
    for group in order.chunk_by(|a, b| a.0 == b.0) {
        if group.len() > MAX_GROUP {
            return None;
        }
        for (j, &(_, i)) in group.iter().enumerate() {
            if group.iter().take(j).any(|&(_, earlier)| equal(earlier, i)) {
                *keep.get_mut(i as usize)? = false;
            }
        }
    }
    Some(keep)
}

/// FxHash's mixing over `bytes`, then MurmurHash3's finalizer (groups are by
/// the low 32 bits, which the multiplications alone leave poorly mixed):
/// fast, and good enough for [`first_of_each`], which gives up when it is
/// not.
pub(crate) fn hash_bytes(bytes: impl Iterator<Item = u8>, len: usize) -> u64 {
    let mut h: u64 = len as u64;
    for byte in bytes {
        h = (h.rotate_left(5) ^ u64::from(byte)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
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

    #[test]
    fn first_of_each_keeps_the_first_of_equal_items() {
        let items: Vec<u32> = (0..10_000u32).map(|i| i.wrapping_mul(2_654_435_761) % 3001).collect();
        let keep =
            super::first_of_each(&items, |&x| super::hash_bytes(x.to_le_bytes().into_iter(), 4) as u32, |a, b| a == b).unwrap();
        let mut seen = std::collections::HashSet::new();
        let want: Vec<bool> = items.iter().map(|x| seen.insert(*x)).collect();
        assert_eq!(keep, want);
        // Every item in one group: it gives up rather than compare each pair.
        assert_eq!(super::first_of_each(&items, |_| 7, |a, b| a == b), None);
    }

    #[test]
    fn utf16_order_byte_by_byte_is_javascripts() {
        // Every class around the exception: ASCII, two and three bytes,
        // U+E000 to U+FFFF, and past U+FFFF; prefixes of one another too.
        let samples = [
            "",
            "a",
            "ab",
            "b",
            "\u{7f}",
            "\u{80}",
            "\u{e9}",
            "\u{7ff}",
            "\u{800}",
            "\u{d7ff}",
            "\u{e000}",
            "\u{efff}",
            "\u{f000}",
            "\u{fffd}",
            "\u{ffff}",
            "\u{10000}",
            "\u{1f600}",
            "\u{10ffff}",
            "a\u{e000}",
            "a\u{1f600}",
            "\u{e000}a",
            "\u{1f600}a",
            "\u{fffd}\u{10000}",
            "\u{fffd}\u{fffd}",
        ];
        for a in samples {
            for b in samples {
                let expected = a.encode_utf16().lt(b.encode_utf16());
                assert_eq!(super::utf16_less(a.as_bytes(), b.as_bytes()), expected, "{a:?} < {b:?}");
            }
        }
    }

    #[test]
    fn few_items_sort_as_many_do() {
        for len in 0..150usize {
            // A fixed permutation with repeats: position times 37, modulo 11.
            let items: Vec<usize> = (0..len).map(|i| i * 37 % 11).collect();
            let (mut few, mut expected) = (items.clone(), items);
            super::sort_few_by(&mut few, |a, b| a < b);
            expected.sort_unstable();
            assert_eq!(few, expected, "{len} items");
        }
    }
}
