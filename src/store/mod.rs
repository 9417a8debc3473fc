//! The SQLite store: opening (read-write or strictly read-only), migrations, loading the
//! board, writing edits with an audit trail, and noticing other processes' commits.

mod error;
mod load;
mod migrations;
pub mod open;
pub mod demo;
pub mod poll;

pub use error::StoreError;
pub use load::{load_active, load_stay};
pub use migrations::LATEST_VERSION;
pub use open::{default_db_path, open_read_only, open_read_write, APPLICATION_ID};
