//! The two sides of the `call` benchmark, shared by `benches/call.rs` and
//! `examples/call_paired.rs`: an in-process emulator, the library's client, and raw reqwest
//! clients posting the same signed requests.
// Each file that includes this module uses a different part of it.
#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use nim_api::Client;
use nim_api::user::UpdateToken;
use nim_benches::{APP_KEY, APP_SECRET};
use nim_core::{
    FORM_CONTENT_TYPE, HEADER_APP_KEY, HEADER_CHECK_SUM, HEADER_CUR_TIME, HEADER_NONCE,
};
use nim_emulator::Emulator;
use serde::Deserialize;
use tokio::runtime::Runtime;
use tokio::task::JoinSet;

/// How many calls run at once in the concurrent variant.
pub(crate) const CONCURRENCY: usize = 64;
const ACCID: &str = "bench";

/// The part of an answer the baseline reads.
#[derive(Deserialize)]
struct Answer {
    code: u16,
}

/// The `User-Agent` the library's client sends.
const USER_AGENT: &str = concat!("nim-rs/", env!("CARGO_PKG_VERSION"));

/// Which side makes a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Library,
    Baseline,
    BaselineSameWire,
}

/// Both sides of the comparison, sharing one emulator.
#[derive(Clone)]
pub(crate) struct Sides {
    client: Client,
    http: reqwest::Client,
    http_same_wire: reqwest::Client,
    request: Arc<UpdateToken>,
    library_failures: Arc<AtomicU64>,
    baseline_failures: Arc<AtomicU64>,
}

impl Sides {
    pub(crate) async fn call(&self, side: Side) {
        match side {
            Side::Library => self.library().await,
            Side::Baseline => self.baseline(&self.http).await,
            Side::BaselineSameWire => self.baseline(&self.http_same_wire).await,
        }
    }

    async fn library(&self) {
        if self.client.call(&*self.request).await.is_err() {
            self.library_failures.fetch_add(1, Ordering::Relaxed);
        }
    }

    async fn baseline(&self, http: &reqwest::Client) {
        let ok = match self.baseline_post(http).await {
            Ok(code) => code == 200,
            Err(_) => false,
        };
        if !ok {
            self.baseline_failures.fetch_add(1, Ordering::Relaxed);
        }
    }

    async fn baseline_post(
        &self,
        http: &reqwest::Client,
    ) -> Result<u16, Box<dyn std::error::Error + Send + Sync>> {
        let prepared = self.client.prepare(&*self.request)?;
        let response = http
            .post(prepared.url)
            .header(reqwest::header::CONTENT_TYPE, FORM_CONTENT_TYPE)
            .header(HEADER_APP_KEY, prepared.headers.app_key)
            .header(HEADER_NONCE, prepared.headers.nonce)
            .header(HEADER_CUR_TIME, prepared.headers.cur_time.to_string())
            .header(HEADER_CHECK_SUM, prepared.headers.check_sum)
            .body(prepared.body)
            .send()
            .await?;
        let body = response.bytes().await?;
        Ok(serde_json::from_slice::<Answer>(&body)?.code)
    }

    pub(crate) fn check_no_failures(&self, what: &str) {
        let library = self.library_failures.load(Ordering::Relaxed);
        let baseline = self.baseline_failures.load(Ordering::Relaxed);
        assert!(
            library == 0 && baseline == 0,
            "{what}: {library} library and {baseline} baseline calls failed; \
             the benchmark would measure errors"
        );
    }
}

/// The runtime both sides run on: two workers, like the machine's two cores.
pub(crate) fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

pub(crate) fn setup(rt: &Runtime) -> (Emulator, Sides) {
    let emulator = rt
        .block_on(Emulator::start(APP_KEY, APP_SECRET))
        .expect("start the emulator");
    emulator
        .insert_account(ACCID, Some("initial-token"))
        .expect("insert the account");
    let client = Client::builder()
        .app_key(APP_KEY)
        .app_secret(APP_SECRET)
        .base_url(emulator.base_url())
        .build()
        .unwrap();
    // The same timeouts as the client's defaults; reqwest's pool keeps connections alive.
    let http = || {
        reqwest::Client::builder()
            .connect_timeout(nim_api::ClientBuilder::DEFAULT_CONNECT_TIMEOUT)
            .timeout(nim_api::ClientBuilder::DEFAULT_TIMEOUT)
    };
    let sides = Sides {
        client,
        http: http().build().unwrap(),
        http_same_wire: http().user_agent(USER_AGENT).build().unwrap(),
        request: Arc::new(UpdateToken::new(ACCID).token("bench-token")),
        library_failures: Arc::default(),
        baseline_failures: Arc::default(),
    };
    // One of each before timing: both must succeed.
    rt.block_on(async {
        for side in [Side::Library, Side::Baseline, Side::BaselineSameWire] {
            sides.call(side).await;
        }
    });
    sides.check_no_failures("warm-up");
    (emulator, sides)
}

pub(crate) async fn concurrent(sides: &Sides, side: Side) {
    let mut tasks = JoinSet::new();
    for _ in 0..CONCURRENCY {
        let sides = sides.clone();
        tasks.spawn(async move { sides.call(side).await });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.unwrap();
    }
}
