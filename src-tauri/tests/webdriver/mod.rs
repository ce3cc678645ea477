//! A minimal WebDriver client over HTTP/1.1 (std only), and the harness that runs the app in a
//! real window: Xvfb, tauri-driver and WebKitWebDriver. Shared by the end-to-end tests and the
//! start-up benchmark. Every failure panics with what went wrong: a window that cannot start
//! fails the test, it is never skipped.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The key WebDriver uses for element references.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A free TCP port on localhost.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Stops a child: SIGTERM, up to three seconds to exit, then SIGKILL.
pub fn stop(child: &mut Child) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let until = Instant::now() + Duration::from_secs(3);
    while Instant::now() < until {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// An X display (Xvfb) and a tauri-driver on it; both stopped on drop.
#[derive(Debug)]
pub struct Harness {
    xvfb: Child,
    driver: Child,
    /// tauri-driver's port.
    pub port: u16,
    /// The display, e.g. `:107`.
    pub display: String,
}

fn tool(name: &str) -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default();
    let p = cargo_home.join("bin").join(name);
    if p.exists() {
        p
    } else {
        PathBuf::from(name)
    }
}

impl Harness {
    /// Starts Xvfb on a free display and tauri-driver with `env` (passed on to the app).
    pub fn start(env: &[(&str, &Path)]) -> Harness {
        let n = (100..400)
            .find(|n| {
                !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                    && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            })
            .expect("a free X display number");
        let display = format!(":{n}");
        let mut xvfb = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts (Debian package xvfb; `cargo xtask setup` installs it)");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let until = Instant::now() + Duration::from_secs(10);
        while !socket.exists() {
            if Instant::now() > until || matches!(xvfb.try_wait(), Ok(Some(_))) {
                stop(&mut xvfb);
                panic!("Xvfb did not open display {display}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let port = free_port();
        let native = free_port();
        let mut cmd = Command::new(tool("tauri-driver"));
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("DISPLAY", &display)
        .env("GDK_BACKEND", "x11")
        .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
        .env("NO_AT_BRIDGE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let driver = match cmd.spawn() {
            Ok(d) => d,
            Err(e) => {
                stop(&mut xvfb);
                panic!("tauri-driver starts (cargo install tauri-driver --version 2.1.0): {e}");
            }
        };
        let mut h = Harness {
            xvfb,
            driver,
            port,
            display,
        };
        let until = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > until || matches!(h.driver.try_wait(), Ok(Some(_))) {
                panic!("tauri-driver did not listen on port {port}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        h
    }

    /// Launches the app and opens a WebDriver session on its window.
    pub fn session(&self, app: &Path) -> Session {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": app.display().to_string()}
        }}});
        let mut last = Value::Null;
        // WebKitWebDriver may take a moment to accept sessions after tauri-driver listens.
        for _ in 0..20 {
            let v = http(self.port, "POST", "/session", Some(&caps));
            if let Some(id) = v["value"]["sessionId"].as_str() {
                return Session {
                    port: self.port,
                    id: id.to_owned(),
                };
            }
            last = v;
            std::thread::sleep(Duration::from_millis(500));
        }
        panic!("the app window did not start: {last}");
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        stop(&mut self.driver);
        stop(&mut self.xvfb);
    }
}

/// One HTTP/1.1 request with a JSON body; the JSON answer.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
    let body = body.map(Value::to_string).unwrap_or_default();
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return Value::Null;
    };
    s.set_read_timeout(Some(Duration::from_secs(120))).ok();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    if s.write_all(req.as_bytes()).is_err() {
        return Value::Null;
    }
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    // A session being deleted may close the connection without an answer.
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return Value::Null;
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let mut payload = raw[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        payload = dechunk(&payload);
    }
    serde_json::from_slice(&payload).unwrap_or(Value::Null)
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 || b.len() < eol + 2 + size {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[(eol + 4 + size).min(b.len())..];
    }
}

/// A WebDriver session: one app window.
#[derive(Debug)]
pub struct Session {
    port: u16,
    id: String,
}

/// A standard base64 decoder (screenshots come as base64 PNG).
fn base64(text: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in text.bytes().filter_map(val) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).unwrap_or(0));
        }
    }
    out
}

impl Session {
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let v = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.id),
            body.as_ref(),
        );
        v["value"].clone()
    }

    /// The first element matching a CSS selector, if any.
    pub fn try_find(&self, css: &str) -> Option<String> {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT].as_str().map(str::to_owned)
    }

    /// Waits (up to 20 s) for an element.
    pub fn find(&self, css: &str) -> String {
        let until = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(e) = self.try_find(css) {
                return e;
            }
            if Instant::now() > until {
                panic!("no element {css}{}", self.context());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// What the window shows now, for a failure message (and a screenshot in the target folder).
    fn context(&self) -> String {
        let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/e2e-failure.png");
        if let Some(png) = self.png() {
            let _ = std::fs::write(&shot, png);
        }
        let text = self.script(
            "const e = document.querySelector('#error'); const t = document.querySelector('#toast');
             return [e ? e.innerText : '', t ? t.innerText : '', document.querySelector('main').innerText.slice(0, 600)];",
            &[],
        );
        format!(
            "\n  window (error, toast, main): {text}\n  screenshot: {}",
            shot.display()
        )
    }

    /// How many elements match.
    pub fn count(&self, css: &str) -> usize {
        self.settle();
        self.script(
            "return document.querySelectorAll(arguments[0]).length",
            &[json!(css)],
        )
        .as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0)
    }

    /// Installs (once per page) a listener that remembers the target of the last click, and forgets
    /// the last one.
    const WATCH_CLICKS: &str = "if (!window.__karvonWatching) { window.__karvonWatching = true;
    document.addEventListener('click', e => { window.__karvonClicked = e.target; }, true); }
    window.__karvonClicked = null;";

    /// Clicks an element.
    pub fn click(&self, css: &str) {
        // The element may be re-rendered between finding and clicking it: find it again.
        let mut v = Value::Null;
        for _ in 0..5 {
            let e = self.find(css);
            // Centre it, so the sticky header never covers it.
            self.script(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})",
                &[json!(css)],
            );
            self.wait_uncovered(css);
            self.script(Self::WATCH_CLICKS, &[]);
            v = self.cmd("POST", &format!("/element/{e}/click"), Some(json!({})));
            if v.to_string().contains("stale") {
                std::thread::sleep(Duration::from_millis(100));
                continue;
            }
            if !v.is_null() || self.click_arrived() {
                break;
            }
            eprintln!("the click on {css} never reached the page: clicking again");
        }
        assert!(v.is_null(), "click {css}: {v}");
        self.settle();
    }

    /// Whether a click reached the page within 2 s. WebKitWebDriver reported done for a click
    /// that never came to the page in about one run in ten on a loaded machine; the page's own
    /// click listener is the witness. (A click that landed elsewhere is not repeated: the test
    /// then fails on what it expected, rather than act twice.)
    fn click_arrived(&self) -> bool {
        let until = Instant::now() + Duration::from_secs(2);
        loop {
            if self.script("return !!window.__karvonClicked", &[]) == Value::Bool(true) {
                return true;
            }
            if Instant::now() > until {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits (up to 5 s) until nothing covers the middle of an element, as a user waits for an
    /// overlay that is closing to go away before clicking what was under it. A click sent while
    /// a just-removed overlay was still being hit-tested was lost once in a few dozen runs.
    fn wait_uncovered(&self, css: &str) {
        let until = Instant::now() + Duration::from_secs(5);
        let script = "const e = document.querySelector(arguments[0]); if (!e) return true;
            const r = e.getBoundingClientRect();
            const h = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return !!h && (h === e || e.contains(h) || (h.tagName === 'LABEL' && h.contains(e)));";
        while self.script(script, &[json!(css)]) != Value::Bool(true) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types into an element (after clearing it).
    pub fn type_in(&self, css: &str, text: &str) {
        // Select all and delete, as a user would, so the page sees the field emptied (a bare
        // WebDriver clear fires no input event, and a re-render then put the old text back:
        // "twelve" + "12" became "twelve12"); then check the field says what was typed.
        for attempt in 0..3 {
            let e = self.find(css);
            self.cmd("POST", &format!("/element/{e}/clear"), Some(json!({})));
            // Ctrl+A (the modifier is released when the command ends), then Backspace, then
            // the text: each its own command.
            for keys in ["\u{E009}a", "\u{E003}", text] {
                let v = self.cmd(
                    "POST",
                    &format!("/element/{e}/value"),
                    Some(json!({ "text": keys })),
                );
                assert!(v.is_null(), "type into {css}: {v}");
            }
            self.settle();
            let now = self.script(
                "const e = document.querySelector(arguments[0]); return e ? e.value : null",
                &[json!(css)],
            );
            if now.as_str() == Some(text) {
                return;
            }
            eprintln!("{css} says {now} after typing {text:?} (attempt {attempt}): again");
        }
        panic!("could not type {text:?} into {css}{}", self.context());
    }

    /// Sets a form control's value as a user would (an `input` and a `change` event).
    pub fn set(&self, css: &str, value: &str) {
        self.find(css);
        self.script(
            "const e = document.querySelector(arguments[0]); e.value = arguments[1];
             e.dispatchEvent(new Event('input', {bubbles: true}));
             e.dispatchEvent(new Event('change', {bubbles: true}));",
            &[json!(css), json!(value)],
        );
        self.settle();
    }

    /// Sends a file to a file input.
    pub fn upload(&self, css: &str, file: &Path) {
        let e = self.find(css);
        let v = self.cmd(
            "POST",
            &format!("/element/{e}/value"),
            Some(json!({"text": file.display().to_string()})),
        );
        assert!(v.is_null(), "upload {} to {css}: {v}", file.display());
        self.settle();
    }

    /// An element's visible text.
    pub fn text(&self, css: &str) -> String {
        let e = self.find(css);
        self.cmd("GET", &format!("/element/{e}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Waits (up to 20 s) until an element's text satisfies `ok`; the text.
    pub fn wait_text(&self, css: &str, ok: impl Fn(&str) -> bool) -> String {
        let until = Instant::now() + Duration::from_secs(20);
        loop {
            let t = self
                .try_find(css)
                .map(|_| self.text(css))
                .unwrap_or_default();
            if ok(&t) {
                return t;
            }
            if Instant::now() > until {
                panic!("{css}: text stayed {t:?}{}", self.context());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `n` elements match.
    pub fn wait_count(&self, css: &str, n: usize) {
        let until = Instant::now() + Duration::from_secs(20);
        while self.count(css) != n {
            assert!(
                Instant::now() < until,
                "{css}: {} elements, not {n}{}",
                self.count(css),
                self.context()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits (up to 30 s) until no command is in flight and the page has rendered its answers:
    /// the UI keeps `window.__karvonBusy` at the number of commands not yet rendered.
    pub fn settle(&self) {
        let until = Instant::now() + Duration::from_secs(30);
        let mut idle = 0;
        while idle < 2 {
            let busy = self.script("return window.__karvonBusy || 0", &[]);
            idle = if busy.as_i64() == Some(0) {
                idle + 1
            } else {
                0
            };
            assert!(
                Instant::now() < until,
                "the window stayed busy ({busy}){}",
                self.context()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Runs a script in the page; its result.
    pub fn script(&self, script: &str, args: &[Value]) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// The window as a PNG, if WebKitWebDriver takes one.
    fn png(&self) -> Option<Vec<u8>> {
        // WebKitWebDriver takes the picture at the next paint, and a page with nothing to
        // scroll and nothing changing never paints again: keep it painting (an invisible
        // opacity flicker, at most two seconds) while the picture is taken, and no longer.
        for _ in 0..3 {
            self.script(
                "const r = document.documentElement; let n = 0; window.__karvonFlicker = true;
                 const tick = () => {
                     if (!window.__karvonFlicker || ++n > 40) { r.style.opacity = ''; return; }
                     r.style.opacity = n % 2 ? '' : '0.999'; setTimeout(tick, 50); };
                 tick();",
                &[],
            );
            let v = self.cmd("GET", "/screenshot", None);
            // Stop at once: a page still flickering lost clicks and read as empty text.
            self.script(
                "window.__karvonFlicker = false; document.documentElement.style.opacity = '';",
                &[],
            );
            let png = base64(v.as_str().unwrap_or_default());
            if png.starts_with(b"\x89PNG") {
                return Some(png);
            }
            eprintln!("screenshot not taken ({v}); again");
        }
        None
    }

    /// Saves a screenshot of the window as PNG.
    pub fn screenshot(&self, file: &Path) {
        let png = self.png();
        assert!(png.is_some(), "a PNG screenshot for {}", file.display());
        let png = png.unwrap_or_default();
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).expect("screenshot folder");
        }
        std::fs::write(file, png).expect("write the screenshot");
    }

    /// Closes the window and the app.
    pub fn close(self) {
        http(self.port, "DELETE", &format!("/session/{}", self.id), None);
    }
}
