//! A throwaway PostgreSQL cluster for the tests: `initdb` in a temp dir (as the `postgres`
//! user when running as root), started on a free loopback port with a private socket
//! directory, stopped on drop. Failing to start fails the test: it never skips.

use std::path::PathBuf;
use std::process::{Command, Output};

/// A running cluster.
#[derive(Debug)]
pub struct PgCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    as_postgres: bool,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

fn bin_dir() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.flatten()
                .filter_map(|e| {
                    let v = e.file_name().to_str()?.parse::<u32>().ok()?;
                    let b = e.path().join("bin");
                    b.join("initdb").exists().then_some((v, b))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
        .pop()
        .map(|(_, b)| b)
        .expect("PostgreSQL not found under /usr/lib/postgresql/*/bin")
}

fn id_of(args: &[&str]) -> String {
    let out = Command::new("id").args(args).output().expect("id");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

impl PgCluster {
    fn run(&self, tool: &str, args: &[&str]) -> Output {
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
            .expect("run a PostgreSQL tool")
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// Creates and starts a cluster.
    pub fn start() -> Self {
        let as_postgres = id_of(&["-u"]) == "0";
        let dir = tempfile::Builder::new()
            .prefix("karvon-e2e-pg-")
            .tempdir()
            .unwrap();
        std::fs::create_dir(dir.path().join("sock")).unwrap();
        if as_postgres {
            let uid: u32 = id_of(&["-u", "postgres"]).parse().expect("a postgres user");
            let gid: u32 = id_of(&["-g", "postgres"])
                .parse()
                .expect("a postgres group");
            for p in [dir.path().to_path_buf(), dir.path().join("sock")] {
                std::os::unix::fs::chown(&p, Some(uid), Some(gid)).unwrap();
            }
        }
        let mut c = Self {
            dir,
            bin: bin_dir(),
            as_postgres,
            port: 0,
        };
        let data = c.path("data");
        let out = c.run(
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
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        for _ in 0..5 {
            c.port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let opts = format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
                c.port,
                c.path("sock")
            );
            let log = c.path("log");
            let out = c.run(
                "pg_ctl",
                &[
                    "-D", &data, "-l", &log, "-o", &opts, "-w", "-t", "60", "start",
                ],
            );
            if out.status.success() {
                return c;
            }
        }
        panic!(
            "PostgreSQL did not start: {}",
            std::fs::read_to_string(c.path("log")).unwrap_or_default()
        );
    }

    /// The URL of a database of this cluster.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// Creates a database and returns its URL.
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
