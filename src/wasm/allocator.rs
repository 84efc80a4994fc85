//! The npm package's allocator: a bump arena that starts over whenever
//! nothing is allocated.
//!
//! Every export of the bindings is one call that reads a body, allocates its
//! tree, its models and its answer, and frees all of it by the time the
//! wrapper has read the answer (`release_answer`). Nothing the bindings
//! allocate outlives a call. So the allocator needs no free lists: it hands
//! out memory from the top of one region, frees the top allocation in place
//! (and grows it in place, which is most of a `Vec`'s growth), counts what is
//! still live, and moves the top back to the region's start when that count
//! reaches zero. A call's peak memory is then what it allocated in all,
//! where a general allocator's is what was live at once: the reader's tree,
//! the models and the answer are alive together anyway, so the two differ
//! little (the high-water marks of `tests/js/memory-bound.test.mjs`).
//!
//! Measured against talc, the allocator it replaced (docs/performance.md,
//! round seven): talc's `allocate` and `deallocate` were 7 to 11 % of a
//! validation in wasm.
//!
//! Only in the bindings, so a crate that uses ours for wasm32 keeps its own;
//! wasm32 without threads, the only target the bindings build for: one
//! caller at a time.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::Cell;
use core::ptr;

const PAGE: usize = 64 * 1024;
/// The least the region grows by, in pages: a small call grows the memory
/// once, not once per allocation.
const MIN_GROWTH_PAGES: usize = 4;

/// A bump allocator over the memory past what the module started with (see
/// the module's documentation).
pub struct CallArena {
    /// Where the region starts, or 0 before the first allocation.
    start: Cell<usize>,
    /// The next free byte.
    top: Cell<usize>,
    /// The region's end: the end of the memory.
    end: Cell<usize>,
    /// How many allocations are live.
    live: Cell<usize>,
}

// SAFETY: the bindings build for wasm32 without threads, where nothing runs
// concurrently with an allocation.
unsafe impl Sync for CallArena {}

impl CallArena {
    /// An allocator that claims no memory until its first allocation.
    pub const fn new() -> Self {
        CallArena { start: Cell::new(0), top: Cell::new(0), end: Cell::new(0), live: Cell::new(0) }
    }

    /// The bytes from the region's start to its top: zero whenever no
    /// allocation is live (the tests check it between calls).
    pub fn bytes_in_use(&self) -> usize {
        self.top.get() - self.start.get()
    }

    /// Makes `[top, top + size)` fit by growing the memory; false when the
    /// memory cannot grow that far.
    #[inline(never)]
    fn fit(&self, top: usize, size: usize) -> bool {
        let Some(needed) = top.checked_add(size) else { return false };
        if needed <= self.end.get() {
            return true;
        }
        let end = self.end.get();
        // Grow by what is missing, and by at least a quarter of the region,
        // so that a region built up allocation by allocation grows a
        // logarithmic number of times.
        let missing = (needed - end).div_ceil(PAGE);
        let pages = missing.max(MIN_GROWTH_PAGES).max((end - self.start.get()) / PAGE / 4);
        if wasm32::memory_grow(0, pages) == usize::MAX {
            // Not that much, but perhaps what is missing.
            if pages == missing || wasm32::memory_grow(0, missing) == usize::MAX {
                return false;
            }
            self.end.set(end + missing * PAGE);
            return true;
        }
        self.end.set(end + pages * PAGE);
        true
    }

    fn claim(&self, layout: Layout) -> *mut u8 {
        if self.start.get() == 0 {
            // The memory past the module's own: its data, its stack and
            // whatever the memory started with end there.
            let end = wasm32::memory_size(0) * PAGE;
            self.start.set(end);
            self.top.set(end);
            self.end.set(end);
        }
        let top = self.top.get();
        // Layout's alignment is a power of two.
        let Some(at) = top.checked_add(layout.align() - 1).map(|t| t & !(layout.align() - 1)) else {
            return ptr::null_mut();
        };
        if !self.fit(at, layout.size()) {
            return ptr::null_mut();
        }
        self.top.set(at + layout.size());
        self.live.set(self.live.get() + 1);
        at as *mut u8
    }
}

impl Default for CallArena {
    fn default() -> Self {
        Self::new()
    }
}

// SAFETY: every block handed out lies in memory this allocator claimed from
// `memory.grow` and is handed out once until it is freed or the region
// starts over, which happens only when no block is live.
unsafe impl GlobalAlloc for CallArena {
    // Not inlined: a copy at each of the crate's allocations was 7 KiB of
    // gzip.
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.claim(layout)
    }

    #[inline(never)]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let live = self.live.get() - 1;
        self.live.set(live);
        if live == 0 {
            self.top.set(self.start.get());
        } else if block as usize + layout.size() == self.top.get() {
            // The top block: its room is free again.
            self.top.set(block as usize);
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let at = block as usize;
        if at + layout.size() == self.top.get() {
            // The top block grows or shrinks where it is.
            if new_size > layout.size() && !self.fit(at, new_size) {
                return ptr::null_mut();
            }
            self.top.set(at + new_size);
            return block;
        }
        if new_size <= layout.size() {
            return block;
        }
        // SAFETY: the caller guarantees a valid layout of `new_size`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let moved = self.claim(new_layout);
        if !moved.is_null() {
            // SAFETY: both blocks are at least `layout.size()` long, and the
            // new one lies above the old one's end.
            unsafe { ptr::copy_nonoverlapping(block, moved, layout.size()) };
            // SAFETY: `block` was allocated with `layout`, and is freed once.
            unsafe { self.dealloc(block, layout) };
        }
        moved
    }
}
