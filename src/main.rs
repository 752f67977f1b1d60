//! `newsdesk`: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    newsdesk::cli::run(newsdesk::cli::Cli::parse())
}
