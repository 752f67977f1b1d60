//! The agencies-and-outlets pane: the organisations named in the opened
//! article, grouped by kind, each with its mention count, in the style of
//! its highlights.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use unicode_width::UnicodeWidthStr;

use super::text::{fit, visible};
use super::theme::Theme;
use crate::app::organisations::{Row, rows};
use crate::app::{App, Focus};
use crate::entities::Named;

/// Draws the pane into `area` (border included).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let named = app.reading.as_ref().map_or(&[][..], |r| &r.named);
    let block = super::pane_block(app, theme, Focus::Entities, "Agencies & outlets");
    let inner = block.inner(area);
    block.render(area, buf);
    if named.is_empty() {
        let note = if app.reading.is_some() {
            "No agency or outlet named."
        } else {
            ""
        };
        Paragraph::new(Span::styled(note, theme.muted))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    // A narrow pane shows both counts as "here/store" to leave room for names.
    let partial = if app.index.is_complete() { "" } else { "+" };
    let narrow = width < 30;
    let compact = |org: &Named| {
        format!(
            "{}/{}{partial}",
            org.count,
            app.index.articles_naming(&org.name)
        )
    };
    let compact_width = if narrow {
        named
            .iter()
            .map(|org| compact(org).len())
            .max()
            .unwrap_or(0)
    } else {
        0
    };
    // Counts: mentions here, then articles in the store ("+" while the
    // store is still being indexed).
    let lines: Vec<Line> = rows(named)
        .into_iter()
        .skip(app.entities.offset)
        .take(usize::from(inner.height))
        .map(|row| match row {
            Row::Heading(kind, count) => {
                let heading = format!("{} ({count})", kind.plural_title());
                let columns = if narrow { "here/store" } else { "here  store" };
                // Column labels only where they fit beside the heading.
                let columns = if heading.width() + columns.len() < width {
                    columns
                } else {
                    ""
                };
                let pad = width.saturating_sub(heading.width() + columns.len());
                Line::from(vec![
                    Span::styled(heading, theme.heading),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(columns, theme.muted),
                ])
            }
            Row::Organisation(index) => {
                let org = &named[index];
                let counts = if narrow {
                    format!(" {:>compact_width$}", compact(org))
                } else {
                    let store = format!("{}{partial}", app.index.articles_naming(&org.name));
                    format!(" {:>3} {store:>6}", org.count)
                };
                let name_width = width.saturating_sub(counts.width() + 1);
                let mut line = Line::from(vec![
                    Span::raw(" "),
                    Span::styled(fit(&visible(&org.name), name_width), theme.kind(org.kind)),
                    Span::styled(counts, theme.muted),
                ]);
                if index == app.entities.selected && app.focus == Focus::Entities {
                    line = line.patch_style(theme.selected);
                }
                line
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
