//! The npm package's allocator: a bump arena for a call's first 2 MiB, talc
//! past it.
//!
//! Every export of the bindings is one call that reads a body, allocates its
//! tree, its models and its answer, and frees all of it by the time the
//! wrapper has read the answer (`release_answer`). A call of a usual webhook
//! (a few KiB) allocates 2 to 25 KiB in all. So the allocator hands out
//! memory from the top of one region, frees the top block in place (and
//! grows it in place, which is most of a `Vec`'s growth), counts the blocks
//! still live, and moves the top back to the region's start when that count
//! reaches zero: no free lists, no headers, a few instructions a call.
//!
//! A block freed below the top is not reused until the region starts over,
//! so the region is bounded: once a call has taken its [`ARENA_BYTES`],
//! the rest of the call allocates from talc, a general allocator that reuses
//! what is freed. A call's peak memory is then about what talc alone
//! reaches plus the region (give or take a step of talc's heap growth),
//! whatever the order of its frees; an arena without that
//! bound let a body of objects whose keys collide in the duplicate filter
//! (an 8 KiB scratch table each, freed below the top) take 353 MiB of wasm
//! memory for 8 MiB, where talc took 45 (docs/performance.md, round seven).
//! And if a block ever outlived a call, the region would stay full and
//! every call would go to talc: slower, never unbounded.
//!
//! Measured against talc alone: 2 to 9 % faster calls in wasm (talc's
//! `allocate` and `deallocate` were 7 to 11 % of a validation). The design is
//! the one of Concordium's smart-contract allocator (a live count, the last
//! block freed in place), for the same reason: one short call at a time.
//!
//! Only in the bindings, so a crate that uses ours for wasm32 keeps its own;
//! wasm32 without threads, the only target the bindings build for: one
//! caller at a time.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::Cell;
use core::ptr;

#[cfg(target_feature = "atomics")]
compile_error!("the bindings' allocator assumes wasm32 without threads");

const PAGE: usize = 64 * 1024;

/// The region's size: a call of a body up to about 300 KiB fits in it
/// (calls allocate 3 to 9 times their body); larger ones go on in talc.
pub const ARENA_BYTES: usize = 2 * 1024 * 1024;

/// The bump region (see the module's documentation), claimed from
/// `memory.grow` on the first allocation.
struct Region {
    /// Where the region starts; 0 before the first allocation.
    start: Cell<usize>,
    /// The next free byte.
    top: Cell<usize>,
    /// The region's end; equal to `start` when it could not be claimed.
    end: Cell<usize>,
    /// How many of the region's blocks are live.
    live: Cell<usize>,
}

impl Region {
    /// Claims the region once; on failure it stays empty and every
    /// allocation goes to talc.
    #[cold]
    fn claim(&self) {
        let previous_pages = wasm32::memory_grow(0, ARENA_BYTES / PAGE);
        // `memory.grow` gives the previous size in pages, or usize::MAX. A
        // start of 0 is impossible (the module's data and stack come first)
        // and marks "not claimed", so a failure claims an empty region at 1.
        let (start, end) = match previous_pages.checked_mul(PAGE) {
            Some(start) if previous_pages != usize::MAX => (start, start.saturating_add(ARENA_BYTES)),
            _ => (1, 1),
        };
        self.start.set(start);
        self.top.set(start);
        self.end.set(end);
    }

    /// Whether `block` lies in the region.
    fn owns(&self, block: *mut u8) -> bool {
        (self.start.get()..self.end.get()).contains(&(block as usize))
    }

    /// A block from the region, or null when it does not fit.
    fn alloc(&self, layout: Layout) -> *mut u8 {
        if self.start.get() == 0 {
            self.claim();
        }
        let mask = layout.align() - 1; // Layout's alignment is a power of two.
        let fits = self.top.get().checked_add(mask).map(|t| t & !mask).and_then(|at| Some((at, at.checked_add(layout.size())?)));
        match fits {
            // `at < end` too: a zero-sized block at the end would not be owned.
            Some((at, until)) if until <= self.end.get() && at < self.end.get() => {
                self.top.set(until);
                self.live.set(self.live.get() + 1);
                at as *mut u8
            }
            _ => ptr::null_mut(),
        }
    }

    fn dealloc(&self, block: *mut u8, size: usize) {
        let live = self.live.get().saturating_sub(1);
        self.live.set(live);
        if live == 0 {
            self.top.set(self.start.get());
        } else if block as usize + size == self.top.get() {
            // The top block: its room is free again.
            self.top.set(block as usize);
        }
    }

    /// Grows or shrinks the top block where it is; false for any other
    /// block, or when the region has no room.
    fn resize_in_place(&self, block: *mut u8, size: usize, new_size: usize) -> bool {
        let at = block as usize;
        if at + size != self.top.get() || new_size > self.end.get() - at {
            return false;
        }
        self.top.set(at + new_size);
        true
    }
}

/// The bindings' global allocator: the region first, talc past it (see the
/// module's documentation).
pub struct RegionThenTalc {
    region: Region,
    general: talc::wasm::WasmDynamicTalc,
}

// SAFETY: the bindings build for wasm32 without threads (checked above),
// where nothing runs concurrently with an allocation.
unsafe impl Sync for RegionThenTalc {}

impl RegionThenTalc {
    /// An allocator that claims no memory until its first allocation.
    pub const fn new() -> Self {
        RegionThenTalc {
            region: Region { start: Cell::new(0), top: Cell::new(0), end: Cell::new(0), live: Cell::new(0) },
            general: talc::wasm::new_wasm_dynamic_allocator(),
        }
    }

    /// The bytes from the region's start to its top: zero whenever none of
    /// its blocks is live (the tests check it between calls).
    pub fn bytes_in_use(&self) -> usize {
        self.region.top.get() - self.region.start.get()
    }
}

impl Default for RegionThenTalc {
    fn default() -> Self {
        Self::new()
    }
}

// SAFETY: the region hands out each of its bytes once until it is freed or
// the region starts over, which happens only when none of its blocks is
// live; it lies in memory claimed from `memory.grow`, which talc never
// claims, so a block is the region's exactly when its address lies in the
// region, and talc's otherwise.
unsafe impl GlobalAlloc for RegionThenTalc {
    // Not inlined: a copy at each of the crate's allocations was 7 KiB of
    // gzip.
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let block = self.region.alloc(layout);
        if !block.is_null() {
            return block;
        }
        // SAFETY: the caller's layout, handed on.
        unsafe { self.general.alloc(layout) }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        if self.region.owns(block) {
            self.region.dealloc(block, layout.size());
        } else {
            // SAFETY: a block talc handed out, with its layout.
            unsafe { self.general.dealloc(block, layout) }
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !self.region.owns(block) {
            // SAFETY: a block talc handed out, with its layout.
            return unsafe { self.general.realloc(block, layout, new_size) };
        }
        if self.region.resize_in_place(block, layout.size(), new_size) || new_size <= layout.size() {
            // A smaller block stays where it is: the region frees it by
            // address, whatever its size.
            return block;
        }
        // SAFETY: the caller guarantees a valid layout of `new_size`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        // SAFETY: a valid layout.
        let moved = unsafe { self.alloc(new_layout) };
        if !moved.is_null() {
            // SAFETY: both blocks are at least `layout.size()` long, and
            // distinct: the old one is live.
            unsafe { ptr::copy_nonoverlapping(block, moved, layout.size()) };
            self.region.dealloc(block, layout.size());
        }
        moved
    }
}
