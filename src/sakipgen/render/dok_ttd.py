"""The ``doc`` helper's letterhead and signatures: kop surat with the logo, signature
blocks (one, two side by side for the PK), and the PK's name and title lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup

from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import format_nip
from sakipgen.render import ukur, xml
from sakipgen.render.paket import Paket, Seksi
from sakipgen.render.tabel import awal_tabel_tanpa_garis


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


class KopTandaTangan:
    # The state these methods share, declared by :class:`sakipgen.render.dokumen.Dokumen`.
    dinas: Dinas
    tahun: int | None
    paket: Paket
    seksi: Seksi

    if TYPE_CHECKING:  # TataLetak's (a stub here would shadow it at run time)

        @property
        def lebar(self) -> int: ...

    gambar: Callable[..., Markup]  # IsiTeks's

    # --- letterhead and signatures ---------------------------------------------------------

    def kop(self) -> Markup:
        ident = self.dinas.identitas.model
        logo_ada = self.dinas.logo is not None
        # The room beside the logo (its column, cell margins): long names are broken
        # into even lines there, never leaving one word alone on the last.
        room = self.lebar - (1600 if logo_ada else 0) - 2 * 115
        pemda = ukur.baris_seimbang(
            f"PEMERINTAH {ident.pemda}".upper(), room, setengah_pt=28, tebal=True
        )
        nama = ukur.baris_seimbang(ident.dinas.nama.upper(), room, setengah_pt=28, tebal=True)
        lines = [
            xml.para(xml.run(pemda, bold=True, size=14), style="Kop"),
            xml.para(xml.run(nama, bold=True, size=14), style="Kop"),
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
        # PNG and JPEG go into the package as they are (Word shows both).
        return str(self.gambar(logo.data, cm, cm, "logo", logo.jenis))

    def logo(self, cm: float = 4.0) -> Markup:
        return Markup(self._logo(cm))

    def tanda_tangan(
        self,
        pejabat: Penanda,
        *,
        tempat_tanggal: str | None = None,
        sebutan: str | None = None,
    ) -> Markup:
        """Signature block: (place, date), jabatan, room to sign, name, pangkat, NIP —
        paragraphs kept together on one page (each keeps with the next)."""
        rows = _baris_ttd(pejabat, tempat_tanggal, sebutan)
        paras = [p for key in _URUTAN for p in rows.get(key, [])]
        return Markup("".join(_tahan(p) for p in paras[:-1]) + "".join(paras[-1:]))

    def dua_tanda_tangan(self, kiri: Markup, kanan: Markup) -> Markup:
        """Two signature blocks side by side (each a cell), kept on the page of the text
        before them."""
        w = self.lebar
        half = w // 2
        return Markup(
            _tbl_ttd(w, [half, w - half]) + "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>{kiri}</w:tc>'
            f'<w:tc><w:tcPr><w:tcW w:w="{w - half}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>{kanan}</w:tc>'
            "</w:tr></w:tbl>"
        )

    def tabel_identitas(self, pejabat: Penanda) -> Markup:
        """``Nama : …`` / ``Jabatan : …`` lines of the PK statement, without borders."""
        indent = 567
        w = self.lebar - indent  # indented, and still inside the right margin
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
            f'<w:tblW w:w="{w}" w:type="dxa"/><w:tblInd w:w="{indent}" w:type="dxa"/>'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + "".join(rows)
            + "</w:tbl>"
            + str(xml.para("", style="SetelahTabel"))
        )

    def tanda_tangan_pk(self, pertama: Penanda, kedua: Penanda, tempat_tanggal: str) -> Markup:
        """Pihak kedua on the left, pihak pertama (with place and date) on the right."""
        return self.tanda_tangan_sejajar(
            kedua, "Pihak Kedua,", None, pertama, "Pihak Pertama,", tempat_tanggal
        )

    def tanda_tangan_sejajar(
        self,
        kiri: Penanda,
        sebutan_kiri: str,
        tempat_kiri: str | None,
        kanan: Penanda,
        sebutan_kanan: str,
        tempat_kanan: str | None,
    ) -> Markup:
        """Two signature blocks in one table whose rows align: place and date, what the
        signer does ("Pihak Kedua,", "Disusun"), jabatan, room to sign, name, pangkat,
        NIP (a longer jabatan on one side moves both names down alike)."""
        blok_kiri = _baris_ttd(kiri, tempat_kiri, sebutan_kiri)
        blok_kanan = _baris_ttd(kanan, tempat_kanan, sebutan_kanan)
        w = self.lebar
        widths = [w // 2, w - w // 2]
        keys = [k for k in _URUTAN if k in blok_kiri or k in blok_kanan]
        rows = []
        for n, key in enumerate(keys):
            last = n == len(keys) - 1
            tcs = ""
            for cw, side in zip(widths, (blok_kiri, blok_kanan), strict=True):
                paras = side.get(key) or [str(xml.para("", style="TandaTangan"))]
                body = "".join(paras if last else (_tahan(p) for p in paras))
                tcs += f'<w:tc><w:tcPr><w:tcW w:w="{cw}" w:type="dxa"/></w:tcPr>{body}</w:tc>'
            rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{tcs}</w:tr>")
        return Markup(str(xml.para("")) + _tbl_ttd(w, widths) + "".join(rows) + "</w:tbl>")

    def blok_kanan(self, isi: Markup) -> Markup:
        """A signature block on the right half of the page."""
        return self.dua_tanda_tangan(Markup(str(xml.para(""))), isi)


_URUTAN = ("tempat", "sebutan", "jabatan", "ruang", "nama", "pangkat", "nip")
"""The lines of a signature block, top to bottom."""
_KOSONG = "(" + "." * 36 + ")"


def _baris_ttd(
    pejabat: Penanda, tempat_tanggal: str | None, sebutan: str | None
) -> dict[str, list[str]]:
    """The paragraphs of each line of one signature block."""

    def p(content: str | Markup) -> str:
        return str(xml.para(content, style="TandaTangan"))

    out: dict[str, list[str]] = {}
    if tempat_tanggal:
        out["tempat"] = [p(tempat_tanggal)]
    if sebutan:
        out["sebutan"] = [p(xml.run(sebutan, bold=True))]
    out["jabatan"] = [p(xml.run(part, bold=True)) for part in pejabat.jabatan.upper().split("\n")]
    out["ruang"] = [p("")] * 3
    # "…ARIADI, AP": a degree after a comma stays on the name's line.
    nama = (pejabat.nama or _KOSONG).replace(", ", ",\u00a0")
    out["nama"] = [p(xml.run(nama, bold=True, underline=True))]
    pangkat = " / ".join(x for x in [pejabat.pangkat, pejabat.golongan] if x)
    if pangkat:
        out["pangkat"] = [p(pangkat)]
    if pejabat.nip:
        out["nip"] = [p(f"NIP. {format_nip(pejabat.nip)}")]
    return out


def _tahan(paragraph: str) -> str:
    """The paragraph kept on the page of the next one (``w:keepNext``)."""
    return _tambah_ppr(paragraph, "<w:keepNext/>")


def _tambah_ppr(paragraph: str, prop: str) -> str:
    # keepNext comes right after pStyle in CT_PPr's order.
    if "<w:keepNext/>" in paragraph:
        return paragraph
    if m := re.match(r"<w:p><w:pPr>(<w:pStyle [^>]*/>)?", paragraph):
        return paragraph[: m.end()] + prop + paragraph[m.end() :]
    if paragraph.startswith("<w:p>"):
        return f"<w:p><w:pPr>{prop}</w:pPr>" + paragraph[len("<w:p>") :]
    return paragraph


KETERANGAN_TTD = "Tanda tangan"
"""The caption (``w:tblCaption``) that names a signature table."""
PENANDA_TTD = f'<w:tblCaption w:val="{KETERANGAN_TTD}"/>'


def _tbl_ttd(w: int, widths: list[int]) -> str:
    """The opening of a borderless signature table (named by its caption, so that
    :func:`rekat_tanda_tangan` finds it)."""
    return awal_tabel_tanpa_garis(w, widths, KETERANGAN_TTD)


_PARA = re.compile(r"<w:p\b(?:(?!<w:p\b).)*?</w:p>|<w:p/>", re.S)


def _tahan_baris(xml_sebelum: str, n: int) -> str:
    """``xml_sebelum`` ends with a table: keep its last ``n`` rows with what follows."""
    start = xml_sebelum.rfind("<w:tbl>")
    rows = [m.start() for m in re.finditer(r"<w:tr\b", xml_sebelum[start:])]
    if not rows or "<w:tbl>" in xml_sebelum[start + rows[0] :]:
        return xml_sebelum  # a nested table: leave it
    first = start + rows[max(len(rows) - n, 0)]
    part = _PARA.sub(lambda m: _tahan(m.group(0)), xml_sebelum[first:])
    return xml_sebelum[:first] + part


def rekat_tanda_tangan(body: str, *, paragraf: int = 2) -> str:
    """Keep the last ``paragraf`` paragraphs before each signature table on its page,
    so a signature never stands alone at the top of a page: Word moves the closing
    lines over with it.  Only body-level paragraphs after the previous table count,
    and none across a section break."""
    out = []
    pos = 0
    opening = '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
    for m in re.finditer(re.escape(opening), body):
        if PENANDA_TTD not in body[m.start() : body.find("</w:tblPr>", m.start())]:
            continue
        before = body[pos : m.start()]
        cut = before.rfind("</w:tbl>")
        cut = 0 if cut < 0 else cut + len("</w:tbl>")
        head, tail = before[:cut], before[cut:]
        kept = 0
        for pm in reversed(list(_PARA.finditer(tail))):
            if "<w:sectPr" in pm.group(0) or kept == paragraf:
                break  # the page before a section break is another page
            tail = tail[: pm.start()] + _tahan(pm.group(0)) + tail[pm.end() :]
            kept += "<w:t" in pm.group(0)  # empty paragraphs do not count
        if kept < paragraf and cut:
            # Right after a table: its last rows come along instead.
            head = _tahan_baris(head, paragraf - kept)
        out.append(head + tail)
        pos = m.start()
    out.append(body[pos:])
    return "".join(out)
