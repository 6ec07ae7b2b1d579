//! Gateway Doctor's core: classifies failed navigations and builds the advice.
//!
//! Every logic module here uses std and serde only and is tested natively; the
//! WebAssembly bindings live in `bindings` and nothing else imports them.

pub mod advise;
pub mod catalogue;
pub mod diagnose;
pub mod domain;
pub mod extensions;
pub mod gateway;
pub mod json;
pub mod machine;
pub mod model;
pub mod neterror;
pub mod policy;
pub mod punycode;
pub mod references;
pub mod report;
pub mod retry;
pub mod retry_after;
pub mod status;
pub mod status_pages;
pub mod suggest;
pub mod text;
pub mod trust;
pub mod url;
pub mod view;

mod bindings;

/// The wasm's allocator: a bump arena reused from one call to the next (src/bindings/arena.rs).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: bindings::arena::Global = bindings::arena::Global::new();

pub use advise::advise;
pub use diagnose::diagnose;
pub use extensions::rank_extensions;
pub use retry::retry_plan;
pub use suggest::suggest_host;
