//! The article the project started from: opening it must highlight and list
//! its agencies and outlets.

mod common;

use newsdesk::action::Action;
use newsdesk::app::App;
use newsdesk::entities::{Kind, Recogniser};
use newsdesk::store::Store;
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
    Some(App::new(store, recogniser, Rect::new(0, 0, width, height)))
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
    // The reporter Max Ranjit is a person, not the streaming service.
    assert!(
        !named.iter().any(|n| n.name == "Max"),
        "Max listed in {listed:?}"
    );
}

#[test]
fn seed_highlights_every_mention_on_screen() {
    let Some(mut app) = seed_app(120, 40) else {
        return;
    };
    app.update(Action::FocusNext);
    let reading = app.reading.clone().expect("the seed is open");
    let body = app.store.articles[reading.index].body.text().into_owned();
    // Walk the article a page at a time and check each visible mention's style.
    let inner = newsdesk::layout::inner(
        newsdesk::layout::layout(app.viewport, newsdesk::layout::Arrangement::Auto, None)
            .expect("fits")
            .body,
    );
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

/// `newsdesk entities --json` on the seed: every agency and outlet it
/// names, with byte offsets that point at exactly the reported text.
#[test]
fn entities_json_on_the_seed_names_every_agency_and_outlet() {
    let Some(path) = common::seed_path() else {
        return;
    };
    let output = common::newsdesk_command()
        .args(["entities", "--json"])
        .arg(&path)
        .output()
        .expect("newsdesk runs");
    assert!(output.status.success());
    let line = String::from_utf8(output.stdout).expect("UTF-8");
    let article: serde_json::Value = serde_json::from_str(line.trim()).expect("one JSON line");
    let store = Store::load(&[path]).expect("the seed loads");
    let text = store.articles[0].body.text();
    let body = text.as_bytes();
    let mut found: Vec<(String, String, String)> = Vec::new();
    for mention in article["mentions"].as_array().expect("mentions") {
        let (start, end) = (
            usize::try_from(mention["start"].as_u64().expect("start")).expect("fits"),
            usize::try_from(mention["end"].as_u64().expect("end")).expect("fits"),
        );
        let text = mention["text"].as_str().expect("text");
        assert_eq!(
            &body[start..end],
            text.as_bytes(),
            "offsets point at the text"
        );
        found.push((
            mention["kind"].as_str().expect("kind").to_owned(),
            text.to_owned(),
            mention["name"].as_str().expect("name").to_owned(),
        ));
    }
    let has = |kind: &str, text: &str| found.iter().any(|(k, t, _)| k == kind && t == text);
    for text in [
        "Europol",
        "Eurojust",
        "GCHQ",
        "Belgian federal prosecutor",
        "Belgian Federal Prosecution",
        "European Crime Prevention Agency",
        "British anti-terrorist unit",
        "American police",
    ] {
        assert!(
            has("agency", text),
            "agency {text:?} missing from {found:?}"
        );
    }
    for text in [
        "Amaq",
        "Amaq agency",
        "al-Bayan radio",
        "Halumu",
        "Nashir",
        "Al Furqan",
        "Al-Hayat",
        "Twitter",
        "NPR",
        "VICE",
        "Roswell Gazette",
    ] {
        assert!(
            has("outlet", text),
            "outlet {text:?} missing from {found:?}"
        );
    }
    // Variants of one organisation share one canonical name.
    let amaq: Vec<&str> = found
        .iter()
        .filter(|(_, t, _)| t.starts_with("Amaq"))
        .map(|(_, _, n)| n.as_str())
        .collect();
    assert!(
        amaq.len() >= 3 && amaq.iter().all(|n| *n == amaq[0]),
        "{amaq:?}"
    );
    // Militant groups, places, schools and generic phrases are not organisations.
    for not in [
        "IS",
        "ISIS",
        "Islamic State",
        "Italy",
        "Syria",
        "Paris",
        "police",
        "Central New Mexico Community College",
    ] {
        assert!(
            found.iter().all(|(_, t, _)| t != not),
            "{not:?} was reported"
        );
    }
}
