"""The checks stage: what does not add up in a loaded and calculated dinas — narrative
placeholders that cannot be filled (T001), consistency between files (K…) — and the
codes a dinas switched off.  :mod:`sakipgen.pipeline` runs it after the calculation."""

from __future__ import annotations

from collections.abc import Mapping

from sakipgen.calc.narasi import Konteks, isi
from sakipgen.checks.konsistensi import periksa_konsistensi
from sakipgen.checks.tercetak import periksa_tercetak
from sakipgen.diagnostics import RULES, Diagnostic, Location
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas, Narasi
from sakipgen.model.hasil import HasilTahun

__all__ = ["periksa_konsistensi", "periksa_narasi", "periksa_tercetak", "tanpa_diabaikan"]


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


def periksa_narasi(dinas: Dinas, hasil: Mapping[int, HasilTahun]) -> list[Diagnostic]:
    """Every placeholder of every narrative filled in: a year's own narrative with that
    year's figures, the dinas-wide narrative with the latest year's (T001 where one
    cannot be filled)."""
    diags: list[Diagnostic] = []
    for year, tahun in sorted(dinas.tahun.items()):
        if tahun.narasi and year in hasil:
            diags.extend(_narasi(tahun.narasi, Konteks(dinas, hasil[year], hasil)))
    if dinas.narasi and hasil:
        latest = hasil[max(hasil)]
        diags.extend(_narasi(dinas.narasi, Konteks(dinas, latest, hasil)))
    return diags


def tanpa_diabaikan(dinas: Dinas, diags: list[Diagnostic]) -> list[Diagnostic]:
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
