//! The command line: open the reader, or list and check stores without it.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::entities::Recogniser;
use crate::store::{Published, Store};
use crate::ui::{text::visible, theme::Theme};

/// A terminal news reader that highlights the agencies and outlets an
/// article names.
#[derive(Debug, Parser)]
#[command(name = "newsdesk", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without one, open the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Stores to open: .json, .jsonl or .txt files, or directories of them.
    /// Without any, the sample store built into newsdesk opens.
    pub paths: Vec<PathBuf>,
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
}

/// Exit status for a store that cannot be loaded or bad usage.
const EXIT_BAD_INPUT: u8 = 2;

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        None => open(&cli.paths),
        Some(Command::List { paths, json }) => list(&paths, json),
        Some(Command::Check { paths }) => Ok(check(&paths)),
    };
    result.unwrap_or_else(|message| {
        eprintln!("newsdesk: {message}");
        ExitCode::from(EXIT_BAD_INPUT)
    })
}

fn load(paths: &[PathBuf]) -> Result<Store, String> {
    if paths.is_empty() {
        Ok(Store::sample())
    } else {
        Store::load(paths).map_err(|err| visible(&err.to_string()).into_owned())
    }
}

fn open(paths: &[PathBuf]) -> Result<ExitCode, String> {
    let store = load(paths)?;
    let recogniser = Recogniser::builtin().map_err(|err| err.to_string())?;
    crate::terminal::run(store, recogniser, Theme::from_env())
        .map_err(|err| format!("terminal: {err}"))?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    published: Option<&'a str>,
    source: Option<&'a str>,
    title: &'a str,
}

fn list(paths: &[PathBuf], json: bool) -> Result<ExitCode, String> {
    let store = load(paths)?;
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
fn finish_output(written: io::Result<()>) -> Result<ExitCode, String> {
    match written.and_then(|()| io::stdout().flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(format!("output: {err}")),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let mut problems = 0;
    let mut articles = 0;
    for path in paths {
        match Store::load(std::slice::from_ref(path)) {
            Ok(store) => {
                articles += store.articles.len();
                for problem in &store.problems {
                    println!("{}", visible(&problem.to_string()));
                    problems += 1;
                }
                for (id, count) in duplicate_ids(&store) {
                    println!("{}: id {id:?} is used by {count} articles", path.display());
                    problems += 1;
                }
            }
            Err(err) => {
                println!("{}", visible(&err.to_string()));
                problems += 1;
            }
        }
    }
    if problems == 0 {
        println!("ok: {articles} articles, no problems");
        ExitCode::SUCCESS
    } else {
        eprintln!("{problems} problem(s) found");
        ExitCode::from(1)
    }
}

fn duplicate_ids(store: &Store) -> Vec<(&str, usize)> {
    let mut ids: Vec<&str> = store.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    let mut duplicates = Vec::new();
    for group in ids.chunk_by(|a, b| a == b) {
        if group.len() > 1 {
            duplicates.push((group[0], group.len()));
        }
    }
    duplicates
}
