//! The article list: date, source and title per row.
//!
//! Only the rows inside the window are built, so a frame costs the same for
//! ten articles as for a hundred thousand.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text::{fit, truncate, visible};
use crate::app::{App, Focus, Narrowing};
use crate::store::Article;

/// Draws the list into `area` (border included).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let total = app.list_len();
    let position = if total == 0 {
        " 0/0 ".to_owned()
    } else {
        format!(" {}/{total} ", app.list.selected + 1)
    };
    let title = match &app.view.narrowing {
        Some(Narrowing::Organisation(name)) => format!("Articles naming {}", visible(name)),
        Some(Narrowing::Search(query)) => format!("Search: {}", visible(query)),
        None => "Articles".to_owned(),
    };
    let block = super::pane_block(app, Focus::Articles, &title)
        .title_bottom(Line::from(position).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if total == 0 {
        let note = match &app.view.narrowing {
            Some(Narrowing::Organisation(_)) => {
                "No article indexed so far names it. Esc shows every article."
            }
            Some(Narrowing::Search(_)) => "No article matches. Esc shows every article.",
            None => "This store has no articles.",
        };
        Paragraph::new(Span::styled(note, app.theme.muted))
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let opened = app.reading.as_ref().map(|r| r.index);
    let rows = usize::from(inner.height);
    let lines: Vec<Line> = (app.list.offset..total.min(app.list.offset + rows))
        .filter_map(|row_index| {
            let index = app.view.article_at(row_index)?;
            Some((row_index, index, app.store.articles.get(index)?))
        })
        .map(|(row_index, index, article)| {
            let hits = app.view.hits_at(row_index);
            let mut line = row(article, width, opened == Some(index), hits, app);
            if row_index == app.list.selected {
                let style = if app.focus == Focus::Articles {
                    app.theme.selected
                } else {
                    app.theme.selected_unfocused
                };
                line = line.patch_style(style);
            }
            line
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// One row, exactly `width` cells wide: opened marker, hits (for search
/// results), date, source, title.
fn row<'a>(
    article: &'a Article,
    width: usize,
    opened: bool,
    hits: Option<usize>,
    app: &App,
) -> Line<'a> {
    let source_width = if width >= 70 { 16 } else { 10 };
    let date = article.published.as_ref().map_or("", |p| p.day());
    let marker = if opened { "● " } else { "  " };
    let hits = hits.map(|h| format!("{h:>3}× "));
    let fixed = 2 + hits.as_ref().map_or(0, String::len) + 10 + 1 + source_width + 1;
    let title_width = width.saturating_sub(fixed);
    let source = visible(article.source.as_deref().unwrap_or(""));
    let title = visible(&article.title);
    let title = if title.trim().is_empty() {
        "(untitled)".into()
    } else {
        truncate(&title, title_width).into_owned()
    };
    let mut spans = vec![Span::raw(marker)];
    if let Some(hits) = hits {
        spans.push(Span::styled(hits, app.theme.heading));
    }
    spans.extend([
        Span::styled(fit(date, 10), app.theme.muted),
        Span::raw(" "),
        Span::styled(fit(&source, source_width), app.theme.muted),
        Span::raw(" "),
        Span::raw(fit(&title, title_width)),
    ]);
    Line::from(spans)
}
