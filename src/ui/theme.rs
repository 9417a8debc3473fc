//! Colours and glyphs. Every flag has a colour *and* a symbol, so it reads on a monochrome
//! or 8-colour console and for colour-blind viewers. Only named ANSI colours are used.

use crate::config::{ColorMode, Config};
use crate::domain::Level;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// The resolved look for one frame.
pub struct Theme {
    color: bool,
    ascii: bool,
}

impl Theme {
    /// The theme the config asks for.
    pub fn new(config: &Config) -> Self {
        Self {
            color: config.theme.colors == ColorMode::Ansi,
            ascii: config.theme.symbols.is_ascii(),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The symbol for a flag level.
    pub fn symbol(&self, level: Level) -> &'static str {
        match (level, self.ascii) {
            (Level::Done, false) => "✓",
            (Level::Ok, false) => "○",
            (Level::DueSoon, false) => "!",
            (Level::Overdue, false) => "✗",
            (Level::Done, true) => "+",
            (Level::Ok, true) => "o",
            (Level::DueSoon, true) => "!",
            (Level::Overdue, true) => "X",
        }
    }

    /// Style of text carrying a flag level.
    pub fn level(&self, level: Level) -> Style {
        match level {
            Level::Done => self.fg(Color::Green),
            Level::Ok => Style::new(),
            Level::DueSoon => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Level::Overdue => {
                let s = self.fg(Color::Red).add_modifier(Modifier::BOLD);
                if self.color {
                    s
                } else {
                    s.add_modifier(Modifier::REVERSED)
                }
            }
        }
    }

    /// Marker for "a delay reason is recorded".
    pub fn delay_mark(&self) -> &'static str {
        if self.ascii { "(i)" } else { "ⓘ" }
    }

    /// True when only ASCII symbols may be drawn.
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// Marker for "not discussed at a stand-up for a while".
    pub fn undiscussed_mark(&self) -> &'static str {
        if self.ascii { "*" } else { "◌" }
    }

    /// A person in hospital: reversed and bold (magenta where there is colour, a colour no
    /// deadline uses), so it reads from across the room and never as a red deadline.
    pub fn badge(&self) -> Style {
        self.fg(Color::Magenta)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::REVERSED)
    }

    /// Marker for a stay with events since it was last discussed at a stand-up. Not `+` in
    /// ASCII: that is the done tick, and a console legend would give one glyph two meanings.
    pub fn event_mark(&self) -> &'static str {
        if self.ascii { "#" } else { "◆" }
    }

    /// Marker for a fagmøte measure whose evaluation is due (coloured by how late).
    pub fn measure_mark(&self) -> &'static str {
        "T"
    }

    /// Marker for a case on the next fagmøte: a letter, like the measures' `T` (the
    /// diamond is the events' mark).
    pub fn case_mark(&self) -> &'static str {
        "F"
    }

    /// Cyan, without the titles' underline: a mark that is information, not a warning.
    pub fn titles_plain(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Marker for colliding initials.
    pub fn collide_mark(&self) -> &'static str {
        if self.ascii { "=" } else { "≈" }
    }

    /// Progress bar glyphs: (filled, empty).
    pub fn bar(&self) -> (char, char) {
        if self.ascii {
            ('#', '-')
        } else {
            ('█', '░')
        }
    }

    /// Border set for panels.
    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::ROUNDED
        }
    }

    /// Column separator.
    pub fn sep(&self) -> &'static str {
        if self.ascii { "|" } else { "│" }
    }

    /// Header bar.
    pub fn header(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            s.fg(Color::Black).bg(Color::Cyan)
        } else {
            s.add_modifier(Modifier::REVERSED)
        }
    }
    /// Column titles.
    pub fn titles(&self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    /// The selected row.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    /// Secondary text.
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new()
        }
    }
    /// Stale rows and markers.
    pub fn stale(&self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }
    /// A warning text.
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    /// The error banner.
    pub fn banner(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            s.fg(Color::White).bg(Color::Red)
        } else {
            s.add_modifier(Modifier::REVERSED)
        }
    }
    /// Names and other emphasised text.
    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The bordered, titled box every pane and popup uses.
    pub fn framed(&self, title: impl Into<String>) -> ratatui::widgets::Block<'static> {
        ratatui::widgets::Block::default()
            .borders(ratatui::widgets::Borders::ALL)
            .border_set(self.border())
            .title(ratatui::text::Span::styled(title.into(), self.strong()))
    }
}
