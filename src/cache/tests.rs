use std::io::Write as _;

use proptest::prelude::*;

use super::records;
use super::*;
use crate::entities::Recogniser;
use crate::search::{NoOrganisations, Query};

/// A store written to `dir`, with a cache directory beside it.
struct Setup {
    _dir: tempfile::TempDir,
    store: PathBuf,
    cache: Cache,
}

fn setup(json: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.json");
    fs::write(&store, json).unwrap();
    let cache = Cache::new(dir.path().join("cache"), DEFAULT_LIMIT);
    Setup {
        _dir: dir,
        store,
        cache,
    }
}

fn recogniser() -> Recogniser {
    Recogniser::builtin().unwrap()
}

/// Loads the store cold, as the reader does, and keeps its cache.
fn cold_and_keep(setup: &Setup) -> (Store, OrgIndex, WordIndex) {
    let paths = [setup.store.clone()];
    let key = Key::new(&paths, &Options::default(), None).unwrap();
    let store = Store::load(&paths).unwrap();
    let orgs = OrgIndex::build(&store, &recogniser());
    let words = Arc::new(WordIndex::build(&store.articles));
    let store = Arc::new(store);
    let keepsake = Keepsake::new(Arc::clone(&store), &orgs, Some(Arc::clone(&words)));
    setup.cache.keep(&key, &keepsake).unwrap();
    drop(keepsake);
    let (store, words) = (
        Arc::try_unwrap(store).unwrap(),
        Arc::try_unwrap(words).unwrap(),
    );
    (store, orgs, words)
}

/// An organisation index of `articles` articles that name none.
fn no_organisations(articles: usize) -> OrgRecord {
    OrgRecord {
        names: Vec::new(),
        per_article: crate::column::Ragged::pack(vec![Vec::new(); articles]),
    }
}

fn warm(setup: &Setup) -> Result<Warm, Miss> {
    let key = Key::new(
        std::slice::from_ref(&setup.store),
        &Options::default(),
        None,
    )
    .unwrap();
    setup.cache.open(&key)
}

const STORE: &str = r#"[
  {"id":"a","title":"Europol raid","body":"Europol and Reuters said the raid\nwent well. <b>Not HTML here.</b>","published":"2026-01-02","tags":["x"]},
  {"id":"b","title":"Second","body":"The BBC reported on Interpol.","url":"https://example.com/b","source":"BBC"},
  {"id":"c","title":"Third","body":"Plain words, no escapes at all, and the FBI."}
]"#;

#[test]
fn a_warm_open_gives_what_a_cold_one_did() {
    let setup = setup(STORE);
    let (store, orgs, words) = cold_and_keep(&setup);
    let warm = warm(&setup).unwrap();
    assert_eq!(warm.store.articles, store.articles);
    assert_eq!(warm.store.files, store.files);
    assert_eq!(warm.orgs.organisations(), orgs.organisations());
    // Each article's ids, read in place from the cache's columns.
    assert_eq!(warm.orgs.parts(), orgs.parts());
    assert!(warm.orgs.is_complete());
    // Plain bodies are read from the store file, not copied.
    assert!(warm.store.articles.iter().all(|a| a.body.is_in_file()));
    let cached = warm.words.unwrap().check().unwrap();
    for query in [
        "raid",
        "europol",
        "\"the raid\"",
        "plain words",
        "org:europol",
    ] {
        let query = Query::parse(query).unwrap();
        assert_eq!(
            search::search_indexed(&query, &warm.store.articles, &cached, &NoOrganisations),
            search::search_indexed(&query, &store.articles, &words, &NoOrganisations),
        );
    }
}

use crate::search;

#[test]
fn no_cache_is_a_miss_and_a_second_keep_replaces_the_first() {
    let setup = setup(STORE);
    assert!(matches!(warm(&setup), Err(Miss::None)));
    cold_and_keep(&setup);
    cold_and_keep(&setup);
    assert!(warm(&setup).is_ok());
    assert_eq!(
        setup.cache.files().unwrap().len(),
        1,
        "one cache, no leftovers"
    );
}

#[test]
fn a_store_changed_in_the_middle_is_never_answered_from_its_cache() {
    let setup = setup(STORE);
    cold_and_keep(&setup);
    let modified = fs::metadata(&setup.store).unwrap().modified().unwrap();
    // The same length, the same time: only the content differs.
    fs::write(&setup.store, STORE.replace("Second", "Sekond")).unwrap();
    File::options()
        .write(true)
        .open(&setup.store)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert!(matches!(warm(&setup), Err(Miss::Changed)));
}

/// A JSON Lines store of `lines`, with a cache beside it.
fn lines_setup(lines: &[&str]) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.jsonl");
    fs::write(&store, lines.concat()).unwrap();
    let cache = Cache::new(dir.path().join("cache"), DEFAULT_LIMIT);
    Setup {
        _dir: dir,
        store,
        cache,
    }
}

const LINES: [&str; 3] = [
    "{\"id\":\"a\",\"title\":\"Old raid\",\"body\":\"Europol said so.\",\"published\":\"2026-01-03\"}\n",
    "{\"id\":\"b\",\"title\":\"Undated\",\"body\":\"The BBC said so.\"}\n",
    "{\"id\":\"c\",\"title\":\"Older\",\"body\":\"Interpol\\nsaid so.\",\"published\":\"2026-01-01\"}\n",
];

#[test]
fn lines_appended_to_a_store_extend_its_cache_and_read_as_a_cold_open_does() {
    let setup = lines_setup(&LINES);
    cold_and_keep(&setup);
    let appended = [
        "{\"id\":\"d\",\"title\":\"Newest\",\"body\":\"Reuters and the FBI.\",\"published\":\"2026-02-01\"}\n",
        "{\"id\":\"e\",\"title\":\"Also undated\",\"body\":\"Plain.\"}\n",
        "{\"id\":\"f\",\"title\":\"Between\",\"body\":\"The Guardian and Europol.\",\"published\":\"2026-01-02\"}\n",
    ];
    fs::OpenOptions::new()
        .append(true)
        .open(&setup.store)
        .unwrap()
        .write_all(appended.concat().as_bytes())
        .unwrap();
    let Err(Miss::Grown(grown)) = warm(&setup) else {
        panic!("appended lines are read on their own");
    };
    let extended = grown.extend(&recogniser());
    let cold = Store::load(std::slice::from_ref(&setup.store)).unwrap();
    assert_eq!(extended.store.articles, cold.articles);
    assert_eq!(extended.store.files, cold.files);
    let ids: Vec<&str> = extended
        .store
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["d", "a", "f", "c", "b", "e"]);
    let orgs = OrgIndex::build(&cold, &recogniser());
    assert_eq!(extended.orgs.organisations(), orgs.organisations());
    for (at, article) in cold.articles.iter().enumerate() {
        for (name, _, _) in orgs.organisations() {
            assert_eq!(
                extended.orgs.names(at, name),
                orgs.names(at, name),
                "{} {name}",
                article.id
            );
        }
    }
    assert!(extended.words.is_none(), "the word index is built again");
}

#[test]
fn a_store_rewritten_rather_than_appended_to_is_read_again() {
    let setup = lines_setup(&LINES);
    cold_and_keep(&setup);
    // Longer, but not the old text with more after it.
    fs::write(
        &setup.store,
        [LINES[1], LINES[0], LINES[2], LINES[2]].concat(),
    )
    .unwrap();
    assert!(matches!(warm(&setup), Err(Miss::Changed)));
}

#[test]
fn an_appended_store_is_never_answered_from_its_cache() {
    let setup = setup(STORE);
    cold_and_keep(&setup);
    fs::OpenOptions::new()
        .append(true)
        .open(&setup.store)
        .unwrap()
        .write_all(b"\n")
        .unwrap();
    assert!(matches!(warm(&setup), Err(Miss::Changed)));
}

#[test]
fn a_store_changed_while_it_was_read_is_not_cached() {
    let setup = setup(STORE);
    let paths = [setup.store.clone()];
    let key = Key::new(&paths, &Options::default(), None).unwrap();
    let store = Store::load(&paths).unwrap();
    fs::write(&setup.store, STORE.replace("Third", "Fourth")).unwrap();
    let keepsake = Keepsake {
        store: Arc::new(store),
        orgs: no_organisations(3),
        words: None,
    };
    setup.cache.keep(&key, &keepsake).unwrap();
    assert!(setup.cache.files().unwrap().is_empty());
}

/// The one cache file of `setup`.
fn cache_file(setup: &Setup) -> PathBuf {
    let files = setup.cache.files().unwrap();
    assert_eq!(files.len(), 1);
    files[0].0.clone()
}

#[test]
fn damaged_caches_are_refused_then_made_again() {
    let setup = setup(STORE);
    let (store, orgs, _) = cold_and_keep(&setup);
    let path = cache_file(&setup);
    let whole = fs::read(&path).unwrap();
    let mut damages: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("cut short", whole[..whole.len() / 2].to_vec()),
        ("one byte short", whole[..whole.len() - 1].to_vec()),
        ("header never written", {
            let mut half = whole.clone();
            half[..40].fill(0);
            half
        }),
        ("another version", {
            let mut other = whole.clone();
            other[16..20].copy_from_slice(&99u32.to_le_bytes());
            other
        }),
    ];
    for at in (0..whole.len()).step_by(97) {
        let mut flipped = whole.clone();
        flipped[at] ^= 0x01;
        damages.push(("a flipped bit", flipped));
    }
    for (what, bytes) in damages {
        fs::write(&path, &bytes).unwrap();
        match warm(&setup) {
            Err(Miss::Unusable { .. }) => {}
            // Damage in the word index is found when it is checked; a
            // change in the padding between sections changes nothing.
            Ok(warm) => {
                let same = warm.store.articles == store.articles
                    && warm.orgs.organisations() == orgs.organisations();
                let words = warm.words.and_then(Unchecked::check);
                assert!(words.is_none() || same, "{what} went unseen");
            }
            Err(other) => panic!("{what}: {other}"),
        }
        cold_and_keep(&setup);
        assert!(
            warm(&setup).is_ok_and(|w| w.words.unwrap().check().is_some()),
            "{what}"
        );
    }
}

#[test]
fn two_readers_keeping_the_same_cache_at_once_leave_a_whole_one() {
    let setup = setup(STORE);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..5 {
                    cold_and_keep(&setup);
                }
            });
        }
    });
    let warm = warm(&setup).unwrap();
    assert!(warm.words.unwrap().check().is_some());
    assert_eq!(setup.cache.files().unwrap().len(), 1);
}

#[test]
fn a_cache_directory_that_cannot_be_written_is_an_error_not_a_panic() {
    let setup = setup(STORE);
    // A file where the directory should be.
    fs::write(setup.cache.dir(), b"not a directory").unwrap();
    let paths = [setup.store.clone()];
    let key = Key::new(&paths, &Options::default(), None).unwrap();
    let keepsake = Keepsake {
        store: Arc::new(Store::load(&paths).unwrap()),
        orgs: no_organisations(3),
        words: None,
    };
    assert!(setup.cache.keep(&key, &keepsake).is_err());
    assert!(matches!(warm(&setup), Err(Miss::None)));
}

#[test]
fn the_least_recently_used_caches_go_past_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut cache = Cache::new(dir.path().join("cache"), 0);
    let mut keys = Vec::new();
    for n in 0..3 {
        let store = dir.path().join(format!("s{n}.json"));
        fs::write(&store, STORE).unwrap();
        let paths = [store];
        let key = Key::new(&paths, &Options::default(), None).unwrap();
        let keepsake = Keepsake {
            store: Arc::new(Store::load(&paths).unwrap()),
            orgs: no_organisations(3),
            words: None,
        };
        cache.keep(&key, &keepsake).unwrap();
        keys.push((key, keepsake));
    }
    assert!(cache.files().unwrap().is_empty(), "a limit of 0 keeps none");
    cache.limit = u64::MAX;
    for (key, keepsake) in &keys {
        cache.keep(key, keepsake).unwrap();
        // Apart in time, so that the order of use is told by the clock.
        std::thread::sleep(Duration::from_millis(20));
    }
    // Room for two: using the first makes the second the least recently
    // used, and so the one to go.
    let each = cache.files().unwrap()[0].1.len();
    cache.limit = each * 2 + each / 2;
    cache.open(&keys[0].0).unwrap();
    cache.evict().unwrap();
    assert!(cache.open(&keys[0].0).is_ok());
    assert!(matches!(cache.open(&keys[1].0), Err(Miss::None)));
    assert!(cache.open(&keys[2].0).is_ok());
    assert_eq!(cache.clear().unwrap().0, 2);
    assert!(cache.files().unwrap().is_empty());
}

fn article_json() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Europol",
        "police",
        "raid",
        "the",
        "BBC",
        "said",
        "Straße",
        "news",
        "agency",
        "\\n\\n",
        "\\\"quoted\\\"",
        "<p>",
        "é",
        "Interpol",
    ]);
    (
        prop::collection::vec(words.clone(), 1..6),
        prop::collection::vec(words, 0..40),
        prop::option::of(0u32..40),
    )
        .prop_map(|(title, body, day)| {
            let date = day.map_or(String::new(), |d| {
                format!(r#","published":"2026-01-{:02}""#, d % 28 + 1)
            });
            format!(
                r#"{{"title":"{}","body":"{}"{date}}}"#,
                title.join(" "),
                body.join(" ")
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn cached_and_uncached_stores_answer_every_search_alike(
        articles in prop::collection::vec(article_json(), 1..12),
        query in prop::sample::select(vec!["police", "raid news", "\"news agency\"", "straße", "org:europol", "bbc or interpol", "title:raid"]),
    ) {
        let json = format!("[{}]", articles.join(","));
        let setup = setup(&json);
        let (store, orgs, _) = cold_and_keep(&setup);
        let warm = warm(&setup).unwrap();
        prop_assert_eq!(&warm.store.articles, &store.articles);
        let recogniser = recogniser();
        let query = Query::parse(query).unwrap();
        let cached = warm.words.unwrap().check().unwrap();
        let uncached = search::search(&query, &store.articles, &orgs.clauses(&query, &recogniser));
        let from_cache = search::search_indexed(
            &query,
            &warm.store.articles,
            &cached,
            &warm.orgs.clauses(&query, &recogniser),
        );
        prop_assert_eq!(from_cache, uncached);
    }
}

#[test]
fn a_count_of_articles_past_its_bytes_is_refused_without_allocating() {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&1u64.to_le_bytes());
    bytes.extend_from_slice(&5u64.to_le_bytes());
    bytes.extend_from_slice(&(1u64 << 58).to_le_bytes());
    bytes.extend_from_slice(b"abcde");
    assert!(records::read_articles(&bytes, &[]).is_none());
}

#[test]
fn a_date_that_is_not_in_its_canonical_shape_is_refused() {
    use crate::store::Published;
    assert!(Published::from_parts("2026-01-€10:00:00Z", 0, false).is_none());
    assert!(Published::from_parts("2026-01", 0, false).is_none());
    assert!(Published::from_parts("2026-01-02T", 0, false).is_none());
    let day = Published::from_parts("2026-01-02", 1_767_312_000, false).unwrap();
    assert_eq!(day, Published::parse("2026-01-02").unwrap());
    let time = Published::from_parts("2026-01-02T10:00:00Z", 1_767_348_000, false).unwrap();
    assert_eq!(time.day(), "2026-01-02");
}

#[test]
fn appended_lines_read_as_another_shape_make_the_cache_a_miss() {
    // The first line tells newspaper4k by its `top_image`; a line without
    // it, read alone, would be taken for newsdesk's own shape.
    let first = "{\"title\":\"Raid\",\"text\":\"Europol said so.\",\"top_image\":\"https://example.com/a.jpg\"}\n";
    let setup = lines_setup(&[first]);
    let cold = Store::load(std::slice::from_ref(&setup.store)).unwrap();
    cold_and_keep(&setup);
    fs::OpenOptions::new()
        .append(true)
        .open(&setup.store)
        .unwrap()
        .write_all(b"{\"title\":\"More\",\"text\":\"Another raid today.\"}\n")
        .unwrap();
    match warm(&setup) {
        Err(Miss::Changed) => {}
        Err(Miss::Grown(grown)) => {
            // Only if both read the same: then they must agree.
            let extended = grown.extend(&recogniser());
            let again = Store::load(std::slice::from_ref(&setup.store)).unwrap();
            assert_eq!(extended.store.articles, again.articles);
        }
        other => panic!("{:?}", other.err()),
    }
    assert_eq!(cold.files[0].shape, "newspaper4k");
}

#[test]
fn the_key_holds_the_digest_of_the_recogniser_source_as_it_is_now() {
    // Tests run from the crate's root: a stale digest (or one that missed
    // a file of the rules) would differ from the source read here.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let now = super::source_digest::digest(root).expect("the source is readable");
    assert_eq!(RECOGNISER_DIGEST, format!("{now:016x}"));
}
