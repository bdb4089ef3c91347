"""The `minutes` binary the Python suites run (tests/e2e, tests/register):
$MINUTES_BIN, else $CARGO_TARGET_DIR/debug/minutes, else target/debug/minutes
under the repository root. Build it first (`cargo build`). pytest finds this
module through `pythonpath` in pytest.ini."""

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]


def minutes_bin() -> str:
    if os.environ.get("MINUTES_BIN"):
        return os.environ["MINUTES_BIN"]
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    if not target.is_absolute():
        target = ROOT / target
    return str(target / "debug" / "minutes")
