//! Started without a terminal (`ssh host tavle kiosk` without `-t`, a service with its output
//! redirected), the board says in one line that it needs one and how to get it.

use std::process::{Command, Stdio};

#[test]
fn without_a_terminal_the_board_says_it_needs_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ward.db");
    drop(tavle::store::open_read_write(&db).unwrap());
    for extra in [&[][..], &["kiosk"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_tavle"))
            .arg("--db")
            .arg(&db)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(
            err.contains("needs a terminal") && err.contains("ssh -t"),
            "{err}"
        );
        assert!(out.stdout.is_empty(), "nothing drawn into a pipe");
    }
    // Nothing is created for a board that cannot be shown.
    let fresh = dir.path().join("new.db");
    let out = Command::new(env!("CARGO_BIN_EXE_tavle"))
        .arg("--db")
        .arg(&fresh)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!fresh.exists(), "no database was created");
    assert!(!dir.path().join("new.db-shm").exists());
}
