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
    if let Some(Cmd::Admin(cmd)) = &cli.command {
        return admin(&cli, cmd).await;
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
        Err(e) => {
            eprintln!("karvon-server: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
