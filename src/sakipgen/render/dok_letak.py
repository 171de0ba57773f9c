"""The ``doc`` helper's page layout: sections (portrait, landscape, page numbers), BAB
and headings, captions numbered per BAB, and the table of contents and lists of tables
and figures (Word fields filled in after the body is rendered)."""

from __future__ import annotations

from markupsafe import Markup

from sakipgen.model.folder import Dinas
from sakipgen.render import xml
from sakipgen.render.paket import Paket, Seksi

ROMAWI = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


class TataLetak:
    # The state these methods share, declared by :class:`sakipgen.render.dokumen.Dokumen`.
    dinas: Dinas
    tahun: int | None
    paket: Paket
    seksi: Seksi
    bab: int
    _tabel: int
    _gambar: int
    daftar_tabel_isi: list[str]
    daftar_gambar_isi: list[str]
    judul_isi: list[tuple[int, str]]

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

    # Captions go to TOC level 4: Word sets each level in its "TOC n" style, and level 1
    # is bold (BAB lines); "TOC 4" is plain, like the lists of tables of the seeds.
    def daftar_tabel(self) -> Markup:
        return self._toc('TOC \\h \\z \\t "Judul Tabel,4"', "DAFTAR_TABEL", "TOC4")

    def daftar_gambar(self) -> Markup:
        return self._toc('TOC \\h \\z \\t "Judul Gambar,4"', "DAFTAR_GAMBAR", "TOC4")

    def _toc(self, instruction: str, marker: str, style: str = "TOC1") -> Markup:
        # The visible result is filled in after the body is rendered (entries known then).
        begin = (
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
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
            "".join(str(xml.para(t, style="TOC4")) for t in self.daftar_tabel_isi),
        )
        return body.replace(
            "<!--DAFTAR_GAMBAR-->",
            "".join(str(xml.para(t, style="TOC4")) for t in self.daftar_gambar_isi),
        )
