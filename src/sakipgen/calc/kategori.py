"""Kategori of a (rounded) capaian from the profile's scale.

Bands are read by their lower bounds: a band runs from its lower bound up to the
next band's lower bound, so every value has exactly one kategori.  Under the
four-band scale (LKjIP Blora, Tabel 3.1) 74,5 is therefore *Cukup* (below the 75
that starts *Baik*), and 100 is *Baik* (*Sangat Baik* starts strictly above 100).
"""

from __future__ import annotations

from decimal import Decimal

from sakipgen.model.dinas import Pita, Profil
from sakipgen.model.hasil import Rentang

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
    # As printed in LKjIP Inspektorat Daerah Kabupaten Sampang 2019, Tabel 3.1 "Interval
    # Penilaian Kinerja": 91 % ≤ 100 % Sangat Baik, 76 % ≤ 90 % Baik, 66 % ≤ 75 % Cukup,
    # 51 % ≤ 65 % Kurang, ≤ 50 % Sangat Kurang. Closed ranges with gaps, as written:
    # 90,5 or 100,5 fall in no band (K015), which is what that report's own table says.
    "lima-tingkat-tertutup": [
        Pita(kategori="Sangat Baik", batas_bawah=Decimal(91), batas_atas=Decimal(100)),
        Pita(kategori="Baik", batas_bawah=Decimal(76), batas_atas=Decimal(90)),
        Pita(kategori="Cukup", batas_bawah=Decimal(66), batas_atas=Decimal(75)),
        Pita(kategori="Kurang", batas_bawah=Decimal(51), batas_atas=Decimal(65)),
        Pita(kategori="Sangat Kurang", batas_atas=Decimal(50)),
    ],
}


def pita(profil: Profil) -> list[Pita]:
    """The bands of the capaian scale, highest first (by lower bound; the band without
    one last)."""
    return pita_skala(profil.skala)


def pita_skala(skala: str | list[Pita]) -> list[Pita]:
    """The bands of a scale (a preset's name or its own bands), highest first."""
    bands = SKALA[skala] if isinstance(skala, str) else list(skala)
    return [bands[i] for i in pita_urut(bands)]


def rentang_serapan(profil: Profil) -> list[Rentang] | None:
    """The ranges of the serapan scale (``profil.skala_serapan``), None when it has none."""
    if profil.skala_serapan is None:
        return None
    return rentang(pita_skala(profil.skala_serapan))


def kategori_rentang(x: Decimal, ranges: list[Rentang]) -> str | None:
    """The kategori of the range that holds ``x``; None when none does."""
    for r in ranges:
        if r.memuat(x):
            return r.kategori
    return None


def rentang(bands: list[Pita]) -> list[Rentang]:
    """Each band's range (``bands`` highest first, as :func:`pita` gives them): its own
    upper bound when written, else up to the lower bound of the band above, whose
    value belongs to that band when it includes it."""
    out = []
    for i, b in enumerate(bands):
        if b.batas_atas is not None:
            atas, atas_inkl = b.batas_atas, b.inklusif_atas
        elif i == 0:
            atas, atas_inkl = None, True
        else:
            above = bands[i - 1]
            atas, atas_inkl = above.batas_bawah, not above.inklusif
        out.append(Rentang(b.kategori, b.batas_bawah, b.inklusif, atas, atas_inkl))
    return out


def kategori(capaian: Decimal, profil: Profil) -> str | None:
    """The kategori of the band that holds ``capaian``; None when no band does (a gap
    between written ranges, above the top one or below the lowest)."""
    return kategori_rentang(capaian, rentang(pita(profil)))


def tumpang_tindih(bands: list[Pita]) -> list[tuple[int, int]]:
    """Pairs of bands (indexes into ``bands`` as written) whose ranges share a value."""
    order = pita_urut(bands)
    ranges = rentang([bands[i] for i in order])
    found = [
        (min(order[a], order[b]), max(order[a], order[b]))
        for a in range(len(order))
        for b in range(a + 1, len(order))
        if _bertemu(ranges[a], ranges[b])
    ]
    return sorted(found)


def pita_urut(bands: list[Pita]) -> list[int]:
    """The indexes of ``bands``, highest first: by lower bound (an exclusive one above an
    inclusive one at the same value), the band without one last (a profile has at most
    one: ``Profil`` checks it)."""
    with_lo = sorted(
        (i for i, b in enumerate(bands) if b.batas_bawah is not None),
        key=lambda i: (bands[i].batas_bawah, not bands[i].inklusif),
        reverse=True,
    )
    return with_lo + [i for i, b in enumerate(bands) if b.batas_bawah is None]


def _bertemu(a: Rentang, b: Rentang) -> bool:
    """Whether two ranges share a value (an open end reaches infinity)."""
    inf = Decimal("Infinity")
    lows = [(-inf if r.bawah is None else r.bawah, r.bawah_inklusif) for r in (a, b)]
    highs = [(inf if r.atas is None else r.atas, r.atas_inklusif) for r in (a, b)]
    # The stricter end: the higher lower bound, the lower upper bound; at equal values
    # an exclusive end is the stricter one.
    lo = max(lows, key=lambda x: (x[0], not x[1]))
    hi = min(highs, key=lambda x: (x[0], x[1]))
    return lo[0] < hi[0] or (lo[0] == hi[0] and lo[1] and hi[1])
