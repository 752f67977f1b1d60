//! The README's key tables are the reader's key tables.

use newsdesk::keymap::{self, Binding};

fn rows(table: &[Binding]) -> Vec<String> {
    keymap::grouped(table)
        .into_iter()
        .map(|(keys, action)| {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            format!("| {} | {} |", keys.join(" "), action.description())
        })
        .collect()
}

#[test]
fn readme_lists_every_key_binding() {
    let readme = include_str!("../README.md");
    for row in rows(keymap::NORMAL).into_iter().chain(rows(keymap::FIND)) {
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
}
