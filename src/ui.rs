//! Drawing the reader: a pure function of [`App`] and a [`Theme`].
//!
//! Where the panes go is [`crate::layout`]'s to say; `update` uses it for
//! paging and mouse hits, rendering uses it to draw. The theme is the
//! screen's, not the reader's state: [`Screen`] brings the two together for
//! one frame, so that the state knows nothing of colours and the screen
//! changes nothing of the state.

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
use theme::Theme;

/// A pane's frame: thick and highlighted when focused.
pub fn pane_block<'a>(app: &App, theme: &Theme, pane: Focus, title: &'a str) -> Block<'a> {
    let focused = app.focus == pane && app.mode != Mode::Help;
    let (style, border_type, marker) = if focused {
        (theme.focused_border, BorderType::Thick, "▶ ")
    } else {
        (theme.border, BorderType::Plain, "")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(style)
        .title(format!(" {marker}{title} "))
}

/// The reader's screen for one frame: the state of `app` drawn in
/// `theme`.
#[derive(Debug, Clone, Copy)]
pub struct Screen<'a> {
    /// What is drawn.
    pub app: &'a App,
    /// The styles it is drawn in.
    pub theme: &'a Theme,
}

impl<'a> Screen<'a> {
    /// The screen of `app` in `theme`.
    pub fn new(app: &'a App, theme: &'a Theme) -> Self {
        Self { app, theme }
    }
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Self { app, theme } = self;
        let Some(panes) = app.panes_in(area) else {
            let message = format!(
                "Terminal too small: {}×{} (needs {MIN_WIDTH}×{MIN_HEIGHT})",
                area.width, area.height
            );
            Paragraph::new(text::truncate(&message, usize::from(area.width)).into_owned())
                .render(area, buf);
            return;
        };
        if !panes.articles.is_empty() {
            article_list::render(app, theme, &panes, buf);
        }
        if !panes.body.is_empty() {
            body::render(app, theme, panes.body, buf);
        }
        if !panes.entities.is_empty() {
            entities::render(app, theme, panes.entities, buf);
        }
        status_bar::render(app, theme, panes.status, buf);
        if app.mode == Mode::Help {
            // Above the status bar, which says how to close it.
            let above = Rect {
                height: panes.status.y.saturating_sub(area.y),
                ..area
            };
            help::render(app, theme, above, buf);
        }
    }
}
