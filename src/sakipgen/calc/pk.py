"""The targets a Perjanjian Kinerja prints: the year's PK, or its PK Perubahan with the
"target semula" of each entry."""

from __future__ import annotations

from collections.abc import Mapping

from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import TargetPk
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
