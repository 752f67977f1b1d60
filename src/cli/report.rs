//! What the command line says about stores: `check`'s report, the shapes
//! it knows, and the line for a file whose articles were skipped.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::exit::{Stop, describe, exit_status};
use crate::store::map::Field;
use crate::store::shape::Shape;
use crate::store::{FileReport, Options, Store};
use crate::text::visible;

/// Reports every file that fails, the shape each other file was read as
/// and the fields it lacked, and every problem in the articles. Exits 3 if
/// a file could not be read, else 4 if one held no valid store, else 1 if
/// an article has a problem.
pub(super) fn check(paths: &[PathBuf], options: &Options) -> ExitCode {
    let (store, errors) = Store::check(paths, options);
    let problems = errors.len() + store.problems.len();
    // A closed pipe (`newsdesk check | head`) ends the report, not the
    // verdict: the exit status still says what was found.
    let mut out = io::stdout().lock();
    let _ = store
        .files
        .iter()
        .flat_map(file_lines)
        .chain(errors.iter().map(describe))
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

/// What `check` says of one file read: its shape and article count, then
/// the fields it could not map: those its shape has no place for, and
/// those no article of it had.
fn file_lines(file: &FileReport) -> Vec<String> {
    let path = visible(&file.path.display().to_string()).into_owned();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut first = format!(
        "{path}: shape {}, {} article{}",
        file.shape,
        file.articles,
        plural(file.articles)
    );
    if file.skipped > 0 {
        let _ = write!(first, ", {} skipped", file.skipped);
    }
    let mut lines = vec![first];
    let names = |fields: &[Field]| {
        fields
            .iter()
            .map(|field| field.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !file.unmapped.is_empty() {
        lines.push(format!(
            "{path}: not mapped (the shape has no place for them): {}",
            names(&file.unmapped)
        ));
    }
    if !file.never_found.is_empty() {
        lines.push(format!(
            "{path}: not found in any article: {}",
            names(&file.never_found)
        ));
    }
    lines
}

/// Lists the shapes of JSON newsdesk knows, in the order they are tried.
pub(super) fn shapes() -> ExitCode {
    let mut out = io::stdout().lock();
    let _ = Shape::builtin().iter().try_for_each(|shape| {
        let detect: Vec<_> = shape.detect.iter().map(ToString::to_string).collect();
        writeln!(out, "{}\t{}", shape.name, shape.about)?;
        if detect.is_empty() {
            writeln!(out, "  detect\t(whatever no other shape takes)")?;
        } else {
            writeln!(out, "  detect\t{}", detect.join(" "))?;
        }
        writeln!(out, "  map\t{}", shape.map)
    });
    ExitCode::SUCCESS
}

/// One line on standard error for each file whose articles were skipped;
/// a stop with status 1 when every article of the stores was.
pub(super) fn skipped(store: &Store) -> Result<(), Stop> {
    let mut err = io::stderr().lock();
    for file in store.files.iter().filter(|file| file.skipped > 0) {
        let path = visible(&file.path.display().to_string()).into_owned();
        let _ = writeln!(
            err,
            "newsdesk: {} of {} articles skipped in {path}: {} (newsdesk check {path})",
            file.skipped,
            file.skipped + file.articles,
            visible(file.skip_reason.as_deref().unwrap_or("problems"))
        );
    }
    if store.articles.is_empty() && store.skipped() > 0 {
        return Err(Stop {
            status: 1,
            message: String::new(),
        });
    }
    Ok(())
}
