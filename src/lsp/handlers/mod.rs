//! Request handlers: read the session, call `ide`, convert. Each runs with
//! the session locked and never awaits.

mod features;
mod sync;

pub use features::*;
pub use sync::*;
