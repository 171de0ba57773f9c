"""Run everything ``sakipgen check`` runs on one dinas folder: load, calculate every
year, and collect all diagnostics."""

from __future__ import annotations

from pathlib import Path

from sakipgen.calc.tahun import hitung_tahun, tahun_tersedia
from sakipgen.diagnostics import Diagnostic, sorted_unique
from sakipgen.load import load_dinas
from sakipgen.model.folder import Dinas


def periksa(folder: Path, base: Path | None = None) -> tuple[Dinas | None, list[Diagnostic]]:
    result = load_dinas(folder, base)
    diags = list(result.diagnostics)
    dinas = result.dinas
    if dinas is not None:
        for year in tahun_tersedia(dinas):
            _, calc_diags = hitung_tahun(dinas, year, pembanding=False)
            diags.extend(calc_diags)
    return dinas, sorted_unique(diags)
