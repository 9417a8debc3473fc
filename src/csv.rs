//! Minimal CSV writing for spreadsheets (RFC 4180 quoting) with formula-injection guarding.

/// One cell as it should appear in the file.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
/// formula by Excel/LibreOffice; it gets a leading `'` so it shows as text. A cell that holds
/// the separator, a quote or a line break is quoted, with quotes doubled.
pub fn cell(s: &str) -> String {
    let guarded;
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{s}");
        guarded.as_str()
    } else {
        s
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One record: cells joined by commas, ended by CRLF (as RFC 4180 says).
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = cells
        .iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_guards() {
        assert_eq!(cell("Kari Nordmann"), "Kari Nordmann");
        assert_eq!(cell("Berg, Kari"), "\"Berg, Kari\"");
        assert_eq!(cell("sa \"hei\""), "\"sa \"\"hei\"\"\"");
        assert_eq!(cell("linje1\nlinje2"), "\"linje1\nlinje2\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+47 123"), "'+47 123");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("2026-11-25"), "2026-11-25");
        assert_eq!(row(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }
}
