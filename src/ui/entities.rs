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
use crate::entities::{Kind, Named};

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
    let columns = Columns::new(app, named, usize::from(inner.width));
    let lines: Vec<Line> = rows(named)
        .into_iter()
        .skip(app.entities.offset)
        .take(usize::from(inner.height))
        .map(|row| match row {
            Row::Heading(kind, count) => columns.heading(kind, count, theme),
            Row::Organisation(index) => {
                let selected = index == app.entities.selected && app.focus == Focus::Entities;
                columns.organisation(&named[index], selected, theme)
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// How the rows fill the pane's width. Counts are mentions here, then
/// articles in the store ("+" while the store is still being indexed); a
/// narrow pane shows both as "here/store" to leave room for names.
struct Columns<'a> {
    app: &'a App,
    width: usize,
    narrow: bool,
    /// "+" while the store-wide counts are partial.
    partial: &'static str,
    /// Cells of the widest "here/store" count, in a narrow pane.
    compact_width: usize,
}

impl<'a> Columns<'a> {
    fn new(app: &'a App, named: &[Named], width: usize) -> Self {
        let mut columns = Self {
            app,
            width,
            narrow: width < 30,
            partial: if app.index.is_complete() { "" } else { "+" },
            compact_width: 0,
        };
        if columns.narrow {
            columns.compact_width = named
                .iter()
                .map(|org| columns.compact(org).len())
                .max()
                .unwrap_or(0);
        }
        columns
    }

    /// "here/store" for `org`.
    fn compact(&self, org: &Named) -> String {
        format!(
            "{}/{}{}",
            org.count,
            self.app.index.articles_naming(&org.name),
            self.partial
        )
    }

    /// The heading of a kind, with the labels of the counts where they fit.
    fn heading(&self, kind: Kind, count: usize, theme: &Theme) -> Line<'static> {
        let heading = format!("{} ({count})", kind.plural_title());
        let columns = if self.narrow {
            "here/store"
        } else {
            "here  store"
        };
        let columns = if heading.width() + columns.len() < self.width {
            columns
        } else {
            ""
        };
        let pad = self.width.saturating_sub(heading.width() + columns.len());
        Line::from(vec![
            Span::styled(heading, theme.heading),
            Span::raw(" ".repeat(pad)),
            Span::styled(columns, theme.muted),
        ])
    }

    /// The row of `org`: its name in the style of its kind, then its counts.
    fn organisation(&self, org: &Named, selected: bool, theme: &Theme) -> Line<'static> {
        let counts = if self.narrow {
            format!(" {:>width$}", self.compact(org), width = self.compact_width)
        } else {
            let store = format!(
                "{}{}",
                self.app.index.articles_naming(&org.name),
                self.partial
            );
            format!(" {:>3} {store:>6}", org.count)
        };
        let name_width = self.width.saturating_sub(counts.width() + 1);
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(fit(&visible(&org.name), name_width), theme.kind(org.kind)),
            Span::styled(counts, theme.muted),
        ]);
        if selected {
            line.patch_style(theme.selected)
        } else {
            line
        }
    }
}
