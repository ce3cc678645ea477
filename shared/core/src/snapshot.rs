//! Statuses kept on disk, so that the first status after the app opens again is read rather
//! than rebuilt (reading 10,000 purchases and assessing them takes about 30 ms).
//!
//! A snapshot holds the expensive part of a [`TripStatus`]: the assessment, the purchase ids,
//! the plan's spent total, the rates used and the purchases left out. The cheap part (the trip,
//! its travellers, the allowances derived from the assessment, the open alerts) is read again.
//!
//! It is derived data: written without a change record and without counting as a write, never
//! synced. It is used only when its stamp matches exactly:
//! - `meta.writes`, the count every write transaction bumps (purchases, trips, travellers,
//!   rates, alerts, packs and bundles, settings, sync), in its own column;
//! - this format, the crate version (the workspace's, domain included) and `KARVON_BUILD_ID`
//!   (`build.rs`: a hash of the core's and the engine's sources unless the build gives one), so
//!   another build — which may assess or encode differently — never reads it;
//! - the schema version (a migration may change rows without counting a write);
//! - the database's generation, a random id in `meta` that a restore replaces
//!   ([`new_generation`]);
//! - a SHA-256 of the rules pack the trip is assessed with, as loaded in memory (built in, an
//!   installed bundle, or a file the front loaded).
//!
//! The bytes are sealed with the data key (AES-256-GCM, the assessment names travellers),
//! bound to the trip, the write count and the stamp. Anything that does not match, does not
//! open or does not decode is ignored and the status rebuilt: never an error for the user.

use std::any::TypeId;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use karvon_domain::assess::{AllowanceUse, FigureUse, ItemResult, Notice};
use karvon_domain::message::{Arg, Args, NamedArg};
use karvon_domain::{Assessment, Currency, Date, Message};
use ring::digest::{digest, SHA256};
use rusqlite::{params, Connection, OptionalExtension};
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::status::{LeftOut, RateUse, TripStatus};
use crate::{store, Error, Karvon};

/// The encoding below; change it whenever the encoding changes.
const FORMAT: &str = "karvon-status-5";

/// Assessment items per separately decodable chunk (small enough to share the work evenly).
#[cfg(not(test))]
const ITEMS_PER_CHUNK: usize = 1_024;
/// Small in unit tests, so that a few items make several chunks.
#[cfg(test)]
const ITEMS_PER_CHUNK: usize = 3;

/// Units an allowance can be counted in (the domain's `&'static str`s).
const UNITS: &[&str] = &[
    "money",
    "fraction",
    "litres",
    "grams",
    "ml",
    "kg",
    "pieces",
    "count",
    "weight_kg",
];

/// The expensive part of a status, as stored.
pub(crate) struct Heavy {
    pub assessment: Assessment,
    pub purchase_ids: Vec<String>,
    /// The plan's spent total and the purchases it could not convert.
    pub plan: Option<(Decimal, Vec<String>)>,
    pub rates: Vec<RateUse>,
    pub left_out: Vec<LeftOut>,
}

/// Replaces the database's generation id (and drops every snapshot): call it whenever the rows
/// of the database are replaced by other rows whose `meta.writes` may repeat an earlier count,
/// as a restore from a backup does.
pub(crate) fn new_generation(conn: &Connection) -> Result<(), Error> {
    conn.execute(
        "INSERT INTO meta(key, value) VALUES('generation', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [store::new_id()],
    )?;
    conn.execute("DELETE FROM status_snapshot", [])?;
    Ok(())
}

/// The database's generation id, if one was made.
fn generation(conn: &Connection) -> Result<Option<String>, Error> {
    Ok(conn
        .prepare_cached("SELECT value FROM meta WHERE key = 'generation'")?
        .query_row([], |r| r.get(0))
        .optional()?)
}

/// Everything a snapshot of a trip in `jurisdiction` depends on besides the write count;
/// `None` when the trip's pack is not loaded (nothing to keep).
fn stamp(k: &Karvon, conn: &Connection, jurisdiction: &str) -> Result<Option<String>, Error> {
    let Some(pack) = k.packs().get(jurisdiction) else {
        return Ok(None);
    };
    let Some(generation) = generation(conn)? else {
        return Ok(None);
    };
    let pack = serde_json::to_vec(pack).map_err(|_| {
        Error::Store(Message::new("error-db-value").text("field", "status_snapshot.stamp"))
    })?;
    Ok(Some(format!(
        "{FORMAT} core {} build {} schema {} generation {generation} pack {}",
        env!("CARGO_PKG_VERSION"),
        env!("KARVON_BUILD_ID"),
        store::schema_version(conn)?,
        crate::crypto::hex(digest(&SHA256, &pack).as_ref()),
    )))
}

/// What the sealed bytes are bound to.
fn context(trip: &str, writes: i64, stamp: &str) -> String {
    format!("status_snapshot:{trip}:{writes}:{stamp}")
}

/// The kept part of a trip's status at write count `writes`, if a matching snapshot is stored
/// and opens and decodes. Never an error: anything else means "rebuild".
pub(crate) fn load(k: &Karvon, conn: &Connection, trip: &str, writes: i64) -> Option<Heavy> {
    let (stored, sealed): (String, Vec<u8>) = conn
        .prepare_cached(
            "SELECT stamp, bytes FROM status_snapshot WHERE trip_id = ?1 AND writes = ?2",
        )
        .ok()?
        .query_row(params![trip, writes], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
        .ok()??;
    let jurisdiction: String = conn
        .prepare_cached("SELECT jurisdiction FROM trip WHERE id = ?1")
        .ok()?
        .query_row([trip], |r| r.get(0))
        .ok()?;
    let expected = stamp(k, conn, &jurisdiction).ok()??;
    if stored != expected {
        return None;
    }
    let cipher = &k.data().ok()?.cipher;
    let plain = cipher
        .open_bytes(&context(trip, writes, &expected), &sealed)
        .ok()?;
    decode(&plain)
}

/// Stores the kept part of `status`, computed at write count `writes`, unless the database has
/// been written since (or the writer is busy, or the folder is read-only: then nothing is kept).
/// Returns whether it was stored.
pub(crate) fn save(k: &Karvon, writes: i64, status: &TripStatus) -> Result<bool, Error> {
    let data = k.data()?;
    let plain = encode(status)?;
    let trip = &status.trip.id;
    let saved = data.store.write_derived(|tx| {
        if store::write_count(tx)? != writes {
            return Ok(false);
        }
        if generation(tx)?.is_none() {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES('generation', ?1)",
                [store::new_id()],
            )?;
        }
        let Some(stamp) = stamp(k, tx, &status.trip.jurisdiction)? else {
            return Ok(false);
        };
        let sealed = data
            .cipher
            .seal_bytes(&context(trip, writes, &stamp), &plain)?;
        tx.prepare_cached(
            "INSERT INTO status_snapshot(trip_id, writes, stamp, bytes, saved_ms)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(trip_id) DO UPDATE SET writes = excluded.writes,
                stamp = excluded.stamp, bytes = excluded.bytes, saved_ms = excluded.saved_ms",
        )?
        .execute(params![trip, writes, stamp, sealed, store::now_ms()])?;
        Ok(true)
    })?;
    Ok(saved.unwrap_or(false))
}

// ---- Encoding: a string table (lengths, then text); the names (message ids, argument names,
// terms: string-table indices); the message table (each message used more than once, once:
// lengths, then encodings, each decoded when first used; a message used once is written where
// it is used); then the values (LEB128 integers, zigzag for signed ones, strings by table index,
// names and messages by their own index, decimals as scale and sign then mantissa, record ids as
// 16 bytes). The purchase ids, the assessment's items and its notices come in sized sections,
// so that they are decoded side by side on the cores there are. ----

/// Why bytes could not be encoded or decoded (never shown: the status is rebuilt).
#[derive(Debug)]
struct Bad;

/// Encodes the kept part of a status.
pub(crate) fn encode(s: &TripStatus) -> Result<Vec<u8>, Error> {
    let mut w = Writer::default();
    w.status(s).map_err(|Bad| {
        Error::Store(Message::new("error-db-value").text("field", "status_snapshot.bytes"))
    })?;
    Ok(w.finish())
}

/// Decodes bytes made by [`encode`].
fn decode(bytes: &[u8]) -> Option<Heavy> {
    let (table, pos) = string_table(bytes).ok()?;
    let empty = MessageTable::default();
    let mut r = Reader::new(bytes, pos, &table, &[], &empty);
    let names = r.names().ok()?;
    let messages = r.message_table().ok()?;
    let mut r = Reader::new(bytes, r.pos, &table, &names, &messages);
    let heavy = r.heavy().ok()?;
    (r.pos == bytes.len()).then_some(heavy)
}

/// The long lists of a status, decoded side by side.
#[derive(Default)]
struct Bulk {
    purchase_ids: Vec<String>,
    items: Vec<ItemResult>,
    notices: Vec<Notice>,
}

/// The arguments of messages read one after the other, in one list.
#[derive(Default)]
struct Inline {
    args: Vec<NamedArg>,
    /// For each message read, in order: where its arguments are in `args` (`None`: it has none
    /// there, being of the table or without arguments).
    spans: Vec<Option<(usize, usize)>>,
}

/// Notes, while messages written in place are kept in one list, that a message of the table
/// was read (its arguments are its own).
fn inline_table_mark(inline: &mut Option<Inline>) {
    if let Some(i) = inline {
        i.spans.push(None);
    }
}

/// The message table as stored: where each message's encoding starts and ends.
#[derive(Default)]
struct MessageTable<'a> {
    bodies: &'a [u8],
    /// `ends[i]` is where message `i` ends (and `i + 1` starts).
    ends: Vec<usize>,
}

impl<'a> MessageTable<'a> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The encoding of message `i`.
    fn body(&self, i: usize) -> Result<&'a [u8], Bad> {
        let end = *self.ends.get(i).ok_or(Bad)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.bodies.get(start..end).ok_or(Bad)
    }
}

/// The string table at the start of `buf`, and where the values after it start.
fn string_table(buf: &[u8]) -> Result<(Vec<&str>, usize), Bad> {
    let empty = MessageTable::default();
    let mut r = Reader::new(buf, 0, &[], &[], &empty);
    let count = r.len()?;
    let size = r.len()?;
    let lens = r.take(size)?;
    let size = r.len()?;
    let text = std::str::from_utf8(r.take(size)?).map_err(|_| Bad)?;
    let mut table = Vec::with_capacity(count.min(lens.len()));
    let (mut at, mut from) = (0usize, 0usize);
    while at < lens.len() {
        let (n, used) = get_uint(&lens[at..]).ok_or(Bad)?;
        at += used;
        let to = from
            .checked_add(usize::try_from(n).map_err(|_| Bad)?)
            .ok_or(Bad)?;
        table.push(text.get(from..to).ok_or(Bad)?);
        from = to;
    }
    if table.len() != count || from != text.len() {
        return Err(Bad);
    }
    Ok((table, r.pos))
}

#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    strings: HashMap<String, u32, Fnv>,
    /// The length of each string of the table, in order.
    lens: Vec<u8>,
    /// The strings of the table, one after the other (valid UTF-8 as a whole).
    text: Vec<u8>,
    count: u32,
    /// Unit enum values written so far (type and variant), with their table index.
    variants: Vec<(TypeId, u64, u32)>,
    /// Message ids, argument names and terms, with their index among the names.
    names: HashMap<String, u32, Fnv>,
    /// The string-table index of each name, in order.
    name_list: Vec<u8>,
    /// The message table: each message used more than once (many lines explain alike), once.
    messages: Vec<u8>,
    /// The length of each message's encoding in the table, in order.
    message_lens: Vec<u8>,
    /// The encoding of each message in the table, with its index.
    message_index: HashMap<Vec<u8>, u64, Fnv>,
    /// How many times each message is used, by the hash of its encoding (two with the same
    /// hash count as one: then one used once may go to the table, which only costs room).
    uses: HashMap<u64, u32, Fnv>,
    /// Where a message is encoded before it is looked up.
    scratch: Vec<u8>,
}

impl Writer {
    fn finish(self) -> Vec<u8> {
        let mut head = Vec::with_capacity(
            self.lens.len()
                + self.text.len()
                + self.message_lens.len()
                + self.messages.len()
                + self.out.len()
                + 32,
        );
        put_uint(&mut head, u64::from(self.count));
        put_uint(&mut head, self.lens.len() as u64);
        head.extend_from_slice(&self.lens);
        put_uint(&mut head, self.text.len() as u64);
        head.extend_from_slice(&self.text);
        put_uint(&mut head, self.names.len() as u64);
        head.extend_from_slice(&self.name_list);
        put_uint(&mut head, self.message_index.len() as u64);
        put_uint(&mut head, self.message_lens.len() as u64);
        head.extend_from_slice(&self.message_lens);
        put_uint(&mut head, self.messages.len() as u64);
        head.extend_from_slice(&self.messages);
        head.extend_from_slice(&self.out);
        head
    }

    fn uint(&mut self, v: u64) {
        put_uint(&mut self.out, v);
    }

    fn int(&mut self, v: i64) {
        // Zigzag: small magnitudes take few bytes either sign.
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn len(&mut self, n: usize) {
        self.uint(n as u64);
    }

    fn bool(&mut self, b: bool) {
        self.out.push(u8::from(b));
    }

    /// The string-table index of `s`, added when new.
    fn string_index(&mut self, s: &str) -> u32 {
        match self.strings.get(s) {
            Some(i) => *i,
            None => {
                let i = self.count;
                self.count += 1;
                put_uint(&mut self.lens, s.len() as u64);
                self.text.extend_from_slice(s.as_bytes());
                self.strings.insert(s.to_owned(), i);
                i
            }
        }
    }

    fn str(&mut self, s: &str) {
        let i = self.string_index(s);
        self.uint(u64::from(i));
    }

    /// A message id, argument name or term.
    fn name(&mut self, s: &str) {
        let i = match self.names.get(s) {
            Some(i) => *i,
            None => {
                let at = self.string_index(s);
                put_uint(&mut self.name_list, u64::from(at));
                let i = self.names.len() as u32;
                self.names.insert(s.to_owned(), i);
                i
            }
        };
        self.uint(u64::from(i));
    }

    /// A record id: 16 bytes when it is in canonical form, else text.
    fn id(&mut self, s: &str) {
        match store::id_bytes(s) {
            Some(b) => {
                self.out.push(1);
                self.out.extend_from_slice(&b);
            }
            None => {
                self.out.push(0);
                self.str(s);
            }
        }
    }

    fn ids(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.id(s);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        self.bool(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }

    /// A unit enum (variants without fields) by its serde name (the one the JSON output shows).
    fn variant<T: Serialize + 'static>(&mut self, v: &T) -> Result<(), Bad> {
        let ty = TypeId::of::<T>();
        let mut h = DefaultHasher::new();
        std::mem::discriminant(v).hash(&mut h);
        let key = h.finish();
        if let Some((_, _, i)) = self.variants.iter().find(|(t, k, _)| *t == ty && *k == key) {
            let i = *i;
            self.uint(u64::from(i));
            return Ok(());
        }
        let name = match serde_json::to_value(v).map_err(|_| Bad)? {
            serde_json::Value::String(s) => s,
            _ => return Err(Bad),
        };
        self.str(&name);
        let i = self.strings.get(name.as_str()).copied().ok_or(Bad)?;
        self.variants.push((ty, key, i));
        Ok(())
    }

    fn dec(&mut self, d: Decimal) {
        let b = d.serialize();
        // Flags: bytes 2 (scale) and 3 (sign in the top bit); then the 96-bit mantissa.
        self.out.push(b[2] | (b[3] & 0x80));
        let mut m = [0u8; 16];
        m[..12].copy_from_slice(&b[4..]);
        let mut v = u128::from_le_bytes(m);
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(byte);
                break;
            }
            self.out.push(byte | 0x80);
        }
    }

    fn opt_dec(&mut self, d: Option<Decimal>) {
        self.bool(d.is_some());
        if let Some(d) = d {
            self.dec(d);
        }
    }

    fn date(&mut self, d: Date) {
        self.int(i64::from(d.year()));
        self.out.push(d.month());
        self.out.push(d.day());
    }

    fn currency(&mut self, c: Currency) {
        self.str(c.code());
    }

    /// The encoding of `m`, in the scratch buffer (its bytes are its key in the tables).
    fn encoded(&mut self, m: &Message) -> Vec<u8> {
        let body = std::mem::replace(&mut self.out, std::mem::take(&mut self.scratch));
        self.out.clear();
        self.message_body(m);
        std::mem::replace(&mut self.out, body)
    }

    /// Counts a use of `m` (a first pass over the status, before [`Writer::message`]).
    fn count_use(&mut self, m: &Message) {
        let encoded = self.encoded(m);
        *self.uses.entry(fnv(&encoded)).or_default() += 1;
        self.scratch = encoded;
    }

    /// A message: 0 then its encoding when it is used once, else 1 + its index in the table.
    fn message(&mut self, m: &Message) {
        let encoded = self.encoded(m);
        if self.uses.get(&fnv(&encoded)).is_none_or(|n| *n < 2) {
            self.uint(0);
            self.out.extend_from_slice(&encoded);
            self.scratch = encoded;
            return;
        }
        let i = match self.message_index.get(&encoded) {
            Some(i) => *i,
            None => {
                let i = self.message_index.len() as u64;
                put_uint(&mut self.message_lens, encoded.len() as u64);
                self.messages.extend_from_slice(&encoded);
                self.message_index.insert(encoded.clone(), i);
                i
            }
        };
        self.scratch = encoded;
        self.uint(i + 1);
    }

    fn message_body(&mut self, m: &Message) {
        self.name(&m.id);
        self.len(m.args.len());
        for (name, arg) in &m.args {
            self.name(name);
            match arg {
                Arg::Text { value } => {
                    self.out.push(0);
                    self.str(value);
                }
                Arg::Term { id } => {
                    self.out.push(1);
                    self.name(id);
                }
                Arg::Money { amount, currency } => {
                    self.out.push(2);
                    self.dec(*amount);
                    self.currency(*currency);
                }
                Arg::Number { value } => {
                    self.out.push(3);
                    self.dec(*value);
                }
                Arg::Percent { value } => {
                    self.out.push(4);
                    self.dec(*value);
                }
                Arg::Int { value } => {
                    self.out.push(5);
                    self.int(*value);
                }
                Arg::Date { value } => {
                    self.out.push(6);
                    self.date(*value);
                }
            }
        }
    }

    fn item(&mut self, i: &ItemResult) -> Result<(), Bad> {
        self.len(i.index);
        self.str(&i.traveller);
        self.str(&i.description);
        self.variant(&i.kind)?;
        self.variant(&i.status)?;
        self.opt_dec(i.customs_value);
        for d in [i.dutiable_value, i.duty, i.vat, i.excise, i.other] {
            self.dec(d);
        }
        self.bool(i.complete);
        self.str(&i.rule);
        self.opt_str(i.source.as_deref());
        self.len(i.explanation.len());
        for m in &i.explanation {
            self.message(m);
        }
        Ok(())
    }

    fn notice(&mut self, n: &Notice) -> Result<(), Bad> {
        self.variant(&n.code)?;
        self.variant(&n.severity)?;
        self.message(&n.message);
        self.bool(n.item.is_some());
        if let Some(i) = n.item {
            self.len(i);
        }
        self.opt_str(n.source.as_deref());
        Ok(())
    }

    fn allowance(&mut self, a: &AllowanceUse) -> Result<(), Bad> {
        self.strs(&a.travellers);
        self.variant(&a.category)?;
        self.str(&a.rule);
        self.dec(a.used);
        self.dec(a.limit);
        if !UNITS.contains(&a.unit) {
            return Err(Bad);
        }
        self.str(a.unit);
        Ok(())
    }

    fn figure(&mut self, f: &FigureUse) -> Result<(), Bad> {
        self.str(&f.path);
        self.str(&f.url);
        self.str(&f.title);
        self.date(f.from);
        self.variant(&f.confidence)
    }

    fn assessment(&mut self, a: &Assessment) -> Result<(), Bad> {
        self.str(&a.jurisdiction);
        self.currency(a.currency);
        self.date(a.arrival);
        self.date(a.pack_valid_from);
        self.variant(&a.channel)?;
        for d in [a.duty, a.vat, a.excise, a.other, a.total_due] {
            self.dec(d);
        }
        self.bool(a.complete);
        // Items and notices in chunks, each with its size, so that they can be decoded side by
        // side.
        self.chunks(&a.items, Self::item)?;
        self.chunks(&a.notices, Self::notice)?;
        self.len(a.allowances.len());
        for x in &a.allowances {
            self.allowance(x)?;
        }
        self.len(a.figures.len());
        for f in &a.figures {
            self.figure(f)?;
        }
        Ok(())
    }

    /// `all` in chunks of [`ITEMS_PER_CHUNK`]: how many, how many chunks, then each chunk as its
    /// count and a section.
    fn chunks<T>(
        &mut self,
        all: &[T],
        one: impl Fn(&mut Self, &T) -> Result<(), Bad>,
    ) -> Result<(), Bad> {
        self.len(all.len());
        let chunks = all.chunks(ITEMS_PER_CHUNK);
        self.len(chunks.len());
        for chunk in chunks {
            self.len(chunk.len());
            self.section(|w| chunk.iter().try_for_each(|x| one(w, x)))?;
        }
        Ok(())
    }

    /// Writes what `part` writes as a section: its size, then its bytes.
    fn section(&mut self, part: impl FnOnce(&mut Self) -> Result<(), Bad>) -> Result<(), Bad> {
        let body = std::mem::take(&mut self.out);
        part(self)?;
        let bytes = std::mem::replace(&mut self.out, body);
        self.len(bytes.len());
        self.out.extend_from_slice(&bytes);
        Ok(())
    }

    fn status(&mut self, s: &TripStatus) -> Result<(), Bad> {
        let a = &s.assessment;
        let used = a.items.iter().flat_map(|i| &i.explanation);
        let used = used.chain(a.notices.iter().map(|n| &n.message));
        for m in used.chain(s.left_out.iter().map(|l| &l.reason)) {
            self.count_use(m);
        }
        self.section(|w| {
            w.ids(&s.purchase_ids);
            Ok(())
        })?;
        self.assessment(&s.assessment)?;
        self.bool(s.plan.is_some());
        if let Some(p) = &s.plan {
            self.dec(p.spent);
            self.ids(&p.unconverted);
        }
        self.len(s.rates.len());
        for r in &s.rates {
            self.currency(r.from);
            self.currency(r.to);
            self.dec(r.rate);
            self.variant(&r.source)?;
            self.date(r.valid_on);
            self.int(r.age_days);
            self.str(&r.origin);
        }
        self.len(s.left_out.len());
        for l in &s.left_out {
            self.id(&l.purchase);
            self.message(&l.reason);
        }
        Ok(())
    }
}

fn put_uint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Decoded values of one unit enum, by string-table index.
struct Variants<T>(Vec<(usize, T)>);

impl<T> Default for Variants<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

/// Decodes values from `buf`, with the string table and message table read before.
struct Reader<'a, 't> {
    buf: &'a [u8],
    pos: usize,
    table: &'t [&'a str],
    /// Message ids, argument names and terms (empty while they are being read).
    names: &'t [Cow<'static, str>],
    /// The message table (empty while it is being read).
    messages: &'t MessageTable<'a>,
    /// The messages of the table decoded so far by this reader, shared by each use. Each thread
    /// has its own: copies then count references no other core touches.
    decoded: Vec<Option<Message>>,
    /// Where a message's arguments are decoded before they are shared.
    args: Vec<NamedArg>,
    /// The arguments of the messages written in place, while they are kept in one list.
    inline: Option<Inline>,
    /// Shared strings made so far (travellers, rules, sources: a few), with their table index.
    arcs: Vec<(usize, Arc<str>)>,
    currencies: Vec<(usize, Currency)>,
}

impl<'a, 't> Reader<'a, 't> {
    fn new(
        buf: &'a [u8],
        pos: usize,
        table: &'t [&'a str],
        names: &'t [Cow<'static, str>],
        messages: &'t MessageTable<'a>,
    ) -> Self {
        Reader {
            buf,
            pos,
            table,
            names,
            messages,
            decoded: Vec::new(),
            args: Vec::new(),
            inline: None,
            arcs: Vec::new(),
            currencies: Vec::new(),
        }
    }

    /// A reader of the same tables for another thread, with nothing decoded yet.
    fn fork(&self) -> Self {
        Reader::new(&[], 0, self.table, self.names, self.messages)
    }

    /// The next `n` bytes.
    fn take(&mut self, n: usize) -> Result<&'a [u8], Bad> {
        let end = self.pos.checked_add(n).ok_or(Bad)?;
        let b = self.buf.get(self.pos..end).ok_or(Bad)?;
        self.pos = end;
        Ok(b)
    }

    fn byte(&mut self) -> Result<u8, Bad> {
        let b = *self.buf.get(self.pos).ok_or(Bad)?;
        self.pos += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Result<u64, Bad> {
        let (v, used) = get_uint(self.buf.get(self.pos..).ok_or(Bad)?).ok_or(Bad)?;
        self.pos += used;
        Ok(v)
    }

    fn int(&mut self) -> Result<i64, Bad> {
        let v = self.uint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn len(&mut self) -> Result<usize, Bad> {
        usize::try_from(self.uint()?).map_err(|_| Bad)
    }

    /// A count of things each taking at least one byte (so a damaged count cannot reserve much).
    fn count(&mut self) -> Result<usize, Bad> {
        let n = self.len()?;
        if n > self.buf.len() - self.pos {
            return Err(Bad);
        }
        Ok(n)
    }

    fn bool(&mut self) -> Result<bool, Bad> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Bad),
        }
    }

    fn index(&mut self) -> Result<usize, Bad> {
        let i = self.len()?;
        if i >= self.table.len() {
            return Err(Bad);
        }
        Ok(i)
    }

    fn str(&mut self) -> Result<&'a str, Bad> {
        let i = self.index()?;
        Ok(self.table[i])
    }

    fn string(&mut self) -> Result<String, Bad> {
        Ok(self.str()?.to_owned())
    }

    /// The names: message ids, argument names and terms, a bounded set (see [`name`]).
    fn names(&mut self) -> Result<Vec<Cow<'static, str>>, Bad> {
        let n = self.count()?;
        (0..n).map(|_| Ok(name(self.str()?))).collect()
    }

    /// A message id, argument name or term, by its index among the names.
    fn cow(&mut self) -> Result<Cow<'static, str>, Bad> {
        let i = self.len()?;
        self.names.get(i).cloned().ok_or(Bad)
    }

    /// A record id (see [`Writer::id`]).
    fn id(&mut self) -> Result<String, Bad> {
        match self.byte()? {
            0 => self.string(),
            1 => {
                let b: [u8; 16] = self.take(16)?.try_into().map_err(|_| Bad)?;
                Ok(store::id_text(&b))
            }
            _ => Err(Bad),
        }
    }

    fn ids(&mut self) -> Result<Vec<String>, Bad> {
        let n = self.count()?;
        (0..n).map(|_| self.id()).collect()
    }

    fn arc(&mut self) -> Result<Arc<str>, Bad> {
        let i = self.index()?;
        if let Some((_, a)) = self.arcs.iter().find(|(j, _)| *j == i) {
            return Ok(Arc::clone(a));
        }
        let a: Arc<str> = Arc::from(self.table[i]);
        self.arcs.push((i, Arc::clone(&a)));
        Ok(a)
    }

    fn opt_arc(&mut self) -> Result<Option<Arc<str>>, Bad> {
        Ok(if self.bool()? {
            Some(self.arc()?)
        } else {
            None
        })
    }

    fn opt_string(&mut self) -> Result<Option<String>, Bad> {
        Ok(if self.bool()? {
            Some(self.string()?)
        } else {
            None
        })
    }

    fn strings(&mut self) -> Result<Vec<String>, Bad> {
        let n = self.count()?;
        (0..n).map(|_| self.string()).collect()
    }

    fn variant<T: DeserializeOwned + Clone>(&mut self, memo: &mut Variants<T>) -> Result<T, Bad> {
        let i = self.index()?;
        if let Some((_, v)) = memo.0.iter().find(|(j, _)| *j == i) {
            return Ok(v.clone());
        }
        let v: T = serde_json::from_value(serde_json::Value::String(self.table[i].to_owned()))
            .map_err(|_| Bad)?;
        memo.0.push((i, v.clone()));
        Ok(v)
    }

    fn dec(&mut self) -> Result<Decimal, Bad> {
        let flags = self.byte()?;
        let scale = flags & 0x7f;
        if scale > 28 {
            return Err(Bad);
        }
        let mut m: u128 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.byte()?;
            if shift >= 96 {
                return Err(Bad);
            }
            m |= u128::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        if m >> 96 != 0 {
            return Err(Bad);
        }
        let mut b = [0u8; 16];
        b[2] = scale;
        b[3] = flags & 0x80;
        b[4..].copy_from_slice(&m.to_le_bytes()[..12]);
        Ok(Decimal::deserialize(b))
    }

    fn opt_dec(&mut self) -> Result<Option<Decimal>, Bad> {
        Ok(if self.bool()? {
            Some(self.dec()?)
        } else {
            None
        })
    }

    fn date(&mut self) -> Result<Date, Bad> {
        let year = i32::try_from(self.int()?).map_err(|_| Bad)?;
        let month = self.byte()?;
        let day = self.byte()?;
        Date::new(year, month, day).map_err(|_| Bad)
    }

    fn currency(&mut self) -> Result<Currency, Bad> {
        let i = self.index()?;
        if let Some((_, c)) = self.currencies.iter().find(|(j, _)| *j == i) {
            return Ok(*c);
        }
        let c = Currency::from_code(self.table[i]).map_err(|_| Bad)?;
        self.currencies.push((i, c));
        Ok(c)
    }

    /// The message table: where each message is (each is decoded when first used).
    fn message_table(&mut self) -> Result<MessageTable<'a>, Bad> {
        let n = self.count()?;
        let size = self.len()?;
        let lens = self.take(size)?;
        let size = self.len()?;
        let bodies = self.take(size)?;
        let mut ends = Vec::with_capacity(n);
        let (mut at, mut end) = (0usize, 0usize);
        while at < lens.len() {
            let (len, used) = get_uint(&lens[at..]).ok_or(Bad)?;
            at += used;
            end = end
                .checked_add(usize::try_from(len).map_err(|_| Bad)?)
                .ok_or(Bad)?;
            ends.push(end);
        }
        if ends.len() != n || end != bodies.len() {
            return Err(Bad);
        }
        Ok(MessageTable { bodies, ends })
    }

    /// A message: written here, or of the table (see [`Writer::message`]). One of the table is
    /// decoded at its first use by this reader, and a copy of that one (sharing its arguments) is
    /// returned at every use. One written here takes its arguments from the list of
    /// [`Reader::inline`] while that is kept (see [`Reader::share_inline`]).
    fn message(&mut self) -> Result<Message, Bad> {
        let Some(i) = self.len()?.checked_sub(1) else {
            let Some(mut inline) = self.inline.take() else {
                let mut args = Vec::new();
                let id = self.message_parts(&mut args)?;
                return Ok(Message {
                    id,
                    args: Args::from(args),
                });
            };
            let start = inline.args.len();
            let id = self.message_parts(&mut inline.args);
            let end = inline.args.len();
            inline.spans.push((start < end).then_some((start, end)));
            self.inline = Some(inline);
            return Ok(Message {
                id: id?,
                args: Args::new(),
            });
        };
        inline_table_mark(&mut self.inline);
        if self.decoded.is_empty() {
            self.decoded.resize(self.messages.len(), None);
        }
        if let Some(m) = self.decoded.get(i).ok_or(Bad)? {
            return Ok(m.clone());
        }
        let body = self.messages.body(i)?;
        let (buf, pos) = (std::mem::replace(&mut self.buf, body), self.pos);
        self.pos = 0;
        let mut args = std::mem::take(&mut self.args);
        args.clear();
        let id = self.message_parts(&mut args);
        let whole = self.pos == body.len();
        (self.buf, self.pos) = (buf, pos);
        let id = id?;
        if !whole {
            return Err(Bad);
        }
        let m = Message {
            id,
            args: if args.is_empty() {
                Args::new()
            } else {
                Args::from(Arc::new(args.clone()))
            },
        };
        self.args = args;
        self.decoded[i] = Some(m.clone());
        Ok(m)
    }

    /// The message at the reader's position: its id, its arguments appended to `args`.
    fn message_parts(&mut self, args: &mut Vec<NamedArg>) -> Result<Cow<'static, str>, Bad> {
        let id = self.cow()?;
        let n = self.count()?;
        args.reserve(n);
        for _ in 0..n {
            let name = self.cow()?;
            let arg = match self.byte()? {
                0 => Arg::Text {
                    value: self.string()?,
                },
                1 => Arg::Term { id: self.cow()? },
                2 => Arg::Money {
                    amount: self.dec()?,
                    currency: self.currency()?,
                },
                3 => Arg::Number { value: self.dec()? },
                4 => Arg::Percent { value: self.dec()? },
                5 => Arg::Int { value: self.int()? },
                6 => Arg::Date {
                    value: self.date()?,
                },
                _ => return Err(Bad),
            };
            args.push((name, arg));
        }
        Ok(id)
    }

    /// From here on, the messages written in place keep their arguments in one list (one
    /// allocation for all of them) until [`Reader::share_inline`].
    fn keep_inline(&mut self) {
        self.inline = Some(Inline::default());
    }

    /// Gives `messages` — every message read since [`Reader::keep_inline`], in the order read —
    /// their arguments from the one list.
    fn share_inline<'m>(
        &mut self,
        messages: impl Iterator<Item = &'m mut Message>,
    ) -> Result<(), Bad> {
        let inline = self.inline.take().ok_or(Bad)?;
        let all = Arc::new(inline.args);
        let mut spans = inline.spans.into_iter();
        for m in messages {
            if let Some((start, end)) = spans.next().ok_or(Bad)? {
                m.args = Args::part(&all, start..end).ok_or(Bad)?;
            }
        }
        if spans.next().is_some() {
            return Err(Bad);
        }
        Ok(())
    }

    fn heavy(&mut self) -> Result<Heavy, Bad> {
        let mut v = Memo::default();
        let size = self.len()?;
        let ids = self.take(size)?;
        let (assessment, purchase_ids) = self.assessment(&mut v, ids)?;
        let plan = if self.bool()? {
            Some((self.dec()?, self.ids()?))
        } else {
            None
        };
        let n = self.count()?;
        let mut rates = Vec::with_capacity(n);
        for _ in 0..n {
            rates.push(RateUse {
                from: self.currency()?,
                to: self.currency()?,
                rate: self.dec()?,
                source: self.variant(&mut v.source)?,
                valid_on: self.date()?,
                age_days: self.int()?,
                origin: self.string()?,
            });
        }
        let n = self.count()?;
        let mut left_out = Vec::with_capacity(n);
        for _ in 0..n {
            left_out.push(LeftOut {
                purchase: self.id()?,
                reason: self.message()?,
            });
        }
        Ok(Heavy {
            assessment,
            purchase_ids,
            plan,
            rates,
            left_out,
        })
    }

    /// One assessment item.
    fn item(&mut self, v: &mut Memo) -> Result<ItemResult, Bad> {
        Ok(ItemResult {
            index: self.len()?,
            traveller: self.arc()?,
            description: self.string()?,
            kind: self.variant(&mut v.kind)?,
            status: self.variant(&mut v.status)?,
            customs_value: self.opt_dec()?,
            dutiable_value: self.dec()?,
            duty: self.dec()?,
            vat: self.dec()?,
            excise: self.dec()?,
            other: self.dec()?,
            complete: self.bool()?,
            rule: self.arc()?,
            source: self.opt_arc()?,
            explanation: {
                let m = self.count()?;
                (0..m).map(|_| self.message()).collect::<Result<_, _>>()?
            },
        })
    }

    /// The chunks written by [`Writer::chunks`]: `(count, bytes)` each.
    fn chunks(&mut self) -> Result<Vec<(usize, &'a [u8])>, Bad> {
        let n = self.count()?;
        let chunks = self.count()?;
        let mut parts = Vec::with_capacity(chunks);
        for _ in 0..chunks {
            let count = self.len()?;
            let size = self.len()?;
            parts.push((count, self.take(size)?));
        }
        if parts.iter().map(|p| p.0).sum::<usize>() != n {
            return Err(Bad);
        }
        Ok(parts)
    }

    /// The purchase ids (section `ids`), the items and the notices (their chunks), decoded side
    /// by side on the cores there are.
    fn ids_items_notices(
        &mut self,
        ids: &'a [u8],
        items: &[(usize, &'a [u8])],
        notices: &[(usize, &'a [u8])],
    ) -> Result<Bulk, Bad> {
        /// What one task decodes.
        enum Part {
            Ids(Vec<String>),
            Items(Vec<ItemResult>),
            Notices(Vec<Notice>),
        }
        let all_items: usize = items.iter().map(|p| p.0).sum();
        let all_notices: usize = notices.iter().map(|p| p.0).sum();
        let tasks = 1 + items.len() + notices.len();
        let done = self.side_by_side(tasks, |r, v, task| {
            if task == 0 {
                (r.buf, r.pos) = (ids, 0);
                let ids = r.ids()?;
                return (r.pos == r.buf.len()).then_some(Part::Ids(ids)).ok_or(Bad);
            }
            let (first, (n, bytes)) = match items.get(task - 1) {
                Some(&chunk) => (task == 1, chunk),
                None => {
                    let i = task - 1 - items.len();
                    (i == 0, *notices.get(i).ok_or(Bad)?)
                }
            };
            (r.buf, r.pos) = (bytes, 0);
            r.keep_inline();
            let part = if task <= items.len() {
                // The first chunk's list takes them all (the others are moved in after).
                let mut out = Vec::with_capacity(if first { all_items } else { n });
                for _ in 0..n {
                    out.push(r.item(v)?);
                }
                r.share_inline(out.iter_mut().flat_map(|i| i.explanation.iter_mut()))?;
                Part::Items(out)
            } else {
                let mut out = Vec::with_capacity(if first { all_notices } else { n });
                for _ in 0..n {
                    out.push(r.notice(v)?);
                }
                r.share_inline(out.iter_mut().map(|n| &mut n.message))?;
                Part::Notices(out)
            };
            (r.pos == bytes.len()).then_some(part).ok_or(Bad)
        })?;
        let mut bulk = Bulk::default();
        for part in done {
            match part {
                Part::Ids(ids) => bulk.purchase_ids = ids,
                Part::Items(more) if bulk.items.is_empty() => bulk.items = more,
                Part::Items(more) => bulk.items.extend(more),
                Part::Notices(more) if bulk.notices.is_empty() => bulk.notices = more,
                Part::Notices(more) => bulk.notices.extend(more),
            }
        }
        Ok(bulk)
    }

    /// One notice.
    fn notice(&mut self, v: &mut Memo) -> Result<Notice, Bad> {
        Ok(Notice {
            code: self.variant(&mut v.code)?,
            severity: self.variant(&mut v.severity)?,
            message: self.message()?,
            item: if self.bool()? {
                Some(self.len()?)
            } else {
                None
            },
            source: self.opt_string()?,
        })
    }

    /// The results of tasks `0..n` in order, run on the cores there are: this thread and as many
    /// others, each with its own reader (so with its own decoded messages), taking the next task
    /// until none is left. What this thread's reader decoded stays with this reader.
    fn side_by_side<T: Send>(
        &mut self,
        n: usize,
        task: impl Fn(&mut Reader<'a, 't>, &mut Memo, usize) -> Result<T, Bad> + Sync,
    ) -> Result<Vec<T>, Bad> {
        let next = AtomicUsize::new(0);
        let work = |r: &mut Reader<'a, 't>| -> Result<Vec<(usize, T)>, Bad> {
            let mut memo = Memo::default();
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    return Ok(done);
                }
                match task(r, &mut memo, i) {
                    Ok(t) => done.push((i, t)),
                    Err(e) => {
                        // The others stop at their next task.
                        next.store(n, Ordering::Relaxed);
                        return Err(e);
                    }
                }
            }
        };
        // A thread costs more than a task or two.
        let threads = if n > 2 {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        } else {
            1
        };
        let mut mine = self.fork();
        let done = std::thread::scope(|s| {
            let work = &work;
            let others: Vec<_> = (1..threads.min(n))
                .map(|_| {
                    let mut r = self.fork();
                    s.spawn(move || work(&mut r))
                })
                .collect();
            let mut done = work(&mut mine);
            for h in others {
                let theirs = h.join().map_err(|_| Bad)?;
                done = done.and_then(|mut d| {
                    d.extend(theirs?);
                    Ok(d)
                });
            }
            done
        });
        self.decoded = mine.decoded;
        let mut done = done?;
        done.sort_unstable_by_key(|d| d.0);
        Ok(done.into_iter().map(|d| d.1).collect())
    }

    /// The assessment, and the purchase ids of section `ids` (decoded alongside its items).
    fn assessment(
        &mut self,
        v: &mut Memo,
        ids: &'a [u8],
    ) -> Result<(Assessment, Vec<String>), Bad> {
        let jurisdiction = self.string()?;
        let currency = self.currency()?;
        let arrival = self.date()?;
        let pack_valid_from = self.date()?;
        let channel = self.variant(&mut v.channel)?;
        let [duty, vat, excise, other, total_due] = [
            self.dec()?,
            self.dec()?,
            self.dec()?,
            self.dec()?,
            self.dec()?,
        ];
        let complete = self.bool()?;
        let item_chunks = self.chunks()?;
        let notice_chunks = self.chunks()?;
        let Bulk {
            purchase_ids,
            items,
            notices,
        } = self.ids_items_notices(ids, &item_chunks, &notice_chunks)?;
        let n = self.count()?;
        let mut allowances = Vec::with_capacity(n);
        for _ in 0..n {
            allowances.push(AllowanceUse {
                travellers: self.strings()?,
                category: self.variant(&mut v.category)?,
                rule: self.string()?,
                used: self.dec()?,
                limit: self.dec()?,
                unit: {
                    let u = self.str()?;
                    UNITS.iter().copied().find(|k| *k == u).ok_or(Bad)?
                },
            });
        }
        let n = self.count()?;
        let mut figures = Vec::with_capacity(n);
        for _ in 0..n {
            figures.push(FigureUse {
                path: self.string()?,
                url: self.string()?,
                title: self.string()?,
                from: self.date()?,
                confidence: self.variant(&mut v.confidence)?,
            });
        }
        let assessment = Assessment {
            jurisdiction,
            currency,
            arrival,
            pack_valid_from,
            channel,
            duty,
            vat,
            excise,
            other,
            total_due,
            complete,
            items,
            notices,
            allowances,
            figures,
        };
        Ok((assessment, purchase_ids))
    }
}

/// The unit enums met while decoding, by string-table index.
#[derive(Default)]
struct Memo {
    channel: Variants<karvon_domain::Channel>,
    kind: Variants<karvon_domain::kind::Kind>,
    status: Variants<karvon_domain::assess::ItemStatus>,
    code: Variants<karvon_domain::assess::NoticeCode>,
    severity: Variants<karvon_domain::assess::Severity>,
    category: Variants<karvon_domain::pack::Category>,
    confidence: Variants<karvon_domain::pack::Confidence>,
    source: Variants<karvon_domain::fx::RateSource>,
}

/// How many distinct message ids and argument names are kept for the whole process.
const MAX_NAMES: usize = 4_096;

/// A message id, argument name or term id as the `'static` string the domain uses: each distinct
/// one is made once for the process and shared from then on (they come from the code and the
/// rules packs, a bounded vocabulary; past [`MAX_NAMES`] of them each use gets its own copy).
/// Decoding a status makes tens of thousands of them: this saves as many allocations.
fn name(s: &str) -> Cow<'static, str> {
    static NAMES: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = names.get(s) {
        return Cow::Borrowed(known);
    }
    if names.len() >= MAX_NAMES {
        return Cow::Owned(s.to_owned());
    }
    let kept: &'static str = Box::leak(Box::from(s));
    names.insert(kept);
    Cow::Borrowed(kept)
}

/// The FNV-1a hash of `bytes`.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h = FnvHasher::default();
    h.write(bytes);
    h.finish()
}

/// FNV-1a: a fast hash for the encoder's tables (short keys it made itself, so no flooding).
type Fnv = BuildHasherDefault<FnvHasher>;

/// The state of an FNV-1a hash.
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A LEB128 integer at the start of `b`, with the bytes it took.
fn get_uint(b: &[u8]) -> Option<(u64, usize)> {
    let mut v: u64 = 0;
    for (i, byte) in b.iter().enumerate().take(10) {
        v |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Some((v, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{KeySource, PurchaseInput, TravellerInput, TripInput};
    use karvon_domain::kind::{Kind, Mode};

    fn trip(k: &Karvon) -> String {
        let who = k
            .add_traveller(&TravellerInput {
                name: "Lola Rahimova".into(),
                birth_date: Some("1980-01-02".parse().unwrap()),
                residency: "FI".into(),
                document: None,
                statuses: vec![],
            })
            .unwrap()
            .id;
        let t = k
            .add_trip(&TripInput {
                name: "Tashkent".into(),
                jurisdiction: "FI".into(),
                arrival: "2026-12-10".parse().unwrap(),
                mode: Mode::Air,
                days_abroad: 5,
                travellers: vec![who],
                plan: None,
                joint: false,
            })
            .unwrap()
            .id;
        let eur = Currency::from_code("EUR").unwrap();
        for (i, kind) in [Kind::Goods, Kind::Wine, Kind::Cigarettes, Kind::Spirits]
            .into_iter()
            .enumerate()
        {
            let mut p = PurchaseInput::new(&t, "Thing", kind, "2026-12-05".parse().unwrap())
                .priced(Decimal::new(12_345 * (i as i64 + 1), 2), eur);
            p.litres = Some(Decimal::new(15, 1));
            p.count = Some(Decimal::from(400));
            p.abv = Some(Decimal::from(40));
            k.add_purchase(&p).unwrap();
        }
        t
    }

    #[test]
    fn a_status_decodes_to_itself_and_damaged_bytes_to_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let k = Karvon::open(dir.path(), &KeySource::Provided([5; 32])).unwrap();
        let t = trip(&k);
        let mut s = k.status_fresh(&t).unwrap();
        assert!(!s.assessment.notices.is_empty());
        // Ids in another form than the store's (e.g. from an older device) keep their text.
        s.purchase_ids[1] = s.purchase_ids[1].to_uppercase();
        let bytes = encode(&s).unwrap();
        let h = decode(&bytes).unwrap();
        assert_eq!(h.assessment, s.assessment);
        assert_eq!(h.purchase_ids, s.purchase_ids);
        assert_eq!(h.rates, s.rates);
        assert_eq!(h.left_out, s.left_out);
        // Exact decimals, scale included (1.50 stays 1.50).
        let texts = |a: &Assessment| serde_json::to_string(a).unwrap();
        assert_eq!(texts(&h.assessment), texts(&s.assessment));
        // Cut short or changed anywhere: nothing, or a value, never a panic.
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none());
        }
        for at in 0..bytes.len() {
            let mut b = bytes.clone();
            b[at] ^= 0xa5;
            let _ = decode(&b);
        }
    }

    #[test]
    fn a_new_generation_drops_every_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let k = Karvon::open(dir.path(), &KeySource::Provided([5; 32])).unwrap();
        let t = trip(&k);
        assert_eq!(k.save_statuses().unwrap(), 1);
        assert!(k.kept_status_usable(&t).unwrap());
        let gen = |k: &Karvon| k.store().unwrap().read(generation).unwrap();
        let before = gen(&k);
        assert!(before.is_some());
        k.store()
            .unwrap()
            .write_derived(|tx| new_generation(tx))
            .unwrap()
            .unwrap();
        assert_ne!(gen(&k), before);
        assert!(!k.kept_status_usable(&t).unwrap());
    }
}
