//! What the benches share: the folder of generated data, timed runs and their median, and the
//! command line run as a user runs it. A folder module, so that Cargo does not take it for a
//! bench of its own.

#![allow(dead_code)] // each bench uses what it needs

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// `target/bench-data/`, made when missing: generated files are kept between runs.
pub fn bench_data() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The median of `times`, in milliseconds.
pub fn median_ms(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// Times `runs` calls of `work` (which checks its own result) and gives the median in
/// milliseconds and the last result.
pub fn timed<T>(runs: usize, mut work: impl FnMut() -> T) -> (f64, T) {
    let mut last = None;
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let result = work();
            let elapsed = start.elapsed();
            last = Some(result);
            elapsed
        })
        .collect();
    (median_ms(times), last.unwrap())
}

/// Runs the program built with the bench (`binary`: `env!("CARGO_BIN_EXE_nps-workbench")`)
/// with `args` `runs` times: the median in milliseconds and the last run's stdout. A run that
/// fails stops the bench with its stderr.
pub fn timed_cli(binary: &str, args: &[&str], runs: usize) -> (f64, String) {
    timed(runs, || {
        let output = Command::new(binary).args(args).output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    })
}
