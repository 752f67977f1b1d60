//! Keys and mouse events to actions: a pure lookup, and the one table that
//! both the reader and its help overlay read.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::action::Action;

/// Which keys are in force.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// Browsing and reading.
    #[default]
    Normal,
    /// Typing a find query at the prompt.
    Find,
    /// Typing a store-wide search at the prompt.
    Search,
    /// The help overlay is open.
    Help,
}

impl Mode {
    /// The mode's name for the status bar.
    pub fn label(self) -> &'static str {
        match self {
            Self::Normal => "NORMAL",
            Self::Find => "FIND",
            Self::Search => "SEARCH",
            Self::Help => "HELP",
        }
    }
}

/// A key and the action it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The key.
    pub code: KeyCode,
    /// Whether Ctrl must be held.
    pub ctrl: bool,
    /// What it does.
    pub action: Action,
}

const fn key(code: KeyCode, action: Action) -> Binding {
    Binding {
        code,
        ctrl: false,
        action,
    }
}

const fn ctrl(c: char, action: Action) -> Binding {
    Binding {
        code: KeyCode::Char(c),
        ctrl: true,
        action,
    }
}

/// The keys of [`Mode::Normal`], in the order the help shows them.
pub const NORMAL: &[Binding] = &[
    key(KeyCode::Char('j'), Action::MoveDown),
    key(KeyCode::Down, Action::MoveDown),
    key(KeyCode::Char('k'), Action::MoveUp),
    key(KeyCode::Up, Action::MoveUp),
    key(KeyCode::PageDown, Action::PageDown),
    key(KeyCode::Char(' '), Action::PageDown),
    key(KeyCode::PageUp, Action::PageUp),
    key(KeyCode::Char('b'), Action::PageUp),
    ctrl('d', Action::HalfPageDown),
    ctrl('u', Action::HalfPageUp),
    key(KeyCode::Char('g'), Action::GoTop),
    key(KeyCode::Home, Action::GoTop),
    key(KeyCode::Char('G'), Action::GoBottom),
    key(KeyCode::End, Action::GoBottom),
    key(KeyCode::Tab, Action::FocusNext),
    key(KeyCode::Char('l'), Action::FocusNext),
    key(KeyCode::BackTab, Action::FocusPrevious),
    key(KeyCode::Char('h'), Action::FocusPrevious),
    key(KeyCode::Enter, Action::Open),
    key(KeyCode::Char('/'), Action::StartFind),
    key(KeyCode::Char('s'), Action::StartStoreSearch),
    key(KeyCode::Char('n'), Action::NextMatch),
    key(KeyCode::Char('N'), Action::PreviousMatch),
    key(KeyCode::Char('e'), Action::FocusEntities),
    key(KeyCode::Char('f'), Action::FilterByOrganisation),
    key(KeyCode::Esc, Action::Clear),
    key(KeyCode::Char('r'), Action::ToggleRead),
    key(KeyCode::Char('*'), Action::ToggleStar),
    key(KeyCode::Char('u'), Action::OnlyUnread),
    key(KeyCode::Char('\''), Action::OnlyStarred),
    key(KeyCode::Char('J'), Action::NextUnread),
    key(KeyCode::Char('K'), Action::PreviousUnread),
    key(KeyCode::Char('o'), Action::OpenInBrowser),
    key(KeyCode::Char('y'), Action::CopyUrl),
    key(KeyCode::Char('z'), Action::Zoom),
    key(KeyCode::Char('?'), Action::ToggleHelp),
    key(KeyCode::Char('q'), Action::Quit),
    ctrl('c', Action::Quit),
    ctrl('z', Action::Suspend),
];

/// The keys of [`Mode::Help`].
pub const HELP: &[Binding] = &[
    key(KeyCode::Char('j'), Action::MoveDown),
    key(KeyCode::Down, Action::MoveDown),
    key(KeyCode::Char('k'), Action::MoveUp),
    key(KeyCode::Up, Action::MoveUp),
    key(KeyCode::Esc, Action::ToggleHelp),
    key(KeyCode::Char('?'), Action::ToggleHelp),
    key(KeyCode::Char('q'), Action::ToggleHelp),
    ctrl('c', Action::Quit),
    ctrl('z', Action::Suspend),
];

/// The keys of [`Mode::Find`] and [`Mode::Search`] besides the characters
/// typed.
pub const FIND: &[Binding] = &[
    key(KeyCode::Enter, Action::PromptAccept),
    key(KeyCode::Esc, Action::PromptCancel),
    key(KeyCode::Backspace, Action::PromptBackspace),
    key(KeyCode::Up, Action::PromptHistoryPrevious),
    key(KeyCode::Down, Action::PromptHistoryNext),
    ctrl('c', Action::Quit),
    ctrl('z', Action::Suspend),
];

/// The keys in force: the built-in tables, with the keys of any action the
/// settings rebind replaced, in every mode that has the action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    normal: Vec<Binding>,
    find: Vec<Binding>,
    help: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            normal: NORMAL.to_vec(),
            find: FIND.to_vec(),
            help: HELP.to_vec(),
        }
    }
}

impl Keymap {
    /// The built-in keys with those of `rebound` (an action's name and its
    /// keys, each a key code and whether Ctrl is held) in place of the
    /// action's own. A key that would then do two things in one mode is an
    /// error naming both.
    pub fn rebound<'a>(
        rebound: impl IntoIterator<Item = (&'a str, Vec<(KeyCode, bool)>)>,
    ) -> Result<Self, String> {
        let mut keymap = Self::default();
        for (name, keys) in rebound {
            let action =
                Action::named(name).ok_or_else(|| format!("no action is named `{name}`"))?;
            for table in [&mut keymap.normal, &mut keymap.find, &mut keymap.help] {
                let Some(at) = table.iter().position(|b| b.action == action) else {
                    continue;
                };
                table.retain(|b| b.action != action);
                let new = keys
                    .iter()
                    .map(|&(code, ctrl)| Binding { code, ctrl, action });
                table.splice(at..at, new);
            }
        }
        for table in [&keymap.normal, &keymap.find, &keymap.help] {
            for (at, first) in table.iter().enumerate() {
                let twice = table[at + 1..].iter().find(|b| {
                    b.code == first.code && b.ctrl == first.ctrl && b.action != first.action
                });
                if let Some(second) = twice {
                    return Err(format!(
                        "the key {} is bound to both `{}` and `{}`",
                        key_label(first),
                        first.action.name().unwrap_or_default(),
                        second.action.name().unwrap_or_default()
                    ));
                }
            }
        }
        Ok(keymap)
    }

    /// The keys of `mode`, in the order the help shows them.
    pub fn table(&self, mode: Mode) -> &[Binding] {
        match mode {
            Mode::Normal => &self.normal,
            Mode::Find | Mode::Search => &self.find,
            Mode::Help => &self.help,
        }
    }

    /// Every action with its keys, as the settings write them.
    pub fn bound(&self) -> Vec<(&'static str, Vec<(KeyCode, bool)>)> {
        let mut bound: Vec<(&'static str, Vec<(KeyCode, bool)>)> = Vec::new();
        for binding in self.normal.iter().chain(&self.find).chain(&self.help) {
            let Some(name) = binding.action.name() else {
                continue;
            };
            let key = (binding.code, binding.ctrl);
            match bound.iter_mut().find(|(named, _)| *named == name) {
                Some((_, keys)) if !keys.contains(&key) => keys.push(key),
                Some(_) => {}
                None => bound.push((name, vec![key])),
            }
        }
        bound
    }

    /// The action a key press stands for in `mode`, if any.
    pub fn action_for(&self, key: KeyEvent, mode: Mode) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let bound = self
            .table(mode)
            .iter()
            .find(|b| b.code == key.code && b.ctrl == ctrl)
            .map(|b| b.action);
        match (bound, mode, key.code) {
            (None, Mode::Find | Mode::Search, KeyCode::Char(c)) if !ctrl => {
                Some(Action::PromptInput(c))
            }
            _ => bound,
        }
    }

    /// The action a terminal event stands for in `mode`, if any.
    pub fn action_for_event(&self, event: &Event, mode: Mode) -> Option<Action> {
        match event {
            Event::Key(key) => self.action_for(*key, mode),
            Event::Mouse(mouse) => action_for_mouse(*mouse),
            Event::Resize(width, height) => Some(Action::Resize {
                width: *width,
                height: *height,
            }),
            _ => None,
        }
    }
}

/// The action a key press stands for in `mode` with the built-in keys.
pub fn action_for(key: KeyEvent, mode: Mode) -> Option<Action> {
    Keymap::default().action_for(key, mode)
}

/// Wheel scrolls the pane under the pointer; a left click selects.
pub fn action_for_mouse(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollAt {
            column,
            row,
            lines: 3,
        }),
        MouseEventKind::ScrollUp => Some(Action::ScrollAt {
            column,
            row,
            lines: -3,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
        _ => None,
    }
}

/// How a key is written in the help and the hints.
pub fn key_label(binding: &Binding) -> String {
    let name = match binding.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Backspace => "Bksp".to_owned(),
        other => other.to_string(),
    };
    if binding.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// The keys bound to each action of `table`, in table order: one row per
/// action, its keys joined ("j ↓").
pub fn grouped(table: &[Binding]) -> Vec<(String, Action)> {
    let mut rows: Vec<(String, Action)> = Vec::new();
    for binding in table {
        let label = key_label(binding);
        match rows
            .iter_mut()
            .find(|(_, action)| *action == binding.action)
        {
            Some((keys, _)) => {
                keys.push(' ');
                keys.push_str(&label);
            }
            None => rows.push((label, binding.action)),
        }
    }
    rows
}

/// The first key bound to `action` in `table`, for hints.
pub fn first_key(table: &[Binding], action: Action) -> Option<String> {
    table.iter().find(|b| b.action == action).map(key_label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn shifted_letters_and_backtab_match_their_bindings() {
        let shift = KeyModifiers::SHIFT;
        assert_eq!(
            action_for(press(KeyCode::Char('G'), shift), Mode::Normal),
            Some(Action::GoBottom)
        );
        assert_eq!(
            action_for(press(KeyCode::BackTab, shift), Mode::Normal),
            Some(Action::FocusPrevious)
        );
    }

    #[test]
    fn escape_never_quits() {
        for mode in [Mode::Normal, Mode::Find, Mode::Help] {
            let action = action_for(press(KeyCode::Esc, KeyModifiers::NONE), mode);
            assert_ne!(action, Some(Action::Quit), "{mode:?}");
        }
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        for mode in [Mode::Normal, Mode::Find, Mode::Help] {
            let action = action_for(press(KeyCode::Char('c'), KeyModifiers::CONTROL), mode);
            assert_eq!(action, Some(Action::Quit), "{mode:?}");
        }
    }

    #[test]
    fn ctrl_z_suspends_in_every_mode_and_z_alone_is_typed() {
        let ctrl_z = press(KeyCode::Char('z'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Find, Mode::Search, Mode::Help] {
            assert_eq!(action_for(ctrl_z, mode), Some(Action::Suspend), "{mode:?}");
        }
        let z = press(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(action_for(z, Mode::Find), Some(Action::PromptInput('z')));
    }

    #[test]
    fn find_prompt_takes_letters_that_are_keys_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(q, Mode::Find), Some(Action::PromptInput('q')));
        assert_eq!(action_for(q, Mode::Normal), Some(Action::Quit));
    }

    #[test]
    fn ctrl_d_pages_but_d_does_not() {
        assert_eq!(
            action_for(
                press(KeyCode::Char('d'), KeyModifiers::CONTROL),
                Mode::Normal
            ),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('d'), KeyModifiers::NONE), Mode::Normal),
            None
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut key = press(KeyCode::Char('j'), KeyModifiers::NONE);
        key.kind = KeyEventKind::Release;
        assert_eq!(action_for(key, Mode::Normal), None);
    }

    #[test]
    fn a_rebound_action_takes_its_new_keys_in_every_mode_that_has_it() {
        let keymap = Keymap::rebound([
            (
                "down",
                vec![(KeyCode::Char('n'), true), (KeyCode::Char('j'), false)],
            ),
            ("quit", vec![(KeyCode::Char('x'), false)]),
        ])
        .unwrap();
        let ctrl_n = press(KeyCode::Char('n'), KeyModifiers::CONTROL);
        for mode in [Mode::Normal, Mode::Help] {
            assert_eq!(
                keymap.action_for(ctrl_n, mode),
                Some(Action::MoveDown),
                "{mode:?}"
            );
            let down = press(KeyCode::Down, KeyModifiers::NONE);
            assert_eq!(
                keymap.action_for(down, mode),
                None,
                "{mode:?}: ↓ is no longer down"
            );
        }
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(q, Mode::Normal), None);
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(keymap.action_for(x, Mode::Normal), Some(Action::Quit));
        assert_eq!(
            keymap.action_for(x, Mode::Find),
            Some(Action::Quit),
            "quit is in the find keys"
        );
        let rows = grouped(keymap.table(Mode::Normal));
        assert_eq!(
            rows[0],
            ("Ctrl-n j".to_owned(), Action::MoveDown),
            "in the help as bound"
        );
    }

    #[test]
    fn a_key_that_would_do_two_things_is_refused() {
        let err = Keymap::rebound([("zoom", vec![(KeyCode::Char('j'), false)])]).unwrap_err();
        assert_eq!(err, "the key j is bound to both `down` and `zoom`");
        let err = Keymap::rebound([("jump", vec![(KeyCode::Char('j'), false)])]).unwrap_err();
        assert_eq!(err, "no action is named `jump`");
    }

    #[test]
    fn every_bindable_action_has_a_name_and_a_default_key() {
        let keymap = Keymap::default();
        for action in Action::BINDABLE {
            let name = action.name().expect("a name");
            assert_eq!(Action::named(name), Some(action));
            assert!(
                keymap
                    .bound()
                    .iter()
                    .any(|(bound, keys)| *bound == name && !keys.is_empty()),
                "{name} has no key"
            );
        }
    }

    #[test]
    fn help_rows_join_keys_of_one_action() {
        let rows = grouped(NORMAL);
        assert_eq!(rows[0], ("j ↓".to_owned(), Action::MoveDown));
        assert!(
            rows.iter()
                .any(|(keys, a)| keys == "q Ctrl-c" && *a == Action::Quit)
        );
        let actions: Vec<_> = rows.iter().map(|(_, a)| *a).collect();
        let mut unique = actions.clone();
        unique.dedup();
        assert_eq!(actions, unique, "each action appears once");
    }
}
