"""One error base (issue 11): every exception sakipgen defines is a ``SakipgenError``
with the exit code it ends in, and the CLI maps them to exit codes in one place."""

from __future__ import annotations

import ast

import pytest
from typer.testing import CliRunner

from sakipgen.errors import SakipgenError, TemuanData
from tests.test_lapisan import SRC, _nama

DI_LUAR: dict[str, str] = {
    # Each of these must be what it is for a library's sake; the reason is stated.
    "_Limit": "control flow inside the YAML reader, turned into Y003 where it is raised",
    "BatasTerlampaui": "a Jinja SecurityError, so the Jinja sandbox handles it as one",
    "Dihentikan": "a SystemExit (128 + signal) after SIGTERM/SIGHUP, so nothing catches it",
    "SalahPakai": "a usage error in typer's own class, so typer prints it and exits 2",
}


def _kelas_galat() -> dict[str, type]:
    """Every exception class defined in ``src/sakipgen``: name → class (the modules are
    imported; the classes are found by reading their source)."""
    import importlib

    out: dict[str, type] = {}
    for path in sorted(SRC.rglob("*.py")):
        if path.name in ("pdf_uno.py", "__main__.py"):
            continue  # run by LibreOffice's Python / runs the CLI when imported
        module = importlib.import_module(_nama(path))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.col_offset == 0:
                cls = getattr(module, node.name)
                if isinstance(cls, type) and issubclass(cls, BaseException):
                    out[node.name] = cls
    return out


def test_every_error_class_derives_from_sakipgen_error() -> None:
    found = _kelas_galat()
    # The walk must see the classes this test is about, or it proves nothing.
    assert {"CapaianError", "NarasiError", "DataKurang", "Ditolak", "PdfGagal"} <= set(found)
    outside = {n for n, c in found.items() if not issubclass(c, SakipgenError)}
    assert outside == set(DI_LUAR)


@pytest.mark.parametrize(
    ("kelas", "kode", "keluar"),
    [
        ("sakipgen.calc.capaian:CapaianError", "C001", 1),
        ("sakipgen.calc.narasi:NarasiError", "T001", 1),
        ("sakipgen.render.dok_teks:DataKurang", "D001", 1),
        ("sakipgen.load.akses:Ditolak", "F007", 1),
    ],
)
def test_data_errors_carry_their_code_and_end_as_findings(
    kelas: str, kode: str, keluar: int
) -> None:
    import importlib

    module, name = kelas.split(":")
    cls = getattr(importlib.import_module(module), name)
    exc = cls(kode, "pesan") if name in ("CapaianError", "Ditolak") else cls("pesan")
    assert isinstance(exc, TemuanData)
    assert (exc.code, exc.message, exc.kode_keluar) == (kode, "pesan", keluar)


def test_an_error_that_escapes_a_command_becomes_its_exit_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should a data error escape the stage that reports it, the user sees its message
    and exit 1 — not a traceback, not an internal error (2)."""
    from sakipgen.cli import aplikasi
    from sakipgen.pdf import PdfGagal
    from sakipgen.render.dok_teks import DataKurang

    def gagal_data(*_a: object, **_k: object) -> None:
        raise DataKurang("narasi 'x.md' tidak ada")

    monkeypatch.setattr("sakipgen.pipeline.siapkan", gagal_data)
    result = CliRunner().invoke(aplikasi.app, ["show", "examples/blora"])
    assert result.exit_code == 1
    assert "narasi 'x.md' tidak ada" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)

    def gagal_pdf(*_a: object, **_k: object) -> None:
        raise PdfGagal("LibreOffice tidak menjawab")

    monkeypatch.setattr("sakipgen.pipeline.siapkan", gagal_pdf)
    result = CliRunner().invoke(aplikasi.app, ["show", "examples/blora"])
    assert result.exit_code == 2
    assert "LibreOffice tidak menjawab" in result.output
