"""Every example document read as pages (issue 12): converted to PDF by LibreOffice
(as ``build --pdf`` does, in one session), then checked from the text of each page:

* no page holds only a signature block;
* no word of the document's tables is broken inside its cell;
* every entry of the table of contents carries the page label of the page where its
  heading stands, and each BAB starts a page.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from sakipgen.render.ukur import potongan
from tests.baca_docx import buka, paragraf, tabel
from tests.conftest import CONTOH, dokumen_contoh, perlu

KOSONG: dict[str, set[str]] = {}
"""Document → the codes of the hollow parts build reports for it (H001-H004)."""


@pytest.fixture(scope="module")
def halaman(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, list[str]]]:
    """Every document the examples build (each kind by name): the numbered .docx and
    its PDF pages as text.  (The hollow parts build reports are in ``KOSONG``.)"""
    from sakipgen.pdf import LibreOffice, konversi

    alat = perlu("uno", "pdftotext")
    out = tmp_path_factory.mktemp("halaman")
    pairs = []
    for contoh in CONTOH:
        for jenis, tahun, hasil in dokumen_contoh(contoh):
            assert hasil.data is not None
            docx = out / f"{contoh}-{jenis}-{tahun}.docx"
            docx.write_bytes(hasil.data)
            KOSONG[docx.stem] = {d.code for d in hasil.diagnostics}
            pairs.append((docx, docx.with_suffix(".pdf")))
    assert len(pairs) == 13
    errors = konversi(pairs, LibreOffice(alat["soffice"], alat["python"]), lambda _p: None)
    assert errors == []
    found = {}
    for docx, pdf in pairs:
        text = subprocess.run(
            [alat["pdftotext"], "-layout", "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout.decode("utf-8")
        found[docx.stem] = (docx.read_bytes(), text.split("\f"))
    return found


def _baris(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def test_no_page_holds_only_a_signature(halaman: dict[str, tuple[bytes, list[str]]]) -> None:
    alone = []
    for name, (_data, pages) in halaman.items():
        for page in pages:
            lines = _baris(page)
            if not any("NIP." in line for line in lines):
                continue
            # Running text or table rows have many lowercase letters on a line; the
            # lines of a signature block (titles, names, rank, NIP) do not.
            content = [x for x in lines if sum(c.islower() for c in x) >= 15]
            if not content:
                alone.append(name)
    # Only where build says the section above it is empty (Sinjai's LKjIP 2017 has no
    # Kata Pengantar text: H001, and --doc all does not build it).
    assert all("H001" in KOSONG[name] for name in alone), alone
    assert alone == ["sinjai-lkjip-2017"]


def test_no_word_is_broken_inside_a_table_cell(
    halaman: dict[str, tuple[bytes, list[str]]],
) -> None:
    """Each piece of a cell that cannot be broken (a word, a number; Word may break
    after "/" and "-") stands whole somewhere in the PDF's text."""
    broken = []
    for name, (data, pages) in halaman.items():
        text = re.sub(r"\s+", " ", " ".join(pages))
        words = {
            p.strip(",.;:()")
            for t in tabel(buka(data))
            for row in t.rows
            for cell in row.cells
            for p in potongan(cell.text.replace("\u00a0", " ").replace("\u200b", ""))
        }
        for w in sorted(words):
            if len(w) >= 4 and w not in text:
                broken.append(f"{name}: {w}")
    assert broken == []


def _label(page: str) -> str | None:
    """The page number printed in the footer (the last line), roman or arabic."""
    lines = _baris(page)
    if lines and re.fullmatch(r"[ivxl]+|\d+", lines[-1]):
        return lines[-1]
    return None


def test_contents_entries_carry_the_page_of_their_heading(
    halaman: dict[str, tuple[bytes, list[str]]],
) -> None:
    checked = 0
    for name, (data, pages) in halaman.items():
        entries = [t for s, t in paragraf(buka(data)) if s == "TOC1" and t]
        for entry in entries:
            m = re.fullmatch(r"(.*)\t([ivxl]+|\d+)", entry)
            assert m, f"{name}: {entry!r} has no page number"
            title, label = m.group(1), m.group(2)
            # A BAB or LAMPIRAN heading is two lines ("BAB I" / "PENDAHULUAN"); a title
            # may wrap: its first words begin the page.
            words = title.split()
            head = " ".join(words[:2] if words[0] in ("BAB", "LAMPIRAN") else words[:3])
            where = [_label(p) for p in pages if _baris(p) and _baris(p)[0].startswith(head)]
            assert label in where, (name, title, label, where)
            checked += 1
        # Each BAB begins a page.
        for bab in (t for t in entries if t.startswith("BAB ")):
            head = " ".join(bab.split()[:2])
            assert any(_baris(p) and _baris(p)[0] == head for p in pages), (name, head)
    assert checked > 30
