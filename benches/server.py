"""`scripts/bench server`: two language servers driven over stdio by one
LSP client in the same run, on the same document: Minutes (`minutes lsp`)
and its peer (`rumdl server`). Not a test: it prints figures, and the rows
of the README's performance table.

    python3 benches/server.py ROWS EDITS -- NAME DOC CMD... -- NAME DOC CMD... [-- NAME DOC CMD...]

The first server is Minutes, the second its peer (the ratios are the first
over the second); a third, if any, is another build of Minutes (a baseline
measured in the same run).

Per server, in turns so that a load that comes and goes on a shared
machine falls on each alike:
- didOpen → the first publishDiagnostics of the document;
- EDITS one-character edits (incremental didChange, one "x" inserted at a
  position spread over the document), each followed by the diagnostics of
  its version: p50 and p95;
- documentSymbol on the current version: p50 and p95;
- peak RSS (VmHWM) at the end.
The count of diagnostics on open shows that each server reads the text.
"""

import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time


class Server:
    def __init__(self, name, cmd):
        self.name = name
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put((time.perf_counter(), None))
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            # the time it arrived, before the client decodes it: the
            # figures are the server's and the pipe's, not this client's
            self.inbox.put((time.perf_counter(), json.loads(body)))

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def wait(self, accept, timeout=120):
        """The first message `accept` takes; requests from the server are
        answered (null), everything else is dropped. `self.arrived` is
        when it arrived."""
        deadline = time.monotonic() + timeout
        while True:
            self.arrived, m = self.inbox.get(timeout=max(0.0, deadline - time.monotonic()))
            if m is None:
                sys.exit(f"{self.name}: the server exited")
            if "id" in m and "method" in m:
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
                continue
            if accept(m):
                return m

    def request(self, method, params):
        self.next_id += 1
        rid = self.next_id
        message = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        m = self.wait(lambda m: m.get("id") == rid and "method" not in m)
        if "error" in m:
            sys.exit(f"{self.name}: {method} failed: {m['error']}")
        return m["result"]

    def diagnostics(self, uri, version=None):
        """Waits for the diagnostics of `uri` (at `version`, when the server
        says which version they are of)."""

        def accept(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            v = m["params"].get("version")
            return version is None or v is None or v == version

        return self.wait(accept)["params"]["diagnostics"]

    def peak_rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        try:
            self.request("shutdown", None)
            self.notify("exit")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


def position(text, offset):
    """LSP position (UTF-16 columns) of a character offset."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


def ms(seconds):
    return seconds * 1e3


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round((len(values) - 1) * p)))]


def main():
    rows_path, edits = sys.argv[1], int(sys.argv[2])
    rest = sys.argv[3:]
    commands = []
    while rest and rest[0] == "--":
        rest = rest[1:]
        cut = rest.index("--") if "--" in rest else len(rest)
        commands.append((rest[0], rest[1], rest[2:cut]))
        rest = rest[cut:]
    servers, texts, uris, versions = [], [], [], []
    figures = {}
    for name, path, cmd in commands:
        s = Server(name, cmd)
        uri = "file://" + os.path.abspath(path)
        s.request("initialize", {
            "processId": os.getpid(),
            "rootUri": None,
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {
                    "publishDiagnostics": {"versionSupport": True},
                    "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                    "synchronization": {"didSave": True},
                },
            },
        })
        s.notify("initialized", {})
        text = open(path, encoding="utf-8").read()
        language = "minutes" if path.endswith(".minutes") else "markdown"
        start = time.perf_counter()
        s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}})
        found = s.diagnostics(uri)
        figures[name] = {"open": s.arrived - start, "findings": len(found), "edit": [], "symbols": []}
        servers.append(s)
        texts.append(text)
        uris.append(uri)
        versions.append(1)
    size = len(texts[0].encode("utf-8"))
    # edits: positions spread over the document, at the start of a word or
    # in its middle, in turns
    for i in range(edits):
        for k, s in enumerate(servers):
            text = texts[k]
            at = (len(text) * (2 * i + 1)) // (2 * edits)
            p = position(text, at)
            versions[k] += 1
            change = {"range": {"start": p, "end": p}, "text": "x"}
            start = time.perf_counter()
            s.notify("textDocument/didChange", {"textDocument": {"uri": uris[k], "version": versions[k]}, "contentChanges": [change]})
            s.diagnostics(uris[k], versions[k])
            figures[s.name]["edit"].append(s.arrived - start)
            texts[k] = text[:at] + "x" + text[at:]
    for _ in range(edits):
        for k, s in enumerate(servers):
            start = time.perf_counter()
            s.request("textDocument/documentSymbol", {"textDocument": {"uri": uris[k]}})
            figures[s.name]["symbols"].append(s.arrived - start)
    for s in servers:
        figures[s.name]["rss"] = s.peak_rss_mb()
        s.stop()

    names = [s.name for s in servers]
    mine, peer = names[0], names[1]
    print(f"one document of {size / 1e6:.2f} MB, {edits} edits; wall ms (ratio: {mine} over {peer})")
    print(f"{'':34}" + "".join(f" {n:>12}" for n in names) + f" {'ratio':>8}")

    def row(label, values):
        a, b = values[0], values[1]
        print(f"{label:34}" + "".join(f" {v:12.1f}" for v in values) + f" {a / b if b else float('inf'):7.2f}x")

    f = figures
    row("findings on open", [f[n]["findings"] for n in names])
    row("didOpen → diagnostics", [ms(f[n]["open"]) for n in names])
    row("edit → diagnostics, p50", [ms(pct(f[n]["edit"], 0.5)) for n in names])
    row("edit → diagnostics, p95", [ms(pct(f[n]["edit"], 0.95)) for n in names])
    row("documentSymbol, p50", [ms(pct(f[n]["symbols"], 0.5)) for n in names])
    row("documentSymbol, p95", [ms(pct(f[n]["symbols"], 0.95)) for n in names])
    row("peak RSS, MB", [f[n]["rss"] for n in names])

    def goal(value, limit):
        return "met" if value <= limit else "**missed**"

    mb = f"{size / 1e6:.0f} MB"
    m, r = f[mine], f[peer]
    open_m, open_r = ms(m["open"]), ms(r["open"])
    e50, e95, r50, r95 = (ms(pct(x["edit"], p)) for x in (m, r) for p in (0.5, 0.95))
    s95, rs95 = ms(pct(m["symbols"], 0.95)), ms(pct(r["symbols"], 0.95))
    rows = [
        f"| server, {mb} document: didOpen → first diagnostics | {open_m:.0f} ms | {open_r:.0f} ms | ≤ 50 ms: {goal(open_m, 50)} |",
        f"| server, {mb}: one-character edit → diagnostics, p50 / p95 of {edits} | {e50:.0f} / {e95:.0f} ms | {r50:.0f} / {r95:.0f} ms | p95 ≤ 5 ms: {goal(e95, 5)} |",
        f"| server, {mb}: documentSymbol p95 | {s95:.1f} ms | {rs95:.1f} ms | ≤ 5 ms: {goal(s95, 5)} |",
        f"| server, {mb}: peak RSS | {m['rss']:.0f} MB | {r['rss']:.0f} MB | |",
    ]
    print("README rows:")
    print("\n".join(rows))
    with open(rows_path, "w", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
