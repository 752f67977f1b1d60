//! Drawing the reader: a pure function of [`App`].
//!
//! Where the panes go is [`crate::layout`]'s to say; `update` uses it for
//! paging and mouse hits, rendering uses it to draw.

pub mod article_list;
pub mod body;
pub mod entities;
pub mod help;
pub mod status_bar;
pub use crate::text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

use crate::app::{App, Focus};
use crate::keymap::Mode;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH};

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
        let Some(panes) = self.panes_in(area) else {
            let message = format!(
                "Terminal too small: {}×{} (needs {MIN_WIDTH}×{MIN_HEIGHT})",
                area.width, area.height
            );
            Paragraph::new(text::truncate(&message, usize::from(area.width)).into_owned())
                .render(area, buf);
            return;
        };
        if !panes.articles.is_empty() {
            article_list::render(self, &panes, buf);
        }
        if !panes.body.is_empty() {
            body::render(self, panes.body, buf);
        }
        if !panes.entities.is_empty() {
            entities::render(self, panes.entities, buf);
        }
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
