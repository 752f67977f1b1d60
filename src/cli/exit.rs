//! Exit statuses, and the error that ends a command with one.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::store::{Failure, StoreError};
use crate::text::visible;

/// Exit status for a wrong command line or query.
pub(super) const EXIT_USAGE: u8 = 2;
/// Exit status for a file that could not be read.
pub(super) const EXIT_UNREADABLE: u8 = 3;
/// Exit status for a file that was read but holds no valid store.
pub(super) const EXIT_MALFORMED: u8 = 4;

/// Why a command stopped: the one line to print and the exit status.
pub(super) struct Stop {
    pub(super) status: u8,
    pub(super) message: String,
}

impl Stop {
    /// A wrong command line, query or output.
    pub(super) fn usage(message: String) -> Self {
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
pub(super) fn describe(err: &StoreError) -> String {
    // Paths and JSON messages may hold control characters (a newline in a
    // file name): as symbols, the message stays one line.
    let mut line = visible(&err.to_string()).into_owned();
    if matches!(err, StoreError::TooLarge { .. }) {
        line.push_str("; --max-size raises it");
    }
    line
}

pub(super) fn exit_status(err: &StoreError) -> u8 {
    match err.failure() {
        Failure::Unreadable => EXIT_UNREADABLE,
        Failure::Malformed => EXIT_MALFORMED,
    }
}

/// A closed pipe (`newsdesk list | head`) is a normal end, not an error.
pub(super) fn finish_output(written: io::Result<()>) -> Result<ExitCode, Stop> {
    match written.and_then(|()| io::stdout().flush()) {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => {
            Err(Stop::usage(format!("output: {err}")))
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}
