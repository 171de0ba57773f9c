from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.rencana_aksi import ringkas
from sakipgen.model.nilai import parse_nilai

D = Decimal


def values(*items: object) -> list:
    return [parse_nilai(i) for i in items]


def test_cumulative_laporan() -> None:
    # Buleleng staf rows: "1 Laporan" … "12 Laporan"
    r = ringkas(values(*[f"{i} Laporan" for i in range(1, 13)]), kumulatif=True)
    assert r.tahunan == D(12)
    assert r.per_periode == [D(1)] * 12
    assert r.turun_di is None


def test_cumulative_with_gaps_and_decrease() -> None:
    r = ringkas(
        values("-", "-", "10", "-", "-", "20", "-", "-", "15", "-", "-", "30"), kumulatif=True
    )
    assert r.tahunan == D(30)
    assert r.per_periode[2] == D(10) and r.per_periode[5] == D(10)
    assert r.turun_di == 9  # 15 after 20


def test_per_period_adds_up() -> None:
    # "2 Dokumen" every month is 24 documents in the year
    r = ringkas(values(*["2 Dokumen"] * 12), kumulatif=False)
    assert r.tahunan == D(24)
    assert r.kumulatif[-1] == D(24)
    assert r.kumulatif[5] == D(12)


def test_no_numbers() -> None:
    assert ringkas(values(*["-"] * 4), kumulatif=False).tahunan is None
    assert ringkas(values(*["-"] * 4), kumulatif=True).tahunan is None
