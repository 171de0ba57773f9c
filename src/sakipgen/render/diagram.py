"""Charts as native Word charts: DrawingML chart parts holding their figures, each with
a small embedded workbook, so that Word's "Edit Data" opens them and LibreOffice draws
them; in the document's font, with Indonesian number formats and a unit on the value
axis.  Nothing is drawn here: the office suite draws, from the figures.

A chart is a :class:`Grafik` (its chart XML and its workbook); :mod:`sakipgen.render.
paket` stores it in the package and returns the inline drawing that shows it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sakipgen.format import tempat_desimal
from sakipgen.render.tema import TEMA
from sakipgen.render.xml import teks

_NS = (
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
WARNA = ("9DB4D3", "2F5D8C", "C0504D", "9BBB59", "8064A2", "F79646", "4BACC6")
"""Series colours: target light, realisasi dark, then distinct hues for trend lines."""
UKURAN = 800
"""Chart text size in hundredths of a point (8 pt, as the document's small tables)."""


@dataclass(frozen=True)
class Grafik:
    xml: str
    """``word/charts/chartN.xml`` (its ``r:id`` for the workbook is ``rIdData``)."""
    data: bytes
    """The embedded workbook with the chart's figures."""


def _txpr(size: int = UKURAN, bold: bool = False, font: str = "Arial") -> str:
    b = ' b="1"' if bold else ' b="0"'
    return (
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"{b}>'
        f'<a:latin typeface="{teks(font)}"/><a:cs typeface="{teks(font)}"/></a:defRPr></a:pPr>'
        '<a:endParaRPr lang="id-ID"/></a:p></c:txPr>'
    )


def _judul(text: str, font: str, size: int = UKURAN) -> str:
    return (
        "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{size}" b="1"><a:latin typeface="{teks(font)}"/></a:defRPr></a:pPr>'
        f'<a:r><a:rPr lang="id-ID" sz="{size}" b="1"><a:latin typeface="{teks(font)}"/></a:rPr>'
        f"<a:t>{teks(text)}</a:t></a:r></a:p></c:rich></c:tx>"
        '<c:overlay val="0"/></c:title>'
    )


def _kolom(i: int) -> str:
    return chr(ord("B") + i)


def _str_cache(ref: str, values: Sequence[str]) -> str:
    pts = "".join(f'<c:pt idx="{i}"><c:v>{teks(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return (
        f"<c:strRef><c:f>{ref}</c:f><c:strCache>"
        f'<c:ptCount val="{len(values)}"/>{pts}</c:strCache></c:strRef>'
    )


def _num_cache(ref: str, values: Sequence[Decimal | None], fmt: str) -> str:
    pts = "".join(
        f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values) if v is not None
    )
    return (
        f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>{teks(fmt)}</c:formatCode>"
        f'<c:ptCount val="{len(values)}"/>{pts}</c:numCache></c:numRef>'
    )


def format_angka(values: Sequence[Decimal | None]) -> str:
    """The workbook's number format: every value with the decimals it was written with
    (at most 2)."""
    places = min(max((tempat_desimal(v) for v in values if v is not None), default=0), 2)
    return "#,##0" + ("." + "0" * places if places else "")


def _dlbls(values: Sequence[Decimal | None], font: str, pos: str) -> str:
    """Each point labelled with its value as the document prints it ("43,30",
    "2.942.679"): fixed text, so the label reads the same whatever the reader's locale
    (a number format would follow the computer's separators)."""
    from sakipgen.format import angka

    points = "".join(
        f'<c:dLbl><c:idx val="{i}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>'
        f'<a:r><a:rPr lang="id-ID" sz="{UKURAN}"><a:latin typeface="{teks(font)}"/></a:rPr>'
        f"<a:t>{teks(angka(v))}</a:t></a:r></a:p></c:rich></c:tx>"
        f'<c:dLblPos val="{pos}"/><c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
        '<c:showBubbleSize val="0"/></c:dLbl>'
        for i, v in enumerate(values)
        if v is not None
    )
    return (
        f"<c:dLbls>{points}"
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f'{_txpr(font=font)}<c:dLblPos val="{pos}"/>'
        '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
        '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )


def _sumbu(font: str, *, line: bool, puncak: Decimal | None = None) -> str:
    """The category axis (years) and a hidden value axis: the values are on the
    points and the unit is in the title, so no axis number depends on the reader's
    locale or can be clipped."""
    cat = (
        '<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
        f'{_txpr(font=font)}<c:crossAx val="5002"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'
    )
    val = (
        '<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/>'
        # Room above the highest column for its label (the title sits above it).
        + (f'<c:max val="{puncak * Decimal("1.25")}"/>' if puncak else "")
        + ("" if line else '<c:min val="0"/>')
        + '</c:scaling><c:delete val="1"/><c:axPos val="l"/>'
        '<c:majorGridlines><c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="E7E6E6"/>'
        "</a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        '<c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="none"/>'
        '<c:crossAx val="5001"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/></c:valAx>'
    )
    return cat + val


def _dengan_satuan(judul: str, satuan: str) -> str:
    return f"{judul} ({satuan})" if satuan else judul


def _chart_space(plot: str, judul: str, font: str, legend: bool) -> str:
    legend_xml = (
        f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_txpr(font=font)}</c:legend>'
        if legend
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace {_NS}><c:date1904 val="0"/><c:lang val="id-ID"/>'
        '<c:roundedCorners val="0"/><c:chart>'
        f'{_judul(judul, font)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>{plot}'
        f'</c:plotArea>{legend_xml}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>'
        "</c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        f"{_txpr(font=font)}"
        '<c:externalData r:id="rIdData"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )


_CT = "application/vnd.openxmlformats-officedocument."
_BUKU_TIPE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{_CT}spreadsheetml.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CT}spreadsheetml.styles+xml"/>'
    f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_CT}theme+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    f'ContentType="{_CT}spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_BUKU_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_BUKU = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_REL}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_BUKU_BAGIAN_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/theme" Target="theme/theme1.xml"/>'
    f'<Relationship Id="rId4" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_BUKU_GAYA = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '</fonts><fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
    'borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" '
    'fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1">'
    '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _workbook(
    kategori: Sequence[str],
    seri: Sequence[tuple[str, Sequence[Decimal | None]]],
    tanggal: date,
) -> bytes:
    """The chart's figures as a workbook: categories in column A, a series per column.

    Written here rather than with XlsxWriter: the package Excel opens without
    rewriting it (a sheet, its shared strings, styles and theme) is a few fixed parts,
    while XlsxWriter's import and its full package cost about 20 ms per LKjIP, a fifth
    of a document's time in a batch.  ``tests/test_ooxml.py`` validates them.
    """
    teks_sel: list[str] = []

    def sel_teks(ref: str, value: str) -> str:
        teks_sel.append(value)
        return f'<c r="{ref}" t="s"><v>{len(teks_sel) - 1}</v></c>'

    rows = [
        '<row r="1">'
        + "".join(sel_teks(f"{_kolom(i)}1", name) for i, (name, _v) in enumerate(seri))
        + "</row>"
    ]
    for r, k in enumerate(kategori, 2):
        cells = [sel_teks(f"A{r}", k)]
        for i, (_name, values) in enumerate(seri):
            v = values[r - 2] if r - 2 < len(values) else None
            if v is not None:
                cells.append(f'<c r="{_kolom(i)}{r}"><v>{v.normalize():f}</v></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<worksheet {main}><sheetData>{''.join(rows)}</sheetData></worksheet>"
    )
    # Every text once per cell, as written (the SST need not be deduplicated).
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst {main} count="{len(teks_sel)}" uniqueCount="{len(teks_sel)}">'
        + "".join(f'<si><t xml:space="preserve">{teks(t)}</t></si>' for t in teks_sel)
        + "</sst>"
    )
    buf = io.BytesIO()
    stamp = (tanggal.year, tanggal.month, tanggal.day, 0, 0, 0)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, part in (
            ("[Content_Types].xml", _BUKU_TIPE),
            ("_rels/.rels", _BUKU_RELS),
            ("xl/workbook.xml", _BUKU),
            ("xl/_rels/workbook.xml.rels", _BUKU_BAGIAN_RELS),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", sst),
            ("xl/styles.xml", _BUKU_GAYA),
            ("xl/theme/theme1.xml", TEMA),
        ):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, part)
    return buf.getvalue()


def _seri(
    i: int, name: str, vs: Sequence[Decimal | None], kategori: Sequence[str], fmt: str, gaya: str
) -> str:
    """One series: its name, ``gaya`` (colour, markers, labels), categories and values
    (cached, and referring to the embedded workbook's cells)."""
    n = len(kategori)
    return (
        f'<c:ser><c:idx val="{i}"/><c:order val="{i}"/>'
        f"<c:tx>{_str_cache(f'Sheet1!${_kolom(i)}$1', [name])}</c:tx>{gaya}"
        f"<c:cat>{_str_cache(f'Sheet1!$A$2:$A${n + 1}', kategori)}</c:cat>"
        f"<c:val>{_num_cache(f'Sheet1!${_kolom(i)}$2:${_kolom(i)}${n + 1}', vs, fmt)}</c:val>"
    )


def batang(
    judul: str,
    kategori: Sequence[str],
    seri: Sequence[tuple[str, Sequence[Decimal | None]]],
    *,
    satuan: str,
    font: str,
    tanggal: date,
) -> Grafik:
    """A clustered column chart: one group per category, one column per series (target
    and realisasi), values printed on the columns, the unit in the title."""
    fmt = format_angka([v for _, vs in seri for v in vs])
    ser = "".join(
        _seri(
            i,
            name,
            vs,
            kategori,
            fmt,
            f'<c:spPr><a:solidFill><a:srgbClr val="{WARNA[i % len(WARNA)]}"/></a:solidFill>'
            f'</c:spPr><c:invertIfNegative val="0"/>{_dlbls(vs, font, "outEnd")}',
        )
        + "</c:ser>"
        for i, (name, vs) in enumerate(seri)
    )
    puncak = max((v for _, vs in seri for v in vs if v is not None), default=None)
    plot = (
        '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{ser}<c:gapWidth val="60"/>'
        '<c:axId val="5001"/><c:axId val="5002"/></c:barChart>'
        + _sumbu(font, line=False, puncak=puncak if puncak and puncak > 0 else None)
    )
    return Grafik(
        _chart_space(plot, _dengan_satuan(judul, satuan), font, legend=True),
        _workbook(kategori, seri, tanggal),
    )


def garis(
    judul: str,
    kategori: Sequence[str],
    seri: Sequence[tuple[str, Sequence[Decimal | None]]],
    *,
    satuan: str,
    font: str,
    tanggal: date,
) -> Grafik:
    """A line chart with markers: one line per series over the categories (years),
    values printed above the points; a missing value is a gap."""

    def gaya(i: int, vs: Sequence[Decimal | None]) -> str:
        warna = WARNA[(i + 1) % len(WARNA)]
        return (
            f'<c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="{warna}"/></a:solidFill>'
            '</a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{warna}"/></a:solidFill></c:spPr>'
            f"</c:marker>{_dlbls(vs, font, 't')}"
        )

    ser = "".join(
        _seri(i, name, vs, kategori, "#,##0.00", gaya(i, vs)) + '<c:smooth val="0"/></c:ser>'
        for i, (name, vs) in enumerate(seri)
    )
    plot = (
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        f'{ser}<c:marker val="1"/><c:axId val="5001"/><c:axId val="5002"/></c:lineChart>'
        + _sumbu(font, line=True)
    )
    return Grafik(
        _chart_space(plot, _dengan_satuan(judul, satuan), font, legend=True),
        _workbook(kategori, seri, tanggal),
    )
