//! Reading the accounts to import: CSV with a header row, or JSON Lines, streamed one row at
//! a time (a million rows never sit in memory), each row turned into a validated
//! [`CreateUser`] or a [`BadRow`] with its line number and the reason.
//!
//! Columns (CSV) and keys (JSON) are the create action's parameters by their wire names:
//! `accid` (required), `name`, `icon`, `token`, `sign`, `email`, `birth`, `mobile`, `gender`
//! (`0`/`1`/`2` or `unknown`/`male`/`female`) and `ex`. An empty CSV cell or a JSON `null` is
//! an absent parameter. An accid met a second time (compared lowercased, as the server
//! compares them) is a bad row naming the line it was first seen on.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufRead, Read};
use std::path::Path;

use nim_api::Endpoint as _;
use nim_api::Gender;
use nim_api::user::CreateUser;
use serde_json::Value;

use super::journal::AccidKey;

/// The longest JSON line read; a longer one is a bad row (and is skipped, not loaded).
pub const MAX_JSON_LINE: usize = 64 * 1024;

/// The parameters a row may carry, by wire name.
pub const COLUMNS: [&str; 10] = [
    "accid", "name", "icon", "token", "sign", "email", "birth", "mobile", "gender", "ex",
];

/// The input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl Format {
    /// The format a file name suggests: `.jsonl`, `.ndjson` and `.json` are JSON Lines,
    /// anything else CSV.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("jsonl" | "ndjson" | "json") => Format::Jsonl,
            _ => Format::Csv,
        }
    }
}

/// One account to create, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The input line it starts on (1 is the first line of the file).
    pub line: u64,
    /// The create request, validated.
    pub request: CreateUser,
    /// The accid's identity (lowercased, hashed), as the journal records it.
    pub key: AccidKey,
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// The input line it starts on.
    pub line: u64,
    /// Its accid, when one could be read.
    pub accid: Option<String>,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A problem with the input as a whole (not one row): the import cannot start or go on.
#[derive(Debug)]
pub enum InputError {
    /// Reading failed.
    Io(io::Error),
    /// The CSV header is unusable (no `accid`, an unknown or repeated column).
    Header(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(err) => write!(f, "cannot read the input: {err}"),
            InputError::Header(msg) => write!(f, "bad CSV header: {msg}"),
        }
    }
}

impl std::error::Error for InputError {}

impl From<io::Error> for InputError {
    fn from(err: io::Error) -> Self {
        InputError::Io(err)
    }
}

/// Streams rows out of an input, checking each and remembering the accids seen (16 bytes
/// and a line number each) to find duplicates.
pub struct Rows<R: Read> {
    source: Source<R>,
    seen: HashMap<AccidKey, u64>,
}

enum Source<R: Read> {
    Csv {
        reader: csv::Reader<R>,
        columns: Vec<&'static str>,
        record: csv::StringRecord,
    },
    Jsonl {
        reader: io::BufReader<R>,
        line: u64,
        buf: Vec<u8>,
    },
}

impl<R: Read> Rows<R> {
    /// Starts reading `input` in `format`. For CSV the header row is read and checked here.
    pub fn new(input: R, format: Format) -> Result<Rows<R>, InputError> {
        let source = match format {
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(true)
                    .flexible(true)
                    .from_reader(input);
                let header = reader.headers().map_err(csv_error)?.clone();
                let columns = check_header(&header)?;
                Source::Csv {
                    reader,
                    columns,
                    record: csv::StringRecord::new(),
                }
            }
            Format::Jsonl => Source::Jsonl {
                reader: io::BufReader::with_capacity(64 * 1024, input),
                line: 0,
                buf: Vec::new(),
            },
        };
        Ok(Rows {
            source,
            seen: HashMap::new(),
        })
    }

    /// The next row: `Ok(None)` at the end, `Ok(Some(Err(bad)))` for a row to report and
    /// skip, `Err` when the input cannot be read any further.
    pub fn next_row(&mut self) -> Result<Option<Result<Row, BadRow>>, InputError> {
        let parsed = match &mut self.source {
            Source::Csv {
                reader,
                columns,
                record,
            } => match next_csv(reader, columns, record)? {
                Some(parsed) => parsed,
                None => return Ok(None),
            },
            Source::Jsonl { reader, line, buf } => match next_jsonl(reader, line, buf)? {
                Some(parsed) => parsed,
                None => return Ok(None),
            },
        };
        Ok(Some(parsed.and_then(|row| self.first_time(row))))
    }

    /// Checks that the row's accid was not seen before, and remembers it.
    fn first_time(&mut self, row: Row) -> Result<Row, BadRow> {
        match self.seen.get(&row.key) {
            Some(first) => Err(BadRow {
                line: row.line,
                accid: Some(row.request.accid.to_string()),
                reason: format!("duplicate accid (first on line {first})"),
            }),
            None => {
                self.seen.insert(row.key, row.line);
                Ok(row)
            }
        }
    }
}

fn csv_error(err: csv::Error) -> InputError {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => InputError::Io(err),
        other => InputError::Header(format!("{other:?}")),
    }
}

/// Checks the header: known, distinct columns including `accid`.
fn check_header(header: &csv::StringRecord) -> Result<Vec<&'static str>, InputError> {
    let mut columns = Vec::with_capacity(header.len());
    for name in header {
        let name = name.trim();
        let Some(known) = COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(name)) else {
            return Err(InputError::Header(format!(
                "unknown column {name:?}; columns are {}",
                COLUMNS.join(", ")
            )));
        };
        if columns.contains(known) {
            return Err(InputError::Header(format!(
                "column {known:?} appears twice"
            )));
        }
        columns.push(*known);
    }
    if !columns.contains(&"accid") {
        return Err(InputError::Header("no accid column".into()));
    }
    Ok(columns)
}

fn next_csv<R: Read>(
    reader: &mut csv::Reader<R>,
    columns: &[&'static str],
    record: &mut csv::StringRecord,
) -> Result<Option<Result<Row, BadRow>>, InputError> {
    match reader.read_record(record) {
        Ok(false) => Ok(None),
        Ok(true) => {
            let line = record.position().map_or(0, csv::Position::line);
            if record.len() != columns.len() {
                return Ok(Some(Err(BadRow {
                    line,
                    accid: None,
                    reason: format!(
                        "{} fields where the header has {}",
                        record.len(),
                        columns.len()
                    ),
                })));
            }
            let fields = columns
                .iter()
                .zip(record.iter())
                .filter(|(_, value)| !value.is_empty())
                .map(|(name, value)| (*name, value.to_owned()));
            Ok(Some(build(line, fields)))
        }
        Err(err) => {
            let line = err.position().map_or(0, csv::Position::line);
            match err.into_kind() {
                csv::ErrorKind::Io(err) => Err(InputError::Io(err)),
                csv::ErrorKind::Utf8 { .. } => Ok(Some(Err(BadRow {
                    line,
                    accid: None,
                    reason: "not valid UTF-8".into(),
                }))),
                other => Ok(Some(Err(BadRow {
                    line,
                    accid: None,
                    reason: format!("malformed CSV: {other:?}"),
                }))),
            }
        }
    }
}

fn next_jsonl<R: Read>(
    reader: &mut io::BufReader<R>,
    line: &mut u64,
    buf: &mut Vec<u8>,
) -> Result<Option<Result<Row, BadRow>>, InputError> {
    loop {
        buf.clear();
        let read = reader
            .by_ref()
            .take(MAX_JSON_LINE as u64 + 1)
            .read_until(b'\n', buf)?;
        if read == 0 {
            return Ok(None);
        }
        *line += 1;
        let this = *line;
        if buf.len() > MAX_JSON_LINE && buf.last() != Some(&b'\n') {
            skip_line(reader)?;
            return Ok(Some(Err(BadRow {
                line: this,
                accid: None,
                reason: format!("line longer than {MAX_JSON_LINE} bytes"),
            })));
        }
        let text = buf.trim_ascii();
        if text.is_empty() {
            continue;
        }
        let bad = |reason: String| {
            Ok(Some(Err(BadRow {
                line: this,
                accid: None,
                reason,
            })))
        };
        let object = match serde_json::from_slice::<Value>(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return bad("not a JSON object".into()),
            Err(err) => return bad(format!("malformed JSON: {err}")),
        };
        let mut fields = Vec::with_capacity(object.len());
        for (key, value) in object {
            let Some(name) = COLUMNS.iter().find(|c| **c == key) else {
                return bad(format!(
                    "unknown key {key:?}; keys are {}",
                    COLUMNS.join(", ")
                ));
            };
            match value {
                Value::Null => {}
                Value::String(text) => fields.push((*name, text)),
                Value::Number(n) => fields.push((*name, n.to_string())),
                // `ex` is JSON text; an object or array given as is is sent as its text.
                value @ (Value::Object(_) | Value::Array(_)) if *name == "ex" => {
                    fields.push((*name, value.to_string()));
                }
                _ => return bad(format!("{key} must be a string")),
            }
        }
        return Ok(Some(build(this, fields.into_iter())));
    }
}

/// Consumes the rest of an over-long line.
fn skip_line<R: Read>(reader: &mut io::BufReader<R>) -> io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        if let Some(at) = chunk.iter().position(|b| *b == b'\n') {
            reader.consume(at + 1);
            return Ok(());
        }
        let len = chunk.len();
        reader.consume(len);
    }
}

/// Builds and validates the create request of one row.
fn build(line: u64, fields: impl Iterator<Item = (&'static str, String)>) -> Result<Row, BadRow> {
    let mut request = CreateUser::default();
    let mut has_accid = false;
    let mut bad = None;
    for (name, value) in fields {
        match name {
            "accid" => {
                has_accid = true;
                request.accid = value.into();
            }
            "name" => request.name = Some(value),
            "icon" => request.icon = Some(value),
            "token" => request.token = Some(value),
            "sign" => request.sign = Some(value),
            "email" => request.email = Some(value),
            "birth" => request.birth = Some(value),
            "mobile" => request.mobile = Some(value),
            "ex" => request.ex = Some(value),
            "gender" => match parse_gender(&value) {
                Some(gender) => request.gender = Some(gender),
                None => {
                    bad = Some(format!(
                        "gender {value:?} is not 0, 1, 2, unknown, male or female"
                    ));
                }
            },
            _ => {}
        }
    }
    let accid = has_accid.then(|| request.accid.to_string());
    let fail = |reason: String| BadRow {
        line,
        accid: accid.clone(),
        reason,
    };
    if !has_accid {
        return Err(fail("no accid".into()));
    }
    if let Some(reason) = bad {
        return Err(fail(reason));
    }
    if let Err(err) = request.validate() {
        return Err(fail(format!("invalid: {err}")));
    }
    let key = AccidKey::of(&request.accid);
    Ok(Row { line, request, key })
}

fn parse_gender(value: &str) -> Option<Gender> {
    match value.trim().to_ascii_lowercase().as_str() {
        "0" | "unknown" => Some(Gender::Unknown),
        "1" | "male" => Some(Gender::Male),
        "2" | "female" => Some(Gender::Female),
        _ => None,
    }
}

/// Counts the lines of the file at `path` (a quick pass, for the progress bar's length):
/// one less for a CSV header. An estimate: quoted CSV fields may span lines.
pub fn estimate_rows(path: &Path, format: Format) -> io::Result<u64> {
    let mut file = std::fs::File::open(path)?;
    let mut buf = vec![0u8; 256 * 1024];
    let (mut lines, mut last) = (0u64, b'\n');
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        lines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
        last = buf[n - 1];
    }
    if last != b'\n' {
        lines += 1;
    }
    Ok(match format {
        Format::Csv => lines.saturating_sub(1),
        Format::Jsonl => lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str, format: Format) -> Vec<Result<Row, BadRow>> {
        let mut rows = Rows::new(text.as_bytes(), format).unwrap();
        let mut out = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            out.push(row);
        }
        out
    }

    fn lines_and_reasons(rows: &[Result<Row, BadRow>]) -> Vec<(u64, String)> {
        rows.iter()
            .map(|r| match r {
                Ok(row) => (row.line, format!("ok {}", row.request.accid)),
                Err(bad) => (bad.line, bad.reason.clone()),
            })
            .collect()
    }

    #[test]
    fn csv_rows_carry_their_parameters_and_line_numbers() {
        let text = "accid,name,gender,token,ex\n\
                    Alice,Alice A,1,t1,\n\
                    bob,\"Bob, \"\"B\"\"\",female,,\"{\"\"k\"\":1}\"\n";
        let rows = read_all(text, Format::Csv);
        let alice = rows[0].as_ref().unwrap();
        assert_eq!(alice.line, 2);
        assert_eq!(alice.request.accid, "Alice");
        assert_eq!(alice.request.name.as_deref(), Some("Alice A"));
        assert_eq!(alice.request.gender, Some(Gender::Male));
        assert_eq!(alice.request.token.as_deref(), Some("t1"));
        assert_eq!(alice.request.ex, None);
        let bob = rows[1].as_ref().unwrap();
        assert_eq!(bob.line, 3);
        assert_eq!(bob.request.name.as_deref(), Some("Bob, \"B\""));
        assert_eq!(bob.request.gender, Some(Gender::Female));
        assert_eq!(bob.request.token, None);
        assert_eq!(bob.request.ex.as_deref(), Some("{\"k\":1}"));
    }

    #[test]
    fn csv_bad_rows_are_reported_with_their_line_and_the_rest_goes_on() {
        let text = "accid,name\n\
                    ok1,x\n\
                    bad accid!,x\n\
                    ok2\n\
                    ,nobody\n\
                    OK1,again\n\
                    ok3,\"multi\nline\"\n\
                    ok4,y,extra\n\
                    ok5,z\n";
        let rows = read_all(text, Format::Csv);
        let got = lines_and_reasons(&rows);
        assert_eq!(got[0], (2, "ok ok1".into()));
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.starts_with("invalid: "), "{got:?}");
        assert!(got[1].1.contains("accid"), "{got:?}");
        assert_eq!(got[2], (4, "1 fields where the header has 2".into()));
        assert_eq!(got[3], (5, "no accid".into()));
        assert_eq!(got[4], (6, "duplicate accid (first on line 2)".into()));
        assert_eq!(got[5], (7, "ok ok3".into()));
        // The quoted field spans two lines: the next record starts on line 9.
        assert_eq!(got[6], (9, "3 fields where the header has 2".into()));
        assert_eq!(got[7], (10, "ok ok5".into()));
        assert_eq!(rows.len(), 8);
        let Err(dup) = &rows[4] else { panic!() };
        assert_eq!(dup.accid.as_deref(), Some("OK1"));
    }

    #[test]
    fn csv_values_over_their_limits_and_bad_genders_are_bad_rows() {
        let long = "n".repeat(65);
        let text = format!("accid,name,gender\na,{long},\nb,,3\nc,,\n");
        let got = lines_and_reasons(&read_all(&text, Format::Csv));
        assert!(got[0].1.contains("name"), "{got:?}");
        assert!(got[0].1.contains("64"), "{got:?}");
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.contains("gender \"3\""), "{got:?}");
        assert_eq!(got[2], (4, "ok c".into()));
    }

    #[test]
    fn a_csv_header_must_name_known_distinct_columns_with_accid() {
        let err = |text: &str| match Rows::new(text.as_bytes(), Format::Csv) {
            Err(err) => err.to_string(),
            Ok(_) => panic!("accepted {text:?}"),
        };
        assert!(err("accid,nickname\n").contains("unknown column \"nickname\""));
        assert!(err("name,icon\n").contains("no accid column"));
        assert!(err("accid,name,NAME\n").contains("appears twice"));
        assert!(Rows::new(" Accid , Name\n".as_bytes(), Format::Csv).is_ok());
    }

    #[test]
    fn jsonl_rows_and_bad_lines() {
        let text = "{\"accid\":\"a1\",\"name\":\"A\",\"gender\":2,\"ex\":{\"k\":[1]}}\n\
                    \n\
                    {\"accid\":\"a2\",\"mobile\":13800000000,\"icon\":null}\n\
                    {\"accid\":\"a3\"\n\
                    [1,2]\n\
                    {\"accid\":\"a4\",\"nick\":\"x\"}\n\
                    {\"accid\":\"A1\"}\n\
                    {\"accid\":true}\n\
                    {\"name\":\"no id\"}\n\
                    {\"accid\":\"a5\"}";
        let rows = read_all(text, Format::Jsonl);
        let got = lines_and_reasons(&rows);
        assert_eq!(got[0], (1, "ok a1".into()));
        let a1 = rows[0].as_ref().unwrap();
        assert_eq!(a1.request.gender, Some(Gender::Female));
        assert_eq!(a1.request.ex.as_deref(), Some("{\"k\":[1]}"));
        assert_eq!(got[1], (3, "ok a2".into()));
        let a2 = rows[1].as_ref().unwrap();
        assert_eq!(a2.request.mobile.as_deref(), Some("13800000000"));
        assert_eq!(a2.request.icon, None);
        assert_eq!(got[2].0, 4);
        assert!(got[2].1.starts_with("malformed JSON"), "{got:?}");
        assert_eq!(got[3], (5, "not a JSON object".into()));
        assert_eq!(got[4].0, 6);
        assert!(got[4].1.contains("unknown key \"nick\""), "{got:?}");
        assert_eq!(got[5], (7, "duplicate accid (first on line 1)".into()));
        assert_eq!(got[6], (8, "accid must be a string".into()));
        assert_eq!(got[7], (9, "no accid".into()));
        assert_eq!(got[8], (10, "ok a5".into()));
        assert_eq!(rows.len(), 9);
    }

    #[test]
    fn an_over_long_json_line_is_skipped_without_loading_it() {
        let long = format!(
            "{{\"accid\":\"a\",\"ex\":\"{}\"}}\n{{\"accid\":\"b\"}}\n",
            "x".repeat(MAX_JSON_LINE * 3)
        );
        let got = lines_and_reasons(&read_all(&long, Format::Jsonl));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 1);
        assert!(got[0].1.contains("longer than"), "{got:?}");
        assert_eq!(got[1], (2, "ok b".into()));
    }

    #[test]
    fn formats_follow_the_file_name() {
        assert_eq!(Format::from_path(Path::new("a.JSONL")), Format::Jsonl);
        assert_eq!(Format::from_path(Path::new("a.ndjson")), Format::Jsonl);
        assert_eq!(Format::from_path(Path::new("a.csv")), Format::Csv);
        assert_eq!(Format::from_path(Path::new("accounts")), Format::Csv);
    }
}
