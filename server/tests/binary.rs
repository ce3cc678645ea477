//! The `karvon-server` binary with no storage flags serves from a SQLite file in its data folder.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

#[test]
fn the_binary_serves_from_a_sqlite_file_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_karvon-server"))
        .arg("--data")
        .arg(dir.path())
        .arg("--listen")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(
        line.contains(&format!("127.0.0.1:{port}")) && line.contains("sqlite"),
        "{line}"
    );
    assert!(dir.path().join("karvon-server.sqlite3").exists());
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .unwrap();
    let mut reply = String::new();
    s.read_to_string(&mut reply).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(reply.contains(r#""backend":"sqlite""#), "{reply}");
}

#[test]
fn a_bad_database_url_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_karvon-server"))
        .args([
            "--database",
            "postgres://nobody@127.0.0.1:1/none",
            "--listen",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("postgres storage failed"), "{err}");
}
