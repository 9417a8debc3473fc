//! Text safety: what comes from the database is shown, never executed.

use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// Remove control characters (C0, C1, DEL), whole escape sequences, and bidi overrides,
/// so that stored text can never move the cursor or recolour a kiosk.
pub fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // CSI (8-bit): parameters then a final byte.
            '\u{9b}' => skip_csi_body(&mut chars),
            // OSC/DCS/APC/PM/SOS (8-bit): until ST or BEL.
            '\u{9d}' | '\u{90}' | '\u{9f}' | '\u{9e}' | '\u{98}' => skip_string(&mut chars),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            c => out.push(c),
        }
    }
    out
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            skip_string(chars);
        }
        Some(_) => {
            chars.next();
        }
        None => {}
    }
}

fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
        if c.is_control() {
            break;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        if c == '\u{7}' || c == '\u{9c}' {
            break;
        }
        if c == '\u{1b}' {
            if chars.peek() == Some(&'\\') {
                chars.next();
            }
            break;
        }
    }
}

/// Normalise user input before storing: NFC (so "å" typed decomposed equals "å"),
/// control characters removed, surrounding whitespace trimmed.
pub fn clean_input(input: &str) -> String {
    sanitize(&input.nfc().collect::<String>())
        .trim()
        .to_string()
}

/// Display width in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cut `s` to at most `max` cells, ending with "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_controls() {
        assert_eq!(sanitize("Kari\u{1b}[2J\u{1b}[31mHansen"), "KariHansen");
        assert_eq!(sanitize("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(sanitize("a\u{1b}]8;;http://x\u{1b}\\b"), "ab");
        assert_eq!(sanitize("x\u{9b}31my"), "xy");
        assert_eq!(sanitize("bell\u{7}\u{0}\u{7f}"), "bell");
        assert_eq!(sanitize("line\nbreak"), "line break");
        assert_eq!(sanitize("\u{202e}evil"), "evil");
        assert_eq!(sanitize("Åse Bø 😀"), "Åse Bø 😀");
    }

    #[test]
    fn nfc_normalises_decomposed_input() {
        assert_eq!(clean_input("  A\u{30a}se "), "Åse");
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Være hjemme til jul", 8), "Være hj…");
        assert_eq!(truncate("kort", 8), "kort");
        assert_eq!(width(&truncate("日本語テキスト", 5)), 5);
    }
}
