//! Counting what an import does, showing it while it runs (a progress bar on a terminal,
//! a line every few seconds otherwise) and summing it up at the end.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often a plain progress line is printed when stderr is not a terminal.
pub const LINE_EVERY: Duration = Duration::from_secs(5);

/// What happened so far; shared by the reader, the workers and the reporter.
#[derive(Debug, Default)]
pub struct Counters {
    /// Accounts created.
    pub created: AtomicU64,
    /// Accounts that existed before and got a new token.
    pub refreshed: AtomicU64,
    /// Accounts whose create's outcome was unknown and that exist: new token.
    pub recovered: AtomicU64,
    /// Accounts that existed before and were left alone.
    pub skipped: AtomicU64,
    /// Rows the journal says a previous run finished.
    pub already_done: AtomicU64,
    /// Rows that failed (bad input, refused creates, outcomes still unknown).
    pub failed: AtomicU64,
    /// Calls that failed and were retried or resolved (416s, resets, gateway pages...).
    pub errors: AtomicU64,
    /// Rows that passed `--dry-run`'s checks.
    pub valid: AtomicU64,
    /// Accids in flight in an earlier run whose rows are no longer in the input: resolved
    /// (recovered, or found never created) but not rows of this input.
    pub not_in_input: AtomicU64,
}

/// Adds one to a counter.
pub fn bump(counter: &AtomicU64) {
    counter.fetch_add(1, Ordering::Relaxed);
}

fn get(counter: &AtomicU64) -> u64 {
    counter.load(Ordering::Relaxed)
}

impl Counters {
    /// Rows finished one way or another.
    pub fn rows(&self) -> u64 {
        self.accounts() + get(&self.already_done) + get(&self.failed) + get(&self.valid)
    }

    /// Accounts this run dealt with through the API.
    pub fn accounts(&self) -> u64 {
        get(&self.created) + get(&self.refreshed) + get(&self.recovered) + get(&self.skipped)
    }

    /// Rows that failed.
    pub fn failures(&self) -> u64 {
        get(&self.failed)
    }

    /// Each count with its short label (progress) and its long one (summary).
    fn counts(&self) -> [(u64, &'static str, &'static str); 7] {
        [
            (get(&self.created), "created", "created"),
            (
                get(&self.refreshed),
                "refreshed",
                "refreshed (already registered)",
            ),
            (
                get(&self.recovered),
                "recovered",
                "recovered (outcome was unknown, token refreshed)",
            ),
            (
                get(&self.skipped),
                "skipped",
                "skipped (already registered)",
            ),
            (
                get(&self.already_done),
                "already done",
                "already done (journal)",
            ),
            (get(&self.failed), "failed", "failed"),
            (
                get(&self.errors),
                "errors",
                "call errors (retried or resolved)",
            ),
        ]
    }

    fn status(&self) -> String {
        let counts = self.counts().map(|(n, short, _)| format!("{short} {n}"));
        counts.join(", ")
    }

    /// The closing summary.
    pub fn summary(&self, elapsed: Duration, dry_run: bool) -> String {
        let secs = elapsed.as_secs_f64();
        if dry_run {
            return format!(
                "dry run: {} rows read in {secs:.1} s: {} valid, {} failed; nothing was sent",
                self.rows(),
                get(&self.valid),
                get(&self.failed),
            );
        }
        let rate = if secs > 0.0 {
            self.accounts() as f64 / secs
        } else {
            0.0
        };
        let counts = self.counts().map(|(n, _, long)| format!("{n} {long}"));
        format!(
            "{} rows in {secs:.1} s: {}; {rate:.0} accounts/s",
            self.rows(),
            counts.join(", ")
        )
    }
}

/// How progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// A progress bar with rate, ETA and counts (stderr is a terminal).
    Bar,
    /// A line every [`LINE_EVERY`].
    Lines,
    /// Nothing (`--quiet`).
    Quiet,
}

impl Display {
    /// The display for this process: a bar on a terminal, lines otherwise, nothing when
    /// `quiet`.
    pub fn detect(quiet: bool) -> Display {
        use std::io::IsTerminal as _;
        if quiet {
            Display::Quiet
        } else if std::io::stderr().is_terminal() {
            Display::Bar
        } else {
            Display::Lines
        }
    }
}

/// Shows progress until dropped or [`finish`](Reporter::finish)ed.
pub struct Reporter {
    bar: Option<ProgressBar>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Reporter {
    /// Starts showing `counters` out of about `total` rows (when known).
    pub fn start(display: Display, counters: Arc<Counters>, total: Option<u64>) -> Reporter {
        match display {
            Display::Quiet => Reporter {
                bar: None,
                task: None,
            },
            Display::Bar => {
                let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
                let template =
                    "{elapsed_precise} [{wide_bar}] {pos}/{len} {per_sec} ETA {eta}\n{msg}";
                if let Ok(style) = ProgressStyle::with_template(template) {
                    bar.set_style(style.progress_chars("=> "));
                }
                let shown = bar.clone();
                let task = tokio::spawn(async move {
                    loop {
                        shown.set_position(counters.rows());
                        shown.set_message(counters.status());
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                });
                Reporter {
                    bar: Some(bar),
                    task: Some(task),
                }
            }
            Display::Lines => {
                let task = tokio::spawn(async move {
                    let start = Instant::now();
                    loop {
                        tokio::time::sleep(LINE_EVERY).await;
                        eprintln!("{}", line(&counters, total, start.elapsed()));
                    }
                });
                Reporter {
                    bar: None,
                    task: Some(task),
                }
            }
        }
    }

    /// Stops showing progress (the bar is cleared).
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Reporter {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One plain progress line.
fn line(counters: &Counters, total: Option<u64>, elapsed: Duration) -> String {
    let rows = counters.rows();
    let secs = elapsed.as_secs_f64().max(0.001);
    let rate = rows as f64 / secs;
    let of = total.map_or(String::new(), |t| format!("/{t}"));
    let eta = match total {
        Some(total) if rate > 0.0 && total > rows => {
            format!(", ETA {:.0} s", (total - rows) as f64 / rate)
        }
        _ => String::new(),
    };
    format!(
        "nim import: {rows}{of} rows, {rate:.0}/s{eta}; {}",
        counters.status()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_the_summary_count_everything() {
        let counters = Counters::default();
        for _ in 0..6 {
            bump(&counters.created);
        }
        bump(&counters.recovered);
        bump(&counters.failed);
        bump(&counters.already_done);
        bump(&counters.errors);
        assert_eq!(counters.rows(), 9);
        assert_eq!(counters.accounts(), 7);
        let text = line(&counters, Some(18), Duration::from_secs(1));
        assert!(
            text.starts_with("nim import: 9/18 rows, 9/s, ETA 1 s; created 6,"),
            "{text}"
        );
        let summary = counters.summary(Duration::from_secs(2), false);
        assert!(
            summary.starts_with("9 rows in 2.0 s: 6 created,"),
            "{summary}"
        );
        assert!(summary.contains("1 failed"), "{summary}");
        assert!(summary.ends_with("4 accounts/s"), "{summary}");
    }
}
