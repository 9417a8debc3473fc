//! Colours a Linux console and old thin clients understand.
//!
//! crossterm writes every colour, even a named one, as a 256-colour sequence (`Color::Red`
//! is `ESC[38;5;9m`), whatever `TERM` says. [`Ansi16`] wraps the terminal's output and
//! rewrites the 16 named colours to the classic SGR codes (`ESC[31m`, `ESC[91m`, `ESC[41m`,
//! …) that every terminal since the VT100 era reads; other output passes unchanged. The
//! theme only uses named colours (see `ui::theme`), so nothing else is sent.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout, Write};

/// A writer that turns 256-colour SGR sequences for colours 0–15 into 16-colour ones.
#[derive(Debug)]
pub struct Ansi16<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

/// The board's terminal: crossterm, with 16-colour output.
pub type Terminal16 = Terminal<CrosstermBackend<Ansi16<Stdout>>>;

impl<W: Write> Ansi16<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::with_capacity(16 * 1024),
        }
    }

    /// The wrapped writer.
    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// Translate and pass on what is pending; with `all` false, an escape sequence that may
    /// still be incomplete at the end is kept for the next write.
    fn drain(&mut self, all: bool) -> io::Result<()> {
        let split = if all {
            self.pending.len()
        } else {
            self.pending
                .iter()
                .rposition(|&b| b == 0x1b)
                .unwrap_or(self.pending.len())
        };
        let out = translate(&self.pending[..split]);
        self.inner.write_all(&out)?;
        self.pending.drain(..split);
        Ok(())
    }
}

impl<W: Write> Write for Ansi16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= 64 * 1024 {
            self.drain(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }
}

/// Rewrite every complete SGR sequence (`ESC [ params m`) in `bytes`.
pub fn translate(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            let start = i + 2;
            let mut j = start;
            while j < bytes.len() && (0x30..=0x3f).contains(&bytes[j]) {
                j += 1;
            }
            if bytes.get(j) == Some(&b'm')
                && let Ok(params) = std::str::from_utf8(&bytes[start..j])
            {
                out.extend_from_slice(b"\x1b[");
                out.extend_from_slice(rewrite_sgr(params).as_bytes());
                out.push(b'm');
                i = j + 1;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// `38;5;N` / `48;5;N` with N < 16 become `30+N` / `90+N-8` and `40+N` / `100+N-8`.
fn rewrite_sgr(params: &str) -> String {
    let p: Vec<&str> = params.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(p.len());
    let mut i = 0;
    while i < p.len() {
        let extended = matches!(p[i], "38" | "48" | "58");
        match (extended, p.get(i + 1).copied()) {
            (true, Some("5")) => {
                let n = p.get(i + 2).and_then(|n| n.parse::<u8>().ok());
                match (p[i], n) {
                    ("38", Some(n)) if n < 8 => out.push((30 + u16::from(n)).to_string()),
                    ("38", Some(n)) if n < 16 => out.push((82 + u16::from(n)).to_string()),
                    ("48", Some(n)) if n < 8 => out.push((40 + u16::from(n)).to_string()),
                    ("48", Some(n)) if n < 16 => out.push((92 + u16::from(n)).to_string()),
                    _ => out.extend(p[i..(i + 3).min(p.len())].iter().map(|s| s.to_string())),
                }
                i += 3;
            }
            (true, Some("2")) => {
                out.extend(p[i..(i + 5).min(p.len())].iter().map(|s| s.to_string()));
                i += 5;
            }
            _ => {
                out.push(p[i].to_string());
                i += 1;
            }
        }
    }
    out.join(";")
}

/// Take the screen like `ratatui::init`, with 16-colour output: raw mode, the alternate
/// screen, and a panic hook that restores the terminal first. Undo with `ratatui::restore`.
pub fn init() -> io::Result<Terminal16> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        ratatui::restore();
        hook(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    Terminal::new(CrosstermBackend::new(Ansi16::new(io::stdout())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_colours_become_classic_sgr() {
        let t = |s: &str| String::from_utf8(translate(s.as_bytes())).unwrap();
        assert_eq!(t("\x1b[38;5;1mx"), "\x1b[31mx");
        assert_eq!(t("\x1b[38;5;9m"), "\x1b[91m");
        assert_eq!(t("\x1b[48;5;6m"), "\x1b[46m");
        assert_eq!(t("\x1b[48;5;15m"), "\x1b[107m");
        assert_eq!(t("\x1b[1;38;5;3;48;5;0m"), "\x1b[1;33;40m");
        // Colours beyond 16 and truecolor are left alone; so is everything else.
        assert_eq!(t("\x1b[38;5;196m"), "\x1b[38;5;196m");
        assert_eq!(t("\x1b[38;2;1;2;3m"), "\x1b[38;2;1;2;3m");
        assert_eq!(t("\x1b[39m\x1b[2J\x1b[5;10H"), "\x1b[39m\x1b[2J\x1b[5;10H");
        assert_eq!(t("Åse ✓ \x1b[0m"), "Åse ✓ \x1b[0m");
    }

    #[test]
    fn a_sequence_split_over_writes_is_still_translated() {
        let mut w = Ansi16::new(Vec::new());
        for part in ["a\x1b", "[38;", "5;", "2", "mb"] {
            w.write_all(part.as_bytes()).unwrap();
        }
        w.flush().unwrap();
        assert_eq!(w.get_ref().as_slice(), b"a\x1b[32mb");
    }
}
