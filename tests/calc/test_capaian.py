"""Capaian rules with figures computed by hand from the seeds' inputs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakipgen.calc.bulat import bulat, rata_rata
from sakipgen.calc.capaian import CapaianError, hitung
from sakipgen.model.dinas import Profil
from sakipgen.model.nilai import Num, parse_nilai

D = Decimal
PROFIL = Profil()


def cap(target: object, realisasi: object, polaritas: str = "positif", **profil: object) -> Decimal:
    p = Profil(**profil) if profil else PROFIL  # type: ignore[arg-type]
    return hitung(parse_nilai(target), parse_nilai(realisasi), polaritas, p)


@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        # LKjIP Blora 2021, Tabel 3.2 and 3.5
        (Num("32"), Num("43.30"), D("135.31")),  # 135.3125
        (Num("6825"), Num("13244"), D("194.05")),  # 194.0513
        # 2645059 / 2942679 = 0.898860…: the seed prints 89,88 (truncated), half-up is 89,89
        (Num("2942679"), Num("2645059"), D("89.89")),
        (Num("70"), Num("86.70"), D("123.86")),  # 123.857
        # RKT Sinjai 2018, Lampiran I (2017)
        (Num("83.69"), Num("86.82"), D("103.74")),  # 103.7400
        (Num("42"), Num("43"), D("102.38")),  # 102.381: the seed prints 102.39
        ("1,08", "1.10", D("101.85")),  # 101.852
        (Num("35"), Num("50"), D("142.86")),  # 142.857
        (Num("32"), Num("32"), D("100.00")),
        (Num("7865"), Num("8851"), D("112.54")),  # 112.537
    ],
)
def test_positif_seed_figures(target: object, realisasi: object, expected: Decimal) -> None:
    assert cap(target, realisasi) == expected


def test_half_up_not_half_even() -> None:
    # 1 / 8 = 0.125 → 12.5 %; 0.125 at two places rounds up to 0.13
    assert bulat(D("0.125")) == D("0.13")
    assert cap(Num("800"), Num("1")) == D("0.13")  # 0.125 %


def test_negatif_selisih_and_rasio() -> None:
    # unemployment target 5 %, realised 4 %: (2*5 - 4) / 5 = 120 % ; 5 / 4 = 125 %
    assert cap(Num("5"), Num("4"), "negatif") == D("120.00")
    assert cap(Num("5"), Num("4"), "negatif", metode_negatif="rasio") == D("125.00")
    # realised 6 %: (10 - 6) / 5 = 80 % ; 5 / 6 = 83.333 → 83.33
    assert cap(Num("5"), Num("6"), "negatif") == D("80.00")
    assert cap(Num("5"), Num("6"), "negatif", metode_negatif="rasio") == D("83.33")


def test_negatif_own_metode_wins_over_the_profile() -> None:
    # target 5, realisasi 4: selisih (2*5 - 4) / 5 = 120 %; rasio 5 / 4 = 125 %
    t, r = parse_nilai(Num("5")), parse_nilai(Num("4"))
    assert hitung(t, r, "negatif", PROFIL, "rasio") == D("125.00")
    assert hitung(t, r, "negatif", Profil(metode_negatif="rasio"), "selisih") == D("120.00")
    assert hitung(t, r, "negatif", Profil(metode_negatif="rasio"), None) == D("125.00")
    # a compound target "5% dan 10%" with "4% dan 8%", rasio: 5/4 = 125, 10/8 = 125 → 125
    t2, r2 = parse_nilai("5% dan 10%"), parse_nilai("4% dan 8%")
    assert hitung(t2, r2, "negatif", PROFIL, "rasio") == D("125.00")
    # its own rasio refuses a realisasi of 0 (T / R) where the profile's selisih would not
    with pytest.raises(CapaianError) as exc:
        hitung(t, parse_nilai(Num("0")), "negatif", PROFIL, "rasio")
    assert exc.value.code == "C001"
    # the own metode of a positive indikator changes nothing: R / T
    assert hitung(t, r, "positif", PROFIL, "rasio") == D("80.00")


def test_rentang() -> None:
    assert cap("80-90", Num("85")) == D("100.00")
    assert cap("80-90", Num("80")) == D("100.00")
    assert cap("80 s.d. 90", Num("90")) == D("100.00")
    assert cap("80-90", Num("60")) == D("75.00")  # 60 / 80
    assert cap("80-90", Num("99")) == D("90.00")  # (180 - 99) / 90
    # polaritas stabil on a single number behaves as the range T-T
    assert cap(Num("50"), Num("55"), "stabil") == D("90.00")  # (100 - 55) / 50


def test_majemuk_mean_of_rounded_parts() -> None:
    # "7% dan 17%" against "7,7% dan 16%": 110.00 and 94.117… → 94.12; mean 102.06
    assert cap("7% dan 17%", "7,7% dan 16%") == D("102.06")
    with pytest.raises(CapaianError) as exc:
        cap("7% dan 17%", Num("8"))
    assert exc.value.code == "C006"


def test_batas_atas_caps_only_when_set() -> None:
    assert cap(Num("6825"), Num("13244")) == D("194.05")
    assert cap(Num("6825"), Num("13244"), batas_atas=Num("120")) == D("120.00")


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "code"),
    [
        (Num("0"), Num("5"), "positif", "C001"),
        (Num("0"), Num("5"), "negatif", "C001"),
        ("WTP", "WTP", "positif", "C003"),
        (Num("32"), "-", "positif", "C002"),
        (Num("32"), "baik", "positif", "C003"),
    ],
)
def test_not_computable_is_an_error_not_zero(
    target: object, realisasi: object, polaritas: str, code: str
) -> None:
    with pytest.raises(CapaianError) as exc:
        cap(target, realisasi, polaritas)
    assert exc.value.code == code


def test_rasio_division_by_zero() -> None:
    with pytest.raises(CapaianError) as exc:
        cap(Num("5"), Num("0"), "negatif", metode_negatif="rasio")
    assert exc.value.code == "C001"


def test_averages_over_printed_figures() -> None:
    # Blora 2021 sasaran 2: (89.89 + 123.86) / 2 = 106.875 → 106.88
    assert rata_rata([D("89.89"), D("123.86")]) == D("106.88")
    # Sinjai 2017 Lampiran I: mean of the six printed-precision capaian = 663.37 / 6 = 110.5617
    six = [D("103.74"), D("102.38"), D("101.85"), D("142.86"), D("100.00"), D("112.54")]
    assert rata_rata(six) == D("110.56")
    assert rata_rata([]) is None
