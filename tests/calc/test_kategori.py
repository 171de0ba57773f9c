from __future__ import annotations

from decimal import Decimal

import pytest

from sakipgen.calc.kategori import kategori
from sakipgen.model.dinas import Pita, Profil

EMPAT = Profil(skala="empat-tingkat")
P86 = Profil(skala="permendagri-86")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("194.05", "Sangat Baik"),
        ("100.01", "Sangat Baik"),
        ("100.00", "Baik"),  # "Lebih dari 100%" is strictly above
        ("89.89", "Baik"),  # the seed's narrative says "baik", its BAB IV table "Sangat Baik"
        ("75.00", "Baik"),
        ("74.99", "Cukup"),
        ("74.50", "Cukup"),  # the gap between 74 and 75 belongs to Cukup
        ("55.00", "Cukup"),
        ("54.99", "Kurang"),
        ("-10", "Kurang"),
    ],
)
def test_empat_tingkat(value: str, expected: str) -> None:
    assert kategori(Decimal(value), EMPAT) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("135.31", "Sangat Tinggi"),
        ("91.00", "Sangat Tinggi"),
        ("90.99", "Tinggi"),
        ("90.50", "Tinggi"),
        ("76.00", "Tinggi"),
        ("75.50", "Sedang"),
        ("66.00", "Sedang"),
        ("65.99", "Rendah"),
        ("51.00", "Rendah"),
        ("50.50", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
    ],
)
def test_permendagri_86(value: str, expected: str) -> None:
    assert kategori(Decimal(value), P86) == expected


def test_custom_scale_needs_a_bottom_band() -> None:
    custom = Profil(
        skala=[
            Pita(kategori="AA", batas_bawah=Decimal(90)),
            Pita(kategori="A", batas_bawah=Decimal(80), inklusif=False),
            Pita(kategori="B"),
        ]
    )
    assert kategori(Decimal(90), custom) == "AA"
    assert kategori(Decimal(80), custom) == "B"
    assert kategori(Decimal("80.01"), custom) == "A"
    with pytest.raises(ValueError, match="tepat satu pita"):
        Profil(skala=[Pita(kategori="AA", batas_bawah=Decimal(90))])
