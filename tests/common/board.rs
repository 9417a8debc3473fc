//! An editing board on a fresh database, driven by keys through the same path as the
//! terminal ([`session::key`]) with writes performed at once ([`Editor::new`]). Test files
//! add their own inspection methods in an `impl Board` of their own.

use super::{lines, render, today};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::Arc;
use tavle::app::{App, Mode};
use tavle::clock::FixedClock;
use tavle::config::Config;
use tavle::domain::Stay;
use tavle::session::{self, Editor};
use tavle::store;

/// The audit log's name for every change these boards make.
pub const EDITOR: &str = "anne";

pub struct Board {
    pub app: App,
    pub editor: Editor,
    /// The writer's clock (shared with it): a test that moves the board's time moves this.
    pub clock: FixedClock,
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Board {
    /// A board of `size` on a new database that `fill` prepared (stays, referrals…), at
    /// 09:05 on the tests' day, with the default config.
    pub fn prepared(size: (u16, u16), fill: impl FnOnce(&mut Connection)) -> Board {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut conn = store::open_read_write(&path).unwrap();
        fill(&mut conn);
        let loaded = store::load_active(&conn).unwrap();
        let app = super::app(Mode::Edit, Config::default(), loaded, size);
        let clock = FixedClock::new(today().at(9, 5, 0, 0));
        Board {
            app,
            editor: Editor::new(conn, EDITOR.into(), Arc::new(clock.clone())),
            clock,
            path,
            _dir: dir,
        }
    }

    /// A board holding `stays` (the database gives them their ids).
    pub fn with_stays(stays: &[Stay], size: (u16, u16)) -> Board {
        Board::prepared(size, |conn| insert_stays(conn, stays))
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.press(KeyEvent::new(code, KeyModifiers::NONE))
    }

    pub fn press(&mut self, key: KeyEvent) -> &mut Self {
        session::key(&mut self.app, Some(&mut self.editor), key);
        self
    }

    /// Each character as a key press.
    pub fn keys(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// A separate connection to the board's database, to check what was stored.
    pub fn db(&self) -> Connection {
        Connection::open(&self.path).unwrap()
    }

    pub fn screen(&self) -> String {
        lines(&render(&self.app)).join("\n")
    }
}

/// Insert `stays` in one transaction, each stamped with its own `updated_at`.
pub fn insert_stays(conn: &mut Connection, stays: &[Stay]) {
    let tx = conn.transaction().unwrap();
    for s in stays {
        store::demo::insert_stay(&tx, s, s.updated_at).unwrap();
    }
    tx.commit().unwrap();
}
