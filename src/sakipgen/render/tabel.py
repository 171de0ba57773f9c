"""Tables in WordprocessingML: header rows that repeat on every page, rows that do
not split across pages, merged cells, and the ``(1) (2) (3)`` column-number row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from sakipgen.render import ukur
from sakipgen.render.xml import para, run, teks_xml


@dataclass(frozen=True)
class Kol:
    """A leaf column: its share of the table's width (relative) and the alignment of
    its cells.  The share is a preference: :func:`tabel` widens a column whose
    longest word or number would not fit, taking the room from the others."""

    lebar: float
    """The column's share; 0: a share in proportion to its content (its widest line,
    at most :data:`ALAMI_MAKS`), for tables whose columns are not known in advance."""
    align: str = "left"


@dataclass(frozen=True)
class Sel:
    isi: str | Markup = ""
    span: int = 1
    vmerge: str | None = None
    """``"restart"`` on the first cell of a vertical merge, ``"continue"`` below it."""
    bold: bool = False
    italic: bool = False
    align: str | None = None
    shade: str | None = None


def sel(value: object, **kw: object) -> Sel:
    if isinstance(value, Sel):
        return value
    return Sel("" if value is None else value if isinstance(value, Markup) else str(value), **kw)  # type: ignore[arg-type]


HEADER_SHADE = "D9D9D9"

_UKURAN = {False: (20, 70), True: (16, 40)}
"""Table text size (half-points) and cell margin (twips, each side) of the table
styles ``TabelSakip`` / ``TeksTabel`` and, for ``font_kecil``, ``TabelKecil`` /
``TeksTabelKecil`` (templates/docx/styles.xml)."""
ALAMI_MAKS = 3900
"""A ``Kol(0)`` column's share counts at most this much of its content (twips at
10 pt, about 35 digits): a long text must not squeeze the other columns."""
_KENDUR = 24
"""Slack added to every measured width: Word and LibreOffice do not set text to
exactly the same widths."""


def teks_sel(isi: str | Markup) -> str:
    """The text a cell shows: a plain string, or the ``w:t`` runs of a cell's ready
    WordprocessingML (paragraphs and line breaks become ``\n``)."""
    if not isinstance(isi, Markup) or "<w:" not in isi:
        return str(isi)
    return teks_xml(isi).strip("\n")


def lebar_kolom(
    kolom: Sequence[Kol], baris: Sequence[tuple[Sequence[object], bool]], lebar: int, kecil: bool
) -> list[int]:
    """Widths (twips, summing to ``lebar``) of the leaf columns: each its share of
    ``lebar``, but none narrower than the longest word or number of its cells
    (:func:`ukur.bagi`).  ``baris``: every row with whether it is set bold."""
    size, margin = _UKURAN[kecil]
    # (The table text is regular; header and total rows, and bold cells, are bold.)
    biasa: list[list[str]] = [[] for _ in kolom]
    tebal: list[list[str]] = [[] for _ in kolom]
    for cells, bold in baris:
        col = 0
        for raw in cells:
            c = sel(raw)
            if c.span <= 1 and col < len(kolom) and c.vmerge != "continue":
                (tebal if bold or c.bold else biasa)[col].append(teks_sel(c.isi))
            col += max(1, c.span)
    pad = 2 * margin + _KENDUR
    need = []
    for k, b, t in zip(kolom, biasa, tebal, strict=True):
        word = max(
            ukur.kata_terlebar(b, setengah_pt=size),
            ukur.kata_terlebar(t, setengah_pt=size, tebal=True),
        )
        bobot = k.lebar
        if not bobot:
            line = max(
                ukur.baris_terlebar(b, setengah_pt=size),
                ukur.kata_terlebar(t, setengah_pt=size, tebal=True),  # headers may wrap
            )
            bobot = min(line, ALAMI_MAKS * size // 20) + pad
        need.append(ukur.Kebutuhan(word + pad, word + pad, bobot=bobot))
    return ukur.bagi(need, lebar)


def _cell(c: Sel, width: int, align: str, header: bool, kecil: bool = False) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if c.span > 1:
        tcpr += f'<w:gridSpan w:val="{c.span}"/>'
    if c.vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif c.vmerge == "continue":
        tcpr += "<w:vMerge/>"
    shade = c.shade or (HEADER_SHADE if header else None)
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    tcpr += '<w:vAlign w:val="center"/>' if header else ""
    if isinstance(c.isi, Markup) and c.isi.startswith("<w:p"):
        body = str(c.isi)
    else:
        text = "" if c.vmerge == "continue" else str(c.isi)
        style = ("KepalaTabel" if header else "TeksTabel") + ("Kecil" if kecil else "")
        content = run(text, bold=c.bold, italic=c.italic) if text else ""
        body = str(para(content, style=style, align=c.align or ("center" if header else align)))
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>"


_BARIS_EM = 1.15
"""The height of a line of table text, in ems (the fonts' ascent and descent)."""
_SPASI_SEL = 40 + 20
"""Twips a cell's paragraph adds to its lines: spacing before and after (TeksTabel) and
the border."""


def tinggi_kepala(
    header: Sequence[Sequence[object]], widths: Sequence[int], kecil: bool
) -> dict[int, int]:
    """Minimum heights (twips) of the header rows that a vertically merged header cell
    needs more room across than the rows' own cells give it: header row index → height.

    Word grows the rows to fit such a cell; LibreOffice does too on the table's first
    page, but not in the header it repeats on later pages, where it cuts the cell's
    last lines ("Realisasi Anggaran s.d. Triwulan III (Rp)" without "III (Rp)").  The
    lines are counted as :func:`ukur.jumlah_baris` sets them; the height goes on the
    last row the cell spans."""
    size, margin = _UKURAN[kecil]
    line = round(size * 10 * _BARIS_EM)
    rows: list[dict[int, tuple[Sel, int]]] = []
    for cells in header:
        row: dict[int, tuple[Sel, int]] = {}
        col = 0
        for raw in cells:
            c = sel(raw)
            row[col] = (c, max(1, c.span))
            col += max(1, c.span)
        rows.append(row)

    def height(c: Sel, col: int, span: int) -> int:
        room = sum(widths[col : col + span]) - 2 * margin
        n = ukur.jumlah_baris(teks_sel(c.isi), room, setengah_pt=size, tebal=True)
        return n * line + _SPASI_SEL

    own = [
        max((height(c, col, n) for col, (c, n) in row.items() if c.vmerge is None), default=0)
        for row in rows
    ]
    out: dict[int, int] = {}
    for r, row in enumerate(rows):
        for col, (c, n) in row.items():
            if c.vmerge != "restart":
                continue
            end = r
            while end + 1 < len(rows) and (below := rows[end + 1].get(col)) is not None:
                if below[0].vmerge != "continue":
                    break
                end += 1
            short = height(c, col, n) - sum(own[r : end + 1])
            if end > r and short > 0:
                out[end] = max(out.get(end, 0), own[end] + short)
    return out


def tabel(
    kolom: Sequence[Kol],
    header: Sequence[Sequence[object]],
    body: Sequence[Sequence[object]],
    *,
    lebar: int,
    nomor_kolom: bool = True,
    footer: Sequence[Sequence[object]] = (),
    font_kecil: bool = False,
    terukur: bool = False,
) -> Markup:
    """A full-width table; ``lebar`` is the text width in twips.  Column widths come
    from :func:`lebar_kolom`; ``terukur``: the ``Kol`` widths are already twips sized
    to the content by the caller (who knows the cells' own font sizes)."""
    if terukur:
        widths = [round(k.lebar) for k in kolom]
    else:
        numbers = [[f"({i})" for i in range(1, len(kolom) + 1)]] if nomor_kolom else []
        widths = lebar_kolom(
            kolom,
            [(h, True) for h in header]
            + [(r, False) for r in [*numbers, *body]]
            + [(f, True) for f in footer],
            lebar,
            font_kecil,
        )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    style = "TabelKecil" if font_kecil else "TabelSakip"
    rows: list[str] = []
    tinggi = {} if terukur else tinggi_kepala(header, widths, font_kecil)

    def emit(
        cells: Sequence[object], *, is_header: bool, bold: bool = False, tinggi: int = 0
    ) -> None:
        col = 0
        out = []
        for raw in cells:
            c = sel(raw, bold=bold) if not isinstance(raw, Sel) else raw
            span = max(1, c.span)
            width = sum(widths[col : col + span])
            align = kolom[col].align if col < len(kolom) else "left"
            out.append(_cell(c, width, align, is_header, font_kecil))
            col += span
        trpr = "<w:cantSplit/>"
        if tinggi:
            trpr += f'<w:trHeight w:val="{tinggi}" w:hRule="atLeast"/>'
        trpr += "<w:tblHeader/>" if is_header else ""
        rows.append(f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(out)}</w:tr>")

    for i, h in enumerate(header):
        emit(h, is_header=True, bold=True, tinggi=tinggi.get(i, 0))
    if nomor_kolom:
        emit([Sel(f"({i})", align="center") for i in range(1, len(kolom) + 1)], is_header=True)
    for r in body:
        emit(r, is_header=False)
    for f in footer:
        emit(f, is_header=False, bold=True)
    tblpr = (
        f'<w:tblPr><w:tblStyle w:val="{style}"/><w:tblW w:w="{lebar}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
    )
    # An empty paragraph after a table keeps two adjacent tables from merging in Word.
    return Markup(
        f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        + str(para("", style="SetelahTabel"))
    )


def awal_tabel_tanpa_garis(lebar: int, widths: Sequence[int], caption: str = "") -> str:
    """The opening (properties and grid) of a borderless fixed-layout table for layout:
    charts side by side, signature blocks.  ``caption`` (``w:tblCaption``) names it for
    whoever looks for it later."""
    grid = "".join(f'<w:gridCol w:w="{cw}"/>' for cw in widths)
    cap = f'<w:tblCaption w:val="{caption}"/>' if caption else ""
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
        f'<w:tblW w:w="{lebar}" w:type="dxa"/><w:tblLayout w:type="fixed"/>{cap}</w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    )


def merge_column(rows: list[list[object]], index: int, group: Sequence[int]) -> None:
    """Merge column ``index`` vertically over runs of rows: ``group`` gives each row's
    run length at its first row (0 for rows inside a run)."""
    for r, n in enumerate(group):
        if n > 1:
            first = rows[r][index]
            rows[r][index] = (
                sel(first, vmerge="restart")
                if not isinstance(first, Sel)
                else Sel(
                    first.isi,
                    first.span,
                    "restart",
                    first.bold,
                    first.italic,
                    first.align,
                    first.shade,
                )
            )
            for k in range(1, n):
                rows[r + k][index] = Sel("", vmerge="continue")
