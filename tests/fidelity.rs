//! Model fidelity (modelltrofasthet) as the ward sees it: the detail pane, the discharge
//! form, the goal scores and the report.

mod common;

use common::*;
use ratatui::style::Color;
use tavle::app::{Action, Mode};
use tavle::config::{Config, Language};
use tavle::domain::dates::add_days;
use tavle::domain::{Goal, GoalStatus, MedStatus, Stay};

fn add(n: i64) -> jiff::civil::Date {
    add_days(today(), n)
}

/// Day 21 of a stay: visit and goals in time, GP late, medication never done, discussed at
/// stand-ups but not for the last five days.
fn ingrid() -> Stay {
    let mut s = stay(1, "Ingrid Sæther", 20);
    s.assessment_done = Some(add(-19));
    s.goals.push(Goal {
        id: 1,
        position: 1,
        text: "Være hjemme til jul".into(),
        status: GoalStatus::Open,
        set_on: add(-19),
        closed_on: None,
        score_start: Some(3),
        score_end: None,
    });
    s.gp.done_on = Some(add(-2));
    s.med_status = MedStatus::InProgress;
    s.discussed_on = (-20..=-5).map(add).collect();
    s
}

/// The detail pane's lines from the fidelity heading on, at `size`, scrolled down to it.
fn fidelity_section(lang: Language, size: (u16, u16)) -> (String, ratatui::buffer::Buffer) {
    let cfg = Config {
        language: lang,
        ..Config::default()
    };
    let mut a = app(Mode::Edit, cfg, vec![ingrid()], size);
    a.update(Action::OpenDetail);
    let title = match lang {
        Language::Nb => "Modelltrofasthet",
        Language::En => "Model fidelity",
    };
    for _ in 0..20 {
        let buf = render(&a);
        if find(&buf, title).is_some()
            && find(&buf, "Evaluering ved utskr")
                .or(find(&buf, "Evaluation at dis"))
                .is_some()
        {
            return (screen(&buf), buf);
        }
        a.update(Action::Scroll(3));
    }
    panic!("no fidelity section:\n{}", screen(&render(&a)));
}

#[test]
fn detail_pane_shows_every_element_with_its_state_and_record_at_200x50() {
    let (text, buf) = fidelity_section(Language::Nb, (200, 50));
    for want in [
        "Modelltrofasthet · 3 av 6 forfalte oppfylt, 2 ikke forfalt ennå",
        "5 ukers opphold",
        "dag 21 av 35",
        "Hjemmebesøk/kartlegging",
        "kartlegging registrert 06.11.2026",
        "Mål satt med brukeren",
        "1 mål, det første satt 06.11.2026",
        "Primærkontakt",
        "Anne Sykepleier",
        "Drøftet på tavlemøter",
        "ikke oppfylt",
        "lengste opphold 5 dager (til 25.11)",
        "Legetime",
        "oppfylt for sent",
        "legetime 23.11.2026",
        "Legemiddelsamstemming",
        "pågår",
        "Evaluering ved utskriving",
        "ikke forfalt ennå",
    ] {
        assert!(text.contains(want), "missing {want:?}\n{text}");
    }
    // Colours say the same as the board: the late GP amber, the missed meetings red.
    let (x, y) = find(&buf, "oppfylt for sent").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    let (_, y) = find(&buf, "Drøftet på tavlemøter").unwrap();
    let (x, _) = find(&buf, "ikke oppfylt").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Red);
    assert_eq!(buf[(x, y)].symbol(), "i");
}

#[test]
fn detail_pane_fidelity_fits_80x24_in_english() {
    let (text, _) = fidelity_section(Language::En, (80, 24));
    for want in [
        "Model fidelity",
        "5-week stay",
        "Discussed at board meetings",
        "not met",
        "met late",
        "not yet due",
        "Evaluation at discharge",
    ] {
        assert!(text.contains(want), "missing {want:?}\n{text}");
    }
    // Nothing runs past the frame.
    for l in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(l) <= 80, "{l}");
    }
}
