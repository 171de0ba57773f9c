"""Realisasi from a supporting table (issue 13), on Blora's Tabel 3.3 (koperasi sehat):
110 rows, of which 23 SEHAT, 80 CUKUP SEHAT and 7 DALAM PENGAWASAN as printed (counted
from the seed, see the table file's comment)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakipgen.calc.dari_tabel import KolomTidakAda, hitung_dari_tabel
from sakipgen.model.tahun import DariTabel
from tests.conftest import bundel

D = Decimal


@pytest.fixture(scope="module")
def koperasi():  # type: ignore[no-untyped-def]
    dinas = bundel("blora").dinas
    assert dinas is not None
    return dinas.tahun[2021].tabel["koperasi-sehat"].model


def spec(**kw: object) -> DariTabel:
    return DariTabel.model_validate({"tabel": "koperasi-sehat", **kw})


def test_rows_over_a_number_as_percent(koperasi) -> None:  # type: ignore[no-untyped-def]
    found = hitung_dari_tabel(spec(bagi=260, persen=True), koperasi)
    assert found.banyak == 110
    assert round(found.nilai, 4) == D("42.3077")  # 110 / 260 × 100 = 42,307 69…


def test_rows_meeting_a_condition(koperasi) -> None:  # type: ignore[no-untyped-def]
    by_header = spec(syarat={"kolom": "PREDIKAT", "sama": "sehat"})
    assert hitung_dari_tabel(by_header, koperasi).banyak == 23
    cukup = spec(syarat={"kolom": "predikat", "sama": "CUKUP SEHAT"})
    assert hitung_dari_tabel(cukup, koperasi).banyak == 80
    awas = spec(syarat={"kolom": "PREDIKAT", "sama": "DALAM PENGAWASAN"})
    assert hitung_dari_tabel(awas, koperasi).banyak == 7


def test_sum_of_a_column_and_unknown_columns() -> None:
    """Blora's first three rows: 80,1 + 75,7 + 77,11 = 232,91; the SEHAT one alone 80,1."""
    from sakipgen.model.nilai import Num
    from sakipgen.model.tabel import Tabel

    tabel = Tabel.model_validate(
        {
            "judul": "Koperasi",
            "kolom": ["NAMA", {"judul": "NILAI", "id": "nilai", "jenis": "angka"}, "PREDIKAT"],
            "baris": [
                ["KSPPS BMT DADI MAKMUR", Num("80.1"), "SEHAT"],
                ["KPRI DWIJO SANTOSO", Num("75.7"), "CUKUP SEHAT"],
                ["KPRI EKO SANTOSO", Num("77.11"), "CUKUP SEHAT"],
            ],
        }
    )
    assert hitung_dari_tabel(spec(hitung="jumlah", kolom="nilai"), tabel).nilai == D("232.91")
    sehat = spec(hitung="jumlah", kolom="NILAI", syarat={"kolom": "PREDIKAT", "sama": "SEHAT"})
    assert hitung_dari_tabel(sehat, tabel).nilai == D("80.1")
    with pytest.raises(KolomTidakAda):
        hitung_dari_tabel(spec(hitung="jumlah", kolom="skor"), tabel)
