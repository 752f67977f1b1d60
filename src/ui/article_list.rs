//! The article list: date, source and title per row.
//!
//! Only the rows inside the window are built, so a frame costs the same for
//! ten articles as for a hundred thousand.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text::{fit, truncate, visible};
use crate::app::{App, Focus};
use crate::store::Article;

/// Draws the list into `area` (border included).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let total = app.list_len();
    let position = if total == 0 {
        " 0/0 ".to_owned()
    } else {
        format!(" {}/{total} ", app.list.selected + 1)
    };
    let title = match &app.view.filter {
        Some(name) => format!("Articles naming {}", visible(name)),
        None => "Articles".to_owned(),
    };
    let block = super::pane_block(app, Focus::Articles, &title)
        .title_bottom(Line::from(position).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if total == 0 {
        let note = if app.view.filter.is_some() {
            "No article indexed so far names it. Esc shows every article."
        } else {
            "This store has no articles."
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
            let index = app.view.article_at(row_index);
            Some((row_index, index, app.store.articles.get(index)?))
        })
        .map(|(row_index, index, article)| {
            let mut line = row(article, width, opened == Some(index), app);
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

/// One row, exactly `width` cells wide: opened marker, date, source, title.
fn row<'a>(article: &'a Article, width: usize, opened: bool, app: &App) -> Line<'a> {
    let source_width = if width >= 70 { 16 } else { 10 };
    let date = article.published.as_ref().map_or("", |p| p.day());
    let marker = if opened { "● " } else { "  " };
    let fixed = 2 + 10 + 1 + source_width + 1;
    let title_width = width.saturating_sub(fixed);
    let source = visible(article.source.as_deref().unwrap_or(""));
    let title = visible(&article.title);
    let title = if title.trim().is_empty() {
        "(untitled)".into()
    } else {
        truncate(&title, title_width).into_owned()
    };
    Line::from(vec![
        Span::raw(marker),
        Span::styled(fit(date, 10), app.theme.muted),
        Span::raw(" "),
        Span::styled(fit(&source, source_width), app.theme.muted),
        Span::raw(" "),
        Span::raw(fit(&title, title_width)),
    ])
}
