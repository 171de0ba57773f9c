"""`perlu` (tests/conftest.py): a test that needs a program the machine lacks (LibreOffice,
its Calc or its Python bridge, pdftotext, git) or PyPI is skipped with the reason and what to
install, so the README's test command passes on a machine with only Python and pip; with
SAKIPGEN_TEST_NO_SKIP set, as `.ci/run` sets it, the same test fails instead.

The machine's own LibreOffice is hidden the way a machine without it looks: a PATH without
soffice, libreoffice and pdftotext, and for its parts a LibreOffice of our own making (a
`soffice` script with only Writer's registry part) named by SAKIPGEN_SOFFICE and a Python
without the `uno` module named by SAKIPGEN_UNO_PYTHON: the variables `build --pdf` itself
reads, so no test-only switch is involved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TANPA_LEWAT, perlu

PASANG = {
    "writer": "apt-get install libreoffice-writer-nogui",
    "calc": "apt-get install libreoffice-calc-nogui",
    "uno": "apt-get install libreoffice-writer-nogui python3-uno",
    "pdftotext": "apt-get install poppler-utils",
    "git": "apt-get install git",
}


@pytest.fixture
def kosong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine with no program on PATH at all (this Python runs from its own path)."""
    path = tmp_path / "bin-kosong"
    path.mkdir()
    monkeypatch.setenv("PATH", str(path))
    for name in ("SAKIPGEN_SOFFICE", "SAKIPGEN_UNO_PYTHON", TANPA_LEWAT):
        monkeypatch.delenv(name, raising=False)
    return path


def _skrip(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def _libreoffice_tanpa_calc(tmp_path: Path) -> Path:
    """A LibreOffice installation that has Writer and no Calc, laid out as upstream's
    (program/soffice, share/registry/<module>.xcd)."""
    soffice = _skrip(tmp_path / "lo" / "program" / "soffice", "exit 0")
    registry = tmp_path / "lo" / "share" / "registry"
    registry.mkdir(parents=True)
    (registry / "main.xcd").write_text("<oor:data/>", encoding="utf-8")
    (registry / "writer.xcd").write_text("<oor:data/>", encoding="utf-8")
    return soffice


@pytest.mark.parametrize("nama", sorted(PASANG))
def test_a_missing_program_skips_with_its_reason_and_fails_in_ci(
    nama: str, kosong: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(pytest.skip.Exception) as skip:
        perlu(nama)
    reason = str(skip.value)
    assert reason.startswith(f"needs {nama}: ")
    assert "not on PATH" in reason and PASANG[nama] in reason, reason

    monkeypatch.setenv(TANPA_LEWAT, "1")
    with pytest.raises(pytest.fail.Exception) as fail:
        perlu(nama)
    assert str(fail.value) == f"{reason} [{TANPA_LEWAT} is set: a missing program is a failure]"

    monkeypatch.setenv(TANPA_LEWAT, "0")  # "0" is not set
    with pytest.raises(pytest.skip.Exception):
        perlu(nama)


def test_writer_without_calc_and_libreoffice_without_its_python_bridge(
    tmp_path: Path, kosong: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    soffice = _libreoffice_tanpa_calc(tmp_path)
    monkeypatch.setenv("SAKIPGEN_SOFFICE", str(soffice))
    assert perlu("writer") == {"soffice": str(soffice)}
    with pytest.raises(pytest.skip.Exception) as skip:
        perlu("writer", "calc")
    assert str(skip.value) == (
        f"needs writer, calc: LibreOffice {soffice} has no Calc "
        "(Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui)"
    )
    # Writer is there, and no Python can import uno: what `build --pdf` would say.
    monkeypatch.setenv("SAKIPGEN_UNO_PYTHON", str(_skrip(tmp_path / "python3", "exit 1")))
    with pytest.raises(pytest.skip.Exception) as skip:
        perlu("uno")
    assert f"LibreOffice ada ({soffice})" in str(skip.value)
    assert "modul uno" in str(skip.value) and PASANG["uno"] in str(skip.value)
    monkeypatch.setenv(TANPA_LEWAT, "yes")
    with pytest.raises(pytest.fail.Exception):
        perlu("uno")


def test_an_unreachable_package_index_skips(kosong: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = kosong / "tidak-ada" / "simple"
    monkeypatch.setenv("PIP_INDEX_URL", index.as_uri())
    with pytest.raises(pytest.skip.Exception) as skip:
        perlu("pypi")
    assert str(skip.value).startswith(f"needs pypi: PyPI ({index.as_uri()}) cannot be reached: ")
    monkeypatch.setenv(TANPA_LEWAT, "1")
    with pytest.raises(pytest.fail.Exception):
        perlu("pypi")


def test_an_unknown_name_is_a_mistake_of_the_test() -> None:
    with pytest.raises(ValueError, match="unknown 'soffice'"):
        perlu("soffice")


def _pytest(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SAKIPGEN_SOFFICE", "SAKIPGEN_UNO_PYTHON", TANPA_LEWAT}
        and not k.startswith("PYTEST_")
    }
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        env={**base, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_libreoffice_tests_skip_on_a_machine_without_it_and_fail_in_ci(
    tmp_path: Path,
) -> None:
    """The suite's own Calc test, run as a developer runs it, on a machine without
    LibreOffice (an empty PATH); Writer without Calc is the test above."""
    test = "tests/integrations/test_impor_libreoffice.py"
    empty = tmp_path / "bin"
    empty.mkdir()
    why = "needs calc: no LibreOffice: soffice is not on PATH"
    skipped = _pytest([test], {"PATH": str(empty)})
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    lines = [x for x in skipped.stdout.splitlines() if x.startswith("SKIPPED [1] ")]
    assert len(lines) == 1 and f"{test}:" in lines[0] and why in lines[0], lines
    assert "1 skipped" in skipped.stdout

    failed = _pytest([test], {"PATH": str(empty), TANPA_LEWAT: "1"})
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "1 failed" in failed.stdout and why in failed.stdout
    assert f"{TANPA_LEWAT} is set" in failed.stdout


def test_ci_installs_libreoffice_and_makes_such_a_skip_fail() -> None:
    lines = [
        x.strip()
        for x in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.strip().startswith("#")
    ]
    assert "set -euo pipefail" in lines  # any failing command, pytest's exit 5 included
    install = next(x for x in lines if x.startswith("apt-get install"))
    for package in ("libreoffice-writer-nogui", "libreoffice-calc-nogui", "python3-uno"):
        assert package in install
    assert "poppler-utils" in install  # pdftotext
    # The variable reaches the test run, which is the script's last command (its exit
    # status is the script's).
    assert lines[-1] == "python -m pytest"
    assert f"export {TANPA_LEWAT}=1" in lines[:-1]
