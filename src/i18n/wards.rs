//! Words of the report over several wards (`tavle report --db a.db --db b.db`).

use crate::config::Language;

/// Headings that separate the wards in the report table.
#[derive(Debug)]
pub struct WardStrings {
    /// `{name}`: the ward's name (from `--db NAME=PATH`, else the file name without `.db`).
    pub ward: &'static str,
    /// `{n}`: how many wards the total is over.
    pub total: &'static str,
    /// Said under the total's heading: per-meeting lines are in each ward's part.
    pub total_note: &'static str,
}

/// The ward headings in `lang`.
pub fn ward_strings(lang: Language) -> &'static WardStrings {
    match lang {
        Language::Nb => &NB,
        Language::En => &EN,
    }
}

const NB: WardStrings = WardStrings {
    ward: "Avdeling {name}",
    total: "Totalt for {n} avdelinger",
    total_note: "Tallene er regnet ut fra alle oppholdene og tavlemøtene i avdelingene samlet, ikke som snitt av avdelingenes prosenter. Møtelisten står under hver avdeling.",
};

const EN: WardStrings = WardStrings {
    ward: "Ward {name}",
    total: "Total for {n} wards",
    total_note: "Figures are computed over all the stays and stand-ups of the wards together, not as an average of the wards' percentages. The list of meetings is under each ward.",
};
