//! The article list: per article its marks (open, starred), day, source
//! and title; unread titles in bold. A wide pane gives each article one
//! line; a narrow one (side by side with the article) two: the title on
//! the first, day and source on the second, so that titles have room.
//!
//! Only the rows inside the window are built, so a frame costs the same for
//! ten articles as for a hundred thousand.

use std::fmt::Write as _;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text::{fit, visible};
use super::theme::Theme;
use crate::app::{App, Focus, Narrowing};
use crate::layout::Panes;
use crate::store::Article;

/// Cells of the marks before each title: open, starred, a space.
const MARKS: usize = 3;

/// Draws the list into its pane (border included).
pub fn render(app: &App, theme: &Theme, panes: &Panes, buf: &mut Buffer) {
    let area = panes.articles;
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
    let title = format!("{title} · {} unread", app.unread());
    let block = super::pane_block(app, theme, Focus::Articles, &title)
        .title_bottom(Line::from(position).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if total == 0 {
        empty(app, theme, inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let two_lines = panes.lines_per_article() == 2;
    let opened = app.reading.as_ref().map(|r| r.index);
    let shown = panes.articles_shown();
    let lines: Vec<Line> = (app.list.offset..total.min(app.list.offset + shown))
        .filter_map(|row| Some((row, app.view.article_at(row, app.store.articles.len())?)))
        .filter_map(|(row, index)| Some((row, index, app.store.articles.get(index)?)))
        .flat_map(|(row, index, article)| {
            let marks = Marks {
                opened: opened == Some(index),
                starred: app.is_starred(index),
                unread: !app.is_read(index),
                hits: app.view.hits_at(row),
            };
            let lines = if two_lines {
                two_line_row(article, width, &marks, theme)
            } else {
                vec![one_line_row(article, width, &marks, theme)]
            };
            let selected = (row == app.list.selected).then(|| {
                if app.focus == Focus::Articles {
                    theme.selected
                } else {
                    theme.selected_unfocused
                }
            });
            lines.into_iter().map(move |line| match selected {
                Some(style) => line.patch_style(style),
                None => line,
            })
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// What the list says when it has no row.
fn empty(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer) {
    let note = match (&app.view.narrowing, app.view.only.label()) {
        (Some(Narrowing::Organisation(_)), _) => {
            "No article indexed so far names it. Esc shows every article."
        }
        (Some(Narrowing::Search(_)), _) => "No article matches. Esc shows every article.",
        (None, Some(_)) => "No article in this view.",
        (None, None) => "This store has no articles.",
    };
    Paragraph::new(Span::styled(note, theme.muted))
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(inner, buf);
}

/// What a row shows besides the article itself.
struct Marks {
    opened: bool,
    starred: bool,
    unread: bool,
    hits: Option<usize>,
}

impl Marks {
    /// The marks before the title: `●` open, `★` starred.
    fn spans(&self, theme: &Theme) -> [Span<'static>; 3] {
        [
            Span::raw(if self.opened { "●" } else { " " }),
            Span::styled(if self.starred { "★" } else { " " }, theme.star),
            Span::raw(" "),
        ]
    }

    fn title_style(&self, theme: &Theme) -> Style {
        if self.unread {
            theme.unread
        } else {
            Style::default()
        }
    }
}

/// The title as the list shows it, in `width` cells.
fn title_in(article: &Article, width: usize) -> String {
    let title = visible(&article.title);
    if title.trim().is_empty() {
        "(untitled)".to_owned()
    } else {
        fit(&title, width)
    }
}

/// One line, exactly `width` cells wide: marks, hits (for search results),
/// day, source, title.
fn one_line_row<'a>(article: &'a Article, width: usize, marks: &Marks, theme: &Theme) -> Line<'a> {
    let source_width = if width >= 70 { 16 } else { 10 };
    let date = article.published.as_ref().map_or("", |p| p.day());
    let hits = marks.hits.map(|h| format!("{h:>3}× "));
    let fixed = MARKS + hits.as_ref().map_or(0, String::len) + 10 + 1 + source_width + 1;
    let title_width = width.saturating_sub(fixed);
    let source = visible(article.source.as_deref().unwrap_or(""));
    let mut spans = marks.spans(theme).to_vec();
    if let Some(hits) = hits {
        spans.push(Span::styled(hits, theme.heading));
    }
    spans.extend([
        Span::styled(fit(date, 10), theme.muted),
        Span::raw(" "),
        Span::styled(fit(&source, source_width), theme.muted),
        Span::raw(" "),
        Span::styled(title_in(article, title_width), marks.title_style(theme)),
    ]);
    Line::from(spans)
}

/// Two lines, each exactly `width` cells wide: marks and the title, then
/// the day, the source and the hits (for search results).
fn two_line_row<'a>(
    article: &'a Article,
    width: usize,
    marks: &Marks,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let title_width = width.saturating_sub(MARKS);
    let mut first = marks.spans(theme).to_vec();
    first.push(Span::styled(
        title_in(article, title_width),
        marks.title_style(theme),
    ));
    let date = article.published.as_ref().map_or("", |p| p.day());
    let source = visible(article.source.as_deref().unwrap_or(""));
    let mut about = [date, &source]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    if let Some(hits) = marks.hits {
        let _ = write!(about, " · {hits} hit{}", if hits == 1 { "" } else { "s" });
    }
    let about_width = width.saturating_sub(MARKS);
    let second = vec![
        Span::raw(" ".repeat(MARKS)),
        Span::styled(fit(&about, about_width), theme.muted),
    ];
    vec![Line::from(first), Line::from(second)]
}
