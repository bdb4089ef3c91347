"""Shared helpers for the register's end-to-end tests: the real `minutes`
binary (tests/minutes_binary.py; build it first) on the series of three
meetings in tests/fixtures/meetings."""

import json
import subprocess

from minutes_binary import ROOT, minutes_bin

# relative to ROOT, where the binary runs: the paths it prints are these
SERIES = "tests/fixtures/meetings"
TODAY = "2026-11-23"


def minutes(*args: str) -> str:
    done = subprocess.run([minutes_bin(), *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout


def register(*extra: str) -> list:
    return json.loads(minutes("actions", "--today", TODAY, "--format", "json", *extra, SERIES))
