"""Golden tests: one minimal dinas folder per diagnostic code (see tests/golden/README.md).

Each case runs ``sakipgen check . --format text`` inside its folder, as a user would,
and compares the printed diagnostic lines with the folder's ``expected.txt``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from sakipgen.diagnostics import RULES

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())
# D001/D002 and H001-H004 belong to `build` (tests/render/test_kelengkapan.py);
# F003 needs a file over 4 MiB (tests/load/test_loader.py); X001-X005 are about input
# workbooks, found by `import` (tests/cli/test_impor.py, each code located in a cell).
NOT_COVERED = {"D001", "D002", "F003", "H001", "H002", "H003", "H004"} | {
    f"X00{i}" for i in range(1, 6)
}
CASE_NAME = re.compile(r"^([A-Z]\d{3})-[a-z0-9]+(-[a-z0-9]+)*$")
SUMMARY = re.compile(r"^\d+ folder dinas diperiksa: \d+ kesalahan, \d+ peringatan$")
WARNING = re.compile(r": [A-Z]\d{3} \(peringatan\) ")


def _check(case: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "sakipgen", "check", ".", "--format", "text"],
        cwd=case,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@cache
def _results() -> dict[str, subprocess.CompletedProcess[str]]:
    """Every case, each in a fresh process, run side by side once per session."""
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        return dict(zip([c.name for c in CASES], pool.map(_check, CASES), strict=True))


def _param(case: Path) -> object:
    bug = case / "xfail.txt"
    if not bug.exists():
        return pytest.param(case, id=case.name)
    reason = bug.read_text(encoding="utf-8").strip()
    return pytest.param(case, id=case.name, marks=pytest.mark.xfail(strict=True, reason=reason))


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden(case: Path) -> None:
    proc = _results()[case.name]
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    # The summary goes to stderr after findings and to stdout when there are none.
    got = [ln for ln in proc.stdout.splitlines() if not SUMMARY.match(ln)]
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert got == expected
    errors = [ln for ln in expected if not WARNING.search(ln)]
    assert proc.returncode == (1 if errors else 0), proc.stderr


def test_every_code_has_a_golden_case() -> None:
    names = [c.name for c in CASES]
    assert all(CASE_NAME.match(n) for n in names), names
    covered = {n.split("-", 1)[0] for n in names}
    assert covered == set(RULES) - NOT_COVERED
