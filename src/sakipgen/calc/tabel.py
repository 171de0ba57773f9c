"""Supporting tables: computed sum columns and the total row."""

from __future__ import annotations

from decimal import Decimal

from sakipgen.model.hasil import SelTabel, TabelHitung
from sakipgen.model.nilai import parse_angka
from sakipgen.model.tabel import Tabel


def _num(cell: SelTabel) -> Decimal | None:
    if cell is None:
        return None
    if isinstance(cell, Decimal):
        return cell
    try:
        return parse_angka(cell)
    except Exception:
        return None


def hitung_tabel(tabel: Tabel) -> TabelHitung:
    daun = tabel.daun()
    rows: list[list[SelTabel]] = []
    for row in tabel.baris:
        filled = iter(row)
        by_id: dict[str, SelTabel] = {}
        cells: list[SelTabel] = []
        for k in daun:
            cell: SelTabel = None if k.jumlah_dari else next(filled, None)
            if k.jenis != "teks" and isinstance(cell, str):
                cell = _num(cell)
            cells.append(cell)
            if k.id:
                by_id[k.id] = cell
        for i, k in enumerate(daun):
            if k.jumlah_dari:
                parts = [_num(by_id.get(ref)) for ref in k.jumlah_dari]
                cells[i] = sum((p for p in parts if p is not None), Decimal(0))
                if k.id:
                    by_id[k.id] = cells[i]
        rows.append(cells)
    total: list[SelTabel] | None = None
    if tabel.total:
        wanted = set(tabel.total.kolom)
        total = []
        for i, k in enumerate(daun):
            known = [n for r in rows if (n := _num(r[i])) is not None]
            if k.id in wanted and known:
                total.append(sum(known, Decimal(0)))
            else:
                total.append(None)
    return TabelHitung(daun, rows, total)
