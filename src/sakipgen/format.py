"""Indonesian number and date formats (the ``id_ID`` conventions of CLDR).

Values are rounded by :mod:`sakipgen.calc` before they get here; these functions
only print them, with exactly the decimals the value has.  The two conventions
sakipgen prints (``.`` groups thousands, ``,`` marks decimals; ``31 Desember 2021``)
are written out here rather than read from Babel's locale data: loading that data
cost every ``check`` and ``build`` process about 45 ms, a third of its own work.
``tests/test_format.py`` compares both functions with Babel over many values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sakipgen.model.hasil import Unit
    from sakipgen.model.nilai import Nilai

SPASI = "\u00a0"
"""The space between an amount and its unit (``Rp``, ``US$``, ``%``, ``unit``): a
no-break space, so a line or a table cell never breaks a figure from its unit."""


_TUKAR = str.maketrans({",": ".", ".": ","})

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def tempat_desimal(value: Decimal) -> int:
    """The decimals ``value`` is written with: ``85.60`` → 2, ``86`` → 0, ``1E+3`` → 0."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def angka(value: Decimal | int, places: int | None = None) -> str:
    """``1727182400`` → ``1.727.182.400``; ``Decimal("135.31")`` → ``135,31``."""
    d = Decimal(value)
    if places is None:
        places = tempat_desimal(d)
    # More decimals than asked round half-even, as CLDR number patterns do; the
    # calculator has already rounded every figure it prints to its own rule.
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    teks = f"{q:,.{places}f}".translate(_TUKAR)
    # A zero is printed unsigned: Babel would print a rounded -0,001 as "-0,00",
    # which reads as a negative figure in a table of capaian.
    return teks[1:] if teks.startswith("-") and not q else teks


def persen(value: Decimal | None, places: int = 2) -> str:
    return "-" if value is None else angka(value, places)


def rupiah(value: int | None, prefix: str = "Rp" + SPASI) -> str:
    return "-" if value is None else f"{prefix}{angka(value, 0)}"


def tanggal(value: date) -> str:
    """``2021-12-31`` → ``31 Desember 2021``."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def nilai(value: Nilai | None, *, satuan: bool = True) -> str:
    """A target or realisasi as printed: ``6.825 unit``, ``43,30%``, ``80-90``, ``WTP``, ``-``."""
    if value is None or value.jenis == "kosong":
        return "-"
    if value.jenis == "angka" and value.angka is not None:
        unit = value.satuan if satuan else ""
        sep = "" if unit in ("", "%") else SPASI
        return angka(value.angka) + sep + unit
    if value.jenis == "rentang" and value.bawah is not None and value.atas is not None:
        unit = value.satuan if satuan else ""
        sep = "" if unit in ("", "%") else SPASI
        return f"{angka(value.bawah)}-{angka(value.atas)}{sep}{unit}"
    if value.jenis == "majemuk":
        return " dan ".join(nilai(p, satuan=satuan) for p in value.bagian)
    return value.teks


def keterangan_dana(unit: Unit, bagian: Sequence[Decimal | None]) -> str:
    """``APBD 100 %`` or ``DAK Non Fisik Rp 406.182.400 (73,03 %); APBD …``: a unit's
    sumber dana, with the share of each amount given in rupiah (``bagian``, computed
    with the budget: :meth:`sakipgen.model.hasil.HasilAnggaran.bagian_dana`)."""
    parts = []
    for i, sd in enumerate(unit.sumber_dana):
        if sd.persen is not None:
            parts.append(f"{sd.sumber} {angka(sd.persen)}{SPASI}%")
        elif sd.jumlah is not None:
            share = bagian[i] if i < len(bagian) else None
            shown = f" ({angka(share)}{SPASI}%)" if share is not None else ""
            parts.append(f"{sd.sumber} {rupiah(sd.jumlah)}{shown}")
        else:
            parts.append(sd.sumber)
    return "; ".join(parts)
