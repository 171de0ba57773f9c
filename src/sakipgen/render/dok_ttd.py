"""The ``doc`` helper's letterhead and signatures: kop surat with the logo, signature
blocks (one, two side by side for the PK), and the PK's name and title lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from markupsafe import Markup

from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import format_nip
from sakipgen.render import xml
from sakipgen.render.paket import Paket, Seksi


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

    gambar: Callable[[bytes, float, float, str], Markup]  # IsiTeks's

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
