"""Helix: editors/helix/languages.toml parses as TOML and declares the
language, its server and its grammar; every query Helix reads from
queries/minutes/ compiles against the grammar with the pinned tree-sitter
CLI and captures something on the fixture.

    python3 tests/editors/helix.py editors/helix FIXTURE.minutes
"""

import pathlib
import shutil
import subprocess
import sys
import tomllib

# the query files Helix reads for a language (runtime/queries/LANG/)
HELIX_QUERIES = ["highlights.scm", "injections.scm", "locals.scm", "indents.scm", "textobjects.scm", "tags.scm", "rainbows.scm"]

helix = pathlib.Path(sys.argv[1]).resolve()
fixture = pathlib.Path(sys.argv[2]).resolve()
grammar = pathlib.Path(__file__).resolve().parents[2] / "grammar"
checks = []


def check(name, ok, detail=""):
    checks.append(ok)
    print(f"  {'ok  ' if ok else 'FAIL'} {name}{'' if ok else ': ' + str(detail)}")


config = tomllib.loads((helix / "languages.toml").read_text(encoding="utf-8"))
language = next((l for l in config.get("language", []) if l.get("name") == "minutes"), None)
check("languages.toml parses and has a [[language]] minutes", language is not None, config)
if language:
    check("it reads *.minutes", "minutes" in language.get("file-types", []), language)
    servers = language.get("language-servers", [])
    check("its server is `minutes lsp`", servers == ["minutes"] and config["language-server"]["minutes"] == {"command": "minutes", "args": ["lsp"]}, config.get("language-server"))
grammar_entry = next((g for g in config.get("grammar", []) if g.get("name") == "minutes"), None)
check("it names the grammar", grammar_entry is not None and "source" in grammar_entry, config.get("grammar"))

if shutil.which("tree-sitter") is None:
    check("the pinned tree-sitter CLI is on PATH (scripts/install-tree-sitter)", False)
    sys.exit(1)
queries = sorted((helix / "queries" / "minutes").glob("*.scm"))
check("queries are files Helix reads", queries and all(q.name in HELIX_QUERIES for q in queries), [q.name for q in queries])
for q in queries:
    r = subprocess.run(["tree-sitter", "query", str(q), str(fixture)], cwd=grammar, capture_output=True, text=True)
    captures = r.stdout.count("capture:")
    check(f"{q.name} compiles and captures ({captures})", r.returncode == 0 and captures > 0, (r.stderr or r.stdout)[-800:])

failed = checks.count(False)
print(f"helix: {len(checks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
