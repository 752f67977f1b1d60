//! `update` for what a daily reader does: read and starred marks, the
//! views of unread and starred articles, next unread, the browser, the
//! clipboard, zoom, and what is remembered.

use super::*;
use crate::effect::Change;

fn remembered(effects: &[Effect]) -> Vec<Change> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Remember(change) => Some(change.clone()),
            _ => None,
        })
        .collect()
}

fn read(id: &str, read: bool) -> Change {
    Change::Read {
        id: id.to_owned(),
        read,
    }
}

fn list_ids(app: &App) -> Vec<&str> {
    (0..app.list_len())
        .filter_map(|row| app.view.article_at(row, app.store.articles.len()))
        .map(|index| app.store.articles[index].id.as_str())
        .collect()
}

#[test]
fn opening_an_article_marks_it_read_and_the_one_shown_at_start_is_not() {
    let mut app = app();
    assert_eq!(app.unread(), 4, "the first article shown is not read");
    assert!(!app.is_read(0));
    app.update(Action::MoveDown);
    let effects = app.update(Action::Open);
    assert_eq!(remembered(&effects), [read("orchard", true)]);
    assert!(app.is_read(1));
    assert_eq!(app.unread(), 3);
    let again = app.update(Action::Open);
    assert_eq!(remembered(&again), [], "already read: nothing new to keep");
}

#[test]
fn r_toggles_read_on_the_selected_or_the_open_article() {
    let mut app = app();
    let effects = app.update(Action::ToggleRead);
    assert_eq!(remembered(&effects), [read("raid", true)]);
    assert_eq!(app.message.as_deref(), Some("Marked read"));
    let effects = app.update(Action::ToggleRead);
    assert_eq!(remembered(&effects), [read("raid", false)]);
    // From the article pane it is the open article, not the selected row.
    run(&mut app, &[Action::MoveDown, Action::Open, Action::GoTop]);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Entities);
    let effects = app.update(Action::ToggleRead);
    assert_eq!(remembered(&effects), [read("orchard", false)]);
}

#[test]
fn star_toggles_and_is_kept() {
    let mut app = app();
    let effects = app.update(Action::ToggleStar);
    assert_eq!(
        remembered(&effects),
        [Change::Starred {
            id: "raid".to_owned(),
            starred: true
        }]
    );
    assert!(app.is_starred(0));
    app.update(Action::ToggleStar);
    assert!(!app.is_starred(0));
}

#[test]
fn unread_and_starred_views_narrow_the_list_and_combine_with_search() {
    let mut app = app();
    run(
        &mut app,
        &[Action::MoveDown, Action::Open, Action::FocusPrevious],
    );
    app.update(Action::OnlyUnread);
    assert_eq!(app.view.only, Only::Unread);
    assert_eq!(
        list_ids(&app),
        ["raid", "ferry", app.store.articles[3].id.as_str()]
    );
    // Reading in the view leaves the article there until the view changes.
    app.update(Action::Open);
    assert_eq!(app.list_len(), 3);
    app.update(Action::OnlyUnread);
    assert_eq!(app.view.only, Only::All);
    assert_eq!(app.list_len(), 4);
    app.update(Action::GoTop);
    app.update(Action::ToggleStar);
    app.update(Action::OnlyStarred);
    assert_eq!(list_ids(&app), ["raid"]);
    // With a search, only the starred among its results.
    app.update(Action::StartStoreSearch);
    for c in "europol".chars() {
        app.update(Action::PromptInput(c));
    }
    app.update(Action::PromptAccept);
    assert_eq!(list_ids(&app), ["raid"], "ferry matches but is not starred");
    assert_eq!(app.view.hits_at(0), Some(3), "hits stay with their rows");
    app.update(Action::OnlyStarred);
    assert_eq!(list_ids(&app), ["raid", "ferry"]);
}

#[test]
fn next_and_previous_unread_open_the_article() {
    let mut app = app();
    run(
        &mut app,
        &[
            Action::MoveDown,
            Action::Open,
            Action::FocusPrevious,
            Action::GoTop,
        ],
    );
    let effects = app.update(Action::NextUnread);
    assert_eq!(opened_id(&app), "ferry", "orchard is read: passed over");
    assert_eq!(remembered(&effects), [read("ferry", true)]);
    app.update(Action::PreviousUnread);
    assert_eq!(opened_id(&app), "raid");
    app.update(Action::PreviousUnread);
    assert_eq!(
        app.message.as_deref(),
        Some("No unread article before this one")
    );
}

#[test]
fn o_and_y_hand_over_only_web_addresses() {
    let mut app = app();
    assert_eq!(
        app.update(Action::OpenInBrowser),
        [Effect::OpenUrl("https://example.org/raid".to_owned())]
    );
    assert_eq!(
        app.update(Action::CopyUrl),
        [Effect::Copy("https://example.org/raid".to_owned())]
    );
    app.update(Action::MoveDown);
    assert_eq!(app.update(Action::OpenInBrowser), []);
    assert_eq!(app.message.as_deref(), Some("This article has no address"));
    let mut app =
        crate::fixtures::app_over(r#"[{"title":"t","body":"b","url":"file:///etc/passwd"}]"#);
    assert_eq!(app.update(Action::OpenInBrowser), []);
    assert_eq!(
        app.message.as_deref(),
        Some("Only http and https addresses open in a browser")
    );
}

#[test]
fn how_outside_work_went_is_said_in_the_status_bar() {
    let mut app = app();
    app.update(Action::Notice(crate::action::Notice::BrowserFailed));
    assert_eq!(
        app.message.as_deref(),
        Some("Could not start a browser: set $BROWSER")
    );
    assert_eq!(app.update(Action::Suspend), [Effect::Suspend]);
}

#[test]
fn zoom_shows_the_focused_pane_alone_and_follows_the_focus() {
    let mut app = app_sized(120, 40);
    app.update(Action::Zoom);
    let panes = app.panes().unwrap();
    assert_eq!(panes.articles.height, 39);
    assert!(panes.body.is_empty() && panes.entities.is_empty());
    app.update(Action::FocusNext);
    let panes = app.panes().unwrap();
    assert!(panes.articles.is_empty());
    assert_eq!(panes.body.width, 120);
    app.update(Action::Zoom);
    assert!(!app.panes().unwrap().articles.is_empty());
}

#[test]
fn a_recalled_state_gives_marks_histories_and_the_place() {
    let mut app = app();
    let mut marks = Marks::default();
    marks.read.insert("ferry".to_owned());
    marks.starred.insert("orchard".to_owned());
    app.recall(Recalled {
        marks,
        place: Some(("ferry".to_owned(), 0)),
        ..Recalled::default()
    });
    assert_eq!(app.unread(), 3);
    assert!(app.is_starred(1) && app.is_read(2));
    assert_eq!(opened_id(&app), "ferry");
    assert_eq!(app.list.selected, 2, "the list shows it selected");
    assert_eq!(app.place(), Some(("ferry".to_owned(), 0)));
    // The place in a long article is kept to the line.
    app.recall(Recalled {
        place: Some(("raid".to_owned(), 3)),
        ..Recalled::default()
    });
    assert_eq!(opened_id(&app), "raid");
    assert_eq!(app.reading.as_ref().unwrap().scroll, 3);
    assert_eq!(app.place(), Some(("raid".to_owned(), 3)));
}

#[test]
fn recalled_histories_are_offered_at_the_prompts() {
    let mut app = app();
    app.recall(Recalled {
        finds: vec!["older".to_owned(), "newer".to_owned()],
        searches: vec!["police".to_owned()],
        ..Recalled::default()
    });
    assert_eq!(app.find_history.earlier(), Some("newer"));
    assert_eq!(app.find_history.earlier(), Some("older"));
    assert_eq!(app.search_history.earlier(), Some("police"));
}

#[test]
fn kept_finds_and_searches_are_remembered() {
    let mut app = app();
    type_query(&mut app, "europol");
    let effects = app.update(Action::PromptAccept);
    assert_eq!(remembered(&effects), [Change::Find("europol".to_owned())]);
    app.update(Action::StartStoreSearch);
    for c in "frost".chars() {
        app.update(Action::PromptInput(c));
    }
    let effects = app.update(Action::PromptAccept);
    assert_eq!(remembered(&effects), [Change::Search("frost".to_owned())]);
}
