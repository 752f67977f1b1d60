//! The command line: open the reader, or list and check stores without it.
//! The commands are in [`commands`], exit statuses in [`exit`].

mod caching;
mod commands;
mod exit;
mod marking;
mod reader;
mod report;
mod settings;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::{Listed, entities, export, import, list, search};
use exit::{EXIT_MALFORMED, Stop, finish_output};
pub use marking::Marking;
use report::{check, shapes};
use settings::Settings;

use crate::entities::{Gazetteer, Recogniser};
use crate::store::map::FieldMap;
use crate::store::{Options, Store};
use crate::text::visible;

/// A terminal news reader that highlights the agencies and outlets an
/// article names.
#[derive(Debug, Parser)]
#[command(
    name = "newsdesk",
    version,
    after_help = EXIT_STATUS_HELP
)]
pub struct Cli {
    /// What to do; without one, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Stores to open: JSON or JSON Lines files in newsdesk's format or
    /// another tool's, RSS and Atom feeds, .txt articles, or directories of
    /// them. Without any, the sample store built into newsdesk opens.
    pub paths: Vec<PathBuf>,
    /// Your own organisations, in the built-in gazetteer's JSON format,
    /// laid over the built-in list (an entry with the same name replaces it).
    #[arg(long, global = true, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// The most the files read may hold together, in bytes or with a
    /// suffix K, M, G or T (powers of 1024); a larger store is refused
    /// before it is read. A file from 64 MiB is mapped, not read into
    /// memory, so memory grows with the articles' metadata, not their text.
    #[arg(
        long,
        global = true,
        value_name = "SIZE",
        default_value = "1G",
        value_parser = parse_size
    )]
    pub max_size: u64,
    /// Where newsdesk's fields are in JSON of a shape it does not know, or
    /// where they differ from the shape it detects:
    /// `articles=data.items,body=story.text,published=meta.ts`. Given more
    /// than once, later fields replace earlier ones; all replace those of
    /// the settings file's `map`.
    #[arg(long, global = true, value_name = "FIELD=PATH[,…]", value_parser = parse_map)]
    pub map: Vec<FieldMap>,
    /// The settings file to read instead of
    /// `$XDG_CONFIG_HOME/newsdesk/config.toml`.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read the stores whole, and keep nothing in
    /// `$XDG_CACHE_HOME/newsdesk`.
    #[arg(long, global = true)]
    pub no_cache: bool,
}

/// Reads `--map`.
fn parse_map(text: &str) -> Result<FieldMap, String> {
    FieldMap::parse(text).map_err(|err| err.to_string())
}

/// The exit statuses, for `--help`; the README's table says the same.
const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  done; for `check`, no problem found
  1  `check` found a problem in an article, such as a duplicate id;
     `search` found nothing
  2  the command line, the settings file or the query is wrong, or the
     terminal or the output failed
  1  every article of the stores was skipped (list, entities, search,
     export, and the reader); `mark` got an id the stores lack
  3  a file could not be read: missing, forbidden, not a regular file
     (a named pipe, a device) or not a store by its name or first bytes
  4  a file is not a store: not UTF-8, not valid JSON or XML, nested too
     deeply, empty, an object in no known shape, a --map path that
     matches nothing, or larger than --max-size";

/// Reads `--max-size`: a number of bytes, or a number followed by K, M, G
/// or T (with or without `iB`), powers of 1024.
fn parse_size(text: &str) -> Result<u64, String> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &text[digits.len()..];
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        "t" | "tib" => 40,
        _ => return Err(format!("unknown unit {unit:?} (use K, M, G or T)")),
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("{digits:?} is not a whole number of bytes"))?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| "too large a size".to_owned())
}

/// The commands that work without the screen.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the articles: id, date, source and title, newest first.
    List {
        /// Stores to list (without any: the settings' stores, else the
        /// sample store).
        paths: Vec<PathBuf>,
        /// One JSON object per line instead of tab-separated columns, with
        /// whether each article is read and starred.
        #[arg(long)]
        json: bool,
        /// Only the articles not read.
        #[arg(long, conflicts_with = "starred")]
        unread: bool,
        /// Only the starred articles.
        #[arg(long)]
        starred: bool,
    },
    /// Mark articles read or unread, or star them or take their stars off,
    /// as `r` and `*` do in the reader.
    Mark {
        /// What to do.
        #[arg(value_enum)]
        marking: Marking,
        /// Article ids; and, to check the ids against, stores (any word
        /// that names an existing file or directory).
        #[arg(required = true, value_name = "ID|PATH")]
        words: Vec<String>,
    },
    /// Print the settings file's path and the settings in effect.
    Config,
    /// Report every problem in stores, and the shape each file was read
    /// as; exit 1 if an article has a problem.
    Check {
        /// Stores to check.
        #[arg(required_unless_present = "shapes")]
        paths: Vec<PathBuf>,
        /// List the shapes of JSON newsdesk knows, with their field maps.
        #[arg(long)]
        shapes: bool,
    },
    /// Write the articles as newsdesk reads them, in its own store format,
    /// as JSON Lines on standard output.
    Export {
        /// Stores to read (the sample store without any).
        paths: Vec<PathBuf>,
    },
    /// Add to a JSON Lines store the articles of files, directories and
    /// http(s) URLs of feeds or JSON API answers that it does not have yet
    /// (by id or by URL).
    Import {
        /// Files, directories and URLs to read.
        #[arg(required = true, value_name = "SOURCE")]
        sources: Vec<String>,
        /// The store to add to (created if missing): JSON Lines in
        /// newsdesk's own format.
        #[arg(long, value_name = "STORE.jsonl")]
        into: PathBuf,
        /// The most seconds a URL may take to answer in full.
        #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
        timeout: u64,
    },
    /// Print the articles that match a query, best first: id, date, source,
    /// title, hits and a snippet around the first hit. Exit 1 if none.
    Search {
        /// The query (see the README: terms, "phrases", -exclusions, fields).
        query: String,
        /// Stores to search (the sample store without any).
        paths: Vec<PathBuf>,
        /// One JSON object per line instead of tab-separated columns.
        #[arg(long)]
        json: bool,
    },
    /// Print where caches are kept and how much they take; `cache clear`
    /// removes them all.
    Cache {
        /// What to do.
        #[command(subcommand)]
        action: Option<CacheAction>,
    },
    /// Print the agencies and outlets named across the stores: kind, name,
    /// articles and mentions, most widely named first.
    Entities {
        /// Stores to read (the sample store without any).
        paths: Vec<PathBuf>,
        /// One JSON object per article and line, with every mention's byte
        /// range in the body, kind, canonical name and text.
        #[arg(long)]
        json: bool,
    },
}

/// What `newsdesk cache` does.
#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Remove every cache.
    Clear,
    /// Make the cache of the stores now (their organisation and word
    /// indexes), as the reader does in the background, so that the next
    /// open is instant: from a timer, say, after a crawl.
    Build {
        /// The stores (files, not directories).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> ExitCode {
    let result = Settings::read(&cli).and_then(|settings| dispatch(cli, &settings));
    result.unwrap_or_else(|stop| {
        // Not `eprintln!`: with the terminal gone (a hang-up) it would
        // panic, and there is no one left to tell anyway.
        if !stop.message.is_empty() {
            let _ = writeln!(io::stderr(), "newsdesk: {}", stop.message);
        }
        ExitCode::from(stop.status)
    })
}

fn dispatch(cli: Cli, settings: &Settings) -> Result<ExitCode, Stop> {
    let options = &settings.options;
    let gazetteer = cli.gazetteer.as_deref();
    let stores = |paths: &[PathBuf]| settings.paths_or_stores(paths);
    match cli.command {
        None => reader::open(&cli.paths, gazetteer, settings),
        Some(Command::List {
            paths,
            json,
            unread,
            starred,
        }) => {
            let listed = match (unread, starred) {
                (true, _) => Listed::Unread,
                (_, true) => Listed::Starred,
                _ => Listed::All,
            };
            list(&stores(&paths), json, listed, options)
        }
        Some(Command::Check { shapes: true, .. }) => Ok(shapes()),
        Some(Command::Check { paths, .. }) => Ok(check(&paths, options)),
        Some(Command::Export { paths }) => export(&stores(&paths), options),
        Some(Command::Import {
            sources,
            into,
            timeout,
        }) => import(&sources, &into, timeout, options.clone()),
        Some(Command::Entities { paths, json }) => {
            entities(&stores(&paths), json, gazetteer, options)
        }
        Some(Command::Search { query, paths, json }) => {
            search(&query, &stores(&paths), json, gazetteer, settings)
        }
        Some(Command::Mark { marking, words }) => marking::mark(marking, &words, options),
        Some(Command::Cache { action }) => caching::command(action.as_ref(), gazetteer, settings),
        Some(Command::Config) => {
            finish_output(write!(io::stdout(), "{}", settings::show(settings)))
        }
    }
}

/// The stores at `paths` (the sample store without any); a line on
/// standard error for each file with skipped articles, and exit 1 when
/// every article was skipped.
fn load(paths: &[PathBuf], options: &Options) -> Result<Store, Stop> {
    if paths.is_empty() {
        return Ok(Store::sample());
    }
    let store = Store::load_with(paths, options)?;
    report::skipped(&store)?;
    Ok(store)
}

/// The built-in recogniser, with the user's gazetteer laid over it.
fn recogniser(extra: Option<&Path>, max: u64) -> Result<Recogniser, Stop> {
    let mut gazetteer = Gazetteer::builtin().map_err(|err| Stop {
        status: EXIT_MALFORMED,
        message: err.to_string(),
    })?;
    if let Some(path) = extra {
        let text = crate::store::read_file(path, max)?;
        let mine = Gazetteer::parse(&path.display().to_string(), &text).map_err(|err| Stop {
            status: EXIT_MALFORMED,
            message: visible(&err.to_string()).into_owned(),
        })?;
        gazetteer = gazetteer.merged_with(mine);
    }
    Ok(Recogniser::new(gazetteer))
}

#[cfg(test)]
mod tests {
    use super::exit::{EXIT_UNREADABLE, EXIT_USAGE};
    use super::*;
    use crate::store::DEFAULT_MAX_BYTES;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(
            parse_size("1G"),
            Ok(DEFAULT_MAX_BYTES),
            "the default is the store's"
        );
        assert_eq!(parse_size("512"), Ok(512));
        assert_eq!(parse_size("3k"), Ok(3 << 10));
        assert_eq!(parse_size("40MiB"), Ok(40 << 20));
        assert_eq!(parse_size("2T"), Ok(2 << 40));
        assert!(parse_size("1.5G").is_err());
        assert!(parse_size("1X").is_err());
        assert!(parse_size("").is_err());
        assert!(parse_size("99999999999T").is_err(), "overflow");
    }

    #[test]
    fn the_help_lists_every_exit_status() {
        for status in [EXIT_USAGE, EXIT_UNREADABLE, EXIT_MALFORMED] {
            assert!(
                EXIT_STATUS_HELP.contains(&format!("\n  {status}  ")),
                "{status}"
            );
        }
    }
}
