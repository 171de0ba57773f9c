"""A year's realisasi from its periods (``bulanan`` or ``triwulan`` in realisasi.yaml),
by the indikator's ``sifat``: kumulatif and akhir_periode take the last period given,
jumlah the sum, rata_rata the mean (rounded like a capaian)."""

from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.anggaran import anak_unit, pagu, realisasi_sampai, serapan
from sakipgen.calc.bulat import bulat
from sakipgen.calc.capaian import CapaianError, hitung
from sakipgen.format import angka
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import (
    SUMBER_TARGET,
    AnggaranPeriode,
    HasilPeriode,
    HasilTahun,
    IndikatorPeriode,
    TargetBerlaku,
    Unit,
)
from sakipgen.model.nilai import Nilai
from sakipgen.model.tahun import RealisasiIndikator


def periode(real: RealisasiIndikator) -> list[Nilai]:
    """The period values in order: the months when given, else the quarters."""
    found = real.bulanan or real.triwulan
    return [found[k] for k in sorted(found)]


def tahunan(values: list[Nilai], sifat: str, places: int = 2) -> Nilai | None:
    """The year's value from ``values`` (empty periods skipped); None when a period is
    not a number or none is given."""
    filled = [v for v in values if v.jenis != "kosong"]
    if not filled or any(v.jenis != "angka" or v.angka is None for v in filled):
        return None
    numbers = [v.angka for v in filled if v.angka is not None]
    satuan = filled[-1].satuan
    if sifat in ("kumulatif", "akhir_periode"):
        return filled[-1]
    total = sum(numbers, Decimal(0))
    return nilai_angka(total if sifat == "jumlah" else bulat(total / len(numbers), places), satuan)


def nilai_angka(value: Decimal, satuan: str = "") -> Nilai:
    """A computed realisasi as a written number: ``Decimal("48.43")`` with ``%`` is
    ``48,43%``; another unit word stays in ``satuan``."""
    teks = angka(value) + (satuan if satuan == "%" else "")
    return Nilai("angka", teks, angka=value, satuan=satuan)


def sampai(real: RealisasiIndikator, bulan: int) -> tuple[list[Nilai], tuple[int, int]]:
    """The period values up to ``bulan`` (months, or the quarters it completes), and how
    many of those periods were written of how many there are."""
    if real.bulanan:
        keys = range(1, bulan + 1)
        found = real.bulanan
    else:
        keys = range(1, bulan // 3 + 1)
        found = real.triwulan
    values = [found[k] for k in keys if k in found]
    return values, (len(values), len(keys))


def hitung_periode(
    dinas: Dinas,
    hasil: HasilTahun,
    bulan: int,
    triwulan: int | None,
    berlaku: TargetBerlaku | None = None,
) -> HasilPeriode:
    """A year's indikator and budget up to ``bulan`` (``show --triwulan``), each
    indikator against its target in the document in force at the end of ``bulan``
    (``berlaku``; without it, the year's measured target)."""
    profil = dinas.identitas.model.profil
    tahun = dinas.tahun.get(hasil.tahun)
    rows = tahun.realisasi.model.indikator if tahun and tahun.realisasi else {}
    out: list[IndikatorPeriode] = []
    for s in hasil.sasaran:
        for h in s.indikator:
            ind = h.indikator
            target = h.target if berlaku is None else berlaku.target.get(ind.id)
            if target is None:
                assert berlaku is not None  # the year's own figures have their target
                out.append(
                    IndikatorPeriode(
                        s.sasaran.id, ind, target, None, None, (0, 0),
                        _(
                            "{dokumen} yang berlaku s.d. periode ini tidak memuat target "
                            "indikator ini"
                        ).format(dokumen=SUMBER_TARGET.get(berlaku.sumber or "", "PK")),
                    )
                )  # fmt: skip
                continue
            real = rows.get(ind.id)
            if real is None or not (real.bulanan or real.triwulan):
                out.append(
                    IndikatorPeriode(
                        s.sasaran.id, ind, target, None, None, (0, 0),
                        _("belum ada realisasi per bulan atau triwulan"),
                    )
                )  # fmt: skip
                continue
            values, terisi = sampai(real, bulan)
            if ind.sifat is None:
                out.append(
                    IndikatorPeriode(
                        s.sasaran.id, ind, target, None, None, terisi,
                        _("isi 'sifat' indikatornya untuk menghitung realisasi s.d. periode"),
                    )
                )  # fmt: skip
                continue
            nilai = tahunan(values, ind.sifat, profil.desimal)
            capaian: Decimal | None = None
            catatan = None
            if nilai is None:
                catatan = _("belum ada realisasi berupa angka s.d. periode ini")
            else:
                try:
                    capaian = hitung(target, nilai, ind.polaritas, profil, ind.metode_negatif)
                except CapaianError as exc:
                    catatan = exc.message
            out.append(
                IndikatorPeriode(
                    s.sasaran.id,
                    ind,
                    target,
                    nilai,
                    capaian,
                    terisi,
                    catatan,
                )
            )
    anggaran: list[AnggaranPeriode] = []
    for i, p in enumerate(tahun.program() if tahun else []):
        _anggaran(p, "program", p.id or str(i + 1), bulan, anggaran, profil.desimal)
    return HasilPeriode(hasil.tahun, bulan, triwulan, out, anggaran, berlaku)


def _anggaran(
    unit: Unit, tingkat: str, ident: str, bulan: int, out: list[AnggaranPeriode], places: int
) -> None:
    """Adds the unit and, below it, its children, with their money spent up to the month."""
    p = pagu(unit)
    real = realisasi_sampai(unit, bulan)
    out.append(
        AnggaranPeriode(
            tingkat, ident, getattr(unit, "uraian", ""), p, real, serapan(p, real, places)
        )
    )
    anak_tingkat = "kegiatan" if tingkat == "program" else "sub_kegiatan"
    for j, c in enumerate(anak_unit(unit)):
        _anggaran(c, anak_tingkat, f"{ident}/{c.id or c.kode or j + 1}", bulan, out, places)
