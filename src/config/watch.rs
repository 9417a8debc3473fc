//! Hot reload: watch the config file's directory (editors replace the file by rename, which
//! a watch on the file itself would miss) and send the re-validated result on each change.

use super::load::{ConfigError, load_file};
use super::schema::Config;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The result of reloading the config after a change on disk.
pub type Reloaded = Result<Config, ConfigError>;

/// Keeps the watcher alive; dropping it stops watching.
pub struct ConfigWatcher {
    _debouncer: Box<dyn std::any::Any + Send>,
}

/// Start watching `path`. `on_change` receives every reload result (deleted file → defaults
/// are *not* assumed: the last good config stays until a valid file appears).
pub fn watch(
    path: &Path,
    on_change: impl Fn(Reloaded) + Send + 'static,
) -> Result<ConfigWatcher, String> {
    let file: PathBuf = path.to_path_buf();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(format!("config directory {} does not exist", dir.display()));
    }
    let name = file.file_name().map(|n| n.to_os_string());
    let watched = file.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(120),
        None,
        move |res: DebounceEventResult| {
            let Ok(events) = res else { return };
            // Reading the file ourselves produces access events; reacting to those would
            // reload in a loop. Only changes to the file count.
            let touches = events.iter().any(|ev| {
                !matches!(ev.kind, EventKind::Access(_))
                    && ev
                        .paths
                        .iter()
                        .any(|p| p.file_name().map(|n| n.to_os_string()) == name)
            });
            if touches && watched.exists() {
                on_change(load_file(&watched));
            }
        },
    )
    .map_err(|e| e.to_string())?;
    debouncer
        .watch(&dir, RecursiveMode::NonRecursive)
        .map_err(|e| e.to_string())?;
    Ok(ConfigWatcher {
        _debouncer: Box::new(debouncer),
    })
}
