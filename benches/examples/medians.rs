//! Prints the medians of the last criterion run and each library/baseline ratio, as the
//! Markdown table `BENCHMARKS.md` records.
//!
//! ```text
//! cargo bench -p nim-benches
//! cargo run --release -p nim-benches --example medians
//! ```
//!
//! It reads `<target>/criterion/<group>/<function>/new/{estimates,benchmark}.json`, where
//! `<target>` is `$CARGO_TARGET_DIR` or else the `target` directory this example was built in.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;

fn criterion_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(PathBuf::from(dir).join("criterion"));
    }
    // target/release/examples/medians -> target/criterion
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.parent()?.join("criterion"))
}

/// The median (ns per iteration) and elements per iteration of one benchmark.
fn read(dir: &Path) -> Option<(f64, Option<u64>)> {
    let estimates: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("new/estimates.json")).ok()?)
            .ok()?;
    let benchmark: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("new/benchmark.json")).ok()?)
            .ok()?;
    let median = estimates["median"]["point_estimate"].as_f64()?;
    let elements = benchmark["throughput"]["Elements"].as_u64();
    Some((median, elements))
}

fn time(ns: f64) -> String {
    if ns >= 1_000_000.0 {
        format!("{:.2} ms", ns / 1_000_000.0)
    } else if ns >= 1_000.0 {
        format!("{:.3} µs", ns / 1_000.0)
    } else {
        format!("{ns:.1} ns")
    }
}

fn main() -> ExitCode {
    let Some(dir) = criterion_dir() else {
        eprintln!("medians: cannot locate the criterion directory");
        return ExitCode::FAILURE;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "medians: {} not found; run `cargo bench` first",
            dir.display()
        );
        return ExitCode::FAILURE;
    };
    let mut groups: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("library").is_dir())
        .collect();
    groups.sort();
    println!("| group | library median | baseline | baseline median | library / baseline |");
    println!("| --- | --- | --- | --- | --- |");
    for group in groups {
        let name = group.file_name().unwrap_or_default().to_string_lossy();
        let Some((lib, elements)) = read(&group.join("library")) else {
            continue;
        };
        // `baseline` first, then any other baselines of the group (`baseline_*`).
        let mut baselines: Vec<String> = std::fs::read_dir(&group)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("baseline"))
            .collect();
        baselines.sort();
        for baseline in baselines {
            let Some((base, _)) = read(&group.join(&baseline)) else {
                continue;
            };
            match elements {
                // Throughput groups: compare requests per second, higher is better.
                Some(n) => {
                    let lib_rps = n as f64 * 1e9 / lib;
                    let base_rps = n as f64 * 1e9 / base;
                    println!(
                        "| {name} | {} ({lib_rps:.0} req/s) | {baseline} | {} ({base_rps:.0} req/s) | throughput {:.3}x |",
                        time(lib),
                        time(base),
                        lib_rps / base_rps
                    );
                }
                None => println!(
                    "| {name} | {} | {baseline} | {} | time {:.3}x |",
                    time(lib),
                    time(base),
                    lib / base
                ),
            }
        }
    }
    ExitCode::SUCCESS
}
