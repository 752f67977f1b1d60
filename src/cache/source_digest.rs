//! A digest of the recogniser's source (`src/entities.rs` and everything
//! under `src/entities/`), made by the build script: the rules are code,
//! and a cache of recognised names must not outlive a change to them even
//! where newsdesk's version stays the same.

use std::path::{Path, PathBuf};

/// FNV-1a over each file's path below `root` and its bytes, the files in
/// order of path.
pub fn digest(root: &Path) -> std::io::Result<u64> {
    let mut files = vec![PathBuf::from("src/entities.rs")];
    collect(root, Path::new("src/entities"), &mut files)?;
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let bytes = std::fs::read(root.join(file))?;
        for &byte in file.to_string_lossy().as_bytes().iter().chain(&bytes) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(hash)
}

/// Adds the `.rs` files below `dir` (relative to `root`) to `files`.
fn collect(root: &Path, dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(root.join(dir))? {
        let path = dir.join(entry?.file_name());
        if root.join(&path).is_dir() {
            collect(root, &path, files)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    Ok(())
}
