"""Kategori of a (rounded) capaian from the profile's scale.

Bands are read by their lower bounds: a band runs from its lower bound up to the
next band's lower bound, so every value has exactly one kategori.  Under the
four-band scale (LKjIP Blora, Tabel 3.1) 74,5 is therefore *Cukup* (below the 75
that starts *Baik*), and 100 is *Baik* (*Sangat Baik* starts strictly above 100).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from sakipgen.model.dinas import Pita, Profil, Skala
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
    # Whether the target was met, as reports print it beside a five-band scale:
    # < 100 Tidak Tercapai, = 100 Tercapai, > 100 Melebihi (issue 24).
    "ketercapaian": [
        Pita(kategori="Melebihi", batas_bawah=Decimal(100), inklusif=False),
        Pita(kategori="Tercapai", batas_bawah=Decimal(100), batas_atas=Decimal(100)),
        Pita(kategori="Tidak Tercapai", batas_atas=Decimal(100), inklusif_atas=False),
    ],
}


def pita(profil: Profil) -> list[Pita]:
    """The bands of the capaian scale, highest first (by lower bound; the band without
    one last)."""
    return pita_skala(profil.skala)


def pita_skala(skala: Skala) -> list[Pita]:
    """The bands of a scale (a preset's name or its own bands), highest first."""
    bands = SKALA[skala] if isinstance(skala, str) else list(skala)
    return [bands[i] for i in pita_urut(bands)]


def rentang_tambahan(profil: Profil) -> list[tuple[str, list[Rentang]]]:
    """Each of ``profil.skala_tambahan``: its name and its ranges, highest first."""
    return [(t.nama, rentang(pita_skala(t.skala))) for t in profil.skala_tambahan]


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
    """Pairs of bands (indexes into ``bands`` as written) whose ranges share a value (any
    value; :func:`periksa_pita` finds those sharing one at a precision)."""
    order = pita_urut(bands)
    ranges = rentang([bands[i] for i in order])
    found = [
        (min(order[a], order[b]), max(order[a], order[b]))
        for a in range(len(order))
        for b in range(a + 1, len(order))
        if _bertemu(ranges[a], ranges[b])
    ]
    return sorted(found)


@dataclass(frozen=True)
class Tumpang:
    """Two bands (indexes as written, ``a`` < ``b``) that share the values ``dari`` to
    ``sampai`` at the scale's precision (None: no end on that side)."""

    a: int
    b: int
    dari: Decimal | None
    sampai: Decimal | None


@dataclass(frozen=True)
class Celah:
    """Values ``dari`` to ``sampai`` (None: no upper end) at the scale's precision that
    no band holds; ``bawah`` and ``atas`` are the bands (indexes as written) ending just
    below and starting just above it, None where there is none."""

    dari: Decimal
    sampai: Decimal | None
    bawah: int | None
    atas: int | None


@dataclass(frozen=True)
class HasilPeriksaSkala:
    tumpang: list[Tumpang]
    celah: list[Celah]
    kosong: list[int]
    """Bands (indexes as written) that hold no value at the precision."""


def _kisi(r: Rentang, desimal: int) -> tuple[int | None, int | None]:
    """A range as the steps of 10^-desimal it holds: the first and the last (None: no
    end on that side).  A rounded capaian is always such a step."""
    lo = hi = None
    if r.bawah is not None:
        v = r.bawah.scaleb(desimal)
        lo = (
            int(v.to_integral_value(ROUND_CEILING))
            if r.bawah_inklusif
            else int(v.to_integral_value(ROUND_FLOOR)) + 1
        )
    if r.atas is not None:
        v = r.atas.scaleb(desimal)
        hi = (
            int(v.to_integral_value(ROUND_FLOOR))
            if r.atas_inklusif
            else int(v.to_integral_value(ROUND_CEILING)) - 1
        )
    return lo, hi


def periksa_pita(
    bands: list[Pita],
    desimal: int,
    bawah: Decimal = Decimal(0),
    atas: Decimal | None = None,
) -> HasilPeriksaSkala:
    """A scale checked on its own, at the precision of the figures it judges (every
    capaian and serapan is rounded to ``desimal`` places before it gets a kategori):
    pairs of bands that share a value, values from ``bawah`` up to ``atas`` (None: no
    ceiling) that no band holds, and bands that hold no value at all.

    A shared or missing stretch that holds no value at that precision is none: with 0
    places, ``76–90`` and ``91–100`` leave no gap; with 2 they leave 90,01 to 90,99."""
    order = pita_urut(bands)
    grid = [_kisi(r, desimal) for r in rentang([bands[i] for i in order])]
    kosong = sorted(
        order[k] for k, (lo, hi) in enumerate(grid) if lo is not None and hi is not None and lo > hi
    )
    isi = [(k, lo, hi) for k, (lo, hi) in enumerate(grid) if order[k] not in kosong]
    q = Decimal(1).scaleb(-desimal)

    def nilai(step: int | None) -> Decimal | None:
        return None if step is None else step * q

    tumpang = []
    for x in range(len(isi)):
        for y in range(x + 1, len(isi)):
            ka, lo_a, hi_a = isi[x]
            kb, lo_b, hi_b = isi[y]
            lo = lo_b if lo_a is None else lo_a if lo_b is None else max(lo_a, lo_b)
            hi = hi_b if hi_a is None else hi_a if hi_b is None else min(hi_a, hi_b)
            if lo is None or hi is None or lo <= hi:
                a, b = sorted((order[ka], order[kb]))
                tumpang.append(Tumpang(a, b, nilai(lo), nilai(hi)))
    tumpang.sort(key=lambda t: (t.a, t.b))

    # The stretches of [bawah, atas] no band reaches: a sweep over the bands from the
    # lowest lower bound up, `mulai` being the first step not yet covered.
    v = bawah.scaleb(desimal)
    mulai: int | None = int(v.to_integral_value(ROUND_CEILING))
    akhir = None if atas is None else int(atas.scaleb(desimal).to_integral_value(ROUND_FLOOR))
    celah: list[Celah] = []
    sebelum: int | None = None  # the band that covered up to `mulai`
    for k, lo, hi in sorted(isi, key=lambda t: (t[1] is not None, t[1] or 0)):
        if mulai is None or (akhir is not None and mulai > akhir):
            break
        if lo is not None and lo > mulai:
            ujung = lo - 1 if akhir is None else min(lo - 1, akhir)
            celah.append(
                Celah(mulai * q, ujung * q, sebelum, order[k] if ujung == lo - 1 else None)
            )
            mulai = lo
        if hi is None:
            mulai = None
        elif hi + 1 > mulai:
            mulai, sebelum = hi + 1, order[k]
    if mulai is not None and (akhir is None or mulai <= akhir):
        celah.append(Celah(mulai * q, nilai(akhir), sebelum, None))
    return HasilPeriksaSkala(tumpang, celah, kosong)


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
