//! `newsdesk mark`: what `r` and `*` do in the reader, for scripts.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::exit::{Stop, finish_output};
use super::load;
use crate::store::Options;
use crate::text::visible;

/// What `mark` does to the articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Marking {
    /// Mark them read.
    Read,
    /// Mark them unread.
    Unread,
    /// Star them.
    Star,
    /// Take their stars off.
    Unstar,
}

impl Marking {
    fn past(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Unread => "unread",
            Self::Star => "starred",
            Self::Unstar => "unstarred",
        }
    }
}

/// Marks the articles `ids` name. Of the words given, those that name an
/// existing file or directory are stores; then every id must be an article
/// of them (a typo is an error, and nothing is marked).
pub(super) fn mark(
    marking: Marking,
    words: &[String],
    options: &Options,
) -> Result<ExitCode, Stop> {
    let (paths, ids): (Vec<&String>, Vec<&String>) =
        words.iter().partition(|word| PathBuf::from(word).exists());
    if ids.is_empty() {
        return Err(Stop::usage("mark: no article id given".to_owned()));
    }
    if !paths.is_empty() {
        let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        let store = load(&paths, options)?;
        let unknown: Vec<&str> = ids
            .iter()
            .filter(|id| !store.articles.iter().any(|article| article.id == ***id))
            .map(|id| id.as_str())
            .collect();
        if !unknown.is_empty() {
            return Err(Stop {
                status: 1,
                message: format!(
                    "mark: no article with the id {} in the stores given; nothing marked",
                    unknown
                        .iter()
                        .map(|id| format!("{:?}", visible(id)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    let mut memory = super::reader::memory();
    let ids: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
    match marking {
        Marking::Read | Marking::Unread => memory.set_read_many(&ids, marking == Marking::Read),
        Marking::Star | Marking::Unstar => {
            for id in &ids {
                memory.set_starred(id, marking == Marking::Star);
            }
        }
    }
    if memory.path().is_none() {
        return Err(Stop {
            status: 3,
            message: "mark: the marks could not be kept (see above)".to_owned(),
        });
    }
    let plural = if ids.len() == 1 { "" } else { "s" };
    let written = writeln!(
        io::stdout(),
        "marked {} article{plural} {}",
        ids.len(),
        marking.past()
    );
    finish_output(written)
}
