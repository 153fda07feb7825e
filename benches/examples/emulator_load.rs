//! The emulator load run: throughput, latency and resident memory of the `nim-emulator`
//! binary under 64 concurrent keep-alive clients, over a bounded number of requests.
//!
//! ```text
//! cargo build --release -p nim-emulator
//! cargo run --release -p nim-benches --example emulator_load [-- --requests 1000000]
//! cargo run --release -p nim-benches --example emulator_load -- --in-process
//! ```
//!
//! Over HTTP (the default) it spawns the release `nim-emulator` binary on a free loopback
//! port (`--emulator PATH` to choose another), creates one account, then 64 tasks sharing one
//! reqwest client (keep-alive) send `user/update.action` for it, each request hand-signed
//! with a fresh 128-bit nonce, until `--requests` (default 1,000,000) have been sent or
//! `--max-secs` (default 300) have passed. Every answer must be `{"code":200}`. It prints
//! requests per second, latency percentiles, and the emulator's resident memory (VmRSS and
//! peak VmHWM from `/proc/<pid>/status`) before, during and after.
//!
//! `--in-process` measures what the replay cache costs and checks that it is bounded, without
//! HTTP: an emulator with a manual clock answers `--requests` signed requests through
//! `Emulator::handle`, the clock moving one second every `--rate` (default 20,000) requests.
//! The cache must then hold about `rate x 300 s` nonces, however many requests went by.
//!
//! Traffic goes to 127.0.0.1 only, and the run stops by itself.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use nim_benches::{APP_KEY, APP_SECRET};
use nim_core::{
    FORM_CONTENT_TYPE, HEADER_APP_KEY, HEADER_CHECK_SUM, HEADER_CUR_TIME, HEADER_NONCE, checksum,
};
use nim_emulator::{Emulator, ManualClock};

const CONCURRENCY: usize = 64;
const ACCID: &str = "load";
const UPDATE_BODY: &str = "accid=load&token=load-token";

struct Options {
    requests: u64,
    max_secs: u64,
    in_process: bool,
    rate: u64,
    emulator: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        requests: 1_000_000,
        max_secs: 300,
        in_process: false,
        rate: 20_000,
        emulator: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        let number = |text: String, name: &str| {
            text.parse::<u64>()
                .map_err(|_| format!("{name}: {text:?} is not a number"))
        };
        match arg.as_str() {
            "--requests" => options.requests = number(value("--requests")?, "--requests")?,
            "--max-secs" => options.max_secs = number(value("--max-secs")?, "--max-secs")?,
            "--rate" => options.rate = number(value("--rate")?, "--rate")?.max(1),
            "--emulator" => options.emulator = Some(value("--emulator")?.into()),
            "--in-process" => options.in_process = true,
            // `cargo bench` style flags are ignored.
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    // Bounded whatever is asked: at most 10M requests and 15 minutes.
    options.requests = options.requests.min(10_000_000);
    options.max_secs = options.max_secs.min(900);
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(options) => options,
        Err(err) => {
            eprintln!("emulator_load: {err}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let result = if options.in_process {
        runtime.block_on(in_process(&options))
    } else {
        runtime.block_on(over_http(&options))
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("emulator_load: {err}");
            ExitCode::FAILURE
        }
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The emulator child process; killed when dropped, so no run leaves it behind.
struct EmulatorProcess {
    child: Child,
    base_url: String,
}

impl EmulatorProcess {
    fn spawn(path: &PathBuf) -> Result<EmulatorProcess, BoxError> {
        let mut child = Command::new(path)
            .args([
                "--port",
                "0",
                "--app-key",
                APP_KEY,
                "--app-secret",
                APP_SECRET,
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", path.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let base_url = line.trim().to_owned();
        if !base_url.starts_with("http://127.0.0.1:") {
            let _ = child.kill();
            return Err(format!("unexpected first line from the emulator: {line:?}").into());
        }
        Ok(EmulatorProcess { child, base_url })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for EmulatorProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `VmRSS` and `VmHWM` (peak) of a process, in KiB.
fn memory_kib(pid: &str) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

fn default_emulator_path() -> Option<PathBuf> {
    // target/release/examples/emulator_load -> target/release/nim-emulator
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.join("nim-emulator"))
}

/// A fresh nonce: 128 bits from the OS, hex.
fn nonce() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap();
    hex::encode(bytes)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// One hand-signed POST; returns the answer's body.
async fn post(http: &reqwest::Client, url: &str, body: &'static str) -> Result<String, BoxError> {
    let nonce = nonce();
    let cur_time = unix_now();
    let response = http
        .post(url)
        .header(reqwest::header::CONTENT_TYPE, FORM_CONTENT_TYPE)
        .header(HEADER_APP_KEY, APP_KEY)
        .header(HEADER_CHECK_SUM, checksum(APP_SECRET, &nonce, cur_time))
        .header(HEADER_NONCE, nonce)
        .header(HEADER_CUR_TIME, cur_time.to_string())
        .body(body)
        .send()
        .await?;
    Ok(response.text().await?)
}

fn percentile(sorted: &[u32], p: f64) -> u32 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

async fn over_http(options: &Options) -> Result<(), BoxError> {
    let path = options
        .emulator
        .clone()
        .or_else(default_emulator_path)
        .ok_or("cannot find the emulator; pass --emulator PATH")?;
    if !path.exists() {
        return Err(format!(
            "{} does not exist: run `cargo build --release -p nim-emulator` first, \
             or pass --emulator PATH",
            path.display()
        )
        .into());
    }
    let emulator = EmulatorProcess::spawn(&path)?;
    let pid = emulator.pid().to_string();
    println!("emulator: {} (pid {pid})", emulator.base_url);

    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    let created = post(
        &http,
        &format!("{}/user/create.action", emulator.base_url),
        "accid=load&token=t0",
    )
    .await?;
    if !created.starts_with(r#"{"code":200"#) {
        return Err(format!("creating the account failed: {created}").into());
    }
    let (rss_start, _) = memory_kib(&pid);
    println!(
        "requests: {} at most, {CONCURRENCY} concurrent clients, at most {} s",
        options.requests, options.max_secs
    );

    let url: Arc<str> = format!("{}/user/update.action", emulator.base_url).into();
    let issued = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let failures = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(options.max_secs);
    let started = Instant::now();

    let samples = Arc::new(std::sync::Mutex::new(Vec::<(Duration, u64, u64)>::new()));
    // Samples the emulator's memory once a second while the run lasts.
    let sampler = {
        let (pid, done, samples) = (pid.clone(), Arc::clone(&done), Arc::clone(&samples));
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                tick.tick().await;
                let (rss, _) = memory_kib(&pid);
                let sample = (started.elapsed(), done.load(Ordering::Relaxed), rss);
                samples.lock().unwrap().push(sample);
            }
        })
    };

    let mut tasks = tokio::task::JoinSet::new();
    let per_task = (options.requests / CONCURRENCY as u64 + 1) as usize;
    for _ in 0..CONCURRENCY {
        let (http, url) = (http.clone(), Arc::clone(&url));
        let (issued, done, failures) = (
            Arc::clone(&issued),
            Arc::clone(&done),
            Arc::clone(&failures),
        );
        let total = options.requests;
        tasks.spawn(async move {
            let mut latencies: Vec<u32> = Vec::with_capacity(per_task);
            while issued.fetch_add(1, Ordering::Relaxed) < total && Instant::now() < deadline {
                let sent = Instant::now();
                let ok = matches!(post(&http, &url, UPDATE_BODY).await,
                    Ok(body) if body.starts_with(r#"{"code":200"#));
                latencies.push(sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
                if !ok {
                    failures.fetch_add(1, Ordering::Relaxed);
                }
                done.fetch_add(1, Ordering::Relaxed);
            }
            latencies
        });
    }
    let mut latencies = Vec::with_capacity(options.requests as usize);
    while let Some(task) = tasks.join_next().await {
        latencies.extend(task?);
    }
    let elapsed = started.elapsed();
    sampler.abort();
    let (rss_end, hwm_end) = memory_kib(&pid);
    let sent = done.load(Ordering::Relaxed);
    let failed = failures.load(Ordering::Relaxed);
    latencies.sort_unstable();

    println!(
        "sent: {sent} requests in {:.1} s, {failed} failed",
        elapsed.as_secs_f64()
    );
    println!(
        "throughput: {:.0} requests/s",
        sent as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency (us): p50 {}  p90 {}  p99 {}  p99.9 {}  max {}",
        percentile(&latencies, 50.0),
        percentile(&latencies, 90.0),
        percentile(&latencies, 99.0),
        percentile(&latencies, 99.9),
        latencies.last().copied().unwrap_or(0),
    );
    println!("emulator memory (MiB, VmRSS):");
    println!("  after start and one create: {:.1}", mib(rss_start));
    let samples = samples.lock().unwrap().clone();
    let step = (samples.len() / 8).max(1);
    for (at, requests, rss) in samples.iter().step_by(step) {
        println!(
            "  at {:>5.1} s, {requests:>8} requests: {:.1}",
            at.as_secs_f64(),
            mib(*rss)
        );
    }
    println!(
        "  after {sent} requests: {:.1} (peak {:.1})",
        mib(rss_end),
        mib(hwm_end)
    );
    println!(
        "  growth per request: {:.0} bytes (every nonce is kept for 300 s)",
        (rss_end.saturating_sub(rss_start) * 1024) as f64 / sent.max(1) as f64
    );
    drop(emulator);
    if failed > 0 {
        return Err(format!("{failed} requests failed").into());
    }
    Ok(())
}

async fn in_process(options: &Options) -> Result<(), BoxError> {
    const START: u64 = 1_800_000_000;
    let clock = ManualClock::new(START);
    let emu = Emulator::builder(APP_KEY, APP_SECRET)
        .clock(clock.clone())
        .start()
        .await?;
    emu.insert_account(ACCID, Some("t0"))
        .ok_or("cannot insert the account")?;
    let pid = std::process::id().to_string();
    let (rss_start, _) = memory_kib(&pid);
    println!(
        "in-process: {} requests through Emulator::handle, the clock moving 1 s every {} requests",
        options.requests, options.rate
    );
    let path = "/nimserver/user/update.action";
    let started = Instant::now();
    let mut failed = 0u64;
    let mut peak_len = 0usize;
    let mut sent = 0u64;
    let mut nonce = String::new();
    for i in 0..options.requests {
        if started.elapsed() > Duration::from_secs(options.max_secs) {
            break;
        }
        if i > 0 && i % options.rate == 0 {
            clock.advance(1);
            peak_len = peak_len.max(emu.nonce_cache_len());
        }
        let now = START + i / options.rate;
        nonce.clear();
        use std::fmt::Write as _;
        write!(nonce, "{i:032x}").unwrap();
        let sum = checksum(APP_SECRET, &nonce, now);
        let cur_time = now.to_string();
        let reply = emu.handle(
            "POST",
            path,
            &[
                (HEADER_APP_KEY, APP_KEY),
                (HEADER_NONCE, &nonce),
                (HEADER_CUR_TIME, &cur_time),
                (HEADER_CHECK_SUM, &sum),
                ("Content-Type", FORM_CONTENT_TYPE),
            ],
            UPDATE_BODY.as_bytes(),
        );
        if reply.code() != Some(200) {
            failed += 1;
        }
        sent += 1;
    }
    let elapsed = started.elapsed();
    let (rss_end, hwm_end) = memory_kib(&pid);
    let len = emu.nonce_cache_len();
    peak_len = peak_len.max(len);
    let simulated = sent / options.rate;
    let bound = options.rate * 301;
    println!(
        "sent: {sent} in {:.1} s ({:.0}/s), {failed} failed; {simulated} s of simulated time",
        elapsed.as_secs_f64(),
        sent as f64 / elapsed.as_secs_f64()
    );
    println!("nonce cache: {len} entries now, {peak_len} at most (bound: rate x 301 s = {bound})");
    println!(
        "process memory (MiB, VmRSS): {:.1} before, {:.1} after (peak {:.1}); {:.0} bytes per cached nonce",
        mib(rss_start),
        mib(rss_end),
        mib(hwm_end),
        (hwm_end.saturating_sub(rss_start) * 1024) as f64 / peak_len.max(1) as f64
    );
    emu.shutdown().await;
    if failed > 0 {
        return Err(format!("{failed} requests failed").into());
    }
    if peak_len as u64 > bound {
        return Err(format!("the nonce cache is not bounded: {peak_len} > {bound}").into());
    }
    Ok(())
}
