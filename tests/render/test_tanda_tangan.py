"""Signature blocks (issue 12): the PK's two blocks in one table whose rows align, and
every signature kept on the page of the text it closes."""

from __future__ import annotations

from docx.table import Table
from docx.text.paragraph import Paragraph

from sakipgen.render.dok_ttd import rekat_tanda_tangan
from tests.baca_docx import buka, teks_baris
from tests.render.conftest import docx

NBSP = "\u00a0"


def _tabel_ttd(dok: object) -> list[tuple[list[Paragraph | Table], Table]]:
    """Each signature table (it holds a "NIP." line) with the body items before it."""
    items = list(dok.iter_inner_content())  # type: ignore[attr-defined]
    out = []
    for i, item in enumerate(items):
        if (
            isinstance(item, Table)
            and any("NIP." in c.text for r in item.rows for c in r.cells)
            and len(item.columns) == 2
        ):
            out.append((items[:i], item))
    return out


def test_pk_signatures_align_row_by_row() -> None:
    dok = buka(docx("buleleng", "pk", 2021))
    pk = [t for _, t in _tabel_ttd(dok) if "Pihak Kedua," in t.rows[1].cells[0].text]
    assert len(pk) == 2  # the agreement and its lampiran
    table = pk[0]
    rows = [teks_baris(r) for r in table.rows]
    assert rows[0] == ["", "Singaraja, 29 Oktober 2021"]
    assert rows[1] == ["Pihak Kedua,", "Pihak Pertama,"]
    assert rows[2][0] == "BUPATI BULELENG"
    assert rows[2][1].startswith("KEPALA DINAS PERDAGANGAN")
    # The room to sign is one row for both; the names stand in the same row.
    names = next(r for r in rows if "Sudiarta" in r[1])
    assert names == ["(" + "." * 36 + ")", f"Drs. Dewa Made Sudiarta,{NBSP}M.Si"]
    assert rows[-1] == ["", "NIP. 19741014 199311 1 001"]


def test_every_signature_keeps_the_closing_lines_on_its_page() -> None:
    dok = buka(docx("blora", "lkjip", 2021))
    found = _tabel_ttd(dok)
    assert len(found) == 3  # Kata Pengantar, Penutup, Lampiran PK
    for before, _table in found:
        kept = 0
        for item in reversed(before):
            if isinstance(item, Table):
                # Right after a table (the Lampiran's program table): its last row
                # comes along with the signature.
                last = item.rows[-1].cells[0].paragraphs[0]
                assert last.paragraph_format.keep_with_next
                break
            if item.text.strip():
                assert item.paragraph_format.keep_with_next, item.text
                kept += 1
                if kept == 2:
                    break


def test_no_keeping_across_a_section_break() -> None:
    ttd = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
        '<w:tblCaption w:val="Tanda tangan"/></w:tblPr></w:tbl>'
    )
    body = (
        "<w:p><w:r><w:t>satu</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>akhir seksi</w:t></w:r></w:p>"
        '<w:p><w:pPr><w:pStyle w:val="Teks"/></w:pPr><w:r><w:t>penutup</w:t></w:r></w:p>' + ttd
    )
    out = rekat_tanda_tangan(body)
    assert '<w:pStyle w:val="Teks"/><w:keepNext/>' in out  # after pStyle (schema order)
    assert out.count("<w:keepNext/>") == 1  # not into the previous section
