//! Screens drawn on ratatui's `TestBackend`: layout snapshots at fixed sizes
//! and explicit style checks (snapshots do not keep colour).

#![expect(
    clippy::unwrap_used,
    reason = "helpers stop at the first broken fixture"
)]

mod common;

use common::{
    app, draw, draw_in, fixture_gazetteer, fixture_store, indexed, reader, select_organisation,
    store_from, text,
};
use newsdesk::action::Action;
use newsdesk::app::App;
use newsdesk::entities::Gazetteer;
use newsdesk::keymap;
use newsdesk::store::Store;
use newsdesk::ui::theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// Every screen position where `needle` starts, searching row by row.
fn find_all(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let area = buffer.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        let cells: Vec<&str> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        let row: String = cells.concat();
        for (at, _) in row.match_indices(needle) {
            // Map the byte offset back to a column (every cell here is one char).
            let column = row[..at].chars().count();
            found.push((u16::try_from(column).unwrap(), y));
        }
    }
    found
}

/// Where `needle` starts inside the body pane (not in its border's title).
fn find_in_body(buffer: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let body = newsdesk::layout::inner(
        newsdesk::layout::layout(buffer.area, newsdesk::layout::Arrangement::Auto, None)
            .unwrap()
            .body,
    );
    find_all(buffer, needle)
        .into_iter()
        .filter(|(x, y)| body.contains(ratatui::layout::Position::new(*x, *y)))
        .collect()
}

fn modifiers_at(buffer: &Buffer, x: u16, y: u16, len: u16) -> Vec<Modifier> {
    (x..x + len).map(|x| buffer[(x, y)].modifier).collect()
}

#[test]
fn reader_at_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!(text(&draw(&app)));
}

#[test]
fn reader_at_120x40() {
    let app = app(120, 40);
    insta::assert_snapshot!(text(&draw(&app)));
}

#[test]
fn reader_at_the_smallest_size() {
    let app = app(60, 15);
    insta::assert_snapshot!(text(&draw(&app)));
}

#[test]
fn below_the_smallest_size_a_message_replaces_the_panes() {
    let app = app(59, 14);
    let screen = text(&draw(&app));
    assert!(
        screen.starts_with("Terminal too small: 59×14 (needs 60×15)"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn tiny_terminals_show_only_the_message_and_recover_the_screen() {
    let full = text(&draw(&app(80, 24)));
    for (width, height) in [(1, 1), (2, 2), (10, 3), (59, 40), (200, 14)] {
        let mut app = app(80, 24);
        app.update(Action::Resize { width, height });
        let screen = text(&draw_in(&app, &theme::COLOUR));
        assert_sane(&app, &screen);
        assert!(
            screen.lines().skip(1).all(|row| row.trim().is_empty()),
            "{width}×{height}: nothing but the message\n{screen}"
        );
        app.update(Action::Resize {
            width: 80,
            height: 24,
        });
        assert_eq!(text(&draw(&app)), full, "after {width}×{height}");
    }
}

/// The text attributes of the first occurrence of `word` in the body pane.
fn body_modifiers(buffer: &Buffer, word: &str) -> Vec<Modifier> {
    let body = newsdesk::layout::inner(
        newsdesk::layout::layout(buffer.area, newsdesk::layout::Arrangement::Auto, None)
            .unwrap()
            .body,
    );
    let (x, y) = find_all(buffer, word)
        .into_iter()
        .find(|(x, y)| body.contains(ratatui::layout::Position::new(*x, *y)))
        .unwrap();
    modifiers_at(buffer, x, y, u16::try_from(word.chars().count()).unwrap())
}

#[test]
fn agencies_are_bold_and_outlets_underlined_without_colour() {
    let buffer = draw(&app(120, 40));
    for modifier in body_modifiers(&buffer, "Eurojust") {
        assert!(modifier.contains(Modifier::BOLD) && !modifier.contains(Modifier::UNDERLINED));
    }
    for modifier in body_modifiers(&buffer, "Halumu") {
        assert!(modifier.contains(Modifier::UNDERLINED) && !modifier.contains(Modifier::BOLD));
    }
    assert!(
        body_modifiers(&buffer, "Tuesday")
            .iter()
            .all(Modifier::is_empty)
    );
}

#[test]
fn colours_match_between_body_and_entities_pane() {
    let buffer = draw_in(&app(120, 40), &theme::COLOUR);
    let panes =
        newsdesk::layout::layout(buffer.area, newsdesk::layout::Arrangement::Auto, None).unwrap();
    let places = find_all(&buffer, "Halumu");
    let body = places.iter().find(|(x, _)| *x < panes.entities.x).unwrap();
    let pane = places.iter().find(|(x, _)| *x > panes.entities.x).unwrap();
    assert_eq!(buffer[*body].fg, Color::LightMagenta);
    assert_eq!(buffer[*pane].fg, buffer[*body].fg);
    let europol = find_all(&buffer, "Europol");
    assert!(europol.iter().all(|p| buffer[*p].fg == Color::LightCyan));
}

#[test]
fn a_name_split_over_two_lines_is_highlighted_on_both() {
    // Find a width at which "Belgian federal prosecutor" breaks across lines.
    let name = "Belgian federal prosecutor";
    for width in 60..110 {
        let app = app(width, 24);
        let reading = app.reading.as_ref().unwrap();
        let body = app.store.articles[reading.index].body.text();
        let start = body.find(name).unwrap();
        let (first, last) = (
            reading.document.line_of(start),
            reading.document.line_of(start + name.len() - 1),
        );
        if first == last {
            continue;
        }
        let buffer = draw(&app);
        let inner = newsdesk::layout::inner(
            newsdesk::layout::layout(buffer.area, newsdesk::layout::Arrangement::Auto, None)
                .unwrap()
                .body,
        );
        let row_of = |line: usize| inner.y + u16::try_from(line - reading.scroll).unwrap();
        let head = &body[start..reading.document.lines[first].range.end];
        let tail_len = start + name.len() - reading.document.lines[last].range.start;
        let head_x = find_all(&buffer, head)
            .into_iter()
            .find(|(_, y)| *y == row_of(first))
            .unwrap()
            .0;
        let head_len = u16::try_from(head.len()).unwrap();
        assert!(
            modifiers_at(&buffer, head_x, row_of(first), head_len)
                .iter()
                .all(|m| m.contains(Modifier::BOLD))
        );
        let tail_len = u16::try_from(tail_len).unwrap();
        assert!(
            modifiers_at(&buffer, inner.x, row_of(last), tail_len)
                .iter()
                .all(|m| m.contains(Modifier::BOLD))
        );
        assert!(
            !buffer[(inner.x + tail_len, row_of(last))]
                .modifier
                .contains(Modifier::BOLD)
        );
        return;
    }
    panic!("no width from 60 to 109 splits the name");
}

/// Types `query` at the find prompt of the article body.
fn find(app: &mut App, query: &str) {
    app.update(Action::FocusNext);
    app.update(Action::StartFind);
    for c in query.chars() {
        app.update(Action::PromptInput(c));
    }
}

#[test]
fn find_shows_counter_and_styles_the_current_match_apart() {
    let mut app = app(120, 40);
    find(&mut app, "servers");
    app.update(Action::PromptAccept);
    app.update(Action::NextMatch);
    let buffer = draw(&app);
    let screen = text(&buffer);
    assert!(screen.contains("/servers 2/4"), "{screen}");
    let matches = find_in_body(&buffer, "servers");
    assert_eq!(matches.len(), 4);
    let styles: Vec<Modifier> = matches.iter().map(|p| buffer[*p].modifier).collect();
    let current = Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED;
    assert_eq!(styles.iter().filter(|m| m.contains(current)).count(), 1);
    assert_eq!(styles[1], current, "the second match is current");
    assert!(styles.iter().all(|m| m.contains(Modifier::REVERSED)));
}

#[test]
fn find_prompt_in_the_status_bar_echoes_the_query() {
    let mut app = app(80, 24);
    find(&mut app, "europ");
    let screen = text(&draw(&app));
    let status = screen.lines().last().unwrap();
    assert!(status.starts_with(" FIND  /europ"), "{status}");
    assert!(status.contains("1/3"), "{status}");
}

#[test]
fn focused_pane_is_marked() {
    let mut app = app(80, 24);
    assert!(text(&draw(&app)).contains("▶ Articles"));
    app.update(Action::FocusNext);
    let screen = text(&draw(&app));
    assert!(screen.contains("▶ Article ") && !screen.contains("▶ Articles"));
}

#[test]
fn help_lists_every_bound_action() {
    let mut app = app(120, 40);
    app.update(Action::ToggleHelp);
    let screen = text(&draw(&app));
    for (keys, action) in keymap::grouped(app.keys.table(newsdesk::keymap::Mode::Normal)) {
        let row = format!(
            "{keys:<16}{:<27} {}",
            action.description(),
            action.name().unwrap_or_default()
        );
        assert!(screen.contains(&row), "missing {row:?} in\n{screen}");
    }
}

#[test]
fn status_bar_counts_articles_and_skipped_ones() {
    let store = store_from(
        "mixed.json",
        r#"[{"title":"ok","body":"fine"},{"title":3,"body":"x"},{"source":"neither"}]"#,
    );
    let app = indexed(store, Gazetteer::default(), 100, 20);
    let screen = text(&draw(&app));
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("mixed.json · 1 article · 2 skipped"),
        "{status}"
    );
}

#[test]
fn control_characters_in_articles_are_shown_not_sent() {
    let store = store_from(
        "hostile.json",
        r#"[{"title":"Title\u001b]0;pwned\u0007","body":"clear\u001b[2Jscreen","source":"S\u009bx"}]"#,
    );
    let app = indexed(store, Gazetteer::default(), 100, 20);
    let buffer = draw(&app);
    let screen = text(&buffer);
    assert!(screen.contains("clear␛[2Jscreen"), "{screen}");
    assert!(screen.contains("Title␛]0;pwned␇"), "{screen}");
    let controls = buffer
        .content()
        .iter()
        .filter(|cell| cell.symbol().chars().any(char::is_control))
        .count();
    assert_eq!(controls, 0);
}

#[test]
fn entities_pane_counts_mentions_here_and_articles_in_the_store() {
    let app = app(150, 40);
    let screen = text(&draw(&app));
    let row = screen
        .lines()
        .find(|l| l.contains(" Europol "))
        .and_then(|l| l.split('│').rev().nth(1))
        .unwrap()
        .to_owned();
    let counts: Vec<&str> = row.split_whitespace().skip(1).collect();
    assert_eq!(counts, ["3", "2"], "{row:?}");
    assert!(screen.contains("here  store"));
}

#[test]
fn store_counts_are_marked_partial_while_indexing() {
    let mut app = reader(fixture_store(), fixture_gazetteer(), 120, 40);
    // Nothing is taken in from the worker before the first progress tick.
    let partial_count = |screen: &str| {
        screen
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && w[1] == b'+')
    };
    let screen = text(&draw(&app));
    assert!(!app.index.is_complete());
    assert!(screen.contains("indexing"), "{screen}");
    assert!(partial_count(&screen), "{screen}");
    app.index.wait();
    let screen = text(&draw(&app));
    assert!(!screen.contains("indexing"), "{screen}");
    assert!(!partial_count(&screen), "{screen}");
}

#[test]
fn walking_an_organisation_shows_its_counter_and_current_mention() {
    let mut app = app(120, 40);
    select_organisation(&mut app, "Europol");
    app.update(Action::Open);
    app.update(Action::NextMatch);
    let buffer = draw(&app);
    let screen = text(&buffer);
    assert!(screen.contains(" Europol 2/3 "), "{screen}");
    let styles: Vec<Modifier> = find_in_body(&buffer, "Europol")
        .into_iter()
        .map(|p| buffer[p].modifier)
        .collect();
    assert_eq!(styles.len(), 3);
    let current = Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED;
    assert_eq!(styles.iter().filter(|m| m.contains(current)).count(), 1);
    assert!(styles[1].contains(current));
    assert!(
        styles.iter().all(|m| m.contains(Modifier::REVERSED)),
        "all marked"
    );
}

#[test]
fn the_filter_shows_in_the_list_title_and_status_bar() {
    let mut app = app(120, 40);
    select_organisation(&mut app, "Europol");
    app.update(Action::FilterByOrganisation);
    let screen = text(&draw(&app));
    assert!(screen.contains("Articles naming Europol"), "{screen}");
    assert!(screen.contains(" 1/2 "), "{screen}");
    let status = screen.lines().last().unwrap();
    assert!(status.contains("filter: Europol (2)"), "{status}");
    assert!(!screen.contains("Late frost"), "filtered out");
    insta::assert_snapshot!(screen);
}

#[test]
fn store_search_shows_ranked_rows_with_hits_and_carries_into_the_article() {
    let mut app = app(120, 40);
    app.update(Action::StartStoreSearch);
    for c in "europol".chars() {
        app.update(Action::PromptInput(c));
    }
    let screen = text(&draw(&app));
    assert!(screen.contains("Search: europol"), "{screen}");
    assert!(
        screen.contains("2026-03-14 · Harbour Ledger · 3 hits"),
        "{screen}"
    );
    assert!(
        screen.contains("2026-01-05 · Harbour Ledger · 1 hit "),
        "{screen}"
    );
    let status = screen.lines().last().unwrap();
    assert!(status.starts_with(" SEARCH  search: europol"), "{status}");
    assert!(status.contains("2 results"), "{status}");
    app.update(Action::PromptAccept);
    app.update(Action::MoveDown);
    app.update(Action::Open);
    let screen = text(&draw(&app));
    assert!(screen.contains("/europol 1/1"), "{screen}");
    assert!(screen.contains("Ferry timetable"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn wrapping_round_the_matches_says_so_in_the_status_bar() {
    let mut app = app(120, 40);
    find(&mut app, "eurojust");
    app.update(Action::PromptAccept);
    app.update(Action::NextMatch);
    let screen = text(&draw(&app));
    assert!(screen.contains("/eurojust 1/1"), "{screen}");
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("Search hit BOTTOM, continuing at TOP"),
        "{status}"
    );
}

/// A small store of wide and combining text: CJK without spaces, emoji
/// with joiners and skin tones, combining accents, a word longer than any
/// pane, and a title made of nothing but wide characters.
fn wide_text_app(width: u16, height: u16) -> App {
    let store = store_from(
        "wide.json",
        r#"[
          {"title": "東京で記者会見、警察庁とEuropolが共同捜査を発表しました📰📰📰",
           "source": "日本経済新聞社の国際報道部門", "author": "山田 太郎",
           "published": "2026-03-14",
           "body": "警察庁は十四日、Europolと共同で国際的な詐欺グループを摘発したと発表した。\n\n👩‍👩‍👧‍👦 家族連れも👍🏽訪れた。Cafe\u0301 de l’Europe, naïve façade, Ελληνικά, עברית, العربية.\n\nSupercalifragilisticexpialidocious-and-then-some-more-letters-without-any-break-at-all-for-a-very-long-way"},
          {"title": "Eurojust 与 Amaq：长标题长标题长标题长标题长标题长标题长标题长标题长标题",
           "body": "中文正文没有空格中文正文没有空格中文正文没有空格中文正文没有空格中文正文没有空格。Amaq。"},
          {"title": "🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺🇪🇺", "body": "x"}
        ]"#,
    );
    indexed(store, fixture_gazetteer(), width, height)
}

/// The action a small number stands for, to drive the reader at random.
fn action_numbered(n: u8) -> Action {
    const ACTIONS: [Action; 16] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::PageDown,
        Action::GoBottom,
        Action::FocusNext,
        Action::FocusPrevious,
        Action::Open,
        Action::FocusEntities,
        Action::FilterByOrganisation,
        Action::NextMatch,
        Action::Clear,
        Action::ToggleHelp,
        Action::StartFind,
        Action::PromptInput('警'),
        Action::PromptInput('e'),
        Action::PromptAccept,
    ];
    ACTIONS[usize::from(n) % ACTIONS.len()]
}

/// What every screen shows whatever its size: the message below the
/// smallest size, the status bar's mode at or above it.
fn assert_sane(app: &App, screen: &str) {
    let (width, height) = (app.viewport.width, app.viewport.height);
    let rows: Vec<&str> = screen.lines().collect();
    assert_eq!(rows.len(), usize::from(height), "{width}×{height}");
    if width < newsdesk::layout::MIN_WIDTH || height < newsdesk::layout::MIN_HEIGHT {
        let message = format!("Terminal too small: {width}×{height} (needs 60×15)");
        let expected = newsdesk::text::truncate(&message, usize::from(width));
        assert_eq!(rows[0].trim_end(), expected.trim_end(), "{width}×{height}");
    } else {
        let label = format!(" {} ", app.mode.label());
        assert!(
            rows[rows.len() - 1].starts_with(&label),
            "{width}×{height}: {screen}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(150))]

    #[test]
    fn every_size_from_1x1_to_500x200_draws_wide_text(
        width in 1u16..=500,
        height in 1u16..=200,
        actions in proptest::collection::vec(0u8..=255, 0..12),
    ) {
        let mut app = wide_text_app(width, height);
        for n in actions {
            app.update(action_numbered(n));
        }
        assert_sane(&app, &text(&draw(&app)));
    }
}

#[test]
fn the_smallest_terminals_show_as_much_of_the_message_as_fits() {
    for (width, height, expected) in [
        (1, 1, "…"),
        (2, 2, "T…\n  "),
        (10, 3, "Terminal …\n          \n          "),
    ] {
        let app = wide_text_app(width, height);
        assert_eq!(text(&draw(&app)), expected, "{width}×{height}");
    }
}

#[test]
fn one_cell_short_of_the_smallest_size_shows_only_the_message() {
    for (width, height) in [(59, 14), (59, 15), (60, 14)] {
        let screen = text(&draw(&app(width, height)));
        let mut rows = screen.lines();
        let message = format!("Terminal too small: {width}×{height} (needs 60×15)");
        assert_eq!(rows.next().map(str::trim_end), Some(message.as_str()));
        assert!(
            rows.all(|row| row.trim().is_empty()),
            "nothing but the message: {screen}"
        );
    }
}

#[test]
fn at_500x200_the_list_fills_its_pane_top_to_bottom() {
    let gazetteer = Gazetteer::builtin().unwrap();
    let json = newsdesk::generate::store_json(5, &gazetteer.organisations, 400, 200);
    let app = reader(store_from("big.json", &json), gazetteer, 500, 200);
    let buffer = draw(&app);
    let panes =
        newsdesk::layout::layout(buffer.area, newsdesk::layout::Arrangement::Auto, None).unwrap();
    assert_eq!(
        panes.entities.right(),
        500,
        "the panes reach the right edge"
    );
    assert_eq!(panes.status.y, 199, "the status bar is the last row");
    let list = newsdesk::layout::inner(panes.articles);
    let symbol = |x: u16, y: u16| buffer[(x, y)].symbol().to_owned();
    // Every row of the list holds an article: a date where dates go, and
    // between the borders of the focused pane.
    for y in list.top()..list.bottom() {
        let row: String = (list.left()..list.right()).map(|x| symbol(x, y)).collect();
        let date: String = row.chars().skip(3).take(5).collect();
        assert!(
            date.starts_with("20") && date.ends_with('-'),
            "row {y}: {row:?}"
        );
        assert_eq!(symbol(list.left() - 1, y), "┃", "row {y}");
        assert_eq!(symbol(list.right(), y), "┃", "row {y}");
    }
    // The frames are whole: corners where the layout puts them.
    for pane in [panes.articles, panes.body, panes.entities] {
        let (left, right) = (pane.left(), pane.right() - 1);
        let (top, bottom) = (pane.top(), pane.bottom() - 1);
        for (x, y) in [(left, top), (right, top), (left, bottom), (right, bottom)] {
            assert!(
                "┌┐└┘┏┓┗┛".contains(symbol(x, y).as_str()),
                "corner at {x},{y}: {:?}",
                symbol(x, y)
            );
        }
    }
    let screen = text(&buffer);
    assert!(screen.contains(" 1/400 "), "the list counter");
    assert!(screen.lines().last().unwrap().starts_with(" NORMAL "));
}

#[test]
fn a_storm_of_resizes_changes_nothing_but_the_size() {
    let mut rng = newsdesk::generate::Rng::new(42);
    let mut stormed = app(80, 24);
    let dimension = |rng: &mut newsdesk::generate::Rng, most: usize| {
        u16::try_from(rng.below(most) + 1).unwrap()
    };
    for _ in 0..200 {
        let (width, height) = (dimension(&mut rng, 500), dimension(&mut rng, 200));
        stormed.update(Action::Resize { width, height });
        assert_sane(&stormed, &text(&draw(&stormed)));
    }
    stormed.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(text(&draw(&stormed)), text(&draw(&app(80, 24))));
    // And it still answers.
    stormed.update(Action::MoveDown);
    assert_eq!(stormed.list.selected, 1);
}

#[test]
fn held_keys_are_all_taken_whatever_the_size_between_them() {
    let mut app = wide_text_app(80, 24);
    app.update(Action::FocusNext);
    app.update(Action::StartFind);
    app.update(Action::PromptInput('e'));
    app.update(Action::PromptAccept);
    let matches = app.find.matches.len();
    assert!(matches > 2, "the find has several matches");
    let first = app.find.current.unwrap();
    for press in 0..1_000 {
        if press % 100 == 50 {
            app.update(Action::Resize {
                width: 60 + press / 20,
                height: 15 + press / 50,
            });
        }
        app.update(Action::NextMatch);
    }
    assert_eq!(app.find.current, Some((first + 1_000) % matches));
    assert_sane(&app, &text(&draw(&app)));
}

#[test]
fn help_at_the_smallest_size_leaves_the_status_bar_showing_how_to_close_it() {
    let mut app = app(60, 15);
    app.update(Action::ToggleHelp);
    let screen = text(&draw(&app));
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[0].contains(" Keys "), "{screen}");
    let label = format!(" {} ", app.mode.label());
    assert!(rows[14].starts_with(&label), "{screen}");
}

#[test]
fn titles_have_forty_cells_or_more_at_120_and_160_columns() {
    for (width, height) in [(120, 40), (160, 45)] {
        let app = indexed(Store::sample(), Gazetteer::default(), width, height);
        let buffer = draw(&app);
        let list = newsdesk::layout::inner(app.panes().unwrap().articles);
        let title = app.store.articles[0].title.as_str();
        let row: String = (list.left()..list.right())
            .map(|x| buffer[(x, list.top())].symbol().to_owned())
            .collect();
        // Marks, then the title, cut with an ellipsis where it must be.
        let shown = row.chars().skip(3).collect::<String>();
        let shown = shown.trim_end().trim_end_matches('…');
        assert!(title.starts_with(shown), "{width}: {shown:?} of {title:?}");
        assert!(
            shown.chars().count() >= 40,
            "{width}×{height}: only {} cells of the title: {shown:?}",
            shown.chars().count()
        );
        if width == 160 {
            insta::assert_snapshot!(text(&buffer));
        }
    }
}

#[test]
fn unread_titles_are_bold_stars_show_and_the_view_is_in_the_status_bar() {
    let mut app = app(160, 45);
    app.update(Action::MoveDown);
    app.update(Action::Open);
    app.update(Action::FocusPrevious);
    app.update(Action::ToggleStar);
    let buffer = draw(&app);
    let screen = text(&buffer);
    let list = app.panes().unwrap().articles;
    // In the list, not the article pane beside it.
    let bold_at = |needle: &str| {
        let (x, y) = screen
            .lines()
            .enumerate()
            .find_map(|(y, line)| {
                let row: String = line.chars().take(usize::from(list.width)).collect();
                let at = row.find(needle)?;
                Some((row[..at].chars().count(), y))
            })
            .unwrap_or_else(|| panic!("{needle:?} not in the list"));
        let cell = &buffer[(u16::try_from(x).unwrap(), u16::try_from(y).unwrap())];
        cell.modifier.contains(Modifier::BOLD)
    };
    assert!(bold_at("Servers seized"), "unread: bold");
    assert!(!bold_at("Late frost spares"), "read: not bold");
    assert!(screen.contains("●★ Late frost spares"), "{screen}");
    assert!(screen.contains("Articles · 3 unread"), "{screen}");
    app.update(Action::OnlyUnread);
    let screen = text(&draw(&app));
    let status = screen.lines().last().unwrap();
    assert!(status.contains("unread only (3)"), "{status}");
    let in_list = screen.lines().any(|line| {
        line.chars()
            .take(usize::from(list.width))
            .collect::<String>()
            .contains("Late frost")
    });
    assert!(!in_list, "read: out of the unread view\n{screen}");
}

#[test]
fn the_help_shows_the_keys_as_bound() {
    let mut app = app(120, 40);
    app.keys = newsdesk::keymap::Keymap::rebound([(
        "open-url",
        vec![(ratatui::crossterm::event::KeyCode::Char('O'), false)],
    )])
    .unwrap();
    app.update(Action::ToggleHelp);
    let screen = text(&draw(&app));
    assert!(
        screen.contains("  O               open in the browser         open-url"),
        "{screen}"
    );
    assert!(
        !screen.contains("  o               open in the browser"),
        "{screen}"
    );
}
