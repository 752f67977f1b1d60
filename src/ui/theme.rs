//! Every style the reader draws with, in colour and without.
//!
//! Each style also reads without colour: agencies are bold, outlets
//! underlined, matches reversed, the current match reversed and bold.
//! [`Theme::from_env`] honours `NO_COLOR` (<https://no-color.org>).

use ratatui::style::{Color, Modifier, Style};

/// The styles of one look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Mentions of agencies.
    pub agency: Style,
    /// Mentions of outlets.
    pub outlet: Style,
    /// Find matches.
    pub find_match: Style,
    /// The current find match.
    pub current_match: Style,
    /// The selected row of a focused list.
    pub selected: Style,
    /// The selected row of a list without focus.
    pub selected_unfocused: Style,
    /// The border of the focused pane.
    pub focused_border: Style,
    /// Borders of other panes.
    pub border: Style,
    /// The article's headline.
    pub title: Style,
    /// Byline, URL, dates and other secondary text.
    pub muted: Style,
    /// Group headings in the entities pane.
    pub heading: Style,
    /// The status bar.
    pub status: Style,
    /// The mode badge in the status bar.
    pub mode: Style,
    /// Messages that report a problem.
    pub warning: Style,
    /// Stand-ins for characters of an article that are not shown as they
    /// are (controls, bidirectional controls, zero-width characters).
    pub stand_in: Style,
    /// The title of an article not read yet, in the list.
    pub unread: Style,
    /// The star of a starred article, in the list.
    pub star: Style,
}

const BOLD: Modifier = Modifier::BOLD;
const UNDERLINED: Modifier = Modifier::UNDERLINED;
const REVERSED: Modifier = Modifier::REVERSED;

/// The default look.
pub const COLOUR: Theme = Theme {
    agency: Style::new().fg(Color::LightCyan).add_modifier(BOLD),
    outlet: Style::new()
        .fg(Color::LightMagenta)
        .add_modifier(UNDERLINED),
    find_match: Style::new().fg(Color::Black).bg(Color::Yellow),
    current_match: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(BOLD),
    selected: Style::new().add_modifier(REVERSED),
    selected_unfocused: Style::new().add_modifier(UNDERLINED),
    focused_border: Style::new().fg(Color::LightYellow).add_modifier(BOLD),
    border: Style::new().fg(Color::DarkGray),
    title: Style::new().add_modifier(BOLD),
    muted: Style::new().fg(Color::Gray),
    heading: Style::new().add_modifier(BOLD),
    status: Style::new().bg(Color::DarkGray).fg(Color::White),
    mode: Style::new()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(BOLD),
    warning: Style::new().fg(Color::LightRed).add_modifier(BOLD),
    stand_in: Style::new().fg(Color::LightRed).add_modifier(Modifier::DIM),
    unread: Style::new().add_modifier(BOLD),
    star: Style::new().fg(Color::Yellow),
};

/// The look without colour, for `NO_COLOR`.
pub const MONOCHROME: Theme = Theme {
    agency: Style::new().add_modifier(BOLD),
    outlet: Style::new().add_modifier(UNDERLINED),
    find_match: Style::new().add_modifier(REVERSED),
    // Underlined too, so the current match stands apart even on a bold agency.
    current_match: Style::new().add_modifier(REVERSED.union(BOLD).union(UNDERLINED)),
    selected: Style::new().add_modifier(REVERSED),
    selected_unfocused: Style::new().add_modifier(UNDERLINED),
    focused_border: Style::new().add_modifier(BOLD),
    border: Style::new(),
    title: Style::new().add_modifier(BOLD),
    muted: Style::new(),
    heading: Style::new().add_modifier(BOLD),
    status: Style::new().add_modifier(REVERSED),
    mode: Style::new().add_modifier(BOLD),
    warning: Style::new().add_modifier(BOLD),
    stand_in: Style::new().add_modifier(Modifier::DIM),
    unread: Style::new().add_modifier(BOLD),
    star: Style::new(),
};

impl Theme {
    /// [`MONOCHROME`] when `NO_COLOR` is set to anything but the empty string,
    /// else [`COLOUR`].
    pub fn from_env() -> Self {
        Self::for_no_color(std::env::var_os("NO_COLOR").as_deref())
    }

    /// The theme for a given value of `NO_COLOR`.
    pub fn for_no_color(value: Option<&std::ffi::OsStr>) -> Self {
        match value {
            Some(v) if !v.is_empty() => MONOCHROME,
            _ => COLOUR,
        }
    }

    /// This theme with the colours the settings give: mentions of
    /// agencies and outlets, matches, the selection and borders. The text
    /// attributes that make them readable without colour stay.
    #[must_use]
    pub fn with_colors(mut self, colors: &crate::config::Colors) -> Self {
        if let Some(color) = colors.agency {
            self.agency = self.agency.fg(color);
        }
        if let Some(color) = colors.outlet {
            self.outlet = self.outlet.fg(color);
        }
        if let Some(color) = colors.matched {
            self.find_match = self.find_match.bg(color);
            self.current_match = self.current_match.fg(color);
        }
        if let Some(color) = colors.selection {
            self.selected = Style::new().bg(color);
        }
        if let Some(color) = colors.border {
            self.border = self.border.fg(color);
            self.focused_border = self.focused_border.fg(color);
        }
        self
    }

    /// The style of a mention of `kind`.
    pub fn kind(&self, kind: crate::entities::Kind) -> Style {
        match kind {
            crate::entities::Kind::Agency => self.agency,
            crate::entities::Kind::Outlet => self.outlet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn no_color_set_means_monochrome() {
        assert_eq!(Theme::for_no_color(Some(OsStr::new("1"))), MONOCHROME);
        assert_eq!(Theme::for_no_color(Some(OsStr::new(""))), COLOUR);
        assert_eq!(Theme::for_no_color(None), COLOUR);
    }

    #[test]
    fn monochrome_uses_no_colour_and_keeps_kinds_apart() {
        let styles = [
            MONOCHROME.agency,
            MONOCHROME.outlet,
            MONOCHROME.find_match,
            MONOCHROME.current_match,
        ];
        for style in styles {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        for theme in [COLOUR, MONOCHROME] {
            assert_ne!(theme.agency.add_modifier, theme.outlet.add_modifier);
            assert_ne!(theme.find_match, theme.current_match);
        }
    }

    #[test]
    fn colours_from_the_settings_keep_the_attributes() {
        let colors = crate::config::Colors {
            agency: Some(Color::Indexed(33)),
            matched: Some(Color::Rgb(255, 204, 0)),
            selection: Some(Color::Blue),
            ..crate::config::Colors::default()
        };
        let theme = COLOUR.with_colors(&colors);
        assert_eq!(theme.agency.fg, Some(Color::Indexed(33)));
        assert!(theme.agency.add_modifier.contains(BOLD), "still bold");
        assert_eq!(theme.outlet, COLOUR.outlet, "left as it was");
        assert_eq!(theme.find_match.bg, Some(Color::Rgb(255, 204, 0)));
        assert_eq!(theme.selected.bg, Some(Color::Blue));
    }
}
