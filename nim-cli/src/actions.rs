//! `nim actions`: lists [`nim_api::catalogue()`], the actions `nim call` can send, with their
//! parameters on request, as text for people or JSON for tools.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use nim_api::ActionInfo;
use nim_api::dynamic::ParamInfo;
use serde_json::{Value, json};

/// `nim actions`' arguments.
#[derive(Debug, Clone, Args)]
pub struct ActionsArgs {
    /// Only the actions whose name, path or v2 operation contains this text (any case),
    /// e.g. `user`, `accounts`, `createAccount`, `PATCH /im/v2/accounts`.
    pub filter: Option<String>,
    /// Only the actions of one API version.
    #[arg(long, value_enum)]
    pub version: Option<Version>,
    /// Each action's parameters too: wire name, type, required or not, where sent, rules,
    /// and the members of parameter objects.
    #[arg(long, short)]
    pub verbose: bool,
    /// JSON (an array of actions, with their parameters) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// An API version, to filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Version {
    /// Form POSTs to `<module>/<action>.action`.
    V1,
    /// JSON over REST under `/im/v2`.
    V2,
}

/// Runs `nim actions`: 0, or 1 when nothing matches the filter.
pub fn run(args: ActionsArgs) -> ExitCode {
    let found = select(&args);
    if found.is_empty() {
        eprintln!("nim actions: no action matches; `nim actions` lists them all");
        return ExitCode::FAILURE;
    }
    let text = if args.json {
        let list: Vec<Value> = found.iter().map(|a| action_json(a)).collect();
        let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
        text.push('\n');
        text
    } else {
        render(&found, args.verbose)
    };
    if crate::write_stdout(&text) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The catalogue's actions that `args` selects, in catalogue order.
///
/// ```
/// use clap::Parser;
/// use nim_cli::{Cli, Command};
///
/// let Command::Actions(args) = Cli::parse_from(["nim", "actions", "createaccount"]).command
/// else { unreachable!() };
/// let names: Vec<_> = nim_cli::actions::select(&args).iter().map(|a| a.name).collect();
/// assert_eq!(names, ["v2::account::CreateAccount"]);
/// ```
pub fn select(args: &ActionsArgs) -> Vec<&'static ActionInfo> {
    // Placeholders are not searched, so a route written with its `{name}`s still matches.
    let filter = args
        .filter
        .as_deref()
        .map(|f| without_placeholders(f).to_lowercase());
    nim_api::catalogue()
        .iter()
        .filter(|a| match args.version {
            None => true,
            Some(Version::V1) => !is_v2(a),
            Some(Version::V2) => is_v2(a),
        })
        .filter(|a| filter.as_deref().is_none_or(|f| matches(a, f)))
        .collect()
}

/// Whether `action` is a v2 (REST) action.
fn is_v2(action: &ActionInfo) -> bool {
    action.path.starts_with('/')
}

/// Whether `lowercase` occurs in the action's name, path, route or operation. A v2 path's
/// `{placeholders}` are not searched: `account` should not find every action that takes an
/// `{account_id}`.
fn matches(action: &ActionInfo, lowercase: &str) -> bool {
    let path = without_placeholders(action.path);
    let route = format!("{} {path}", action.method);
    [action.name, path.as_str(), route.as_str()]
        .into_iter()
        .any(|text| text.to_lowercase().contains(lowercase))
        || action
            .operation()
            .is_some_and(|op| op.to_lowercase().contains(lowercase))
}

/// `path` with each `{name}` replaced by `{}`.
fn without_placeholders(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                out.push(c);
            }
            '}' => {
                inside = false;
                out.push(c);
            }
            _ if inside => {}
            _ => out.push(c),
        }
    }
    out
}

/// The text listing: one line per action (name, method, path, v2 operation), and with
/// `verbose` its parameters below it.
pub fn render(actions: &[&ActionInfo], verbose: bool) -> String {
    let width = actions.iter().map(|a| a.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for action in actions {
        let operation = action.operation().unwrap_or_default();
        let line = format!(
            "{:width$}  {:6} {} {operation}",
            action.name, action.method, action.path
        );
        out.push_str(line.trim_end());
        out.push('\n');
        if verbose {
            render_params(&mut out, action.params, 1);
            if action.params.is_empty() {
                out.push_str("    (no parameters)\n");
            }
        }
    }
    out
}

/// One line per parameter, indented by `depth`, members of objects one level deeper.
fn render_params(out: &mut String, params: &[ParamInfo], depth: usize) {
    let width = params.iter().map(|p| p.name.len()).max().unwrap_or(0);
    for param in params {
        let indent = "    ".repeat(depth);
        let need = if param.required {
            "required"
        } else {
            "optional"
        };
        let mut line = format!(
            "{indent}{:width$}  {need}  {:9} {}",
            param.name,
            param.place.as_str(),
            param.ty
        );
        if !param.rules.is_empty() {
            let _ = write!(line, "  [{}]", param.rules);
        }
        out.push_str(line.trim_end());
        out.push('\n');
        render_params(out, param.members(), depth + 1);
    }
}

/// An action as JSON: what `nim actions --json` prints for it.
///
/// ```
/// let create = nim_api::find_action("user::CreateUser").unwrap();
/// let json = nim_cli::actions::action_json(create);
/// assert_eq!(json["path"], "user/create.action");
/// assert_eq!(json["params"][0]["name"], "accid");
/// assert_eq!(json["params"][0]["required"], true);
/// ```
pub fn action_json(action: &ActionInfo) -> Value {
    json!({
        "name": action.name,
        "method": action.method,
        "path": action.path,
        "operation": action.operation(),
        "idempotent": action.idempotent,
        "params": params_json(action.params),
    })
}

fn params_json(params: &[ParamInfo]) -> Vec<Value> {
    params
        .iter()
        .map(|p| {
            let mut value = json!({
                "name": p.name,
                "type": p.ty,
                "required": p.required,
                "place": p.place.as_str(),
                "rules": p.rules,
            });
            let members = p.members();
            if !members.is_empty() {
                value["members"] = Value::Array(params_json(members));
            }
            value
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Command;
    use clap::Parser as _;

    #[test]
    fn filters_skip_path_placeholders_but_match_routes() {
        assert_eq!(
            without_placeholders("/im/v2/accounts/{account_id}/x"),
            "/im/v2/accounts/{}/x"
        );
        let kick = nim_api::find_action("kickAccount").unwrap();
        assert!(matches(kick, "post /im/v2/accounts/{}/actions/kick"));
        assert!(matches(kick, "kickaccount"));
        let get_user = nim_api::find_action("getUser").unwrap();
        assert!(!matches(get_user, "account"));
        assert!(matches(get_user, "/users/"));
        let Command::Actions(args) =
            crate::Cli::parse_from(["nim", "actions", "GET /im/v2/accounts/{account_id}"]).command
        else {
            unreachable!()
        };
        let found: Vec<_> = select(&args).iter().map(|a| a.name).collect();
        assert_eq!(found, ["v2::account::GetAccountDetails"]);
    }
}
