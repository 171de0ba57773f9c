"""A realisasi defined from a supporting table (``dari_tabel`` in realisasi.yaml): the
count of its rows meeting a condition, or the sum of a column, optionally divided by a
number and made a percentage.  Computed from the table as ``calc.tabel`` reads it
(sum columns included), never from printed totals."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakipgen.calc.bulat import SERATUS
from sakipgen.calc.tabel import hitung_tabel
from sakipgen.errors import TemuanData
from sakipgen.model.tabel import Tabel
from sakipgen.model.tahun import DariTabel


class KolomTidakAda(TemuanData):
    """The column ``dari_tabel`` names is not one of the table's (``kolom``); the
    check reports it as R001 at the column's name."""

    def __init__(self, kolom: str) -> None:
        super().__init__("R001", kolom)
        self.kolom = kolom


@dataclass(frozen=True)
class HasilDariTabel:
    nilai: Decimal
    """Unrounded."""
    banyak: Decimal
    """The count or the sum before dividing."""


def _kolom(tabel: Tabel, nama: str) -> int:
    """The leaf column named by its id, else by its printed header (any case)."""
    daun = tabel.daun()
    for i, k in enumerate(daun):
        if k.id == nama:
            return i
    for i, k in enumerate(daun):
        if k.judul.strip().lower() == nama.strip().lower():
            return i
    raise KolomTidakAda(nama)


def _sama(cell: object, dicari: str) -> bool:
    if cell is None:
        return False
    text = format(cell, "f") if isinstance(cell, Decimal) else str(cell)
    return text.strip().lower() == dicari.strip().lower()


def hitung_dari_tabel(spec: DariTabel, tabel: Tabel) -> HasilDariTabel:
    """The figure ``spec`` defines on ``tabel``; :class:`KolomTidakAda` for an unknown
    column."""
    rows = hitung_tabel(tabel).baris
    if spec.syarat is not None:
        i = _kolom(tabel, spec.syarat.kolom)
        rows = [r for r in rows if _sama(r[i], spec.syarat.sama)]
    if spec.hitung == "baris":
        banyak = Decimal(len(rows))
    else:
        j = _kolom(tabel, spec.kolom or "")
        banyak = sum((c for r in rows if isinstance(c := r[j], Decimal)), Decimal(0))
    value = banyak / spec.bagi if spec.bagi is not None else banyak
    return HasilDariTabel(value * SERATUS if spec.persen else value, banyak)
