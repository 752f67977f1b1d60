//! Settings: `config.toml`.
