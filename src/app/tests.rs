//! `update` over sequences of actions, on a fixture store.

mod daily;

use super::*;
use crate::effect::Effect;
use crate::entities::Gazetteer;
use crate::fixtures::{self, app_sized};

fn app() -> App {
    app_sized(80, 24)
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

/// Types a find in the article (`/` with the body focused).
fn type_query(app: &mut App, query: &str) {
    if app.focus == Focus::Articles {
        app.update(Action::FocusNext);
    }
    app.update(Action::StartFind);
    for c in query.chars() {
        app.update(Action::PromptInput(c));
    }
}

fn opened_id(app: &App) -> &str {
    let index = app.reading.as_ref().unwrap().index;
    &app.store.articles[index].id
}

#[test]
fn first_article_is_open_at_start_with_its_organisations() {
    let app = app();
    assert_eq!(opened_id(&app), "raid");
    let names: Vec<_> = app
        .reading
        .as_ref()
        .unwrap()
        .named
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Europol",
            "Belgian Federal Prosecutor's Office",
            "Eurojust",
            "Amaq News Agency",
            "Associated Press",
            "Halumu"
        ]
    );
}

#[test]
fn moving_selects_and_enter_opens_in_the_body() {
    let mut app = app();
    run(&mut app, &[Action::MoveDown, Action::MoveDown]);
    assert_eq!(app.list.selected, 2);
    assert_eq!(opened_id(&app), "raid", "moving alone does not open");
    app.update(Action::Open);
    assert_eq!(opened_id(&app), "ferry");
    assert_eq!(app.focus, Focus::Body);
}

#[test]
fn selection_stops_at_both_ends() {
    let mut app = app();
    run(
        &mut app,
        &[Action::MoveUp, Action::GoBottom, Action::MoveDown],
    );
    assert_eq!(app.list.selected, 3);
    run(&mut app, &[Action::GoTop]);
    assert_eq!(app.list.selected, 0);
}

#[test]
fn focus_cycles_both_ways() {
    let mut app = app();
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Body);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Entities);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Articles);
    app.update(Action::FocusPrevious);
    assert_eq!(app.focus, Focus::Entities);
}

#[test]
fn body_scrolls_and_clamps_to_its_last_page() {
    let mut app = app_sized(60, 15);
    run(
        &mut app,
        &[Action::FocusNext, Action::MoveDown, Action::MoveDown],
    );
    assert_eq!(app.reading.as_ref().unwrap().scroll, 2);
    app.update(Action::GoBottom);
    let reading = app.reading.as_ref().unwrap();
    let height = usize::from(crate::layout::inner(app.panes().unwrap().body).height);
    assert_eq!(reading.scroll, reading.document.lines.len() - height);
    app.update(Action::GoTop);
    assert_eq!(app.reading.as_ref().unwrap().scroll, 0);
}

#[test]
fn find_counts_matches_and_wraps_with_a_message() {
    let mut app = app();
    type_query(&mut app, "europol");
    assert_eq!(app.mode, Mode::Find);
    assert_eq!(app.find.counter(), "1/3");
    app.update(Action::PromptAccept);
    assert_eq!(app.mode, Mode::Normal);
    run(&mut app, &[Action::NextMatch, Action::NextMatch]);
    assert_eq!(app.find.counter(), "3/3");
    assert_eq!(app.message, None);
    app.update(Action::NextMatch);
    assert_eq!(app.find.counter(), "1/3");
    assert_eq!(
        app.message.as_deref(),
        Some("Search hit BOTTOM, continuing at TOP")
    );
    app.update(Action::PreviousMatch);
    assert_eq!(app.find.counter(), "3/3");
    assert_eq!(
        app.message.as_deref(),
        Some("Search hit TOP, continuing at BOTTOM")
    );
}

#[test]
fn find_is_smart_case() {
    let mut app = app();
    type_query(&mut app, "Europol");
    assert_eq!(app.find.matches.len(), 3);
    app.update(Action::PromptCancel);
    type_query(&mut app, "EUROPOL");
    assert_eq!(app.find.matches.len(), 0);
    assert_eq!(app.find.counter(), "0/0");
}

#[test]
fn current_match_is_scrolled_into_view() {
    let mut app = app_sized(60, 15);
    type_query(&mut app, "where");
    let reading = app.reading.as_ref().unwrap();
    let line = reading
        .document
        .line_of(app.find.current_match().unwrap().start);
    let height = usize::from(crate::layout::inner(app.panes().unwrap().body).height);
    assert!(line >= reading.scroll && line < reading.scroll + height);
    assert!(reading.scroll > 0, "the match was below the first page");
}

#[test]
fn cancelling_the_find_returns_to_where_reading_was() {
    let mut app = app_sized(60, 15);
    run(&mut app, &[Action::FocusNext, Action::MoveDown]);
    type_query(&mut app, "where");
    assert_ne!(app.reading.as_ref().unwrap().scroll, 1);
    app.update(Action::PromptCancel);
    assert_eq!(app.reading.as_ref().unwrap().scroll, 1);
    assert!(!app.find.is_active());
    assert!(app.find.matches.is_empty());
}

#[test]
fn escape_clears_matches_and_never_quits() {
    let mut app = app();
    type_query(&mut app, "servers");
    app.update(Action::PromptAccept);
    assert_eq!(app.find.matches.len(), 4);
    assert_eq!(app.update(Action::Clear), []);
    assert!(app.find.matches.is_empty());
    assert_eq!(app.update(Action::Quit), [Effect::Quit]);
}

#[test]
fn backspace_to_empty_clears_the_matches() {
    let mut app = app();
    type_query(&mut app, "ap");
    assert!(!app.find.matches.is_empty());
    run(
        &mut app,
        &[Action::PromptBackspace, Action::PromptBackspace],
    );
    assert!(app.find.matches.is_empty());
    assert_eq!(app.find.current, None);
}

#[test]
fn next_match_without_a_find_says_how_to_start_one() {
    let mut app = app();
    app.update(Action::NextMatch);
    assert!(app.message.as_deref().unwrap().contains("press /"));
}

#[test]
fn resize_rewraps_and_keeps_the_reading_position() {
    let mut app = app();
    let wide = app.reading.as_ref().unwrap().document.width;
    app.update(Action::FocusNext);
    app.update(Action::GoBottom);
    app.update(Action::Resize {
        width: 60,
        height: 15,
    });
    let reading = app.reading.as_ref().unwrap();
    assert!(reading.document.width < wide);
    assert!(reading.scroll > 0);
}

#[test]
fn too_small_a_terminal_keeps_the_reading_state_for_when_it_grows() {
    let mut app = app_sized(60, 15);
    run(
        &mut app,
        &[Action::MoveDown, Action::Open, Action::MoveDown],
    );
    let state = |app: &App| {
        let reading = app.reading.as_ref().unwrap();
        let document = &reading.document;
        (
            app.list.selected,
            reading.index,
            reading.scroll,
            document.width,
            app.focus,
        )
    };
    let before = state(&app);
    assert_eq!(before, (1, 1, 1, 32, Focus::Body));
    app.update(Action::Resize {
        width: 59,
        height: 15,
    });
    assert!(app.panes().is_none(), "below the smallest size");
    assert_eq!(state(&app), before, "nothing is laid out for no pane");
    assert_eq!(app.update(Action::Quit), [Effect::Quit], "q still quits");
    app.update(Action::Resize {
        width: 60,
        height: 15,
    });
    assert_eq!(state(&app), before);
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let panes = app.panes().unwrap();
    app.update(Action::ScrollAt {
        column: panes.articles.x + 2,
        row: panes.articles.y + 2,
        lines: 3,
    });
    assert_eq!(app.list.selected, 3);
    app.update(Action::ScrollAt {
        column: panes.body.x + 2,
        row: panes.body.y + 2,
        lines: 3,
    });
    assert_eq!(app.reading.as_ref().unwrap().scroll, 3);
    assert_eq!(app.focus, Focus::Articles, "the wheel does not move focus");
}

#[test]
fn click_selects_and_opens_an_article() {
    let mut app = app();
    app.update(Action::FocusNext);
    let list = crate::layout::inner(app.panes().unwrap().articles);
    app.update(Action::ClickAt {
        column: list.x + 3,
        row: list.y + 1,
    });
    assert_eq!(app.list.selected, 1);
    assert_eq!(opened_id(&app), "orchard");
    assert_eq!(app.focus, Focus::Articles);
    app.update(Action::ClickAt {
        column: list.x + 3,
        row: list.y + 20,
    });
    assert_eq!(
        app.list.selected, 1,
        "a click below the last row selects nothing"
    );
}

/// Asserts that byte `offset` of the opened body is on a line in view.
fn assert_in_view(app: &App, offset: usize) {
    let reading = app.reading.as_ref().unwrap();
    let line = reading.document.line_of(offset);
    let height = app.body_height();
    assert!(
        (reading.scroll..reading.scroll + height).contains(&line),
        "line {line} is outside {}..{}",
        reading.scroll,
        reading.scroll + height
    );
}

fn select_organisation(app: &mut App, name: &str) {
    app.update(Action::FocusEntities);
    let at = app
        .reading
        .as_ref()
        .unwrap()
        .named
        .iter()
        .position(|n| n.name == name)
        .unwrap();
    app.update(Action::GoTop);
    for _ in 0..at {
        app.update(Action::MoveDown);
    }
}

#[test]
fn e_focuses_the_organisations() {
    let mut app = app();
    app.update(Action::FocusEntities);
    assert_eq!(app.focus, Focus::Entities);
}

#[test]
fn enter_on_an_organisation_marks_its_mentions_and_goes_to_the_first() {
    let mut app = app_sized(60, 15);
    select_organisation(&mut app, "Halumu");
    app.update(Action::Open);
    let reading = app.reading.as_ref().unwrap();
    let halumu = reading.named.iter().find(|n| n.name == "Halumu").unwrap();
    assert_in_view(&app, halumu.first);
    assert_eq!(app.find.label(), "Halumu");
    assert_eq!(app.find.counter(), "1/1");
    assert_eq!(
        app.find.current_match(),
        Some(halumu.first..halumu.first + 6)
    );
    assert_eq!(app.focus, Focus::Entities, "focus stays to pick another");
}

#[test]
fn n_and_shift_n_walk_an_organisations_mentions() {
    let mut app = app();
    select_organisation(&mut app, "Europol");
    app.update(Action::Open);
    assert_eq!(app.find.counter(), "1/3");
    app.update(Action::NextMatch);
    assert_eq!(app.find.counter(), "2/3");
    run(&mut app, &[Action::NextMatch, Action::NextMatch]);
    assert_eq!(app.find.counter(), "1/3");
    assert_eq!(
        app.message.as_deref(),
        Some("Search hit BOTTOM, continuing at TOP")
    );
    app.update(Action::PreviousMatch);
    assert_eq!(app.find.counter(), "3/3");
    let body = &app.store.articles[app.reading.as_ref().unwrap().index].body;
    assert_eq!(&body.text()[app.find.current_match().unwrap()], "Europol");
}

#[test]
fn a_new_find_replaces_the_walk() {
    let mut app = app();
    select_organisation(&mut app, "Europol");
    app.update(Action::Open);
    type_query(&mut app, "servers");
    assert_eq!(app.find.organisation, None);
    assert_eq!(app.find.label(), "servers");
}

#[test]
fn f_narrows_the_list_to_articles_naming_the_organisation() {
    let mut app = app();
    app.index.wait();
    select_organisation(&mut app, "Europol");
    app.update(Action::FilterByOrganisation);
    assert_eq!(app.view.organisation(), Some("Europol"));
    let shown: Vec<&str> = (0..app.list_len())
        .map(|row| {
            app.store.articles[app.view.article_at(row, app.store.articles.len()).unwrap()]
                .id
                .as_str()
        })
        .collect();
    assert_eq!(shown, ["raid", "ferry"]);
    // Opening from the narrowed list opens the right article.
    run(
        &mut app,
        &[Action::FocusNext, Action::MoveDown, Action::Open],
    );
    assert_eq!(opened_id(&app), "ferry");
}

#[test]
fn escape_clears_the_marks_first_then_the_filter() {
    let mut app = app();
    app.index.wait();
    select_organisation(&mut app, "Europol");
    run(&mut app, &[Action::Open, Action::FilterByOrganisation]);
    app.update(Action::Clear);
    assert!(!app.find.is_active());
    assert!(app.view.narrowing.is_some());
    assert_eq!(app.update(Action::Clear), [], "Esc never quits");
    assert!(app.view.narrowing.is_none());
    assert_eq!(app.list_len(), 4);
}

#[test]
fn the_filter_follows_the_index_as_it_grows() {
    let mut app = app();
    select_organisation(&mut app, "Associated Press");
    app.update(Action::FilterByOrganisation);
    // The index finishes after the filter was set: progress ticks must
    // bring in the articles it finds.
    settle(&mut app);
    assert!(app.index.is_complete());
    assert_eq!(app.list_len(), 1);
}

#[test]
fn opening_another_article_keeps_walking_the_organisation_there() {
    let mut app = app();
    app.index.wait();
    select_organisation(&mut app, "Europol");
    run(&mut app, &[Action::Open, Action::FilterByOrganisation]);
    app.focus = Focus::Articles;
    run(&mut app, &[Action::MoveDown, Action::Open]);
    assert_eq!(opened_id(&app), "ferry");
    assert_eq!(app.find.label(), "Europol");
    assert_eq!(app.find.counter(), "1/1");
}

#[test]
fn help_takes_the_movement_keys_while_open() {
    let mut app = app();
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode, Mode::Help);
    app.update(Action::MoveDown);
    assert_eq!(app.help_scroll, 1);
    assert_eq!(app.list.selected, 0);
    app.update(Action::ToggleHelp);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn an_empty_store_opens_nothing_and_focus_stays_on_the_list() {
    let mut app = fixtures::app_over("[]");
    assert!(app.reading.is_none());
    assert_eq!(app.list_len(), 0);
    run(
        &mut app,
        &[Action::MoveDown, Action::GoBottom, Action::Open],
    );
    assert_eq!(app.list.selected, 0);
    assert!(app.reading.is_none());
    assert_eq!(app.focus, Focus::Articles, "nothing was opened to read");
    // In the list, `/` searches the store, even an empty one.
    app.update(Action::StartFind);
    assert_eq!(app.mode, Mode::Search);
    app.update(Action::PromptCancel);
    // In the body there is nothing to find in, and `n` says how to start.
    app.update(Action::FocusNext);
    app.update(Action::StartFind);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.message.as_deref(), Some("No article is open"));
    app.update(Action::NextMatch);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("press /"))
    );
}

fn search_store(app: &mut App, query: &str) {
    app.update(Action::StartStoreSearch);
    for c in query.chars() {
        app.update(Action::PromptInput(c));
    }
}

fn shown_ids(app: &App) -> Vec<&str> {
    (0..app.list_len())
        .map(|row| {
            app.store.articles[app.view.article_at(row, app.store.articles.len()).unwrap()]
                .id
                .as_str()
        })
        .collect()
}

#[test]
fn enter_on_an_empty_result_list_keeps_the_open_article() {
    let mut app = app();
    let before = opened_id(&app).to_owned();
    search_store(&mut app, "zzzz");
    app.update(Action::PromptAccept);
    assert_eq!(app.list_len(), 0);
    app.update(Action::Open);
    assert_eq!(opened_id(&app), before);
    assert_eq!(app.focus, Focus::Articles);
}

#[test]
fn the_unread_view_of_search_results_keeps_their_order_and_hits() {
    let mut app = app();
    search_store(&mut app, "europol");
    app.update(Action::PromptAccept);
    assert_eq!(shown_ids(&app), ["raid", "ferry"]);
    let ferry_hits = app.view.hits_at(1);
    assert!(ferry_hits.is_some());
    app.update(Action::Open);
    app.update(Action::OnlyUnread);
    assert_eq!(shown_ids(&app), ["ferry"], "raid was read on opening");
    assert_eq!(app.view.hits_at(0), ferry_hits);
    app.update(Action::OnlyUnread);
    assert_eq!(shown_ids(&app), ["raid", "ferry"]);
}

#[test]
fn store_search_narrows_the_list_in_rank_order_as_you_type() {
    let mut app = app();
    search_store(&mut app, "europ");
    assert_eq!(app.mode, Mode::Search);
    assert_eq!(shown_ids(&app), ["raid", "ferry"]);
    assert_eq!(app.view.hits_at(0), Some(3));
    for c in [' ', 's', 'a', 'i', 'd'] {
        app.update(Action::PromptInput(c));
    }
    assert_eq!(shown_ids(&app), ["raid"], "each keystroke narrows further");
    run(&mut app, &[Action::PromptBackspace; 4]);
    assert_eq!(
        shown_ids(&app),
        ["raid", "ferry"],
        "and backspace widens again"
    );
}

#[test]
fn slash_in_the_list_searches_the_store_and_in_the_body_finds() {
    let mut app = app();
    app.update(Action::StartFind);
    assert_eq!(app.mode, Mode::Search);
    app.update(Action::PromptCancel);
    app.update(Action::FocusNext);
    app.update(Action::StartFind);
    assert_eq!(app.mode, Mode::Find);
}

#[test]
fn cancelling_a_store_search_restores_the_list_and_selection() {
    let mut app = app();
    run(&mut app, &[Action::MoveDown, Action::MoveDown]);
    search_store(&mut app, "europol");
    assert_eq!(app.list_len(), 2);
    app.update(Action::PromptCancel);
    assert_eq!(app.list_len(), 4);
    assert_eq!(app.list.selected, 2);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn opening_a_result_carries_the_query_into_the_article() {
    let mut app = app_sized(60, 15);
    search_store(&mut app, "where");
    app.update(Action::PromptAccept);
    assert_eq!(app.view.query(), Some("where"));
    app.update(Action::Open);
    assert_eq!(opened_id(&app), "raid");
    assert_eq!(app.find.query, "where");
    assert_eq!(app.find.counter(), "1/1");
    assert_in_view(&app, app.find.current_match().unwrap().start);
    // Esc clears the marks, then the search.
    run(&mut app, &[Action::Clear, Action::Clear]);
    assert_eq!(app.list_len(), 4);
}

#[test]
fn a_bad_query_says_why_and_keeps_the_list() {
    let mut app = app();
    search_store(&mut app, "europol");
    app.update(Action::PromptInput('"'));
    assert!(
        app.message.as_deref().unwrap().contains("quote"),
        "{:?}",
        app.message
    );
    assert_eq!(app.list_len(), 2, "the last good results stay");
}

#[test]
fn prompts_remember_earlier_queries() {
    let mut app = app();
    search_store(&mut app, "ferry");
    app.update(Action::PromptAccept);
    search_store(&mut app, "");
    app.update(Action::PromptHistoryPrevious);
    assert_eq!(app.prompt, "ferry");
    assert_eq!(shown_ids(&app), ["ferry"]);
    app.update(Action::PromptHistoryNext);
    assert_eq!(app.prompt, "");
    app.update(Action::PromptCancel);
    type_query(&mut app, "servers");
    app.update(Action::PromptAccept);
    type_query(&mut app, "");
    app.update(Action::PromptHistoryPrevious);
    assert_eq!(app.find.query, "servers");
}

#[test]
fn org_queries_use_the_index() {
    let mut app = app();
    app.index.wait();
    search_store(&mut app, "org:halumu");
    assert_eq!(shown_ids(&app), ["raid"]);
    assert_eq!(app.view.hits_at(0), None, "no column of zeros");
    app.update(Action::PromptInput(' '));
    app.update(Action::PromptInput('r'));
    assert!(app.view.hits_at(0).is_some_and(|h| h > 0));
}

/// A store too large to search on the UI thread: 3,000 articles, every
/// third with the first body, the others with the second.
fn large_app([every_third, others]: [&str; 2], gazetteer: Gazetteer) -> App {
    let articles: Vec<String> = (0..3_000)
        .map(|i| {
            let body = if i % 3 == 0 { every_third } else { others };
            format!(r#"{{"id":"a{i}","title":"t{i}","body":"{body}"}}"#)
        })
        .collect();
    let store = Store::from_json_str("big", &format!("[{}]", articles.join(","))).unwrap();
    fixtures::reader(store, gazetteer, 80, 24)
}

/// Lets background work finish, as the event loop would (five seconds at most).
fn settle(app: &mut App) {
    for _ in 0..500 {
        app.update(Action::IndexProgress);
        if !app.is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

#[test]
fn a_large_store_is_searched_off_the_ui_thread_and_only_the_newest_results_show() {
    let mut app = large_app(["raid", "calm"], Gazetteer::default());
    search_store(&mut app, "raid");
    assert!(app.searcher.is_pending(), "the keystroke did not wait");
    app.update(Action::PromptBackspace);
    app.update(Action::PromptBackspace);
    app.update(Action::PromptBackspace);
    app.update(Action::PromptInput('l'));
    app.update(Action::PromptInput('m'));
    assert_eq!(app.prompt, "rlm");
    settle(&mut app);
    assert!(!app.searcher.is_pending());
    assert_eq!(
        app.list_len(),
        0,
        "only \"rlm\" answers, and nothing has it"
    );
}

#[test]
fn org_queries_on_a_large_store_are_answered_by_the_worker() {
    let mut app = large_app(
        ["Halumu reported it.", "Nobody did."],
        fixtures::gazetteer(),
    );
    app.index.wait();
    search_store(&mut app, "org:halumu");
    assert!(app.searcher.is_pending(), "the keystroke did not wait");
    settle(&mut app);
    assert!(!app.searcher.is_pending());
    assert_eq!(app.list_len(), 1_000);
}

#[test]
fn a_find_that_cannot_be_read_says_why_but_an_open_quote_is_still_typing() {
    let mut app = app();
    type_query(&mut app, "after:soon");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Query: ")),
        "{:?}",
        app.message
    );
    assert!(app.find.matches.is_empty());
    app.update(Action::PromptCancel);
    app.message = None;
    type_query(&mut app, "\"the");
    assert_eq!(app.message, None);
    assert!(!app.find.matches.is_empty());
}
