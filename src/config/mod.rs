//! Configuration: the schema with built-in defaults, loading with validation, and
//! watching the file for hot reload.

mod load;
mod problem;
mod schema;
pub mod watch;

pub use load::{ConfigError, DEFAULT_PATH, Problem, Unreadable, load_file, load_or_default};
pub use schema::*;
