"""The .docx package: parts, relationships, images, sections, and a deterministic zip.

The same input gives the same bytes: zip entries in a fixed order with a fixed
timestamp, and core properties taken from the document (its date), never the
clock.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

from sakipgen.model.folder import UkuranHalaman
from sakipgen.render.diagram import Grafik
from sakipgen.render.tema import TEMA, tabel_font
from sakipgen.render.xml import teks

W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
EMU_PER_TWIP = 635


Halaman = UkuranHalaman
"""Page size and margins of one orientation, in twips (read with the templates)."""


@dataclass(frozen=True)
class Seksi:
    lanskap: bool = False
    nomor: str | None = "decimal"
    """Page number format in the footer: ``decimal``, ``lowerRoman``, or None (no number)."""
    mulai: int | None = None
    """Restart page numbering at this number."""


@dataclass
class Paket:
    """Collects what a document needs besides its body: images and their relationships."""

    potret: Halaman
    lanskap: Halaman
    media: list[tuple[str, bytes]] = field(default_factory=list)
    diagram: list[Grafik] = field(default_factory=list)
    """Native charts: ``word/charts/chartN.xml`` with an embedded workbook each."""
    font: str = "Arial"
    """The document's font (its styles' default), for the charts' text."""

    def _id_gambar(self) -> int:
        """The next drawing id (``wp:docPr``), unique over pictures and charts."""
        return len(self.media) + len(self.diagram) + 1

    def halaman(self, seksi: Seksi) -> Halaman:
        return self.lanskap if seksi.lanskap else self.potret

    def sect_pr(self, seksi: Seksi) -> str:
        h = self.halaman(seksi)
        orient = ' w:orient="landscape"' if seksi.lanskap else ""
        footer = "rIdFooterHalaman" if seksi.nomor else "rIdFooterKosong"
        num = ""
        if seksi.nomor:
            start = f' w:start="{seksi.mulai}"' if seksi.mulai is not None else ""
            num = f'<w:pgNumType w:fmt="{seksi.nomor}"{start}/>'
        return (
            f'<w:sectPr><w:footerReference w:type="default" r:id="{footer}"/>'
            f'<w:type w:val="nextPage"/><w:pgSz w:w="{h.lebar}" w:h="{h.tinggi}"{orient}/>'
            f'<w:pgMar w:top="{h.atas}" w:right="{h.kanan}" w:bottom="{h.bawah}" '
            f'w:left="{h.kiri}" w:header="709" w:footer="709" w:gutter="0"/>'
            f'{num}<w:cols w:space="708"/></w:sectPr>'
        )

    def gambar(
        self, data: bytes, lebar_twip: int, tinggi_twip: int, nama: str, jenis: str = "png"
    ) -> Markup:
        """An inline picture (``jenis`` png or jpeg); the bytes are stored once."""
        index = self._id_gambar()
        n = len(self.media) + 1
        rid = f"rIdGambar{n}"
        self.media.append((f"gambar{n}.{'jpeg' if jenis == 'jpeg' else 'png'}", data))
        cx, cy = lebar_twip * EMU_PER_TWIP, tinggi_twip * EMU_PER_TWIP
        name = teks(nama)
        return Markup(
            f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{index}" name="{name}"/>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{index}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            f"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )

    def grafik(self, g: Grafik, lebar_twip: int, tinggi_twip: int, nama: str) -> Markup:
        """An inline native chart (a DrawingML chart part with its workbook)."""
        index = self._id_gambar()
        self.diagram.append(g)
        n = len(self.diagram)
        cx, cy = lebar_twip * EMU_PER_TWIP, tinggi_twip * EMU_PER_TWIP
        name = teks(nama)
        return Markup(
            f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{index}" name="{name}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
            '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
            f'r:id="rIdGrafik{n}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        )


def _content_types(media: list[tuple[str, bytes]], diagram: int = 0) -> str:
    exts = {name.rsplit(".", 1)[1] for name, _ in media}
    png = "".join(
        f'<Default Extension="{e}" ContentType="image/{e}"/>' for e in ("jpeg", "png") if e in exts
    )
    if diagram:
        png += (
            '<Default Extension="xlsx" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>'
        )
    charts = "".join(
        f'<Override PartName="/word/charts/chart{n}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
        for n in range(1, diagram + 1)
    )
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{png}"
        f'<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>'
        f'<Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/>'
        f'<Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/>'
        '<Override PartName="/word/theme/theme1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/>'
        f'<Override PartName="/word/footer2.xml" ContentType="{wml}.footer+xml"/>'
        f"{charts}"
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

_SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    # In the schema's order (CT_Settings), or Word may call the file damaged.
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    # Word refreshes the table of contents and the lists of tables and figures on opening.
    '<w:updateFields w:val="true"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="id-ID"/>'
    "</w:settings>"
)


def _doc_rels(media: list[tuple[str, bytes]], diagram: int = 0) -> str:
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = [
        f'<Relationship Id="rIdStyles" Type="{base}/styles" Target="styles.xml"/>',
        f'<Relationship Id="rIdSettings" Type="{base}/settings" Target="settings.xml"/>',
        f'<Relationship Id="rIdFontTable" Type="{base}/fontTable" Target="fontTable.xml"/>',
        f'<Relationship Id="rIdTheme" Type="{base}/theme" Target="theme/theme1.xml"/>',
        f'<Relationship Id="rIdFooterHalaman" Type="{base}/footer" Target="footer1.xml"/>',
        f'<Relationship Id="rIdFooterKosong" Type="{base}/footer" Target="footer2.xml"/>',
    ]
    for i, (name, _) in enumerate(media, 1):
        rels.append(f'<Relationship Id="rIdGambar{i}" Type="{base}/image" Target="media/{name}"/>')
    for n in range(1, diagram + 1):
        rels.append(
            f'<Relationship Id="rIdGrafik{n}" Type="{base}/chart" Target="charts/chart{n}.xml"/>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )


def _chart_rels(book: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdData" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/package" Target="../embeddings/{book}"/></Relationships>'
    )


def _core(judul: str, tanggal: date, penyusun: str) -> str:
    stamp = f"{tanggal.isoformat()}T00:00:00Z"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{teks(judul)}</dc:title><dc:creator>{teks(penyusun)}</dc:creator>"
        "<dc:language>id-ID</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>sakipgen</Application></Properties>"
)


def zip_docx(
    body: str,
    final_sect: str,
    paket: Paket,
    *,
    styles: str,
    footer_halaman: str,
    footer_kosong: str,
    judul: str,
    tanggal: date,
    penyusun: str,
) -> bytes:
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {W_NS}><w:body>{body}{final_sect}</w:body></w:document>"
    )
    parts: list[tuple[str, str | bytes]] = [
        ("[Content_Types].xml", _content_types(paket.media, len(paket.diagram))),
        ("_rels/.rels", _ROOT_RELS),
        ("docProps/core.xml", _core(judul, tanggal, penyusun)),
        ("docProps/app.xml", _APP),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", _doc_rels(paket.media, len(paket.diagram))),
        ("word/styles.xml", styles),
        ("word/settings.xml", _SETTINGS),
        ("word/fontTable.xml", tabel_font(styles)),
        ("word/theme/theme1.xml", TEMA),
        ("word/footer1.xml", footer_halaman),
        ("word/footer2.xml", footer_kosong),
    ]
    parts += [(f"word/media/{name}", data) for name, data in paket.media]
    for n, g in enumerate(paket.diagram, 1):
        book = f"Microsoft_Excel_Worksheet{n}.xlsx"
        parts += [
            (f"word/charts/chart{n}.xml", g.xml),
            (f"word/charts/_rels/chart{n}.xml.rels", _chart_rels(book)),
            (f"word/embeddings/{book}", g.data),
        ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


_FONT_BAWAAN = re.compile(r"<w:docDefaults>.*?<w:rFonts [^>]*w:ascii=\"([^\"]+)\"", re.S)


def font_dokumen(styles: str) -> str:
    """The default font of ``styles.xml`` (docDefaults), else Arial."""
    m = _FONT_BAWAAN.search(styles)
    return m.group(1) if m else "Arial"
