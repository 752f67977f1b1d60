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
//!  terminal events ─► Keymap::action_for_event ─► Action ─► App::update ──────► App
//!                                                    ▲           │               │
//!                                     Action::Notice │      Vec<Effect>          │
//!                                                    │           ▼               │
//!  browser, clipboard, state.db, cache ◄── terminal::perform ◄───┘               │
//!                                                                                │
//!  terminal ◄── terminal::run draws ◄── ui::Screen { app: &App, theme: &Theme } ◄┘
//! ```
//!
//! [`terminal::run`] owns the loop: it turns each terminal event (a key, the
//! mouse, a resize) into an [`action::Action`] through the [`keymap`], hands
//! it to [`app::App::update`], performs the [`effect::Effect`]s that `update`
//! returns (the work outside the reader's state) and tells the app how they
//! went, then draws. A tick while work goes on in the background and a
//! suspending signal reach `update` as actions too.
//!
//! The core — [`store`], [`entities`], [`search`], [`wrap`], [`highlight`], [`text`],
//! [`document`], [`scroll`] — takes and returns plain data and knows nothing
//! of the terminal. [`app`] holds the reader's state, and knows nothing of
//! how it is drawn: once the reader runs, the state changes only in
//! [`app::App::update`]. [`ui`] draws that state in a [`ui::theme::Theme`]
//! (the settings' colours, or none under `NO_COLOR`) and changes nothing.

pub mod action;
pub mod app;
pub mod cache;
pub mod cli;
pub mod column;
pub mod config;
pub mod document;
pub mod effect;
pub mod entities;
#[cfg(test)]
pub(crate) mod fixtures;
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
