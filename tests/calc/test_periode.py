"""A year's realisasi from its periods by the indikator's sifat (issue 13), by hand."""

from __future__ import annotations

from decimal import Decimal

from sakipgen.calc.periode import periode, tahunan
from sakipgen.model.nilai import parse_nilai
from sakipgen.model.tahun import RealisasiIndikator

D = Decimal


def nilai(*values: object) -> list:  # type: ignore[type-arg]
    return [parse_nilai(v) for v in values]


def test_each_sifat_makes_the_year() -> None:
    q = nilai(5, 6, 7, 10)
    assert tahunan(q, "jumlah").angka == D(28)  # 5 + 6 + 7 + 10
    assert tahunan(q, "kumulatif").angka == D(10)  # the last running total
    assert tahunan(q, "akhir_periode").angka == D(10)  # the state at the last period
    assert tahunan(q, "rata_rata").angka == D("7.00")  # 28 / 4
    assert tahunan(nilai(10, 20, 25), "rata_rata").angka == D("18.33")  # 55 / 3 = 18,333…
    assert tahunan(nilai("78%", "80,5%"), "rata_rata").angka == D("79.25")  # 158,5 / 2


def test_empty_periods_are_skipped_and_text_makes_no_year() -> None:
    assert tahunan(nilai(4, "-", 9), "kumulatif").angka == D(9)
    assert tahunan(nilai(4, "-", 9), "jumlah").angka == D(13)
    assert tahunan(nilai("WTP", 3), "jumlah") is None
    assert tahunan(nilai("-", "-"), "jumlah") is None


def test_months_before_quarters() -> None:
    r = RealisasiIndikator.model_validate(
        {"bulanan": {2: 3, 1: 2}, "triwulan": {1: 99}, "catatan": "contoh"}
    )
    assert [v.angka for v in periode(r)] == [D(2), D(3)]  # months, in month order
