"""The front half of every command, once: load → calculate → check, handing one
immutable :class:`Bundel` forward.

``check`` reports the bundle's diagnostics; ``show``, ``export`` and ``build`` read
its figures; ``diff`` compares two bundles.  None of them loads, calculates or runs
git itself (``tests/test_lapisan.py`` keeps it so).  What a command needs beyond the
diagnostics and figures is asked for in :class:`Pilihan`, so ``check`` stays light
(no git, no narrative filled for documents).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from sakipgen.calc.anggaran import pagu_dokumen
from sakipgen.calc.e81 import hitung_e81
from sakipgen.calc.kategori import pita, rentang, rentang_tambahan
from sakipgen.calc.narasi import Konteks, isi
from sakipgen.calc.pemantauan import hitung_pemantauan
from sakipgen.calc.periode import hitung_periode
from sakipgen.calc.pk import target_berlaku, target_pk
from sakipgen.calc.rencana_aksi import ringkas
from sakipgen.calc.tabel import hitung_tabel
from sakipgen.calc.tahun import hitung_tahun, tahun_tersedia
from sakipgen.checks import periksa_konsistensi, periksa_narasi, periksa_tercetak, tanpa_diabaikan
from sakipgen.diagnostics import Diagnostic, Severity, sorted_unique
from sakipgen.errors import RevisiError
from sakipgen.load import muat_dinas
from sakipgen.load.revisi import ekstrak, semula
from sakipgen.model.folder import Dinas, Jejak
from sakipgen.model.hasil import (
    HasilE81,
    HasilPemantauan,
    HasilPeriode,
    HasilPk,
    HasilTahun,
    PaguDokumen,
    Rentang,
    RingkasanBaris,
    TabelHitung,
    TargetBerlaku,
)
from sakipgen.model.nilai import Nilai


@dataclass(frozen=True)
class Pilihan:
    """What a command needs from the pipeline besides diagnostics and figures."""

    dokumen: bool = False
    """Everything documents and exports print: the PK with its "semula" (git, for a
    ``revisi_pk``), narrative with figures filled in for every year, supporting tables
    and rencana aksi totals."""
    tahun_lain: tuple[int, ...] = ()
    """Years to calculate besides those with data (``build --year`` of another year)."""
    periode: tuple[int | None, int, int | None] | None = None
    """(year, last month, triwulan): the year up to that month (``show --triwulan``);
    year None is the year ``show`` reports by default (:meth:`Bundel.tahun_terakhir`)."""


@dataclass(frozen=True)
class Bundel:
    """One dinas folder, loaded, calculated and checked.  ``dinas`` is None when the
    folder could not be loaded (the diagnostics say why)."""

    dinas: Dinas | None
    diagnostics: tuple[Diagnostic, ...]
    jejak: Jejak = field(default_factory=Jejak)
    hasil: Mapping[int, HasilTahun] = field(default_factory=dict)
    """Every year with data, every Renstra year, and ``Pilihan.tahun_lain``."""
    rentang: tuple[Rentang, ...] = ()
    """The kategori bands of the dinas's scale, highest first, each range resolved."""
    rentang_tambahan: tuple[tuple[str, tuple[Rentang, ...]], ...] = ()
    """Each of ``profil.skala_tambahan``: its name and its bands, as ``rentang``."""
    pk: Mapping[int, HasilPk] = field(default_factory=dict)
    """With ``Pilihan.dokumen``: every year with a PK or PK Perubahan."""
    anggaran_rkt: Mapping[int, PaguDokumen] = field(default_factory=dict)
    """With ``Pilihan.dokumen``: every year with data, the program budget its RKT prints."""
    narasi: Mapping[tuple[int, str], str] = field(default_factory=dict)
    """With ``Pilihan.dokumen``: (year, narrative name) → its text with figures filled
    in for that year (a year's own narrative, else the dinas-wide one)."""
    tabel: Mapping[tuple[int, str], TabelHitung] = field(default_factory=dict)
    """With ``Pilihan.dokumen``: (year, table name) → its computed cells."""
    rencana_aksi: Mapping[int, tuple[tuple[RingkasanBaris, ...], ...]] = field(default_factory=dict)
    """With ``Pilihan.dokumen``: year → per table of rencana-aksi.yaml, per row, its
    period amounts, running totals and annual figure."""
    periode: HasilPeriode | None = None
    """With ``Pilihan.periode``: the year up to that month."""
    e81: Mapping[int, HasilE81] = field(default_factory=dict)
    """With ``Pilihan.dokumen``: year → its Renja evaluation (E.81) up to the triwulan
    asked for, else its latest reported quarter; years that report none have none.  With
    ``Pilihan.periode`` alone: the E.81 of that year and triwulan (``show --triwulan``)."""
    pemantauan: Mapping[int, HasilPemantauan] = field(default_factory=dict)
    """With ``Pilihan.dokumen``: year → its rencana aksi up to the period asked for
    (``Pilihan.periode``), else up to its latest reported month; years that report no
    period have none."""
    revisi: str | None = None
    """The git revision this bundle was read from (``diff``); None: the working tree."""
    commit: str | None = None

    @property
    def galat(self) -> list[Diagnostic]:
        """The errors (not warnings) among the diagnostics."""
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def tahun(self) -> list[int]:
        """The years with data, oldest first."""
        return tahun_tersedia(self.dinas) if self.dinas is not None else []

    def tahun_terakhir(self) -> int | None:
        """The latest year with realisasi, else the latest year with data: what ``show``
        and ``export`` report when no year is asked for."""
        if self.dinas is None:
            return None
        with_real = [y for y, t in self.dinas.tahun.items() if t.realisasi is not None]
        years = self.tahun
        return max(with_real) if with_real else (max(years) if years else None)


def siapkan(folder: Path, base: Path | None = None, pilihan: Pilihan = Pilihan()) -> Bundel:
    """Load, calculate and check one dinas folder.  Never raises for data problems:
    they are the bundle's diagnostics."""
    loaded = muat_dinas(folder, base)
    diags = list(loaded.diagnostics)
    dinas = loaded.dinas
    if dinas is None:
        return Bundel(None, tuple(sorted_unique(diags)), loaded.jejak)
    available = tahun_tersedia(dinas)
    hasil: dict[int, HasilTahun] = {}
    # Also every Renstra year: a document may be of a year without data of its own (the
    # IKU of the Renstra's first year).  Only the years with data are checked.
    years = {*available, *dinas.renstra.model.periode.tahun, *pilihan.tahun_lain}
    for year in sorted(years):
        # In year order, so each year takes last year's figures from here.
        found, year_diags = hitung_tahun(dinas, year, lalu=hasil.get(year - 1))
        hasil[year] = found
        if year in available:
            diags.extend(year_diags)
    diags.extend(periksa_narasi(dinas, {y: hasil[y] for y in available}))
    diags.extend(periksa_tercetak(dinas, {y: hasil[y] for y in available}))
    diags.extend(periksa_konsistensi(dinas))
    bundel = Bundel(
        dinas,
        tuple(sorted_unique(tanpa_diabaikan(dinas, diags))),
        loaded.jejak,
        hasil,
        tuple(rentang(pita(dinas.identitas.model.profil))),
        tuple((n, tuple(r)) for n, r in rentang_tambahan(dinas.identitas.model.profil)),
    )
    revisi = _Revisi(dinas)  # git is read when a figure needs it, once per year
    if pilihan.periode is not None:
        tahun, bulan, triwulan = pilihan.periode
        tahun = tahun if tahun is not None else bundel.tahun_terakhir()
        if tahun is not None and tahun in hasil:
            berlaku = _berlaku(dinas, tahun, bulan, revisi)
            bundel = replace(
                bundel, periode=hitung_periode(dinas, hasil[tahun], bulan, triwulan, berlaku)
            )
            if not pilihan.dokumen:  # with documents, every year's E.81 is made below
                bundel = replace(bundel, e81=_e81(dinas, hasil, pilihan, revisi, hanya=tahun))
    return _untuk_dokumen(bundel, dinas, pilihan, revisi) if pilihan.dokumen else bundel


class _Revisi:
    """The targets a year's PK Perubahan replaces, read from the git revision its
    ``revisi_pk`` names (once per year, and only for a year that names one)."""

    def __init__(self, dinas: Dinas) -> None:
        self.dinas = dinas
        self.dibaca: dict[int, tuple[dict[str, Nilai] | None, str | None]] = {}

    def baca(self, year: int) -> tuple[dict[str, Nilai] | None, str | None]:
        """(the targets at the revision, why they could not be read)."""
        if year not in self.dibaca:
            t = self.dinas.tahun.get(year)
            target = t.target.model if t and t.target else None
            rev = self.dinas.revisi_pk(year)
            found: tuple[dict[str, Nilai] | None, str | None] = (None, None)
            if rev and target is not None and target.ada_pk_perubahan:
                try:
                    found = (semula(self.dinas, year, rev), None)
                except RevisiError as exc:
                    found = (None, str(exc))
            self.dibaca[year] = found
        return self.dibaca[year]

    def semula(self, year: int) -> dict[str, Nilai] | None:
        return self.baca(year)[0]


def _berlaku(dinas: Dinas, year: int, bulan: int, revisi: _Revisi) -> TargetBerlaku:
    """The targets in force at the end of ``bulan``; git is read only for a PK Perubahan
    not yet in force whose year writes no ``pk`` and names a ``revisi_pk`` (its entries
    without a ``semula`` of their own take the revision's PK target)."""
    found = target_berlaku(dinas, year, bulan)
    t = dinas.tahun.get(year)
    pk = t.target.model.pk if t and t.target else None
    if found.perubahan_menunggu and not (pk and pk.indikator):
        dari_revisi = revisi.semula(year)
        if dari_revisi:
            found = target_berlaku(dinas, year, bulan, dari_revisi)
    return found


def _pemantauan(dinas: Dinas, pilihan: Pilihan, revisi: _Revisi) -> dict[int, HasilPemantauan]:
    """Every year with a rencana aksi, up to the period asked for (``--triwulan`` or
    ``--bulan``, for the year asked or any year), else its latest reported month."""
    out: dict[int, HasilPemantauan] = {}
    for year in sorted(dinas.tahun):
        if pilihan.periode is not None and pilihan.periode[0] in (None, year):
            _y, bulan, triwulan = pilihan.periode
        else:
            bulan = dinas.bulan_terakhir(year)
            triwulan = bulan // 3 if bulan % 3 == 0 else None
        if not bulan or dinas.tahun[year].rencana_aksi is None:
            continue
        berlaku = _berlaku(dinas, year, bulan, revisi)
        found = hitung_pemantauan(dinas, year, bulan, triwulan, berlaku)
        if found is not None:
            out[year] = found
    return out


def _e81(
    dinas: Dinas,
    hasil: Mapping[int, HasilTahun],
    pilihan: Pilihan,
    revisi: _Revisi,
    hanya: int | None = None,
) -> dict[int, HasilE81]:
    """Every year with programs (or only the year ``hanya``), up to the triwulan asked
    for (a month asked for counts the quarters it completes), else its latest reported
    quarter."""
    out: dict[int, HasilE81] = {}
    for year in sorted(dinas.tahun):
        if hanya is not None and year != hanya:
            continue
        if pilihan.periode is not None and pilihan.periode[0] in (None, year):
            triwulan = pilihan.periode[1] // 3
        else:
            triwulan = dinas.bulan_terakhir(year) // 3
        if not triwulan or not dinas.tahun[year].program():
            continue
        berlaku = _berlaku(dinas, year, 3 * triwulan, revisi)
        found = hitung_e81(dinas, dict(hasil), year, triwulan, berlaku)
        if found is not None:
            out[year] = found
    return out


def _untuk_dokumen(bundel: Bundel, dinas: Dinas, pilihan: Pilihan, revisi: _Revisi) -> Bundel:
    pk: dict[int, HasilPk] = {}
    for year, tahun in sorted(dinas.tahun.items()):
        target = tahun.target.model if tahun.target else None
        if target is None or not (target.pk or target.pk_perubahan):
            continue
        dari_revisi, galat = revisi.baca(year)
        found = target_pk(dinas, year, dari_revisi)
        if found is not None:
            tertulis = found.dokumen.program  # pagu per program as the PK signs it
            pagu = pagu_dokumen(tahun.program(), tertulis, bundel.hasil[year].anggaran)
            pk[year] = HasilPk(found, pagu, galat)
    anggaran_rkt = {}
    for year, tahun in dinas.tahun.items():
        rkt = tahun.target.model.rkt if tahun.target else None
        tertulis = rkt.program if rkt is not None else {}
        anggaran_rkt[year] = pagu_dokumen(tahun.program(), tertulis, bundel.hasil[year].anggaran)

    narasi: dict[tuple[int, str], str] = {}
    for year, hasil in bundel.hasil.items():
        functions = Konteks(dinas, hasil, bundel.hasil).functions()
        names = {*dinas.narasi, *(dinas.tahun[year].narasi if year in dinas.tahun else {})}
        for name in names:
            block = dinas.narasi_untuk(year, name)
            if block is not None:
                text = block.teks
                narasi[(year, name)] = isi(text, functions)[0] if "{{" in text else text

    tabel = {
        (year, name): hitung_tabel(berkas.model)
        for year, tahun in dinas.tahun.items()
        for name, berkas in tahun.tabel.items()
    }
    rencana_aksi = {
        year: tuple(
            tuple(ringkas(list(b.target), dinas.cara_tahunan(b, t)) for b in t.baris)
            for t in tahun.rencana_aksi.model.tabel
        )
        for year, tahun in dinas.tahun.items()
        if tahun.rencana_aksi is not None
    }
    return replace(
        bundel,
        pk=pk,
        anggaran_rkt=anggaran_rkt,
        narasi=narasi,
        tabel=tabel,
        rencana_aksi=rencana_aksi,
        pemantauan=_pemantauan(dinas, pilihan, revisi),
        e81=_e81(dinas, bundel.hasil, pilihan, revisi),
    )


def siapkan_revisi(folder: Path, revisi: str) -> Bundel:
    """The dinas folder as it was at a git revision, loaded, calculated and checked like
    the working tree.  Diagnostics name their files as ``REVISI:path/in/repo``, the way
    git does.  :class:`RevisiError` when the revision cannot be read."""
    with ekstrak(folder, revisi) as (there, base, sha):
        bundel = siapkan(there, base)
    shown = tuple(
        replace(d, location=replace(d.location, file=f"{revisi}:{d.location.file}"))
        for d in bundel.diagnostics
    )
    return replace(bundel, diagnostics=shown, revisi=revisi, commit=sha)
