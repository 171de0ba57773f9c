"""Hollow parts of a built document: what a reviewer would find empty.

Read from the document body as it was written, so that every template (the built-in
ones and a dinas's own) is judged alike:

* H001: a heading with nothing under it before the next heading of its level or
  above (``B. Realisasi Anggaran`` followed by ``C. …``), or at the end;
* H002: a sentence announcing a list or a table (ending in ``:``) that its section
  never follows with one: nothing after it before the next heading, or only ordinary
  paragraphs ("memuat beberapa point diantaranya:" and then prose that lists nothing).

The figures a document is made of are judged by its renderer (H003: a target column
mostly "-"; H004: a signatory not known for the year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakipgen.i18n import _
from sakipgen.render.dok_ttd import PENANDA_TTD
from sakipgen.render.xml import ada_teks, teks_xml

_JUDUL = {"Heading1": 1, "Heading2": 2, "Heading3": 3, "Heading4": 4}


@dataclass(frozen=True)
class _Butir:
    jenis: str  # "judul", "isi", "pengantar" (a paragraph ending in ":")
    teks: str = ""
    level: int = 0
    tersusun: bool = False
    """A list item, a table, a chart or picture, a table of contents, a statement set
    apart (the visi, centred): what an announcing sentence announces; not a paragraph
    of the running text."""


_PROSA = frozenset({"", "Normal", "Teks", "TeksRapat"})
"""The paragraph styles of running text (templates/docx/styles.xml)."""

_DAFTAR = re.compile(r"<w:numPr>")
"""A paragraph numbered by Word (a dinas's own template may number lists so)."""

_PENANDA_DAFTAR = re.compile(r"^(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-•*–])\s")
"""A list item typed as text ("1. ", "a) ", "- "), in whatever style."""


_GAYA = re.compile(r'^<w:p\b[^>]*>\s*<w:pPr>\s*<w:pStyle w:val="([^"]*)"')


def _teks(fragment: str) -> str:
    return teks_xml(fragment, " ").strip()


_BUTIR = re.compile(r"<w:tbl>|<w:p/|<w:p[\s>]")
"""The start of a body-level table or paragraph."""


def _akhir_tabel(body: str, start: int) -> int:
    """The end of the table opening at ``start`` (nested tables counted)."""
    depth, pos = 0, start
    while True:
        nxt_open = body.find("<w:tbl>", pos)
        nxt_close = body.find("</w:tbl>", pos)
        if nxt_close < 0:
            return len(body)
        if 0 <= nxt_open < nxt_close:
            depth += 1
            pos = nxt_open + 7
        else:
            depth -= 1
            pos = nxt_close + 8
            if depth == 0:
                return pos


def _butir(body: str) -> list[_Butir]:
    """The body-level items of the document, read by scanning the XML sakipgen wrote
    (tables are skipped whole: a document is mostly tables, and parsing every cell
    cost more than rendering them)."""
    out: list[_Butir] = []
    pos = 0
    while (m := _BUTIR.search(body, pos)) is not None:
        p = m.start()
        if m.group(0) == "<w:tbl>":
            end = _akhir_tabel(body, p)
            table = body[p:end]
            signature = PENANDA_TTD in table[: table.find("</w:tblPr>")]
            if not signature and ada_teks(table):
                out.append(_Butir("isi", tersusun=True))  # a signature alone fills none
            pos = end
            continue
        if m.group(0) == "<w:p/":
            pos = m.end()
            continue
        end = body.find("</w:p>", p)
        end = len(body) if end < 0 else end + 6
        para = body[p:end]
        pos = end
        m = _GAYA.match(para)
        sid = m.group(1) if m else ""
        text = _teks(para)
        if sid in _JUDUL:
            out.append(_Butir("judul", text, _JUDUL[sid]))
        elif "<w:drawing>" in para or "<w:fldChar" in para:
            out.append(_Butir("isi", tersusun=True))  # a chart, a logo, a table of contents
        elif text and (sid not in _PROSA or _DAFTAR.search(para) or _PENANDA_DAFTAR.match(text)):
            # a list item (whatever it ends in), a statement set apart
            out.append(_Butir("isi", text, tersusun=True))
        elif text:
            out.append(_Butir("pengantar" if text.endswith(":") else "isi", text))
    return out


def bagian_kosong(body: str) -> list[tuple[str, str]]:
    """(code, message) for each hollow part of ``body`` (a document's body XML)."""
    items = _butir(body)
    found: list[tuple[str, str]] = []
    level = 0  # of the section the current item stands in
    for i, b in enumerate(items):
        after = items[i + 1 :]
        if b.jenis == "judul":
            level = b.level
            nxt = next((x for x in after if not (x.jenis == "judul" and x.level > b.level)), None)
            if nxt is None or nxt.jenis == "judul":
                found.append(("H001", _("bagian '{judul}' kosong").format(judul=_ringkas(b.teks))))
        elif b.jenis == "pengantar":
            # What the sentence announces must follow within its section: a list, a
            # table, a figure, or the section's own subsections.  Prose may come first
            # (a narrative may introduce its list in more than one sentence), but prose
            # alone lists nothing.
            bagian = _sisa_bagian(after, level)
            if any(x.tersusun or x.jenis == "judul" for x in bagian):
                continue
            kalimat = _ringkas(b.teks)
            if not bagian:
                found.append(
                    ("H002", _("'{kalimat}' tidak diikuti isinya").format(kalimat=kalimat))
                )
            else:
                found.append(
                    (
                        "H002",
                        _(
                            "'{kalimat}' diikuti paragraf biasa saja, tanpa daftar, tabel atau "
                            "gambar yang diumumkannya"
                        ).format(kalimat=kalimat),
                    )
                )
    return found


def _sisa_bagian(after: list[_Butir], level: int) -> list[_Butir]:
    """The items of ``after`` up to the next heading of level ``level`` or above."""
    out: list[_Butir] = []
    for x in after:
        if x.jenis == "judul" and x.level <= level:
            break
        out.append(x)
    return out


def _ringkas(text: str, batas: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= batas else one[: batas - 1] + "…"
