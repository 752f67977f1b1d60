//! Fixtures shared by the unit tests: the store and gazetteer of
//! `tests/fixtures` (the integration tests read the same files), and
//! readers built over them.

use ratatui::layout::Rect;

use crate::app::App;
use crate::entities::{Gazetteer, Recogniser};
use crate::store::Store;

/// The fixture store: four articles, the first (`raid`) naming Europol,
/// Eurojust and Halumu among others.
pub(crate) fn store() -> Store {
    Store::from_json_str("store.json", include_str!("../tests/fixtures/store.json"))
        .expect("the fixture store parses")
}

/// The fixture gazetteer, which knows the organisations of [`store`].
pub(crate) fn gazetteer() -> Gazetteer {
    Gazetteer::parse(
        "gazetteer.json",
        include_str!("../tests/fixtures/gazetteer.json"),
    )
    .expect("the fixture gazetteer parses")
}

/// A reader over `store` recognising the organisations of `gazetteer`, in
/// a terminal of `width`×`height`; its organisation index is still being
/// built.
pub(crate) fn reader(store: Store, gazetteer: Gazetteer, width: u16, height: u16) -> App {
    App::new(
        store,
        Recogniser::new(gazetteer),
        Rect::new(0, 0, width, height),
    )
}

/// A reader over the fixture store, in a terminal of `width`×`height`.
pub(crate) fn app_sized(width: u16, height: u16) -> App {
    reader(store(), gazetteer(), width, height)
}

/// A reader over `json`, a store in newsdesk's format, that knows no
/// organisation, in a terminal of 80×24.
pub(crate) fn app_over(json: &str) -> App {
    let store = Store::from_json_str("store.json", json).expect("the test store parses");
    reader(store, Gazetteer::default(), 80, 24)
}
