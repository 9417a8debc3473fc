//! The SQLite store: opening (read-write or strictly read-only), migrations, loading the
//! board, writing edits with an audit trail, and noticing other processes' commits.

pub mod attendance;
pub mod backup;
pub mod demo;
mod error;
pub mod export;
pub mod fagmote;
pub mod identity;
mod load;
pub mod meetings;
mod migrations;
pub mod netfs;
pub mod open;
pub mod perms;
pub mod poll;
pub mod referrals;
pub mod rotation;
pub mod tempdb;
pub mod wake;
pub mod write;

pub use error::StoreError;
pub use load::{load_active, load_all, load_archived, load_stay};
pub use meetings::{Meeting, load_meetings};
pub use migrations::{LATEST_VERSION, migrate};
pub use netfs::{NetworkFs, network_fs};
pub use open::{APPLICATION_ID, default_db_path, open_read_only, open_read_write};
pub use tempdb::sweep_stale;
