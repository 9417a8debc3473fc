//! The recipes in `deploy/` are checked, not just written: every systemd file parses (known
//! sections and keys, no key twice where systemd keeps only the last), `systemd-analyze
//! verify` accepts the units where it is installed, and every tavle command line in deploy/
//! (ExecStart, ForceCommand, authorized_keys `command=`, the kiosk login shell) is run
//! through the real binary's argument parser, so a renamed subcommand or flag fails here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tavle");
/// Where deploy/ expects the binary (`cargo install --locked --path . --root /usr/local`).
const INSTALLED: &str = "/usr/local/bin/tavle";

fn deploy() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
    out.sort();
}

type Unit = BTreeMap<String, Vec<(String, String)>>;

/// A systemd unit file as sections of (key, value), comments and blank lines dropped,
/// continuation lines (`\` at the end) joined. Panics with the line on anything else.
fn parse_unit(path: &Path) -> Unit {
    let text = std::fs::read_to_string(path).unwrap();
    let mut unit = Unit::new();
    let mut section: Option<String> = None;
    let mut pending = String::new();
    for (n, raw) in text.lines().enumerate() {
        let line = format!("{pending}{}", raw.trim());
        pending.clear();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(cont) = line.strip_suffix('\\') {
            pending = format!("{cont} ");
            continue;
        }
        if line.starts_with('[') {
            assert!(line.ends_with(']'), "{}:{}: {line}", path.display(), n + 1);
            let name = line[1..line.len() - 1].to_string();
            unit.entry(name.clone()).or_default();
            section = Some(name);
            continue;
        }
        let (k, v) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("{}:{}: not key=value: {line}", path.display(), n + 1));
        let s = section
            .clone()
            .unwrap_or_else(|| panic!("{}:{}: key before any section", path.display(), n + 1));
        unit.get_mut(&s)
            .unwrap()
            .push((k.trim().to_string(), v.trim().to_string()));
    }
    assert!(
        pending.is_empty(),
        "{}: ends in a continuation",
        path.display()
    );
    unit
}

/// The keys this project's units may use, per section (a typo is an error here, where
/// systemd would only log "Unknown key … ignoring").
fn known(section: &str) -> &'static [&'static str] {
    match section {
        "Unit" => &[
            "Description",
            "Documentation",
            "Conflicts",
            "After",
            "Before",
            "Wants",
            "Requires",
            "StartLimitIntervalSec",
        ],
        "Service" => &[
            "Type",
            "User",
            "Group",
            "Environment",
            "WorkingDirectory",
            "ExecStart",
            "Restart",
            "RestartSec",
            "StandardInput",
            "StandardOutput",
            "StandardError",
            "TTYPath",
            "TTYReset",
            "TTYVHangup",
            "TTYVTDisallocate",
            "UtmpIdentifier",
            "UMask",
            "Nice",
            "IOSchedulingClass",
            "NoNewPrivileges",
            "ProtectSystem",
            "ReadWritePaths",
            "ProtectHome",
            "PrivateTmp",
            "PrivateNetwork",
            "ProtectKernelTunables",
            "ProtectKernelModules",
            "ProtectControlGroups",
            "RestrictSUIDSGID",
            "LockPersonality",
        ],
        "Timer" => &["OnCalendar", "Persistent", "RandomizedDelaySec"],
        "Install" => &["WantedBy"],
        other => panic!("unexpected section [{other}]"),
    }
}

/// Keys systemd accumulates (or resets with an empty value); any other key given twice
/// silently keeps only its last value.
const LISTS: [&str; 5] = [
    "Environment",
    "ExecStart",
    "After",
    "ReadWritePaths",
    "WantedBy",
];

fn get<'a>(unit: &'a Unit, section: &str, key: &str) -> Vec<&'a str> {
    unit.get(section)
        .map(|kv| {
            kv.iter()
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// Run a tavle command line from deploy/ through the real binary's parser (`--help` at the
/// end: valid arguments print help and exit 0; an unknown flag or subcommand exits 2).
fn assert_cli_accepts(line: &str, whence: &str) {
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[0], INSTALLED, "{whence}: {line}");
    let out = Command::new(BIN)
        .args(&words[1..])
        .arg("--help")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{whence}: `{line}` is not a valid tavle command line: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // It is the subcommand's help, so the subcommand was recognised.
    let sub = words
        .iter()
        .skip(1)
        .find(|w| !w.starts_with('-') && !w.starts_with('/'))
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(&format!("tavle {sub}")),
        "{whence}: {line}"
    );
}

#[test]
fn every_systemd_file_parses_with_known_keys() {
    let mut all = Vec::new();
    files(&deploy().join("systemd"), &mut all);
    assert!(all.len() >= 4, "{all:?}");
    for path in &all {
        let unit = parse_unit(path);
        assert!(!unit.is_empty(), "{}", path.display());
        for (section, kv) in &unit {
            let allowed = known(section);
            let mut seen = std::collections::BTreeSet::new();
            for (k, _) in kv {
                assert!(
                    allowed.contains(&k.as_str()),
                    "{}: unknown key {k} in [{section}]",
                    path.display()
                );
                assert!(
                    seen.insert(k.clone()) || LISTS.contains(&k.as_str()),
                    "{}: {k} twice in [{section}]",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_kiosk_unit_is_an_unprivileged_restarting_console_board() {
    let unit = parse_unit(&deploy().join("systemd/tavle-kiosk@.service"));
    assert_eq!(get(&unit, "Service", "User"), ["tavle-kiosk"]);
    assert_eq!(get(&unit, "Service", "Restart"), ["always"]);
    assert_eq!(get(&unit, "Unit", "StartLimitIntervalSec"), ["0"]);
    assert!(get(&unit, "Service", "Environment").contains(&"TERM=linux"));
    assert_eq!(get(&unit, "Service", "TTYPath"), ["/dev/%I"]);
    assert_eq!(get(&unit, "Unit", "Conflicts"), ["getty@%i.service"]);
    assert_eq!(get(&unit, "Install", "WantedBy"), ["multi-user.target"]);
    let exec = get(&unit, "Service", "ExecStart");
    assert_eq!(exec.len(), 1);
    assert!(
        exec[0].starts_with(&format!("{INSTALLED} kiosk ")),
        "{exec:?}"
    );
    assert_cli_accepts(exec[0], "tavle-kiosk@.service");
    // The kiosk may write only SQLite's side files beside the database.
    let db_dir = exec[0]
        .split_whitespace()
        .skip_while(|w| *w != "--db")
        .nth(1)
        .map(|p| Path::new(p).parent().unwrap().display().to_string())
        .unwrap();
    assert_eq!(get(&unit, "Service", "ReadWritePaths"), [db_dir.as_str()]);

    let getty = parse_unit(&deploy().join("systemd/getty@tty1.service.d/autologin.conf"));
    let exec = get(&getty, "Service", "ExecStart");
    assert_eq!(exec[0], "", "a drop-in resets ExecStart first");
    assert!(exec[1].contains("--autologin tavle-kiosk"), "{exec:?}");
    assert!(exec[1].ends_with(" linux"), "TERM for agetty: {exec:?}");
}

#[test]
fn the_backup_timer_runs_the_backup_service_with_rotation() {
    let svc = parse_unit(&deploy().join("systemd/tavle-backup.service"));
    let timer = parse_unit(&deploy().join("systemd/tavle-backup.timer"));
    assert_eq!(get(&svc, "Service", "Type"), ["oneshot"]);
    let exec = get(&svc, "Service", "ExecStart");
    assert_eq!(exec.len(), 1);
    assert!(exec[0].contains(" backup --to ") && exec[0].contains("--keep-daily"));
    assert_cli_accepts(exec[0], "tavle-backup.service");
    assert_eq!(get(&timer, "Timer", "Persistent"), ["true"]);
    assert_eq!(get(&timer, "Install", "WantedBy"), ["timers.target"]);
    assert!(!get(&timer, "Timer", "OnCalendar").is_empty());
}

#[test]
fn every_tavle_command_line_in_deploy_is_accepted_by_the_binary() {
    let mut all = Vec::new();
    files(&deploy(), &mut all);
    let mut checked = 0;
    for path in &all {
        let text = std::fs::read_to_string(path).unwrap();
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            // ExecStart=…, ForceCommand …, command="…", exec …
            let Some(at) = line.find(INSTALLED) else {
                continue;
            };
            let cmd = line[at..].split('"').next().unwrap();
            assert_cli_accepts(cmd, &path.display().to_string());
            checked += 1;
        }
    }
    // The kiosk unit, the backup unit, the sshd snippet, authorized_keys, the login shell.
    assert!(checked >= 5, "only {checked} command lines found");
}

#[test]
fn the_kiosk_login_shell_runs_only_the_kiosk() {
    let path = deploy().join("tavle-kiosk-session");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o111, 0o111, "executable");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("#!/bin/sh\n"));
    let code: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    // Nothing but TERM and one exec: no "$@", so `ssh host CMD` cannot pass a command on.
    assert!(
        code.last()
            .unwrap()
            .starts_with("exec /usr/local/bin/tavle kiosk ")
    );
    assert!(!text.contains("$@") && !text.contains("$*") && !text.contains("$1"));
    let ok = Command::new("sh").arg("-n").arg(&path).status().unwrap();
    assert!(ok.success(), "sh -n");
}

/// `systemd-analyze verify` on copies of the units that point at the built binary. Skipped
/// (with a note) where systemd-analyze is not installed.
#[test]
fn systemd_analyze_verify_accepts_the_units() {
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: systemd-analyze is not installed; the parser tests above still ran");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let src = deploy().join("systemd");
    let mut names = Vec::new();
    for (from, to) in [
        ("tavle-kiosk@.service", "tavle-kiosk@tty1.service"),
        ("tavle-backup.service", "tavle-backup.service"),
        ("tavle-backup.timer", "tavle-backup.timer"),
    ] {
        let text = std::fs::read_to_string(src.join(from))
            .unwrap()
            .replace(INSTALLED, BIN);
        std::fs::write(dir.path().join(to), text).unwrap();
        names.push(dir.path().join(to));
    }
    let out = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .args(&names)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let ours: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("tavle-kiosk") || l.contains("tavle-backup"))
        .collect();
    assert!(
        out.status.success() && ours.is_empty(),
        "systemd-analyze verify: {err}"
    );
}
