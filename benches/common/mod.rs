//! Timing shared by the benchmarks: medians of runs, and throughput.

#![allow(dead_code, reason = "each benchmark uses a different part")]

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The middle of `samples`.
pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The median of `runs` timings of `work`.
pub fn time<T>(runs: usize, mut work: impl FnMut() -> T) -> Duration {
    median((0..runs).map(|_| time_once(&mut work)).collect())
}

/// One timing of `work`. Freeing what it built is not part of the cost
/// (and a reader's background worker is stopped then, so that it does not
/// compete with the next run).
pub fn time_once<T>(work: &mut impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    let value = work();
    let elapsed = start.elapsed();
    drop(black_box(value));
    elapsed
}

/// Megabytes (10⁶ bytes) of `bytes` handled in `took`, per second.
pub fn megabytes_per_second(bytes: usize, took: Duration) -> f64 {
    #[expect(clippy::cast_precision_loss, reason = "byte counts far below 2^52")]
    let megabytes = bytes as f64 / 1_000_000.0;
    megabytes / took.as_secs_f64()
}
