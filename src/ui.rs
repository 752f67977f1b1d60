//! Drawing the reader: a pure function of [`App`].
//!
//! [`layout`] is the one place that knows where the panes go; `update` uses
//! it for paging and mouse hits, rendering uses it to draw.

pub mod article_list;
pub mod body;
pub mod entities;
pub mod help;
pub mod status_bar;
pub use crate::text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

use crate::app::{App, Focus};
use crate::keymap::Mode;

/// The smallest terminal the reader draws in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height the reader draws in.
pub const MIN_HEIGHT: u16 = 15;
/// From this width on the three panes stand side by side.
pub const WIDE: u16 = 110;

/// Where each pane goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The article list, with its border.
    pub articles: Rect,
    /// The article body, with its border.
    pub body: Rect,
    /// The agencies and outlets, with its border.
    pub entities: Rect,
    /// The status bar (one line).
    pub status: Rect,
}

/// The panes for a terminal of `area`, or `None` if it is too small.
///
/// Wide terminals get three columns; narrower ones put the list on top and
/// the body beside the entities below it.
pub fn layout(area: Rect) -> Option<Panes> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let (articles, body, entities) = if area.width >= WIDE {
        let [articles, body, entities] = Layout::horizontal([
            Constraint::Percentage(33),
            Constraint::Fill(1),
            Constraint::Length(34),
        ])
        .areas(main);
        (articles, body, entities)
    } else {
        let [articles, lower] =
            Layout::vertical([Constraint::Percentage(36), Constraint::Fill(1)]).areas(main);
        let [body, entities] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(26)]).areas(lower);
        (articles, body, entities)
    };
    Some(Panes {
        articles,
        body,
        entities,
        status,
    })
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    rect.inner(Margin::new(1, 1))
}

/// A pane's frame: thick and highlighted when focused.
pub fn pane_block<'a>(app: &App, pane: Focus, title: &'a str) -> Block<'a> {
    let focused = app.focus == pane && app.mode != Mode::Help;
    let (style, border_type, marker) = if focused {
        (app.theme.focused_border, BorderType::Thick, "▶ ")
    } else {
        (app.theme.border, BorderType::Plain, "")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(style)
        .title(format!(" {marker}{title} "))
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(panes) = layout(area) else {
            let message = format!(
                "Terminal too small: {}×{} (needs {MIN_WIDTH}×{MIN_HEIGHT})",
                area.width, area.height
            );
            Paragraph::new(text::truncate(&message, usize::from(area.width)).into_owned())
                .render(area, buf);
            return;
        };
        article_list::render(self, panes.articles, buf);
        body::render(self, panes.body, buf);
        entities::render(self, panes.entities, buf);
        status_bar::render(self, panes.status, buf);
        if self.mode == Mode::Help {
            // Above the status bar, which says how to close it.
            let above = Rect {
                height: panes.status.y.saturating_sub(area.y),
                ..area
            };
            help::render(self, above, buf);
        }
    }
}
