//! Reading the accounts to import: CSV with a header row, or JSON Lines, streamed one line at
//! a time (a million rows never sit in memory, and no line longer than [`MAX_LINE`] is
//! loaded), each row turned into a validated [`CreateUser`] or a [`BadRow`] with its line
//! number and the reason.
//!
//! Columns (CSV) and keys (JSON) are the create action's parameters by their wire names, as
//! [`CreateUser`] declares them ([`columns`]): `accid` (required), `name`, `icon`, `token`,
//! `sign`, `email`, `birth`, `mobile`, `gender` (`0`/`1`/`2` or `unknown`/`male`/`female`),
//! `ex` and the deprecated `props`. An empty CSV cell or a JSON `null` is an absent
//! parameter. An accid met a second time (compared lowercased, as the server compares them)
//! is a bad row naming the line it was first seen on.
//!
//! A CSV record is one line (RFC 4180 quoting within it: `"Bob, ""B"""`): a quote left open
//! is a bad row of its own instead of swallowing the lines after it. Values with line breaks
//! go in JSON Lines. A UTF-8 byte order mark at the start is ignored in both formats.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufRead, Read};
use std::path::Path;

use nim_api::Endpoint as _;
use nim_api::dynamic::FromWire as _;
use nim_api::user::CreateUser;
use serde_json::{Map, Value};

use super::journal::AccidKey;

/// The longest line read; a longer one is a bad row (and is skipped, not loaded).
pub const MAX_LINE: usize = 64 * 1024;

/// The parameters a row may carry, by wire name: those of [`CreateUser`].
///
/// ```
/// let columns: Vec<_> = nim_cli::import::input::columns().collect();
/// assert_eq!(columns[0], "accid");
/// assert!(columns.contains(&"gender") && columns.contains(&"ex"));
/// ```
pub fn columns() -> impl Iterator<Item = &'static str> {
    CreateUser::PARAMS.iter().map(|param| param.name)
}

/// The column called `name` (any case).
fn column(name: &str) -> Option<&'static str> {
    columns().find(|column| column.eq_ignore_ascii_case(name))
}

fn column_list() -> String {
    columns().collect::<Vec<_>>().join(", ")
}

/// The input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row, one record per line.
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
    /// The input line it is on (1 is the first line of the file).
    pub line: u64,
    /// The create request, validated.
    pub request: CreateUser,
    /// The accid's identity (lowercased, hashed), as the journal records it.
    pub key: AccidKey,
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// The input line it is on.
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
    lines: Lines<R>,
    /// The CSV header's columns, in order; `None` for JSON Lines.
    header: Option<Vec<&'static str>>,
    seen: HashMap<AccidKey, u64>,
}

/// The input's lines, at most [`MAX_LINE`] bytes each, numbered from 1.
struct Lines<R: Read> {
    reader: io::BufReader<R>,
    number: u64,
    buf: Vec<u8>,
}

/// One line read: its number and its text (end of line and a leading byte order mark
/// removed), or why it cannot be used.
type Line<'a> = (u64, Result<&'a str, String>);

impl<R: Read> Lines<R> {
    fn new(input: R) -> Self {
        Lines {
            reader: io::BufReader::with_capacity(64 * 1024, input),
            number: 0,
            buf: Vec::new(),
        }
    }

    /// The next line that is not blank; `None` at the end.
    fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        loop {
            self.buf.clear();
            let read = (&mut self.reader)
                .take(MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut self.buf)?;
            if read == 0 {
                return Ok(None);
            }
            self.number += 1;
            if self.buf.len() > MAX_LINE && self.buf.last() != Some(&b'\n') {
                skip_line(&mut self.reader)?;
                let reason = format!("line longer than {MAX_LINE} bytes");
                return Ok(Some((self.number, Err(reason))));
            }
            // The line's text within `buf`, as a range: a borrow would outlive the `continue`.
            let mut start = 0;
            if self.number == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                start = 3;
            }
            let mut end = self.buf.len();
            if end > start && self.buf[end - 1] == b'\n' {
                end -= 1;
            }
            if end > start && self.buf[end - 1] == b'\r' {
                end -= 1;
            }
            if self.buf[start..end].trim_ascii().is_empty() {
                continue;
            }
            let bytes = &self.buf[start..end];
            let text = std::str::from_utf8(bytes).map_err(|_| "not valid UTF-8".to_owned());
            return Ok(Some((self.number, text)));
        }
    }
}

impl<R: Read> Rows<R> {
    /// Starts reading `input` in `format`. For CSV the header row is read and checked here.
    pub fn new(input: R, format: Format) -> Result<Rows<R>, InputError> {
        let mut lines = Lines::new(input);
        let header = match format {
            Format::Csv => Some(read_header(&mut lines)?),
            Format::Jsonl => None,
        };
        Ok(Rows {
            lines,
            header,
            seen: HashMap::new(),
        })
    }

    /// The next row: `Ok(None)` at the end, `Ok(Some(Err(bad)))` for a row to report and
    /// skip, `Err` when the input cannot be read any further.
    pub fn next_row(&mut self) -> Result<Option<Result<Row, BadRow>>, InputError> {
        let Some((line, text)) = self.lines.next_line()? else {
            return Ok(None);
        };
        let bad = |reason: String| BadRow {
            line,
            accid: None,
            reason,
        };
        let fields = text.and_then(|text| match &self.header {
            Some(header) => csv_fields(header, text),
            None => json_fields(text),
        });
        let row = fields
            .map_err(bad)
            .and_then(|fields| build(line, fields))
            .and_then(|row| self.first_time(row));
        Ok(Some(row))
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

/// Reads and checks the header: known, distinct columns including `accid`.
fn read_header<R: Read>(lines: &mut Lines<R>) -> Result<Vec<&'static str>, InputError> {
    let header = match lines.next_line()? {
        None => return Err(InputError::Header("the file is empty".into())),
        Some((_, Err(reason))) => return Err(InputError::Header(reason)),
        Some((_, Ok(text))) => split_csv(text).map_err(InputError::Header)?,
    };
    let mut columns = Vec::with_capacity(header.len());
    for name in &header {
        let name = name.trim();
        let Some(known) = column(name) else {
            return Err(InputError::Header(format!(
                "unknown column {name:?}; columns are {}",
                column_list()
            )));
        };
        if columns.contains(&known) {
            return Err(InputError::Header(format!(
                "column {known:?} appears twice"
            )));
        }
        columns.push(known);
    }
    if !columns.contains(&"accid") {
        return Err(InputError::Header("no accid column".into()));
    }
    Ok(columns)
}

/// A CSV line's non-empty cells, by column.
fn csv_fields(header: &[&'static str], text: &str) -> Result<Vec<(&'static str, String)>, String> {
    let cells = split_csv(text)?;
    if cells.len() != header.len() {
        return Err(format!(
            "{} fields where the header has {}",
            cells.len(),
            header.len()
        ));
    }
    Ok(header
        .iter()
        .zip(cells)
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| (*name, value))
        .collect())
}

/// Splits one CSV line into its cells: separated by commas; a cell in double quotes may hold
/// commas and doubled quotes (`"Bob, ""B"""`). A quote inside an unquoted cell is kept as it
/// is.
pub(crate) fn split_csv(text: &str) -> Result<Vec<String>, String> {
    let mut cells = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut cell = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => {
                        return Err(format!(
                            "the quote opening field {} is not closed on its line (a CSV \
                             record is one line; use JSON Lines for values with line breaks)",
                            cells.len() + 1
                        ));
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                }
            }
            match chars.next() {
                None => {
                    cells.push(cell);
                    return Ok(cells);
                }
                Some(',') => cells.push(cell),
                Some(_) => {
                    return Err(format!(
                        "text after the closing quote of field {}",
                        cells.len() + 1
                    ));
                }
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        cells.push(cell);
                        return Ok(cells);
                    }
                    Some(',') => break,
                    Some(c) => cell.push(c),
                }
            }
            cells.push(cell);
        }
    }
}

/// A JSON line's members, as text by column (`null` is absent).
fn json_fields(text: &str) -> Result<Vec<(&'static str, String)>, String> {
    let object = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Err("not a JSON object".into()),
        Err(err) => return Err(format!("malformed JSON: {err}")),
    };
    let mut fields = Vec::with_capacity(object.len());
    for (key, value) in object {
        let Some(name) = columns().find(|c| *c == key) else {
            return Err(format!("unknown key {key:?}; keys are {}", column_list()));
        };
        match value {
            Value::Null => {}
            Value::String(text) => fields.push((name, text)),
            // Whole numbers only: `1.10` or a number past 64 bits would not be sent as written.
            Value::Number(n) if n.is_u64() || n.is_i64() => fields.push((name, n.to_string())),
            Value::Number(_) => {
                return Err(format!(
                    "{key}: a fraction or a number past 64 bits must be written as text (in quotes)"
                ));
            }
            // `ex` is JSON text; an object or array given as is is sent as its text.
            value @ (Value::Object(_) | Value::Array(_)) if name == "ex" => {
                fields.push((name, value.to_string()));
            }
            _ => return Err(format!("{key} must be text or a number")),
        }
    }
    Ok(fields)
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

/// Builds and validates the create request of one row: read by the action's own reader
/// (as `nim call user/create.action` would), then checked by its rules.
fn build(line: u64, fields: Vec<(&'static str, String)>) -> Result<Row, BadRow> {
    let mut params = Map::with_capacity(fields.len());
    let mut accid = None;
    for (name, value) in fields {
        let value = match name {
            "accid" => {
                accid = Some(value.clone());
                value
            }
            "gender" => match parse_gender(&value) {
                Some(code) => code.to_owned(),
                None => {
                    return Err(BadRow {
                        line,
                        accid,
                        reason: format!("gender {value:?} is not 0, 1, 2, unknown, male or female"),
                    });
                }
            },
            _ => value,
        };
        params.insert(name.to_owned(), Value::String(value));
    }
    let fail = |reason: String| BadRow {
        line,
        accid: accid.clone(),
        reason,
    };
    if accid.is_none() {
        return Err(fail("no accid".into()));
    }
    let request = CreateUser::from_wire(Value::Object(params))
        .and_then(|request| request.validate().map(|()| request))
        .map_err(|err| fail(format!("invalid: {err}")))?;
    let key = AccidKey::of(&request.accid);
    Ok(Row { line, request, key })
}

/// The wire code of a gender written as a code or a word.
fn parse_gender(value: &str) -> Option<&'static str> {
    match value.trim().to_ascii_lowercase().as_str() {
        "0" | "unknown" => Some("0"),
        "1" | "male" => Some("1"),
        "2" | "female" => Some("2"),
        _ => None,
    }
}

/// Counts the lines of the file at `path` (a quick pass, for the progress bar's length):
/// one less for a CSV header. An estimate: blank lines are counted too.
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
    use nim_api::Gender;

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
                    ok3,\"multi\n\
                    line\"\n\
                    ok4,y,extra\n\
                    ok5,\"a\"b\n\
                    ok6,z\n";
        let rows = read_all(text, Format::Csv);
        let got = lines_and_reasons(&rows);
        assert_eq!(got[0], (2, "ok ok1".into()));
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.starts_with("invalid: "), "{got:?}");
        assert!(got[1].1.contains("accid"), "{got:?}");
        assert_eq!(got[2], (4, "1 fields where the header has 2".into()));
        assert_eq!(got[3], (5, "no accid".into()));
        assert_eq!(got[4], (6, "duplicate accid (first on line 2)".into()));
        // A quote left open is its own bad row: the next line is read as a record.
        assert_eq!(got[5].0, 7);
        assert!(got[5].1.contains("not closed on its line"), "{got:?}");
        assert_eq!(got[6], (8, "1 fields where the header has 2".into()));
        assert_eq!(got[7], (9, "3 fields where the header has 2".into()));
        assert_eq!(
            got[8],
            (10, "text after the closing quote of field 2".into())
        );
        assert_eq!(got[9], (11, "ok ok6".into()));
        assert_eq!(rows.len(), 10);
        let Err(dup) = &rows[4] else { panic!() };
        assert_eq!(dup.accid.as_deref(), Some("OK1"));
    }

    #[test]
    fn an_unclosed_quote_does_not_swallow_the_rows_after_it() {
        let text = "accid,name\na,\"oops\nb,x\nc,y\n";
        let got = lines_and_reasons(&read_all(text, Format::Csv));
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].0, 2);
        assert!(got[0].1.contains("not closed"), "{got:?}");
        assert_eq!(got[1], (3, "ok b".into()));
        assert_eq!(got[2], (4, "ok c".into()));
    }

    #[test]
    fn byte_order_marks_and_crlf_are_ignored_and_props_is_a_column() {
        let csv = "\u{feff}accid,props\r\na,\"{\"\"k\"\":1}\"\r\n";
        let rows = read_all(csv, Format::Csv);
        let a = rows[0].as_ref().unwrap();
        assert_eq!(a.request.props.as_deref(), Some("{\"k\":1}"));
        let jsonl = "\u{feff}{\"accid\":\"b\"}\r\n";
        assert_eq!(
            lines_and_reasons(&read_all(jsonl, Format::Jsonl)),
            [(1, "ok b".into())]
        );
        let err = match Rows::new("".as_bytes(), Format::Csv) {
            Err(err) => err.to_string(),
            Ok(_) => panic!("an empty file has no header"),
        };
        assert!(err.contains("empty"), "{err}");
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
        assert_eq!(got[6], (8, "accid must be text or a number".into()));
        assert_eq!(got[7], (9, "no accid".into()));
        assert_eq!(got[8], (10, "ok a5".into()));
        assert_eq!(rows.len(), 9);
    }

    #[test]
    fn an_over_long_json_line_is_skipped_without_loading_it() {
        let long = format!(
            "{{\"accid\":\"a\",\"ex\":\"{}\"}}\n{{\"accid\":\"b\"}}\n",
            "x".repeat(MAX_LINE * 3)
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
