//! The body pane: the opened article, wrapped, with mentions and find
//! matches laid over the visible lines.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::text::{self, visible};
use super::theme::Theme;
use crate::app::{App, Focus, Reading};
use crate::document::Part;
use crate::entities::Kind;
use crate::highlight::{Layer, overlay};
use crate::scroll;

/// Draws the opened article into `area` (border included).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut block = super::pane_block(app, theme, Focus::Body, "Article");
    let Some(reading) = &app.reading else {
        let inner = block.inner(area);
        block.render(area, buf);
        Paragraph::new(Span::styled("No article open.", theme.muted)).render(inner, buf);
        return;
    };
    let height = usize::from(crate::layout::inner(area).height);
    let total = reading.document.lines.len();
    let position = scroll::Position::of(reading.scroll, height, total);
    block = block.title_bottom(Line::from(format!(" {position} ")).right_aligned());
    if app.find.is_active() {
        let prompt = if app.find.organisation.is_some() {
            ""
        } else {
            "/"
        };
        let found = format!(
            " {prompt}{} {} ",
            visible(app.find.label()),
            app.find.counter()
        );
        block = block.title_top(Line::from(found).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);

    let lines = visible_lines(app, theme, reading, height);
    Paragraph::new(lines).render(inner, buf);

    if total > height {
        let mut state = ScrollbarState::new(scroll::max_offset(total, height) + 1)
            .position(reading.scroll)
            .viewport_content_length(height);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(area.inner(Margin::new(0, 1)), buf, &mut state);
    }
}

/// The styled lines inside the window.
fn visible_lines<'a>(
    app: &'a App,
    theme: &Theme,
    reading: &'a Reading,
    height: usize,
) -> Vec<Line<'a>> {
    let Some(article) = app.store.articles.get(reading.index) else {
        return Vec::new();
    };
    let by_kind = |kind| -> Vec<Range<usize>> {
        reading
            .mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.range.clone())
            .collect()
    };
    let agencies = by_kind(Kind::Agency);
    let outlets = by_kind(Kind::Outlet);
    let current: Vec<Range<usize>> = app.find.current_match().into_iter().collect();
    let layers = [
        Layer {
            ranges: &agencies,
            style: theme.agency,
        },
        Layer {
            ranges: &outlets,
            style: theme.outlet,
        },
        Layer {
            ranges: &app.find.matches,
            style: theme.find_match,
        },
        Layer {
            ranges: &current,
            style: theme.current_match,
        },
    ];
    let document = &reading.document;
    let stand_in = theme.stand_in;
    document
        .lines
        .iter()
        .skip(reading.scroll)
        .take(height)
        .map(|line| {
            let whole = document.whole(article, &reading.text, line.part);
            match line.part {
                Part::Title => shown_line(whole, line.range.clone(), theme.title, &[], stand_in),
                Part::Byline | Part::Url | Part::NoText => {
                    shown_line(whole, line.range.clone(), theme.muted, &[], stand_in)
                }
                Part::Gap => Line::default(),
                Part::Body => shown_line(
                    whole,
                    line.range.clone(),
                    Style::default(),
                    &layers,
                    stand_in,
                ),
            }
        })
        .collect()
}

/// The line of `text` at `range` as it is shown: unit by unit
/// ([`text::units_in`]), stand-ins in their own style, tabs as spaces to
/// their stop, each unit styled by the layers covering its first byte.
fn shown_line<'a>(
    text: &'a str,
    range: Range<usize>,
    base: Style,
    layers: &[Layer<'_, Style>],
    stand_in: Style,
) -> Line<'a> {
    let segments = overlay(range.clone(), base, layers, Style::patch);
    let mut spans: Vec<Span<'a>> = Vec::new();
    // A run of units shown as they are, not yet made a span.
    let mut run: Option<(usize, Style)> = None;
    let mut segment = 0;
    let mut column = 0;
    for (at, unit) in text::units_in(text, range.clone()) {
        while segments.get(segment).is_some_and(|(r, _)| r.end <= at) {
            segment += 1;
        }
        let style = segments.get(segment).map_or(base, |(_, style)| *style);
        let shown = text::shown(unit, column);
        column += shown.width();
        if let Some((start, run_style)) = run
            && (run_style != style || !matches!(shown, text::Shown::Text(_)))
        {
            spans.push(Span::styled(&text[start..at], run_style));
            run = None;
        }
        match shown {
            text::Shown::Text(_) => {
                run.get_or_insert((at, style));
            }
            text::Shown::StandIn(shown_text) => {
                // Over a highlight only dimmed, so the highlight's colours
                // (a current match's, a mention's) still read.
                let look = if style == base {
                    style.patch(stand_in)
                } else {
                    style.add_modifier(stand_in.add_modifier)
                };
                spans.push(Span::styled(shown_text.into_owned(), look));
            }
            text::Shown::Spaces(n) => spans.push(Span::styled(" ".repeat(n), style)),
        }
    }
    if let Some((start, style)) = run {
        spans.push(Span::styled(&text[start..range.end], style));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::style::Color;

    proptest! {
        #[test]
        fn highlights_cover_exactly_their_units(
            text in "(\\PC|\\p{Cc}|\\p{Cf}|\\p{M}|[ \t]|👩\u{200d}💻|\u{1b}\\[2J){0,60}",
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let text = text.replace(['\n', '\r'], " ");
            let bounds: Vec<usize> = text::units(&text).map(|(at, _)| at).chain([text.len()]).collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let range = a.min(b)..a.max(b);
            let marked = std::slice::from_ref(&range);
            let red = Style::new().fg(Color::Red);
            let layers = [Layer { ranges: marked, style: red }];
            let stand_in = crate::ui::theme::COLOUR.stand_in;
            let line = shown_line(&text, 0..text.len(), Style::new(), &layers, stand_in);
            // What is drawn is every unit as shown, in order...
            let mut all = String::new();
            let mut expected_red = String::new();
            let mut column = 0;
            for (at, unit) in text::units(&text) {
                let shown = text::shown(unit, column);
                column += shown.width();
                let mut piece = String::new();
                shown.push_to(&mut piece);
                if marked[0].contains(&at) {
                    expected_red.push_str(&piece);
                }
                all.push_str(&piece);
            }
            let drawn: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            prop_assert_eq!(drawn, all);
            // ...and the highlighted cells are exactly the units that
            // start inside the range.
            let drawn_red: String = line
                .spans
                .iter()
                .filter(|s| s.style.fg == Some(Color::Red))
                .map(|s| s.content.as_ref())
                .collect();
            prop_assert_eq!(drawn_red, expected_red);
        }
    }
}
