//! CSV for spreadsheets: RFC 4180 quoting and CRLF line ends by the `csv` crate, plus the one
//! thing it does not do for us, guarding cells a spreadsheet would run as a formula.

use std::borrow::Cow;

/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
/// formula by Excel/LibreOffice ("CSV injection"); it gets a leading `'` so it shows as text.
pub fn guard(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A CSV document being written: records are guarded cell by cell, quoted where they hold a
/// comma, a quote or a line break (quotes doubled), and ended by CRLF as RFC 4180 says.
pub struct Sheet {
    out: ::csv::Writer<Vec<u8>>,
}

impl Default for Sheet {
    fn default() -> Self {
        Self::new()
    }
}

impl Sheet {
    pub fn new() -> Self {
        Self {
            out: ::csv::WriterBuilder::new()
                .terminator(::csv::Terminator::CRLF)
                .quote_style(::csv::QuoteStyle::Necessary)
                // Records of different lengths are the caller's business, not an error.
                .flexible(true)
                .from_writer(Vec::new()),
        }
    }

    /// Append one record.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) {
        // Writing into a Vec cannot fail for I/O; a record is never refused in flexible mode.
        let _ = self
            .out
            .write_record(cells.iter().map(|c| guard(c.as_ref()).into_owned()));
    }

    /// The document as text (every cell was a `&str`, so it is UTF-8).
    pub fn finish(self) -> String {
        let bytes = self.out.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }
}

/// One record on its own (a header, a test).
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut s = Sheet::new();
    s.row(cells);
    s.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> String {
        row(&[s]).trim_end_matches("\r\n").to_string()
    }

    #[test]
    fn quotes_and_guards() {
        assert_eq!(cell("Kari Nordmann"), "Kari Nordmann");
        assert_eq!(cell("Berg, Kari"), "\"Berg, Kari\"");
        assert_eq!(cell("sa \"hei\""), "\"sa \"\"hei\"\"\"");
        assert_eq!(cell("linje1\nlinje2"), "\"linje1\nlinje2\"");
        assert_eq!(cell("linje1\rlinje2"), "\"linje1\rlinje2\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+47 123"), "'+47 123");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("2026-11-25"), "2026-11-25");
        assert_eq!(cell("Ærlig øl på Å"), "Ærlig øl på Å");
        assert_eq!(row(&["a", "b,c"]), "a,\"b,c\"\r\n");
        assert_eq!(row(&["a", "", "c"]), "a,,c\r\n");
    }

    #[test]
    fn a_sheet_is_records_in_order_with_crlf() {
        let mut s = Sheet::new();
        s.row(&["scope", "value"]);
        s.row(&["period", "3"]);
        s.row(&["x", "", "", "=1"]);
        assert_eq!(s.finish(), "scope,value\r\nperiod,3\r\nx,,,'=1\r\n");
    }

    #[test]
    fn the_crate_reads_back_what_we_wrote() {
        let cells = ["Berg, Kari", "sa \"hei\"", "linje1\nlinje2", "vanlig"];
        let text = row(&cells);
        let mut r = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let rec = r.records().next().unwrap().unwrap();
        assert_eq!(rec.iter().collect::<Vec<_>>(), cells);
    }
}
