//! `tavle bench-live`: measures how fast commits and config saves become visible on running
//! boards (separate processes), and what an idle board costs. Prints a report; never a test.

use crate::config::Config;
use crate::headless::unix_ns;
use crate::store;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What to measure.
pub struct Plan {
    pub boards: usize,
    pub commits: u64,
    /// Time between commits (and before each config save): uniformly random in
    /// `[min, max]`. A fixed interval can phase-lock with a board's poll and hide its cost
    /// (every commit then lands just before a check).
    pub interval: (Duration, Duration),
    pub config_saves: u64,
    pub idle: Duration,
}

/// `"50-250"` (uniform jitter between) or `"100"` (fixed), in milliseconds.
pub fn parse_interval(s: &str) -> Result<(Duration, Duration), String> {
    let ms = |t: &str| {
        t.trim()
            .parse::<u64>()
            .map(Duration::from_millis)
            .map_err(|_| format!("--interval-ms {s:?}: write e.g. 50-250 or 100"))
    };
    let (a, b) = match s.split_once('-') {
        Some((a, b)) => (ms(a)?, ms(b)?),
        None => (ms(s)?, ms(s)?),
    };
    if a > b {
        return Err(format!(
            "--interval-ms {s:?}: the first number is the smaller"
        ));
    }
    Ok((a, b))
}

/// A small xorshift generator: the bench needs jitter, not cryptography or a dependency.
struct Jitter(u64);

impl Jitter {
    fn new() -> Self {
        Jitter((unix_ns() as u64) | 1)
    }
    /// Uniform in `[lo, hi]` (microsecond steps).
    fn between(&mut self, (lo, hi): (Duration, Duration)) -> Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let span = (hi - lo).as_micros() as u64 + 1;
        lo + Duration::from_micros(self.0 % span)
    }
}

struct Board {
    child: Child,
}

impl Drop for Board {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

type Seen = (usize, String, u64, i128);

fn spawn_boards(
    n: usize,
    db: &Path,
    cfg: &Path,
) -> anyhow::Result<(Vec<Board>, mpsc::Receiver<Seen>)> {
    let exe = std::env::current_exe()?;
    let (tx, rx) = mpsc::channel();
    let mut boards = Vec::new();
    let (ready_tx, ready_rx) = mpsc::channel();
    for i in 0..n {
        let mut child = Command::new(&exe)
            .args(["headless", "--db"])
            .arg(db)
            .arg("--config")
            .arg(cfg)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let out = child.stdout.take().expect("piped");
        let tx = tx.clone();
        let ready = ready_tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let parts: Vec<&str> = line.split_whitespace().collect();
                match parts.as_slice() {
                    ["ready"] => {
                        let _ = ready.send(i);
                    }
                    [kind, n, t] => {
                        if let (Ok(n), Ok(t)) = (n.parse(), t.parse()) {
                            let _ = tx.send((i, kind.to_string(), n, t));
                        }
                    }
                    _ => {}
                }
            }
        });
        boards.push(Board { child });
    }
    for _ in 0..n {
        ready_rx.recv_timeout(Duration::from_secs(30))?;
    }
    Ok((boards, rx))
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn report(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    println!(
        "{name}: n={} p50={:.1} ms p95={:.1} ms max={:.1} ms",
        ms.len(),
        percentile(&ms, 0.5),
        percentile(&ms, 0.95),
        ms.last().copied().unwrap_or(f64::NAN)
    );
}

/// Latency of each numbered event to every board: the first report of N or later.
fn collect(
    rx: &mpsc::Receiver<Seen>,
    kind: &str,
    sent: &[i128],
    from: usize,
    boards: usize,
    wait: Duration,
) -> (Vec<f64>, usize) {
    let last = sent.len() as u64 - 1;
    let mut seen: Vec<Vec<(u64, i128)>> = vec![Vec::new(); boards];
    let deadline = Instant::now() + wait;
    while Instant::now() < deadline {
        if seen
            .iter()
            .all(|s| s.last().is_some_and(|(n, _)| *n >= last))
        {
            break;
        }
        if let Ok((b, k, n, t)) = rx.recv_timeout(Duration::from_millis(50))
            && k == kind
        {
            seen[b].push((n, t));
        }
    }
    let mut lat = Vec::new();
    for s in &seen {
        for (k, sent_at) in sent.iter().enumerate().skip(from.max(1)) {
            if let Some((_, t)) = s.iter().find(|(n, _)| *n >= k as u64) {
                lat.push((*t - *sent_at) as f64 / 1e6);
            }
        }
    }
    let complete = seen
        .iter()
        .filter(|s| s.last().is_some_and(|(n, _)| *n >= last))
        .count();
    (lat, complete)
}

/// CPU time of a process in nanoseconds: the sum of its threads' run time from
/// `/proc/PID/task/*/schedstat` (nanosecond resolution; `utime+stime` in `stat` counts
/// 10 ms ticks, too coarse for an idle board), else `stat`'s ticks.
fn proc_cpu_ns(pid: u32) -> Option<u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).ok()?;
    let mut sum = 0u64;
    let mut any = false;
    for t in tasks.flatten() {
        if let Some(ns) = std::fs::read_to_string(t.path().join("schedstat"))
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        {
            sum += ns;
            any = true;
        }
    }
    if any {
        return Some(sum);
    }
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10_000_000) // USER_HZ = 100 on Linux
}

/// The 1-minute load average, to say how busy the (shared) machine was.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn proc_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn write_config(path: &Path, n: u64) -> anyhow::Result<()> {
    let mut cfg = Config {
        ward_name: format!("Sone {n}"),
        ..Config::default()
    };
    // The measuring board runs as a kiosk; let it show names so the marker is visible.
    cfg.privacy.kiosk.names = true;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_string_pretty(&cfg)?)?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}

/// Run the measurements and print the report.
pub fn run(plan: &Plan) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("live.db");
    // In a folder of its own, as a ward's `config/tavle.json`: the watcher also watches the
    // config folder's parent, which here is the private temporary folder, not the busy /tmp
    // (whose events would wake every board and be measured as idle CPU).
    std::fs::create_dir(dir.path().join("config"))?;
    let cfg_path = dir.path().join("config").join("tavle.json");
    write_config(&cfg_path, 0)?;
    let mut conn = store::open_read_write(&db)?;
    let today = crate::clock::Clock::today(&crate::clock::SystemClock::new("Europe/Oslo"));
    store::demo::seed_demo(
        &mut conn,
        today,
        jiff::Timestamp::now().as_second(),
        &Config::default().rules(),
    )?;
    conn.execute("UPDATE stays SET name = 'Målt 0' WHERE id = 1", [])?;
    println!(
        "bench-live: {} board process(es), {} commits {} to {} ms apart (uniform), {} config saves; load average {}",
        plan.boards,
        plan.commits,
        plan.interval.0.as_millis(),
        plan.interval.1.as_millis(),
        plan.config_saves,
        load_average()
    );
    let (boards, rx) = spawn_boards(plan.boards, &db, &cfg_path)?;
    std::thread::sleep(Duration::from_millis(500));
    let mut jitter = Jitter::new();
    let mut sent = vec![0i128];
    for k in 1..=plan.commits {
        sent.push(unix_ns());
        conn.execute(
            "UPDATE stays SET name = ?1, version = version + 1 WHERE id = 1",
            [format!("Målt {k}")],
        )?;
        std::thread::sleep(jitter.between(plan.interval));
    }
    let (lat, complete) = collect(
        &rx,
        "seen-data",
        &sent,
        1,
        plan.boards,
        Duration::from_secs(10),
    );
    report("commit → visible", lat);
    println!(
        "boards that saw the last commit: {complete}/{}",
        plan.boards
    );

    if plan.config_saves > 0 {
        let mut sent = vec![0i128];
        let mut lat = Vec::new();
        for k in 1..=plan.config_saves {
            std::thread::sleep(jitter.between(plan.interval));
            sent.push(unix_ns());
            write_config(&cfg_path, k)?;
            let (l, _) = collect(
                &rx,
                "seen-config",
                &sent,
                k as usize,
                plan.boards,
                Duration::from_secs(3),
            );
            lat.extend(l);
        }
        report("config save → visible", lat);
    }

    if !plan.idle.is_zero() {
        // Every board, so the figure per kiosk is an average over many (and the worst shows).
        let pids: Vec<u32> = boards.iter().map(|b| b.child.id()).collect();
        let before: Vec<u64> = pids.iter().map(|p| proc_cpu_ns(*p).unwrap_or(0)).collect();
        let t0 = Instant::now();
        std::thread::sleep(plan.idle);
        let secs = t0.elapsed().as_secs_f64();
        let mut pct: Vec<f64> = pids
            .iter()
            .zip(&before)
            .map(|(p, b)| {
                proc_cpu_ns(*p).unwrap_or(0).saturating_sub(*b) as f64 / 1e9 / secs * 100.0
            })
            .collect();
        pct.sort_by(f64::total_cmp);
        let mean = pct.iter().sum::<f64>() / pct.len().max(1) as f64;
        println!(
            "idle over {} s, {} board(s): CPU per board mean {:.3} % of one core, max {:.3} %; RSS of board 1 {} KiB; load average {}",
            plan.idle.as_secs(),
            pct.len(),
            mean,
            pct.last().copied().unwrap_or(f64::NAN),
            proc_rss_kib(pids[0]).unwrap_or(0),
            load_average()
        );
    }
    drop(boards);
    let _ = std::io::stdout().flush();
    Ok(())
}
