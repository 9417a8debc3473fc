//! The last pass over every frame: what the buffer holds is what a terminal will show.
//!
//! - A wide character (CJK, emoji) covers the cell after it. When something else was drawn
//!   into that cell afterwards (a popup's border over the board, a neighbouring pane), the
//!   terminal would still paint the wide glyph over it: ratatui's diff skips the covered
//!   cell, so the border is never sent. Such a half-covered wide character becomes a space.
//! - With the ASCII symbol set every symbol left is made ASCII (letters, including æøå and
//!   other scripts of the data, are kept): borders, arrows, quotes, ellipses and marks
//!   anywhere on screen, whichever module drew them.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// Apply the pass to the whole `buf`.
pub fn finish(buf: &mut Buffer, ascii: bool) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let sym = buf[(x, y)].symbol();
            if sym.is_ascii() {
                continue;
            }
            let w = UnicodeWidthStr::width(sym) as u16;
            let covered_cells_blank = (1..w).all(|k| {
                x.checked_add(k)
                    .filter(|cx| *cx < area.right())
                    .is_some_and(|cx| buf[(cx, y)].symbol() == " ")
            });
            if w == 0 || !covered_cells_blank {
                buf[(x, y)].set_symbol(" ");
                continue;
            }
            if ascii && let Some(a) = ascii_for(sym) {
                buf[(x, y)].set_symbol(a);
            }
        }
    }
}

/// The one-cell ASCII stand-in for a non-ASCII symbol, or `None` to keep it (letters and
/// digits of any script, with their combining marks).
pub fn ascii_for(sym: &str) -> Option<&'static str> {
    let c = sym.chars().next()?;
    if c.is_alphanumeric() {
        return None;
    }
    Some(match c {
        '│' | '┃' | '║' | '╎' | '┆' | '¦' => "|",
        '─' | '━' | '═' | '╌' | '┄' | '–' | '—' | '‒' | '−' | '‐' | '‑' | '░' | '▁' => {
            "-"
        }
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' | '╔' | '╗'
        | '╚' | '╝' => "+",
        '·' | '•' | '∙' => "|",
        '…' => ".",
        '«' | '»' | '“' | '”' | '„' => "\"",
        '‘' | '’' | '‚' | '′' => "'",
        '←' | '◀' | '◂' | '‹' | '⇐' => "<",
        '→' | '▶' | '▸' | '›' | '⇒' => ">",
        '↑' | '⇧' | '▲' => "^",
        '↓' | '▼' => "v",
        '✓' | '✔' => "+",
        '✗' | '✘' | '×' => "x",
        '○' | '◯' | '°' => "o",
        '◌' | '★' | '☆' | '∗' => "*",
        '⚠' | '‼' | '¡' => "!",
        'ⓘ' => "i",
        '≈' | '≡' => "=",
        '█' | '▓' | '▒' | '■' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▏' | '▐' => {
            "#"
        }
        '≤' => "<",
        '≥' => ">",
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{3000}' => " ",
        _ => "?",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn a_wide_char_under_a_border_gives_way() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "李小龍", ratatui::style::Style::new());
        // A popup's border drawn over the second half of 小.
        buf[(3, 0)].set_symbol("│");
        finish(&mut buf, false);
        let row: Vec<&str> = (0..6).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, ["李", " ", " ", "│", "龍", " "]);
    }

    #[test]
    fn ascii_keeps_letters_and_replaces_symbols() {
        assert_eq!(ascii_for("ø"), None);
        assert_eq!(ascii_for("李"), None);
        assert_eq!(ascii_for("e\u{301}"), None);
        assert_eq!(ascii_for("│"), Some("|"));
        assert_eq!(ascii_for("😀"), Some("?"));
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "«Gå» ✓…", ratatui::style::Style::new());
        finish(&mut buf, true);
        let row: String = (0..8).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, "\"Gå\" +. ");
    }
}
