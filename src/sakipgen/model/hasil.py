"""What the calculation produces: the figures of one year, of the budget, of a rencana
aksi row and of a supporting table.

These are plain frozen values handed forward by the pipeline; documents, exports and
``show`` read them and compute nothing themselves (README "How the code is laid out").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sakipgen.i18n import N_, _
from sakipgen.model.anggaran import Kegiatan, Program, SubKegiatan
from sakipgen.model.nilai import Nilai
from sakipgen.model.renstra import Indikator, Sasaran
from sakipgen.model.tabel import Kolom
from sakipgen.model.tahun import TargetDokumen

Unit = Program | Kegiatan | SubKegiatan
SelTabel = Decimal | str | None

SUMBER_TARGET = {
    "pk_perubahan": "PK Perubahan",
    "pk": "Perjanjian Kinerja",
    "rkt": "RKT",
    "renstra": "Renstra",
}


@dataclass(frozen=True)
class HasilPembanding:
    """An indikator's target of the year in another plan (``renstra.yaml``
    ``target_pembanding``), and the year's realisasi against it, by the indikator's
    polaritas (None when it cannot be computed: no realisasi, a text target, target 0)."""

    id: str
    nama: str
    target: Nilai
    capaian: Decimal | None


@dataclass(frozen=True)
class HasilIndikator:
    sasaran_id: str
    indikator: Indikator
    target: Nilai
    target_semula: Nilai | None
    realisasi: Nilai | None
    capaian: Decimal | None
    kategori: str | None
    manual: bool = False
    alasan: str | None = None
    keterangan: str | None = None
    capaian_tahun_lalu: Decimal | None = None
    capaian_target_akhir: Decimal | None = None
    kategori_tambahan: tuple[str | None, ...] = ()
    """The capaian's kategori on each of ``profil.skala_tambahan``, in order."""
    pembanding: tuple[HasilPembanding, ...] = ()
    """Its targets of the year in other plans, in ``renstra.yaml`` ``pembanding`` order
    (those with a value this year); comparisons only, in no mean."""
    kategori_target_akhir: str | None = None
    """The band of ``capaian_target_akhir`` on the profile's scale (None without one)."""


@dataclass(frozen=True)
class HasilSasaran:
    sasaran: Sasaran
    indikator: list[HasilIndikator]
    capaian: Decimal | None
    kategori: str | None
    capaian_tahun_lalu: Decimal | None = None
    kategori_tambahan: tuple[str | None, ...] = ()
    tanpa_target: list[Indikator] = field(default_factory=list)
    """The sasaran's indikator not listed in ``indikator``: no target this year (none
    written, or "-") and no realisasi reported."""

    def baris(self) -> list[HasilIndikator | Indikator]:
        """Every indikator of the sasaran in the Renstra's order: its result, or (no
        target this year) the indikator itself."""
        hasil = {h.indikator.id: h for h in self.indikator}
        tanpa = {i.id: i for i in self.tanpa_target}
        return [hasil.get(i.id) or tanpa[i.id] for i in self.sasaran.indikator]


@dataclass(frozen=True)
class HasilTahun:
    tahun: int
    sumber_target: str | None
    ada_realisasi: bool
    sasaran: list[HasilSasaran]
    capaian: Decimal | None
    kategori: str | None
    rata_rata_indikator: Decimal | None
    anggaran: HasilAnggaran | None
    capaian_tahun_lalu: Decimal | None = None
    kategori_tambahan: tuple[str | None, ...] = ()
    skala_tambahan: tuple[str, ...] = ()
    """The names of ``profil.skala_tambahan``, one per ``kategori_tambahan`` entry (of
    the year, its sasaran and its indikator): the headers of their kategori columns."""
    pembanding: tuple[tuple[str, str], ...] = ()
    """(id, nama) of the ``renstra.yaml`` ``pembanding`` that some indikator of the year
    has a target of, in that order: the comparison columns of the year's tables."""
    semua_sasaran: list[HasilSasaran] = field(default_factory=list)
    """Every sasaran of the Renstra, in its order: those of ``sasaran`` (the measured
    ones, which documents print) and each sasaran none of whose indikator is measured or
    reported this year, with no figures (``indikator`` empty, all of them in
    ``tanpa_target``).  ``show`` and the export's capaian tables list these."""


@dataclass(frozen=True)
class Pos:
    """Pagu and realisasi of one program, one sasaran, or the total, with the
    percentages computed from them (each from its own numerator and denominator)."""

    pagu: int | None
    realisasi: int | None
    serapan: Decimal | None
    efisiensi_persen: Decimal | None
    kategori_serapan: str | None = field(default=None, kw_only=True)
    """The serapan's band on the profile's ``skala_serapan`` (None without one)."""

    @property
    def efisiensi(self) -> int | None:
        if self.pagu is None or self.realisasi is None:
            return None
        return self.pagu - self.realisasi


@dataclass(frozen=True)
class PosBagian(Pos):
    """A kegiatan or sub kegiatan as a sasaran's budget lists it: its figures under that
    sasaran (all of its own, unless units below it serve another sasaran: then their part
    there) and the units below it listed there."""

    unit: Kegiatan | SubKegiatan
    anak: list[PosBagian] = field(default_factory=list)


@dataclass(frozen=True)
class PosProgram(Pos):
    program: Program
    kegiatan: list[PosBagian] = field(default_factory=list)
    """The program's kegiatan that count here: in ``HasilAnggaran.program`` all of them;
    under a sasaran (``PosSasaran.program``) only those whose money counts under it, each
    with its part there, so a kegiatan is listed once, under the sasaran it serves."""


@dataclass(frozen=True)
class PosSasaran(Pos):
    sasaran_id: str | None
    program: list[PosProgram] = field(default_factory=list)


@dataclass(frozen=True)
class HasilAnggaran:
    total: Pos
    efisiensi_persen: Decimal | None
    """The total's efisiensi % (the same figure as ``total.efisiensi_persen``)."""
    sasaran: list[PosSasaran]
    program: list[PosProgram]
    unit: dict[int, Pos] = field(default_factory=dict, repr=False)
    """Every program, kegiatan and sub kegiatan of the year's anggaran.yaml (keyed by
    the unit object itself: units need no id, and the models are immutable and live as
    long as these results) → its pagu and realisasi (its own, else its children's sum)
    and their percentages."""

    dana: dict[int, tuple[Decimal | None, ...]] = field(default_factory=dict, repr=False)
    """Per unit, per entry of its ``sumber_dana`` given in rupiah: that amount's share
    of the unit's pagu in % (None where the entry gives a percentage, or no amount)."""

    def pos(self, unit: Unit) -> Pos:
        """The figures of one program, kegiatan or sub kegiatan of this year."""
        return self.unit[id(unit)]

    def bagian_dana(self, unit: Unit) -> tuple[Decimal | None, ...]:
        return self.dana.get(id(unit), ())


@dataclass(frozen=True)
class RingkasanBaris:
    per_periode: list[Decimal | None]
    """The amount planned in each period (increments)."""
    kumulatif: list[Decimal | None]
    """The running total at the end of each period (for a row whose year is the mean of
    its periods: the running mean)."""
    tahunan: Decimal | None
    turun_di: int | None
    """For a cumulative row: the first period (1-based) whose value is below an earlier one."""


@dataclass(frozen=True)
class TabelHitung:
    kolom: list[Kolom]
    baris: list[list[SelTabel]]
    total: list[SelTabel] | None


@dataclass(frozen=True)
class TargetPk:
    """The targets a PK document prints: the PK, or the PK Perubahan with each entry's
    "target semula" filled in where known."""

    dokumen: TargetDokumen
    perubahan: bool
    ada_semula: bool


@dataclass(frozen=True)
class TargetBerlaku:
    """The targets in force at the end of a month of the year, what a report of that
    period measures: a PK Perubahan from its date (dokumen.yaml ``pk_perubahan.tanggal``;
    an undated one from December), and before it the PK, else the RKT, else the Renstra
    targets of the year (:func:`sakipgen.calc.pk.target_berlaku`)."""

    sumber: str | None
    """``pk_perubahan``, ``pk``, ``rkt``, ``renstra``; None when the year has no target."""
    target: Mapping[str, Nilai]
    """Indikator id → its target in that document."""
    bulan: int
    ada_perubahan: bool = False
    """The year has a PK Perubahan (in force at ``bulan`` or not)."""
    tanggal_perubahan: date | None = None
    """The PK Perubahan's date; None when the year has none or it is undated."""

    @property
    def perubahan_menunggu(self) -> bool:
        """The year's PK Perubahan is not yet in force at ``bulan``."""
        return self.ada_perubahan and self.sumber != "pk_perubahan"


@dataclass(frozen=True)
class PaguDokumen:
    """The program budget a document (RKT, PK) prints: each program's pagu as the
    document signs it (its own ``program:`` entry in target.yaml, else anggaran.yaml's
    pagu), in anggaran.yaml's order, with the JUMLAH row; and the JUMLAH of the
    kegiatan below them (the RKT's second total)."""

    program: Mapping[str, int | None]
    """Program id → pagu (None when neither gives one)."""
    jumlah: int | None
    jumlah_kegiatan: int | None

    def pagu(self, program_id: str) -> int | None:
        return self.program.get(program_id)


@dataclass(frozen=True)
class HasilPk:
    """A year's PK as documents and exports print it.  ``galat_revisi``: why the
    targets at ``revisi_pk`` could not be read (then ``target`` carries only what
    target.yaml says, and the PK document is not built)."""

    target: TargetPk
    anggaran: PaguDokumen
    galat_revisi: str | None = None


@dataclass(frozen=True)
class Rentang:
    """The range of capaian one band covers, both ends resolved (None: unbounded)."""

    kategori: str
    bawah: Decimal | None
    bawah_inklusif: bool
    atas: Decimal | None
    atas_inklusif: bool

    def memuat(self, x: Decimal) -> bool:
        lo, hi = self.bawah, self.atas
        above = lo is None or x > lo or (self.bawah_inklusif and x == lo)
        below = hi is None or x < hi or (self.atas_inklusif and x == hi)
        return above and below


@dataclass(frozen=True)
class IndikatorPeriode:
    """One indikator up to a month of the year (``show --triwulan``)."""

    sasaran_id: str
    indikator: Indikator
    target: Nilai | None
    """The year's target in the document in force at the end of the month
    (:class:`TargetBerlaku`: the PK until the PK Perubahan's date)."""
    realisasi: Nilai | None
    """Realisasi up to the month, from the periods by the indikator's ``sifat``."""
    capaian: Decimal | None
    """That realisasi against that target: how far the year has come (no kategori: the
    scale judges a year's result, not a part of it)."""
    periode: tuple[int, int]
    """Periods written up to the month, and periods there are (3 of 3 months …)."""
    catatan: str | None = None
    """Why no realisasi or capaian (no ``sifat``, no period given, a text value)."""


@dataclass(frozen=True)
class AnggaranPeriode:
    """A program, kegiatan or sub kegiatan up to a month: pagu and money spent."""

    tingkat: str
    ident: str
    uraian: str
    pagu: int | None
    realisasi: int | None
    serapan: Decimal | None


@dataclass(frozen=True)
class HasilPeriode:
    """A year up to its ``bulan`` (the end of triwulan N, or a month)."""

    tahun: int
    bulan: int
    triwulan: int | None
    indikator: list[IndikatorPeriode]
    anggaran: list[AnggaranPeriode]
    berlaku: TargetBerlaku | None = None
    """The document whose targets are measured (in force at the end of ``bulan``)."""


@dataclass(frozen=True)
class BarisPemantauan:
    """One rencana aksi row up to a month (the Laporan Monitoring Rencana Aksi): target
    and realisasi of the reported period and to date, each made from the row's periods
    by its rule (``cara``: the last value of running totals, the sum, or the mean)."""

    cara: str
    satuan: str
    target_periode: Decimal | None
    realisasi_periode: Decimal | None
    capaian_periode: Decimal | None
    target_sd: Decimal | None
    realisasi_sd: Decimal | None
    capaian_sd: Decimal | None
    kategori_sd: str | None
    target_tahunan: Decimal | None
    sisa: Decimal | None
    """What remains of the annual target (a row that adds up or runs, polaritas positif)."""
    anggaran: int | None
    realisasi_anggaran: int | None
    serapan: Decimal | None
    kosong: tuple[int, ...] = ()
    """Periods up to the month with a target and no realisasi written."""
    catatan: str | None = None
    target_tahunan_dari: str | None = None
    """The document (``pk``, ``pk_perubahan`` …) whose target ``target_tahunan`` is,
    when it is not the row's own: the row measures a Renstra indikator whose target in
    force at the period's end differs from the row's annual figure."""


@dataclass(frozen=True)
class HasilPemantauan:
    """A year's rencana aksi up to ``bulan``: per table of rencana-aksi.yaml, per row."""

    tahun: int
    bulan_awal: int
    """The first month of the reported period (the triwulan's first, or the month)."""
    bulan: int
    triwulan: int | None
    tabel: tuple[tuple[BarisPemantauan, ...], ...]
    berlaku: TargetBerlaku | None = None
    """The targets in force at the end of ``bulan`` (the PK the report is on)."""


@dataclass(frozen=True)
class KRp:
    """A pair of the E.81 form: kinerja (K) and anggaran in rupiah (Rp)."""

    k: Decimal | None = None
    rp: int | None = None


SEBAB_E81: dict[str, str] = {
    "tanpa_indikator": N_("tanpa indikator"),
    "target_akhir": N_("tanpa target akhir Renstra (kolom 5)"),
    "realisasi_lalu": N_("realisasi {tahun} belum diketahui (kolom 6)"),
    "realisasi_tahun_ini": N_("belum ada realisasi tahun ini (kolom 12)"),
    "rumus": N_("capaian tidak dapat dihitung dari kolom 13 dan 5"),
    "tanpa_renstra": N_(
        "tidak ada di program Renstra (renstra.yaml program): tanpa pagu indikatif (kolom 5)"
    ),
    "pagu_indikatif": N_("pagu indikatif Renstra {tahun} belum diisi (kolom 5)"),
    "anggaran_lalu": N_("realisasi anggaran {tahun} belum diketahui (kolom 6)"),
    "anggaran_tahun_ini": N_("belum ada realisasi anggaran tahun ini (kolom 12)"),
}
"""Why an E.81 row's column (14) is not graded, by :attr:`TidakDinilai.sebab`: the
Indonesian text documents print (and the key of its translation on screen)."""


def daftar_tahun(tahun: tuple[int, ...], dan: str = "dan") -> str:
    """``2017-2020`` for a run of years, else ``2017, 2019 dan 2020``; ``dan`` joins the
    last two (``_("dan")`` where the text is in the active language, not a document's)."""
    if len(tahun) > 2 and list(tahun) == list(range(tahun[0], tahun[-1] + 1)):
        return f"{tahun[0]}-{tahun[-1]}"
    teks = [str(t) for t in tahun]
    return teks[0] if len(teks) == 1 else ", ".join(teks[:-1]) + f" {dan} " + teks[-1]


@dataclass(frozen=True)
class TidakDinilai:
    """Why an E.81 row's column (14) (K or Rp) has no figure: a figure it needs is not
    known, and the form never grades on an unknown (a missing earlier year is not 0)."""

    sebab: str
    """A key of :data:`SEBAB_E81`."""
    tahun: tuple[int, ...] = ()
    """The years whose figure is missing (``realisasi_lalu``, ``pagu_indikatif`` …)."""

    def teks(self) -> str:
        """In Indonesian, as documents and the export print it."""
        return SEBAB_E81[self.sebab].format(tahun=daftar_tahun(self.tahun) if self.tahun else "")

    def pesan(self) -> str:
        """In the active language (``show``)."""
        tahun = daftar_tahun(self.tahun, _("dan")) if self.tahun else ""
        return _(SEBAB_E81[self.sebab]).format(tahun=tahun)


@dataclass(frozen=True)
class BarisE81:
    """One indikator row of the E.81 form (Permendagri 86/2017): a sasaran, program or
    kegiatan with its indikator; columns 5-14 of the form."""

    tingkat: str
    """``sasaran``, ``program`` or ``kegiatan``."""
    sasaran_id: str
    uraian: str
    indikator: str
    satuan: str
    pertama: bool
    """The unit's first indikator row (its Rp figures stand there only)."""
    target_renstra: KRp
    """(5) Target of the Renstra at the end of its period; Rp: the pagu indikatif of all
    its years."""
    realisasi_lalu: KRp
    """(6) Realisasi of the Renstra up to the year before."""
    target_tahun: KRp
    """(7) Target of the year's Renja (K) and its pagu (Rp)."""
    triwulan: tuple[KRp, KRp, KRp, KRp]
    """(8)-(11) Realisasi of each triwulan (Rp: money spent in that quarter)."""
    realisasi_tahun: KRp
    """(12) The year so far: the triwulan by the indikator's sifat; Rp their sum."""
    realisasi_renstra: KRp
    """(13) (6) and (12) by the sifat; Rp their sum."""
    capaian_k: Decimal | None
    """(14) K: (13) against (5) by the indikator's polaritas."""
    capaian_rp: Decimal | None
    """(14) Rp: (13) / (5) × 100."""
    unit: str
    """(15) Unit PD penanggung jawab."""
    nomor: str = ""
    """(1) 1 for a sasaran, 1.1 for its program, 1.1.1 for the program's kegiatan; a
    unit's further indikator rows carry none."""
    tanpa_k: tuple[TidakDinilai, ...] = ()
    """Why (14) K has no figure (empty when it has one)."""
    tanpa_rp: tuple[TidakDinilai, ...] = ()
    """Why (14) Rp has no figure (on a unit's first row; empty when it has one)."""
    ulang: str = ""
    """A program (or kegiatan) listed again under a further sasaran it serves: the
    number of its first listing, where it is counted in the sasaran's rupiah and the
    means (empty: counted here)."""
    label: str = ""
    """The row as a note names it: its number, or its unit's number and the
    indikator's place (``2.1.1 (2)``)."""


@dataclass(frozen=True)
class HasilE81:
    """The year's Renja evaluation (E.81) up to a triwulan."""

    tahun: int
    triwulan: int
    baris: tuple[BarisE81, ...]
    rata_k: Decimal | None
    """Rata-rata capaian kinerja: the mean of column 14 (K) over the rows graded, each
    program or kegiatan once."""
    rata_rp: Decimal | None
    predikat_k: str | None
    predikat_rp: str | None
    dinilai_k: tuple[int, int] = (0, 0)
    """Rows graded in K, of the rows counted in the mean (a repeated listing is not)."""
    dinilai_rp: tuple[int, int] = (0, 0)
    """Program and kegiatan graded in Rp, of those counted."""
    berlaku: TargetBerlaku | None = None
    """The targets in force at the triwulan's end, whose column (7) K it takes."""
