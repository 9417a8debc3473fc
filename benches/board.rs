//! Board benchmarks: full-frame render at TV size with 500 stays, and loading the board from
//! a database with 500 active and 50,000 discharged stays.

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tavle::app::{App, Mode};
use tavle::config::Config;
use tavle::store;

const NOW: i64 = 1_795_600_000;

fn synthetic_db(active: usize, discharged: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bench.db");
    let mut c = store::open_read_write(&p).unwrap();
    store::demo::fill_synthetic(&mut c, active, discharged, date(2026, 11, 25), NOW).unwrap();
    (dir, p)
}

fn render(c: &mut Criterion) {
    let (_dir, p) = synthetic_db(500, 0);
    let conn = store::open_read_only(&p).unwrap();
    let stays = store::load_active(&conn).unwrap();
    assert_eq!(stays.len(), 500);
    let app = App::new(
        Mode::Edit,
        Config::default(),
        stays,
        date(2026, 11, 25).at(9, 0, 0, 0),
        (200, 50),
    );
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    // What ratatui itself costs for a 200x50 frame with nothing in it (buffer reset + diff).
    c.bench_function("baseline_empty_frame_200x50", |b| {
        b.iter(|| {
            term.draw(|f| {
                black_box(f.area());
            })
            .unwrap();
        })
    });
    c.bench_function("render_200x50_500_stays", |b| {
        b.iter(|| {
            // Every widget is rendered into a fresh frame buffer; the terminal then diffs it.
            term.draw(|f| tavle::ui::draw(f, black_box(&app))).unwrap();
        })
    });
}

fn load(c: &mut Criterion) {
    let (_dir, p) = synthetic_db(500, 50_000);
    let conn = store::open_read_only(&p).unwrap();
    c.bench_function("load_500_active_of_50500", |b| {
        b.iter(|| {
            let stays = store::load_active(black_box(&conn)).unwrap();
            assert_eq!(stays.len(), 500);
            stays
        })
    });
    let app_conf = Config::default();
    let stays = store::load_active(&conn).unwrap();
    c.bench_function("derive_rows_500", |b| {
        b.iter(|| {
            App::new(
                Mode::Edit,
                app_conf.clone(),
                black_box(stays.clone()),
                date(2026, 11, 25).at(9, 0, 0, 0),
                (200, 50),
            )
        })
    });
}

/// One edit, committed: version check, stay and children rewritten, audit rows, fsync'd WAL
/// commit. Toggles a risk back and forth on a database of 500 active and 50,000 discharged.
fn write(c: &mut Criterion) {
    use tavle::domain::edit::Change;
    use tavle::store::write::{Target, WriteRequest, commit};
    let (_dir, p) = synthetic_db(500, 50_000);
    let mut conn = store::open_read_write(&p).unwrap();
    let stay = store::load_active(&conn).unwrap().remove(250);
    let mut version = stay.version;
    c.bench_function("commit_one_edit_with_audit", |b| {
        b.iter(|| {
            let req = WriteRequest {
                target: Target::Stay {
                    id: stay.id,
                    version: Some(version),
                },
                change: Change::ToggleRisk("pressure_ulcer".into()),
            };
            let done = commit(&mut conn, &req, "bench", NOW, date(2026, 11, 25)).unwrap();
            version = done.after.unwrap().version;
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = render, load, write
}
criterion_main!(benches);
