"""What every document template can call: headings, narrative, captions numbered per
BAB, sections, table of contents, kop surat, signature blocks, pictures.

A template is a Jinja file producing the WordprocessingML body.  It gets one
:class:`Dokumen` as ``doc`` plus the document's own data; everything that turns
user text into XML goes through :mod:`sakipgen.render.xml`, which escapes it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from markupsafe import Markup

from sakipgen.diagnostics import Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import TabelHitung
from sakipgen.model.nilai import format_nip
from sakipgen.model.tabel import Kolom, Tabel
from sakipgen.render import xml
from sakipgen.render.markdown import markdown
from sakipgen.render.paket import Paket, Seksi
from sakipgen.render.tabel import Kol, Sel, tabel

# The documented table marker (README "Narrative"): a line that is this and nothing else,
# in any case and spacing.  Other comment lines are not printed but place nothing.
_MARKER = re.compile(r"<!--\s*tabel\s*-->", re.IGNORECASE)

ROMAWI = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


class Penanda(Protocol):
    """A signatory as a template has it: a model, or the same fields as plain data."""

    @property
    def nama(self) -> str | None: ...
    @property
    def jabatan(self) -> str: ...
    @property
    def pangkat(self) -> str | None: ...
    @property
    def golongan(self) -> str | None: ...
    @property
    def nip(self) -> str | None: ...


class DataKurang(Exception):
    """The document needs data the folder does not have (reported as D001)."""


@dataclass
class Dokumen:
    """The ``doc`` helper of every template.  A template may use only the names in
    :data:`API` (the sandbox enforces it); everything else here is the renderers'."""

    API: ClassVar[frozenset[str]] = frozenset(
        {
            "seksi",
            "lebar",
            "seksi_baru",
            "halaman_baru",
            "bab_baru",
            "judul",
            "judul_halaman",
            "p",
            "teks",
            "narasi",
            "ada_narasi",
            "judul_tabel",
            "judul_gambar",
            "daftar_isi",
            "daftar_tabel",
            "daftar_gambar",
            "kop",
            "logo",
            "tanda_tangan",
            "dua_tanda_tangan",
            "tabel_identitas",
            "tanda_tangan_pk",
            "blok_kanan",
        }
    )

    dinas: Dinas
    tahun: int | None
    paket: Paket
    narasi_terisi: Mapping[tuple[int, str], str] = field(default_factory=dict)
    """(year, name) → narrative with its figures filled in (from the pipeline)."""
    tabel_terhitung: Mapping[tuple[int, str], TabelHitung] = field(default_factory=dict)
    """(year, table name) → the supporting table's computed cells (from the pipeline)."""
    seksi: Seksi = field(default_factory=lambda: Seksi(nomor=None))
    bab: int = 0
    _tabel: int = 0
    _gambar: int = 0
    daftar_tabel_isi: list[str] = field(default_factory=list)
    daftar_gambar_isi: list[str] = field(default_factory=list)
    judul_isi: list[tuple[int, str]] = field(default_factory=list)
    masalah: list[Diagnostic] = field(default_factory=list)

    # --- page layout ---------------------------------------------------------------

    @property
    def lebar(self) -> int:
        """Text width of the current section, in twips."""
        return self.paket.halaman(self.seksi).lebar_teks

    def seksi_baru(
        self, *, lanskap: bool = False, nomor: str | None = "decimal", mulai: int | None = None
    ) -> Markup:
        """End the current section here; what follows is on a new page with these settings."""
        end = Markup(f"<w:p><w:pPr>{self.paket.sect_pr(self.seksi)}</w:pPr></w:p>")
        self.seksi = Seksi(lanskap=lanskap, nomor=nomor, mulai=mulai)
        return end

    def halaman_baru(self) -> Markup:
        return xml.page_break()

    # --- headings and text -----------------------------------------------------------

    def bab_baru(self, nomor: int, judul: str) -> Markup:
        """``BAB III`` / ``AKUNTABILITAS KINERJA`` on Heading 1; captions restart at 3.1."""
        self.bab = nomor
        self._tabel = 0
        self._gambar = 0
        label = f"BAB {ROMAWI[nomor] if nomor < len(ROMAWI) else nomor}"
        self.judul_isi.append((1, f"{label} {judul}"))
        content = Markup(str(xml.run(label)) + "<w:r><w:br/></w:r>" + str(xml.run(judul)))
        return xml.para(content, style="Heading1")

    def judul(self, teks: str, level: int = 2) -> Markup:
        self.judul_isi.append((level, teks))
        return xml.para(teks, style=f"Heading{level}")

    def judul_halaman(self, teks: str, *, daftar: bool = True) -> Markup:
        """A centred title on a new page outside the BAB numbering (KATA PENGANTAR,
        DAFTAR ISI, LAMPIRAN …); on Heading 1 when it belongs in the table of contents."""
        if daftar:
            self.judul_isi.append((1, teks))
            return xml.para(teks, style="Heading1")
        return xml.para(teks, style="JudulHalaman", page_break_before=True)

    def p(
        self, teks: str, *, align: str | None = None, bold: bool = False, style: str = "Teks"
    ) -> Markup:
        return xml.para(xml.run(teks, bold=bold), style=style, align=align)

    def teks(self, markdown_text: str, *, style: str = "Teks") -> Markup:
        """Markdown given by the template itself (fixed wording)."""
        return markdown(markdown_text, style=style)

    def narasi(
        self, nama: str, *, wajib: bool = False, sisipan: Sequence[Callable[[], Markup]] = ()
    ) -> Markup:
        """A narrative block of the dinas (year first, then dinas-wide), figures filled in.

        What belongs inside it goes at its ``<!-- tabel -->`` marker lines, in order: first
        the ``sisipan`` the template passes (e.g. a computed table), then the supporting
        tables whose ``letak`` names this narrative; whatever has no marker follows the text.
        """
        block = self.dinas.narasi_untuk(self.tahun, nama)
        inserts: list[Callable[[], Markup]] = [*sisipan, *self._tabel_untuk(nama)]
        if block is None:
            if wajib:
                raise DataKurang(_("narasi '{nama}.md' tidak ada").format(nama=nama))
            return Markup("".join(str(f()) for f in inserts))
        text = block.teks
        if self.tahun is not None:
            text = self.narasi_terisi.get((self.tahun, nama), text)
        from sakipgen.render.markdown import pisah_tabel

        parts = pisah_tabel(text, _MARKER)  # lines ending in LF, CRLF or CR alike
        out = [str(markdown(parts[0]))]
        for i, part in enumerate(parts[1:]):
            if i < len(inserts):
                out.append(str(inserts[i]()))
            out.append(str(markdown(part)))
        out += [str(f()) for f in inserts[len(parts) - 1 :]]
        return Markup("".join(out))

    def _tabel_untuk(self, nama: str) -> list[Callable[[], Markup]]:
        t = self.dinas.tahun.get(self.tahun) if self.tahun is not None else None
        if t is None:
            return []
        year = self.tahun
        assert year is not None  # a year folder was found above
        return [
            functools.partial(self.tabel_pendukung, b.model, self.tabel_terhitung[(year, name)])
            for name, b in sorted(t.tabel.items())
            if b.model.letak == nama
        ]

    def tabel_pendukung(self, tabel: Tabel, h: TabelHitung) -> Markup:
        """A supporting table from ``tabel/*.yaml`` with its caption, sums and source line;
        ``h`` its cells as the pipeline computed them."""
        from sakipgen.format import angka, rupiah

        def cell(k: Kolom, v: Decimal | str | None) -> Sel:
            if v is None:
                return Sel("-", align="center")
            if isinstance(v, Decimal):
                text = rupiah(int(v), "") if k.jenis == "rupiah" else angka(v)
                return Sel(
                    text, align="right" if k.jenis in ("rupiah", "angka", "persen") else "left"
                )
            return Sel(v, align="center" if len(v) <= 3 else None)

        def width(k: Kolom, i: int) -> float:
            # Natural width in characters: headers wrap between words, cells up to ~35 chars.
            head = max((len(w) for w in k.judul.split()), default=1)
            cells = [len(_sel_text(r[i])) for r in h.baris]
            return max(head + 1.0, min(float(max(cells, default=1)), 35.0) + 1.5)

        kecil = len(h.kolom) > 8
        natural = [width(k, i) for i, k in enumerate(h.kolom)]
        # Characters that fit across the text width (8 pt: ~6,5 per cm; 10 pt: ~5 per cm).
        room = self.lebar / 567 * (6.5 if kecil else 5.0)
        if sum(natural) > room:
            fixed = sum(w for k, w in zip(h.kolom, natural, strict=True) if k.jenis != "teks")
            texts = [
                (i, w)
                for i, (k, w) in enumerate(zip(h.kolom, natural, strict=True))
                if k.jenis == "teks"
            ]
            share = max(room - fixed, 1.0)
            total_text = sum(w for _, w in texts) or 1.0
            for i, w in texts:
                word = max((len(x) for x in h.kolom[i].judul.split()), default=4) + 1.0
                natural[i] = max(word, w * share / total_text)
        kolom = [Kol(w) for w in natural]
        grouped = any(k.sub for k in tabel.kolom)
        if grouped:
            top: list[object] = []
            bottom: list[object] = []
            for k in tabel.kolom:
                if k.sub:
                    top.append(Sel(k.judul, span=len(k.sub), align="center"))
                    bottom.extend(Sel(s.judul, align="center") for s in k.sub)
                else:
                    top.append(Sel(k.judul, vmerge="restart", align="center"))
                    bottom.append(Sel("", vmerge="continue"))
            header = [top, bottom]
        else:
            header = [[k.judul for k in tabel.kolom]]
        body = [[cell(k, v) for k, v in zip(h.kolom, row, strict=True)] for row in h.baris]
        footer: list[list[object]] = []
        if h.total is not None and tabel.total is not None:
            first = next(
                (i for i, k in enumerate(h.kolom) if k.id in set(tabel.total.kolom)), len(h.kolom)
            )
            foot: list[object] = [
                Sel(tabel.total.label, span=max(first, 1), bold=True, align="center")
            ]
            wanted = set(tabel.total.kolom)
            for k, v in list(zip(h.kolom, h.total, strict=True))[max(first, 1) :]:
                c = cell(k, v) if v is not None or k.id in wanted else Sel("")
                foot.append(Sel(c.isi, bold=True, align=c.align))
            footer.append(foot)
        parts = [
            str(self.judul_tabel(tabel.judul)),
            str(self.tabel(kolom, header, body, footer=footer, nomor_kolom=False, kecil=kecil)),
        ]
        if tabel.sumber:
            parts.append(str(xml.para(xml.run(f"Sumber: {tabel.sumber}", italic=True, size=9))))
        if tabel.catatan:
            parts.append(str(xml.para(xml.run(tabel.catatan, italic=True, size=9))))
        return Markup("".join(parts))

    def ada_narasi(self, nama: str) -> bool:
        return self.dinas.narasi_untuk(self.tahun, nama) is not None

    # --- captions and lists of tables/figures ---------------------------------------

    def _nomor(self, n: int) -> str:
        return f"{self.bab}.{n}" if self.bab else str(n)

    def judul_tabel(self, teks: str) -> Markup:
        self._tabel += 1
        label = f"Tabel {self._nomor(self._tabel)} {teks}"
        self.daftar_tabel_isi.append(label)
        return xml.para(label, style="JudulTabel")

    def judul_gambar(self, teks: str) -> Markup:
        self._gambar += 1
        label = f"Gambar {self._nomor(self._gambar)} {teks}"
        self.daftar_gambar_isi.append(label)
        return xml.para(label, style="JudulGambar")

    def daftar_isi(self) -> Markup:
        """A TOC field over Heading 1-3; Word fills in page numbers when it opens the file."""
        return self._toc('TOC \\o "1-3" \\h \\z \\u', "DAFTAR_ISI")

    def daftar_tabel(self) -> Markup:
        return self._toc('TOC \\h \\z \\t "Judul Tabel,1"', "DAFTAR_TABEL")

    def daftar_gambar(self) -> Markup:
        return self._toc('TOC \\h \\z \\t "Judul Gambar,1"', "DAFTAR_GAMBAR")

    def _toc(self, instruction: str, marker: str) -> Markup:
        # The visible result is filled in after the body is rendered (entries known then).
        begin = (
            '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
            '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {xml.teks(instruction)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
        )
        end = '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        return Markup(f"{begin}<!--{marker}-->{end}")

    def isi_daftar(self, body: str) -> str:
        """Put the collected entries into the TOC fields' visible results."""

        def entries(items: list[tuple[int, str]]) -> str:
            return "".join(
                str(xml.para(t.replace("\n", " "), style=f"TOC{min(level, 3)}"))
                for level, t in items
            )

        body = body.replace("<!--DAFTAR_ISI-->", entries(self.judul_isi))
        body = body.replace(
            "<!--DAFTAR_TABEL-->",
            "".join(str(xml.para(t, style="TableofFigures")) for t in self.daftar_tabel_isi),
        )
        return body.replace(
            "<!--DAFTAR_GAMBAR-->",
            "".join(str(xml.para(t, style="TableofFigures")) for t in self.daftar_gambar_isi),
        )

    # --- tables, pictures ---------------------------------------------------------------

    def tabel(
        self,
        kolom: list[Kol],
        header: list[list[Any]],
        body: list[list[Any]],
        *,
        nomor_kolom: bool = True,
        footer: list[list[Any]] | None = None,
        kecil: bool = False,
    ) -> Markup:
        return tabel(
            kolom,
            header,
            body,
            lebar=self.lebar,
            nomor_kolom=nomor_kolom,
            footer=footer or [],
            font_kecil=kecil,
        )

    def gambar(self, png: bytes, lebar_cm: float, tinggi_cm: float, nama: str) -> Markup:
        pic = self.paket.gambar(png, round(lebar_cm * 567), round(tinggi_cm * 567), nama)
        return xml.para(pic, style="Gambar")

    # --- letterhead and signatures ---------------------------------------------------------

    def kop(self) -> Markup:
        ident = self.dinas.identitas.model
        lines = [
            xml.para(xml.run(f"PEMERINTAH {ident.pemda}".upper(), bold=True, size=14), style="Kop"),
            xml.para(xml.run(ident.dinas.nama.upper(), bold=True, size=14), style="Kop"),
        ]
        k = ident.kop
        if k is not None:
            alamat = (
                k.alamat
                + (f", {k.kota}" if k.kota else "")
                + (f" {k.kode_pos}" if k.kode_pos else "")
            )
            lines.append(xml.para(xml.run(alamat, size=10), style="Kop"))
            contact = "  ".join(
                x
                for x in [
                    f"Telp. {k.telepon}" if k.telepon else "",
                    f"Faks. {k.faks}" if k.faks else "",
                ]
                if x
            )
            if contact:
                lines.append(xml.para(xml.run(contact, size=10), style="Kop"))
            web = "  ".join(
                x for x in [f"Email: {', '.join(k.email)}" if k.email else "", k.laman or ""] if x
            )
            if web:
                lines.append(xml.para(xml.run(web, size=10), style="Kop"))
        text = "".join(str(x) for x in lines)
        logo = self._logo(2.2)
        if logo:
            w = self.lebar
            text = (
                '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
                f'<w:tblW w:w="{w}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>'
                f'<w:tblGrid><w:gridCol w:w="1600"/><w:gridCol w:w="{w - 1600}"/></w:tblGrid>'
                f'<w:tr><w:tc><w:tcPr><w:tcW w:w="1600" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                f"{logo}</w:tc>"
                f'<w:tc><w:tcPr><w:tcW w:w="{w - 1600}" w:type="dxa"/></w:tcPr>{text}</w:tc></w:tr></w:tbl>'
            )
        return Markup(text + str(xml.para("", style="GarisKop")))

    def _logo(self, cm: float) -> str:
        logo = self.dinas.logo  # read and checked when the folder was loaded
        if logo is None:
            return ""
        png = _as_png(logo.data, logo.jenis)
        if png is None:
            return ""
        return str(self.gambar(png, cm, cm, "logo"))

    def logo(self, cm: float = 4.0) -> Markup:
        return Markup(self._logo(cm))

    def tanda_tangan(
        self,
        pejabat: Penanda,
        *,
        tempat_tanggal: str | None = None,
        sebutan: str | None = None,
    ) -> Markup:
        """Signature block: (place, date), jabatan, room to sign, name, pangkat, NIP."""
        lines: list[str] = []
        if sebutan:
            lines.append(str(xml.para(xml.run(sebutan, bold=True), style="TandaTangan")))
        if tempat_tanggal:
            lines.append(str(xml.para(tempat_tanggal, style="TandaTangan")))
        for part in pejabat.jabatan.upper().split("\n"):
            lines.append(str(xml.para(xml.run(part, bold=True), style="TandaTangan")))
        lines += [str(xml.para("", style="TandaTangan"))] * 3
        nama = pejabat.nama or "(....................................)"
        lines.append(str(xml.para(xml.run(nama, bold=True, underline=True), style="TandaTangan")))
        pangkat = " / ".join(x for x in [pejabat.pangkat, pejabat.golongan] if x)
        if pangkat:
            lines.append(str(xml.para(pangkat, style="TandaTangan")))
        if pejabat.nip:
            lines.append(str(xml.para(f"NIP. {format_nip(pejabat.nip)}", style="TandaTangan")))
        return Markup("".join(lines))

    def dua_tanda_tangan(self, kiri: Markup, kanan: Markup) -> Markup:
        """Two signature blocks side by side (PK: pihak kedua left, pihak pertama right)."""
        w = self.lebar
        half = w // 2
        return Markup(
            '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
            f'<w:tblW w:w="{w}" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{half}"/><w:gridCol w:w="{w - half}"/></w:tblGrid>'
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>{kiri}</w:tc>'
            f'<w:tc><w:tcPr><w:tcW w:w="{w - half}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>{kanan}</w:tc>'
            "</w:tr></w:tbl>"
        )

    def tabel_identitas(self, pejabat: Penanda) -> Markup:
        """``Nama : …`` / ``Jabatan : …`` lines of the PK statement, without borders."""
        w = self.lebar
        cols = [1700, 300, w - 2000]
        rows = []
        for label, value in (("Nama", pejabat.nama or "." * 40), ("Jabatan", pejabat.jabatan)):
            cells = [label, ":", value]
            tcs = "".join(
                f'<w:tc><w:tcPr><w:tcW w:w="{cw}" w:type="dxa"/></w:tcPr>'
                f"{xml.para(text, style='TeksTabel')}</w:tc>"
                for cw, text in zip(cols, cells, strict=True)
            )
            rows.append(f"<w:tr>{tcs}</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{cw}"/>' for cw in cols)
        return Markup(
            '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
            f'<w:tblW w:w="{w}" w:type="dxa"/><w:tblInd w:w="567" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + "".join(rows)
            + "</w:tbl>"
            + str(xml.para("", style="SetelahTabel"))
        )

    def tanda_tangan_pk(self, pertama: Penanda, kedua: Penanda, tempat_tanggal: str) -> Markup:
        """Pihak kedua on the left, pihak pertama (with place and date) on the right."""
        kiri = Markup(
            str(xml.para("", style="TandaTangan"))
            + str(self.tanda_tangan(kedua, sebutan="Pihak Kedua,"))
        )
        kanan = Markup(
            str(xml.para(tempat_tanggal, style="TandaTangan"))
            + str(self.tanda_tangan(pertama, sebutan="Pihak Pertama,"))
        )
        return Markup(str(xml.para("")) + str(self.dua_tanda_tangan(kiri, kanan)))

    def blok_kanan(self, isi: Markup) -> Markup:
        """A signature block on the right half of the page."""
        return self.dua_tanda_tangan(Markup(str(xml.para(""))), isi)

    def peringatan(self, lokasi: Location, pesan: str) -> None:
        self.masalah.append(Diagnostic.make(lokasi, "D001", pesan))


def _sel_text(v: Decimal | str | None) -> str:
    from sakipgen.format import angka

    return angka(v) if isinstance(v, Decimal) else str(v or "")


def _as_png(data: bytes, jenis: str) -> bytes | None:
    """Logos are embedded as PNG; a JPEG is converted with matplotlib's reader (its pixel
    size was checked when the folder was loaded)."""
    if jenis == "png":
        return data
    try:
        import io

        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.image as mpimg
        import matplotlib.pyplot as plt

        img = mpimg.imread(io.BytesIO(data), format="jpeg")
        buf = io.BytesIO()
        plt.imsave(buf, img, format="png", metadata={"Software": None})
        return buf.getvalue()
    except Exception:
        return None


def tanggal_dokumen(dinas: Dinas, tahun: int | None, jenis: str) -> date | None:
    t = dinas.tahun.get(tahun) if tahun is not None else None
    doc = getattr(t.dokumen.model, jenis, None) if t and t.dokumen else None
    return doc.tanggal if doc else None
