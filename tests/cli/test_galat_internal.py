"""An internal error (sakipgen's bug, not the data's) in every command: exit 2 with the
"kesalahan internal … laporkan ke pengembang" line and no traceback; with
``SAKIPGEN_DEBUG=1`` the full traceback too — from a build's worker process as well
(issue 24).  The failure is injected by replacing a function the command calls with one
that raises; the commands run through the process's entry point (``aplikasi.main``), in
this process, as ``sakipgen`` runs them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from sakipgen.cli import aplikasi
from tests.conftest import EXAMPLES, ROOT, salin

PESAN = "ledakan uji 7f3a"
"""The injected exception's message: found in the output only if it was reported."""


def _meledak(*_a: object, **_k: object) -> None:
    raise RuntimeError(PESAN)


def _jalankan(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """``sakipgen ARGS`` through the entry point: (exit code, stdout + stderr)."""
    # main() keeps only the command it runs; the other tests need them all back.
    monkeypatch.setattr(aplikasi.app, "registered_commands", list(aplikasi.app.registered_commands))
    monkeypatch.setattr(sys, "argv", ["sakipgen", *args])
    with pytest.raises(SystemExit) as keluar:
        aplikasi.main()
    out = capsys.readouterr()
    code = keluar.value.code
    return (code if isinstance(code, int) else 1), out.out + out.err


def _perintah(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """Each command: its arguments, and the function it calls that is made to fail."""
    blora = str(salin(tmp_path, "blora"))
    sinjai = str(salin(tmp_path, "sinjai"))
    buku = tmp_path / "masukan.xlsx"
    buku.write_bytes(b"")  # import reads the folder before the workbook
    hitung = "sakipgen.pipeline.hitung_tahun"  # the year's figures (calc/tahun.py)
    keluar = str(tmp_path / "keluar")
    return {
        "check": (["check", blora], hitung),
        "show": (["show", blora], hitung),
        "build": (["build", blora, "--doc", "pk", "--out", keluar], hitung),
        "build --jobs 2": (
            ["build", blora, sinjai, "--doc", "rkt", "--out", keluar, "--jobs", "2"],
            hitung,
        ),
        "export": (["export", blora, "--out", keluar + "/t.xlsx"], hitung),
        "import": (["import", blora, str(buku)], hitung),
        "diff": (["diff", str(EXAMPLES.relative_to(ROOT) / "blora"), "HEAD"], hitung),
        "init": (["init", str(tmp_path / "baru")], "sakipgen.inisialisasi.inisialisasi"),
        "schema": (["schema", "--out", str(tmp_path / "skema")], "sakipgen.skema.tulis_skema"),
    }


PERINTAH = (
    "check",
    "show",
    "build",
    "build --jobs 2",
    "export",
    "import",
    "diff",
    "init",
    "schema",
)


@pytest.mark.parametrize("perintah", PERINTAH)
def test_an_internal_error_is_exit_2_with_its_line_and_no_traceback(
    perintah: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)  # diff reads the project's own git history
    monkeypatch.delenv("SAKIPGEN_DEBUG", raising=False)
    args, sasaran = _perintah(tmp_path)[perintah]
    monkeypatch.setattr(sasaran, _meledak)
    code, out = _jalankan(args, capsys, monkeypatch)
    assert code == 2, out
    assert f"kesalahan internal (RuntimeError: {PESAN})" in out
    assert "laporkan ke pengembang" in out
    assert "Traceback" not in out
    if perintah == "build --jobs 2":
        # Both folders were built, each in a worker, and both failed the same way.
        assert out.count("kesalahan internal") == 2, out


@pytest.mark.parametrize("perintah", PERINTAH)
def test_sakipgen_debug_prints_the_whole_traceback(
    perintah: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SAKIPGEN_DEBUG", "1")
    args, sasaran = _perintah(tmp_path)[perintah]
    monkeypatch.setattr(sasaran, _meledak)
    code, out = _jalankan(args, capsys, monkeypatch)
    assert code == 2, out
    assert "Traceback (most recent call last):" in out
    # The traceback reaches the injected function, and ends in its exception.
    assert "in _meledak\n    raise RuntimeError(PESAN)" in out
    assert f"RuntimeError: {PESAN}\n" in out
    assert "laporkan ke pengembang" in out
    if perintah.startswith("build"):
        # build catches it in the batch (one dinas must not stop the others) and
        # still prints it: the frames are the batch's, in a worker with --jobs 2.
        assert "in bangun\n" in out and "in siapkan\n" in out
    if perintah == "build --jobs 2":
        assert out.count("Traceback (most recent call last):") == 2, out


def test_sakipgen_debug_0_is_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAKIPGEN_DEBUG", "0")
    args, sasaran = _perintah(tmp_path)["check"]
    monkeypatch.setattr(sasaran, _meledak)
    code, out = _jalankan(args, capsys, monkeypatch)
    assert code == 2 and "Traceback" not in out


def test_one_dinas_failing_internally_does_not_stop_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blora's RKT year fails on purpose; Sinjai's RKT is built (and written), and the
    build still ends in 2: one of the folders met a bug."""
    from sakipgen.calc import tahun as calc_tahun

    asli = calc_tahun.hitung_tahun

    def hanya_blora(dinas: object, year: int, **kw: object) -> object:
        if "blora" in str(getattr(dinas, "folder", "")):
            raise RuntimeError(PESAN)
        return asli(dinas, year, **kw)  # type: ignore[arg-type]

    monkeypatch.delenv("SAKIPGEN_DEBUG", raising=False)
    monkeypatch.setattr("sakipgen.pipeline.hitung_tahun", hanya_blora)
    blora, sinjai = salin(tmp_path, "blora"), salin(tmp_path, "sinjai")
    keluar = tmp_path / "keluar"
    args = ["build", str(blora), str(sinjai), "--doc", "rkt", "--out", str(keluar)]
    code, out = _jalankan(args, capsys, monkeypatch)
    assert code == 2, out
    assert (keluar / "sinjai" / "rkt-2018.docx").is_file()
    assert not (keluar / "blora").exists()
    assert f"{blora}: kesalahan internal (RuntimeError: {PESAN})" in out
    assert "1 dokumen ditulis, 0 tidak berubah (tidak ditulis ulang), 1 folder gagal" in out
