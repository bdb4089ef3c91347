//! A small LSP client over the real `minutes lsp` binary's stdio.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests not yet looked at.
    pub queue: VecDeque<Value>,
}

/// A file of `tests/fixtures/`.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn uri_of(path: &std::path::Path) -> String {
    let p = path.canonicalize().unwrap_or(path.to_path_buf());
    format!("file://{}", p.display())
}

impl Client {
    pub fn start() -> Client {
        Client::start_binary(std::path::Path::new(env!("CARGO_BIN_EXE_minutes")))
    }

    /// Starts `minutes lsp` from another build of the binary.
    pub fn start_binary(binary: &std::path::Path) -> Client {
        let mut child = Command::new(binary)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start minutes lsp");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("server sends JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Client { child, stdin, rx, next_id: 0, queue: VecDeque::new() }
    }

    /// Starts and initializes; `utf8` offers UTF-8 positions.
    pub fn initialized(utf8: bool, root: Option<&std::path::Path>, options: Value) -> (Client, Value) {
        let encodings = if utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) };
        Client::initialized_with(json!({ "general": { "positionEncodings": encodings } }), root, options)
    }

    /// Starts and initializes with the client capabilities `capabilities`.
    pub fn initialized_with(capabilities: Value, root: Option<&std::path::Path>, options: Value) -> (Client, Value) {
        let mut c = Client::start();
        let folders = root.map(|r| json!([{ "uri": uri_of(r), "name": "ws" }])).unwrap_or(Value::Null);
        let result = c.request("initialize", json!({
            "processId": null, "rootUri": null, "capabilities": capabilities,
            "workspaceFolders": folders, "initializationOptions": options,
        }));
        c.notify("initialized", json!({}));
        (c, result)
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    pub fn send(&mut self, v: &Value) {
        let body = serde_json::to_vec(v).unwrap();
        let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        frame.extend(body);
        self.send_raw(&frame);
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    fn recv(&mut self, deadline: Instant) -> Value {
        match self.rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(v) => v,
            Err(RecvTimeoutError::Timeout) => panic!("no answer from the server in time"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server exited"),
        }
    }

    /// The whole response (result or error) to request `id`. Requests are
    /// answered concurrently, so the response may already be queued behind
    /// one read while waiting for another.
    pub fn response(&mut self, id: &Value) -> Value {
        if let Some(i) = self.queue.iter().position(|v| v.get("method").is_none() && v.get("id") == Some(id)) {
            return self.queue.remove(i).unwrap();
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let v = self.recv(deadline);
            if v.get("method").is_none() && v.get("id") == Some(id) {
                return v;
            }
            self.queue.push_back(v);
        }
    }

    /// The result of a request; panics on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        let r = self.response(&json!(id));
        if let Some(e) = r.get("error") {
            panic!("{method} failed: {e}");
        }
        r["result"].clone()
    }

    /// Waits for a notification `method` satisfying `pred`.
    pub fn notification(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.queue.iter().position(|v| v["method"] == method && pred(&v["params"])) {
            return self.queue.remove(i).unwrap()["params"].clone();
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let v = self.recv(deadline);
            if v["method"] == method && pred(&v["params"]) {
                return v["params"].clone();
            }
            self.queue.push_back(v);
        }
    }

    /// Waits for any message satisfying `pred` (an error with a null id,
    /// which no request of ours is waiting for), leaving it in the queue.
    #[allow(dead_code)] // not every suite that shares this module uses it
    pub fn message(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(v) = self.queue.iter().find(|v| pred(v)) {
            return v.clone();
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let v = self.recv(deadline);
            self.queue.push_back(v.clone());
            if pred(&v) {
                return v;
            }
        }
    }

    pub fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "minutes", "version": 1, "text": text}}));
        self.notification("textDocument/publishDiagnostics", |p| p["uri"] == uri && p["version"] == 1)
    }

    /// Closes the server's standard input, as a client that goes away.
    pub fn close_stdin(&mut self) {
        self.stdin = None;
    }

    /// Waits up to `limit` for the server to exit; its exit code.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<Option<i32>> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Ok(Some(s)) = self.child.try_wait() {
                return Some(s.code());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().map(|s| s.is_none()).unwrap_or(false)
    }

    /// shutdown + exit; returns the exit code.
    pub fn stop(mut self) -> Option<i32> {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        match self.wait_exit(Duration::from_secs(10)) {
            Some(code) => code,
            None => {
                let _ = self.child.kill();
                None
            }
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
