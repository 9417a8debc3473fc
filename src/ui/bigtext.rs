//! Block digits for the stand-up's day counter, readable across the room.

/// Glyph rows (3 wide, 5 high) for the characters the day counter uses.
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["███", "█ █", "█ █", "█ █", "███"],
        '1' => [" ██", "  █", "  █", "  █", "  █"],
        '2' => ["███", "  █", "███", "█  ", "███"],
        '3' => ["███", "  █", " ██", "  █", "███"],
        '4' => ["█ █", "█ █", "███", "  █", "  █"],
        '5' => ["███", "█  ", "███", "  █", "███"],
        '6' => ["███", "█  ", "███", "█ █", "███"],
        '7' => ["███", "  █", "  █", "  █", "  █"],
        '8' => ["███", "█ █", "███", "█ █", "███"],
        '9' => ["███", "█ █", "███", "  █", "███"],
        '/' => ["  █", "  █", " █ ", "█  ", "█  "],
        _ => ["   ", "   ", "   ", "   ", "   "],
    }
}

/// `text` as five rows of block glyphs, one column apart; `ascii` draws with `#`.
pub fn big(text: &str, ascii: bool) -> [String; 5] {
    let mut rows: [String; 5] = Default::default();
    for (i, c) in text.chars().enumerate() {
        for (r, part) in glyph(c).iter().enumerate() {
            if i > 0 {
                rows[r].push(' ');
            }
            if ascii {
                rows[r].push_str(&part.replace('█', "#"));
            } else {
                rows[r].push_str(part);
            }
        }
    }
    rows
}

/// Width in cells of `big(text)`.
pub fn big_width(text: &str) -> usize {
    let n = text.chars().count();
    if n == 0 { 0 } else { n * 4 - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_line_up() {
        let rows = big("12/35", false);
        assert!(rows.iter().all(|r| r.chars().count() == big_width("12/35")));
        assert_eq!(rows[0], " ██ ███   █ ███ ███");
        assert_eq!(big("7", true)[0], "###");
    }
}
