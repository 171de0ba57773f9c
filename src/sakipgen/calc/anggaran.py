"""Budget figures: pagu, realisasi, serapan and efisiensi per program, sasaran and total.

A program's pagu (or realisasi) is its own figure when given, else the sum of its
kegiatan, which is in turn its own figure or the sum of its sub kegiatan.

In the per-sasaran split, money counts under the first sasaran named at the lowest
level: a sub kegiatan's own, else its kegiatan's, else its program's (a unit that
names several is listed under each, but its money is counted once).  A program whose
kegiatan serve different sasaran is split there: each part is its kegiatan's money,
and what the program's own figure holds beyond its kegiatan's sum stays under the
program's sasaran.

Listed by sasaran, a program's part shows only the kegiatan (and sub kegiatan) whose
money counts there, each with its part: a kegiatan is listed once, under the sasaran it
serves, never with its whole pagu under each sasaran of its program.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sakipgen.calc.bulat import bulat, persen
from sakipgen.calc.kategori import kategori_rentang
from sakipgen.model.anggaran import AnggaranTahun, Kegiatan, Program, SubKegiatan
from sakipgen.model.hasil import (
    HasilAnggaran,
    PaguDokumen,
    Pos,
    PosBagian,
    PosProgram,
    PosSasaran,
    Rentang,
    Unit,
)


def _sum(values: Sequence[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def anak_unit(unit: Unit) -> Sequence[Unit]:
    if isinstance(unit, Program):
        return unit.kegiatan
    if isinstance(unit, Kegiatan):
        return unit.sub_kegiatan
    return []


def pagu(unit: Unit) -> int | None:
    """Its own pagu, else the sum of its children's."""
    if unit.pagu is not None:
        return unit.pagu
    return _sum([pagu(c) for c in anak_unit(unit)])


def realisasi_periode(unit: Unit) -> int | None:
    """The sum of its realisasi per month, else per quarter (None when neither is given):
    the money spent to date."""
    if unit.realisasi_bulanan:
        return sum(unit.realisasi_bulanan.values())
    if unit.realisasi_triwulan:
        return sum(unit.realisasi_triwulan.values())
    return None


def realisasi_sendiri(unit: Unit) -> int | None:
    """The realisasi the unit itself gives: its own figure, else its periods' sum."""
    return unit.realisasi if unit.realisasi is not None else realisasi_periode(unit)


def realisasi(unit: Unit) -> int | None:
    """Its own realisasi (or its periods' sum), else the sum of its children's."""
    own = realisasi_sendiri(unit)
    if own is not None:
        return own
    return _sum([realisasi(c) for c in anak_unit(unit)])


def realisasi_sampai(unit: Unit, bulan: int) -> int | None:
    """Money spent up to the end of ``bulan``: its own months, else its own quarters
    completed by then, else (the whole year) its annual realisasi, else the sum of its
    children's (None when none of them is known)."""
    if unit.realisasi_bulanan:
        return sum(v for m, v in unit.realisasi_bulanan.items() if m <= bulan)
    if unit.realisasi_triwulan:
        return sum(v for q, v in unit.realisasi_triwulan.items() if q <= bulan // 3)
    if bulan == 12 and unit.realisasi is not None:
        return unit.realisasi
    return _sum([realisasi_sampai(c, bulan) for c in anak_unit(unit)])


def realisasi_triwulan(unit: Unit, q: int) -> int | None:
    """Money spent in quarter ``q`` alone (the E.81's Rp per triwulan): its months or its
    quarter, else its children's sum."""
    if unit.realisasi_bulanan:
        months = [unit.realisasi_bulanan.get(m) for m in range(3 * q - 2, 3 * q + 1)]
        known = [v for v in months if v is not None]
        return sum(known) if known else None
    if unit.realisasi_triwulan:
        return unit.realisasi_triwulan.get(q)
    return _sum([realisasi_triwulan(c, q) for c in anak_unit(unit)])


def serapan(p: int | None, r: int | None, places: int = 2) -> Decimal | None:
    if p is None or r is None or p == 0:
        return None
    return bulat(persen(r, p), places)


def efisiensi_persen(p: int | None, r: int | None, places: int = 2) -> Decimal | None:
    """(pagu − realisasi) / pagu × 100, rounded once.  Never ``100 − serapan``: that
    subtracts an already rounded figure (pagu 4000, realisasi 3651: 349 / 4000 × 100
    = 8,725 → 8,73, where 100 − 91,28 would print 8,72)."""
    if p is None or r is None or p == 0:
        return None
    return bulat(persen(p - r, p), places)


def _pos(
    p: int | None, r: int | None, places: int, skala: list[Rentang] | None = None
) -> dict[str, Any]:
    s = serapan(p, r, places)
    return {
        "pagu": p,
        "realisasi": r,
        "serapan": s,
        "efisiensi_persen": efisiensi_persen(p, r, places),
        "kategori_serapan": kategori_rentang(s, skala) if skala and s is not None else None,
    }


def _terbelah(unit: Unit, sasaran: str | None) -> bool:
    """Whether a unit below ``unit`` (which counts under ``sasaran``) names another."""
    for c in anak_unit(unit):
        own = c.sasaran[0] if c.sasaran else sasaran
        if own != sasaran or _terbelah(c, own):
            return True
    return False


def bagi_sasaran(
    unit: Unit, nilai: Callable[[Unit], int | None], induk: str | None = None
) -> dict[str | None, int | None]:
    """``nilai`` (:func:`pagu` or :func:`realisasi`) of ``unit`` split by the sasaran its
    money counts under (module docstring); the parts add up to ``nilai(unit)``."""
    s = unit.sasaran[0] if unit.sasaran else induk
    if not _terbelah(unit, s):
        return {s: nilai(unit)}
    out: dict[str | None, int | None] = {}
    for c in anak_unit(unit):
        for key, v in bagi_sasaran(c, nilai, s).items():
            out[key] = _sum([out.get(key), v])
    own = nilai(unit)
    below = _sum([nilai(c) for c in anak_unit(unit)])
    if own is not None and own != below:
        out[s] = _sum([out.get(s), own - (below or 0)])
    return out


def _bagian(
    unit: Kegiatan | SubKegiatan,
    sasaran: str | None,
    induk: str | None,
    units: Mapping[int, Pos],
    places: int,
    skala: list[Rentang] | None,
) -> PosBagian | None:
    """``unit`` as ``sasaran``'s budget lists it (None when none of its money counts
    there): all its own figures, unless units below it serve another sasaran (then its
    part there), with the units below it that count there."""
    p_pagu = bagi_sasaran(unit, pagu, induk)
    p_real = bagi_sasaran(unit, realisasi, induk)
    if sasaran not in p_pagu and sasaran not in p_real:
        return None
    if len(p_pagu) == 1 and p_pagu.keys() == p_real.keys():
        return _utuh(unit, units)  # all of it serves this sasaran
    own = unit.sasaran[0] if unit.sasaran else induk
    anak: list[PosBagian] = []
    for c in anak_unit(unit):
        assert isinstance(c, SubKegiatan)
        b = _bagian(c, sasaran, own, units, places, skala)
        if b is not None:
            anak.append(b)
    fields = _pos(p_pagu.get(sasaran), p_real.get(sasaran), places, skala)
    return PosBagian(**fields, unit=unit, anak=anak)


def _utuh(unit: Kegiatan | SubKegiatan, units: Mapping[int, Pos]) -> PosBagian:
    """``unit`` with all its figures and every unit below it."""
    pos = units[id(unit)]
    anak = [_utuh(c, units) for c in unit.sub_kegiatan] if isinstance(unit, Kegiatan) else []
    return PosBagian(
        pos.pagu,
        pos.realisasi,
        pos.serapan,
        pos.efisiensi_persen,
        kategori_serapan=pos.kategori_serapan,
        unit=unit,
        anak=anak,
    )


def _kegiatan(
    program: Program,
    sasaran: str | None,
    units: Mapping[int, Pos],
    places: int,
    skala: list[Rentang] | None,
) -> list[PosBagian]:
    """The program's kegiatan whose money counts under ``sasaran``, each with its part."""
    induk = program.sasaran[0] if program.sasaran else None
    found = (_bagian(k, sasaran, induk, units, places, skala) for k in program.kegiatan)
    return [b for b in found if b is not None]


def hitung_anggaran(
    data: AnggaranTahun,
    sasaran_urut: Sequence[str],
    places: int = 2,
    skala_serapan: list[Rentang] | None = None,
) -> HasilAnggaran:
    """Every budget figure of a year; ``skala_serapan`` gives each serapan its kategori."""
    sk = skala_serapan
    units: dict[int, Pos] = {}
    dana: dict[int, tuple[Decimal | None, ...]] = {}
    for p in data.program:
        tree: list[Unit] = [p, *p.kegiatan, *(s for k in p.kegiatan for s in k.sub_kegiatan)]
        for unit in tree:
            own = pagu(unit)
            units[id(unit)] = Pos(**_pos(own, realisasi(unit), places, sk))
            # A sumber dana given in rupiah is printed with its share of the pagu.
            dana[id(unit)] = tuple(
                bulat(persen(sd.jumlah, own))
                if sd.persen is None and sd.jumlah is not None and own
                else None
                for sd in unit.sumber_dana
            )
    programs: list[PosProgram] = []
    groups: dict[str | None, list[PosProgram]] = {}
    for p in data.program:
        p_pagu = bagi_sasaran(p, pagu)
        p_real = bagi_sasaran(p, realisasi)
        whole = _pos(pagu(p), realisasi(p), places, sk)
        if len(p_pagu) == 1 and p_pagu.keys() == p_real.keys():
            key = next(iter(p_pagu))
            pp = PosProgram(**whole, program=p, kegiatan=_kegiatan(p, key, units, places, sk))
            programs.append(pp)
            groups.setdefault(key, []).append(pp)
            continue
        programs.append(
            PosProgram(**whole, program=p, kegiatan=[_utuh(k, units) for k in p.kegiatan])
        )
        for key in dict.fromkeys([*p_pagu, *p_real]):
            # The program's part serving this sasaran: its own pagu and realisasi there.
            part = PosProgram(
                **_pos(p_pagu.get(key), p_real.get(key), places, sk),
                program=p,
                kegiatan=_kegiatan(p, key, units, places, sk),
            )
            groups.setdefault(key, []).append(part)
    order = [s for s in sasaran_urut if s in groups] + [s for s in groups if s not in sasaran_urut]
    per_sasaran = [
        PosSasaran(
            **_pos(
                _sum([p.pagu for p in groups[s]]),
                _sum([p.realisasi for p in groups[s]]),
                places,
                sk,
            ),
            sasaran_id=s,
            program=groups[s],
        )
        for s in order
    ]
    if programs:
        t_pagu = _sum([p.pagu for p in programs])
        t_real = _sum([p.realisasi for p in programs])
    elif data.total is not None:
        t_pagu, t_real = data.total.pagu, data.total.realisasi
    else:
        t_pagu = t_real = None
    total = Pos(**_pos(t_pagu, t_real, places, sk))
    return HasilAnggaran(total, total.efisiensi_persen, per_sasaran, programs, units, dana)


def pagu_dokumen(
    programs: Sequence[Program], tertulis: Mapping[str, int], hasil: HasilAnggaran | None
) -> PaguDokumen:
    """The program budget a document prints: the pagu it signs for a program
    (``tertulis``, target.yaml's ``program:``) where given, else anggaran.yaml's; their
    sum, and the sum of the kegiatan's pagu (None when no figure is known)."""
    per_program = {
        p.id: tertulis[p.id] if p.id in tertulis else hasil.pos(p).pagu if hasil else None
        for p in programs
    }
    kegiatan = [hasil.pos(k).pagu if hasil else None for p in programs for k in p.kegiatan]
    return PaguDokumen(per_program, _sum(list(per_program.values())), _sum(kegiatan))
