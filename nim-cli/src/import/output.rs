//! The files an import writes next to `--out`: the tokens (`accid,token`), the journal, the
//! failures (`line,accid,reason`) and the accounts skipped because they already existed.
//!
//! The journal is the record of truth: a success is journaled first, then appended to the
//! tokens file. When an import resumes, the tokens and skipped files are rebuilt from the
//! journal (into a temporary file, then renamed over the old one), so they list every account
//! done so far exactly once, even if the last run stopped between the two writes.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use super::input::split_csv;
use super::journal::{AccidKey, Journal, Locked, Record, Replayed, private_options};

/// Where an import's files go, all named after `--out`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// `accid,token` of every account done (`--out`).
    pub tokens: PathBuf,
    /// The journal: `<out>.journal`.
    pub journal: PathBuf,
    /// Rows that failed in the last run: `<out>.failures`.
    pub failures: PathBuf,
    /// Accounts that existed and were left alone (`--existing skip`): `<out>.skipped`.
    pub skipped: PathBuf,
}

impl Paths {
    /// The paths for the output file `out`.
    pub fn new(out: &Path) -> Paths {
        let with = |suffix: &str| {
            let mut name = out.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        };
        Paths {
            tokens: out.to_owned(),
            journal: with(".journal"),
            failures: with(".failures"),
            skipped: with(".skipped"),
        }
    }
}

/// Why the outputs cannot be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The tokens file exists without a journal: it is not ours to overwrite.
    NotOurs(PathBuf),
    /// A file could not be read or written.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::NotOurs(path) => write!(
                f,
                "{} exists but has no journal next to it, so it was not written by \
                 `nim import`; choose another --out or move it away",
                path.display()
            ),
            OpenError::Io(path, err) => write!(f, "{}: {err}", path.display()),
        }
    }
}

impl std::error::Error for OpenError {}

impl OpenError {
    /// The exit status: 2 for what the user must change (another `--out`, a directory that
    /// does not exist, an import already running on it), 1 for other failures.
    pub fn exit_code(&self) -> u8 {
        match self {
            OpenError::NotOurs(_) => 2,
            OpenError::Io(_, err)
                if matches!(
                    err.kind(),
                    io::ErrorKind::NotFound
                        | io::ErrorKind::WouldBlock
                        | io::ErrorKind::PermissionDenied
                ) =>
            {
                2
            }
            OpenError::Io(..) => 1,
        }
    }
}

/// The open output files.
#[derive(Debug)]
pub struct Outputs {
    journal: Option<Journal>,
    tokens: Option<csv::Writer<File>>,
    skipped: Option<csv::Writer<File>>,
    failures: csv::Writer<File>,
    /// A dry run's hold on an existing journal (a real import's is in `journal`).
    _lock: Option<File>,
}

impl Outputs {
    /// Opens (or resumes) the outputs of `paths`: locks and replays the journal, rebuilds the
    /// tokens and skipped files from it, and starts a new failures file. A token the old
    /// tokens file has and the journal lacks (a power loss can lose the journal's last
    /// second) is kept, and journaled.
    pub fn open(paths: &Paths) -> Result<(Outputs, Replayed), OpenError> {
        if paths.tokens.exists() && !paths.journal.exists() {
            return Err(OpenError::NotOurs(paths.tokens.clone()));
        }
        let locked = Journal::lock(&paths.journal)
            .map_err(|err| OpenError::Io(paths.journal.clone(), err))?;
        let tokens_tmp = temporary(&paths.tokens);
        let skipped_tmp = temporary(&paths.skipped);
        let opened = Outputs::rebuild(paths, locked, &tokens_tmp, &skipped_tmp);
        if opened.is_err() {
            // Never leave a partial copy of the tokens lying about.
            let _ = std::fs::remove_file(&tokens_tmp);
            let _ = std::fs::remove_file(&skipped_tmp);
        }
        opened
    }

    fn rebuild(
        paths: &Paths,
        locked: Locked,
        tokens_tmp: &Path,
        skipped_tmp: &Path,
    ) -> Result<(Outputs, Replayed), OpenError> {
        let io_err = |path: &Path| {
            let path = path.to_owned();
            move |err| OpenError::Io(path, err)
        };
        let mut tokens = new_csv(tokens_tmp, &["accid", "token"]).map_err(io_err(tokens_tmp))?;
        let mut skipped =
            new_csv(skipped_tmp, &["accid", "reason"]).map_err(io_err(skipped_tmp))?;
        let mut copy_error = None;
        let (mut journal, mut replayed) = locked
            .replay(|record| {
                let written = match record {
                    Record::Created { accid, token } | Record::Refreshed { accid, token, .. } => {
                        tokens.write_record([accid, token])
                    }
                    Record::Skipped { accid } => skipped.write_record([accid.as_str(), SKIPPED]),
                    Record::Sending { .. } | Record::Failed { .. } => Ok(()),
                };
                if let Err(err) = written {
                    copy_error.get_or_insert(err);
                }
            })
            .map_err(io_err(&paths.journal))?;
        if let Some(err) = copy_error {
            return Err(OpenError::Io(tokens_tmp.to_owned(), err.into()));
        }
        keep_unjournaled_tokens(&paths.tokens, &mut tokens, &mut journal, &mut replayed)
            .map_err(io_err(&paths.tokens))?;
        let tokens = finish_rebuild(tokens, tokens_tmp, &paths.tokens)?;
        let skipped = finish_rebuild(skipped, skipped_tmp, &paths.skipped)?;
        let failures = Outputs::new_failures(&paths.failures)?;
        Ok((
            Outputs {
                journal: Some(journal),
                tokens: Some(tokens),
                skipped: Some(skipped),
                failures,
                _lock: None,
            },
            replayed,
        ))
    }

    /// Only a failures file, for `--dry-run`: nothing else is written. Refused while an
    /// import holds the journal of the same `--out` (its failures file is in use).
    pub fn failures_only(paths: &Paths) -> Result<Outputs, OpenError> {
        let lock = match Journal::lock_existing(&paths.journal) {
            Ok(lock) => lock,
            Err(err) => return Err(OpenError::Io(paths.journal.clone(), err)),
        };
        Ok(Outputs {
            journal: None,
            tokens: None,
            skipped: None,
            failures: Outputs::new_failures(&paths.failures)?,
            _lock: lock,
        })
    }

    fn new_failures(path: &Path) -> Result<csv::Writer<File>, OpenError> {
        new_csv(path, &["line", "accid", "reason"])
            .map_err(|err| OpenError::Io(path.to_owned(), err))
    }

    /// Journals `record`; a final one (a token, a skip) then goes to its file, flushed.
    pub fn record(&mut self, record: &Record) -> io::Result<()> {
        if let Some(journal) = &mut self.journal {
            journal.append(record)?;
        }
        match record {
            Record::Created { accid, token } | Record::Refreshed { accid, token, .. } => {
                if let Some(tokens) = &mut self.tokens {
                    tokens.write_record([accid, token])?;
                    tokens.flush()?;
                }
            }
            Record::Skipped { accid } => {
                if let Some(skipped) = &mut self.skipped {
                    skipped.write_record([accid.as_str(), SKIPPED])?;
                    skipped.flush()?;
                }
            }
            Record::Sending { .. } | Record::Failed { .. } => {}
        }
        Ok(())
    }

    /// Adds a row to the failures file, flushed.
    pub fn failure(&mut self, line: u64, accid: Option<&str>, reason: &str) -> io::Result<()> {
        self.failures
            .write_record([line.to_string().as_str(), accid.unwrap_or(""), reason])?;
        self.failures.flush()
    }

    /// `fsync`s the journal's records written since the last time, if any.
    pub fn sync(&mut self) -> io::Result<()> {
        match &mut self.journal {
            Some(journal) => journal.sync_if_needed(),
            None => Ok(()),
        }
    }

    /// Flushes everything and `fsync`s the journal.
    pub fn finish(&mut self) -> io::Result<()> {
        self.failures.flush()?;
        if let Some(tokens) = &mut self.tokens {
            tokens.flush()?;
            tokens.get_ref().sync_data()?;
        }
        if let Some(journal) = &mut self.journal {
            journal.sync()?;
        }
        Ok(())
    }
}

/// The reason written next to a skipped account.
const SKIPPED: &str = "already registered before the import; token unknown (--existing skip)";

fn temporary(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".tmp");
    PathBuf::from(name)
}

/// A new CSV file (truncating any old one) with its header written.
fn new_csv(path: &Path, header: &[&str]) -> io::Result<csv::Writer<File>> {
    let file = private_options().write(true).truncate(true).open(path)?;
    let mut writer = csv::Writer::from_writer(file);
    writer.write_record(header)?;
    writer.flush()?;
    Ok(writer)
}

/// Copies the complete rows of the old tokens file whose accid the journal has not finished
/// into the rebuilt one, and journals them as created: after a power loss the tokens file can
/// hold a token whose journal record was lost, and that token would be lost with it.
fn keep_unjournaled_tokens(
    old: &Path,
    rebuilt: &mut csv::Writer<File>,
    journal: &mut Journal,
    replayed: &mut Replayed,
) -> io::Result<()> {
    let file = match File::open(old) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    };
    let mut reader = io::BufReader::new(file);
    let mut line = Vec::new();
    let mut number = 0u64;
    // accid -> its row in `kept`: a later row for the same accid (a newer token) wins.
    let mut index: HashMap<AccidKey, usize> = HashMap::new();
    let mut kept: Vec<(String, String)> = Vec::new();
    loop {
        line.clear();
        if io::BufRead::read_until(&mut reader, b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        // The header, and a last line cut short (its token may be cut too), are not rows.
        if number == 1 || line.last() != Some(&b'\n') {
            continue;
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            continue;
        };
        let Ok(cells) = split_csv(text.trim_end_matches(['\n', '\r'])) else {
            continue;
        };
        let [accid, token] = <[String; 2]>::try_from(cells).unwrap_or_default();
        let key = AccidKey::of(&accid);
        if accid.is_empty() || token.is_empty() || replayed.done.contains(&key) {
            continue;
        }
        match index.get(&key) {
            Some(&at) => kept[at] = (accid, token),
            None => {
                index.insert(key, kept.len());
                kept.push((accid, token));
            }
        }
    }
    for (accid, token) in kept {
        let key = AccidKey::of(&accid);
        rebuilt.write_record([&accid, &token])?;
        journal.append(&Record::Created { accid, token })?;
        replayed.in_flight.remove(&key);
        replayed.done.insert(key);
        replayed.records += 1;
    }
    journal.sync()
}

/// Moves a rebuilt file over the old one and reopens it for appending.
fn finish_rebuild(
    mut writer: csv::Writer<File>,
    tmp: &Path,
    path: &Path,
) -> Result<csv::Writer<File>, OpenError> {
    let result = (|| {
        writer.flush()?;
        writer.get_ref().sync_all()?;
        drop(writer);
        std::fs::rename(tmp, path)?;
        let file = OpenOptions::new().append(true).open(path)?;
        Ok(csv::WriterBuilder::new().from_writer(file))
    })();
    result.map_err(|err: io::Error| OpenError::Io(path.to_owned(), err))
}

#[cfg(test)]
mod tests {
    use super::super::journal::RefreshReason;
    use super::*;

    #[test]
    fn a_resume_rebuilds_the_tokens_from_the_journal_once_each() {
        let dir = std::env::temp_dir().join(format!("nim-cli-output-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let paths = Paths::new(&dir.join("tokens.csv"));
        for path in [
            &paths.tokens,
            &paths.journal,
            &paths.failures,
            &paths.skipped,
        ] {
            let _ = std::fs::remove_file(path);
        }
        {
            let (mut out, replayed) = Outputs::open(&paths).unwrap();
            assert_eq!(replayed.records, 0);
            out.record(&Record::Sending {
                accid: "a".into(),
                line: 2,
            })
            .unwrap();
            out.record(&Record::Created {
                accid: "a".into(),
                token: "ta".into(),
            })
            .unwrap();
            out.record(&Record::Sending {
                accid: "b".into(),
                line: 3,
            })
            .unwrap();
            out.record(&Record::Skipped { accid: "b".into() }).unwrap();
            out.failure(4, Some("c d"), "invalid, \"quoted\"").unwrap();
            out.finish().unwrap();
        }
        // The last run journaled d's token but stopped before writing it to the tokens file.
        let mut journal = OpenOptions::new()
            .append(true)
            .open(&paths.journal)
            .unwrap();
        io::Write::write_all(
            &mut journal,
            b"{\"op\":\"refreshed\",\"accid\":\"d\",\"token\":\"td\",\"why\":\"recovered\"}\n",
        )
        .unwrap();
        drop(journal);
        let failures = std::fs::read_to_string(&paths.failures).unwrap();
        assert_eq!(
            failures,
            "line,accid,reason\n4,c d,\"invalid, \"\"quoted\"\"\"\n"
        );

        let (mut out, replayed) = Outputs::open(&paths).unwrap();
        assert_eq!(replayed.done.len(), 3);
        out.record(&Record::Refreshed {
            accid: "e".into(),
            token: "te".into(),
            why: RefreshReason::Existing,
        })
        .unwrap();
        out.finish().unwrap();
        let tokens = std::fs::read_to_string(&paths.tokens).unwrap();
        assert_eq!(tokens, "accid,token\na,ta\nd,td\ne,te\n");
        let skipped = std::fs::read_to_string(&paths.skipped).unwrap();
        assert!(
            skipped.starts_with("accid,reason\nb,already registered"),
            "{skipped}"
        );
        // A new run starts a new failures file.
        assert_eq!(
            std::fs::read_to_string(&paths.failures).unwrap(),
            "line,accid,reason\n"
        );
    }

    #[test]
    fn a_tokens_file_without_a_journal_is_not_overwritten() {
        let dir = std::env::temp_dir().join(format!("nim-cli-output2-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let paths = Paths::new(&dir.join("precious.csv"));
        let _ = std::fs::remove_file(&paths.journal);
        std::fs::write(&paths.tokens, "accid,token\nx,y\n").unwrap();
        let err = Outputs::open(&paths).unwrap_err();
        assert!(matches!(err, OpenError::NotOurs(_)), "{err}");
        assert_eq!(
            std::fs::read_to_string(&paths.tokens).unwrap(),
            "accid,token\nx,y\n"
        );
    }

    #[test]
    fn a_token_the_journal_lost_is_kept_and_journaled() {
        let dir = std::env::temp_dir().join(format!("nim-cli-output-lost-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let paths = Paths::new(&dir.join("tokens.csv"));
        // A power loss kept the tokens file's last complete rows but not their journal
        // records; the last row was cut short.
        std::fs::write(
            &paths.journal,
            format!(
                "{}\n{{\"op\":\"created\",\"accid\":\"a\",\"token\":\"ta\"}}\n",
                super::super::journal::HEADER
            ),
        )
        .unwrap();
        // b's token was refreshed after its create: the later row is the one that works.
        std::fs::write(&paths.tokens, "accid,token\na,ta\nb,tb-old\nb,tb\nc,t").unwrap();
        {
            let (_out, replayed) = Outputs::open(&paths).unwrap();
            assert!(replayed.done.contains(&AccidKey::of("b")));
            assert!(!replayed.done.contains(&AccidKey::of("c")));
        }
        let tokens = std::fs::read_to_string(&paths.tokens).unwrap();
        assert_eq!(tokens, "accid,token\na,ta\nb,tb\n");
        let (_out, replayed) = Outputs::open(&paths).unwrap();
        assert_eq!(replayed.records, 2, "b is journaled now");
        assert_eq!(std::fs::read_to_string(&paths.tokens).unwrap(), tokens);
        assert!(!temporary(&paths.tokens).exists());
    }
}
