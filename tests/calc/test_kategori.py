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


def test_custom_scale_with_lower_bounds_only() -> None:
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
    # Without a bottom band (issue 13): below the lowest bound is no band at all.
    top_only = Profil(skala=[Pita(kategori="AA", batas_bawah=Decimal(90))])
    assert kategori(Decimal("89.99"), top_only) is None
    with pytest.raises(ValueError, match="hanya boleh punya satu pita tanpa batas_bawah"):
        Profil(skala=[Pita(kategori="B"), Pita(kategori="C")])


D = Decimal
# A scale as printed in many LKjIP: closed ranges "90 – 100", "75 – 89", "< 74", with
# gaps between them (89 < x < 90, 74 ≤ x < 75) and nothing above 100.
BERCELAH = Profil(
    skala=[
        Pita(kategori="A", batas_bawah=D(90), batas_atas=D(100)),
        Pita(kategori="B", batas_bawah=D(75), batas_atas=D(89)),
        Pita(kategori="C", batas_atas=D(74), inklusif_atas=False),
    ]
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100", "A"),  # at the upper bound, inclusive
        ("100.01", None),  # above the top band
        ("90", "A"),
        ("89.99", None),  # in the gap 89 < x < 90
        ("89", "B"),
        ("75", "B"),
        ("74.99", None),  # in the gap 74 ≤ x < 75
        ("74", None),  # C is "< 74": 74 itself is outside
        ("73.99", "C"),
        ("-5", "C"),  # C has no lower bound (K016 warns of a negative capaian)
    ],
)
def test_ranges_with_gaps(value: str, expected: str | None) -> None:
    assert kategori(D(value), BERCELAH) == expected


def test_overlapping_bands_are_found() -> None:
    from sakipgen.calc.kategori import tumpang_tindih

    bands = [
        Pita(kategori="A", batas_bawah=D(80)),  # 80 and above
        Pita(kategori="B", batas_bawah=D(70), batas_atas=D(85)),  # 70–85: overlaps A
        Pita(kategori="C", batas_atas=D(70), inklusif_atas=False),
    ]
    assert tumpang_tindih(bands) == [(0, 1)]
    # Touching at a bound only when both include it: 70 belongs to B alone here.
    assert tumpang_tindih(list(BERCELAH.skala)) == []  # type: ignore[arg-type]
    touching = [
        Pita(kategori="A", batas_bawah=D(80), batas_atas=D(100)),
        Pita(kategori="B", batas_bawah=D(60), batas_atas=D(80)),
    ]
    assert tumpang_tindih(touching) == [(0, 1)]


LIMA = Profil(skala="lima-tingkat-tertutup")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # LKjIP Inspektorat Daerah Kabupaten Sampang 2019, Tabel 3.1, as printed.
        ("100.00", "Sangat Baik"),  # the top band's upper bound is inside it
        ("100.01", None),  # above the top band: no band (K015)
        ("91.00", "Sangat Baik"),
        ("90.99", None),  # the gap between 90 and 91
        ("90.50", None),
        ("90.00", "Baik"),
        ("76.00", "Baik"),
        ("75.99", None),  # the gap between 75 and 76
        ("75.00", "Cukup"),
        ("66.00", "Cukup"),
        ("65.50", None),  # the gap between 65 and 66
        ("65.00", "Kurang"),
        ("51.00", "Kurang"),
        ("50.01", None),  # the gap between 50 and 51
        ("50.00", "Sangat Kurang"),
        ("0", "Sangat Kurang"),
        ("-3", "Sangat Kurang"),  # no lower bound (a capaian below 0 is K016 besides)
    ],
)
def test_lima_tingkat_tertutup(value: str, expected: str | None) -> None:
    assert kategori(Decimal(value), LIMA) == expected
