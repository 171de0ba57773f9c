"""`sakipgen build --pdf`: a PDF next to each .docx, with the table of contents and the
page numbers filled in by LibreOffice (through UNO, not a plain --convert-to)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sakipgen.pdf import pasangan_pdf
from tests.cli.test_cli import sakipgen
from tests.conftest import EXAMPLES, perlu

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "blora"
    shutil.copytree(EXAMPLES / "blora", root, ignore=shutil.ignore_patterns("build"))
    return root


def _pdftotext(pdf: Path) -> str:
    tool = perlu("pdftotext")["pdftotext"]
    proc = subprocess.run(
        [tool, "-layout", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return proc.stdout.decode("utf-8")


def test_build_pdf_fills_table_of_contents_and_page_numbers(tmp_path: Path) -> None:
    perlu("uno", "pdftotext")
    _copy(tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = sakipgen(
        "build", "blora", "--doc", "lkjip", "--pdf", cwd=tmp_path, env={"TMPDIR": str(scratch)}
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["blora/build/lkjip-2021.docx", "blora/build/lkjip-2021.pdf"]
    build = tmp_path / "blora" / "build"
    pdf = build / "lkjip-2021.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    # Atomic writes and a private LibreOffice: no temporary or lock file is left behind.
    assert sorted(p.name for p in build.iterdir() if p.name != ".cache") == [
        "lkjip-2021.docx",
        "lkjip-2021.pdf",
    ]
    assert not [p for p in scratch.iterdir() if p.name.startswith("sakipgen-pdf-")]

    pages = _pdftotext(pdf).split("\f")
    text = "\n".join(pages)
    # The table of contents is filled: each BAB with its leader dots and a page number.
    toc = {
        m.group(1): int(m.group(2))
        for m in re.finditer(r"^\s*BAB (I|II|III|IV) [A-Z][^\n]*?\.{3,}\s*(\d+)\s*$", text, re.M)
    }
    assert re.search(r"^\s*BAB I PENDAHULUAN\s*\.{3,}\s*1\s*$", text, re.M), text[:6000]
    assert set(toc) == set(ROMAN), toc
    assert re.search(r"^\s*Tabel 1\.1 [^\n]*\.{3,}\s*\d+\s*$", text, re.M), "daftar tabel"
    assert re.search(r"^\s*Gambar 3\.1 [^\n]*\.{3,}\s*\d+\s*$", text, re.M), "daftar gambar"
    # ... with the numbers printed in the footer of the page where each BAB begins.
    footer = {}
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines and re.fullmatch(r"BAB (I|II|III|IV)", lines[0]):
            footer[lines[0].split()[1]] = lines[-1]
    assert footer == {bab: str(n) for bab, n in toc.items()}, (footer, toc)
    # The .docx carries the same page numbers in its lists (for LibreOffice and WPS,
    # which show a field's stored result): every entry, each BAB on its PDF page.
    from tests.baca_docx import buka, paragraf

    entries = [
        t
        for s, t in paragraf(buka((build / "lkjip-2021.docx").read_bytes()))
        if s.startswith("TOC") and t
    ]
    assert entries and all(re.search(r"\t([ivx]+|\d+)$", t) for t in entries), entries
    bab = {t.split()[1]: int(t.rsplit("\t", 1)[1]) for t in entries if re.match(r"BAB [IV]+ ", t)}
    assert bab == toc


def test_up_to_date_pdf_needs_no_libreoffice(tmp_path: Path) -> None:
    perlu("uno")  # for the first build, which makes the PDF
    _copy(tmp_path)
    assert sakipgen("build", "blora", "--doc", "pk", "--pdf", cwd=tmp_path).returncode == 0
    # Nothing changed: neither the .docx nor its PDF is made again.
    again = sakipgen(
        "build", "blora", "--doc", "pk", "--pdf", cwd=tmp_path, env={"SAKIPGEN_SOFFICE": "/x"}
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout == ""


def test_without_libreoffice_docx_is_written_and_the_fix_is_named(tmp_path: Path) -> None:
    _copy(tmp_path)
    # No LibreOffice; then a LibreOffice (a script: whatever this machine has installed)
    # with no Python that can import uno.
    soffice, _pid = _fake_soffice(tmp_path, "exit 0")
    python = tmp_path / "python3"
    python.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    python.chmod(0o755)
    for env, named in (
        ({"SAKIPGEN_SOFFICE": str(tmp_path / "tidak-ada")}, "(perintah soffice) tidak ditemukan"),
        ({"SAKIPGEN_SOFFICE": str(soffice), "SAKIPGEN_UNO_PYTHON": str(python)}, "python3-uno"),
    ):
        proc = sakipgen("build", "blora", "--doc", "pk", "--pdf", "--force", cwd=tmp_path, env=env)
        assert proc.returncode == 1
        assert proc.stdout.strip() == "blora/build/pk-2021.docx"
        assert "PDF tidak dapat dibuat" in proc.stderr
        assert "sudo apt-get install libreoffice-writer-nogui python3-uno" in proc.stderr
        assert (tmp_path / "blora" / "build" / "pk-2021.docx").is_file()
        assert not (tmp_path / "blora" / "build" / "pk-2021.pdf").exists()
        # The first line about the PDF says what is missing (the data's warnings come
        # before it).
        first = next(line for line in proc.stderr.splitlines() if "PDF" in line)
        assert named in first, first


def test_which_documents_need_a_pdf(tmp_path: Path) -> None:
    import os

    fresh, stale, missing, written = (tmp_path / f"{n}.docx" for n in "abcd")
    for docx in (fresh, stale, missing, written):
        docx.write_bytes(b"PK")
    fresh.with_suffix(".pdf").write_bytes(b"%PDF")
    stale.with_suffix(".pdf").write_bytes(b"%PDF")
    os.utime(stale.with_suffix(".pdf"), (1, 1))
    pairs = pasangan_pdf([str(written)], [str(fresh), str(stale), str(missing)])
    assert pairs == [(p, p.with_suffix(".pdf")) for p in (written, stale, missing)]


def _fake_soffice(tmp_path: Path, body: str) -> tuple[Path, Path]:
    """A 'LibreOffice' that records its pid, then runs ``body`` (never listening)."""
    pid_file = tmp_path / "soffice.pid"
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return script, pid_file


def _gone(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie of ours still answers: reaped by Popen.wait, so it would not be here.
    return False


@pytest.mark.parametrize("body", ["exec sleep 600", "exit 3"])
def test_hung_or_crashed_libreoffice_fails_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    import time

    from sakipgen import pdf

    real = perlu("uno")["python"]  # the UNO Python of this machine; LibreOffice is faked
    for name in ("WAKTU_MULAI", "WAKTU_PER_DOKUMEN", "WAKTU_BERHENTI", "WAKTU_SESUDAH_BERHENTI"):
        monkeypatch.setattr(pdf, name, 1.0)
    fake, pid_file = _fake_soffice(tmp_path, body)
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"PK")
    written: list[Path] = []
    started = time.monotonic()
    with pytest.raises(pdf.PdfGagal, match="PDF tidak dapat dibuat"):
        pdf.konversi(
            [(docx, docx.with_suffix(".pdf"))],
            pdf.LibreOffice(str(fake), real),
            written.append,
        )
    assert time.monotonic() - started < 60
    assert written == [] and not docx.with_suffix(".pdf").exists()
    assert _gone(int(pid_file.read_text(encoding="utf-8"))), "LibreOffice left running"
