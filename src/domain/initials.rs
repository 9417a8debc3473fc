//! Initials for privacy mode, and telling apart two people who share them.

use std::collections::HashMap;

/// Initials from a full name: first letter of each word, upper-cased ("Per Olav Lie" → "POL").
/// Hyphenated parts count as words ("Anne-Lise Berg" → "ALB").
pub fn derive(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .take(4)
        .collect()
}

/// The label shown for each stay in privacy mode, and whether it had to be disambiguated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub label: String,
    pub collides: bool,
}

/// Labels for a list of (initials, full name), in the same order. Stays sharing initials get
/// a suffix from the second letter of the given name ("KH" → "KH·a", "KH·n"); if that still
/// collides, a running number ("KH·1", "KH·2"). All members of a colliding group are marked.
pub fn disambiguate(items: &[(&str, &str)]) -> Vec<Shown> {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (ini, _)) in items.iter().enumerate() {
        groups.entry(ini.to_uppercase()).or_default().push(i);
    }
    let mut out: Vec<Shown> = items
        .iter()
        .map(|(ini, _)| Shown {
            label: ini.to_string(),
            collides: false,
        })
        .collect();
    for members in groups.values().filter(|m| m.len() > 1) {
        let hints: Vec<String> = members
            .iter()
            .map(|&i| {
                items[i]
                    .1
                    .split_whitespace()
                    .next()
                    .and_then(|w| w.chars().filter(|c| c.is_alphabetic()).nth(1))
                    .map(|c| c.to_lowercase().collect())
                    .unwrap_or_default()
            })
            .collect();
        let unique = hints.iter().all(|h| !h.is_empty())
            && hints.iter().collect::<std::collections::HashSet<_>>().len() == hints.len();
        for (n, &i) in members.iter().enumerate() {
            let suffix = if unique {
                hints[n].clone()
            } else {
                (n + 1).to_string()
            };
            out[i] = Shown {
                label: format!("{}·{}", items[i].0, suffix),
                collides: true,
            };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_initials() {
        assert_eq!(derive("Per Olav Lie"), "POL");
        assert_eq!(derive("Anne-Lise Berg"), "ALB");
        assert_eq!(derive("Åse Ødegård"), "ÅØ");
        assert_eq!(derive("  kari   nordmann "), "KN");
    }

    #[test]
    fn colliding_initials_get_told_apart() {
        let shown = disambiguate(&[
            ("KH", "Kari Hansen"),
            ("AB", "Astrid Bakken"),
            ("KH", "Knut Hauge"),
        ]);
        assert_eq!(shown[0].label, "KH·a");
        assert_eq!(shown[2].label, "KH·n");
        assert!(shown[0].collides && shown[2].collides);
        assert_eq!(
            shown[1],
            Shown {
                label: "AB".into(),
                collides: false
            }
        );
    }

    #[test]
    fn same_second_letter_falls_back_to_numbers() {
        let shown = disambiguate(&[("KH", "Kari Hansen"), ("KH", "Kaja Holm")]);
        assert_eq!(shown[0].label, "KH·1");
        assert_eq!(shown[1].label, "KH·2");
    }
}
