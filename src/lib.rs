//! newsdesk: a terminal news reader that highlights the agencies and
//! outlets an article names.
//!
//! ```text
//!  ┌ Articles ───────────┐┌ Article ───────────────────┐┌ Agencies & outlets ┐
//!  │● 2026-03-14 Reuters ││Headline                    ││Agencies (2)        │
//!  │  2026-03-12 AFP     ││Source · Author · Date      ││ Europol          3 │
//!  │  …                  ││Body text with [Europol]    ││Outlets (1)         │
//!  │                     ││and _Amaq_ highlighted …    ││ Amaq News Agency 1 │
//!  └─────────── 1/18 ────┘└──────────────────── Top ───┘└────────────────────┘
//!   NORMAL  sample · 18 articles                  Enter open · / find · ? help
//!
//!  keys ─► keymap::action_for ─► Action ─► App::update ─► App
//!                                                          │
//!  terminal ◄── terminal::run draws ◄── impl Widget for &App
//! ```
//!
//! The core — [`store`], [`entities`], [`search`], [`wrap`], [`highlight`], [`text`],
//! [`document`], [`scroll`] — takes and returns plain data and knows nothing
//! of the terminal. [`app`] holds the reader's state and changes it only in
//! [`app::App::update`]; [`ui`] draws that state and nothing else.

pub mod action;
pub mod app;
pub mod cache;
pub mod cli;
pub mod column;
pub mod config;
pub mod document;
pub mod effect;
pub mod entities;
pub mod generate;
pub mod highlight;
pub mod import;
pub mod keymap;
pub mod layout;
pub mod org_index;
pub mod outside;
pub mod scroll;
pub mod search;
pub mod state;
pub mod store;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod wrap;
