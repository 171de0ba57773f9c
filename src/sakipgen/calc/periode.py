"""A year's realisasi from its periods (``bulanan`` or ``triwulan`` in realisasi.yaml),
by the indikator's ``sifat``: kumulatif and akhir_periode take the last period given,
jumlah the sum, rata_rata the mean (rounded like a capaian)."""

from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.bulat import bulat
from sakipgen.format import angka
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
