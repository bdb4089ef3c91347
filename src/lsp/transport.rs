//! A guard in front of the JSON-RPC reader. tower-lsp-server trusts every
//! `Content-Length` and stops reading at the first frame it cannot decode,
//! so one bad frame would leave the server deaf. This reads the frames
//! itself and passes the good ones on unchanged:
//!
//! - A frame whose `Content-Length` is wrong (a client counting characters
//!   instead of bytes, a length too long or absurdly large, none at all) is
//!   still read when its body is one JSON value followed by the next header
//!   or by nothing: the JSON says where the message ends.
//! - Anything else that is not a frame (bytes outside frames, a body that
//!   is not JSON, a header without a usable length) becomes one request for
//!   [`INVALID`], whose handler answers with the JSON-RPC error (`-32700`
//!   parse error, `-32600` invalid request), and reading resynchronises at
//!   the next `Content-Length:` header.
//! - Headers may end lines with LF alone.
//! - A request for an unknown `$/` method is answered with MethodNotFound
//!   (tower-lsp-server answers nothing to any `$/` method).
//!
//! The buffer never holds more than one frame (at most [`MAX_BODY`]) plus
//! a few bytes, and the work per byte read is constant: a long body is
//! re-parsed only when what arrived could end it (a closing bracket last,
//! or a header).

use serde::de::IgnoredAny;
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The internal method a bad frame becomes.
pub const INVALID: &str = "minutes/invalidMessage";

/// Frames larger than this are refused (and their bytes skipped as garbage).
pub const MAX_BODY: usize = 512 << 20;

/// A header line longer than this is not a header.
const MAX_HEADER: usize = 4096;

/// What the reader found next.
#[derive(Debug, PartialEq)]
enum Frame {
    /// More bytes are needed.
    Incomplete,
    /// A message body, and a note when its frame was not as declared.
    Body(Vec<u8>, Option<String>),
    /// Bytes that are not a frame were skipped; why.
    Garbage(String),
}

/// Where the reader is: looking for a header, or reading a body.
#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Header,
    /// The body starts at `buf[0]`; `declared` is its `Content-Length`
    /// (`None` when missing or unusable); bytes before `checked` hold no
    /// header and no byte that could end a JSON value.
    Body { declared: Option<usize>, checked: usize },
}

struct Reader {
    buf: Vec<u8>,
    state: State,
    /// Skipped garbage has been reported since the last frame.
    garbage_reported: bool,
}

impl Default for Reader {
    fn default() -> Self {
        Reader { buf: Vec::new(), state: State::Header, garbage_reported: false }
    }
}

/// The position of the next `Content-Length` or `Content-Type` header name
/// (any case, followed by optional spaces and a colon) at or after `from`.
fn find_header(buf: &[u8], from: usize) -> Option<usize> {
    const NAMES: [&[u8]; 2] = [b"content-length", b"content-type"];
    let mut i = from;
    while i < buf.len() {
        if buf[i] == b'c' || buf[i] == b'C' {
            for name in NAMES {
                if buf.len() >= i + name.len() && buf[i..i + name.len()].eq_ignore_ascii_case(name) {
                    let mut j = i + name.len();
                    while j < buf.len() && buf[j] == b' ' {
                        j += 1;
                    }
                    if j < buf.len() && buf[j] == b':' {
                        return Some(i);
                    }
                }
            }
        }
        i += 1;
    }
    None
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Whether `bytes` are exactly one JSON value (white space around it allowed).
fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<IgnoredAny>(bytes).is_ok()
}

/// How the JSON value at the start of `bytes` ends.
enum ValueEnd {
    /// It ends before this offset.
    At(usize),
    /// The bytes end inside it.
    Unfinished,
    /// It is not JSON.
    Invalid,
}

fn value_end(bytes: &[u8]) -> ValueEnd {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<IgnoredAny>();
    match values.next() {
        Some(Ok(_)) => ValueEnd::At(values.byte_offset()),
        Some(Err(e)) if e.is_eof() => ValueEnd::Unfinished,
        None => ValueEnd::Unfinished,
        Some(Err(_)) => ValueEnd::Invalid,
    }
}

impl Reader {
    fn next(&mut self) -> Frame {
        match self.state {
            State::Header => self.header(),
            State::Body { declared, checked } => self.body(declared, checked),
        }
    }

    /// Skips `n` bytes that are not part of any frame, reporting once per run.
    fn skip_garbage(&mut self, n: usize, why: &str) -> Option<Frame> {
        let junk = !is_blank(&self.buf[..n]);
        self.buf.drain(..n);
        if junk && !self.garbage_reported {
            self.garbage_reported = true;
            return Some(Frame::Garbage(why.to_string()));
        }
        None
    }

    fn header(&mut self) -> Frame {
        let Some(at) = find_header(&self.buf, 0) else {
            // no header yet: keep only a tail that could start one
            let keep = self.buf.len().min(24);
            let n = self.buf.len() - keep;
            return self.skip_garbage(n, "bytes outside a frame").unwrap_or(Frame::Incomplete);
        };
        if at > 0 {
            if let Some(f) = self.skip_garbage(at, "bytes before a frame header") {
                return f;
            }
        }
        // header lines up to an empty line; LF or CRLF
        let mut declared = None;
        let mut line_start = 0;
        loop {
            let Some(nl) = self.buf[line_start..].iter().position(|b| *b == b'\n') else {
                if self.buf.len() - line_start > MAX_HEADER {
                    self.buf.drain(..1);
                    return Frame::Garbage("a frame header that does not end".into());
                }
                return Frame::Incomplete;
            };
            let line = &self.buf[line_start..line_start + nl];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            line_start += nl + 1;
            if line.is_empty() {
                break;
            }
            let text = String::from_utf8_lossy(line).into_owned();
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    declared = value.trim().parse::<usize>().ok().filter(|n| *n <= MAX_BODY);
                }
                Some((name, _)) if name.trim().eq_ignore_ascii_case("content-type") => {}
                _ => {
                    // not a header line: this was no header; look further on
                    self.buf.drain(..1);
                    self.garbage_reported = true;
                    return Frame::Garbage(format!("a malformed frame header line: {:?}", text.chars().take(80).collect::<String>()));
                }
            }
        }
        self.buf.drain(..line_start);
        self.garbage_reported = false;
        self.state = State::Body { declared, checked: 0 };
        self.next()
    }

    fn body(&mut self, declared: Option<usize>, checked: usize) -> Frame {
        // the usual case: the declared length holds one JSON value
        if let Some(n) = declared {
            if self.buf.len() >= n && is_json(&self.buf[..n]) {
                return self.take(n, None);
            }
        }
        // Otherwise the JSON says where the message ends. Look only when a
        // byte that could end it, or a header, arrived since the last look.
        let ends_in_closer = self.buf.len() > checked
            && self.buf.iter().rev().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| *b == b'}' || *b == b']');
        let worth_a_look = declared.is_some_and(|n| self.buf.len() >= n)
            || ends_in_closer
            || find_header(&self.buf, checked.saturating_sub(20)).is_some();
        if !worth_a_look {
            self.state = State::Body { declared, checked: self.buf.len() };
            return Frame::Incomplete;
        }
        let note = |len: usize| match declared {
            Some(n) => format!("a frame whose Content-Length ({n}) is not its length ({len})"),
            None => format!("a frame without a usable Content-Length ({len} bytes)"),
        };
        match value_end(&self.buf) {
            ValueEnd::At(end) => {
                let rest = &self.buf[end..];
                let after = rest.iter().position(|b| !b.is_ascii_whitespace());
                match after {
                    // the value is followed by nothing yet, or by the next header
                    None => return self.take(end, Some(note(end))),
                    Some(i) if find_header(rest, i) == Some(i) => return self.take(end, Some(note(end))),
                    Some(_) => {}
                }
                // a value followed by other bytes: when the declared length
                // is there, the frame is bad
                if declared.is_some_and(|n| self.buf.len() < n) {
                    return self.wait(declared);
                }
                self.bad_body()
            }
            ValueEnd::Unfinished => {
                // a declared length reached, and the next header after it:
                // the body is cut short
                if let Some(n) = declared.filter(|n| self.buf.len() >= *n) {
                    if find_header(&self.buf, n).is_some() || self.buf.len() > n + MAX_HEADER {
                        return self.bad_body();
                    }
                }
                if self.buf.len() > MAX_BODY {
                    return self.bad_body();
                }
                self.wait(declared)
            }
            ValueEnd::Invalid => self.bad_body(),
        }
    }

    fn wait(&mut self, declared: Option<usize>) -> Frame {
        self.state = State::Body { declared, checked: self.buf.len() };
        Frame::Incomplete
    }

    fn take(&mut self, n: usize, note: Option<String>) -> Frame {
        let body: Vec<u8> = self.buf.drain(..n).collect();
        // a 100 MB frame must not keep 100 MB for good
        if self.buf.capacity() > 1 << 20 && self.buf.len() < 1 << 16 {
            self.buf.shrink_to(1 << 16);
        }
        self.state = State::Header;
        self.garbage_reported = false;
        Frame::Body(body, note)
    }

    /// The body is not a message: skip to the next header.
    fn bad_body(&mut self) -> Frame {
        // no header yet: keep a tail that could be the start of one
        let next = find_header(&self.buf, 1).unwrap_or(self.buf.len().saturating_sub(24).max(1).min(self.buf.len()));
        self.buf.drain(..next);
        self.state = State::Header;
        self.garbage_reported = true;
        Frame::Garbage("a frame whose body is not one JSON message".into())
    }
}

fn valid_id(id: &Value) -> bool {
    id.is_null() || id.is_string() || id.as_i64().is_some()
}

/// Checks one body; returns it unchanged, or the request that reports it.
fn check(body: Vec<u8>) -> Vec<u8> {
    let text = match std::str::from_utf8(&body) {
        Ok(t) => t,
        Err(e) => return invalid(Value::Null, -32700, format!("the message is not UTF-8 (at byte {})", e.valid_up_to())),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return invalid(Value::Null, -32700, format!("the message is not JSON: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return invalid(Value::Null, -32600, "a message must be a JSON object (batches are not supported)".into());
    };
    let id = obj.get("id").cloned();
    if id.as_ref().is_some_and(|i| !valid_id(i)) {
        return invalid(Value::Null, -32600, "the id must be an integer, a string or null".into());
    }
    let has_id = id.is_some();
    let id = id.unwrap_or(Value::Null);
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid(id, -32600, "the message must say \"jsonrpc\": \"2.0\"".into());
    }
    let method = obj.get("method");
    let is_request = method.is_some_and(Value::is_string);
    let is_response = has_id && (obj.contains_key("result") || obj.contains_key("error")) && method.is_none();
    if method.is_some_and(|m| !m.is_string()) || (!is_request && !is_response) {
        return invalid(id, -32600, "neither a request, a notification nor a response".into());
    }
    if is_response && obj.get("error").is_some_and(|e| serde_json::from_value::<tower_lsp_server::jsonrpc::Error>(e.clone()).is_err()) {
        return invalid(Value::Null, -32600, "a response whose error is malformed".into());
    }
    if let Some(name) = method.and_then(Value::as_str).filter(|m| has_id && m.starts_with("$/")) {
        return invalid(id, -32601, format!("no method “{name}”"));
    }
    body
}

fn invalid(id: Value, code: i64, message: String) -> Vec<u8> {
    serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": INVALID, "params": {"code": code, "message": message}}))
        .unwrap_or_default()
}

fn is_exit(body: &[u8]) -> bool {
    serde_json::from_slice::<Value>(body).is_ok_and(|v| v.get("method").and_then(Value::as_str) == Some("exit") && v.get("id").is_none())
}

async fn write_frame<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
    out.write_all(body).await?;
    out.flush().await
}

/// Copies frames from `input` to `out`, replacing bad frames by [`INVALID`]
/// requests, until `input` ends or the client's `exit` has been passed on.
pub async fn sanitize<R: AsyncRead + Unpin, W: AsyncWrite + Unpin>(mut input: R, mut out: W) {
    let mut reader = Reader::default();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        loop {
            let (body, exit) = match reader.next() {
                Frame::Incomplete => break,
                Frame::Body(b, note) => {
                    if let Some(note) = note {
                        eprintln!("minutes lsp: read {note}");
                    }
                    let exit = b.len() < 256 && is_exit(&b);
                    (check(b), exit)
                }
                Frame::Garbage(why) => {
                    eprintln!("minutes lsp: skipped {why}");
                    (invalid(Value::Null, -32700, format!("skipped {why}")), false)
                }
            };
            if write_frame(&mut out, &body).await.is_err() || exit {
                return;
            }
        }
        match input.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => reader.buf.extend_from_slice(&chunk[..n]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the server would see for `input`, read in pieces of `step` bytes.
    fn frames_in_steps(input: &[u8], step: usize) -> Vec<Value> {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let (mut tx, rx) = tokio::io::duplex(64);
        let mut out = Vec::new();
        let input = input.to_vec();
        rt.block_on(async {
            let feed = async move {
                for piece in input.chunks(step.max(1)) {
                    if tx.write_all(piece).await.is_err() {
                        break; // the guard stopped reading (after exit)
                    }
                }
                drop(tx);
            };
            tokio::join!(feed, sanitize(rx, &mut out));
        });
        let mut r = Reader { buf: out, ..Default::default() };
        let mut v = Vec::new();
        while let Frame::Body(b, None) = r.next() {
            v.push(serde_json::from_slice(&b).unwrap());
        }
        assert!(r.buf.is_empty(), "the guard writes well-formed frames only");
        v
    }

    fn frames(input: &[u8]) -> Vec<Value> {
        let whole = frames_in_steps(input, input.len());
        for step in [1, 7, 100] {
            assert_eq!(frames_in_steps(input, step), whole, "read {step} bytes at a time");
        }
        whole
    }

    fn frame(body: &[u8]) -> Vec<u8> {
        let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        f.extend_from_slice(body);
        f
    }

    fn with_length(len: &str, body: &[u8]) -> Vec<u8> {
        let mut f = format!("Content-Length: {len}\r\n\r\n").into_bytes();
        f.extend_from_slice(body);
        f
    }

    const SHUTDOWN: &[u8] = br#"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"#;

    fn methods(v: &[Value]) -> Vec<String> {
        v.iter().map(|m| m["method"].as_str().unwrap_or("").to_string()).collect()
    }

    #[test]
    fn passes_good_frames_and_reports_bad_ones() {
        let mut input = frame(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#);
        input.extend(frame(b"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"x\",\"params\":\"\xff\xfe\"}"));
        input.extend(frame(b"not json"));
        input.extend(b"garbage\r\n\r\n");
        input.extend(frame(br#"{"jsonrpc":"2.0","id":3.5,"method":"x"}"#));
        input.extend(frame(br#"{"jsonrpc":"2.0","id":4}"#));
        input.extend(frame(br#"{"jsonrpc":"2.0","method":"exit"}"#));
        let out = frames(&input);
        // "not json" and the garbage after it are one run of bytes skipped
        assert_eq!(out.len(), 6, "{out:?}");
        assert_eq!(out[0]["method"], "shutdown");
        for (i, code) in [(1, -32700), (2, -32700), (3, -32600), (4, -32600)] {
            assert_eq!(out[i]["method"], INVALID, "{i}");
            assert_eq!(out[i]["params"]["code"], code, "{i}");
        }
        assert_eq!(out[4]["id"], 4);
        assert_eq!(out[5]["method"], "exit");
    }

    #[test]
    fn a_length_counted_in_characters_still_reads_the_message() {
        let body = r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"text":"Café"}}"#;
        let mut input = with_length(&body.chars().count().to_string(), body.as_bytes());
        input.extend(frame(SHUTDOWN));
        let out = frames(&input);
        assert_eq!(methods(&out), ["textDocument/didOpen", "shutdown"]);
        assert_eq!(out[0]["params"]["text"], "Café");
    }

    #[test]
    fn a_length_too_long_or_huge_or_missing_resynchronises() {
        let open = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        for len in [(open.len() + 1).to_string(), (open.len() + 5000).to_string(), "99999999999999999999".into(), "abc".into()] {
            let mut input = with_length(&len, open);
            input.extend(frame(SHUTDOWN));
            assert_eq!(methods(&frames(&input)), ["initialized", "shutdown"], "Content-Length: {len}");
        }
        let mut input = b"Content-Type: application/vscode-jsonrpc\r\n\r\n".to_vec();
        input.extend(open);
        input.extend(frame(SHUTDOWN));
        assert_eq!(methods(&frames(&input)), ["initialized", "shutdown"]);
    }

    #[test]
    fn a_frame_too_long_for_a_waiting_client_is_read_at_once() {
        // the client sends one frame and waits: its value is complete
        let out = frames(&with_length("1000", SHUTDOWN));
        assert_eq!(methods(&out), ["shutdown"]);
    }

    #[test]
    fn a_body_cut_short_is_reported_and_the_next_frame_read() {
        let mut input = with_length("20", br#"{"jsonrpc":"2.0","method":"#);
        input.extend(frame(SHUTDOWN));
        let out = frames(&input);
        assert_eq!(methods(&out), [INVALID, "shutdown"]);
        assert_eq!(out[0]["params"]["code"], -32700);
    }

    #[test]
    fn lf_only_headers_are_read() {
        let mut input = format!("Content-Length: {}\n\n", SHUTDOWN.len()).into_bytes();
        input.extend(SHUTDOWN);
        assert_eq!(methods(&frames(&input)), ["shutdown"]);
    }

    #[test]
    fn garbage_is_reported_once_and_skipped() {
        let mut input = vec![b'x'; 200_000];
        input.extend(b"\r\n\r\nContent-Length nonsense\r\n");
        input.extend(frame(SHUTDOWN));
        let out = frames_in_steps(&input, 1 << 16);
        assert_eq!(methods(&out).last().map(String::as_str), Some("shutdown"));
        assert!(out.len() <= 3, "{out:?}");
        assert!(out[..out.len() - 1].iter().all(|m| m["method"] == INVALID));
    }

    #[test]
    fn unknown_dollar_requests_get_method_not_found() {
        let mut input = frame(br#"{"jsonrpc":"2.0","id":7,"method":"$/something"}"#);
        input.extend(frame(br#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#));
        let out = frames(&input);
        assert_eq!(out[0]["method"], INVALID);
        assert_eq!(out[0]["id"], 7);
        assert_eq!(out[0]["params"]["code"], -32601);
        assert_eq!(out[1]["method"], "$/setTrace");
    }

    #[test]
    fn a_body_holding_header_text_is_one_message() {
        let body = br#"{"jsonrpc":"2.0","method":"x","params":{"text":"Content-Length: 3}"}}"#;
        let mut input = frame(body);
        input.extend(frame(SHUTDOWN));
        assert_eq!(methods(&frames(&input)), ["x", "shutdown"]);
    }

    #[test]
    fn reading_stops_after_exit() {
        let mut input = frame(br#"{"jsonrpc":"2.0","method":"exit"}"#);
        input.extend(frame(SHUTDOWN));
        assert_eq!(methods(&frames(&input)), ["exit"]);
    }
}
