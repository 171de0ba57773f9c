"""The ``doc`` helper's text: paragraphs, the template's own Markdown, the dinas's
narrative with its figures filled in (and the tables placed at its ``<!-- tabel -->``
lines), supporting tables, tables and pictures."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from sakipgen.errors import TemuanData
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import TabelHitung
from sakipgen.model.tabel import Kolom, Tabel
from sakipgen.render import xml
from sakipgen.render.diagram import Grafik
from sakipgen.render.markdown import markdown
from sakipgen.render.paket import Paket, Seksi
from sakipgen.render.tabel import Kol, Sel, tabel

# The documented table marker (README "Narrative"): a line that is this and nothing else,
# in any case and spacing.  Other comment lines are not printed but place nothing.
_MARKER = re.compile(r"<!--\s*tabel\s*-->", re.IGNORECASE)


class DataKurang(TemuanData):
    """The document needs data the folder does not have (reported as D001)."""

    def __init__(self, message: str) -> None:
        super().__init__("D001", message)


class IsiTeks:
    # The state these methods share, declared by :class:`sakipgen.render.dokumen.Dokumen`.
    dinas: Dinas
    tahun: int | None
    paket: Paket
    seksi: Seksi
    narasi_terisi: Mapping[tuple[int, str], str]
    tabel_terhitung: Mapping[tuple[int, str], TabelHitung]

    if TYPE_CHECKING:  # TataLetak's (a stub here would shadow it at run time)

        @property
        def lebar(self) -> int: ...

    judul_tabel: Callable[[str], Markup]  # TataLetak's

    def p(
        self, teks: str, *, align: str | None = None, bold: bool = False, style: str = "Teks"
    ) -> Markup:
        return xml.para(xml.run(teks, bold=bold), style=style, align=align)

    def teks(self, markdown_text: str, *, style: str = "Teks", tahan: bool = False) -> Markup:
        """Markdown given by the template itself (fixed wording); ``tahan``: kept on the
        page of what follows it (a sentence announcing a list)."""
        return markdown(markdown_text, style=style, tahan=tahan)

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

        kecil = len(h.kolom) > 8
        # Each column's share follows its content (render.tabel.lebar_kolom measures).
        kolom = [Kol(0) for _ in h.kolom]
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
        terukur: bool = False,
    ) -> Markup:
        return tabel(
            kolom,
            header,
            body,
            lebar=self.lebar,
            nomor_kolom=nomor_kolom,
            footer=footer or [],
            font_kecil=kecil,
            terukur=terukur,
        )

    def diagram(self, g: Grafik, lebar_cm: float, tinggi_cm: float, nama: str) -> Markup:
        """A native chart (render/diagram.py) in its own run."""
        return self.paket.grafik(g, round(lebar_cm * 567), round(tinggi_cm * 567), nama)

    def gambar(
        self, data: bytes, lebar_cm: float, tinggi_cm: float, nama: str, jenis: str = "png"
    ) -> Markup:
        pic = self.paket.gambar(data, round(lebar_cm * 567), round(tinggi_cm * 567), nama, jenis)
        return xml.para(pic, style="Gambar")


def _sel_text(v: Decimal | str | None) -> str:
    from sakipgen.format import angka

    return angka(v) if isinstance(v, Decimal) else str(v or "")
