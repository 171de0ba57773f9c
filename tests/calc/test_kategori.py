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


# --- a scale checked on its own (issue 24) ------------------------------------------------


def test_gaps_at_the_dinas_precision() -> None:
    """BERCELAH at 2 decimals: 74 itself up to 74,99 (C is '< 74', B starts at 75),
    89,01 to 89,99 (B ends at 89, A starts at 90) and 100,01 up (A ends at 100).  Each gap
    names the band ending below it and the one starting above (indexes as written)."""
    from sakipgen.calc.kategori import Celah, periksa_pita

    bands = list(BERCELAH.skala)  # type: ignore[arg-type]
    found = periksa_pita(bands, 2)
    assert found.tumpang == [] and found.kosong == []
    assert found.celah == [
        Celah(D("74.00"), D("74.99"), 2, 1),
        Celah(D("89.01"), D("89.99"), 1, 0),
        Celah(D("100.01"), None, 0, None),
    ]
    # At 0 decimals a capaian is 89 or 90, never between: only 74 and 101 up remain.
    assert periksa_pita(bands, 0).celah == [
        Celah(D(74), D(74), 2, 1),
        Celah(D(101), None, 0, None),
    ]
    # A ceiling on capaian (profil.batas_atas 100) leaves nothing above 100 to place.
    assert [c.dari for c in periksa_pita(bands, 2, atas=D(100)).celah] == [D("74.00"), D("89.01")]


def test_presets_gaps() -> None:
    from sakipgen.calc.kategori import SKALA, periksa_pita

    # The closed Sampang ranges 91–100, 76–90, 66–75, 51–65, ≤ 50 at 2 decimals: the
    # hundredths between each pair, and above 100.
    lima = periksa_pita(SKALA["lima-tingkat-tertutup"], 2).celah
    assert [(c.dari, c.sampai) for c in lima] == [
        (D("50.01"), D("50.99")),
        (D("65.01"), D("65.99")),
        (D("75.01"), D("75.99")),
        (D("90.01"), D("90.99")),
        (D("100.01"), None),
    ]
    # Read by lower bounds, the other presets cover every value.
    for name in ("empat-tingkat", "permendagri-86"):
        assert periksa_pita(SKALA[name], 2) == periksa_pita(SKALA[name], 4)
        assert periksa_pita(SKALA[name], 4).celah == []


def test_overlap_at_the_precision_and_empty_bands() -> None:
    from sakipgen.calc.kategori import Tumpang, periksa_pita

    bands = [
        Pita(kategori="A", batas_bawah=D(80)),
        Pita(kategori="B", batas_bawah=D(70), batas_atas=D(85)),
        Pita(kategori="C", batas_atas=D(70), inklusif_atas=False),
    ]
    # A holds 80 up, B 70 to 85: 80,00 to 85,00 is in both.
    assert periksa_pita(bands, 2).tumpang == [Tumpang(0, 1, D("80.00"), D("85.00"))]
    # Ranges that share only values no rounded capaian takes are no overlap: B up to
    # 74,999 and A from 74,995 share 74,995–74,999, which holds a value at 3 decimals,
    # none at 2 (74,99 is below A, 75,00 above B).
    fine = [
        Pita(kategori="A", batas_bawah=D("74.995")),
        Pita(kategori="B", batas_bawah=D(0), batas_atas=D("74.999")),
    ]
    assert periksa_pita(fine, 2).tumpang == []
    assert periksa_pita(fine, 3).tumpang == [Tumpang(0, 1, D("74.995"), D("74.999"))]
    # "55 – 74" typed as 74 up to 55 holds nothing; 54,01–74,99 then has no band.
    swapped = [
        Pita(kategori="Baik", batas_bawah=D(75)),
        Pita(kategori="Cukup", batas_bawah=D(74), batas_atas=D(55)),
        Pita(kategori="Kurang", batas_atas=D(54)),
    ]
    found = periksa_pita(swapped, 2)
    assert found.kosong == [1]
    assert [(c.dari, c.sampai, c.bawah, c.atas) for c in found.celah] == [
        (D("54.01"), D("74.99"), 2, 0)
    ]


def test_the_three_classes_around_100() -> None:
    """'< 100 Tidak Tercapai / = 100 Tercapai / > 100 Melebihi': no gap, no overlap; the
    same bands with Melebihi from 100 inclusive share 100 with Tercapai."""
    from sakipgen.calc.kategori import Tumpang, periksa_pita

    tiga = [
        Pita(kategori="Melebihi", batas_bawah=D(100), inklusif=False),
        Pita(kategori="Tercapai", batas_bawah=D(100), batas_atas=D(100)),
        Pita(kategori="Tidak Tercapai", batas_atas=D(100), inklusif_atas=False),
    ]
    found = periksa_pita(tiga, 2)
    assert (found.tumpang, found.celah, found.kosong) == ([], [], [])
    profil = Profil(skala=tiga)
    assert [kategori(D(x), profil) for x in ("100.01", "100", "99.99")] == [
        "Melebihi",
        "Tercapai",
        "Tidak Tercapai",
    ]
    salah = [Pita(kategori="Melebihi", batas_bawah=D(100)), *tiga[1:]]
    assert periksa_pita(salah, 2).tumpang == [Tumpang(0, 1, D("100.00"), D("100.00"))]
