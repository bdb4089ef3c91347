//! A guard in front of the JSON-RPC reader. tower-lsp-server stops reading
//! at the first frame it cannot decode (invalid UTF-8, bad JSON, a body that
//! is neither request nor response), which would end the server. This
//! reads the frames itself, passes on the good ones unchanged, and turns
//! each bad one into a request for [`INVALID`], whose handler answers with
//! the JSON-RPC error (`-32700` parse error or `-32600` invalid request).

use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The internal method a bad frame becomes.
pub const INVALID: &str = "minutes/invalidMessage";

/// Frames larger than this are refused (and their bytes skipped as garbage).
const MAX_BODY: usize = 1 << 30;

enum Frame {
    Incomplete,
    Body(Vec<u8>),
    Garbage(String),
}

#[derive(Default)]
struct Reader {
    buf: Vec<u8>,
    /// Where the body of the current frame starts and how long it is.
    pending: Option<(usize, usize)>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Reader {
    fn next(&mut self) -> Frame {
        if let Some((start, len)) = self.pending {
            if self.buf.len() < start + len {
                return Frame::Incomplete;
            }
            let body = self.buf[start..start + len].to_vec();
            self.buf.drain(..start + len);
            self.pending = None;
            return Frame::Body(body);
        }
        let Some(end) = find(&self.buf, b"\r\n\r\n") else {
            if self.buf.len() > 64 * 1024 {
                // no header in sight: drop all but the tail
                let keep = self.buf.len() - 16;
                self.buf.drain(..keep);
                return Frame::Garbage("bytes outside a frame".into());
            }
            return Frame::Incomplete;
        };
        let header = String::from_utf8_lossy(&self.buf[..end]).into_owned();
        let mut length = None;
        let mut junk = false;
        for line in header.split("\r\n") {
            match line.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => length = value.trim().parse::<usize>().ok(),
                Some((name, _)) if name.trim().eq_ignore_ascii_case("content-type") => {}
                _ => junk = true,
            }
        }
        match length {
            Some(len) if len <= MAX_BODY => {
                self.pending = Some((end + 4, len));
                if junk {
                    // answer for the junk, then read the frame
                    return Frame::Garbage("bytes before a frame header".into());
                }
                self.next()
            }
            _ => {
                self.buf.drain(..end + 4);
                Frame::Garbage(format!("a frame header without a usable Content-Length: {:?}", header.chars().take(80).collect::<String>()))
            }
        }
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
    let id = id.unwrap_or(Value::Null);
    if obj.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid(id, -32600, "the message must say \"jsonrpc\": \"2.0\"".into());
    }
    let is_request = obj.get("method").is_some_and(Value::is_string);
    let is_response = obj.contains_key("id") && (obj.contains_key("result") || obj.contains_key("error")) && !obj.contains_key("method");
    if obj.get("method").is_some_and(|m| !m.is_string()) || (!is_request && !is_response) {
        return invalid(id, -32600, "neither a request, a notification nor a response".into());
    }
    if is_response && obj.get("error").is_some_and(|e| serde_json::from_value::<tower_lsp_server::jsonrpc::Error>(e.clone()).is_err()) {
        return invalid(Value::Null, -32600, "a response whose error is malformed".into());
    }
    body
}

fn invalid(id: Value, code: i64, message: String) -> Vec<u8> {
    let id = if id.is_null() { Value::Null } else { id };
    serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": INVALID, "params": {"code": code, "message": message}}))
        .unwrap_or_default()
}

async fn write_frame<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
    out.write_all(body).await?;
    out.flush().await
}

/// Copies frames from `input` to `out` until `input` ends, replacing bad
/// frames by [`INVALID`] requests.
pub async fn sanitize<R: AsyncRead + Unpin, W: AsyncWrite + Unpin>(mut input: R, mut out: W) {
    let mut reader = Reader::default();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        loop {
            let body = match reader.next() {
                Frame::Incomplete => break,
                Frame::Body(b) => check(b),
                Frame::Garbage(why) => {
                    eprintln!("minutes lsp: skipped {why}");
                    invalid(Value::Null, -32700, format!("skipped {why}"))
                }
            };
            if write_frame(&mut out, &body).await.is_err() {
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

    fn frames(input: &[u8]) -> Vec<Value> {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let mut out = Vec::new();
        rt.block_on(sanitize(input, &mut out));
        let mut r = Reader { buf: out, pending: None };
        let mut v = Vec::new();
        while let Frame::Body(b) = r.next() {
            v.push(serde_json::from_slice(&b).unwrap());
        }
        v
    }

    fn frame(body: &[u8]) -> Vec<u8> {
        let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        f.extend_from_slice(body);
        f
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
        assert_eq!(out.len(), 7, "{out:?}");
        assert_eq!(out[0]["method"], "shutdown");
        for (i, code) in [(1, -32700), (2, -32700), (3, -32700), (4, -32600), (5, -32600)] {
            assert_eq!(out[i]["method"], INVALID, "{i}");
            assert_eq!(out[i]["params"]["code"], code, "{i}");
        }
        assert_eq!(out[5]["id"], 4);
        assert_eq!(out[6]["method"], "exit");
    }
}
