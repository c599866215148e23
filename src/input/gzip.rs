//! Gzip inputs: multi-member streams that survive a corrupt member (the
//! error is reported once and reading goes on with the next member), as
//! Spark and `cat a.gz b.gz` write them.
//!
//! A member's decoded bytes are held back until its checksum has been
//! checked (up to [`HOLD_CAP`] bytes), so a corrupt member's garbage never
//! reaches the JSON reader as records: the checksum error is the one
//! problem reported for it.

use std::fmt;
use std::io::{self, BufRead, Read};

pub(super) fn fill_buf_retry<R: BufRead + ?Sized>(r: &mut R) -> io::Result<&[u8]> {
    loop {
        match r.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    r.fill_buf()
}

/// A gzip problem found while reading: the message for the user.
pub(super) fn gz_problem(e: &io::Error) -> Option<String> {
    e.get_ref()
        .and_then(|x| x.downcast_ref::<GzCorrupt>())
        .map(|g| g.to_string())
}

/// A corrupt gzip member, reported through an [`io::Error`] by
/// [`GzStream`]; reading goes on with the next member.
#[derive(Debug)]
struct GzCorrupt {
    member: u64,
    offset: u64,
    /// Where the error was found (compressed byte).
    found_at: u64,
    message: String,
    /// Decoded bytes of the member dropped (held back, never passed on).
    dropped: usize,
    /// Some of the member was passed on before the error (it was larger
    /// than [`HOLD_CAP`]).
    passed: bool,
    resumed: bool,
}

impl fmt::Display for GzCorrupt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "corrupt gzip member #{} (it starts at compressed byte {}; error at byte {}: {}); {}, {}",
            self.member,
            self.offset,
            self.found_at,
            self.message,
            match (self.passed, self.dropped) {
                (true, _) => "the part of it decoded before the error was read (it is larger \
                    than the 32 MiB held back for checking), the rest is lost"
                    .to_string(),
                (false, 0) => "nothing of it was read".to_string(),
                (false, n) => format!("its {n} decoded bytes are dropped"),
            },
            if self.resumed {
                "reading goes on with the next member"
            } else {
                "no further member found"
            }
        )
    }
}

impl std::error::Error for GzCorrupt {}

/// Keep at most this many compressed bytes of the current gzip member, to
/// look for the next member's header in them after a corruption.
const GZ_REPLAY_CAP: usize = 4 << 20;

/// Hold back at most this many decoded bytes of a member until its
/// checksum is checked; a bigger member is passed on as it is decoded
/// once this much is held (a damaged one is then caught by the deflate
/// decoder or at its checksum, after its first part was read).
const HOLD_CAP: usize = 32 << 20;

/// The compressed stream under a [`GzStream`]: tracks the position, records
/// the bytes of the current member (up to [`GZ_REPLAY_CAP`]) and can replay
/// bytes it was given back.
struct Pos<R> {
    inner: R,
    pos: u64,
    record: Vec<u8>,
    replay: Vec<u8>,
    replay_at: usize,
}

impl<R: BufRead> Read for Pos<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Pos<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.replay_at < self.replay.len() {
            return Ok(&self.replay[self.replay_at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if amt == 0 {
            return;
        }
        self.pos += amt as u64;
        let room = GZ_REPLAY_CAP.saturating_sub(self.record.len());
        if self.replay_at < self.replay.len() {
            let part = &self.replay[self.replay_at..self.replay_at + amt];
            self.record.extend_from_slice(&part[..amt.min(room)]);
            self.replay_at += amt;
            if self.replay_at == self.replay.len() {
                self.replay.clear();
                self.replay_at = 0;
            }
        } else {
            if room > 0 {
                if let Ok(b) = self.inner.fill_buf() {
                    let n = amt.min(room).min(b.len());
                    self.record.extend_from_slice(&b[..n]);
                }
            }
            self.inner.consume(amt);
        }
    }
}

/// Could `b` start a gzip member? (`1f 8b 08`, reserved flag bits clear;
/// a header cut off by the end of the buffer counts when its start fits.)
fn plausible_header(b: &[u8]) -> bool {
    let want = [0x1f, 0x8b, 0x08];
    let n = b.len().min(3);
    b[..n] == want[..n] && (b.len() < 4 || b[3] & 0xe0 == 0)
}

fn find_header(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < b.len() {
        let at = i + memchr::memchr(0x1f, &b[i..])?;
        if plausible_header(&b[at..]) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Multi-member gzip that survives a corrupt member: the error is returned
/// once (as a [`GzCorrupt`] inside an [`io::Error`]), then reading resumes
/// at the next gzip header after the corrupt member's start.
pub(super) struct GzStream<R: BufRead> {
    dec: Option<flate2::bufread::GzDecoder<Pos<R>>>,
    inner: Option<Pos<R>>,
    member: u64,
    member_start: u64,
    /// Decoded bytes of the current member, held until its checksum.
    held: Vec<u8>,
    /// Checked bytes being handed out, from `out_at`.
    out: Vec<u8>,
    out_at: usize,
    /// The current member outgrew [`HOLD_CAP`]: pass it on as decoded.
    passing: bool,
}

impl<R: BufRead> GzStream<R> {
    pub(super) fn new(inner: R) -> Self {
        GzStream {
            dec: None,
            inner: Some(Pos {
                inner,
                pos: 0,
                record: Vec::new(),
                replay: Vec::new(),
                replay_at: 0,
            }),
            member: 0,
            member_start: 0,
            held: Vec::new(),
            out: Vec::new(),
            out_at: 0,
            passing: false,
        }
    }

    /// Position `inner` at the next plausible gzip header after the start
    /// of the current member: first among the recorded bytes of the member
    /// (the decoder may have read past the next header), then in the rest
    /// of the stream. Returns false at end of input.
    fn resync(&self, inner: &mut Pos<R>) -> io::Result<bool> {
        let record = std::mem::take(&mut inner.record);
        if record.len() > 1 {
            if let Some(k) = find_header(&record[1..]) {
                let from = 1 + k;
                let mut replay = record[from..].to_vec();
                replay.extend_from_slice(&inner.replay[inner.replay_at..]);
                inner.pos -= (record.len() - from) as u64;
                inner.replay = replay;
                inner.replay_at = 0;
                return Ok(true);
            }
        }
        // nothing recorded (or only the first byte): skip at least one byte
        let mut skip = record.is_empty();
        loop {
            let buf = fill_buf_retry(inner)?;
            if buf.is_empty() {
                return Ok(false);
            }
            let from = usize::from(skip).min(buf.len());
            skip = false;
            match find_header(&buf[from..]) {
                Some(at) => {
                    inner.consume(from + at);
                    inner.record.clear();
                    return Ok(true);
                }
                None => {
                    let n = buf.len();
                    inner.consume(n);
                    inner.record.clear();
                }
            }
        }
    }

    fn corrupt(&mut self, message: String) -> io::Error {
        let mut inner = match self.dec.take() {
            Some(d) => d.into_inner(),
            None => self.inner.take().expect("reader present"),
        };
        let offset = self.member_start;
        let found_at = inner.pos;
        let dropped = self.held.len();
        self.held.clear();
        let passed = std::mem::take(&mut self.passing);
        let resumed = self.resync(&mut inner).unwrap_or(false);
        self.inner = Some(inner);
        io::Error::new(
            io::ErrorKind::InvalidData,
            GzCorrupt {
                member: self.member,
                offset,
                found_at,
                message,
                dropped,
                passed,
                resumed,
            },
        )
    }
}

impl<R: BufRead> GzStream<R> {
    /// Hand out what was held: the member checked out (or outgrew the cap).
    fn release(&mut self) {
        self.out.clear();
        self.out_at = 0;
        std::mem::swap(&mut self.out, &mut self.held);
    }
}

impl<R: BufRead> Read for GzStream<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if self.out_at < self.out.len() {
                let n = (self.out.len() - self.out_at).min(buf.len());
                buf[..n].copy_from_slice(&self.out[self.out_at..self.out_at + n]);
                self.out_at += n;
                return Ok(n);
            }
            if let Some(dec) = &mut self.dec {
                let res = if self.passing {
                    dec.read(buf)
                } else {
                    // hold the member back until its checksum is checked
                    let at = self.held.len();
                    self.held.resize(at + (64 << 10), 0);
                    let r = dec.read(&mut self.held[at..]);
                    self.held.truncate(at + *r.as_ref().unwrap_or(&0));
                    r
                };
                match res {
                    Ok(0) => {
                        let inner = self.dec.take().expect("decoder present").into_inner();
                        self.inner = Some(inner);
                        self.release();
                        self.passing = false;
                        continue;
                    }
                    Ok(n) if self.passing => return Ok(n),
                    Ok(_) => {
                        if self.held.len() >= HOLD_CAP {
                            self.release();
                            self.passing = true;
                        }
                        continue;
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(self.corrupt(e.to_string())),
                }
            }
            let Some(inner) = self.inner.as_mut() else {
                return Ok(0);
            };
            let head = fill_buf_retry(inner)?;
            if head.is_empty() {
                return Ok(0);
            }
            let is_gz = head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b;
            self.member += 1;
            self.member_start = inner.pos;
            inner.record.clear();
            if is_gz {
                let inner = self.inner.take().expect("reader present");
                self.dec = Some(flate2::bufread::GzDecoder::new(inner));
                continue;
            }
            return Err(self.corrupt("not a gzip header (trailing garbage?)".into()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Write};

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: Vec<u8>) -> (Vec<u8>, Vec<String>) {
        let mut s = BufReader::new(GzStream::new(io::Cursor::new(bytes)));
        let mut out = Vec::new();
        let mut errs = Vec::new();
        loop {
            match s.fill_buf() {
                Ok([]) => break,
                Ok(b) => {
                    out.extend_from_slice(b);
                    let n = b.len();
                    s.consume(n);
                }
                Err(e) => errs.push(gz_problem(&e).expect("gzip problem")),
            }
        }
        (out, errs)
    }

    #[test]
    fn multi_member_gzip_survives_a_corrupt_member() {
        let mut bytes = gz(b"one\n");
        let mut bad = gz(b"two two two two two two two two\n");
        let mid = bad.len() / 2;
        for b in &mut bad[12..mid + 4] {
            *b ^= 0x5a;
        }
        bytes.extend_from_slice(&bad);
        bytes.extend_from_slice(&gz(b"three\n"));
        let (out, errs) = read_all(bytes);
        assert_eq!(
            errs.len(),
            1,
            "{errs:?} {:?}",
            String::from_utf8_lossy(&out)
        );
        assert!(errs[0].contains("member #2"), "{errs:?}");
        let out = String::from_utf8_lossy(&out);
        assert!(
            out.starts_with("one\n") && out.ends_with("three\n"),
            "{out}"
        );
    }

    #[test]
    fn a_member_failing_its_checksum_gives_no_data_and_says_where() {
        let lines: String = (0..2000)
            .map(|i| format!("{{\"id\":\"d{i}\"}}\n"))
            .collect();
        let mut bytes = gz(b"first\n");
        let start = bytes.len();
        let mut bad = gz(lines.as_bytes());
        // damage the checksum only: the deflate data decodes fine
        let crc = bad.len() - 8;
        bad[crc] ^= 0xff;
        bytes.extend_from_slice(&bad);
        bytes.extend_from_slice(&gz(b"last\n"));
        let (out, errs) = read_all(bytes);
        assert_eq!(String::from_utf8_lossy(&out), "first\nlast\n");
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].contains(&format!(
                "member #2 (it starts at compressed byte {start}; error at byte "
            )),
            "{errs:?}"
        );
        assert!(
            errs[0].contains(&format!("its {} decoded bytes are dropped", lines.len())),
            "{errs:?}"
        );
    }

    #[test]
    fn plain_multi_member_gzip() {
        let mut bytes = gz(b"a\n");
        bytes.extend_from_slice(&gz(b"b\n"));
        assert_eq!(read_all(bytes), (b"a\nb\n".to_vec(), vec![]));
    }
}
