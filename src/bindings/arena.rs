//! The wasm's allocator: a bump arena that starts again from its floor whenever nothing
//! allocated above the floor is live.
//!
//! Each export allocates while it runs (the decoded input, the diagnosis, the JSON text) and
//! frees it all before it returns, so the count of live blocks falls back to zero at the end
//! of every call and the next call reuses the same memory; a block freed on the top is given
//! back at once (a `Vec` or `String` that grows in place). A block that outlives its call (the
//! decoder's field-name cache beyond its static table; wasm-bindgen's list of free slots of its
//! table of JavaScript values, in a build with reference types: the shipped one keeps them in
//! the glue, tools/wasm-nightly.env) keeps the count above zero: [`Arena::begin`], called by
//! every export before it allocates, then raises the floor over it, and whatever lies below the
//! floor is never reused (the garbage of one call, each time something new is kept). Memory is never reused while a block in it is live, so a
//! missing `begin` costs memory, never correctness. The peak is one call's allocations, which
//! the decoder's bounds on every input keep bounded (tests/node/memory.test.mjs).
//!
//! Pure logic over a `grow` function (wasm's `memory.grow` in the module, a buffer in the
//! tests); one thread (wasm32 without atomics).

// Natively only the tests use it.
#![cfg_attr(not(target_family = "wasm"), allow(dead_code))]

use std::cell::Cell;

/// WebAssembly's page.
pub const PAGE: usize = 64 * 1024;

pub struct Arena {
    floor: Cell<usize>,
    top: Cell<usize>,
    end: Cell<usize>,
    /// Blocks allocated at or above `floor` and not freed.
    live: Cell<usize>,
    /// Adds `pages` pages of memory; returns the address where they start, 0 when none.
    grow: fn(usize) -> usize,
}

// One thread: the wasm is built without atomics (lib.rs only uses the arena there).
unsafe impl Sync for Arena {}

impl Arena {
    pub const fn new(grow: fn(usize) -> usize) -> Arena {
        Arena {
            floor: Cell::new(0),
            top: Cell::new(0),
            end: Cell::new(0),
            live: Cell::new(0),
            grow,
        }
    }

    /// At the start of a call: blocks still live from earlier calls stay where they are, below
    /// a floor raised over them.
    pub fn begin(&self) {
        if self.live.get() > 0 {
            self.floor.set(self.top.get());
            self.live.set(0);
        }
    }

    /// A block of `size` bytes aligned to `align` (a power of two); null when memory cannot
    /// grow.
    pub fn alloc(&self, size: usize, align: usize) -> *mut u8 {
        let mut start = match self.top.get().checked_add(align - 1) {
            Some(x) => x & !(align - 1),
            None => return std::ptr::null_mut(),
        };
        let mut top = match start.checked_add(size) {
            Some(t) => t,
            None => return std::ptr::null_mut(),
        };
        if top > self.end.get() || self.end.get() == 0 {
            // enough for the block wherever the new pages start
            let pages = (size.saturating_add(align).saturating_add(PAGE - 1) / PAGE).max(2);
            let at = (self.grow)(pages);
            if at == 0 {
                return std::ptr::null_mut();
            }
            if at != self.end.get() {
                // Not after the arena's end (the first region, or memory grown by someone
                // else): a fresh start there; what is live before it is never reused.
                self.floor.set(at);
                self.top.set(at);
                self.live.set(0);
            }
            self.end.set(at + pages * PAGE);
            start = (self.top.get() + align - 1) & !(align - 1);
            top = start + size;
            if top > self.end.get() {
                return std::ptr::null_mut();
            }
        }
        self.top.set(top);
        self.live.set(self.live.get() + 1);
        start as *mut u8
    }

    pub fn dealloc(&self, p: *mut u8, size: usize) {
        let p = p as usize;
        if p < self.floor.get() {
            // kept from an earlier call: its place is not reused
            return;
        }
        let live = self.live.get().saturating_sub(1);
        self.live.set(live);
        if live == 0 {
            self.top.set(self.floor.get());
        } else if p + size == self.top.get() {
            self.top.set(p);
        }
    }

    pub fn realloc(&self, p: *mut u8, old: usize, align: usize, new: usize) -> *mut u8 {
        let at = p as usize;
        if at >= self.floor.get() && at + old == self.top.get() {
            // the top block grows or shrinks where it is
            if let Some(t) = at.checked_add(new).filter(|t| *t <= self.end.get()) {
                self.top.set(t);
                return p;
            }
        } else if new <= old {
            return p;
        }
        let q = self.alloc(new, align);
        if !q.is_null() {
            // SAFETY: `p` holds `old` bytes; `q` is a new block of `new` > `old` bytes (or
            // fewer, when the top block moves), apart from `p`.
            unsafe { std::ptr::copy_nonoverlapping(p, q, old.min(new)) };
            self.dealloc(p, old);
        }
        q
    }

    /// Bytes between the floor and the top (for the tests).
    #[cfg(test)]
    pub fn used(&self) -> usize {
        self.top.get() - self.floor.get()
    }
}

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
mod wasm {
    use super::{Arena, PAGE};
    use std::alloc::{GlobalAlloc, Layout};

    fn grow(pages: usize) -> usize {
        match core::arch::wasm32::memory_grow(0, pages) {
            usize::MAX => 0,
            prev => prev * PAGE,
        }
    }

    pub struct Global(pub Arena);

    impl Global {
        pub const fn new() -> Global {
            Global(Arena::new(grow))
        }
    }

    // SAFETY: blocks are aligned as asked, never overlap, and their memory is not reused
    // while they are live (see the module's doc).
    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            self.0.alloc(l.size(), l.align())
        }
        unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
            self.0.dealloc(p, l.size())
        }
        unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
            self.0.realloc(p, l.size(), l.align(), new)
        }
    }
}

#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
pub use wasm::Global;

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    thread_local! {
        /// The test's memory: a buffer handed out page by page.
        static MEM: RefCell<(usize, usize, usize)> = const { RefCell::new((0, 0, 0)) };
    }

    fn memory(bytes: usize) {
        let buf: &'static mut [u8] = Box::leak(vec![0u8; bytes + PAGE].into_boxed_slice());
        let start = (buf.as_ptr() as usize + PAGE - 1) & !(PAGE - 1);
        MEM.with(|m| *m.borrow_mut() = (start, start, start + bytes));
    }

    fn grow(pages: usize) -> usize {
        MEM.with(|m| {
            let (_, next, end) = &mut *m.borrow_mut();
            let at = *next;
            if at + pages * PAGE > *end {
                return 0;
            }
            *next += pages * PAGE;
            at
        })
    }

    fn fill(p: *mut u8, n: usize, b: u8) {
        unsafe { std::ptr::write_bytes(p, b, n) }
    }

    fn all(p: *mut u8, n: usize, b: u8) -> bool {
        unsafe { std::slice::from_raw_parts(p, n).iter().all(|x| *x == b) }
    }

    #[test]
    fn a_call_that_frees_everything_leaves_nothing() {
        memory(64 * PAGE);
        let a = Arena::new(grow);
        for _ in 0..1000 {
            a.begin();
            let x = a.alloc(100, 8);
            let y = a.alloc(3000, 16);
            assert_eq!(x as usize % 8, 0);
            assert_eq!(y as usize % 16, 0);
            assert!(y as usize >= x as usize + 100, "apart");
            fill(x, 100, 1);
            fill(y, 3000, 2);
            assert!(all(x, 100, 1));
            a.dealloc(x, 100);
            a.dealloc(y, 3000);
            assert_eq!(a.used(), 0);
        }
    }

    #[test]
    fn a_kept_block_is_never_reused() {
        memory(64 * PAGE);
        let a = Arena::new(grow);
        a.begin();
        let tmp = a.alloc(500, 8);
        let kept = a.alloc(64, 8);
        fill(kept, 64, 7);
        a.dealloc(tmp, 500);
        // the next call: the kept block is below the floor from now on
        for i in 0..100u8 {
            a.begin();
            let x = a.alloc(1000, 8);
            fill(x, 1000, i);
            assert!(x as usize >= kept as usize + 64);
            a.dealloc(x, 1000);
            assert!(all(kept, 64, 7));
        }
        // freeing it later changes nothing below the floor
        a.dealloc(kept, 64);
        a.begin();
        let x = a.alloc(8, 8);
        assert!(x as usize > kept as usize);
    }

    #[test]
    fn the_top_block_grows_in_place_and_others_move() {
        memory(64 * PAGE);
        let a = Arena::new(grow);
        a.begin();
        let x = a.alloc(16, 1);
        fill(x, 16, 3);
        let x2 = a.realloc(x, 16, 1, 4000);
        assert_eq!(x, x2, "in place");
        assert!(all(x2, 16, 3));
        let y = a.alloc(10, 1);
        fill(y, 10, 4);
        let x3 = a.realloc(x2, 4000, 1, 8000);
        assert_ne!(x3, x2, "moved");
        assert!(all(x3, 16, 3));
        assert!(all(y, 10, 4), "the block after it is untouched");
        // shrinking never moves
        assert_eq!(a.realloc(y, 10, 1, 5), y);
        a.dealloc(y, 5);
        a.dealloc(x3, 8000);
        assert_eq!(a.used(), 0);
    }

    #[test]
    fn memory_grows_for_large_blocks_and_fails_cleanly() {
        memory(40 * PAGE);
        let a = Arena::new(grow);
        a.begin();
        let big = a.alloc(5 * PAGE + 3, 8);
        assert!(!big.is_null());
        fill(big, 5 * PAGE + 3, 9);
        let huge = a.alloc(100 * PAGE, 8);
        assert!(huge.is_null(), "more than there is");
        assert!(a.alloc(usize::MAX - 4, 8).is_null());
        assert!(all(big, 5 * PAGE + 3, 9));
        a.dealloc(big, 5 * PAGE + 3);
        assert_eq!(a.used(), 0);
    }
}
