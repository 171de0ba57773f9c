"""The models' validators are kept between runs (model/validator.py): a second process
validates from the stored schemas without generating any, finds exactly what the first
found, and an altered entry is never used.

Each test runs sakipgen in fresh processes: within this test process the models were
completed long ago."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "golden"
# Folders whose findings come from validation itself: unknown keys, missing fields,
# wrong kinds, numbers, ids and the models' own validators.
FOLDERS = [
    *(str(EXAMPLES / n) for n in ("blora", "buleleng", "sinjai", "tanjabbar")),
    *(
        str(GOLDEN / n)
        for n in (
            "S001-unknown-key",
            "S002-missing-field",
            "S003-wrong-kind",
            "S004-overlapping-bands",
            "S004-periods",
            "N002-not-a-number",
            "N006-nip-digits",
            "R002-duplicate-id",
        )
    ),
]

# Runs `sakipgen check` in this process; with "tanpa-skema" generating the core schema
# of a sakipgen model fails, so the run can only succeed on validators built from the
# stored schemas.  (typer makes its own for the command-line options.)
_SKRIP = """
import sys
if sys.argv[1] == "tanpa-skema":
    from pydantic._internal import _generate_schema
    asli = _generate_schema.GenerateSchema.generate_schema
    def ditolak(self, obj, *a, **k):
        if getattr(obj, "__module__", "").startswith("sakipgen."):
            raise SystemExit("a core schema was generated")
        return asli(self, obj, *a, **k)
    _generate_schema.GenerateSchema.generate_schema = ditolak
from sakipgen.cli.aplikasi import main
sys.argv = ["sakipgen", "check", *sys.argv[2:]]
main()
"""


def _check(cache: Path, mode: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAKIPGEN_CACHE": str(cache), "SAKIPGEN_LANG": "id"}
    return subprocess.run(
        [sys.executable, "-c", _SKRIP, mode, *FOLDERS],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_a_second_process_validates_from_the_stored_schemas(cache: Path) -> None:
    first = _check(cache, "biasa")
    assert first.returncode == 1, first.stderr  # the golden folders have errors
    assert "S001" in first.stdout and "N006" in first.stdout and "R002" in first.stdout
    assert len(list((cache / "skema").iterdir())) == 1

    again = _check(cache, "tanpa-skema")
    assert (again.returncode, again.stdout, again.stderr) == (
        first.returncode,
        first.stdout,
        first.stderr,
    )


def test_without_an_entry_the_schemas_are_generated(cache: Path) -> None:
    # The guard above is real: with nothing stored, validation has to generate them.
    run = _check(cache, "tanpa-skema")
    assert run.returncode != 0 and "a core schema was generated" in run.stderr


def test_an_altered_entry_is_not_used(cache: Path) -> None:
    first = _check(cache, "biasa")
    (entry,) = (cache / "skema").iterdir()
    raw = bytearray(entry.read_bytes())
    raw[-20] ^= 0xFF
    entry.write_bytes(bytes(raw))
    assert "a core schema was generated" in _check(cache, "tanpa-skema").stderr
    # A normal run builds the models as pydantic does, finds the same and stores again.
    again = _check(cache, "biasa")
    assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
    assert _check(cache, "tanpa-skema").stdout == first.stdout
