//! Noticing other processes' commits. `PRAGMA data_version` on a dedicated connection changes
//! whenever any *other* connection commits; checking it costs microseconds with a cached
//! statement and never misses a commit, so it is the truth the follower asks whenever a
//! file-system event hints at a change (see `wake`) and on its slow fallback timer; one
//! check answers any number of commits since the last.

use super::error::StoreError;
use rusqlite::Connection;

/// Tracks `data_version` of one connection.
pub struct ChangeDetector {
    last: i64,
}

impl ChangeDetector {
    /// Start from the connection's current version.
    pub fn new(conn: &Connection) -> Result<Self, StoreError> {
        Ok(Self {
            last: data_version(conn)?,
        })
    }

    /// True once for each time another connection has committed since the last call.
    pub fn changed(&mut self, conn: &Connection) -> Result<bool, StoreError> {
        let v = data_version(conn)?;
        let changed = v != self.last;
        self.last = v;
        Ok(changed)
    }
}

fn data_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?)
}
