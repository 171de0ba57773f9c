"""Run everything ``sakipgen check`` runs on one dinas folder: load, calculate every
year, fill in every narrative, and collect all diagnostics."""

from __future__ import annotations

from pathlib import Path

from sakipgen.calc.narasi import Konteks, isi
from sakipgen.calc.tahun import hitung_tahun, tahun_tersedia
from sakipgen.checks.konsistensi import periksa_konsistensi
from sakipgen.diagnostics import RULES, Diagnostic, Location, sorted_unique
from sakipgen.i18n import _
from sakipgen.load import load_dinas
from sakipgen.model.folder import Dinas, Jejak, Narasi


def _narasi(blocks: dict[str, Narasi], konteks: Konteks) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    functions = konteks.functions()
    for block in blocks.values():
        if "{{" not in block.teks:
            continue
        _teks, problems = isi(block.teks, functions)
        for p in problems:
            out.append(Diagnostic.make(Location(block.file, p.line, p.column), "T001", p.message))
    return out


def periksa(folder: Path, base: Path | None = None) -> tuple[Dinas | None, list[Diagnostic]]:
    dinas, diags, _jejak = periksa_dengan_jejak(folder, base)
    return dinas, diags


def periksa_dengan_jejak(
    folder: Path, base: Path | None = None
) -> tuple[Dinas | None, list[Diagnostic], Jejak]:
    """:func:`periksa`, and the trace of what was read (for the incremental build)."""
    result = load_dinas(folder, base)
    diags = list(result.diagnostics)
    dinas = result.dinas
    if dinas is None:
        return None, sorted_unique(diags), result.jejak
    for year in tahun_tersedia(dinas):
        _hasil, calc_diags = hitung_tahun(dinas, year, pembanding=False)
        diags.extend(calc_diags)
    for year, tahun in sorted(dinas.tahun.items()):
        if tahun.narasi:
            hasil, _diags = hitung_tahun(dinas, year)
            diags.extend(_narasi(tahun.narasi, Konteks(dinas, hasil)))
    if dinas.narasi:
        years = tahun_tersedia(dinas)
        if years:
            hasil, _diags = hitung_tahun(dinas, max(years))
            diags.extend(_narasi(dinas.narasi, Konteks(dinas, hasil)))
    diags.extend(periksa_konsistensi(dinas))
    return dinas, sorted_unique(_tanpa_diabaikan(dinas, diags)), result.jejak


def _tanpa_diabaikan(dinas: Dinas, diags: list[Diagnostic]) -> list[Diagnostic]:
    """Drop the codes the dinas switched off in sakip.yaml (``periksa.abaikan``); an
    unknown code there is itself reported."""
    off = dinas.identitas.model.periksa.abaikan
    codes = {a.kode for a in off}
    out = [d for d in diags if d.code not in codes]
    src = dinas.identitas.source
    for i, a in enumerate(off):
        if a.kode not in RULES:
            out.append(
                Diagnostic.make(
                    src.locate(("periksa", "abaikan", i, "kode")),
                    "S004",
                    _("kode aturan '{kode}' tidak dikenal (lihat tabel kode di README)").format(
                        kode=a.kode
                    ),
                )
            )
    return out
