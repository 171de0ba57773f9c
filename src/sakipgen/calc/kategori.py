"""Kategori of a (rounded) capaian from the profile's scale.

Bands are read by their lower bounds: a band runs from its lower bound up to the
next band's lower bound, so every value has exactly one kategori.  Under the
four-band scale (LKjIP Blora, Tabel 3.1) 74,5 is therefore *Cukup* (below the 75
that starts *Baik*), and 100 is *Baik* (*Sangat Baik* starts strictly above 100).
"""

from __future__ import annotations

from decimal import Decimal

from sakipgen.model.dinas import Pita, Profil

SKALA: dict[str, list[Pita]] = {
    # LKjIP Blora 2021, Tabel 3.1: > 100 Sangat Baik, 75–100 Baik, 55–74 Cukup, < 55 Kurang.
    "empat-tingkat": [
        Pita(kategori="Sangat Baik", batas_bawah=Decimal(100), inklusif=False),
        Pita(kategori="Baik", batas_bawah=Decimal(75)),
        Pita(kategori="Cukup", batas_bawah=Decimal(55)),
        Pita(kategori="Kurang"),
    ],
    # Permendagri 86/2017: >= 91 Sangat Tinggi, 76–90 Tinggi, 66–75 Sedang, 51–65 Rendah,
    # <= 50 Sangat Rendah.
    "permendagri-86": [
        Pita(kategori="Sangat Tinggi", batas_bawah=Decimal(91)),
        Pita(kategori="Tinggi", batas_bawah=Decimal(76)),
        Pita(kategori="Sedang", batas_bawah=Decimal(66)),
        Pita(kategori="Rendah", batas_bawah=Decimal(51)),
        Pita(kategori="Sangat Rendah"),
    ],
}


def pita(profil: Profil) -> list[Pita]:
    """The bands, highest first; the last one has no lower bound."""
    bands = SKALA[profil.skala] if isinstance(profil.skala, str) else list(profil.skala)
    ordered = sorted(
        (b for b in bands if b.batas_bawah is not None),
        key=lambda b: (b.batas_bawah, not b.inklusif),
        reverse=True,
    )
    bottom = [b for b in bands if b.batas_bawah is None]
    return ordered + (bottom[:1] or [Pita(kategori="-")])


def kategori(capaian: Decimal, profil: Profil) -> str:
    for band in pita(profil):
        lo = band.batas_bawah
        if lo is None or capaian > lo or (band.inklusif and capaian == lo):
            return band.kategori
    raise AssertionError("the last band has no lower bound")  # pragma: no cover
