"""Indikator Kinerja Utama (IKU): the Renstra's key indikator with their targets for
every year of the period (PermenPAN PER/09/M.PAN/5/2007; seed 004) — cover, kata
pengantar, daftar isi, BAB I-V, and the IKU table on a landscape section.

Narrative comes from ``narasi/iku/…`` (see :data:`NARASI`); where a dinas has none,
the template prints standard wording filled with the dinas's own data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from sakipgen.format import nilai
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.renstra import Indikator, Misi, Renstra, Sasaran
from sakipgen.pipeline import Bundel
from sakipgen.render import ukur, xml
from sakipgen.render.dokumen import DataKurang, Dokumen
from sakipgen.render.tabel import Kol, Sel
from sakipgen.render.umum import meta, penandatangan, periksa_penandatangan, tempat_tanggal

NARASI = {
    "kata_pengantar": "iku/kata-pengantar",
    "latar_belakang": "iku/bab1/latar-belakang",
    "tujuan": "iku/bab1/tujuan",
    "landasan_hukum": "iku/bab1/landasan-hukum",
    "sistematika": "iku/bab1/sistematika",
    "pengertian": "iku/bab2/pengertian",
    "langkah_penetapan": "iku/bab2/langkah-penetapan",
    "gambaran_umum": "iku/bab3/gambaran-umum",
    "visi_dinas": "iku/bab3/visi-misi/visi-dinas",
    "misi_dinas": "iku/bab3/visi-misi/misi-dinas",
    "visi_rpjmd": "iku/bab3/visi-misi/visi-rpjmd",
    "misi_rpjmd": "iku/bab3/visi-misi/misi-rpjmd",
    "misi_rpjmd_didukung": "iku/bab3/visi-misi/misi-rpjmd-didukung",
    "tugas_fungsi": "iku/bab3/tugas-fungsi",
    "arah_kebijakan": "iku/bab3/arah-kebijakan",
    "penetapan": "iku/bab4/penetapan",
    "penutup": "iku/bab5/penutup",
}
"""Narrative blocks the template places, by role → file name under ``narasi/``."""


@dataclass(frozen=True)
class BarisIku:
    sasaran: Sasaran
    indikator: Indikator


def baris_iku(renstra: Renstra) -> list[list[BarisIku]]:
    """IKU indikator grouped by sasaran (sasaran without IKU left out)."""
    groups = []
    for s in renstra.sasaran:
        rows = [BarisIku(s, i) for i in s.indikator if i.iku]
        if rows:
            groups.append(rows)
    return groups


def _definisi(ind: Indikator) -> str:
    parts = []
    if ind.definisi:
        parts.append(ind.definisi)
    if ind.formula:
        parts.append(f"Formula: {ind.formula}" if ind.definisi else ind.formula)
    return "\n".join(parts)


UKURAN_HURUF = 9
"""Font size (pt) of the IKU table: 6 year columns and 4 text columns on one page width."""
UKURAN_CADANGAN = (9, 8, 7)
"""Sizes tried in turn until every column is at least as wide as its longest word."""
_PADDING = 200  # twips: cell margins (2 × 70) and a little slack
_ZWSP = "\u200b"


def lebar_teks(text: str, *, bold: bool = False, size: int = UKURAN_HURUF) -> int:
    """Printed width of ``text`` in twips at ``size`` points (:mod:`ukur`'s metrics)."""
    return ukur.lebar(text, setengah_pt=2 * size, tebal=bold)


_potongan = ukur.potongan


def _patah(text: str) -> str:
    """Allow line breaks after ``/`` inside long words (``Kop/KSP/USP/UMKM``)."""
    return re.sub(r"/(?=\S)", "/" + _ZWSP, text)


@dataclass
class Kolom:
    kunci: str
    judul: str
    isi: list[str]
    align: str = "left"
    bobot: float = 0.0
    """Text columns (sasaran, indikator, definisi): their share of the room left."""
    batas: int = 0
    """Other columns: as wide as their content needs, up to this many twips."""
    grup: str | None = None
    """Label over a group of columns (the years)."""
    ukuran: int = UKURAN_HURUF

    def minimum(self) -> int:
        """Width of the longest word: narrower, a word would be broken."""
        size = self.ukuran
        pieces = [lebar_teks(p, size=size) for v in self.isi for p in _potongan(v)]
        words = _potongan(self.judul)
        # The heading in at most two lines (repeated heading rows must not grow).
        heading = min(
            max(
                lebar_teks(" ".join(words[:k]), bold=True, size=size),
                lebar_teks(" ".join(words[k:]), bold=True, size=size),
            )
            for k in range(len(words) + 1)
        )
        return max([*pieces, heading]) + _PADDING

    def alami(self) -> int:
        """Width at which no cell wraps."""
        size = self.ukuran
        lines = [lebar_teks(line, size=size) for v in self.isi for line in v.split("\n")]
        lines.append(lebar_teks(self.judul, bold=True, size=size))
        return max(lines) + _PADDING


NYAMAN = 2000
"""Width (twips, 3,5 cm) a text column gets before content columns grow past their words."""


def lebar_kolom(kolom: Sequence[Kolom], total: int, *, seragam: Sequence[int] = ()) -> list[int]:
    """Column widths in twips, summing to ``total`` (:func:`ukur.bagi`): content columns
    (numbers, units, short names) as wide as they need up to their ``batas``; text
    columns share the rest by ``bobot``, each keeping :data:`NYAMAN` while it can; the
    years (``seragam``) one common width."""
    need = [
        ukur.Kebutuhan(
            k.minimum(), k.alami(), bobot=k.bobot, batas=k.batas, nyaman=NYAMAN if k.bobot else 0
        )
        for k in kolom
    ]
    return ukur.bagi(need, total, seragam=seragam)


def _sel(
    text: str,
    *,
    align: str = "left",
    bold: bool = False,
    kepala: bool = False,
    size: int = UKURAN_HURUF,
) -> Sel:
    style = "KepalaTabel" if kepala else "TeksTabel"
    run = xml.run(_patah(text), bold=bold or kepala, size=size) if text else ""
    return Sel(xml.para(run, style=style, align=align))


def tabel_iku(dinas: Dinas, doc: Dokumen) -> Callable[[], Markup]:
    """No | Sasaran | Indikator Kinerja | Definisi Operasional/Formula | Satuan |
    target per Renstra year | Penanggung Jawab | Sumber Data | Ket.; columns that are
    empty in every row are left out."""
    renstra = dinas.renstra.model
    years = list(renstra.periode.tahun)

    def build() -> Markup:
        groups = baris_iku(renstra)
        flat = [b for g in groups for b in g]
        ind = [b.indikator for b in flat]
        cols = [
            Kolom("no", "No.", [f"{n}." for n in range(1, len(groups) + 1)], "center"),
            Kolom("sasaran", "Sasaran", [g[0].sasaran.uraian for g in groups], bobot=2.6),
            Kolom("indikator", "Indikator Kinerja", [i.uraian for i in ind], bobot=3.0),
            Kolom(
                "definisi",
                "Definisi Operasional/Formula",
                [_definisi(i) for i in ind],
                bobot=3.4,
            ),
            Kolom("satuan", "Satuan", [i.satuan for i in ind], "center", batas=1800),
        ]
        grup = "TARGET KINERJA SASARAN PADA TAHUN"
        for y in years:
            cols.append(
                Kolom(
                    str(y),
                    str(y),
                    [nilai(i.target.get(y)) for i in ind],
                    "center",
                    batas=2000,
                    grup=grup,
                )
            )
        cols += [
            Kolom("pj", "Penanggung Jawab", [i.penanggung_jawab or "" for i in ind], batas=2600),
            Kolom("sumber", "Sumber Data", [i.sumber_data or "" for i in ind], batas=2600),
            Kolom("ket", "Ket.", [i.keterangan or "" for i in ind], batas=2000),
        ]
        always = {"no", "sasaran", "indikator", *map(str, years)}
        cols = [k for k in cols if k.kunci in always or any(v.strip() for v in k.isi)]
        # Many columns: a smaller font rather than words broken in the middle.
        years_at = [n for n, k in enumerate(cols) if k.grup is not None]
        size = UKURAN_HURUF
        for size in UKURAN_CADANGAN:
            for k in cols:
                k.ukuran = size
            floors = [k.minimum() for k in cols]
            year_floor = max(floors[n] for n in years_at)
            if sum(floors) + sum(year_floor - floors[n] for n in years_at) <= doc.lebar:
                break
        widths = lebar_kolom(cols, doc.lebar, seragam=years_at)

        def cell(text: str, align: str = "left", kepala: bool = False) -> Sel:
            return _sel(text, align=align, kepala=kepala, size=size)

        # Two header rows: the year columns are grouped under one label.
        top: list[object] = []
        bottom: list[object] = []
        for k in cols:
            if k.grup is None:
                top.append(Sel(cell(k.judul, "center", True).isi, vmerge="restart"))
                bottom.append(Sel("", vmerge="continue"))
            else:
                if k.kunci == str(years[0]):
                    top.append(Sel(cell(k.grup, "center", True).isi, span=len(years)))
                bottom.append(cell(k.judul, "center", True))

        rows: list[list[object]] = []
        for n, group in enumerate(groups, 1):
            for j, b in enumerate(group):
                i = b.indikator
                row: list[object] = []
                for k in cols:
                    if k.kunci in ("no", "sasaran"):
                        if j:
                            row.append(Sel("", vmerge="continue"))
                            continue
                        text = f"{n}." if k.kunci == "no" else b.sasaran.uraian
                        first = cell(text, k.align)
                        row.append(Sel(first.isi, vmerge="restart") if len(group) > 1 else first)
                    elif k.grup is not None:
                        row.append(cell(nilai(i.target.get(int(k.kunci))), "center"))
                    else:
                        value = {
                            "indikator": i.uraian,
                            "definisi": _definisi(i),
                            "satuan": i.satuan or "-",  # a blank cell reads as unfinished
                            "pj": i.penanggung_jawab or "",
                            "sumber": i.sumber_data or "",
                            "ket": i.keterangan or "",
                        }[k.kunci]
                        row.append(cell(value, k.align))
                rows.append(row)
        return doc.tabel(
            [Kol(w, k.align) for w, k in zip(widths, cols, strict=True)],
            [top, bottom],
            rows,
            terukur=True,
        )

    return build


# --- lists, numbering, misi ------------------------------------------------------------

_ANGKA = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
]


def terbilang(n: int) -> str:
    """``9`` → ``sembilan``; ``21`` → ``dua puluh satu`` (0 to 999)."""
    if n < 12:
        return _ANGKA[n]
    if n < 20:
        return f"{_ANGKA[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_ANGKA[tens]} puluh" + (f" {_ANGKA[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_ANGKA[hundreds]} ratus"
        return head + (f" {terbilang(rest)}" if rest else "")
    return str(n)


def jumlah(n: int) -> str:
    """``9 (sembilan)``."""
    return f"{n} ({terbilang(n)})"


def nomor_misi(misi: Sequence[Misi]) -> list[int]:
    """The number a misi is known by: the digits ending its id (``M2``, ``RPJMD-M3``)
    when every id has distinct ones, else its position."""
    found = [re.search(r"(\d+)$", m.id) for m in misi]
    numbers = [int(f.group(1)) for f in found if f]
    if len(numbers) == len(misi) and len(set(numbers)) == len(numbers):
        return numbers
    return list(range(1, len(misi) + 1))


def daftar(items: Sequence[object], penanda: str = "1.", *, mulai: int = 1) -> Markup:
    """A list in the Daftar style: ``penanda`` ``1.``, ``a.`` or ``-`` (bullet).  An item is
    text, or ``(bold lead, text)``, or ``(number, text)`` to print its own number."""
    out = []
    for k, item in enumerate(items, mulai):
        number = k
        lead = ""
        text: object = item
        if isinstance(item, (tuple, list)):
            first, text = item[0], item[1]
            if isinstance(first, int):
                number = first
            else:
                lead = str(first)
        if penanda == "-":
            marker = "•"
        elif penanda == "a.":
            marker = f"{chr(ord('a') + (number - 1) % 26)}."
        else:
            marker = f"{number}."
        runs = str(xml.run(marker)) + "<w:r><w:tab/></w:r>"
        if lead:
            runs += str(xml.run(lead, bold=True)) + str(xml.run(" "))
        runs += str(xml.run(str(text)))
        last = k == mulai + len(items) - 1
        out.append(
            str(
                xml.para(
                    Markup(runs),
                    style="Daftar",
                    indent_left=425,
                    hanging=425,
                    space_after=160 if last else None,
                )
            )
        )
    return Markup("".join(out))


def kutipan(text: str, *, bold: bool = True) -> Markup:
    """A quoted statement (visi, the misi a dinas supports), centred."""
    content = xml.run(f"\u201c{text}\u201d", bold=bold)
    return Markup(
        '<w:p><w:pPr><w:pStyle w:val="Tengah"/><w:keepLines/>'
        '<w:spacing w:before="120" w:after="240"/><w:ind w:left="567" w:right="567"/>'
        f'<w:jc w:val="center"/></w:pPr>{content}</w:p>'
    )


def _misi_didukung(dinas: Dinas, doc: Dokumen) -> list[tuple[int, str]]:
    """RPJMD misi the dinas supports: those its tujuan and sasaran point to, else the
    misi numbers its narrative names ("mendukung Misi ke-3")."""
    renstra = dinas.renstra.model
    rpjmd = renstra.rpjmd
    if rpjmd is None or not rpjmd.misi:
        return []
    numbers = dict(zip((m.id for m in rpjmd.misi), nomor_misi(rpjmd.misi), strict=True))
    used: set[str] = set()
    for t in renstra.tujuan:
        used.update(t.misi)
    used.update(s.misi for s in renstra.sasaran if s.misi)
    chosen = [m for m in rpjmd.misi if m.id in used]
    if not chosen:
        block = dinas.narasi_untuk(doc.tahun, NARASI["misi_rpjmd_didukung"])
        if block is not None:
            said = {int(n) for n in re.findall(r"(?i)\bmisi\s+ke-?\s*(\d+)", block.teks)}
            chosen = [m for m in rpjmd.misi if numbers[m.id] in said]
    return [(numbers[m.id], m.uraian) for m in chosen]


# --- cover ---------------------------------------------------------------------------


def alamat_sampul(dinas: Dinas) -> Markup:
    """``Alamat Kantor`` / street, telephone / TOWN at the foot of the cover page (a frame
    anchored to the bottom margin, so it stays there however long the names are)."""
    kop = dinas.identitas.model.kop
    if kop is None:
        return Markup("")
    line = kop.alamat
    if kop.telepon and kop.faks and kop.telepon == kop.faks:
        line += f" Telp./Fax. {kop.telepon}"
    else:
        line += "".join(
            [
                f" Telp. {kop.telepon}" if kop.telepon else "",
                f" Fax. {kop.faks}" if kop.faks else "",
            ]
        )
    lines = [xml.run("Alamat Kantor", italic=True), xml.run(line, italic=True)]
    kota = kop.kota or dinas.identitas.model.ibukota
    if kota:
        lines.append(xml.run(kota.upper(), italic=True, bold=True))
    if kop.email:
        lines.append(xml.run("Email: " + ", ".join(kop.email), italic=True, size=10))
    if kop.laman:
        lines.append(xml.run(kop.laman, italic=True, size=10))
    frame = (
        '<w:framePr w:w="7500" w:wrap="around" w:hAnchor="margin" w:vAnchor="margin" '
        'w:xAlign="center" w:yAlign="bottom"/>'
    )
    return Markup(
        "".join(
            f'<w:p><w:pPr><w:pStyle w:val="Tengah"/><w:keepNext/>{frame}'
            f'<w:spacing w:after="0" w:line="276" w:lineRule="auto"/><w:jc w:val="center"/>'
            f"</w:pPr>{r}</w:p>"
            for r in lines
        )
    )


def spasi(twips: int) -> Markup:
    """An empty paragraph of the given height (cover layout)."""
    return Markup(
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{max(twips, 20)}" '
        'w:lineRule="exact"/></w:pPr></w:p>'
    )


# --- the diagram of BAB II B -------------------------------------------------------------

LANGKAH = [
    "Mengkaji dokumen perencanaan (RPJMD dan Renstra) serta tugas pokok dan fungsi",
    "Mengidentifikasi tujuan dan sasaran strategis yang akan diukur keberhasilannya",
    "Mengidentifikasi dan mengumpulkan indikator kinerja setiap sasaran strategis",
    "Konsultasi dengan pihak-pihak yang berkepentingan",
    "Menilai dan memilih indikator yang spesifik, dapat dicapai, relevan, menggambarkan "
    "keberhasilan sesuatu yang diukur, serta dapat dikuantifikasi dan diukur",
    "Menetapkan IKU beserta definisi operasional, satuan, target, penanggung jawab dan sumber data",
]
"""Steps of PermenPAN PER/09/M.PAN/5/2007 in the order the seed's kata pengantar names
them (identifikasi, pengumpulan, konsultasi, penilaian, pemilihan, penetapan)."""


def bagan_langkah(doc: Dokumen) -> Markup:
    """The steps as boxes joined by arrows: a one-column table Word can edit."""
    width = min(doc.lebar, 7400)
    box = (
        '<w:tcBorders><w:top w:val="single" w:sz="8" w:color="000000"/>'
        '<w:left w:val="single" w:sz="8" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="8" w:color="000000"/>'
        '<w:right w:val="single" w:sz="8" w:color="000000"/></w:tcBorders>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
    )
    rows = []
    for n, step in enumerate(LANGKAH, 1):
        if n > 1:
            arrow = xml.para(
                xml.run("▼", size=12), style="TeksTabel", align="center", keep_next=True
            )
            rows.append(
                f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
                f"</w:tcPr>{arrow}</w:tc></w:tr>"
            )
        text = xml.para(
            Markup(str(xml.run(f"{n}. ", bold=True)) + str(xml.run(step))),
            style="TeksTabel",
            align="center",
            keep_next=True,
            space_before=50,
            space_after=50,
        )
        rows.append(
            f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
            f'{box}<w:vAlign w:val="center"/></w:tcPr>{text}</w:tc></w:tr>'
        )
    return Markup(
        '<w:tbl><w:tblPr><w:tblStyle w:val="TanpaGaris"/>'
        f'<w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>' + "".join(rows) + "</w:tbl>"
    )


# --- the document's data ---------------------------------------------------------------


def konteks(bundel: Bundel, tahun: int, doc: Dokumen) -> dict[str, Any]:
    dinas = bundel.dinas
    assert dinas is not None
    renstra = dinas.renstra.model
    periode = renstra.periode
    t = dinas.tahun.get(tahun)
    ada_meta = bool(t and t.dokumen and t.dokumen.model.iku is not None)
    if not ada_meta and tahun not in periode.tahun:
        raise DataKurang(
            _(
                "tahun {tahun} di luar periode Renstra {mulai}-{akhir} dan "
                "{tahun}/dokumen.yaml tidak memuat 'iku'"
            ).format(tahun=tahun, mulai=periode.mulai, akhir=periode.akhir)
        )
    groups = baris_iku(renstra)
    if not groups:
        raise DataKurang(_("renstra.yaml tidak memuat indikator dengan 'iku: true'"))
    targets = [b.indikator.target.get(y) for g in groups for b in g for y in periode.tahun]
    kosong = sum(1 for v in targets if v is None or v.jenis == "kosong")
    if kosong * 2 > len(targets):
        doc.peringatan(
            "H003",
            _(
                "iku {tahun}: {kosong} dari {jumlah} sel target tabel IKU kosong ('-'); "
                "tulis target setiap tahun Renstra di renstra.yaml"
            ).format(tahun=tahun, kosong=kosong, jumlah=len(targets)),
            dinas.renstra.source.locate(("sasaran",), key=True),
        )
    m = meta(dinas, tahun, "iku")
    ident = dinas.identitas.model
    periode_teks = f"{periode.mulai}-{periode.akhir}"
    rpjmd = renstra.rpjmd
    rpjmd_periode = (
        f"{rpjmd.periode.mulai}-{rpjmd.periode.akhir}" if rpjmd and rpjmd.periode else ""
    )
    misi_rpjmd = (
        list(zip(nomor_misi(rpjmd.misi), (x.uraian for x in rpjmd.misi), strict=True))
        if rpjmd
        else []
    )
    didukung = _misi_didukung(dinas, doc)
    periksa_penandatangan(doc, dinas, m, tahun, "iku", pihak_kedua=False)
    return {
        "judul": m.judul or f"Indikator Kinerja Utama Tahun {periode_teks}",
        "jenis_dokumen": "iku",
        "narasi": NARASI,
        "periode": periode_teks,
        "kepala": penandatangan(dinas, m),
        "atasan_jabatan": ident.atasan.jabatan,
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun),
        "jumlah_iku": jumlah(sum(len(g) for g in groups)),
        "jumlah_sasaran": jumlah(len(groups)),
        "jumlah_sasaran_renstra": jumlah(len(renstra.sasaran)),
        "jumlah_tujuan": jumlah(len(renstra.tujuan)),
        "jumlah_indikator": jumlah(sum(len(s.indikator) for s in renstra.sasaran)),
        "tujuan": [x.uraian for x in renstra.tujuan],
        "visi": renstra.visi,
        "misi": list(zip(nomor_misi(renstra.misi), (x.uraian for x in renstra.misi), strict=True)),
        "rpjmd_visi": rpjmd.visi if rpjmd else None,
        "rpjmd_periode": rpjmd_periode,
        "misi_rpjmd": misi_rpjmd,
        "misi_didukung": didukung,
        "hanya_misi_didukung": bool(didukung) and len(didukung) == len(misi_rpjmd),
        "strategi": list(renstra.strategi),
        "kebijakan": list(renstra.kebijakan),
        "alamat": ident.kop.alamat if ident.kop else None,
        "kota": (ident.kop.kota if ident.kop else None) or ident.ibukota,
        "tabel_iku": tabel_iku(dinas, doc),
        "daftar": daftar,
        "kutipan": kutipan,
        "alamat_sampul": lambda: alamat_sampul(dinas),
        "spasi": spasi,
        "bagan_langkah": lambda: bagan_langkah(doc),
    }
