"""The LKjIP's scale table says exactly what the calculator does: for every boundary
of every scale (the presets and scales with exclusive bounds), the one printed band
whose inequality holds is the band ``kategori`` gives (issue 12)."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from sakipgen.calc.kategori import SKALA, kategori, pita, rentang
from sakipgen.model.dinas import Pita, Profil
from sakipgen.render.lkjip import teks_pita

D = Decimal
_OP: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<": operator.lt,
    "≤": operator.le,
    ">": operator.gt,
    "≥": operator.ge,
}
_ANGKA = r"(\d+(?:,\d+)?)%"


def _berlaku(text: str) -> Callable[[Decimal], bool]:
    """The printed band as a predicate, read back from its text (Indonesian decimals)."""

    def num(s: str) -> Decimal:
        return D(s.replace(",", "."))

    if text == "Semua nilai":
        return lambda _x: True
    if m := re.fullmatch(rf"capaian = {_ANGKA}", text):
        b = num(m[1])
        return lambda x: x == b
    if m := re.fullmatch(rf"capaian ([<≤>≥]) {_ANGKA}", text):
        op, b = _OP[m[1]], num(m[2])
        return lambda x: op(x, b)
    m = re.fullmatch(rf"{_ANGKA} ([<≤]) capaian ([<≤]) {_ANGKA}", text)
    assert m, text
    lo, lo_op, hi_op, hi = num(m[1]), _OP[m[2]], _OP[m[3]], num(m[4])
    return lambda x: lo_op(lo, x) and hi_op(x, hi)


SKALA_UJI = {
    **{name: None for name in SKALA},
    "eksklusif": [
        Pita(kategori="A", batas_bawah=D(90), inklusif=False),
        Pita(kategori="B", batas_bawah=D(60), inklusif=False),
        Pita(kategori="C", batas_bawah=D(60)),  # 60 exactly: C
        Pita(kategori="D"),
    ],
    "satu": [Pita(kategori="Semua")],
    # Three classes around 100 (issue 24): a band of one value.
    "tiga-kelas": [
        Pita(kategori="Melebihi", batas_bawah=D(100), inklusif=False),
        Pita(kategori="Tercapai", batas_bawah=D(100), batas_atas=D(100)),
        Pita(kategori="Tidak Tercapai", batas_atas=D(100), inklusif_atas=False),
    ],
    # A scale written as closed ranges with gaps (90–100, 75–89, < 74): 100,01, 89,5
    # and 74 fall in no band.
    "bercelah": [
        Pita(kategori="A", batas_bawah=D(90), batas_atas=D(100)),
        Pita(kategori="B", batas_bawah=D(75), batas_atas=D(89)),
        Pita(kategori="C", batas_atas=D(74), inklusif_atas=False),
    ],
}


@pytest.mark.parametrize("nama", list(SKALA_UJI))
def test_every_boundary_falls_in_the_printed_band_of_its_kategori(nama: str) -> None:
    bands = SKALA_UJI[nama]
    profil = Profil(skala=nama) if bands is None else Profil(skala=bands)
    printed = [(_berlaku(t), k) for t, k in teks_pita(rentang(pita(profil)))]
    bands = pita(profil)
    bounds = [x for b in bands for x in (b.batas_bawah, b.batas_atas) if x is not None]
    values = {D(0), D(250)} | {b + d for b in bounds for d in (D("-0.01"), D(0), D("0.01"))}
    for x in sorted(values):
        holding = [k for ok, k in printed if ok(x)]
        found = kategori(x, profil)
        # One printed band holds x, and it is kategori()'s; none when x is in a gap.
        assert holding == ([found] if found is not None else []), (x, holding)


def test_the_four_band_scale_reads_like_the_seed() -> None:
    """Blora LKjIP 2021 Tabel 3.1: Lebih dari 100%, 75 – 100%, 55 – 74%, Kurang dari
    55% (the seed's "55 – 74" leaves 74,5 unplaced; the table states the boundary)."""
    assert teks_pita(rentang(pita(Profil(skala="empat-tingkat")))) == [
        ("capaian > 100%", "Sangat Baik"),
        ("75% ≤ capaian ≤ 100%", "Baik"),
        ("55% ≤ capaian < 75%", "Cukup"),
        ("capaian < 55%", "Kurang"),
    ]


def test_gaps_and_ranges_are_printed_as_written() -> None:
    assert teks_pita(rentang(pita(Profil(skala=SKALA_UJI["bercelah"])))) == [
        ("90% ≤ capaian ≤ 100%", "A"),
        ("75% ≤ capaian ≤ 89%", "B"),
        ("capaian < 74%", "C"),
    ]


def test_a_band_of_one_value_prints_as_equal() -> None:
    """'= 100' prints as the reports print it, not '100% ≤ capaian ≤ 100%'."""
    assert teks_pita(rentang(pita(Profil(skala=SKALA_UJI["tiga-kelas"])))) == [
        ("capaian > 100%", "Melebihi"),
        ("capaian = 100%", "Tercapai"),
        ("capaian < 100%", "Tidak Tercapai"),
    ]
