//! Opening, searching and drawing generated stores of 1k, 10k and 100k
//! articles (about 7.5 KB each), beside a plain `serde_json` parse of the
//! same store into owned structs, measured in the same run.
//!
//! `cargo bench --bench store` (all sizes) or
//! `NEWSDESK_BENCH_SIZES=1000,10000 cargo bench --bench store`.
//! Figures are medians; the machine is shared and noisy.

#![allow(
    clippy::cast_precision_loss,
    reason = "sizes and times shown to three figures"
)]

mod common;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsdesk::app::App;
use newsdesk::cache::{Cache, Keepsake, Key};
use newsdesk::entities::{Gazetteer, Recogniser};
use newsdesk::generate::Shape;
use newsdesk::org_index::OrgIndex;
use newsdesk::search::{self, NoOrganisations, Query, WordIndex};
use newsdesk::store::{Options, Store};
use newsdesk::ui::{Screen, theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use serde::Deserialize;

/// The reference: what a plain owned parse of the store costs.
#[derive(Deserialize)]
#[allow(dead_code, reason = "the fields are parsed, not read")]
struct OwnedArticle {
    id: Option<String>,
    title: String,
    body: String,
    source: Option<String>,
    author: Option<String>,
    published: Option<String>,
    url: Option<String>,
    tags: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[allow(dead_code, reason = "the fields are parsed, not read")]
struct OwnedStore {
    articles: Vec<OwnedArticle>,
}

/// Medians of `first` and `second` run by turns, after one untimed run of
/// each, so that neither gains from going second (a warmed allocator, a
/// quieter moment on a shared machine).
fn time_by_turns<A, B>(
    runs: usize,
    mut first: impl FnMut() -> A,
    mut second: impl FnMut() -> B,
) -> (Duration, Duration) {
    common::time_once(&mut first);
    common::time_once(&mut second);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        a.push(common::time_once(&mut first));
        b.push(common::time_once(&mut second));
    }
    (common::median(a), common::median(b))
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// The peak resident memory of this process, in bytes (Linux).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Child mode: load the store at `path` one way and print the peak memory.
fn peak_child(how: &str, path: &str) {
    if how == "warm" || how == "cold" || how == "cold-keep" {
        // As the reader opens, to its first frame (its time is printed
        // after the peak); cold also waits for the organisation index, as a
        // reader left open does, and cold-keep then keeps the cache (without
        // a word index past the size the reader indexes ahead).
        let cache = Cache::new(
            std::env::var_os("NEWSDESK_BENCH_CACHE")
                .expect("cache dir")
                .into(),
            u64::MAX,
        );
        let start = Instant::now();
        let mut app = open_as_reader(path.as_ref(), &cache, how == "warm");
        let first_frame = start.elapsed();
        if how != "warm" {
            while !app.index.is_complete() {
                app.update(newsdesk::action::Action::IndexProgress);
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        if how == "cold-keep" {
            let paths = [std::path::PathBuf::from(path)];
            let key = Key::new(&paths, &options_for(path.as_ref()), None).expect("a store file");
            let words = (app.store.articles.len() <= newsdesk::app::INDEX_AHEAD)
                .then(|| Arc::new(WordIndex::build(&app.store.articles)));
            let keepsake = Keepsake::new(Arc::clone(&app.store), &app.index, words);
            cache.keep(&key, &keepsake).expect("cache kept");
        }
        black_box(app);
        println!(
            "{} {:.1}",
            peak_memory().unwrap_or(0),
            first_frame.as_secs_f64() * 1e3
        );
        return;
    } else if how == "reference" {
        let text = std::fs::read_to_string(path).expect("readable store");
        let store: OwnedStore = serde_json::from_str(&text).expect("valid store");
        drop(text);
        black_box(store);
    } else {
        let recogniser = Recogniser::new(Gazetteer::builtin().expect("built-in gazetteer"));
        let store = Store::load(&[path.into()]).expect("valid store");
        let mut app = App::new(store, recogniser, Rect::new(0, 0, 120, 40));
        // Peak with the background indexes built, as in a reader that has
        // searched once (which starts the word index) and been left open.
        app.update(newsdesk::action::Action::StartStoreSearch);
        app.update(newsdesk::action::Action::PromptCancel);
        while app.is_busy() {
            app.update(newsdesk::action::Action::IndexProgress);
            std::thread::sleep(Duration::from_millis(20));
        }
        black_box(app);
    }
    println!("{}", peak_memory().unwrap_or(0));
}

/// The load options for the store at `path`: the default ones, with room
/// for a store larger than their limit (as `--max-size` gives).
fn options_for(path: &Path) -> Options {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    let default = Options::default();
    Options {
        max_bytes: default.max_bytes.max(size),
        ..default
    }
}

/// Opens the store at `path` as the reader does, to its first frame drawn:
/// from `cache` when `warm` (which must hold), else read from the file.
fn open_as_reader(path: &Path, cache: &Cache, warm: bool) -> App {
    let paths = [path.to_owned()];
    let options = options_for(path);
    let key = Key::new(&paths, &options, None).expect("a store file");
    let (recogniser, app) = std::thread::scope(|scope| {
        let recogniser = scope.spawn(|| Recogniser::builtin().expect("built-in gazetteer"));
        let opened = if warm {
            Ok(cache.open(&key).expect("a whole cache"))
        } else {
            Err(Store::load_with(&paths, &options).expect("loads"))
        };
        (recogniser.join().expect("recogniser built"), opened)
    });
    let viewport = Rect::new(0, 0, 120, 40);
    let app = match app {
        Ok(warm) => App::from_warm(warm, recogniser, viewport),
        Err(store) => App::new(store, recogniser, viewport),
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal
        .draw(|frame| frame.render_widget(Screen::new(&app, &theme::COLOUR), frame.area()))
        .expect("draws");
    app
}

/// Cold and warm opens and `newsdesk search` from the file, beside the
/// reference parse of the same file, by turns.
fn cache_lines(count: usize, store: &Store, path: &Path, dir: &Path, lines: &mut Vec<String>) {
    let runs = if count >= 100_000 { 5 } else { 9 };
    // `$XDG_CACHE_HOME` of the binary: its caches are in `newsdesk` there.
    let cache_dir = dir.join(format!("cache-{count}"));
    let cache = Cache::new(cache_dir.join("newsdesk"), u64::MAX);
    let paths = [path.to_owned()];
    let key = Key::new(&paths, &Options::default(), None).expect("a store file");
    {
        let loaded = Arc::new(Store::load(&paths).expect("loads"));
        let orgs = OrgIndex::build(&loaded, &Recogniser::builtin().expect("built-in gazetteer"));
        let words = Some(Arc::new(WordIndex::build(&store.articles)));
        let keepsake = Keepsake::new(loaded, &orgs, words);
        cache.keep(&key, &keepsake).expect("cache kept");
    }
    let reference = || {
        let text = std::fs::read_to_string(path).expect("readable");
        serde_json::from_str::<OwnedStore>(&text).expect("parses")
    };
    let (reference_time, cold) =
        time_by_turns(runs, reference, || open_as_reader(path, &cache, false));
    let (_, warm) = time_by_turns(runs, reference, || {
        let app = open_as_reader(path, &cache, true);
        assert!(
            app.index.is_complete(),
            "organisation counts complete at the first frame"
        );
        app
    });
    let binary = env!("CARGO_BIN_EXE_newsdesk");
    let cache_dir = &cache_dir;
    let search = |cached: bool| {
        move || {
            let mut command = Command::new(binary);
            command.env("XDG_CACHE_HOME", cache_dir).env("HOME", dir);
            if !cached {
                command.arg("--no-cache");
            }
            let output = command
                .args(["search", "europol"])
                .arg(path)
                .output()
                .expect("runs");
            // 1: nothing found.
            assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
            output.stdout.len()
        }
    };
    let (_, warm_search) = time_by_turns(runs, reference, search(true));
    let (_, cold_search) = time_by_turns(runs, reference, search(false));
    let ratio = |d: Duration| d.as_secs_f64() / reference_time.as_secs_f64();
    lines.push(format!(
        "| {count} | {} | {} ({:.2}×) | {} ({:.2}×) | {} ({:.2}×) | {} ({:.2}×) |",
        ms(reference_time),
        ms(cold),
        ratio(cold),
        ms(warm),
        ratio(warm),
        ms(warm_search),
        ratio(warm_search),
        ms(cold_search),
        ratio(cold_search),
    ));
    let size = std::fs::metadata(path).map_or(1, |m| m.len());
    let cache_size = cache.usage().map_or(0, |(_, bytes)| bytes);
    let peak = |how: &str| {
        let output = Command::new(std::env::current_exe().expect("this binary"))
            .env("NEWSDESK_BENCH_CACHE", cache.dir())
            .args(["--peak", how, &path.display().to_string()])
            .output()
            .expect("child runs");
        // The child prints its peak, then the time to its first frame.
        String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .next()
            .and_then(|peak| peak.parse::<u64>().ok())
            .unwrap_or(0) as f64
    };
    lines.push(format!(
        "cache of {count} articles: {:.0} MB ({:.2}× the store); peak memory to the first frame, warm {:.2}× the store, cold (with the organisation index) {:.2}×",
        cache_size as f64 / 1e6,
        cache_size as f64 / size as f64,
        peak("warm") / size as f64,
        peak("cold") / size as f64,
    ));
}

fn peak_in_child(how: &str, path: &Path) -> u64 {
    let output = Command::new(std::env::current_exe().expect("this binary"))
        .args(["--peak", how, &path.display().to_string()])
        .output()
        .expect("child runs");
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

/// One size: open, search and, at the largest size, frame, find and memory.
fn measure(count: usize, largest: bool, builtin: &Recogniser, dir: &Path, lines: &mut Vec<String>) {
    let runs = if count >= 100_000 { 3 } else { 5 };
    let json = newsdesk::generate::store_json(7, builtin.organisations(), count, 7_500);
    let path = dir.join(format!("store-{count}.json"));
    std::fs::write(&path, &json).expect("store written");

    let (reference, open) = time_by_turns(
        if count >= 100_000 { 5 } else { 9 },
        || serde_json::from_str::<OwnedStore>(&json).expect("parses"),
        || {
            // As the reader opens: the built-in recogniser is built on
            // another core while the store is parsed.
            let (recogniser, store) = std::thread::scope(|scope| {
                let recogniser = scope
                    .spawn(|| Recogniser::new(Gazetteer::builtin().expect("built-in gazetteer")));
                let store = Store::from_json_str("bench", &json).expect("loads");
                (recogniser.join().expect("recogniser built"), store)
            });
            let app = App::new(store, recogniser, Rect::new(0, 0, 120, 40));
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
            terminal
                .draw(|frame| frame.render_widget(Screen::new(&app, &theme::COLOUR), frame.area()))
                .expect("draws");
            app
        },
    );
    println!(
        "| {count} | {:.0} MB | {} | {} | {:.2}× |",
        json.len() as f64 / 1e6,
        ms(reference),
        ms(open),
        open.as_secs_f64() / reference.as_secs_f64()
    );

    shape_lines(count, builtin, &json, lines);
    let store = Store::from_json_str("bench", &json).expect("loads");
    drop(json);
    cache_lines(count, &store, &path, dir, lines);
    search_lines(count, runs, &store, lines);
    if largest {
        frame_and_memory_lines(count, store, builtin, &path, lines);
    }
    let _ = std::fs::remove_file(&path);
}

/// Loading the same articles written by other tools, beside newsdesk's
/// own format, by turns.
fn shape_lines(count: usize, builtin: &Recogniser, own: &str, lines: &mut Vec<String>) {
    let runs = if count >= 100_000 { 5 } else { 9 };
    for (shape, name) in [
        (Shape::NewsApi, "NewsAPI"),
        (Shape::NewsPlease, "news-please"),
    ] {
        let other =
            newsdesk::generate::store_json_in(shape, 7, builtin.organisations(), count, 7_500);
        let (mine, theirs) = time_by_turns(
            runs,
            || Store::from_json_str("bench.json", own).expect("loads"),
            || Store::from_json_str("bench.json", &other).expect("loads"),
        );
        lines.push(format!(
            "| {count} | {name} | {:.0} MB | {} | {} | {:.2}× |",
            other.len() as f64 / 1e6,
            ms(mine),
            ms(theirs),
            theirs.as_secs_f64() / mine.as_secs_f64()
        ));
    }
}

fn search_lines(count: usize, runs: usize, store: &Store, lines: &mut Vec<String>) {
    let started = Instant::now();
    let index = WordIndex::build(&store.articles);
    lines.push(format!(
        "word index of {count} articles built in {} (in the background in the reader)",
        ms(started.elapsed())
    ));
    for query in [
        "police",
        "police said ministers",
        "\"news agency\"",
        "europol",
    ] {
        let parsed = Query::parse(query).expect("valid query");
        let scan = common::time(runs, || {
            search::search(&parsed, &store.articles, &NoOrganisations).len()
        });
        let indexed = common::time(runs, || {
            search::search_indexed(&parsed, &store.articles, &index, &NoOrganisations).len()
        });
        let found = search::search(&parsed, &store.articles, &NoOrganisations).len();
        lines.push(format!(
            "| {count} | `{query}` | {found} | {} | {} |",
            ms(indexed),
            ms(scan)
        ));
    }
}

fn frame_and_memory_lines(
    count: usize,
    mut store: Store,
    builtin: &Recogniser,
    path: &Path,
    lines: &mut Vec<String>,
) {
    // A frame with the whole list and a long article highlighted.
    store.articles[0].body = newsdesk::generate::text(
        &mut newsdesk::generate::Rng::new(3),
        builtin.organisations(),
        22_000,
    )
    .into();
    let words = store.articles[0].body.text().split_whitespace().count();
    let mut app = App::new(store, builtin.clone(), Rect::new(0, 0, 120, 40));
    app.update(newsdesk::action::Action::MoveDown);
    app.update(newsdesk::action::Action::MoveUp);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    let frame = common::time(51, || {
        terminal
            .draw(|frame| frame.render_widget(Screen::new(&app, &theme::COLOUR), frame.area()))
            .map(|_| ())
    });
    let body = app.store.articles[0].body.text();
    let find = common::time(201, || search::find_all(&body, "europol").map(|m| m.len()));
    lines.push(format!(
        "frame ({count} articles, open article of {words} words, highlighted): {}",
        ms(frame)
    ));
    lines.push(format!(
        "in-article find, one word, {words}-word article: {}",
        ms(find)
    ));
    let peak = peak_in_child("newsdesk", path);
    let peak_reference = peak_in_child("reference", path);
    let size = std::fs::metadata(path).map_or(1, |m| m.len());
    lines.push(format!(
        "peak memory at {count}: newsdesk {:.0} MB ({:.2}× the store), reference parse {:.0} MB ({:.2}×), store {:.0} MB",
        peak as f64 / 1e6,
        peak as f64 / size as f64,
        peak_reference as f64 / 1e6,
        peak_reference as f64 / size as f64,
        size as f64 / 1e6
    ));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--peak") {
        peak_child(&args[at + 1], &args[at + 2]);
        return;
    }
    let sizes: Vec<usize> = std::env::var("NEWSDESK_BENCH_SIZES").ok().map_or_else(
        || vec![1_000, 10_000, 100_000],
        |s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
    );
    let builtin = Recogniser::builtin().expect("built-in gazetteer");
    let dir = std::env::temp_dir().join(format!("newsdesk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    println!("| articles | store | reference parse | open to first frame | ratio |");
    let mut lines = Vec::new();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    for &count in &sizes {
        measure(count, count == largest, &builtin, &dir, &mut lines);
    }
    println!();
    println!("| articles | shape | store | load, newsdesk format | load, that shape | ratio |");
    for line in lines
        .iter()
        .filter(|l| l.starts_with('|') && l.ends_with("× |"))
    {
        println!("{line}");
    }
    println!();
    println!(
        "| articles | reference parse | cold first frame | warm first frame | warm `newsdesk search europol` | cold `newsdesk search europol` |"
    );
    for line in lines
        .iter()
        .filter(|l| l.starts_with('|') && l.ends_with("×) |"))
    {
        println!("{line}");
    }
    println!();
    println!("| articles | query | results | search, word index | search, scan |");
    for line in lines
        .iter()
        .filter(|l| l.starts_with('|') && !l.ends_with("× |") && !l.ends_with("×) |"))
    {
        println!("{line}");
    }
    println!();
    for line in lines.iter().filter(|l| !l.starts_with('|')) {
        println!("{line}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
