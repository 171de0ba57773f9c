"""One reader of the documents sakipgen builds, for every test: python-docx (a test-only
dependency, independent of the writer) opens the bytes, and these helpers give typed,
plain views of what a reader of the document sees.

Text is python-docx's: a paragraph's runs joined, ``\\n`` for a line break (``w:br``),
``\\t`` for a tab; a cell's text is its paragraphs joined by ``\\n``.  A page break is
no text.

python-docx has no public API for a few table and section properties the documents rely
on (repeated header rows, rows kept on one page, vertical merges, page numbering, cell
margins, the font size of a paragraph mark).  Those are read here, and only here, from
python-docx's own element objects (``row._tr``, ``cell._tc``, ``paragraph._p``,
``section._sectPr``, ``table._tbl``) with ``docx.oxml.ns.qn``; each place says so.  Other
raw OOXML (field codes, settings) is checked on the XML part (``part`` in
tests/render/conftest.py).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TypeAlias

import docx
from docx.document import Document
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

# python-docx's row and cell classes carry a leading underscore; tests name them so.
Baris: TypeAlias = _Row
Sel: TypeAlias = _Cell

__all__ = [
    "Baris",
    "Document",
    "Paragraph",
    "Section",
    "Sel",
    "Table",
    "baris_isi",
    "baris_kepala",
    "buka",
    "fragmen",
    "gabung",
    "gaya",
    "kepala",
    "nomor_halaman",
    "paragraf",
    "paragraf_semua",
    "properti_tabel",
    "sel",
    "sel_grid",
    "semua_baris",
    "tabel",
    "tak_terpisah",
    "teks_baris",
    "teks_dokumen",
    "teks_tabel",
    "ukuran_huruf",
]

_OFF = {"0", "false", "off"}  # w:val of an on/off property that is set but off


def buka(data: bytes) -> Document:
    """Open a built document's bytes with python-docx."""
    return docx.Document(io.BytesIO(data))


# --- paragraphs ----------------------------------------------------------------------


def gaya(p: Paragraph) -> str:
    """The style id of a paragraph (e.g. "Heading1", "JudulTabel"); a paragraph without
    a w:pStyle has the document's default paragraph style ("Normal")."""
    style = p.style
    return style.style_id if style is not None else ""


def _paragraf_dalam(isi: Iterator[Paragraph | Table]) -> Iterator[Paragraph]:
    for blok in isi:
        if isinstance(blok, Paragraph):
            yield blok
        else:
            for baris in blok.rows:
                for s in sel(baris):
                    yield from _paragraf_dalam(s.iter_inner_content())


def paragraf(dok: Document) -> list[tuple[str, str]]:
    """(style id, text) of every paragraph of the body itself (none inside tables), in
    document order."""
    return [(gaya(p), p.text) for p in dok.paragraphs]


def paragraf_semua(dok: Document) -> list[tuple[str, str]]:
    """(style id, text) of every paragraph in document order, those inside table cells
    (nested tables too) included, each cell read once (see :func:`sel`)."""
    return [(gaya(p), p.text) for p in _paragraf_dalam(dok.iter_inner_content())]


def teks_dokumen(dok: Document) -> str:
    """The text of every paragraph (tables included, document order), one per line."""
    return "\n".join(t for _, t in paragraf_semua(dok))


# --- tables --------------------------------------------------------------------------


def _tabel_dalam(isi: Iterator[Paragraph | Table]) -> Iterator[Table]:
    for blok in isi:
        if isinstance(blok, Table):
            yield blok
            for baris in blok.rows:
                for s in sel(baris):
                    yield from _tabel_dalam(s.iter_inner_content())


def tabel(dok: Document) -> list[Table]:
    """Every table in document order, nested tables right after the table holding them
    (python-docx's ``Document.tables`` has the top-level ones only)."""
    return list(_tabel_dalam(dok.iter_inner_content()))


def sel(baris: Baris) -> list[Sel]:
    """The cells of a row, one per ``<w:tc>``.

    Not ``row.cells``: that repeats a cell once per grid column it spans and gives the
    first cell of a vertical merge for each continuation.  python-docx builds its cells
    from ``tr.tc_lst`` the same way (``_Cell(tc, table)``), with no public API for it.
    """
    return [_Cell(tc, baris.table) for tc in baris._tr.tc_lst]


def sel_grid(baris: Baris) -> list[Sel]:
    """The cells of a row, each repeated once per grid column it spans (``gridSpan``)."""
    return [s for s in sel(baris) for _ in range(s.grid_span)]


def teks_baris(baris: Baris) -> list[str]:
    """The text of each cell of a row, one per ``<w:tc>``."""
    return [s.text for s in sel(baris)]


def semua_baris(dok: Document) -> list[list[str]]:
    """The cell texts (one per ``<w:tc>``) of every row of every table, document order."""
    return [teks_baris(b) for t in tabel(dok) for b in t.rows]


def teks_tabel(t: Table) -> str:
    """A table as text: one line per row, its cells (one per ``<w:tc>``) separated by
    tabs."""
    return "\n".join("\t".join(teks_baris(b)) for b in t.rows)


def _trPr_punya(baris: Baris, tag: str) -> bool:
    # python-docx does not model w:tblHeader or w:cantSplit (CT_TrPr has neither); they
    # are on/off properties of the row's w:trPr.
    trPr = baris._tr.trPr
    el = trPr.find(qn(tag)) if trPr is not None else None
    return el is not None and el.get(qn("w:val"), "true") not in _OFF


def kepala(baris: Baris) -> bool:
    """Whether a row is a header row Word repeats on every page (``w:tblHeader``)."""
    return _trPr_punya(baris, "w:tblHeader")


def tak_terpisah(baris: Baris) -> bool:
    """Whether a row is kept on one page (``w:cantSplit``)."""
    return _trPr_punya(baris, "w:cantSplit")


def baris_kepala(t: Table) -> list[Baris]:
    """The header rows of a table (those with ``w:tblHeader``)."""
    return [b for b in t.rows if kepala(b)]


def baris_isi(t: Table) -> list[Baris]:
    """The rows of a table that are not header rows."""
    return [b for b in t.rows if not kepala(b)]


def gabung(s: Sel) -> str | None:
    """A cell's vertical merge: "restart" (the first cell of a merge), "continue" (a
    cell merged into the one above) or None."""
    # python-docx reads w:vMerge only on its element (CT_Tc.vMerge; a w:vMerge without
    # w:val is "continue"); _Cell has no public property for it.
    return s._tc.vMerge


def properti_tabel(t: Table) -> set[str]:
    """The local names of a table's properties (children of ``w:tblPr``, e.g.
    "tblLayout", "tblCellMar"), most of which python-docx does not model."""
    # No public API for w:tblCellMar or w:tblLayout: read the w:tblPr element.
    return {el.tag.rpartition("}")[2] for el in t._tbl.tblPr if isinstance(el.tag, str)}


def ukuran_huruf(t: Table) -> set[float]:
    """Every font size, in points, set directly in a table: on its runs and on its
    paragraph marks."""
    sizes: set[float] = set()
    for b in t.rows:
        for s in sel(b):
            for p in _paragraf_dalam(s.iter_inner_content()):
                sizes.update(r.font.size.pt for r in p.runs if r.font.size is not None)
                # The paragraph mark's run properties (w:pPr/w:rPr/w:sz, half-points)
                # have no python-docx API.
                pPr = p._p.pPr
                sz = pPr.find(f"{qn('w:rPr')}/{qn('w:sz')}") if pPr is not None else None
                if sz is not None:
                    sizes.add(int(sz.get(qn("w:val"))) / 2)
    return sizes


# --- sections ------------------------------------------------------------------------


def nomor_halaman(seksi: Section) -> tuple[str | None, str | None] | None:
    """A section's page numbering as (format, start), e.g. ("lowerRoman", "1"), or None
    when the section has no ``w:pgNumType``."""
    # python-docx does not model w:pgNumType: read it from the section's w:sectPr.
    num = seksi._sectPr.find(qn("w:pgNumType"))
    if num is None:
        return None
    return num.get(qn("w:fmt")), num.get(qn("w:start"))


# --- fragments -----------------------------------------------------------------------


def fragmen(xml: str) -> BaseOxmlElement:
    """Parse WordprocessingML body content (paragraphs, tables, as the renderer writes
    them) with python-docx's parser; raises if it is not well-formed XML."""
    return parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")
