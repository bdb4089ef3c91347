"""`pre-commit try-repo` with the repository's .pre-commit-hooks.yaml: the
hook passes on clean minutes and fails on faulty ones.

The hooks file is committed to a fresh git repository (try-repo reads hooks
from a commit); the `minutes-system` hook runs the binary under test, put
first on PATH."""

import os
import pathlib
import shutil
import subprocess
import sys

from minutes_binary import ROOT, minutes_bin

PRE_COMMIT = pathlib.Path(sys.executable).parent / "pre-commit"


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def env(tmp_path):
    e = dict(os.environ)
    e["PATH"] = f"{pathlib.Path(minutes_bin()).parent}{os.pathsep}{e['PATH']}"
    e["PRE_COMMIT_HOME"] = str(tmp_path / "cache")
    for k in ("GIT_AUTHOR", "GIT_COMMITTER"):
        e[f"{k}_NAME"] = "Minutes Test"
        e[f"{k}_EMAIL"] = "test@minutes.invalid"
    return e


def repo(path, files, e):
    path.mkdir()
    git(path, "init", "-q")
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    git(path, "add", ".")
    subprocess.run(["git", "commit", "-q", "-m", "init"], cwd=path, check=True, env=e, capture_output=True)


def try_repo(tmp_path, minutes_file):
    e = env(tmp_path)
    hooks = tmp_path / "hooks"
    repo(hooks, {".pre-commit-hooks.yaml": (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")}, e)
    project = tmp_path / "project"
    repo(project, {"meeting.minutes": (ROOT / "examples" / minutes_file).read_text(encoding="utf-8")}, e)
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(hooks), "minutes-system", "--files", "meeting.minutes"],
        cwd=project, env=e, capture_output=True, text=True, timeout=300,
    )


def test_hook_passes_on_clean_minutes(tmp_path):
    r = try_repo(tmp_path, "clean.minutes")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "minutes check (installed)" in r.stdout and "Passed" in r.stdout, r.stdout


def test_hook_fails_on_faulty_minutes(tmp_path):
    r = try_repo(tmp_path, "findings.minutes")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Failed" in r.stdout and "M101 missing-owner" in r.stdout, r.stdout
