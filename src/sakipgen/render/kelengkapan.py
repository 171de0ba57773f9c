"""Hollow parts of a built document: what a reviewer would find empty.

Read from the document body as it was written, so that every template (the built-in
ones and a dinas's own) is judged alike:

* H001: a heading with nothing under it before the next heading of its level or
  above (``B. Realisasi Anggaran`` followed by ``C. …``), or at the end;
* H002: a sentence announcing a list or a table (ending in ``:``) with nothing after
  it before the next heading ("memuat beberapa point diantaranya:").

The figures a document is made of are judged by its renderer (H003: a target column
mostly "-"; H004: a signatory not known for the year).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

from sakipgen.i18n import _
from sakipgen.render.paket import W_NS

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_JUDUL = {"Heading1": 1, "Heading2": 2, "Heading3": 3, "Heading4": 4}


@dataclass(frozen=True)
class _Butir:
    jenis: str  # "judul", "isi", "pengantar" (a paragraph ending in ":")
    teks: str = ""
    level: int = 0


def _teks(el: ET.Element) -> str:
    parts = []
    for node in el.iter():
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag in (f"{_W}br", f"{_W}tab"):
            parts.append(" ")
    return "".join(parts).strip()


def _butir(body: str) -> list[_Butir]:
    root = ET.fromstring(f"<w:body {W_NS}>{body}</w:body>")
    out: list[_Butir] = []
    for el in root:
        if el.tag == f"{_W}tbl":
            caption = el.find(f"{_W}tblPr/{_W}tblCaption")
            signature = caption is not None and caption.get(f"{_W}val") == "Tanda tangan"
            if _teks(el) and not signature:  # a signature alone fills no section
                out.append(_Butir("isi"))
            continue
        if el.tag != f"{_W}p":
            continue
        style = el.find(f"{_W}pPr/{_W}pStyle")
        sid = style.get(f"{_W}val", "") if style is not None else ""
        text = _teks(el)
        if sid in _JUDUL:
            out.append(_Butir("judul", text, _JUDUL[sid]))
        elif any(True for _ in el.iter(f"{_W}drawing")) or any(
            True for _ in el.iter(f"{_W}fldChar")
        ):
            out.append(_Butir("isi"))  # a chart, a logo, a table of contents
        elif text:
            kind = "pengantar" if text.endswith(":") else "isi"
            out.append(_Butir(kind, text))
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
            nxt = after[0] if after else None
            # What the sentence announces must follow: a list, a table, a figure, prose,
            # or the subsections of this section; not the next section or the end.
            # (Prose after it is not judged: a narrative may go on in its own way.)
            if nxt is None or (nxt.jenis == "judul" and nxt.level <= level):
                found.append(
                    (
                        "H002",
                        _("'{kalimat}' tidak diikuti isinya").format(kalimat=_ringkas(b.teks)),
                    )
                )
    return found


def _ringkas(text: str, batas: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= batas else one[: batas - 1] + "…"
