//! A TCP proxy that breaks HTTP exchanges on purpose. It reads each request whole, then picks
//! a fault: pass it on, drop the connection before the server sees it, forward it and drop the
//! reply (after the server committed), delay it, cut the reply body short, answer 503 itself,
//! or forward it and answer 500 (the server committed, the client sees a failure).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the proxy did to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Passed through.
    Pass,
    /// Connection closed before forwarding.
    DropBefore,
    /// Forwarded; the reply was thrown away and the connection closed.
    DropAfter,
    /// Passed through after a delay.
    Delay,
    /// Forwarded; half of the reply body sent, then the connection closed.
    Truncate,
    /// Not forwarded; a 503 problem returned.
    Unavailable,
    /// Forwarded; a 500 returned instead of the reply.
    InternalAfter,
}

/// Counts of each fault.
#[derive(Debug, Default)]
pub struct Stats {
    counts: Mutex<Vec<(Fault, u64)>>,
}

impl Stats {
    fn add(&self, f: Fault) {
        let mut c = self.counts.lock().unwrap();
        match c.iter_mut().find(|(k, _)| *k == f) {
            Some((_, n)) => *n += 1,
            None => c.push((f, 1)),
        }
    }

    /// How often `f` happened.
    pub fn count(&self, f: Fault) -> u64 {
        self.counts
            .lock()
            .unwrap()
            .iter()
            .find(|(k, _)| *k == f)
            .map_or(0, |(_, n)| *n)
    }
}

/// A running proxy.
#[derive(Debug)]
pub struct FaultProxy {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// Whether faults are injected (off: everything passes).
    pub enabled: Arc<AtomicBool>,
    /// What happened.
    pub stats: Arc<Stats>,
    stop: Arc<AtomicBool>,
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn next(state: &AtomicU64) -> u64 {
    let mut x = state.load(Ordering::Relaxed);
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    state.store(x, Ordering::Relaxed);
    x
}

/// Reads one HTTP message (headers and a `content-length` body); `None` at a clean end.
fn read_message(s: &mut TcpStream) -> Option<(Vec<u8>, usize)> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => buf.push(byte[0]),
            _ => return None,
        }
        if buf.len() > 64 * 1024 {
            return None;
        }
    }
    let head = String::from_utf8_lossy(&buf).to_ascii_lowercase();
    let len = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let head_len = buf.len();
    buf.resize(head_len + len, 0);
    s.read_exact(&mut buf[head_len..]).ok()?;
    Some((buf, head_len))
}

fn problem(status: u16, code: &str) -> Vec<u8> {
    let body = format!(
        "{{\"type\":\"urn:karvon:problem:{code}\",\"title\":\"x\",\"status\":{status},\"detail\":\"proxy\",\"code\":\"{code}\"}}"
    );
    format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/problem+json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn forward(upstream: u16, request: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut up = TcpStream::connect(("127.0.0.1", upstream)).ok()?;
    up.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    up.write_all(request).ok()?;
    read_message(&mut up)
}

fn serve(mut client: TcpStream, upstream: u16, seed: &AtomicU64, on: &AtomicBool, stats: &Stats) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(30)));
    while let Some((request, _)) = read_message(&mut client) {
        let roll = next(seed) % 100;
        let fault = if !on.load(Ordering::Relaxed) {
            Fault::Pass
        } else {
            match roll {
                0..=49 => Fault::Pass,
                50..=57 => Fault::DropBefore,
                58..=65 => Fault::DropAfter,
                66..=73 => Fault::Delay,
                74..=81 => Fault::Truncate,
                82..=90 => Fault::Unavailable,
                _ => Fault::InternalAfter,
            }
        };
        stats.add(fault);
        match fault {
            Fault::DropBefore => break,
            Fault::Unavailable => {
                if client
                    .write_all(&problem(503, "server-unavailable"))
                    .is_err()
                {
                    break;
                }
                continue;
            }
            Fault::Delay => std::thread::sleep(Duration::from_millis(1 + next(seed) % 30)),
            _ => {}
        }
        let Some((reply, head_len)) = forward(upstream, &request) else {
            break;
        };
        let sent = match fault {
            Fault::DropAfter => break,
            Fault::Truncate => {
                let cut = head_len + (reply.len() - head_len) / 2;
                let _ = client.write_all(&reply[..cut]);
                break;
            }
            Fault::InternalAfter => client.write_all(&problem(500, "server-internal")),
            _ => client.write_all(&reply),
        };
        if sent.is_err() {
            break;
        }
    }
    let _ = client.shutdown(Shutdown::Both);
}

impl FaultProxy {
    /// A proxy in front of `upstream_port`, faults chosen by a generator seeded with `seed`.
    pub fn start(upstream_port: u16, seed: u64) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let enabled = Arc::new(AtomicBool::new(true));
        let stats = Arc::new(Stats::default());
        let stop = Arc::new(AtomicBool::new(false));
        let state = Arc::new(AtomicU64::new(seed.max(1)));
        let (on, st, halt) = (enabled.clone(), stats.clone(), stop.clone());
        std::thread::spawn(move || {
            while !halt.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((client, _)) => {
                        let _ = client.set_nonblocking(false);
                        let (on, st, state) = (on.clone(), st.clone(), state.clone());
                        std::thread::spawn(move || serve(client, upstream_port, &state, &on, &st));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(1)),
                }
            }
        });
        Self {
            url: format!("http://127.0.0.1:{port}"),
            enabled,
            stats,
            stop,
        }
    }
}
