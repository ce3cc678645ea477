//! A throwaway PostgreSQL cluster: initdb in a temp dir (as the `postgres` user when the tests
//! run as root), started on a free loopback port with a private socket directory, stopped on drop.
//! Starting it fails the test loudly: PostgreSQL tests never skip.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster.
#[derive(Debug)]
pub struct PgCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
    pub port: u16,
}

fn find_bin() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.flatten()
                .map(|e| e.path().join("bin"))
                .filter(|b| b.join("pg_ctl").exists() && b.join("initdb").exists())
                .collect()
        })
        .unwrap_or_default();
    // Highest major version last.
    found.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    found.pop().unwrap_or_else(|| {
        panic!(
            "PostgreSQL not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql"
        )
    })
}

fn id(args: &[&str]) -> String {
    let out = Command::new("id").args(args).output().expect("run id");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl PgCluster {
    fn run(&self, tool: &str, args: &[&str]) -> std::process::Output {
        let exe = self.bin.join(tool);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()))
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// Creates and starts a cluster; panics (failing the test) when it cannot.
    pub fn start() -> Self {
        let bin = find_bin();
        let as_postgres = id(&["-u"]) == "0";
        let dir = tempfile::Builder::new()
            .prefix("karvon-pg-")
            .tempdir()
            .unwrap();
        std::fs::create_dir(dir.path().join("sock")).unwrap();
        if as_postgres {
            let uid: u32 = id(&["-u", "postgres"]).parse().expect("a postgres user");
            let gid: u32 = id(&["-g", "postgres"]).parse().expect("a postgres group");
            for p in [dir.path().to_path_buf(), dir.path().join("sock")] {
                std::os::unix::fs::chown(&p, Some(uid), Some(gid)).unwrap();
            }
        }
        let mut cluster = Self {
            dir,
            bin,
            as_postgres,
            port: 0,
        };
        let data = cluster.path("data");
        let out = cluster.run(
            "initdb",
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
                "--locale=C",
            ],
        );
        assert!(
            out.status.success(),
            "initdb failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        for _ in 0..5 {
            cluster.port = free_port();
            let opts = format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                cluster.port,
                cluster.path("sock")
            );
            let log = cluster.path("log");
            let out = cluster.run(
                "pg_ctl",
                &[
                    "-D", &data, "-l", &log, "-o", &opts, "-w", "-t", "60", "start",
                ],
            );
            if out.status.success() {
                return cluster;
            }
        }
        let log = std::fs::read_to_string(Path::new(&cluster.path("log"))).unwrap_or_default();
        panic!("PostgreSQL did not start: {log}");
    }

    /// A URL for a database of this cluster.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// Creates a fresh database and returns its URL.
    pub async fn create_db(&self, name: &str) -> String {
        let (client, conn) = tokio_postgres::connect(&self.url("postgres"), tokio_postgres::NoTls)
            .await
            .expect("connect to the test cluster");
        let task = tokio::spawn(conn);
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await
            .unwrap();
        drop(client);
        let _ = task.await;
        self.url(name)
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.path("data");
        let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
    }
}
