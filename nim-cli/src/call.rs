//! `nim call`: sends any action of [`nim_api::catalogue()`] by name, its parameters given as
//! `--param name=value` or a JSON object, and prints the server's answer as JSON.
//!
//! Nothing here knows an action: [`nim_api::find_action`] finds it, [`ActionInfo::build`]
//! reads, validates and encodes it (so a bad parameter is refused, named, before any I/O),
//! and [`ActionInfo::call`] sends it with the library's signing, retries and errors.

use std::io::Read as _;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use nim_api::{ActionInfo, Client, ENV_BASE_URL, ENV_REGION, Error, RetryPolicy};
use serde_json::{Map, Value, json};

/// The most JSON read from stdin (`--json -`): far above any action's parameters.
const MAX_STDIN_BYTES: u64 = 16 * 1024 * 1024;

/// Exit status: the server answered an error, or the call failed on the way.
const EXIT_FAILED: u8 = 1;
/// Exit status: a usage mistake (unknown action, bad parameter, missing credential).
const EXIT_USAGE: u8 = 2;

/// `nim call`'s arguments.
#[derive(Debug, Clone, Args)]
#[command(after_help = "Examples:\n  \
    nim call user/create.action -p accid=zhangsan -p name=张三\n  \
    nim call createAccount --json '{\"account_id\": \"lisi\"}'\n  \
    echo '{\"accids\": [\"zhangsan\", \"lisi\"]}' | nim call user/getUinfos.action --json -\n  \
    nim call 'GET /im/v2/accounts/{account_id}' -p account_id=lisi --dry-run\n\n\
    `nim actions FILTER --verbose` lists the actions and their parameters.")]
pub struct CallArgs {
    /// The action: its catalogue name (`user::CreateUser`), v1 path (`user/create.action`),
    /// v2 route (`POST /im/v2/accounts`), v2 operation (`createAccount`), or its type's name
    /// when unique (`CreateUser`).
    pub action: String,
    /// A parameter by its wire name, `NAME=VALUE`; repeat for more. The value is read as the
    /// parameter's type: numbers and flags as text, lists as JSON or comma-separated text,
    /// objects as JSON text. A name given twice makes a list.
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// The parameters as a JSON object, or `-` to read it from stdin. `--param` values
    /// replace its members of the same name.
    #[arg(long, value_name = "JSON|-")]
    pub json: Option<String>,
    /// Validate and print the request that would be sent (method, URL, body); send nothing.
    /// Needs no credentials.
    #[arg(long)]
    pub dry_run: bool,
    /// The API's base URL (e.g. the emulator's `http://127.0.0.1:8080/nimserver`); overrides
    /// NIM_BASE_URL.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// How long one attempt may take.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub timeout_secs: f64,
    /// Print the answer on one line instead of indented.
    #[arg(long)]
    pub compact: bool,
}

/// Runs `nim call`: prints the answer and answers 0; 1 when the server answered an error or
/// the call failed on the way; 2 for a usage mistake.
pub fn run(args: CallArgs) -> ExitCode {
    let code = match execute(&args) {
        Ok(answer) => {
            let mut text = render(&answer, args.compact);
            text.push('\n');
            if crate::write_stdout(&text) {
                0
            } else {
                EXIT_FAILED
            }
        }
        Err(Failure { code, message }) => {
            eprintln!("nim call: {message}");
            code
        }
    };
    ExitCode::from(code)
}

/// Why `nim call` stops: the exit status and what to say.
#[derive(Debug)]
struct Failure {
    code: u8,
    message: String,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: EXIT_USAGE,
        message: message.into(),
    }
}

fn execute(args: &CallArgs) -> Result<Value, Failure> {
    let action = find(&args.action)?;
    let timeout = crate::seconds_flag("timeout-secs", args.timeout_secs).map_err(usage)?;
    let stdin = if args.json.as_deref() == Some("-") {
        Some(read_stdin()?)
    } else {
        None
    };
    let params = params(args.json.as_deref(), stdin.as_deref(), &args.params).map_err(usage)?;
    let built = action
        .build(params)
        .map_err(|err| usage(build_failure(action, &err)))?;
    if args.dry_run {
        let client = dry_run_client(args.base_url.as_deref()).map_err(usage)?;
        return Ok(request_json(&client, &built));
    }
    let client = crate::credentials::client(
        args.base_url.as_deref(),
        timeout.max(Duration::from_millis(100)),
        RetryPolicy::default(),
    )
    .map_err(usage)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| Failure {
            code: EXIT_FAILED,
            message: format!("cannot start the runtime: {err}"),
        })?;
    runtime
        .block_on(client.call_encoded(built))
        .map_err(|err| Failure {
            code: EXIT_FAILED,
            message: call_failure(action, &err),
        })
}

/// The action called `name`, or a usage error suggesting the names that come close.
fn find(name: &str) -> Result<&'static ActionInfo, Failure> {
    if let Some(action) = nim_api::find_action(name) {
        return Ok(action);
    }
    let close = close_names(name);
    let mut message = format!("no action is called `{name}`");
    if close.is_empty() {
        message.push_str("; `nim actions` lists them all");
    } else {
        message.push_str("; did you mean one of these?");
        for candidate in close.iter().take(12) {
            message.push_str("\n  ");
            message.push_str(candidate);
        }
        if close.len() > 12 {
            message.push_str(&format!("\n  ... and {} more", close.len() - 12));
        }
    }
    Err(usage(message))
}

/// Catalogue names whose name, path or operation contains `name`'s last word (any case).
fn close_names(name: &str) -> Vec<&'static str> {
    let word = name
        .trim()
        .rsplit(['/', ':', ' '])
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .trim_end_matches(".action")
        .to_lowercase();
    if word.len() < 3 {
        return Vec::new();
    }
    nim_api::catalogue()
        .iter()
        .filter(|a| {
            a.name.to_lowercase().contains(&word)
                || a.path.to_lowercase().contains(&word)
                || a.operation()
                    .is_some_and(|op| op.to_lowercase().contains(&word))
        })
        .map(|a| a.name)
        .collect()
}

/// The parameters: the JSON object (from `--json`, or stdin's text for `--json -`) with each
/// `NAME=VALUE` over it; a name repeated among `pairs` makes a list of its values.
fn params(json: Option<&str>, stdin: Option<&str>, pairs: &[String]) -> Result<Value, String> {
    let mut object = match stdin.or(json) {
        None => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return Err("--json must be a JSON object of parameters".to_owned()),
            Err(err) => return Err(format!("--json is not valid JSON: {err}")),
        },
    };
    let mut given = Map::new();
    for pair in pairs {
        let Some((name, value)) = pair.split_once('=') else {
            return Err(
                "a --param has no `=`: write NAME=VALUE, e.g. -p accid=zhangsan".to_owned(),
            );
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(format!("--param `{pair}` has no name before `=`"));
        }
        let value = Value::String(value.to_owned());
        match given.get_mut(name) {
            None => {
                given.insert(name.to_owned(), value);
            }
            Some(Value::Array(list)) => list.push(value),
            Some(first) => *first = Value::Array(vec![first.take(), value]),
        }
    }
    object.extend(given);
    Ok(Value::Object(object))
}

/// Reads stdin to its end (at most [`MAX_STDIN_BYTES`]).
fn read_stdin() -> Result<String, Failure> {
    let mut text = String::new();
    std::io::stdin()
        .take(MAX_STDIN_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|err| usage(format!("cannot read the parameters from stdin: {err}")))?;
    if text.len() as u64 > MAX_STDIN_BYTES {
        return Err(usage(format!(
            "the parameters on stdin are over {MAX_STDIN_BYTES} bytes"
        )));
    }
    Ok(text)
}

/// What to say when the parameters do not make the action.
fn build_failure(action: &ActionInfo, err: &Error) -> String {
    format!(
        "{name} ({} {}): {err}\n`nim actions {name} --verbose` lists its parameters",
        action.method,
        action.path,
        name = action.name,
    )
}

/// What to say when the call fails: the error, its causes, and the trace id to quote.
fn call_failure(action: &ActionInfo, err: &Error) -> String {
    let mut message = format!("{}: {err}", action.name);
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    if let Some(trace) = err.trace_id() {
        message.push_str(&format!(" (trace id {trace})"));
    }
    message
}

/// For `--dry-run`: the client of the environment when its credentials are there, else one
/// with placeholder credentials (the request is shown, never sent, and its signature is not
/// printed), the region of NIM_REGION and the base URL of `--base-url` or NIM_BASE_URL.
fn dry_run_client(base_url: Option<&str>) -> Result<Client, String> {
    if crate::credentials::missing().is_none() {
        return crate::credentials::client(base_url, Duration::from_secs(10), RetryPolicy::none());
    }
    let mut builder = Client::builder().app_key("-").app_secret("-");
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if let Some(region) = env(ENV_REGION) {
        builder = builder.region(region.parse().map_err(|err: Error| err.to_string())?);
    }
    let from_env = env(ENV_BASE_URL);
    if let Some(url) = base_url.map(str::to_owned).or(from_env) {
        builder = builder.base_url(url);
    }
    builder.build().map_err(|err| err.to_string())
}

/// The request `call` would send, as JSON: method, URL, content type and body (a v2 body as
/// its JSON). The signature headers are left out: they are made anew for each send.
fn request_json(client: &Client, call: &nim_api::dynamic::EncodedCall) -> Value {
    let prepared = client.prepare_encoded(call);
    let body = match prepared.content_type {
        Some(kind) if kind.starts_with("application/json") => {
            serde_json::from_str(&prepared.body).unwrap_or(Value::String(prepared.body))
        }
        Some(_) => Value::String(prepared.body),
        None => Value::Null,
    };
    json!({
        "method": prepared.method.as_str(),
        "url": prepared.url,
        "content_type": prepared.content_type,
        "body": body,
        "idempotent": call.is_idempotent(),
    })
}

/// The answer as printed.
fn render(answer: &Value, compact: bool) -> String {
    if compact {
        answer.to_string()
    } else {
        serde_json::to_string_pretty(answer).unwrap_or_else(|_| answer.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_go_over_the_json_and_a_repeated_name_makes_a_list() {
        let pairs = [
            "accids=a".to_owned(),
            "accids=b".to_owned(),
            "x=1=2".to_owned(),
        ];
        let got = params(Some(r#"{"accids": "z", "y": 3}"#), None, &pairs).unwrap();
        assert_eq!(got, json!({"accids": ["a", "b"], "x": "1=2", "y": 3}));
        // stdin's text wins over `--json -`'s dash.
        let got = params(Some("-"), Some(r#"{"a": true}"#), &[]).unwrap();
        assert_eq!(got, json!({"a": true}));
    }

    #[test]
    fn malformed_parameters_are_refused_with_what_to_write() {
        let err = params(None, None, &["accid".to_owned()]).unwrap_err();
        assert!(err.contains("NAME=VALUE"), "{err}");
        let err = params(None, None, &["=x".to_owned()]).unwrap_err();
        assert!(err.contains("no name"), "{err}");
        let err = params(Some("[1]"), None, &[]).unwrap_err();
        assert!(err.contains("JSON object"), "{err}");
        let err = params(Some("{"), None, &[]).unwrap_err();
        assert!(err.contains("not valid JSON"), "{err}");
    }

    #[test]
    fn an_unknown_action_suggests_the_close_ones() {
        let err = find("user/creat.action").unwrap_err();
        assert_eq!(err.code, EXIT_USAGE);
        assert!(err.message.contains("user::CreateUser"), "{}", err.message);
        let err = find("RefreshToken").unwrap_err();
        assert!(
            err.message.contains("user::RefreshToken"),
            "{}",
            err.message
        );
        assert!(
            err.message.contains("v2::account::RefreshToken"),
            "{}",
            err.message
        );
        let err = find("zz").unwrap_err();
        assert!(err.message.contains("`nim actions` lists them all"));
    }
}
