//! The status bar: mode, store, counts, messages and key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::text::{truncate, visible};
use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, Focus, Narrowing};
use crate::keymap::{self, Mode};

/// The actions hinted at for the focused pane, in order of usefulness.
fn hinted(app: &App) -> &'static [Action] {
    match app.mode {
        Mode::Find | Mode::Search => &[
            Action::PromptAccept,
            Action::PromptCancel,
            Action::PromptHistoryPrevious,
        ],
        Mode::Help => &[Action::ToggleHelp, Action::MoveDown],
        Mode::Normal => match app.focus {
            Focus::Articles => &[
                Action::Open,
                Action::StartFind,
                Action::FocusNext,
                Action::ToggleHelp,
                Action::Quit,
            ],
            Focus::Body => &[
                Action::StartFind,
                Action::NextMatch,
                Action::PageDown,
                Action::FocusNext,
                Action::ToggleHelp,
                Action::Quit,
            ],
            Focus::Entities => &[
                Action::Open,
                Action::NextMatch,
                Action::FilterByOrganisation,
                Action::FocusNext,
                Action::ToggleHelp,
                Action::Quit,
            ],
        },
    }
}

/// "Enter open · / find · ? help", from the key tables.
pub fn hints(app: &App) -> String {
    let table = app.keys.table(app.mode);
    hinted(app)
        .iter()
        .filter_map(|&action| {
            keymap::first_key(table, action).map(|key| format!("{key} {}", action.description()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Draws the bar into its one-line `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut left = vec![Span::styled(format!(" {} ", app.mode.label()), theme.mode)];
    match app.mode {
        Mode::Find | Mode::Search => left.extend(prompt(app, theme)),
        Mode::Normal | Mode::Help => left.extend(store(app, theme)),
    }
    if let Some(message) = &app.message {
        left.push(Span::raw(" · "));
        left.push(Span::styled(visible(message), theme.warning));
    }
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let room = usize::from(area.width).saturating_sub(used + 2);
    let hints = hints(app);
    let hints = if room >= 12 {
        truncate(&hints, room).into_owned()
    } else {
        String::new()
    };
    let pad = usize::from(area.width).saturating_sub(used + hints.width() + 1);
    left.push(Span::raw(" ".repeat(pad)));
    left.push(Span::raw(hints));
    Paragraph::new(Line::from(left))
        .style(theme.status)
        .render(area, buf);
}

/// At a prompt: what is typed, with a cursor, and what it finds so far.
fn prompt(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    if app.mode == Mode::Find {
        spans.push(Span::raw(format!(" /{}", visible(&app.find.query))));
        spans.push(Span::styled(" ", theme.selected));
        spans.push(Span::raw(format!(" {}", app.find.counter())));
    } else {
        spans.push(Span::raw(format!(" search: {}", visible(&app.prompt))));
        spans.push(Span::styled(" ", theme.selected));
        if app.searcher.is_pending() {
            spans.push(Span::raw(" searching…"));
        } else {
            let results = app.list_len();
            let noun = if results == 1 { "result" } else { "results" };
            spans.push(Span::raw(format!(" {results} {noun}")));
        }
    }
    spans
}

/// Away from a prompt: the store, the view of it, and the work going on.
fn store(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let count = app.store.articles.len();
    let noun = if count == 1 { "article" } else { "articles" };
    spans.push(Span::raw(format!(
        " {} · {count} {noun}",
        visible(&app.store.name)
    )));
    let narrowing = match &app.view.narrowing {
        Some(Narrowing::Organisation(name)) => Some(("filter", name)),
        Some(Narrowing::Search(query)) => Some(("search", query)),
        None => None,
    };
    if let Some((label, text)) = narrowing {
        spans.push(Span::styled(
            format!(" · {label}: {} ({})", visible(text), app.list_len()),
            theme.warning,
        ));
    }
    if let Some(view) = app.view.only.label() {
        spans.push(Span::styled(
            format!(" · {view} ({})", app.list_len()),
            theme.warning,
        ));
    }
    if app.zoomed {
        spans.push(Span::raw(" · zoomed"));
    }
    if !app.index.is_complete() {
        let (done, total) = app.index.progress();
        spans.push(Span::raw(format!(
            " · indexing {}%",
            done * 100 / total.max(1)
        )));
    }
    if let Some((done, total)) = app.searcher.indexing_progress() {
        spans.push(Span::raw(format!(
            " · indexing words {}%",
            done * 100 / total.max(1)
        )));
    }
    let skipped = app.store.skipped();
    if skipped > 0 {
        spans.push(Span::styled(
            format!(" · {skipped} skipped (see newsdesk check)"),
            theme.warning,
        ));
    }
    spans
}
