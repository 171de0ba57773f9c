"""The two package parts Word expects beside the styles: the font table and the theme
(a document without them opens, but a validator for Microsoft 365 flags it, and Word
may offer to repair it)."""

from __future__ import annotations

import re

from sakipgen.render.xml import teks

_FONT = re.compile(r'w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"')


def tabel_font(styles: str) -> str:
    """``word/fontTable.xml`` naming every font the styles name (Arial for the
    built-in styles; a dinas's ``reference.docx`` may name others)."""
    names = sorted(set(_FONT.findall(styles))) or ["Arial"]
    fonts = "".join(
        f'<w:font w:name="{teks(n)}"><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for n in names
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"{fonts}</w:fonts>"
    )


def _warna(nama: str, rgb: str) -> str:
    return f'<a:{nama}><a:srgbClr val="{rgb}"/></a:{nama}>'


_ISI = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_GARIS = (
    '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">' + _ISI + '<a:prstDash val="solid"/></a:ln>'
)

TEMA = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office">'
    "<a:themeElements>"
    # The colours and fonts of Word's own default ("Office") theme: a style of a dinas's
    # reference.docx that names a theme font gets what Word would give it.
    '<a:clrScheme name="Office">'
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
    + _warna("dk2", "44546A")
    + _warna("lt2", "E7E6E6")
    + _warna("accent1", "4472C4")
    + _warna("accent2", "ED7D31")
    + _warna("accent3", "A5A5A5")
    + _warna("accent4", "FFC000")
    + _warna("accent5", "5B9BD5")
    + _warna("accent6", "70AD47")
    + _warna("hlink", "0563C1")
    + _warna("folHlink", "954F72")
    + "</a:clrScheme>"
    '<a:fontScheme name="Office">'
    '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
    "</a:majorFont>"
    '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>'
    "</a:minorFont>"
    "</a:fontScheme>"
    '<a:fmtScheme name="Office">'
    "<a:fillStyleLst>" + _ISI * 3 + "</a:fillStyleLst>"
    "<a:lnStyleLst>" + "".join(_GARIS.format(w=w) for w in (6350, 12700, 19050)) + "</a:lnStyleLst>"
    "<a:effectStyleLst>"
    + "<a:effectStyle><a:effectLst/></a:effectStyle>"
    * 3
    + "</a:effectStyleLst>"
    "<a:bgFillStyleLst>" + _ISI * 3 + "</a:bgFillStyleLst>"
    "</a:fmtScheme>"
    "</a:themeElements>"
    "<a:objectDefaults/><a:extraClrSchemeLst/>"
    "</a:theme>"
)
"""``word/theme/theme1.xml``."""
