//! What the panel shows, decided here: the shell paints it.

/// The panel shows this many steps; the rest are under "more".
pub const FIRST_STEPS: usize = 3;
