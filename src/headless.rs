//! A board without a terminal, for measuring: it follows the database and the config exactly
//! like a real board (same follower, same watcher, same `App::update`, same `ui::draw` into a
//! `TestBackend`), and after each frame reports what became visible on stdout:
//! `seen-data N <unix-ns>` when a stay named `Målt N` is drawn, `seen-config N <unix-ns>`
//! when the header shows the ward name `Sone N`.

use crate::app::{Action, App, Mode};
use crate::clock::Clock;
use crate::config::Config;
use crate::store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::mpsc;

/// Nanoseconds since the Unix epoch (shared by all processes on the machine).
pub fn unix_ns() -> i128 {
    jiff::Timestamp::now().as_nanosecond()
}

fn marker(text: &str, prefix: &str) -> Option<u64> {
    let i = text.find(prefix)? + prefix.len();
    let digits: String = text[i..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Run a headless kiosk on `db`, watching `config_path`, until stdin closes.
pub async fn run(
    db: PathBuf,
    config: Config,
    config_path: PathBuf,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<()> {
    let conn = store::open_read_only(&db)?;
    let stays = store::load_active(&conn)?;
    drop(conn);
    let (tx, mut rx) = mpsc::unbounded_channel::<Action>();
    crate::tui::spawn_db_follower(db, tx.clone())?;
    let cfg_tx = tx.clone();
    let _w = crate::config::watch::watch(&config_path, move |r| {
        let _ = cfg_tx.send(Action::ConfigReloaded(Box::new(r)));
    })
    .map_err(anyhow::Error::msg)?;
    let size = (200, 50);
    let mut app = App::new(Mode::Kiosk, config, stays, clock.now(), size);
    let mut term = Terminal::new(TestBackend::new(size.0, size.1))?;
    let (mut data_seen, mut cfg_seen) = (0u64, 0u64);
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready")?;
    out.flush()?;
    let mut stdin_closed = tokio::task::spawn_blocking(|| {
        let mut s = String::new();
        while std::io::stdin()
            .read_line(&mut s)
            .map(|n| n > 0)
            .unwrap_or(false)
        {}
    });
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    loop {
        let action = tokio::select! {
            Some(a) = rx.recv() => a,
            _ = tick.tick() => Action::Tick(clock.now()),
            _ = &mut stdin_closed => return Ok(()),
        };
        let mut dirty = app.update(action);
        while let Ok(a) = rx.try_recv() {
            dirty |= app.update(a);
        }
        if !dirty {
            continue;
        }
        term.draw(|f| crate::ui::draw(f, &app))?;
        let buf = term.backend().buffer();
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        if let Some(n) = marker(&text, "Målt ").filter(|n| *n > data_seen) {
            data_seen = n;
            writeln!(out, "seen-data {n} {}", unix_ns())?;
        }
        let header: String = buf
            .content()
            .iter()
            .take(usize::from(size.0))
            .map(|c| c.symbol())
            .collect();
        if let Some(n) = marker(&header, "Sone ").filter(|n| *n > cfg_seen) {
            cfg_seen = n;
            writeln!(out, "seen-config {n} {}", unix_ns())?;
        }
        out.flush()?;
    }
}
