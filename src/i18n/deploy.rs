//! Words about where and how tavle is installed.

use crate::config::Language;

/// Warnings about the installation, shown on the board.
#[derive(Debug)]
pub struct DeployStrings {
    /// The database sits on a network filesystem: `{fs}` its type, `{mount}` where it is
    /// mounted.
    pub network_fs: &'static str,
    /// The same, for a narrow screen.
    pub network_fs_short: &'static str,
}

/// The installation words for `lang`.
pub fn deploy_strings(lang: Language) -> &'static DeployStrings {
    match lang {
        Language::Nb => &DEPLOY_NB,
        Language::En => &DEPLOY_EN,
    }
}

static DEPLOY_NB: DeployStrings = DeployStrings {
    network_fs: "Databasen ligger på et nettverksfilsystem ({fs} på {mount}): endringer kan gå tapt. Flytt den til en lokal disk.",
    network_fs_short: "Databasen ligger på nettverksdisk ({fs}) – flytt den til lokal disk",
};

static DEPLOY_EN: DeployStrings = DeployStrings {
    network_fs: "The database is on a network filesystem ({fs} at {mount}): changes can be lost. Move it to a local disk.",
    network_fs_short: "Database on a network filesystem ({fs}) – move it to a local disk",
};
