//! The import journal: what happened to each accid, appended as it happens, so a rerun knows
//! what is done and what was in flight when the process stopped.
//!
//! # Format
//!
//! JSON Lines, one record per line, in a file next to the output (`tokens.csv.journal`),
//! readable only by its owner (it holds tokens). The first line names the format:
//!
//! ```text
//! {"journal":"nim import","version":1}
//! {"op":"sending","accid":"alice","line":2}
//! {"op":"created","accid":"alice","token":"6eaa6b76..."}
//! {"op":"sending","accid":"bob","line":3}
//! {"op":"refreshed","accid":"bob","token":"0c1d...","why":"existing"}
//! {"op":"skipped","accid":"carol"}
//! {"op":"failed","accid":"dave","reason":"server answered code 414: ..."}
//! ```
//!
//! - `sending` is written **before** a create is sent: the account may exist from then on.
//! - `created`, `refreshed` (`why`: `existing` for an account that was there before,
//!   `recovered` for one whose create's outcome was unknown) and `skipped` end an accid: it
//!   is done, and a rerun leaves it alone.
//! - `failed` ends an accid whose create was refused (nothing was created): a rerun tries it
//!   again.
//! - An accid whose last record is `sending` was in flight: its account may or may not exist
//!   and its token is unknown. A rerun asks the server (`user/getUinfos`) before anything else.
//!
//! # Durability
//!
//! Each record is one `write` to the file, so it is in the operating system's hands before
//! the next step (a create is sent only after its `sending` record is written): a crash, a
//! `kill -9` or Ctrl-C of the import loses nothing. The file is `fsync`ed every
//! [`SYNC_EVERY`] records, every [`SYNC_INTERVAL`] (on a timer, also while nothing is being
//! written) and at the end, not after every record (an
//! `fsync` costs milliseconds on a disk, which would cap the import far below the API's rate
//! limit): after a power loss or an operating-system crash the last second of records may be
//! missing. An account created in that second is then created again by the rerun, which the
//! server answers "already registered", and the import refreshes its token (with
//! `--existing refresh`, the default) or lists it as skipped (`--existing skip`). A token the
//! tokens file still has (complete rows only) is kept: it is journaled again when the outputs
//! are opened.
//!
//! The journal is locked (an advisory, exclusive lock) while an import uses it: a second
//! import on the same `--out` is refused.
//!
//! A record cut short by a crash in the middle of a write (the last line, without its newline
//! or unreadable) is dropped when the journal is opened again; an unreadable line anywhere
//! else is an error.

use std::collections::{HashMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};

/// The journal's first line.
pub const HEADER: &str = r#"{"journal":"nim import","version":1}"#;

/// The journal is `fsync`ed at least every this many records.
pub const SYNC_EVERY: u32 = 1000;

/// ... and at least this often while records are written.
pub const SYNC_INTERVAL: Duration = Duration::from_secs(1);

/// An accid's identity: the MD5 of its lowercase form (the server lowercases accids), 16
/// bytes however long the accid, so a million of them fit in a few tens of megabytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AccidKey([u64; 2]);

impl AccidKey {
    /// The key of `accid`.
    pub fn of(accid: &str) -> AccidKey {
        let digest: [u8; 16] = Md5::digest(accid.to_ascii_lowercase().as_bytes()).into();
        let (high, low) = digest.split_at(8);
        // Two u64s rather than a u128: 8-byte alignment keeps a (key, line) entry at 24 bytes.
        let half = |bytes: &[u8]| u64::from_be_bytes(bytes.try_into().unwrap_or_default());
        AccidKey([half(high), half(low)])
    }
}

/// Why an account got a token by `user/refreshToken` rather than by its create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefreshReason {
    /// It existed before the import (its create was answered "already registered").
    Existing,
    /// Its create's outcome was unknown (reset, timeout, gateway page, or the process
    /// stopped), and the server said it exists.
    Recovered,
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Record {
    /// A create is about to be sent.
    Sending {
        /// The accid.
        accid: String,
        /// Its input line.
        line: u64,
    },
    /// The create succeeded.
    Created {
        /// The accid.
        accid: String,
        /// Its token.
        token: String,
    },
    /// The account exists and has this new token.
    Refreshed {
        /// The accid.
        accid: String,
        /// Its new token (the previous one no longer works).
        token: String,
        /// Why it was refreshed.
        why: RefreshReason,
    },
    /// The account existed before the import and was left alone (`--existing skip`).
    Skipped {
        /// The accid.
        accid: String,
    },
    /// The create was refused; nothing was created.
    Failed {
        /// The accid.
        accid: String,
        /// Why.
        reason: String,
    },
}

impl Record {
    /// The accid the record is about.
    pub fn accid(&self) -> &str {
        match self {
            Record::Sending { accid, .. }
            | Record::Created { accid, .. }
            | Record::Refreshed { accid, .. }
            | Record::Skipped { accid }
            | Record::Failed { accid, .. } => accid,
        }
    }
}

/// What the journal says, per accid: done, or in flight.
#[derive(Debug, Default)]
pub struct Replayed {
    /// Accids with a final record (created, refreshed, skipped).
    pub done: HashSet<AccidKey>,
    /// Accids whose last record is `sending`, with the accid as written and its input line:
    /// a rerun resolves each, even one whose row is no longer in the input.
    pub in_flight: HashMap<AccidKey, (String, u64)>,
    /// How many records were read.
    pub records: u64,
    /// Whether a cut-short last record was dropped.
    pub dropped_torn_record: bool,
}

impl Replayed {
    fn apply(&mut self, record: &Record) {
        let key = AccidKey::of(record.accid());
        match record {
            Record::Sending { accid, line } => {
                self.in_flight.insert(key, (accid.clone(), *line));
            }
            Record::Created { .. } | Record::Refreshed { .. } | Record::Skipped { .. } => {
                self.in_flight.remove(&key);
                self.done.insert(key);
            }
            Record::Failed { .. } => {
                self.in_flight.remove(&key);
            }
        }
        self.records += 1;
    }
}

/// The journal file, open for appending.
#[derive(Debug)]
pub struct Journal {
    file: File,
    unsynced: u32,
    last_sync: Instant,
}

impl Journal {
    /// Opens the journal at `path`, creating it (with its header) when absent. An existing
    /// journal is read first: each record is passed to `each` in order and summed up in the
    /// [`Replayed`] answer; a last record cut short by a crash is dropped from the file.
    /// [`Journal::lock`] then [`Locked::replay`].
    pub fn open(path: &Path, each: impl FnMut(&Record)) -> io::Result<(Journal, Replayed)> {
        Journal::lock(path)?.replay(each)
    }

    /// Opens (or creates) the journal at `path` and takes an exclusive lock on it, held until
    /// the [`Journal`] is dropped: a second import writing the same outputs is refused
    /// instead of creating the same accounts and overwriting the tokens file.
    pub fn lock(path: &Path) -> io::Result<Locked> {
        use fs4::fs_std::FileExt as _;
        let file = private_options().read(true).write(true).open(path)?;
        if !file.try_lock_exclusive()? {
            return Err(busy());
        }
        Ok(Locked { file })
    }
}

impl Journal {
    /// Locks the journal at `path` if there is one, without creating it (for `--dry-run`,
    /// which writes no journal but must not overwrite the failures file of a running
    /// import): `None` when there is no journal.
    pub fn lock_existing(path: &Path) -> io::Result<Option<File>> {
        use fs4::fs_std::FileExt as _;
        let file = match File::open(path) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(err),
        };
        if !file.try_lock_exclusive()? {
            return Err(busy());
        }
        Ok(Some(file))
    }
}

/// The error of a journal another import holds.
fn busy() -> io::Error {
    io::Error::new(
        io::ErrorKind::WouldBlock,
        "another `nim import` is using this journal (the same --out); wait for it to finish, \
         or choose another --out",
    )
}

/// A journal opened and locked, not read yet.
#[derive(Debug)]
pub struct Locked {
    file: File,
}

impl Locked {
    /// Reads the journal (see [`Journal::open`]) and readies it for appending.
    pub fn replay(self, mut each: impl FnMut(&Record)) -> io::Result<(Journal, Replayed)> {
        let mut file = self.file;
        let mut replayed = Replayed::default();
        let len = file.metadata()?.len();
        let good = if len == 0 {
            0
        } else {
            replay(&mut file, &mut replayed, &mut each)?
        };
        if good < len {
            file.set_len(good)?;
            file.sync_all()?;
            replayed.dropped_torn_record = true;
        }
        if good == 0 {
            // A new journal, or one whose header was cut short: the header and its newline
            // in one write, so a crash leaves all of it or none.
            file.seek(SeekFrom::Start(0))?;
            file.write_all(format!("{HEADER}\n").as_bytes())?;
            file.sync_all()?;
        }
        file.seek(SeekFrom::End(0))?;
        let journal = Journal {
            file,
            unsynced: 0,
            last_sync: Instant::now(),
        };
        Ok((journal, replayed))
    }
}

impl Journal {
    /// Appends `record` with one write; `fsync`s when [`SYNC_EVERY`] records or
    /// [`SYNC_INTERVAL`] have passed since the last one.
    pub fn append(&mut self, record: &Record) -> io::Result<()> {
        let mut line = serde_json::to_vec(record).map_err(io::Error::other)?;
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.unsynced += 1;
        if self.unsynced >= SYNC_EVERY || self.last_sync.elapsed() >= SYNC_INTERVAL {
            self.sync()?;
        }
        Ok(())
    }

    /// Forces the records written so far to the disk when some are not yet, and
    /// [`SYNC_INTERVAL`] has passed since the last time (a timer calls it).
    pub fn sync_if_needed(&mut self) -> io::Result<()> {
        if self.unsynced > 0 && self.last_sync.elapsed() >= SYNC_INTERVAL {
            self.sync()?;
        }
        Ok(())
    }

    /// Forces the records written so far to the disk.
    pub fn sync(&mut self) -> io::Result<()> {
        if self.unsynced > 0 {
            self.file.sync_data()?;
            self.unsynced = 0;
        }
        self.last_sync = Instant::now();
        Ok(())
    }
}

/// Open options for files that hold tokens: created readable by the owner only (on Unix).
pub(crate) fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Reads every record, answering the length of the good part (up to the end of the last
/// readable line).
fn replay(
    file: &mut File,
    replayed: &mut Replayed,
    each: &mut impl FnMut(&Record),
) -> io::Result<u64> {
    file.seek(SeekFrom::Start(0))?;
    let mut reader = BufReader::new(&mut *file);
    let mut buf = Vec::new();
    let (mut good, mut number) = (0u64, 0u64);
    // A line that did not parse: only the last line may be like that.
    let mut unreadable: Option<u64> = None;
    loop {
        buf.clear();
        let read = reader.read_until(b'\n', &mut buf)?;
        if read == 0 {
            break;
        }
        number += 1;
        if let Some(line) = unreadable {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("journal line {line} is unreadable and is not the last one"),
            ));
        }
        if buf.last() != Some(&b'\n') {
            // Cut short: the last line, dropped.
            break;
        }
        let text = buf.trim_ascii();
        if number == 1 {
            if text != HEADER.as_bytes() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "not a nim import journal (its first line is not the journal header)",
                ));
            }
        } else {
            match serde_json::from_slice::<Record>(text) {
                Ok(record) => {
                    replayed.apply(&record);
                    each(&record);
                }
                Err(_) => {
                    unreadable = Some(number);
                    continue;
                }
            }
        }
        good += read as u64;
    }
    Ok(good)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("nim-cli-journal-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        let _ = std::fs::remove_file(&path);
        path
    }

    fn sending(accid: &str) -> Record {
        Record::Sending {
            accid: accid.into(),
            line: 1,
        }
    }

    fn created(accid: &str) -> Record {
        Record::Created {
            accid: accid.into(),
            token: format!("t-{accid}"),
        }
    }

    #[test]
    fn records_replay_into_done_and_in_flight() {
        let path = temp("replay.journal");
        {
            let (mut journal, replayed) = Journal::open(&path, |_| {}).unwrap();
            assert_eq!(replayed.records, 0);
            for record in [
                sending("a"),
                created("a"),
                sending("b"),
                sending("c"),
                Record::Failed {
                    accid: "c".into(),
                    reason: "no".into(),
                },
                sending("d"),
                Record::Refreshed {
                    accid: "D".into(),
                    token: "t".into(),
                    why: RefreshReason::Existing,
                },
                sending("e"),
                Record::Skipped { accid: "e".into() },
            ] {
                journal.append(&record).unwrap();
            }
            journal.sync().unwrap();
        }
        let mut seen = Vec::new();
        let (_journal, replayed) =
            Journal::open(&path, |r| seen.push(r.accid().to_owned())).unwrap();
        assert_eq!(replayed.records, 9);
        assert_eq!(seen.len(), 9);
        let key = AccidKey::of;
        assert_eq!(replayed.done, HashSet::from([key("a"), key("d"), key("e")]));
        // In flight with the accid as written and its line: a rerun can resolve it even
        // when its row is gone from the input.
        assert_eq!(
            replayed.in_flight,
            HashMap::from([(key("b"), ("b".to_owned(), 1))])
        );
        assert!(!replayed.dropped_torn_record);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(HEADER), "{text}");
        assert!(text.contains(r#"{"op":"refreshed","accid":"D","token":"t","why":"existing"}"#));
    }

    #[test]
    fn a_record_cut_mid_line_is_dropped_and_appending_goes_on_after_it() {
        let path = temp("torn.journal");
        {
            let (mut journal, _) = Journal::open(&path, |_| {}).unwrap();
            journal.append(&sending("a")).unwrap();
            journal.append(&created("a")).unwrap();
            journal.append(&sending("b")).unwrap();
        }
        // A crash in the middle of writing b's `created` record.
        let mut file = OpenOptions::new().append(true).open(&path).unwrap();
        file.write_all(br#"{"op":"created","accid":"b","tok"#)
            .unwrap();
        drop(file);
        let full = std::fs::metadata(&path).unwrap().len();

        let (mut journal, replayed) = Journal::open(&path, |_| {}).unwrap();
        assert!(replayed.dropped_torn_record);
        assert_eq!(replayed.records, 3);
        assert!(replayed.in_flight.contains_key(&AccidKey::of("b")));
        assert!(std::fs::metadata(&path).unwrap().len() < full);
        journal.append(&created("b")).unwrap();
        drop(journal);

        let (_, replayed) = Journal::open(&path, |_| {}).unwrap();
        assert!(!replayed.dropped_torn_record);
        assert_eq!(replayed.records, 4);
        assert!(replayed.in_flight.is_empty());
        assert_eq!(replayed.done.len(), 2);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 5, "{text}");
        assert!(text.ends_with("\"token\":\"t-b\"}\n"), "{text}");
    }

    #[test]
    fn a_header_cut_short_is_written_again() {
        let path = temp("torn-header.journal");
        // A crash in the middle of writing the header of a new journal.
        std::fs::write(&path, &HEADER[..10]).unwrap();
        let (mut journal, replayed) = Journal::open(&path, |_| {}).unwrap();
        assert!(replayed.dropped_torn_record);
        journal.append(&created("a")).unwrap();
        drop(journal);
        let (_, replayed) = Journal::open(&path, |_| {}).unwrap();
        assert_eq!(replayed.records, 1);
        assert!(std::fs::read_to_string(&path).unwrap().starts_with(HEADER));
    }

    #[test]
    fn a_second_import_on_the_same_journal_is_refused_while_the_first_runs() {
        let path = temp("locked.journal");
        let (first, _) = Journal::open(&path, |_| {}).unwrap();
        let err = Journal::open(&path, |_| {}).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
        assert!(err.to_string().contains("another `nim import`"), "{err}");
        drop(first);
        assert!(Journal::open(&path, |_| {}).is_ok());
    }

    #[test]
    fn an_unreadable_last_line_is_dropped_but_one_in_the_middle_is_an_error() {
        let path = temp("garbage.journal");
        std::fs::write(
            &path,
            format!("{HEADER}\n{{\"op\":\"sending\",\"accid\":\"a\",\"line\":1}}\n\0\0\0\n"),
        )
        .unwrap();
        let (_, replayed) = Journal::open(&path, |_| {}).unwrap();
        assert!(replayed.dropped_torn_record);
        assert_eq!(replayed.records, 1);

        std::fs::write(
            &path,
            format!("{HEADER}\nnot json\n{{\"op\":\"skipped\",\"accid\":\"a\"}}\n"),
        )
        .unwrap();
        let err = Journal::open(&path, |_| {}).unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");

        std::fs::write(&path, "accid,token\na,b\n").unwrap();
        let err = Journal::open(&path, |_| {}).unwrap_err();
        assert!(
            err.to_string().contains("not a nim import journal"),
            "{err}"
        );
    }

    #[test]
    fn keys_ignore_case() {
        assert_eq!(AccidKey::of("ZhangSan"), AccidKey::of("zhangsan"));
        assert_ne!(AccidKey::of("zhangsan"), AccidKey::of("zhangsa"));
    }
}
