//! The hostile fixture store (`tests/fixtures/hostile.json`): escape
//! sequences, bidirectional and invisible characters, wide and combining
//! text, every kind of line break, tabs, tokens longer than any pane. Every
//! article is drawn on ratatui's `TestBackend` and the screen checked: no
//! control reaches a cell, stand-ins show what was there, borders stay
//! where they belong, highlights land on exactly their characters.

#![expect(
    clippy::unwrap_used,
    reason = "helpers stop at the first broken fixture"
)]

mod common;

use common::{draw_in, indexed, store_from, text};
use newsdesk::action::Action;
use newsdesk::app::App;
use newsdesk::entities::{Gazetteer, Recogniser};
use newsdesk::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const HOSTILE: &str = include_str!("fixtures/hostile.json");

fn hostile(width: u16, height: u16) -> App {
    indexed(
        store_from("hostile.json", HOSTILE),
        Gazetteer::default(),
        width,
        height,
    )
}

/// Draws `app` in colour, as the reader does by default.
fn draw(app: &App) -> Buffer {
    draw_in(app, &theme::COLOUR)
}

/// Opens the article with `id`.
fn open(app: &mut App, id: &str) {
    let at = app.store.articles.iter().position(|a| a.id == id).unwrap();
    app.update(Action::GoTop);
    for _ in 0..at {
        app.update(Action::MoveDown);
    }
    app.update(Action::Open);
}

/// Characters that must never reach a cell: controls, and the characters
/// that reorder or hide text.
fn forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200b}'
                | '\u{200c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{2060}'..='\u{2064}'
                | '\u{feff}'
                | '\u{ad}'
        )
}

fn assert_clean(buffer: &Buffer, what: &str) {
    for y in buffer.area.top()..buffer.area.bottom() {
        for x in buffer.area.left()..buffer.area.right() {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                !symbol.chars().any(forbidden),
                "{what}: cell ({x}, {y}) holds {symbol:?}"
            );
        }
    }
}

/// The body pane's borders are where the layout puts them on every row.
fn assert_borders(app: &App, buffer: &Buffer, what: &str) {
    let body = newsdesk::layout::layout(app.viewport, newsdesk::layout::Arrangement::Auto, None)
        .unwrap()
        .body;
    for y in body.top() + 1..body.bottom() - 1 {
        // The right border carries the scroll bar.
        for (x, allowed) in [
            (body.left(), &["│", "┃"][..]),
            (body.right() - 1, &["│", "┃", "║", "█"][..]),
        ] {
            let symbol = buffer[(x, y)].symbol();
            assert!(
                allowed.contains(&symbol),
                "{what}: border cell ({x}, {y}) holds {symbol:?}"
            );
        }
    }
}

const IDS: [&str; 7] = [
    "escapes",
    "bidi",
    "wide",
    "breaks",
    "long-token",
    "no-orgs",
    "controls-everywhere\u{1b}[2J",
];

#[test]
fn no_article_puts_a_control_on_screen_or_moves_a_border() {
    for (width, height) in [(120, 40), (80, 24), (60, 15)] {
        let mut app = hostile(width, height);
        for id in IDS {
            open(&mut app, id);
            // Every line of the article, not only the first screen.
            loop {
                let buffer = draw(&app);
                let what = format!("{id} at {width}×{height}");
                assert_clean(&buffer, &what);
                assert_borders(&app, &buffer, &what);
                let before = app.reading.as_ref().unwrap().scroll;
                app.update(Action::PageDown);
                if app.reading.as_ref().unwrap().scroll == before {
                    break;
                }
            }
        }
    }
}

#[test]
fn escape_sequences_are_shown_as_stand_ins_in_their_own_style() {
    let mut app = hostile(120, 40);
    open(&mut app, "escapes");
    let buffer = draw(&app);
    let screen = text(&buffer);
    for shown in [
        "␛[2J␛[H",
        "␛[31;1m",
        "␛]0;owned␇",
        "␛]8;;https://evil.example/␛\\click",
        "␛P1$r0m␛\\",
        "CSI ␛[31m",
        "line ␛E here",
        "Bell ␇ backspace ␈ null ␀ delete ␡",
    ] {
        assert!(screen.contains(shown), "{shown:?} missing from\n{screen}");
    }
    // The title's OSC is shown too, and nothing of it changed the title.
    assert!(
        screen.contains("Escapes in the title␛]2;renamed"),
        "{screen}"
    );
    // The ESC is a stand-in; what follows it is plain text.
    let (x, y) = position(&screen, "clear␛[2J").unwrap();
    let x = x + 5;
    let dim: Vec<bool> = (0..4)
        .map(|dx| buffer[(x + dx, y)].modifier.contains(Modifier::DIM))
        .collect();
    assert_eq!(dim, [true, false, false, false]);
    let (x, y) = position(&screen, "Before the clear").unwrap();
    assert!(!buffer[(x, y)].modifier.contains(Modifier::DIM));
}

#[test]
fn reordering_and_hiding_characters_are_named() {
    let mut app = hostile(120, 40);
    open(&mut app, "bidi");
    let screen = text(&draw(&app));
    for shown in [
        "abc<RLO>dcba<PDF>",
        "<LRI>left<PDI>",
        "pay<ZWSP>pal",
        "join<ZWJ>ed",
        "<BOM>bom",
        "soft<SHY>hyphen",
        "separator<LS>and",
    ] {
        assert!(screen.contains(shown), "{shown:?} missing from\n{screen}");
    }
}

#[test]
fn tabs_and_every_line_break_are_laid_out() {
    let mut app = hostile(120, 40);
    open(&mut app, "breaks");
    let screen = text(&draw(&app));
    let rows: Vec<&str> = screen.lines().collect();
    let has_row = |start: &str| {
        rows.iter()
            .any(|r| r.contains(&format!("│{start}")) || r.contains(&format!("┃{start}")))
    };
    for row in [
        "Windows line ",
        "ends here.",
        "Old Mac line ",
        "And here.",
        "Col1    Col2    Col3 ",
        "alpha   beta    gamma ",
        "        a tab at the start",
    ] {
        assert!(has_row(row), "no row starts with {row:?}\n{screen}");
    }
}

#[test]
fn a_find_in_wide_text_lands_on_exactly_its_characters() {
    let mut app = hostile(120, 40);
    open(&mut app, "wide");
    app.update(Action::StartFind);
    for c in "警視庁".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptAccept);
    let buffer = draw(&app);
    // Inside the body pane (its border's title shows the query too).
    let body = newsdesk::layout::layout(app.viewport, newsdesk::layout::Arrangement::Auto, None)
        .unwrap()
        .body;
    let (x, y) = (body.top() + 1..body.bottom() - 1)
        .flat_map(|y| (body.left()..body.right()).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == "警")
        .unwrap();
    assert_eq!(buffer[(x - 2, y)].symbol(), "の");
    assert_eq!(buffer[(x + 6, y)].symbol(), "は");
    let current = theme::COLOUR.current_match.bg.unwrap();
    // の, then 警 視 庁 (two cells each), then は.
    let marked: Vec<bool> = [x - 2, x, x + 2, x + 4, x + 6]
        .into_iter()
        .map(|x| buffer[(x, y)].bg == current)
        .collect();
    assert_eq!(marked, [false, true, true, true, false]);
}

#[test]
fn a_long_token_is_broken_to_the_pane() {
    let mut app = hostile(80, 24);
    open(&mut app, "long-token");
    let reading = app.reading.as_ref().unwrap();
    let body = newsdesk::layout::layout(app.viewport, newsdesk::layout::Arrangement::Auto, None)
        .unwrap()
        .body;
    let inner = usize::from(body.width) - 2;
    assert!(reading.document.lines.len() > 20_000 / inner);
    let buffer = draw(&app);
    assert_borders(&app, &buffer, "long token");
}

/// Where `needle` starts on the screen, as (column, row).
fn position(screen: &str, needle: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(y, row)| {
        let at = row.find(needle)?;
        // Columns, not bytes: wide characters fill two cells, the second
        // of which `text` gives as a space... so count display width.
        let column = unicode_width::UnicodeWidthStr::width(&row[..at]);
        Some((u16::try_from(column).ok()?, u16::try_from(y).ok()?))
    })
}

/// The built-in recogniser, built once for the property tests.
fn builtin() -> &'static Recogniser {
    static RECOGNISER: std::sync::OnceLock<Recogniser> = std::sync::OnceLock::new();
    RECOGNISER.get_or_init(|| Recogniser::new(Gazetteer::builtin().unwrap()))
}

proptest::proptest! {
    #[test]
    fn recognised_and_wrapped_text_stays_on_its_characters(
        text in "(\\PC|\\p{Cc}|\\p{Cf}|\\p{M}|[ \t\n\r]|Federal Police|the BBC|Reuters|\u{1b}\\[2J|👩\u{200d}💻){0,80}",
        width in 0usize..120,
    ) {
        let mentions = builtin().recognise(&text);
        let mut end = 0;
        for mention in &mentions {
            proptest::prop_assert!(mention.range.start >= end, "sorted, apart");
            proptest::prop_assert!(text.is_char_boundary(mention.range.start));
            proptest::prop_assert!(text.is_char_boundary(mention.range.end));
            end = mention.range.end;
        }
        let article = newsdesk::store::Article::new("t", text.clone());
        let document = newsdesk::document::Document::layout(&article, &article.body.text(), width);
        for line in &document.lines[document.body_start..] {
            let cells = newsdesk::text::units_in(&text, line.range.clone()).fold(0, |column, (_, unit)| {
                column + newsdesk::text::shown(unit, column).width()
            });
            proptest::prop_assert!(cells <= width.max(newsdesk::wrap::MIN_WIDTH));
        }
    }
}
