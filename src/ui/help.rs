//! The key help overlay, generated from the key tables themselves.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget};

use super::text::fit;
use super::theme::Theme;
use crate::app::App;
use crate::keymap::{self, Binding, Keymap, Mode};

/// The help's lines: a section per mode, a row per action with its keys
/// as bound, what it does, and the name `config.toml` binds it by.
pub fn lines(theme: &Theme, keys: &Keymap) -> Vec<Line<'static>> {
    let section = |title: &'static str, table: &[Binding]| {
        std::iter::once(Line::styled(title, theme.heading))
            .chain(keymap::grouped(table).into_iter().map(|(keys, action)| {
                Line::from(vec![
                    Span::raw(format!("  {}", fit(&keys, 16))),
                    Span::raw(format!("{} ", fit(action.description(), 27))),
                    Span::styled(action.name().unwrap_or_default(), theme.muted),
                ])
            }))
            .chain(std::iter::once(Line::default()))
            .collect::<Vec<_>>()
    };
    let mut lines = section("Reading", keys.table(Mode::Normal));
    lines.extend(section(
        "Find prompt (any other key types)",
        keys.table(Mode::Find),
    ));
    lines.push(Line::styled(
        "Mouse: the wheel scrolls the pane under the pointer; a click selects.",
        theme.muted,
    ));
    lines
}

/// Draws the overlay centred in `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lines = lines(theme, &app.keys);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = area.centered(Constraint::Max(72), Constraint::Max(height));
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let scroll = app
        .help_scroll
        .min(lines.len().saturating_sub(inner_height));
    Clear.render(popup, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.focused_border)
        .title(" Keys ")
        .title_bottom(Line::from(" Esc or ? to close · j/k scroll ").right_aligned());
    Paragraph::new(lines.into_iter().skip(scroll).collect::<Vec<_>>())
        .block(block)
        .render(popup, buf);
}
