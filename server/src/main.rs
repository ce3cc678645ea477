//! `karvon-server`: serves the sync API from SQLite in a data folder, or from PostgreSQL.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Parser;
use karvon_server::{router, serve, Error, Limits, PostgresStore, SqliteStore, Storage};

/// Karvon's sync server.
#[derive(Debug, Parser)]
#[command(name = "karvon-server", version, about)]
struct Cli {
    /// Folder for the SQLite database (default: the user's data folder, `karvon-server`).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// A PostgreSQL URL (`postgres://user@host:port/db`); SQLite when absent.
    #[arg(long, value_name = "URL")]
    database: Option<String>,
    /// PostgreSQL connections per process.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pool: usize,
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
