"""Shared tools of the security tests: a copy of an example to attack, and the CLI run
in-process the way a user runs it (exit code, stdout, stderr; a traceback fails)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import salin

__all__ = ["Hasil", "sakipgen", "salin"]


@dataclass
class Hasil:
    code: int
    stdout: str
    stderr: str

    @property
    def semua(self) -> str:
        return self.stdout + self.stderr


def sakipgen(*args: str | Path) -> Hasil:
    """``sakipgen ARGS`` in this process.  Anything but a clean exit code is a failure
    of the test: a user never sees a traceback or an internal error."""
    from sakipgen.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    out = Hasil(result.exit_code, result.stdout, result.stderr)
    assert "kesalahan internal" not in out.semua, out.semua
    assert out.code in (0, 1, 2), out
    return out


def teks_docx(path: Path) -> str:
    """The text of a .docx, one paragraph per line (to look for what must not be there)."""
    from tests.baca_docx import buka, teks_dokumen

    return teks_dokumen(buka(path.read_bytes()))


def tulis(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
