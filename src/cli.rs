//! The command line: open the reader, or list and check stores without it.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::entities::{Gazetteer, Kind, Recogniser};
use crate::org_index::OrgIndex;
use crate::search::{Query, Snippet};
use crate::store::{Failure, Published, Store, StoreError};
use crate::text::visible;
use crate::ui::theme::Theme;

/// A terminal news reader that highlights the agencies and outlets an
/// article names.
#[derive(Debug, Parser)]
#[command(
    name = "newsdesk",
    version,
    args_conflicts_with_subcommands = true,
    after_help = EXIT_STATUS_HELP
)]
pub struct Cli {
    /// What to do; without one, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Stores to open: .json, .jsonl or .txt files, or directories of them.
    /// Without any, the sample store built into newsdesk opens.
    pub paths: Vec<PathBuf>,
    /// Your own organisations, in the built-in gazetteer's JSON format,
    /// laid over the built-in list (an entry with the same name replaces it).
    #[arg(long, global = true, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// The most the files read may hold together, in bytes or with a
    /// suffix K, M, G or T (powers of 1024). Loading takes about twice
    /// this in memory; a larger store is refused before it is read.
    #[arg(
        long,
        global = true,
        value_name = "SIZE",
        default_value = "1G",
        value_parser = parse_size
    )]
    pub max_size: u64,
}

/// The exit statuses, for `--help`; the README's table says the same.
const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  done; for `check`, no problem found
  1  `check` found a problem in an article, such as a duplicate id;
     `search` found nothing
  2  the command line or the query is wrong
  3  a file could not be read: missing, forbidden, not a regular file
     (a named pipe, a device) or not a .json, .jsonl or .txt file
  4  a file is not a store: not UTF-8, not valid JSON, nested too deeply,
     empty, or larger than --max-size";

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
        /// Stores to list (the sample store without any).
        paths: Vec<PathBuf>,
        /// One JSON object per line instead of tab-separated columns.
        #[arg(long)]
        json: bool,
    },
    /// Report every problem in stores; exit 1 if there is any.
    Check {
        /// Stores to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
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

/// Exit status for a wrong command line or query.
const EXIT_USAGE: u8 = 2;
/// Exit status for a file that could not be read.
const EXIT_UNREADABLE: u8 = 3;
/// Exit status for a file that was read but holds no valid store.
const EXIT_MALFORMED: u8 = 4;

/// Why a command stopped: the one line to print and the exit status.
struct Stop {
    status: u8,
    message: String,
}

impl Stop {
    fn usage(message: String) -> Self {
        Self {
            status: EXIT_USAGE,
            message,
        }
    }
}

impl From<StoreError> for Stop {
    fn from(err: StoreError) -> Self {
        Self {
            status: exit_status(&err),
            message: describe(&err),
        }
    }
}

/// The one line that says what is wrong with a file.
fn describe(err: &StoreError) -> String {
    // Paths and JSON messages may hold control characters (a newline in a
    // file name): as symbols, the message stays one line.
    let mut line = visible(&err.to_string()).into_owned();
    if matches!(err, StoreError::TooLarge { .. }) {
        line.push_str("; --max-size raises it");
    }
    line
}

fn exit_status(err: &StoreError) -> u8 {
    match err.failure() {
        Failure::Unreadable => EXIT_UNREADABLE,
        Failure::Malformed => EXIT_MALFORMED,
    }
}

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> ExitCode {
    let gazetteer = cli.gazetteer.as_deref();
    let max = cli.max_size;
    let result = match cli.command {
        None => open(&cli.paths, gazetteer, max),
        Some(Command::List { paths, json }) => list(&paths, json, max),
        Some(Command::Check { paths }) => Ok(check(&paths, max)),
        Some(Command::Entities { paths, json }) => entities(&paths, json, gazetteer, max),
        Some(Command::Search { query, paths, json }) => {
            search(&query, &paths, json, gazetteer, max)
        }
    };
    result.unwrap_or_else(|stop| {
        // Not `eprintln!`: with the terminal gone (a hang-up) it would
        // panic, and there is no one left to tell anyway.
        let _ = writeln!(io::stderr(), "newsdesk: {}", stop.message);
        ExitCode::from(stop.status)
    })
}

fn load(paths: &[PathBuf], max: u64) -> Result<Store, Stop> {
    if paths.is_empty() {
        Ok(Store::sample())
    } else {
        Ok(Store::load_within(paths, max)?)
    }
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

fn open(paths: &[PathBuf], gazetteer: Option<&Path>, max: u64) -> Result<ExitCode, Stop> {
    let recogniser = recogniser(gazetteer, max)?;
    // The store loads before the terminal is touched, so that a store that
    // fails leaves the screen as it was, with one line saying why.
    let store = load(paths, max)?;
    crate::terminal::run(store, recogniser, Theme::from_env())
        .map_err(|err| Stop::usage(format!("terminal: {err}")))?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    published: Option<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
}

fn list(paths: &[PathBuf], json: bool, max: u64) -> Result<ExitCode, Stop> {
    let store = load(paths, max)?;
    let mut out = io::stdout().lock();
    let written: io::Result<()> = store.articles.iter().try_for_each(|article| {
        if json {
            let row = ListRow {
                id: &article.id,
                published: article.published.as_ref().map(Published::as_str),
                source: article.source.as_deref(),
                title: &article.title,
            };
            serde_json::to_writer(&mut out, &row)?;
            writeln!(out)
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                visible(&article.id),
                article.published.as_ref().map_or("", |p| p.day()),
                visible(article.source.as_deref().unwrap_or("")),
                visible(&article.title)
            )
        }
    });
    finish_output(written)
}

/// A closed pipe (`newsdesk list | head`) is a normal end, not an error.
fn finish_output(written: io::Result<()>) -> Result<ExitCode, Stop> {
    match written.and_then(|()| io::stdout().flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            Err(Stop::usage(format!("output: {err}")))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Reports every file that fails and every problem in the articles of the
/// rest. Exits 3 if a file could not be read, else 4 if one held no valid
/// store, else 1 if an article has a problem.
fn check(paths: &[PathBuf], max: u64) -> ExitCode {
    let (store, errors) = Store::check(paths, max);
    let problems = errors.len() + store.problems.len();
    // A closed pipe (`newsdesk check | head`) ends the report, not the
    // verdict: the exit status still says what was found.
    let mut out = io::stdout().lock();
    let _ = errors
        .iter()
        .map(describe)
        .chain(
            store
                .problems
                .iter()
                .map(|p| visible(&p.to_string()).into_owned()),
        )
        .try_for_each(|line| writeln!(out, "{line}"));
    if problems == 0 {
        let _ = writeln!(out, "ok: {} articles, no problems", store.articles.len());
        return ExitCode::SUCCESS;
    }
    let _ = writeln!(io::stderr(), "{problems} problem(s) found");
    let worst = errors.iter().map(exit_status).min();
    ExitCode::from(worst.unwrap_or(1))
}

#[derive(Serialize)]
struct ArticleMentions<'a> {
    id: &'a str,
    title: &'a str,
    mentions: Vec<MentionRow<'a>>,
}

#[derive(Serialize)]
struct MentionRow<'a> {
    start: usize,
    end: usize,
    kind: Kind,
    name: String,
    text: &'a str,
}

fn entities(
    paths: &[PathBuf],
    json: bool,
    gazetteer: Option<&Path>,
    max: u64,
) -> Result<ExitCode, Stop> {
    let recogniser = recogniser(gazetteer, max)?;
    let store = load(paths, max)?;
    let mut out = io::stdout().lock();
    if json {
        let written: io::Result<()> = store.articles.iter().try_for_each(|article| {
            let mentions = recogniser
                .recognise(&article.body)
                .into_iter()
                .map(|m| MentionRow {
                    start: m.range.start,
                    end: m.range.end,
                    kind: m.kind,
                    text: &article.body[m.range],
                    name: m.name,
                })
                .collect();
            let row = ArticleMentions {
                id: &article.id,
                title: &article.title,
                mentions,
            };
            serde_json::to_writer(&mut out, &row)?;
            writeln!(out)
        });
        return finish_output(written);
    }
    // (kind, name) → (articles, mentions)
    let mut totals: HashMap<(Kind, String), (usize, usize)> = HashMap::new();
    for article in &store.articles {
        for named in crate::entities::summarise(&recogniser.recognise(&article.body)) {
            let entry = totals.entry((named.kind, named.name)).or_default();
            entry.0 += 1;
            entry.1 += named.count;
        }
    }
    let mut rows: Vec<_> = totals.into_iter().collect();
    rows.sort_by(|a, b| {
        (b.1.0, b.1.1)
            .cmp(&(a.1.0, a.1.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    let width = rows
        .iter()
        .map(|((_, name), _)| name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let written: io::Result<()> = std::iter::once(writeln!(
        out,
        "{:<6}  {:<width$}  {:>8}  {:>8}",
        "kind", "name", "articles", "mentions"
    ))
    .chain(rows.iter().map(|((kind, name), (articles, mentions))| {
        writeln!(
            out,
            "{:<6}  {:<width$}  {articles:>8}  {mentions:>8}",
            kind.label(),
            visible(name)
        )
    }))
    .collect();
    finish_output(written)
}

#[derive(Serialize)]
struct SearchRow<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    published: Option<&'a str>,
    hits: usize,
    snippet: String,
}

fn search(
    text: &str,
    paths: &[PathBuf],
    json: bool,
    gazetteer: Option<&Path>,
    max: u64,
) -> Result<ExitCode, Stop> {
    let query = Query::parse(text)
        .map_err(|err| Stop::usage(format!("bad query:\n{}", err.pointed(text))))?;
    let store = load(paths, max)?;
    let found = if query.has_organisations() {
        let recogniser = recogniser(gazetteer, max)?;
        let index = OrgIndex::build(&store, &recogniser);
        crate::search::search(&query, &store.articles, &index.clauses(&query, &recogniser))
    } else {
        crate::search::search(&query, &store.articles, &crate::search::NoOrganisations)
    };
    let terminal = io::stdout().is_terminal() && !json;
    let mut out = io::stdout().lock();
    let written: io::Result<()> = found.iter().try_for_each(|found| {
        let article = &store.articles[found.index];
        let snippet = Snippet::around_first_hit(article, &query);
        if json {
            let row = SearchRow {
                id: &article.id,
                title: &article.title,
                source: article.source.as_deref(),
                published: article.published.as_ref().map(Published::as_str),
                hits: found.hits.total,
                snippet: snippet.plain(),
            };
            serde_json::to_writer(&mut out, &row)?;
            writeln!(out)
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                visible(&article.id),
                article.published.as_ref().map_or("", |p| p.day()),
                visible(article.source.as_deref().unwrap_or("")),
                visible(&article.title),
                found.hits.total,
                if terminal {
                    snippet.marked()
                } else {
                    snippet.plain()
                },
            )
        }
    });
    finish_output(written)?;
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
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
