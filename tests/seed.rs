//! The article the project started from: opening it must highlight and list
//! its agencies and outlets.

mod common;

use newsdesk::action::Action;
use newsdesk::app::App;
use newsdesk::entities::{Kind, Recogniser};
use newsdesk::store::Store;
use newsdesk::ui::{self, theme};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

const AGENCIES: [&str; 4] = ["Europol", "Eurojust", "GCHQ", "Belgian Federal Prosecutor"];
const OUTLETS: [&str; 9] = [
    "Amaq",
    "Bayan",
    "Halumu",
    "Nashir",
    "Furqan",
    "Hayat",
    "NPR",
    "Vice",
    "Roswell Gazette",
];

fn seed_app(width: u16, height: u16) -> Option<App> {
    let path = common::seed_path()?;
    let store = Store::load(&[path]).expect("the seed loads");
    let recogniser = Recogniser::builtin().expect("the built-in gazetteer builds");
    Some(App::new(
        store,
        recogniser,
        theme::MONOCHROME,
        Rect::new(0, 0, width, height),
    ))
}

#[test]
fn seed_lists_its_agencies_and_outlets() {
    let Some(app) = seed_app(120, 40) else { return };
    let named = &app.reading.as_ref().expect("the seed is open").named;
    let has = |kind: Kind, needle: &str| {
        named
            .iter()
            .any(|n| n.kind == kind && n.name.contains(needle))
    };
    let listed: Vec<_> = named.iter().map(|n| (n.kind, n.name.as_str())).collect();
    for agency in AGENCIES {
        assert!(
            has(Kind::Agency, agency),
            "{agency} not an agency in {listed:?}"
        );
    }
    for outlet in OUTLETS {
        assert!(
            has(Kind::Outlet, outlet),
            "{outlet} not an outlet in {listed:?}"
        );
    }
}

#[test]
fn seed_highlights_every_mention_on_screen() {
    let Some(mut app) = seed_app(120, 40) else {
        return;
    };
    app.update(Action::FocusNext);
    let reading = app.reading.clone().expect("the seed is open");
    let body = app.store.articles[reading.index].body.clone();
    // Walk the article a page at a time and check each visible mention's style.
    let inner = ui::inner(ui::layout(app.viewport).expect("fits").body);
    let mut checked = 0;
    loop {
        let buffer = common::draw(&app);
        let scroll = app.reading.as_ref().expect("open").scroll;
        for mention in &reading.mentions {
            let line = reading.document.line_of(mention.range.start);
            if line < scroll || line >= scroll + usize::from(inner.height) {
                continue;
            }
            let row = inner.y + u16::try_from(line - scroll).expect("row fits");
            let line_start = reading.document.lines[line].range.start;
            let column = inner.x
                + u16::try_from(unicode_width::UnicodeWidthStr::width(
                    &body[line_start..mention.range.start],
                ))
                .expect("column fits");
            let wanted = match mention.kind {
                Kind::Agency => Modifier::BOLD,
                Kind::Outlet => Modifier::UNDERLINED,
            };
            assert!(
                buffer[(column, row)].modifier.contains(wanted),
                "{:?} at {column},{row} is not highlighted",
                &body[mention.range.clone()]
            );
            checked += 1;
        }
        if scroll + usize::from(inner.height) >= reading.document.lines.len() {
            break;
        }
        app.update(Action::PageDown);
    }
    assert!(
        checked >= reading.mentions.len(),
        "every mention was seen on some page"
    );
}
