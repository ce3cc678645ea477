//! `karvon-server`: serves the sync API from SQLite in a data folder, or from PostgreSQL.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use karvon_domain::sync::wire::FilingStatus;
use karvon_server::{
    router, serve, Error, FilingMove, Limits, PostgresStore, SqliteStore, Storage,
};

/// Karvon's sync server.
#[derive(Debug, Parser)]
#[command(name = "karvon-server", version, about)]
struct Cli {
    /// What to do instead of serving.
    #[command(subcommand)]
    command: Option<Cmd>,
    /// Folder for the SQLite database (default: the user's data folder, `karvon-server`).
    #[arg(long, value_name = "DIR", global = true)]
    data: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// A PostgreSQL URL (`postgres://user@host:port/db`); SQLite when absent.
    #[arg(long, value_name = "URL", global = true)]
    database: Option<String>,
    /// PostgreSQL connections per process.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pool: usize,
}

/// Commands besides serving.
#[derive(Debug, Subcommand)]
enum Cmd {
    /// Play the customs side on the server's database: list filings, clear, reject, confirm
    /// payment. Devices receive each decision on their next sync.
    #[command(subcommand)]
    Admin(Admin),
    /// Make a publisher key pair in FILE (PKCS#8; refused if FILE exists) and print its public
    /// key, for clients to trust with `karvon sources trust KEY`.
    PublisherKey {
        /// Where to write the private key.
        file: PathBuf,
    },
    /// Check content with the client's own parsers, sign it with a publisher key as the next
    /// version of its bundle, and store it for `GET /v1/distribution`.
    Publish {
        /// The publisher key file (from `publisher-key`).
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// What to publish.
        #[command(subcommand)]
        what: Publish,
    },
}

/// Content to publish.
#[derive(Debug, Subcommand)]
enum Publish {
    /// A rules pack (JSON); its id names the bundle.
    Pack {
        /// The pack file.
        path: PathBuf,
    },
    /// A rates feed from a file or an http(s) URL.
    Rates {
        /// A Central Bank of Uzbekistan JSON feed.
        #[arg(
            long,
            value_name = "FILE_OR_URL",
            conflicts_with = "ecb",
            required_unless_present = "ecb"
        )]
        cbu: Option<String>,
        /// A European Central Bank XML or CSV feed.
        #[arg(long, value_name = "FILE_OR_URL")]
        ecb: Option<String>,
    },
    /// The HS nomenclature (UN Comtrade CSV).
    Hs {
        /// The CSV file.
        path: PathBuf,
    },
}

fn publisher_key(file: &std::path::Path) -> Result<(), Error> {
    let io = |e: std::io::Error| Error::Io {
        what: file.display().to_string(),
        detail: e.to_string(),
    };
    let pkcs8 = karvon_domain::document::Signer::generate_pkcs8(&ring::rand::SystemRandom::new())
        .map_err(|e| Error::Io {
        what: "the system random source".into(),
        detail: e.to_string(),
    })?;
    let signer = karvon_domain::document::Signer::from_pkcs8(&pkcs8).map_err(|e| Error::Io {
        what: "the new key".into(),
        detail: e.to_string(),
    })?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(file).map_err(io)?;
    std::io::Write::write_all(&mut f, &pkcs8).map_err(io)?;
    f.sync_all().map_err(io)?;
    let public = signer.public_key();
    println!("{}", karvon_domain::sync::auth::hex_encode(&public));
    eprintln!(
        "key id {}; private key in {}",
        karvon_domain::document::fingerprint(&public),
        file.display()
    );
    Ok(())
}

async fn publish(cli: &Cli, key: &std::path::Path, what: &Publish) -> Result<(), Error> {
    use karvon_domain::dist::BundleKind;
    let pkcs8 = std::fs::read(key).map_err(|e| Error::Io {
        what: key.display().to_string(),
        detail: e.to_string(),
    })?;
    let signer = karvon_domain::document::Signer::from_pkcs8(&pkcs8).map_err(|e| Error::Io {
        what: key.display().to_string(),
        detail: e.to_string(),
    })?;
    let (kind, name, location) = match what {
        Publish::Pack { path } => (BundleKind::Pack, None, path.display().to_string()),
        Publish::Rates { cbu: Some(url), .. } => (BundleKind::Rates, Some("cbu"), url.clone()),
        Publish::Rates { ecb: Some(url), .. } => (BundleKind::Rates, Some("ecb"), url.clone()),
        Publish::Rates { .. } => {
            return Err(Error::Publish(karvon_core::Error::Dist(
                karvon_core::dist::DistError::Bundle(karvon_domain::dist::BundleError::BadName {
                    kind: BundleKind::Rates,
                    name: String::new(),
                }),
            )))
        }
        Publish::Hs { path } => (BundleKind::Hs, None, path.display().to_string()),
    };
    let content = karvon_core::dist::read_source(&location)?;
    let name = karvon_core::dist::check_content(kind, name, &content)?;
    let store = open(cli).await?;
    let version = store
        .bundle_version(kind, name.clone())
        .await?
        .map_or(1, |v| v.saturating_add(1));
    let now = karvon_server::app::now_ms();
    let bundle = karvon_domain::dist::sign(
        &signer,
        kind,
        &name,
        version,
        i64::try_from(now).unwrap_or(i64::MAX),
        content,
    )
    .map_err(|e| Error::Publish(karvon_core::dist::DistError::Bundle(e).into()))?;
    let bytes = bundle
        .to_bytes()
        .map_err(|e| Error::Publish(karvon_core::dist::DistError::Bundle(e).into()))?;
    let size = bytes.len();
    store
        .put_bundle(karvon_server::store::NewBundle {
            kind,
            name: name.clone(),
            version,
            published_ms: bundle.header.published_ms,
            sha256: bundle.header.sha256.clone(),
            key_id: bundle.header.key_id.clone(),
            bytes,
            now_ms: now,
        })
        .await?;
    println!(
        "published {kind} {name} version {version} ({size} bytes, sha256 {}, key {})",
        bundle.header.sha256, bundle.header.key_id
    );
    Ok(())
}

/// Customs-side commands.
#[derive(Debug, Subcommand)]
enum Admin {
    /// List every filing: document, registration, status, channel, kind.
    List,
    /// Release a registered declaration.
    Clear {
        /// The document id.
        document: String,
    },
    /// Refuse a declaration, with the reason shown to the traveller.
    Reject {
        /// The document id.
        document: String,
        /// Why.
        #[arg(long)]
        reason: String,
    },
    /// Record that the duties of a declaration were paid.
    ConfirmPayment {
        /// The document id.
        document: String,
    },
}

async fn admin(cli: &Cli, cmd: &Admin) -> Result<(), Error> {
    let store = open(cli).await?;
    let (document, status, reason) = match cmd {
        Admin::List => {
            for f in store.filings(None).await? {
                println!(
                    "{}  {}  {}  {}  {}{}",
                    f.document_id,
                    f.registration,
                    f.status.as_str(),
                    f.channel.as_str(),
                    f.kind,
                    f.reason.map(|r| format!("  {r}")).unwrap_or_default()
                );
            }
            return Ok(());
        }
        Admin::Clear { document } => (document, FilingStatus::Cleared, None),
        Admin::Reject { document, reason } => (
            document,
            FilingStatus::Rejected,
            Some(reason.trim().to_owned()),
        ),
        Admin::ConfirmPayment { document } => (document, FilingStatus::Paid, None),
    };
    let f = store
        .move_filing(FilingMove {
            document_id: document.trim().to_ascii_lowercase(),
            status,
            reason,
            now_ms: karvon_server::app::now_ms(),
        })
        .await?;
    println!(
        "{}  {}  {}",
        f.document_id,
        f.registration,
        f.status.as_str()
    );
    Ok(())
}

async fn open(cli: &Cli) -> Result<Arc<dyn Storage>, Error> {
    if let Some(url) = &cli.database {
        return Ok(Arc::new(PostgresStore::connect(url, cli.pool).await?));
    }
    let dir = cli.data.clone().unwrap_or_else(|| {
        dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join("karvon-server")
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::Io {
        what: dir.display().to_string(),
        detail: e.to_string(),
    })?;
    Ok(Arc::new(SqliteStore::open(
        &dir.join("karvon-server.sqlite3"),
    )?))
}

async fn run(cli: Cli) -> Result<(), Error> {
    match &cli.command {
        Some(Cmd::Admin(cmd)) => return admin(&cli, cmd).await,
        Some(Cmd::PublisherKey { file }) => return publisher_key(file),
        Some(Cmd::Publish { key, what }) => return publish(&cli, key, what).await,
        None => {}
    }
    let store = open(&cli).await?;
    let backend = store.backend();
    let listener = tokio::net::TcpListener::bind(cli.listen)
        .await
        .map_err(|e| Error::Io {
            what: cli.listen.to_string(),
            detail: e.to_string(),
        })?;
    let addr = listener.local_addr().map_err(|e| Error::Io {
        what: cli.listen.to_string(),
        detail: e.to_string(),
    })?;
    println!("karvon-server listening on http://{addr} ({backend})");
    serve(listener, router(store, Limits::default()), async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// A publish refusal in English, naming the place in the content.
fn publish_error(e: &karvon_core::Error) -> String {
    let cat = karvon_core::i18n::Catalogue::new(karvon_core::i18n::Lang::En);
    karvon_core::report::error_text(&cat, e)
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("karvon-server: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(Error::Publish(e)) => {
            eprintln!("karvon-server: {}", publish_error(&e));
            std::process::ExitCode::from(if e.is_bad_input() { 2 } else { 1 })
        }
        Err(e) => {
            eprintln!("karvon-server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
