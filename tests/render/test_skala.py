"""The LKjIP's scale table says exactly what the calculator does: for every boundary
of every scale (the presets and scales with exclusive bounds), the one printed band
whose inequality holds is the band ``kategori`` gives (issue 12)."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from sakipgen.calc.kategori import SKALA, kategori, pita
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
}


@pytest.mark.parametrize("nama", list(SKALA_UJI))
def test_every_boundary_falls_in_the_printed_band_of_its_kategori(nama: str) -> None:
    bands = SKALA_UJI[nama]
    profil = Profil(skala=nama) if bands is None else Profil(skala=bands)
    printed = [(_berlaku(t), k) for t, k in teks_pita(pita(profil))]
    bounds = [b.batas_bawah for b in pita(profil) if b.batas_bawah is not None]
    values = {D(0), D(250)} | {b + d for b in bounds for d in (D("-0.01"), D(0), D("0.01"))}
    for x in sorted(values):
        holding = [k for ok, k in printed if ok(x)]
        assert holding == [kategori(x, profil)], (x, holding)


def test_the_four_band_scale_reads_like_the_seed() -> None:
    """Blora LKjIP 2021 Tabel 3.1: Lebih dari 100%, 75 – 100%, 55 – 74%, Kurang dari
    55% (the seed's "55 – 74" leaves 74,5 unplaced; the table states the boundary)."""
    assert teks_pita(pita(Profil(skala="empat-tingkat"))) == [
        ("capaian > 100%", "Sangat Baik"),
        ("75% ≤ capaian ≤ 100%", "Baik"),
        ("55% ≤ capaian < 75%", "Cukup"),
        ("capaian < 55%", "Kurang"),
    ]
