"""The targets a Perjanjian Kinerja prints: the year's PK, or its PK Perubahan with the
"target semula" of each entry; and the targets in force at the end of a month, which a
report of that period measures."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date

from sakipgen.calc.tahun import target_renstra, targets_tahun
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import TargetBerlaku, TargetPk
from sakipgen.model.nilai import Nilai


def target_pk(
    dinas: Dinas, tahun: int, dari_revisi: Mapping[str, Nilai] | None = None
) -> TargetPk | None:
    """The year's PK targets, None when the year has no PK.  In a PK Perubahan an
    entry's ``semula`` is, in order: its own ``semula``; the targets at the git revision
    named by ``revisi_pk`` (``dari_revisi``, read by :mod:`sakipgen.load.revisi`); the
    same year's ``pk``."""
    t = dinas.tahun.get(tahun)
    target = t.target.model if t and t.target else None
    if target is None or not (target.pk or target.pk_perubahan):
        return None
    perubahan = target.ada_pk_perubahan
    pk = target.pk_perubahan if perubahan else target.pk
    assert pk is not None
    if perubahan:
        revisi = dari_revisi or {}
        asli = target.pk.indikator if target.pk is not None else {}
        merged = {}
        for k, v in pk.indikator.items():
            semula = v.semula if v.semula is not None else revisi.get(k)
            if semula is None and k in asli:
                semula = asli[k].target
            merged[k] = v if semula is v.semula else v.model_copy(update={"semula": semula})
        pk = pk.model_copy(update={"indikator": merged})
    ada_semula = perubahan and any(v.semula is not None for v in pk.indikator.values())
    return TargetPk(pk, perubahan, ada_semula)


def target_berlaku(
    dinas: Dinas, tahun: int, bulan: int, dari_revisi: Mapping[str, Nilai] | None = None
) -> TargetBerlaku:
    """The targets in force at the end of month ``bulan``: what a quarterly or monthly
    report of that period measures (the monitoring report, the E.81, ``show
    --triwulan``).

    A PK Perubahan takes effect on its date (``dokumen.yaml`` ``pk_perubahan.tanggal``):
    in force at the end of every month from the one it was signed in.  An undated PK
    Perubahan is taken to be in force at the year's end only (December): it follows the
    APBD Perubahan, so a quarter before it is not measured against targets that may not
    have been signed yet.  In December the PK Perubahan is always the one in force, as
    in the year's own figures (the LKjIP).  Before it: the year's PK; where target.yaml
    writes no ``pk``, the ``semula`` of the PK Perubahan's entries (its own, else from
    ``revisi_pk``: ``dari_revisi``); else the RKT; else the Renstra targets of the
    year."""
    t = dinas.tahun.get(tahun)
    model = t.target.model if t and t.target else None
    if model is None or not model.ada_pk_perubahan or model.pk_perubahan is None:
        sumber, targets = targets_tahun(dinas, tahun)
        return TargetBerlaku(sumber, {k: v.target for k, v in targets.items()}, bulan)
    tanggal = dinas.dokumen(tahun, "pk_perubahan").tanggal
    akhir = date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])
    perubahan = model.pk_perubahan.indikator

    def hasil(sumber: str | None, target: Mapping[str, Nilai]) -> TargetBerlaku:
        return TargetBerlaku(sumber, dict(target), bulan, True, tanggal)

    if bulan == 12 or (tanggal is not None and tanggal <= akhir):
        return hasil("pk_perubahan", {k: v.target for k, v in perubahan.items()})
    if model.pk is not None and model.pk.indikator:
        return hasil("pk", {k: v.target for k, v in model.pk.indikator.items()})
    revisi = dari_revisi or {}
    semula = {
        k: found
        for k, v in perubahan.items()
        if (found := v.semula if v.semula is not None else revisi.get(k)) is not None
    }
    if semula:
        return hasil("pk", semula)
    if model.rkt is not None and model.rkt.indikator:
        return hasil("rkt", {k: v.target for k, v in model.rkt.indikator.items()})
    plan = target_renstra(dinas, tahun)
    return hasil("renstra" if plan else None, plan)
