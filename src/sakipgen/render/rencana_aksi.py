"""Rencana Aksi atas Perjanjian Kinerja (and atas PK Perubahan): the PK's targets broken
down into monthly (or quarterly) targets per level — eselon II, III, IV and staf.

The body (cover, kata pengantar, BAB I-III) is narrative under
``<tahun>/narasi/rencana-aksi/…`` with standard wording where a file is missing; the
lampiran are landscape tables, one per tingkat, built here from ``rencana-aksi.yaml``
with the names of program, kegiatan and sub kegiatan resolved from ``anggaran.yaml``.

Twelve monthly columns next to four text columns do not fit a page at the usual
table font, so each table gets its own cell font size and column widths, measured
from its content: the largest size at which no month value, amount or word has to
break inside a word and the text columns still have some room (``_tata``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from sakipgen.format import SPASI, angka, nilai
from sakipgen.i18n import _
from sakipgen.model.anggaran import Kegiatan, Program, SubKegiatan
from sakipgen.model.folder import Dinas, Tahun
from sakipgen.model.hasil import HasilAnggaran, RingkasanBaris
from sakipgen.model.nilai import Nilai
from sakipgen.model.rencana_aksi import (
    JUMLAH_PERIODE,
    BarisRencanaAksi,
    CaraTahunan,
    RencanaAksiTahun,
    TabelRencanaAksi,
)
from sakipgen.model.renstra import Sasaran
from sakipgen.pipeline import Bundel
from sakipgen.render import ukur, xml
from sakipgen.render.dokumen import ROMAWI, DataKurang, Dokumen
from sakipgen.render.paket import Seksi
from sakipgen.render.tabel import Kol, Sel
from sakipgen.render.umum import (
    meta,
    penandatangan,
    periksa_penandatangan,
    tabel_target,
    tempat_tanggal,
)

TINGKAT = ("eselon_ii", "eselon_iii", "eselon_iv", "staf")
NAMA_TINGKAT = {
    "eselon_ii": "Eselon II",
    "eselon_iii": "Eselon III",
    "eselon_iv": "Eselon IV",
    "staf": "Staf",
}
NAMA_UNIT = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan"}
TRIWULAN = ("Tw I", "Tw II", "Tw III", "Tw IV")


@dataclass(frozen=True)
class BarisCetak:
    """One table row with every reference resolved to the text that is printed."""

    kelompok: tuple[str, str]
    """(no, sasaran) — consecutive rows of one kelompok share the No and Sasaran cells."""
    no: str | None
    sasaran: str
    indikator: str
    unit_kunci: str | None
    unit: str
    unit_jenis: str | None
    kegiatan_induk: tuple[str, str] | None
    """For a sub kegiatan row: (key, uraian) of the kegiatan it belongs to."""
    periode: list[str]
    tahunan: str
    anggaran: int | None
    penanggung_jawab: str
    cara: CaraTahunan = "jumlah"
    """The annual figure is the last period's (a running total), not their sum."""


@dataclass
class Lampiran:
    """One lampiran table: its title lines and a builder called in its landscape section."""

    tingkat: str
    judul: str
    subjudul: str
    periode: str
    baris: list[BarisCetak]
    tabel: Callable[[], Markup]
    catatan: str = ""
    """The rule of its Target Tahunan column (:func:`catatan_tahunan`)."""


class PetaAnggaran:
    """anggaran.yaml ids → program, kegiatan, sub kegiatan, and their computed pagu."""

    def __init__(self, programs: Sequence[Program], hasil: HasilAnggaran | None) -> None:
        self.hasil = hasil
        self.program: dict[str, Program] = {}
        self.kegiatan: dict[str, Kegiatan] = {}
        self.sub: dict[str, SubKegiatan] = {}
        self.induk: dict[str, Kegiatan] = {}
        """Sub kegiatan id → its kegiatan."""
        for p in programs:
            self.program[p.id] = p
            for k in p.kegiatan:
                if k.id:
                    self.kegiatan[k.id] = k
                for s in k.sub_kegiatan:
                    if s.id:
                        self.sub[s.id] = s
                        self.induk[s.id] = k

    def pagu(self, unit: Kegiatan | SubKegiatan) -> int | None:
        return self.hasil.pos(unit).pagu if self.hasil is not None else None


def _unit(
    row: BarisRencanaAksi, ang: PetaAnggaran
) -> tuple[str | None, str, str | None, int | None]:
    """The deepest budget unit the row refers to: key, name, kind, and its pagu
    (kegiatan and sub kegiatan only; a program's pagu belongs to the eselon III row)."""
    if row.sub_kegiatan:
        s = ang.sub.get(row.sub_kegiatan)
        return (
            "sk:" + row.sub_kegiatan,
            s.uraian if s else row.sub_kegiatan,
            "sub_kegiatan",
            ang.pagu(s) if s else None,
        )
    if row.kegiatan:
        k = ang.kegiatan.get(row.kegiatan)
        return (
            "k:" + row.kegiatan,
            k.uraian if k else row.kegiatan,
            "kegiatan",
            (ang.pagu(k) if k else None),
        )
    if row.program:
        p = ang.program.get(row.program)
        return "p:" + row.program, p.uraian if p else row.program, "program", None
    return None, "", None, None


def _sasaran(dinas: Dinas, row: BarisRencanaAksi, ang: PetaAnggaran) -> tuple[str, str, bool]:
    """(key, text, whether it is a Renstra sasaran strategis)."""
    found: Sasaran | None = None
    if row.sasaran:
        found = dinas.sasaran.get(row.sasaran)
    if found is None and row.indikator and row.indikator in dinas.indikator:
        found = dinas.indikator[row.indikator][0]
    if found is None and row.program and row.program in ang.program:
        # The sasaran of the deepest unit the row names (a kegiatan may serve another
        # sasaran than its program).
        p = ang.program[row.program]
        unit = ang.sub.get(row.sub_kegiatan or "") or ang.kegiatan.get(row.kegiatan or "")
        ids = p.sasaran_untuk(unit) if unit is not None else p.sasaran
        found = dinas.sasaran.get(ids[0]) if ids else None
    if found is not None:
        return "s:" + found.id, found.uraian, True
    if row.uraian_sasaran:
        return "t:" + row.uraian_sasaran, row.uraian_sasaran, False
    return "", "", False


def _indikator(dinas: Dinas, row: BarisRencanaAksi) -> str:
    if row.uraian:
        return row.uraian
    if row.indikator and row.indikator in dinas.indikator:
        return dinas.indikator[row.indikator][1].uraian
    return row.indikator or ""


def _tahunan(row: BarisRencanaAksi, ringkasan: RingkasanBaris) -> str:
    """The row's annual figure: as written in ``target_tahunan``, else computed."""
    if row.target_tahunan is not None and row.target_tahunan.jenis != "kosong":
        return nilai(row.target_tahunan)
    total = ringkasan.tahunan
    if total is None:
        return "-"
    unit = next((v.satuan for v in reversed(row.target) if v.jenis == "angka" and v.satuan), "")
    return nilai(Nilai("angka", "", angka=total, satuan=unit))


def baris_cetak(
    dinas: Dinas,
    tabel: TabelRencanaAksi,
    ang: PetaAnggaran,
    ringkasan: Sequence[RingkasanBaris],
) -> list[BarisCetak]:
    n = JUMLAH_PERIODE[tabel.periode]
    out: list[BarisCetak] = []
    for index, row in enumerate(tabel.baris):
        key, sasaran, _lain = _sasaran(dinas, row, ang)
        if not key:  # no sasaran: the row is a group of its own
            key = f"#{index}"
        unit_key, unit, unit_jenis, unit_pagu = _unit(row, ang)
        induk: tuple[str, str] | None = None
        if row.sub_kegiatan:
            parent = ang.kegiatan.get(row.kegiatan or "") or ang.induk.get(row.sub_kegiatan)
            if parent is not None:
                induk = ("k:" + (parent.id or parent.uraian), parent.uraian)
            elif row.kegiatan:
                induk = ("k:" + row.kegiatan, row.kegiatan)
        # The twelve month (four quarter) columns are too narrow to keep "12 Laporan"
        # on one line: there a figure may wrap before its unit.
        periode = [nilai(v).replace(SPASI, " ") for v in row.target[:n]]
        periode += ["-"] * (n - len(periode))
        out.append(
            BarisCetak(
                kelompok=(row.no or "", key),
                no=row.no,
                sasaran=sasaran,
                indikator=_indikator(dinas, row),
                unit_kunci=unit_key,
                unit=unit,
                unit_jenis=unit_jenis,
                kegiatan_induk=induk,
                periode=periode,
                tahunan=_tahunan(row, ringkasan[index]).replace(SPASI, " "),
                anggaran=row.anggaran if row.anggaran is not None else unit_pagu,
                penanggung_jawab=row.penanggung_jawab or "",
                cara=dinas.cara_tahunan(row, tabel),
            )
        )
    return out


# --- measuring text (Arial/Helvetica advance widths, 1/1000 em) ----------------------

MARGIN_SEL = 45
"""Left and right cell margin (twips) of the lampiran tables: narrower than the table
style's 70, since a 6-8 pt text needs less and the twelve month columns gain the most."""
KENDUR = 24
"""Slack added to every measured width: Word and LibreOffice do not set text to
exactly the same widths."""


_kata = ukur.potongan


# --- cells ------------------------------------------------------------------------------


def _run(text: str, setengah_pt: int, tebal: bool) -> str:
    rpr = ("<w:b/><w:bCs/>" if tebal else "") + (
        f'<w:sz w:val="{setengah_pt}"/><w:szCs w:val="{setengah_pt}"/>'
    )
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{xml.teks(text)}</w:t></w:r>'


def paragraf_sel(text: str, setengah_pt: int, *, align: str, tebal: bool = False) -> Markup:
    """A table paragraph in the given size (paragraph mark too, so empty cells stay low)."""
    size = f'<w:sz w:val="{setengah_pt}"/><w:szCs w:val="{setengah_pt}"/>'
    body = _run(text, setengah_pt, tebal) if text else ""
    return Markup(
        f'<w:p><w:pPr><w:pStyle w:val="TeksTabel"/><w:spacing w:before="10" w:after="10"/>'
        f'<w:jc w:val="{align}"/><w:rPr>{size}</w:rPr></w:pPr>{body}</w:p>'
    )


@dataclass(frozen=True)
class _Kolom:
    judul: str
    jenis: str  # "no", "teks", "periode", "tahunan", "angka"
    align: str
    isi: Callable[[BarisCetak], str]
    gabung: Callable[[BarisCetak], object] | None = None
    """Cells of consecutive rows with the same (non-None) key are merged."""
    bobot: float = 1.0


def _periode(i: int) -> Callable[[BarisCetak], str]:
    return lambda b: b.periode[i]


def _nomor(baris: list[BarisCetak]) -> dict[tuple[str, str], str]:
    """The No printed for each kelompok: as written, else 1, 2, 3 …"""
    no_given = any(b.no for b in baris)
    nomor: dict[tuple[str, str], str] = {}
    for b in baris:
        if b.kelompok not in nomor:
            nomor[b.kelompok] = (b.no or "") if no_given else str(len(nomor) + 1)
    return nomor


TANDA: dict[str, str] = {"akhir": " *", "rata_rata": " **"}
"""In a table whose rows make their annual figure in different ways, the marks on the
figures of the kinds other than the table's first (summed rows are never marked)."""
_URUTAN_CARA: tuple[CaraTahunan, ...] = ("jumlah", "akhir", "rata_rata")


def _cara(baris: list[BarisCetak]) -> list[CaraTahunan]:
    """The kinds of the rows with an annual figure, the unmarked one first."""
    kinds = {b.cara for b in baris if b.tahunan != "-"}
    return [c for c in _URUTAN_CARA if c in kinds]


def catatan_tahunan(baris: list[BarisCetak], periode: str) -> str:
    """The rule behind the Target Tahunan column, printed under the table: the sum of
    the periods, (a cumulative row) the last period's value, or (an indikator whose year
    is the mean of its periods) their mean.  In a table with several kinds, the figures
    of all but the first carry :data:`TANDA`."""
    kinds = _cara(baris)
    if not kinds:
        return ""
    satuan = "bulanan" if periode == "bulanan" else "triwulanan"
    akhir = "bulan terakhir" if periode == "bulanan" else "triwulan terakhir"
    aturan = {
        "jumlah": f"jumlah target {satuan}",
        "akhir": f"target {akhir} (target {satuan} bersifat kumulatif)",
        "rata_rata": f"rata-rata target {satuan}",
    }
    bagian = [aturan[kinds[0]]] + [
        f"yang bertanda {TANDA[k].strip()}: {aturan[k]}" for k in kinds[1:]
    ]
    return "Target Tahunan: " + "; ".join(bagian) + "."


def _bertanda(baris: list[BarisCetak]) -> list[BarisCetak]:
    """In a table whose rows make their annual figure in several ways, mark the rows
    of every kind but the first."""
    kinds = _cara(baris)
    if len(kinds) < 2:
        return baris
    return [
        replace(b, tahunan=b.tahunan + TANDA[b.cara])
        if b.cara in kinds[1:] and b.tahunan != "-"
        else b
        for b in baris
    ]


def _strategis(dinas: Dinas, tb: TabelRencanaAksi, ang: PetaAnggaran) -> bool:
    """Whether a row of the table serves a sasaran strategis (the table then has the
    column for it)."""
    return any(_sasaran(dinas, r, ang)[2] for r in tb.baris)


def _kolom(baris: list[BarisCetak], periode: str, strategis: bool) -> list[_Kolom]:
    n = JUMLAH_PERIODE[periode]
    nomor = _nomor(baris)
    cols = [_Kolom("No", "no", "center", lambda b: nomor[b.kelompok], lambda b: b.kelompok)]
    if any(b.sasaran for b in baris):
        cols.append(
            _Kolom(
                "Sasaran Strategis" if strategis else "Sasaran",
                "teks",
                "left",
                lambda b: b.sasaran,
                lambda b: b.kelompok,
                1.0,
            )
        )
    cols += [
        _Kolom("Indikator Kinerja", "teks", "left", lambda b: b.indikator, None, 1.15),
    ]
    jenis_unit = [j for j in NAMA_UNIT if any(b.unit_jenis == j for b in baris)]
    if "sub_kegiatan" in jenis_unit:
        # As the seed prints them: the kegiatan and its sub kegiatan side by side (a
        # program or kegiatan row of the same table in the first of the two).
        def atas(b: BarisCetak) -> tuple[str, str] | None:
            if b.unit_jenis == "sub_kegiatan":
                return b.kegiatan_induk
            return (b.unit_kunci or "", b.unit) if b.unit_jenis else None

        judul_atas = [NAMA_UNIT[j] for j in jenis_unit if j not in ("kegiatan", "sub_kegiatan")]
        cols.append(
            _Kolom(
                "/".join([*judul_atas, NAMA_UNIT["kegiatan"]]),
                "teks",
                "left",
                lambda b: (atas(b) or ("", ""))[1],
                lambda b: (b.kelompok, atas(b)) if atas(b) else None,
                1.0,
            )
        )
        cols.append(
            _Kolom(
                NAMA_UNIT["sub_kegiatan"],
                "teks",
                "left",
                lambda b: b.unit if b.unit_jenis == "sub_kegiatan" else "",
                lambda b: (b.kelompok, b.unit_kunci) if b.unit_jenis == "sub_kegiatan" else None,
                1.0,
            )
        )
    elif jenis_unit:
        cols.append(
            _Kolom(
                "/".join(NAMA_UNIT[j] for j in jenis_unit),
                "teks",
                "left",
                lambda b: b.unit,
                lambda b: (b.kelompok, b.unit_kunci) if b.unit_kunci else None,
                1.0,
            )
        )
    for i in range(n):
        cols.append(
            _Kolom(str(i + 1) if n == 12 else TRIWULAN[i], "periode", "center", _periode(i))
        )
    if any(b.tahunan != "-" for b in baris):
        cols.append(_Kolom("Target Tahunan", "tahunan", "center", lambda b: b.tahunan))
    if any(b.anggaran is not None for b in baris):
        cols.append(
            _Kolom(
                "Anggaran (Rp)",
                "angka",
                "right",
                lambda b: "-" if b.anggaran is None else angka(b.anggaran),
                lambda b: (
                    (b.kelompok, b.unit_kunci, b.anggaran) if b.anggaran is not None else None
                ),
            )
        )
    if any(b.penanggung_jawab for b in baris):
        cols.append(
            _Kolom(
                "Penanggung Jawab",
                "teks",
                "left",
                lambda b: b.penanggung_jawab,
                lambda b: b.penanggung_jawab or None,
                0.8,
            )
        )
    return cols


UKURAN = (20, 18, 16, 15, 14, 13, 12)
"""Candidate cell font sizes in half-points: 10 pt (the usual table text) down to 6 pt."""
LONGGAR = 1.2
"""Text columns should get this much more than their longest word, or a smaller size is tried."""


def _minimum(cols: list[_Kolom], baris: list[BarisCetak], size: int, margin: int) -> list[int]:
    """The narrowest width of each column at which no word has to break."""
    mins = []
    for c in cols:
        cells = [c.isi(b) for b in baris]
        need = max(
            ukur.kata_terlebar(cells, setengah_pt=size),
            ukur.kata_terlebar([c.judul], setengah_pt=size, tebal=True),
        )
        mins.append(max(need + 2 * margin + KENDUR, 250))
    periode = [i for i, c in enumerate(cols) if c.jenis == "periode"]
    if periode:  # the month (quarter) columns are all as wide as the widest one
        same = max(mins[i] for i in periode)
        for i in periode:
            mins[i] = same
    return mins


def _bagi(
    cols: list[_Kolom],
    baris: list[BarisCetak],
    mins: list[int],
    lebar: int,
    size: int,
    margin: int,
) -> list[int]:
    """Widths by :func:`ukur.bagi`: the text columns share what the others leave, by
    weight and by how much text they hold, never below their longest word and never
    wider than their longest cell; what is left then widens the period columns."""
    pad = 2 * margin + KENDUR
    need = []
    for i, c in enumerate(cols):
        if c.jenis != "teks":
            lebarkan = c.jenis in ("periode", "tahunan")
            need.append(ukur.Kebutuhan(mins[i], mins[i], lebarkan=lebarkan))
            continue
        cells = [c.isi(b) for b in baris]
        full = max((ukur.lebar(t, setengah_pt=size) for t in cells), default=0) + pad
        isi = sum(len(t) for t in cells) / max(len(baris), 1)
        bobot = c.bobot * max(isi, 12.0) ** 0.5
        need.append(ukur.Kebutuhan(mins[i], full, bobot=bobot, penuh=True))
    return ukur.bagi(need, lebar)


def _tata(
    cols: list[_Kolom], baris: list[BarisCetak], lebar: int, margin: int, maks: int = UKURAN[0]
) -> tuple[int, list[_Kolom], list[int]]:
    """Font size (at most ``maks``), columns and widths (twips, summing to ``lebar``):
    the largest size at which the text columns have room; else the largest at which
    nothing breaks inside a word; else the same without the annual column."""
    tanpa_tahunan = [c for c in cols if c.jenis != "tahunan"]
    passes: list[tuple[list[_Kolom], bool]] = [(cols, True), (cols, False)]
    if len(tanpa_tahunan) < len(cols):
        passes.append((tanpa_tahunan, False))
    for cs, longgar in passes:
        teks = [i for i, c in enumerate(cs) if c.jenis == "teks"]
        for size in UKURAN:
            if size > maks:
                continue
            mins = _minimum(cs, baris, size, margin)
            if sum(mins) > lebar:
                continue
            widths = _bagi(cs, baris, mins, lebar, size, margin)
            room = sum(widths[i] for i in teks)
            if not longgar or room >= LONGGAR * sum(mins[i] for i in teks):
                return size, cs, widths
    # Nothing fits: the smallest size, every column scaled down alike.
    size = UKURAN[-1]
    mins = _minimum(tanpa_tahunan, baris, size, margin)
    widths = [m * lebar // sum(mins) for m in mins]
    widths[-1] += lebar - sum(widths)
    return size, tanpa_tahunan, widths


def _gabung(keys: list[object]) -> list[int]:
    """Run lengths at the first row of each run of equal keys (0 inside a run)."""
    out = [0] * len(keys)
    r = 0
    while r < len(keys):
        k = r + 1
        while k < len(keys) and keys[r] is not None and keys[k] == keys[r]:
            k += 1
        out[r] = k - r
        r = k
    return out


_TATA_LETAK = '<w:tblLayout w:type="fixed"/>'
_MARGIN_KOSONG = 70
"""The table style's cell margin, used when the narrower one cannot be set."""


def ukuran_tabel(baris: list[BarisCetak], periode: str, strategis: bool, lebar: int) -> int:
    """The font size the lampiran table of one tingkat would take alone at ``lebar``."""
    return _tata(_kolom(baris, periode, strategis), baris, lebar, MARGIN_SEL)[0]


def bangun_tabel(
    doc: Dokumen, baris: list[BarisCetak], periode: str, strategis: bool, maks: int = UKURAN[0]
) -> Markup:
    """The lampiran table of one tingkat, as wide as the current (landscape) section, in
    the largest font size up to ``maks`` that fits."""
    cols = _kolom(baris, periode, strategis)
    out = _tabel(doc, cols, baris, periode, MARGIN_SEL, maks)
    if _TATA_LETAK not in out:  # pragma: no cover - only if tabel.py changes its tblPr
        return _tabel(doc, cols, baris, periode, _MARGIN_KOSONG, maks)
    return dengan_margin(out, MARGIN_SEL)


def dengan_margin(tabel: Markup, margin: int) -> Markup:
    """A measured table with the cell margin (twips, left and right) its widths were
    measured with, instead of the table style's."""
    cell_mar = (
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
        f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
    )
    assert _TATA_LETAK in tabel, "render/tabel.py writes a fixed layout for measured tables"
    return Markup(str(tabel).replace(_TATA_LETAK, _TATA_LETAK + cell_mar, 1))


def _tabel(
    doc: Dokumen,
    semua: list[_Kolom],
    baris: list[BarisCetak],
    periode: str,
    margin: int,
    maks: int,
) -> Markup:
    size, cols, widths = _tata(semua, baris, doc.lebar, margin, maks)
    first_period = next(i for i, c in enumerate(cols) if c.jenis == "periode")
    n = JUMLAH_PERIODE[periode]
    kosong = paragraf_sel("", size, align="center")

    def head(text: str, vmerge: str | None = None) -> Sel:
        return Sel(paragraf_sel(text, size, align="center", tebal=True), vmerge=vmerge)

    row1: list[object] = []
    row2: list[object] = []
    i = 0
    while i < len(cols):
        if i == first_period:
            label = "TARGET BULANAN" if periode == "bulanan" else "TARGET TRIWULAN"
            row1.append(Sel(paragraf_sel(label, size, align="center", tebal=True), span=n))
            row2 += [head(cols[k].judul) for k in range(i, i + n)]
            i += n
            continue
        row1.append(head(cols[i].judul, "restart"))
        row2.append(Sel(kosong, vmerge="continue"))
        i += 1
    row3: list[object] = [
        Sel(paragraf_sel(f"({k + 1})", size, align="center")) for k in range(len(cols))
    ]

    body: list[list[object]] = [
        [Sel(paragraf_sel(c.isi(b), size, align=c.align)) for c in cols] for b in baris
    ]
    for ci, c in enumerate(cols):
        if c.gabung is None:
            continue
        runs = _gabung([c.gabung(b) for b in baris])
        for r, length in enumerate(runs):
            if length > 1:
                body[r][ci] = Sel(
                    paragraf_sel(c.isi(baris[r]), size, align=c.align), vmerge="restart"
                )
                for k in range(r + 1, r + length):
                    body[k][ci] = Sel(kosong, vmerge="continue")
    return doc.tabel(
        [Kol(w, c.align) for w, c in zip(widths, cols, strict=True)],
        [row1, row2, row3],
        body,
        nomor_kolom=False,
        kecil=True,
        terukur=True,
    )


# --- the document ------------------------------------------------------------------------


def tahun_rencana_aksi(bundel: Bundel, tahun: int) -> tuple[Dinas, Tahun, RencanaAksiTahun]:
    """The dinas, the year and its rencana aksi; DataKurang when the year has none."""
    dinas = bundel.dinas
    assert dinas is not None
    t = dinas.tahun.get(tahun)
    if t is None or t.rencana_aksi is None:
        raise DataKurang(_("{tahun}/rencana-aksi.yaml tidak ada").format(tahun=tahun))
    return dinas, t, t.rencana_aksi.model


def nama_dinas_lengkap(dinas: Dinas) -> str:
    """The dinas's name with its Pemda's, unless the name holds it already."""
    ident = dinas.identitas.model
    nama = ident.dinas.nama
    return nama if ident.pemda.lower() in nama.lower() else f"{nama} {ident.pemda}"


def konteks(bundel: Bundel, tahun: int, doc: Dokumen) -> dict[str, Any]:
    dinas, t, ra = tahun_rencana_aksi(bundel, tahun)
    target = t.target.model if t.target else None
    perubahan = target is not None and target.ada_pk_perubahan
    pk = (target.pk_perubahan if perubahan else target.pk) if target else None
    m = meta(dinas, tahun, "rencana_aksi")
    renstra = dinas.renstra.model
    ang = PetaAnggaran(t.program(), bundel.hasil[tahun].anggaran)
    nama_dinas = nama_dinas_lengkap(dinas)

    ringkasan = bundel.rencana_aksi[tahun]
    tabel_urut = sorted(enumerate(ra.tabel), key=lambda x: TINGKAT.index(x[1].tingkat))
    disiapkan = [
        (tb, _bertanda(baris_cetak(dinas, tb, ang, ringkasan[ti])), _strategis(dinas, tb, ang))
        for ti, tb in tabel_urut
    ]
    # The tingkat tables are one kind of table: all in the size the widest of them needs
    # (issue 12: "table font sizes vary between tables of the same kind").
    lanskap = doc.paket.halaman(Seksi(lanskap=True)).lebar_teks
    ukuran = min(
        (ukuran_tabel(rows, tb.periode, st, lanskap) for tb, rows, st in disiapkan),
        default=UKURAN[0],
    )
    lampiran: list[Lampiran] = []
    for tb, rows, strategis in disiapkan:
        judul = tb.judul or (
            f"Rencana Aksi atas Perjanjian Kinerja {NAMA_TINGKAT[tb.tingkat]} Tahun {tahun}"
        )

        def build(
            rows: list[BarisCetak] = rows, tb: TabelRencanaAksi = tb, strategis: bool = strategis
        ) -> Markup:
            return bangun_tabel(doc, rows, tb.periode, strategis, ukuran)

        lampiran.append(
            Lampiran(
                tb.tingkat,
                judul.upper(),
                nama_dinas.upper(),
                tb.periode,
                rows,
                build,
                catatan_tahunan(rows, tb.periode),
            )
        )

    periode = {tb.periode for _ti, tb in tabel_urut}
    judul = "Rencana Aksi atas Perjanjian Kinerja (PK)" + (" Perubahan" if perubahan else "")
    tabel_iku: Callable[[], Markup] | None = (
        tabel_target(dinas, doc, pk, satuan_kolom=False) if pk and pk.indikator else None
    )
    periksa_penandatangan(doc, dinas, m, tahun, "rencana-aksi", pihak_kedua=False)
    return {
        "judul": m.judul or f"{judul} Tahun {tahun}",
        "judul_sampul": f"{judul} {tahun}",
        "jenis_dokumen": "rencana_aksi",
        "perubahan": perubahan,
        "nama_dinas": nama_dinas,
        "pejabat": penandatangan(dinas, m),
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun),
        "lampiran": lampiran,
        "bulanan": "bulanan" in periode,
        "triwulan": "triwulan" in periode,
        "daftar_sasaran": "\n".join(f"{i}. {s.uraian}" for i, s in enumerate(renstra.sasaran, 1)),
        "visi": (renstra.rpjmd.visi if renstra.rpjmd else None) or renstra.visi,
        "tabel_iku": tabel_iku,
        "romawi": list(ROMAWI),
    }
