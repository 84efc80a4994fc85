//! How payloads are read: the options every entry point takes, and the
//! limits they imply. The lowest layer with the issue types, so every other
//! module may use it.

/// How payloads are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Every warning becomes an error, and unknown fields are rejected.
    pub strict: bool,
    /// The longest input accepted, in bytes (default 8 MiB).
    pub max_bytes: usize,
    /// The deepest nesting of arrays and objects accepted (default 64; at
    /// most [`Options::MAX_DEPTH_LIMIT`], which a larger value means).
    pub max_depth: u32,
    /// The most issues reported (default 100); past it a final
    /// `too_many_issues` issue says how many more were found.
    pub max_issues: usize,
    /// What [`crate::parse_webhook`] does with an event name it does not know.
    pub unknown_events: UnknownEvents,
}

impl Options {
    /// 8 MiB.
    pub const DEFAULT_MAX_BYTES: usize = 8 * 1024 * 1024;
    /// 64 levels: Periskope's payloads nest 7 deep; 64 leaves room for any
    /// unknown field while keeping recursion far from the stack's end.
    pub const DEFAULT_MAX_DEPTH: u32 = 64;
    /// 100 issues.
    pub const DEFAULT_MAX_ISSUES: usize = 100;
    /// The deepest `max_depth` honoured: 256 levels. The reader and the
    /// writers recurse once per level, and 256 levels stay far from the end
    /// of the smallest stack they run on (wasm's 1 MiB, a spawned thread's
    /// 2 MiB); a caller's `max_depth` above it is read as 256.
    pub const MAX_DEPTH_LIMIT: u32 = 256;
    /// Working memory allowed per byte of input (see [`memory_budget`]).
    pub const MEMORY_PER_INPUT_BYTE: usize = 16;
    /// Working memory allowed whatever the input's size: 16 MiB.
    pub const MEMORY_BASE: usize = 16 * 1024 * 1024;

    /// The nesting limit this call applies: `max_depth`, capped at
    /// [`Options::MAX_DEPTH_LIMIT`].
    pub fn depth_limit(&self) -> u32 {
        self.max_depth.min(Self::MAX_DEPTH_LIMIT)
    }
}

/// The working memory one call may use for an input of `input_len` bytes:
/// [`Options::MEMORY_PER_INPUT_BYTE`] × `input_len` +
/// [`Options::MEMORY_BASE`], counted for the parsed tree, the payload's
/// models and the normalized output. Past it, the answer is a `too_large`
/// issue, never an allocation failure. Real payloads use a fraction of it
/// (about 4 bytes per byte of input); only bodies of millions of tiny values
/// (`[0,0,...]`, thousands of empty objects each written back with every
/// field) reach it.
pub const fn memory_budget(input_len: usize) -> usize {
    input_len.saturating_mul(Options::MEMORY_PER_INPUT_BYTE).saturating_add(Options::MEMORY_BASE)
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strict: false,
            max_bytes: Self::DEFAULT_MAX_BYTES,
            max_depth: Self::DEFAULT_MAX_DEPTH,
            max_issues: Self::DEFAULT_MAX_ISSUES,
            unknown_events: UnknownEvents::Warn,
        }
    }
}

/// What to do with an event name this version does not know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownEvents {
    /// Pass it through with its data as sent, with an `unknown_event`
    /// warning (an error with `strict`).
    #[default]
    Warn,
    /// Reject it with an `unknown_event` error.
    Error,
    /// Pass it through silently.
    Ignore,
}
