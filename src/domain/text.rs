//! Text safety: what comes from the database is shown, never executed.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Most combining marks kept on one base character when displaying (enough for Vietnamese,
/// Thai or decomposed Nordic letters; a "Zalgo" pile would draw over the rows around it).
const MAX_MARKS: usize = 3;

/// Text from the database made safe and stable for a terminal.
///
/// Safe: control characters (C0, C1, DEL), whole escape sequences and bidi overrides are
/// removed, so stored text can never move the cursor or recolour a kiosk.
///
/// Stable: the width ratatui lays out must be the width every terminal draws. Terminals
/// disagree with `unicode-width` (and each other) about multi-codepoint clusters, so those
/// are taken apart: a flag (a pair of regional indicators, "🇳🇴") becomes its two ASCII letters
/// ("NO"); zero-width joiners, variation selectors, skin-tone modifiers, tags and other
/// invisible format characters are dropped, so each emoji of a ZWJ sequence ("👩‍⚕️") draws on
/// its own with its own width; combining marks with nothing to combine with (start of text,
/// after a space) are dropped, and at most [`MAX_MARKS`] stay on one letter.
pub fn sanitize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut marks = 0;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // CSI (8-bit): parameters then a final byte.
            '\u{9b}' => skip_csi_body(&mut chars),
            // OSC/DCS/APC/PM/SOS (8-bit): until ST or BEL.
            '\u{9d}' | '\u{90}' | '\u{9f}' | '\u{9e}' | '\u{98}' => skip_string(&mut chars),
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                marks = 0;
                out.push(' ');
            }
            c if c.is_control() => {}
            c if (c as u32) < 0x300 => {
                marks = 0;
                if c != '\u{ad}' {
                    out.push(c);
                }
            }
            c => push_stable(&mut out, c, &mut marks),
        }
    }
    out
}

/// Push a char at or above U+0300 for display (see [`sanitize`]).
fn push_stable(out: &mut String, c: char, marks: &mut usize) {
    if invisible(c) || emoji_component(c) {
        return;
    }
    if let Some(letter) = regional_letter(c) {
        *marks = 0;
        out.push(letter);
        return;
    }
    if is_combining_mark(c) {
        let has_base = out.chars().next_back().is_some_and(|p| !p.is_whitespace());
        if has_base && *marks < MAX_MARKS {
            *marks += 1;
            out.push(c);
        }
        return;
    }
    *marks = 0;
    out.push(c);
}

/// Default-ignorable code points (Unicode's list): zero-width spaces and joiners, bidi
/// marks and overrides, variation selectors, invisible fillers, tags.
fn invisible(c: char) -> bool {
    matches!(c as u32,
        0x00ad | 0x034f | 0x061c | 0x115f..=0x1160 | 0x17b4..=0x17b5 | 0x180b..=0x180f
        | 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x206f | 0x3164 | 0xfe00..=0xfe0f
        | 0xfeff | 0xffa0 | 0xfff0..=0xfffb | 0x1bca0..=0x1bca3 | 0x1d173..=0x1d17a
        | 0xe0000..=0xe0fff)
}

/// Parts of emoji sequences that only make sense joined: skin-tone modifiers and the
/// combining keycap.
fn emoji_component(c: char) -> bool {
    matches!(c as u32, 0x1f3fb..=0x1f3ff | 0x20e3)
}

/// A regional indicator symbol as its ASCII capital letter (🇳 → N).
fn regional_letter(c: char) -> Option<char> {
    let u = c as u32;
    (0x1f1e6..=0x1f1ff)
        .contains(&u)
        .then(|| char::from(b'A' + (u - 0x1f1e6) as u8))
}

/// True when `s` shows at least one visible character once displayed: not only spaces,
/// zero-width characters, combining marks with no letter, or blank symbols.
pub fn has_visible(s: &str) -> bool {
    sanitize(s)
        .chars()
        .any(|c| !c.is_whitespace() && c != '\u{2800}' && !is_combining_mark(c))
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
/// Invisible fillers that never belong in a name or note are dropped too (zero-width spaces,
/// word joiners, byte-order marks, soft hyphens, Hangul fillers); joiners and variation
/// selectors that make up emoji are kept as typed (display takes them apart, see [`sanitize`]).
pub fn clean_input(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let nfc: String = input.nfc().collect();
    let mut chars = nfc.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi_body(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{9f}' | '\u{9e}' | '\u{98}' => skip_string(&mut chars),
            '\t' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {}
            '\u{ad}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}' => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// A char that is one cell wide and always its own grapheme: nothing combines with it and it
/// combines with nothing (Latin-1 letters, and the punctuation, arrows, box drawing, shapes
/// and dingbats the board uses). Text made only of these needs no grapheme segmentation.
pub fn simple_char(c: char) -> bool {
    let u = c as u32;
    let plain = (0x20..0x7f).contains(&u)
        || (0xa0..0x300).contains(&u)
        || ((0x2010..0x2028).contains(&u))
        || ((0x2030..0x205f).contains(&u))
        || ((0x2100..0x2c00).contains(&u));
    plain && UnicodeWidthChar::width(c) == Some(1)
}

/// Display width in terminal cells: the width ratatui draws, grapheme by grapheme (a
/// grapheme with a control character is not drawn; halfwidth sound marks take a cell).
pub fn width(s: &str) -> usize {
    if s.chars().all(simple_char) {
        return s.chars().count();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        return 0;
    }
    UnicodeWidthStr::width(g)
        + g.chars()
            .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
            .count()
}

/// Cut `s` to at most `max` cells, ending with "…" when cut. A cut never splits a grapheme;
/// when a wide character does not fit before the "…", a space after it fills the cell, so a
/// cut text is always exactly `max` cells wide.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = grapheme_width(g);
        if w + gw > max - 1 {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    for _ in w + 1..max {
        out.push(' ');
    }
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

    #[test]
    fn emoji_clusters_of_unstable_width_are_taken_apart() {
        // A flag becomes its country code; a ZWJ sequence its parts, each with its own width.
        assert_eq!(sanitize("Ola 🇳🇴"), "Ola NO");
        assert_eq!(sanitize("👩\u{200d}⚕\u{fe0f} Kari"), "👩⚕ Kari");
        assert_eq!(sanitize("👍\u{1f3fd}"), "👍");
        assert_eq!(sanitize("1\u{fe0f}\u{20e3}"), "1");
        assert_eq!(sanitize("a\u{200b}b\u{feff}c\u{2060}"), "abc");
        // England's flag: a black flag and tag characters.
        assert_eq!(
            sanitize("\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}"),
            "\u{1f3f4}"
        );
        for s in ["Ola 🇳🇴", "👩\u{200d}⚕\u{fe0f}", "👨\u{200d}👩\u{200d}👧"] {
            let clean = sanitize(s);
            // The width laid out is the sum of what each char draws on its own.
            let per_char: usize = clean.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert_eq!(width(&clean), per_char, "{s:?}");
        }
    }

    #[test]
    fn combining_marks_need_a_letter_and_stay_few() {
        assert_eq!(sanitize("\u{301}\u{301}"), "");
        assert_eq!(sanitize("a \u{301}b"), "a b");
        assert_eq!(sanitize("e\u{301}"), "e\u{301}");
        assert_eq!(sanitize("Nguye\u{302}\u{303}n"), "Nguye\u{302}\u{303}n");
        let zalgo = format!("a{}", "\u{300}".repeat(30));
        assert_eq!(sanitize(&zalgo).chars().count(), 1 + MAX_MARKS);
    }

    #[test]
    fn visible_means_something_a_reader_can_see() {
        for blank in [
            "\u{200b}",
            "\u{301}\u{301}",
            " \u{200d} ",
            "\u{fe0f}",
            "\u{2800}",
            "\u{3164}",
        ] {
            assert!(!has_visible(blank), "{blank:?}");
        }
        for ok in ["Åse", "李", "🇳🇴", "😀", "e\u{301}"] {
            assert!(has_visible(ok), "{ok:?}");
        }
        assert_eq!(clean_input("\u{200b} Kari\u{feff} "), "Kari");
    }

    #[test]
    fn a_cut_never_splits_or_overflows_a_wide_character() {
        assert_eq!(truncate("日本語", 4), "日… ");
        assert_eq!(truncate("a日本語", 4), "a日…");
        for max in 0..8 {
            for s in ["日本語テキスト", "a👩⚕b李小龍", "Ola NO 😀😀😀"] {
                let t = truncate(s, max);
                assert!(width(&t) <= max, "{s:?} {max}");
                if width(s) > max {
                    assert_eq!(width(&t), max, "{s:?} {max}: {t:?}");
                }
            }
        }
    }
}
