"""Totals of a rencana aksi row: its periods as increments and as running totals.

A cumulative row (``1 Laporan … 12 Laporan``) reaches its annual figure in its last
filled period; a per-period row adds up to it; a row of an indikator whose year is the
mean of its periods (``sifat: rata_rata``) takes their mean.  Periods without a number
("-") contribute nothing.
"""

from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.bulat import bulat
from sakipgen.model.hasil import RingkasanBaris
from sakipgen.model.nilai import Nilai
from sakipgen.model.rencana_aksi import CaraTahunan


def _angka(v: Nilai) -> Decimal | None:
    return v.angka if v.jenis == "angka" else None


def rata_periode(values: list[Decimal]) -> Decimal:
    """The mean, exact when it has at most two decimals, else rounded to two."""
    mean = sum(values, Decimal(0)) / len(values)
    rounded = bulat(mean, 2)
    return mean.normalize() if mean == rounded else rounded


def ringkas(target: list[Nilai], cara: CaraTahunan) -> RingkasanBaris:
    values = [_angka(v) for v in target]
    if cara == "rata_rata":
        given: list[Decimal] = []
        means: list[Decimal | None] = []
        for v in values:
            if v is not None:
                given.append(v)
            means.append(rata_periode(given) if v is not None else None)
        return RingkasanBaris(list(values), means, rata_periode(given) if given else None, None)
    kumulatif = cara == "akhir"
    per: list[Decimal | None] = []
    cum: list[Decimal | None] = []
    turun: int | None = None
    if kumulatif:
        last = Decimal(0)
        for i, v in enumerate(values, 1):
            if v is None:
                per.append(None)
                cum.append(None)
                continue
            if v < last and turun is None:
                turun = i
            per.append(v - last)
            cum.append(v)
            last = v
        known = [v for v in values if v is not None]
        tahunan = known[-1] if known else None
    else:
        running = Decimal(0)
        any_value = False
        for v in values:
            per.append(v)
            if v is not None:
                running += v
                any_value = True
            cum.append(running if v is not None else None)
        tahunan = running if any_value else None
    return RingkasanBaris(per, cum, tahunan, turun)
