//! Next of kin (pårørende) of a stay: who they are, how to reach them, and whether they took
//! part in setting the goals and in the evaluation at discharge. Health-adjacent personal
//! data: shown on the editing board only, never on a kiosk.

use super::edit::{EditError, MAX_SHORT, checked_text};

/// Longest phone number, in characters (room for a country code and a note like «jobb»).
pub const MAX_PHONE: usize = 30;

/// One next of kin of a stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextOfKin {
    /// Row id; 0 for one not stored yet.
    pub id: i64,
    pub name: String,
    /// In the ward's words: «sønn», «ektefelle», «nabo».
    pub relation: String,
    pub phone: String,
    /// Took part in setting the goals (at the home visit).
    pub in_goal_setting: bool,
    /// Took part in the evaluation at discharge.
    pub in_evaluation: bool,
}

/// What the next-of-kin form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KinFields {
    pub name: String,
    pub relation: String,
    pub phone: String,
    pub in_goal_setting: bool,
    pub in_evaluation: bool,
}

/// Check and clean the form's fields into a next of kin with `id`.
pub fn kin_from(id: i64, f: &KinFields) -> Result<NextOfKin, EditError> {
    Ok(NextOfKin {
        id,
        name: checked_text(&f.name, super::edit::MAX_NAME, true)?,
        relation: checked_text(&f.relation, MAX_SHORT, false)?,
        phone: phone(&f.phone)?,
        in_goal_setting: f.in_goal_setting,
        in_evaluation: f.in_evaluation,
    })
}

/// Fewest digits in a phone number (a Norwegian number has 8; abroad, more).
pub const MIN_PHONE_DIGITS: usize = 5;

/// A phone number as typed: empty, or with enough digits to be dialled (a word beside it,
/// «jobb», is fine; «abc» is not a number).
fn phone(input: &str) -> Result<String, EditError> {
    let p = checked_text(input, MAX_PHONE, false)?;
    if !p.is_empty() && p.chars().filter(char::is_ascii_digit).count() < MIN_PHONE_DIGITS {
        return Err(EditError::NotAPhone);
    }
    Ok(p)
}

/// One line for the audit log: `Per (sønn) tlf. …66 · mål: ja · evaluering: nei`. The
/// history is shown on the ward TV, so the number itself stays in `P`; its last two digits
/// are enough to see that it changed.
pub fn describe(k: &NextOfKin) -> String {
    let yn = |b: bool| if b { "ja" } else { "nei" };
    let relation = if k.relation.is_empty() {
        String::new()
    } else {
        format!(" ({})", k.relation)
    };
    let digits: Vec<char> = k.phone.chars().filter(char::is_ascii_digit).collect();
    let phone = match digits.len() {
        0 if k.phone.is_empty() => String::new(),
        0 | 1 => " tlf. …".to_string(),
        n => format!(" tlf. …{}{}", digits[n - 2], digits[n - 1]),
    };
    format!(
        "{}{relation}{phone} · mål: {} · evaluering: {}",
        k.name,
        yn(k.in_goal_setting),
        yn(k.in_evaluation)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_needed_and_text_is_cleaned() {
        let mut f = KinFields {
            name: " \u{200b} ".into(),
            relation: "sønn".into(),
            phone: " 99 88 77 66 ".into(),
            in_goal_setting: true,
            in_evaluation: false,
        };
        assert_eq!(kin_from(0, &f), Err(EditError::Empty));
        f.name = "Per Hansen".into();
        let k = kin_from(3, &f).unwrap();
        assert_eq!(k.phone, "99 88 77 66");
        assert_eq!(
            describe(&k),
            "Per Hansen (sønn) tlf. …66 · mål: ja · evaluering: nei"
        );
        // The history is on the ward TV: the number never is.
        assert!(!describe(&k).contains("77"));
        f.phone = "1".repeat(MAX_PHONE + 1);
        assert_eq!(kin_from(0, &f), Err(EditError::TooLong(MAX_PHONE)));
        // Not a number: refused; a number with a word beside it, or none at all, is fine.
        for bad in ["abc", "ring 113", "1234"] {
            f.phone = bad.into();
            assert_eq!(kin_from(0, &f), Err(EditError::NotAPhone), "{bad}");
        }
        for good in ["", "912 34 567 (jobb)", "+47 91234567", "00 46 8 123 456"] {
            f.phone = good.into();
            assert!(kin_from(0, &f).is_ok(), "{good}");
        }
    }
}
