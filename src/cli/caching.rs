//! The cache from the command line: stores opened from their cache when it
//! holds, and `newsdesk cache`.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CacheAction;
use super::exit::{EXIT_USAGE, Stop, finish_output};
use super::load;
use super::settings::Settings;
use crate::app::INDEX_AHEAD;
use crate::cache::{Grown, Keeper, Keepsake, Key, Miss, OrgRecord, Warm};
use crate::org_index::OrgIndex;
use crate::search::WordIndex;
use crate::store::{Options, Progress, Store};
use std::sync::Arc;

/// Stores as opened: from their cache, or read (and then to be cached by
/// `keeper`).
pub(super) enum Opened {
    /// From the cache, with the indexes (boxed: a store read from the
    /// files is much smaller than one with its indexes).
    Warm(Box<Warm>),
    /// From the cache, with lines appended to a store read: to be
    /// [extended](Grown::extend) with the recogniser the caller builds
    /// anyway.
    Grown(Box<Grown>),
    /// Read from the files.
    Cold(Store),
}

/// Opens the stores at `paths`: from their cache when it is whole and of
/// these very files, else by reading them. Also gives what keeps their
/// cache, when they can have one.
pub(super) fn open(
    paths: &[PathBuf],
    options: &Options,
    gazetteer: Option<&Path>,
    settings: &Settings,
) -> Result<(Opened, Option<Keeper>), Stop> {
    let keeper = settings
        .cache
        .as_ref()
        .and_then(|cache| Key::new(paths, options, gazetteer).map(|key| (cache.clone(), key)));
    if let Some((cache, key)) = &keeper {
        let opened = match cache.open(key) {
            Ok(warm) => {
                super::report::skipped(&warm.store)?;
                Some(Opened::Warm(Box::new(warm)))
            }
            // Lines appended to a store: only they are read. (The articles
            // cached were not all skipped, and more cannot make them so.)
            Err(Miss::Grown(grown)) => Some(Opened::Grown(grown)),
            Err(_) => None,
        };
        if let Some(opened) = opened {
            return Ok((opened, Some(Keeper::new(cache.clone(), key.clone()))));
        }
    }
    let store = load_showing_progress(paths, options)?;
    Ok((
        Opened::Cold(store),
        keeper.map(|(cache, key)| Keeper::new(cache, key)),
    ))
}

/// How long loading goes on before its progress is shown.
const QUIET: Duration = Duration::from_millis(500);

/// Loads the stores at `paths` as [`load`] does; a load that takes more
/// than half a second shows its progress on standard error, when that is a
/// terminal, and clears it when done.
fn load_showing_progress(paths: &[PathBuf], options: &Options) -> Result<Store, Stop> {
    if paths.is_empty() || !io::stderr().is_terminal() {
        return load(paths, options);
    }
    let total: u64 = paths
        .iter()
        .filter_map(|path| std::fs::metadata(path).ok())
        .filter(std::fs::Metadata::is_file)
        .map(|metadata| metadata.len())
        .sum();
    let bar = ProgressBar::hidden();
    bar.set_length(total);
    bar.set_style(
        ProgressStyle::with_template(
            "reading {prefix} [{bar:30}] {bytes}/{total_bytes} · {msg} · {elapsed}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_prefix(crate::text::visible(&crate::store::store_name(paths)).into_owned());
    let shown = bar.clone();
    let start = Instant::now();
    let watch = move |progress: Progress| {
        if shown.is_hidden() && start.elapsed() > QUIET {
            shown.set_draw_target(ProgressDrawTarget::stderr());
        }
        shown.set_position(progress.bytes.min(total));
        shown.set_message(format!("{} articles", progress.articles));
    };
    let loaded = Store::load_watched(paths, options, Box::new(watch));
    bar.finish_and_clear();
    let store = loaded?;
    super::report::skipped(&store)?;
    Ok(store)
}

/// `newsdesk cache`: where caches are and their size; `cache clear`.
pub(super) fn command(
    action: Option<&CacheAction>,
    gazetteer: Option<&Path>,
    settings: &Settings,
) -> Result<ExitCode, Stop> {
    let Some(cache) = &settings.cache else {
        return Err(Stop {
            status: EXIT_USAGE,
            message: "no cache: --no-cache is given, or neither $XDG_CACHE_HOME nor $HOME is set"
                .to_owned(),
        });
    };
    let failed = |err: io::Error| Stop {
        status: EXIT_USAGE,
        message: format!("{}: {err}", cache.dir().display()),
    };
    let text = match action {
        Some(CacheAction::Build { paths }) => {
            let options = &settings.options;
            let Some(key) = Key::new(paths, options, gazetteer) else {
                return Err(Stop {
                    status: EXIT_USAGE,
                    message: "only store files have caches, not directories".to_owned(),
                });
            };
            let whole = cache.open(&key).is_ok_and(|warm| {
                warm.words
                    .and_then(crate::cache::Unchecked::check)
                    .is_some()
            });
            if whole {
                return finish_output(writeln!(io::stdout(), "the cache is whole already"));
            }
            let store = load_showing_progress(paths, options)?;
            let recogniser = super::recogniser(gazetteer, options.max_bytes)?;
            let orgs = OrgIndex::build(&store, &recogniser);
            let words = (store.articles.len() <= INDEX_AHEAD)
                .then(|| Arc::new(WordIndex::build(&store.articles)));
            let keepsake = Keepsake {
                orgs: OrgRecord::from_index(orgs),
                words,
                store: Arc::new(store),
            };
            cache.keep(&key, &keepsake).map_err(failed)?;
            format!(
                "kept the cache of {} articles in {}\n",
                keepsake.store.articles.len(),
                cache.dir().display()
            )
        }
        Some(CacheAction::Clear) => {
            let (files, bytes) = cache.clear().map_err(failed)?;
            format!("removed {files} cache files, {}\n", size(bytes))
        }
        None => {
            let (files, bytes) = cache.usage().map_err(failed)?;
            format!(
                "{}\n{files} caches, {} (at most {}; the least recently used go first)\n",
                cache.dir().display(),
                size(bytes),
                size(cache.limit()),
            )
        }
    };
    finish_output(write!(io::stdout(), "{text}"))
}

/// A size for people: bytes, KiB, MiB or GiB.
fn size(bytes: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "a size to read, to one decimal")]
    let value = bytes as f64;
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..0x10_0000 => format!("{:.1} KiB", value / 1024.0),
        0x10_0000..0x4000_0000 => format!("{:.1} MiB", value / f64::from(0x10_0000)),
        _ => format!("{:.1} GiB", value / f64::from(0x4000_0000)),
    }
}
