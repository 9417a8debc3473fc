//! tavle: a full-screen terminal board for the daily stand-up of a home-care virtual ward.
//!
//! Data flows one way: events (key, tick, db-changed, config-changed) become
//! [`app::Action`]s, actions change [`app::App`] state, and [`ui`] renders that state
//! without touching the database.

pub mod ansi16;
pub mod app;
pub mod bench_live;
pub mod clock;
pub mod config;
pub mod csv;
pub mod domain;
pub mod headless;
pub mod i18n;
pub mod report;
pub mod session;
pub mod store;
pub mod tui;
pub mod ui;
