//! Signed distribution: rules packs, rate tables and the HS data set published by a server,
//! each signed by a publisher key ([`karvon_domain::dist`]).
//!
//! - **Trust.** Nothing is trusted by default: the user adds publisher public keys
//!   ([`Karvon::trust_publisher`]); a bundle signed by any other key is refused. Removing a key
//!   does not uninstall what it signed.
//! - **Update.** [`Karvon::update`] lists the configured sync server's bundles, downloads those
//!   newer than the installed ones, verifies each (trusted key, signature, content digest,
//!   kind and name), checks the content with the same parser a local import uses (pack
//!   validator, CBU/ECB parsers, HS importer), and installs it in one transaction.
//! - **No rollback.** A bundle whose version is not newer than the installed one is refused,
//!   so an old signed bundle cannot be replayed.
//! - **Last good version.** Any failure leaves the version in force as it was and records the
//!   reason ([`Sources::failures`]); the installed and the previous bundle keep their bytes.
//! - **Where from.** [`Karvon::sources`] lists every pack, rate table and HS set in force with
//!   its origin: embedded, a local file, manual, or a publisher key with server, version and
//!   install time.

use std::collections::BTreeMap;
use std::sync::Arc;

use karvon_domain::dist::{
    bundle_path, check_newer, parse_public_key, verify, BundleError, BundleInfo, BundleKind,
    BundleList, SignedBundle, MAX_BUNDLE_BYTES, PATH_DISTRIBUTION,
};
use karvon_domain::document::fingerprint;
use karvon_domain::fx::RateSource;
use karvon_domain::sync::auth::hex_encode;
use karvon_domain::sync::wire::Problem;
use karvon_domain::{Date, Message, PackSet};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::hs::CheckedHs;
use crate::rates::CheckedFeed;
use crate::store::Tx;
use crate::sync::{HttpRequest, SyncError, SyncOptions, Transport, UreqTransport};
use crate::{Error, Karvon};

/// Why distribution refused something.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DistError {
    /// The bundle is malformed, untrusted, tampered, of the wrong kind or not newer.
    #[error(transparent)]
    Bundle(#[from] BundleError),
    /// The bundle verified but its content does not pass the parser of its kind.
    #[error("the {kind} {name} content is not valid at {at}: {}", .problem.id)]
    Content {
        /// The kind.
        kind: BundleKind,
        /// The name (`-` when not known yet).
        name: String,
        /// Where in the content: a field path, a line.
        at: String,
        /// What is wrong.
        problem: Message,
    },
    /// No trusted key has this id.
    #[error("no trusted publisher key {key_id}")]
    NoSuchKey {
        /// The key id asked for.
        key_id: String,
    },
    /// An update finished with refused bundles (each recorded with its reason).
    #[error("{failed} bundles were refused")]
    UpdateFailed {
        /// How many.
        failed: usize,
    },
}

impl DistError {
    /// The stable code (also the message id).
    pub fn code(&self) -> &'static str {
        match self {
            DistError::Bundle(e) => e.code(),
            DistError::Content { .. } => "dist-content-invalid",
            DistError::NoSuchKey { .. } => "dist-no-such-key",
            DistError::UpdateFailed { .. } => "dist-update-failed",
        }
    }

    /// The user-facing message (for [`DistError::Content`], [`DistError::problem`] says what).
    pub fn message(&self) -> Message {
        match self {
            DistError::Bundle(e) => e.message(),
            DistError::Content { kind, name, at, .. } => Message::new("dist-content-invalid")
                .term("kind", kind.term())
                .text("name", name.clone())
                .text("at", at.clone()),
            DistError::NoSuchKey { key_id } => {
                Message::new("dist-no-such-key").text("key", key_id.clone())
            }
            DistError::UpdateFailed { failed } => Message::new("dist-update-failed")
                .int("count", i64::try_from(*failed).unwrap_or(i64::MAX)),
        }
    }

    /// The content problem of a [`DistError::Content`].
    pub fn problem(&self) -> Option<&Message> {
        match self {
            DistError::Content { problem, .. } => Some(problem),
            _ => None,
        }
    }
}

/// A trusted publisher key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublisherKey {
    /// Its id (fingerprint), as bundles name it.
    pub key_id: String,
    /// The public key, hex.
    pub public_key: String,
    /// When it was trusted, UTC milliseconds.
    pub added_ms: i64,
}

/// Where something in force came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Origin {
    /// Built into the binary.
    Embedded,
    /// Imported from a local file.
    File {
        /// The file.
        path: String,
    },
    /// Entered by the user.
    Manual,
    /// Installed from a signed bundle.
    Publisher {
        /// The publisher key id.
        key_id: String,
        /// The server it came from.
        server: String,
        /// The bundle version.
        version: u64,
        /// When it was published, UTC milliseconds.
        published_ms: i64,
        /// When it was installed here, UTC milliseconds.
        installed_ms: i64,
    },
    /// Imported before origins were recorded.
    Unknown,
}

/// A refused bundle, kept until a later version of it installs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistFailure {
    /// The kind.
    pub kind: BundleKind,
    /// The name.
    pub name: String,
    /// The version offered, when known.
    pub version: Option<u64>,
    /// The server it came from.
    pub server: String,
    /// The stable code (`dist-digest-mismatch`, ...).
    pub code: String,
    /// Why, for the user.
    pub message: Message,
    /// What is wrong in the content, for `dist-content-invalid`.
    pub problem: Option<Message>,
    /// When, UTC milliseconds.
    pub at_ms: i64,
}

/// One pack, group of rate tables or HS set in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceEntry {
    /// What it is.
    pub kind: BundleKind,
    /// Pack id, rate source (`cbu`, `ecb`, `user_entered`) or `hs`.
    pub name: String,
    /// Where it came from.
    pub origin: Origin,
    /// The base currency of rate tables.
    pub base: Option<String>,
    /// The earliest and latest date of rate tables.
    pub dates: Option<(Date, Date)>,
    /// Rate tables in the group, or HS codes (1 for a pack).
    pub count: usize,
    /// The last refusal of a bundle of this kind and name.
    pub failure: Option<DistFailure>,
}

/// Everything in force and every recorded refusal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sources {
    /// Packs, then rate table groups, then the HS set.
    pub entries: Vec<SourceEntry>,
    /// Every recorded refusal (also attached to its entry when one is in force).
    pub failures: Vec<DistFailure>,
}

/// A bundle just installed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstalledBundle {
    /// The kind.
    pub kind: BundleKind,
    /// The name.
    pub name: String,
    /// The version now in force.
    pub version: u64,
    /// The version it replaced.
    pub previous: Option<u64>,
    /// The publisher key id.
    pub key_id: String,
}

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UpdateReport {
    /// The server asked.
    pub server: String,
    /// Bundles the server lists.
    pub listed: usize,
    /// Bundles installed.
    pub installed: Vec<InstalledBundle>,
    /// Bundles already up to date.
    pub current: usize,
    /// Bundles refused (recorded; the previous version stays in force).
    pub failures: Vec<DistFailure>,
}

/// Progress of an update, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum UpdateProgress {
    /// The list arrived: `newer` of `total` bundles are to be fetched.
    Listed {
        /// Bundles listed.
        total: usize,
        /// Newer than installed.
        newer: usize,
    },
    /// Fetching and installing one bundle.
    Fetching {
        /// The kind.
        kind: BundleKind,
        /// The name.
        name: String,
        /// Its version.
        version: u64,
        /// Its size in bytes.
        size: u64,
        /// Bundles done before it.
        done: usize,
        /// Bundles to fetch.
        total: usize,
    },
}

/// The label a pack installed from a bundle carries in the pack set.
fn pack_label(name: &str, version: u64, key_id: &str) -> String {
    format!("{name} v{version} ({key_id})")
}

/// The origin recorded on rate tables installed from a bundle.
fn rates_origin(name: &str, version: u64) -> String {
    format!("dist:{name}:v{version}")
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// A content error from the parser of `kind`, naming the place.
fn content_error(kind: BundleKind, name: &str, e: Error) -> Error {
    let (at, problem) = match e {
        Error::Pack(p) => (
            if p.field.is_empty() {
                "-".to_owned()
            } else {
                p.field
            },
            p.message,
        ),
        Error::Feed { at, message, .. } => (at, message),
        Error::Input(i) => (i.path, i.message),
        Error::Invalid(list) => match list.into_iter().next() {
            Some(i) => (i.path, i.message),
            None => ("-".to_owned(), Message::new("dist-content-empty")),
        },
        other => (
            "-".to_owned(),
            Message::new("dist-content-unreadable").text("detail", other.to_string()),
        ),
    };
    Error::Dist(DistError::Content {
        kind,
        name: name.to_owned(),
        at,
        problem,
    })
}

/// Content checked by the parser of its kind, ready to install.
#[derive(Debug)]
enum Checked {
    Pack(PackSet),
    Rates(CheckedFeed),
    Hs(CheckedHs),
}

/// Checks content with the parser of its kind, on top of `packs` for a rules pack. Returns
/// the checked content and its name in normal form (the pack id, the feed's source, `hs`);
/// a name given must match it.
fn check(
    kind: BundleKind,
    name: Option<&str>,
    label: &str,
    bytes: &[u8],
    packs: &PackSet,
) -> Result<(Checked, String), Error> {
    let shown = name.unwrap_or("-");
    let bad = |e: Error| content_error(kind, shown, e);
    let (checked, found) = match kind {
        BundleKind::Pack => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                bad(Error::Input(karvon_domain::InputError::new(
                    format!("byte {}", e.valid_up_to() + 1),
                    Message::new("dist-not-utf8"),
                )))
            })?;
            let mut set = packs.clone();
            let id = set
                .add(label, text)
                .map_err(|e| bad(Error::Pack(e)))?
                .id
                .clone();
            (Checked::Pack(set), id)
        }
        BundleKind::Rates => {
            let feed = CheckedFeed::parse(label, bytes).map_err(bad)?;
            let source = match feed.source() {
                RateSource::Cbu => "cbu",
                RateSource::Ecb => "ecb",
                RateSource::UserEntered => "user_entered",
            };
            (Checked::Rates(feed), source.to_owned())
        }
        BundleKind::Hs => {
            let rows = CheckedHs::parse(label, bytes).map_err(bad)?;
            if rows.len() == 0 {
                return Err(bad(Error::Input(karvon_domain::InputError::new(
                    "-",
                    Message::new("dist-content-empty"),
                ))));
            }
            (Checked::Hs(rows), "hs".to_owned())
        }
    };
    let found = kind.normal_name(&found).map_err(DistError::from)?;
    if let Some(want) = name {
        let want = kind.normal_name(want).map_err(DistError::from)?;
        if want != found {
            return Err(DistError::Bundle(BundleError::WrongName {
                expected: want,
                found,
            })
            .into());
        }
    }
    Ok((checked, found))
}

/// Checks content to publish with the same parsers the client uses (packs on top of the
/// embedded ones). Returns its bundle name: the pack id, the feed's source (`cbu`, `ecb`),
/// or `hs`; a `name` given (`--cbu`) must match.
pub fn check_content(kind: BundleKind, name: Option<&str>, bytes: &[u8]) -> Result<String, Error> {
    let packs = PackSet::embedded()?;
    let label = name.unwrap_or(kind.as_str());
    Ok(check(kind, name, label, bytes, &packs)?.1)
}

/// Reads content to publish from a file, or from an `http://`/`https://` URL (with the
/// blocking client sync uses). At most [`MAX_BUNDLE_BYTES`].
pub fn read_source(location: &str) -> Result<Vec<u8>, Error> {
    let too_large = || {
        Error::Dist(DistError::Bundle(BundleError::TooLarge {
            size: MAX_BUNDLE_BYTES as u64 + 1,
            max: MAX_BUNDLE_BYTES as u64,
        }))
    };
    if location.starts_with("http://") || location.starts_with("https://") {
        let reply = UreqTransport::default().send(&HttpRequest {
            method: "GET",
            url: location.to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
        })?;
        if reply.status >= 400 {
            return Err(SyncError::Server {
                status: reply.status,
                code: None,
                reason: None,
                detail: format!("GET {location}"),
                retry_after_s: None,
            }
            .into());
        }
        if reply.body.len() > MAX_BUNDLE_BYTES {
            return Err(too_large());
        }
        return Ok(reply.body);
    }
    use std::io::Read;
    let io = |source| Error::Io {
        path: location.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    std::fs::File::open(location)
        .map_err(io)?
        .take(MAX_BUNDLE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Adds the rules packs installed from bundles to `packs` (at open). A pack that extends
/// another installed pack is added after it; one that no longer loads is left out (the
/// embedded pack stays in force).
pub(crate) fn load_installed_packs(conn: &Connection, packs: &mut PackSet) -> Result<(), Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT name, version, key_id, bytes FROM dist_bundle
         WHERE kind = 'pack' AND current = 1 AND bytes IS NOT NULL ORDER BY name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Vec<u8>>(3)?,
        ))
    })?;
    let mut waiting = Vec::new();
    for row in rows {
        let (name, version, key_id, bytes) = row?;
        if let Ok(b) = SignedBundle::from_bytes(&bytes) {
            if let Ok(text) = String::from_utf8(b.content) {
                waiting.push((pack_label(&name, to_u64(version), &key_id), text));
            }
        }
    }
    // A pack extending another installed pack waits for it: repeat while something loads.
    while !waiting.is_empty() {
        let before = waiting.len();
        waiting.retain(|(label, text)| packs.add(label, text).is_err());
        if waiting.len() == before {
            break;
        }
    }
    Ok(())
}

/// Records that the HS set was imported from a local file (it is then in force).
pub(crate) fn note_local_hs(tx: &mut Tx<'_>, file: &str) -> Result<(), Error> {
    let now = tx.now_ms();
    tx.execute(
        "INSERT INTO dist_local(kind, name, origin, at_ms) VALUES ('hs', 'hs', ?1, ?2)
         ON CONFLICT(kind, name) DO UPDATE SET origin = excluded.origin, at_ms = excluded.at_ms",
        params![file, now],
    )?;
    Ok(())
}

fn installed_version(
    conn: &Connection,
    kind: BundleKind,
    name: &str,
) -> Result<Option<u64>, Error> {
    let v: Option<i64> = conn.query_row(
        "SELECT max(version) FROM dist_bundle WHERE kind = ?1 AND name = ?2",
        params![kind.as_str(), name],
        |r| r.get(0),
    )?;
    Ok(v.map(to_u64))
}

fn trusted_keys(conn: &Connection) -> Result<Vec<[u8; 32]>, Error> {
    let mut stmt = conn.prepare_cached("SELECT public_key FROM dist_key")?;
    let rows = stmt.query_map([], |r| r.get::<_, Vec<u8>>(0))?;
    let mut out = Vec::new();
    for row in rows {
        if let Ok(k) = <[u8; 32]>::try_from(row?.as_slice()) {
            out.push(k);
        }
    }
    Ok(out)
}

fn read_failures(conn: &Connection) -> Result<Vec<DistFailure>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, name, version, server_url, code, message, problem, at_ms
         FROM dist_failure ORDER BY kind, name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, i64>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, name, version, server, code, message, problem, at_ms) = row?;
        let Some(kind) = BundleKind::parse(&kind) else {
            continue;
        };
        out.push(DistFailure {
            kind,
            name,
            version: version.map(to_u64),
            server,
            code,
            message: serde_json::from_str(&message)
                .unwrap_or_else(|_| Message::new("dist-failure-unreadable")),
            problem: problem.and_then(|p| serde_json::from_str(&p).ok()),
            at_ms,
        });
    }
    Ok(out)
}

/// An installed bundle row.
#[derive(Debug, Clone)]
struct Row {
    version: u64,
    published_ms: i64,
    key_id: String,
    server: String,
    installed_ms: i64,
}

fn read_installed(conn: &Connection) -> Result<BTreeMap<(String, String, u64), Row>, Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, name, version, published_ms, key_id, server_url, installed_ms, current
         FROM dist_bundle",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            Row {
                version: to_u64(r.get::<_, i64>(2)?),
                published_ms: r.get(3)?,
                key_id: r.get(4)?,
                server: r.get(5)?,
                installed_ms: r.get(6)?,
            },
        ))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (kind, name, row) = row?;
        out.insert((kind, name, row.version), row);
    }
    Ok(out)
}

fn publisher(row: &Row) -> Origin {
    Origin::Publisher {
        key_id: row.key_id.clone(),
        server: row.server.clone(),
        version: row.version,
        published_ms: row.published_ms,
        installed_ms: row.installed_ms,
    }
}

/// The server's problem document (or status) as a sync error.
fn server_error(status: u16, body: &[u8]) -> SyncError {
    match serde_json::from_slice::<Problem>(body) {
        Ok(p) => SyncError::Server {
            status,
            code: Some(p.code),
            reason: p.reason,
            detail: p.detail,
            retry_after_s: None,
        },
        Err(_) => SyncError::Server {
            status,
            code: None,
            reason: None,
            detail: String::from_utf8_lossy(body).chars().take(200).collect(),
            retry_after_s: None,
        },
    }
}

/// A GET retried with exponential backoff while it fails transiently.
fn get(transport: &dyn Transport, options: &SyncOptions, url: &str) -> Result<Vec<u8>, SyncError> {
    let mut attempt = 0u32;
    let mut delay = options.base_delay;
    loop {
        attempt += 1;
        let result = transport
            .send(&HttpRequest {
                method: "GET",
                url: url.to_owned(),
                headers: Vec::new(),
                body: Vec::new(),
            })
            .and_then(|r| {
                if r.status < 400 {
                    Ok(r.body)
                } else {
                    Err(server_error(r.status, &r.body))
                }
            });
        match result {
            Ok(body) => return Ok(body),
            Err(e) if !e.is_transient() => return Err(e),
            Err(e) if attempt >= options.max_attempts.max(1) => {
                return Err(SyncError::GaveUp {
                    attempts: attempt,
                    last: Box::new(e),
                })
            }
            Err(_) => {
                (options.sleeper)(delay);
                delay = delay.saturating_mul(2).min(options.max_delay);
            }
        }
    }
}

impl Karvon {
    /// Trusts a publisher key (64 hex digits, as `karvon-server publisher-key` prints it).
    /// Trusting it again changes nothing.
    pub fn trust_publisher(&self, key: &str) -> Result<PublisherKey, Error> {
        let public_key = parse_public_key(key).map_err(DistError::from)?;
        let key_id = fingerprint(&public_key);
        self.store()?.write(|tx| {
            let now = tx.now_ms();
            tx.execute(
                "INSERT INTO dist_key(key_id, public_key, added_ms) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key_id) DO NOTHING",
                params![key_id, public_key.as_slice(), now],
            )?;
            Ok(())
        })?;
        self.publishers()?
            .into_iter()
            .find(|k| k.key_id == key_id)
            .ok_or_else(|| DistError::NoSuchKey { key_id }.into())
    }

    /// Stops trusting a publisher key (by id). What it signed stays installed.
    pub fn untrust_publisher(&self, key_id: &str) -> Result<(), Error> {
        let id = key_id.trim().to_ascii_lowercase();
        let removed = self
            .store()?
            .write(|tx| Ok(tx.execute("DELETE FROM dist_key WHERE key_id = ?1", [&id])?))?;
        if removed == 0 {
            return Err(DistError::NoSuchKey {
                key_id: key_id.chars().take(64).collect(),
            }
            .into());
        }
        Ok(())
    }

    /// The trusted publisher keys, oldest first.
    pub fn publishers(&self) -> Result<Vec<PublisherKey>, Error> {
        self.store()?.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT key_id, public_key, added_ms FROM dist_key ORDER BY added_ms, key_id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(PublisherKey {
                    key_id: r.get(0)?,
                    public_key: hex_encode(&r.get::<_, Vec<u8>>(1)?),
                    added_ms: r.get(2)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }

    /// Verifies, checks and installs one signed bundle that came from `server` (a URL or any
    /// label for a bundle file). `expected` is the kind and name the bundle must be. On any
    /// failure nothing changes except the recorded failure, which is returned as the error.
    pub fn install_bundle(
        &mut self,
        server: &str,
        bytes: &[u8],
        expected: Option<(BundleKind, &str)>,
    ) -> Result<InstalledBundle, Error> {
        let result = self.try_install(server, bytes, expected);
        if let Err(e) = &result {
            let header = SignedBundle::from_bytes(bytes).ok().map(|b| b.header);
            let (kind, name) = match (expected, &header) {
                (Some((k, n)), _) => (k, n.to_owned()),
                (None, Some(h)) => (h.kind, h.name.clone()),
                (None, None) => return result,
            };
            self.record_failure(kind, &name, header.map(|h| h.version), server, e)?;
        }
        result
    }

    fn try_install(
        &mut self,
        server: &str,
        bytes: &[u8],
        expected: Option<(BundleKind, &str)>,
    ) -> Result<InstalledBundle, Error> {
        let store = self.store()?;
        let trusted = store.read(trusted_keys)?;
        let bundle = verify(bytes, &trusted, expected).map_err(DistError::from)?;
        let h = &bundle.header;
        let installed = store.read(|c| installed_version(c, h.kind, &h.name))?;
        check_newer(h, installed).map_err(DistError::from)?;
        let label = match h.kind {
            BundleKind::Pack => pack_label(&h.name, h.version, &h.key_id),
            BundleKind::Rates | BundleKind::Hs => format!("{} v{}", h.name, h.version),
        };
        let (checked, _) = check(h.kind, Some(&h.name), &label, &bundle.content, &self.packs)?;
        let server_label = server.chars().take(300).collect::<String>();
        let previous = store.write(|tx| {
            // Read again inside the transaction: another process may have installed meanwhile.
            let previous = installed_version(tx, h.kind, &h.name)?;
            check_newer(h, previous).map_err(DistError::from)?;
            match &checked {
                Checked::Pack(_) => {}
                Checked::Rates(feed) => feed.save(tx, &rates_origin(&h.name, h.version))?,
                Checked::Hs(rows) => {
                    rows.replace(tx)?;
                }
            }
            let now = tx.now_ms();
            let kind = h.kind.as_str();
            tx.execute(
                "UPDATE dist_bundle SET current = 0 WHERE kind = ?1 AND name = ?2",
                params![kind, h.name],
            )?;
            tx.execute(
                "INSERT INTO dist_bundle(kind, name, version, published_ms, key_id, server_url,
                     sha256, bytes, installed_ms, current)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)",
                params![
                    kind,
                    h.name,
                    to_i64(h.version),
                    h.published_ms,
                    h.key_id,
                    server_label,
                    h.sha256,
                    bytes,
                    now
                ],
            )?;
            // Keep the bytes of this version and the previous good one only.
            tx.execute(
                "UPDATE dist_bundle SET bytes = NULL WHERE kind = ?1 AND name = ?2
                 AND version < ?3",
                params![kind, h.name, to_i64(previous.unwrap_or(0))],
            )?;
            tx.execute(
                "DELETE FROM dist_failure WHERE kind = ?1 AND name = ?2",
                params![kind, h.name],
            )?;
            Ok(previous)
        })?;
        if let Checked::Pack(set) = checked {
            self.packs = set;
        }
        Ok(InstalledBundle {
            kind: h.kind,
            name: h.name.clone(),
            version: h.version,
            previous,
            key_id: h.key_id.clone(),
        })
    }

    fn record_failure(
        &self,
        kind: BundleKind,
        name: &str,
        version: Option<u64>,
        server: &str,
        e: &Error,
    ) -> Result<(), Error> {
        let (code, message, problem) = match e {
            Error::Dist(d) => (d.code().to_owned(), d.message(), d.problem().cloned()),
            Error::Sync(s) => (s.code().to_owned(), s.message(), None),
            other => (
                "dist-install-failed".to_owned(),
                Message::new("dist-install-failed").text("detail", other.to_string()),
                None,
            ),
        };
        let message = serde_json::to_string(&message).map_err(crate::documents::json_error)?;
        let problem = problem
            .map(|p| serde_json::to_string(&p))
            .transpose()
            .map_err(crate::documents::json_error)?;
        self.store()?.write(|tx| {
            let now = tx.now_ms();
            tx.execute(
                "INSERT INTO dist_failure(kind, name, version, server_url, code, message, problem, at_ms)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(kind, name) DO UPDATE SET version = excluded.version,
                     server_url = excluded.server_url, code = excluded.code,
                     message = excluded.message, problem = excluded.problem, at_ms = excluded.at_ms",
                params![
                    kind.as_str(),
                    name.chars().take(64).collect::<String>(),
                    version.map(to_i64),
                    server.chars().take(300).collect::<String>(),
                    code,
                    message,
                    problem,
                    now
                ],
            )?;
            Ok(())
        })
    }

    /// Fetches what the configured sync server publishes and installs every bundle newer
    /// than the installed one (see the [module documentation](self)). A refused bundle is
    /// recorded with its reason and the update goes on with the next; the report lists both.
    /// Fails only when the list cannot be fetched.
    pub fn update(
        &mut self,
        options: &SyncOptions,
        progress: &mut dyn FnMut(UpdateProgress),
    ) -> Result<UpdateReport, Error> {
        let url = self
            .sync_status()?
            .server_url
            .ok_or(SyncError::NotConfigured)?;
        let transport: Arc<dyn Transport> = options
            .transport
            .clone()
            .unwrap_or_else(|| Arc::new(UreqTransport::default()));
        let body = get(&*transport, options, &format!("{url}{PATH_DISTRIBUTION}"))?;
        let list: BundleList = serde_json::from_slice(&body).map_err(|e| SyncError::BadReply {
            status: 200,
            detail: e.to_string(),
        })?;
        let mut report = UpdateReport {
            server: url.clone(),
            listed: list.bundles.len(),
            ..UpdateReport::default()
        };
        let store = self.store()?;
        let mut todo: Vec<BundleInfo> = Vec::new();
        for b in list.bundles {
            let Ok(name) = b.kind.normal_name(&b.name) else {
                continue;
            };
            match store.read(|c| installed_version(c, b.kind, &name))? {
                Some(v) if v == b.version => report.current += 1,
                _ => todo.push(BundleInfo { name, ..b }),
            }
        }
        progress(UpdateProgress::Listed {
            total: report.listed,
            newer: todo.len(),
        });
        let total = todo.len();
        let mut refused: Vec<(BundleKind, String)> = Vec::new();
        for (done, b) in todo.into_iter().enumerate() {
            progress(UpdateProgress::Fetching {
                kind: b.kind,
                name: b.name.clone(),
                version: b.version,
                size: b.size,
                done,
                total,
            });
            let installed = self
                .store()?
                .read(|c| installed_version(c, b.kind, &b.name))?;
            let outcome = match installed {
                // Listed as older than installed: refused without downloading it.
                Some(v) if b.version < v => {
                    let e: Error = DistError::Bundle(BundleError::NotNewer {
                        kind: b.kind,
                        name: b.name.clone(),
                        offered: b.version,
                        installed: v,
                    })
                    .into();
                    self.record_failure(b.kind, &b.name, Some(b.version), &url, &e)?;
                    Err(e)
                }
                _ => match get(
                    &*transport,
                    options,
                    &format!("{url}{}", bundle_path(b.kind, &b.name)),
                ) {
                    Ok(bytes) => self.install_bundle(&url, &bytes, Some((b.kind, &b.name))),
                    Err(e) => {
                        let e = Error::Sync(e);
                        self.record_failure(b.kind, &b.name, Some(b.version), &url, &e)?;
                        Err(e)
                    }
                },
            };
            match outcome {
                Ok(i) => report.installed.push(i),
                Err(_) => refused.push((b.kind, b.name)),
            }
        }
        // The refusals of this update, as recorded (with their reasons).
        report.failures = self
            .store()?
            .read(read_failures)?
            .into_iter()
            .filter(|f| refused.iter().any(|(k, n)| *k == f.kind && *n == f.name))
            .collect();
        Ok(report)
    }

    /// Every pack, group of rate tables and HS set in force, with where it came from, and
    /// every recorded refusal.
    pub fn sources(&self) -> Result<Sources, Error> {
        let store = self.store()?;
        let installed = store.read(read_installed)?;
        let failures = store.read(read_failures)?;
        let failure_of = |kind: BundleKind, name: &str| {
            failures
                .iter()
                .find(|f| f.kind == kind && f.name == name)
                .cloned()
        };
        let current = |kind: BundleKind, name: &str| {
            installed
                .iter()
                .filter(|((k, n, _), _)| k == kind.as_str() && n == name)
                .map(|(_, r)| r)
                .max_by_key(|r| r.version)
        };
        let embedded: Vec<&str> = karvon_domain::pack::EMBEDDED.iter().map(|e| e.0).collect();
        let mut entries = Vec::new();
        for pack in self.packs.iter() {
            let file = self.packs.file_of(&pack.id).unwrap_or_default();
            let origin = match current(BundleKind::Pack, &pack.id) {
                Some(r) if file == pack_label(&pack.id, r.version, &r.key_id) => publisher(r),
                _ if embedded.contains(&file) => Origin::Embedded,
                _ => Origin::File {
                    path: file.to_owned(),
                },
            };
            entries.push(SourceEntry {
                kind: BundleKind::Pack,
                name: pack.id.clone(),
                origin,
                base: None,
                dates: None,
                count: 1,
                failure: failure_of(BundleKind::Pack, &pack.id),
            });
        }
        let groups = store.read(|c| {
            let mut stmt = c.prepare_cached(
                "SELECT source, base, origin, count(*), min(valid_on), max(valid_on)
                 FROM rate_table GROUP BY source, base, origin ORDER BY source, base, origin",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                ))
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })?;
        for (source, base, origin, count, first, last) in groups {
            let from_bundle = origin
                .strip_prefix("dist:")
                .and_then(|rest| rest.split_once(":v"))
                .and_then(|(name, v)| {
                    let v: u64 = v.parse().ok()?;
                    installed.get(&("rates".to_owned(), name.to_owned(), v))
                });
            let origin = match from_bundle {
                Some(r) => publisher(r),
                None if origin == crate::rates::MANUAL_ORIGIN => Origin::Manual,
                None => Origin::File { path: origin },
            };
            let dates = first.parse::<Date>().ok().zip(last.parse::<Date>().ok());
            entries.push(SourceEntry {
                kind: BundleKind::Rates,
                failure: failure_of(BundleKind::Rates, &source),
                name: source,
                origin,
                base: Some(base),
                dates,
                count: usize::try_from(count).unwrap_or_default(),
            });
        }
        let codes = self.hs_count()?;
        if codes > 0 {
            let local: Option<(String, i64)> = store.read(|c| {
                Ok(c.query_row(
                    "SELECT origin, at_ms FROM dist_local WHERE kind = 'hs' AND name = 'hs'",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?)
            })?;
            let origin = match (current(BundleKind::Hs, "hs"), local) {
                (Some(r), Some((_, at))) if r.installed_ms >= at => publisher(r),
                (Some(r), None) => publisher(r),
                (_, Some((path, _))) => Origin::File { path },
                (None, None) => Origin::Unknown,
            };
            entries.push(SourceEntry {
                kind: BundleKind::Hs,
                name: "hs".to_owned(),
                origin,
                base: None,
                dates: None,
                count: codes,
                failure: failure_of(BundleKind::Hs, "hs"),
            });
        }
        Ok(Sources { entries, failures })
    }
}
