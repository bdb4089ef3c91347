"""Shared helpers for the register's end-to-end tests: the real `minutes`
binary ($MINUTES_BIN, else target/debug/minutes; build it first) on the
series of three meetings in tests/fixtures/meetings."""

import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
# relative to ROOT, where the binary runs: the paths it prints are these
SERIES = "tests/fixtures/meetings"
TODAY = "2026-11-23"


def minutes_bin() -> str:
    if os.environ.get("MINUTES_BIN"):
        return os.environ["MINUTES_BIN"]
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target.is_absolute():
        target = ROOT / target
    return str(target / "debug" / "minutes")


def minutes(*args: str) -> str:
    done = subprocess.run([minutes_bin(), *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def register(*extra: str) -> list:
    return json.loads(minutes("actions", "--today", TODAY, "--format", "json", *extra, SERIES))
