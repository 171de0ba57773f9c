"""Perjanjian Kinerja (and PK Perubahan): the agreement page with both signatures,
and its lampiran — sasaran, indikator, target; program, anggaran, sumber dana."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from sakipgen.beda import RevisiError, semula_revisi
from sakipgen.calc.tahun import HasilTahun
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import Nilai
from sakipgen.model.tahun import TargetDokumen
from sakipgen.render.dokumen import DataKurang, Dokumen
from sakipgen.render.umum import (
    atasan,
    meta,
    penandatangan,
    tabel_program,
    tabel_target,
    tempat_tanggal,
)


def tahun_bawaan(dinas: Dinas) -> int | None:
    years = [
        y
        for y, t in dinas.tahun.items()
        if t.target and (t.target.model.pk or t.target.model.pk_perubahan)
    ]
    return max(years) if years else None


@dataclass(frozen=True)
class TargetPk:
    """The targets a PK document prints: the PK, or the PK Perubahan with each entry's
    "target semula" filled in where known."""

    dokumen: TargetDokumen
    perubahan: bool
    ada_semula: bool


def target_pk(dinas: Dinas, tahun: int, *, revisi: bool = True) -> TargetPk:
    """The year's PK targets.  In a PK Perubahan an entry's ``semula`` is, in order: its
    own ``semula``; the PK targets at the git revision named by ``dokumen.yaml``
    ``pk_perubahan.revisi_pk`` (when ``revisi``; :class:`RevisiError` when it cannot be
    read); the same year's ``pk``.  :class:`DataKurang` when the year has no PK."""
    t = dinas.tahun.get(tahun)
    target = t.target.model if t and t.target else None
    if target is None or not (target.pk or target.pk_perubahan):
        raise DataKurang(
            _("{tahun}/target.yaml tidak memuat 'pk' atau 'pk_perubahan'").format(tahun=tahun)
        )
    perubahan = target.pk_perubahan is not None and bool(target.pk_perubahan.indikator)
    pk = target.pk_perubahan if perubahan else target.pk
    assert pk is not None
    if perubahan:
        dari_revisi: dict[str, Nilai] = {}
        rev = meta(dinas, tahun, "pk_perubahan").revisi_pk
        if revisi and rev:
            dari_revisi = semula_revisi(dinas, tahun, rev)
        asli = target.pk.indikator if target.pk is not None else {}
        merged = {}
        for k, v in pk.indikator.items():
            semula = v.semula if v.semula is not None else dari_revisi.get(k)
            if semula is None and k in asli:
                semula = asli[k].target
            merged[k] = v if semula is v.semula else v.model_copy(update={"semula": semula})
        pk = pk.model_copy(update={"indikator": merged})
    ada_semula = perubahan and any(v.semula is not None for v in pk.indikator.values())
    return TargetPk(pk, perubahan, ada_semula)


def konteks(dinas: Dinas, tahun: int, hasil: HasilTahun, doc: Dokumen) -> dict[str, Any]:
    t = dinas.tahun.get(tahun)
    try:
        found = target_pk(dinas, tahun)
    except RevisiError as exc:
        rev = meta(dinas, tahun, "pk_perubahan").revisi_pk
        raise DataKurang(
            _(
                "target semula dari revisi_pk '{rev}' (dokumen.yaml) tidak dapat dibaca: {exc}"
            ).format(rev=rev, exc=exc)
        ) from exc
    pk, perubahan, ada_semula = found.dokumen, found.perubahan, found.ada_semula
    jenis = "pk_perubahan" if perubahan else "pk"
    m = meta(dinas, tahun, jenis)
    programs = t.program() if t else []

    tabel_kinerja: Callable[[], Markup] = tabel_target(
        dinas, doc, pk, semula=ada_semula, kecil=True
    )
    judul = (
        "Perjanjian Kinerja Perubahan" if perubahan else "Perjanjian Kinerja"
    ) + f" Tahun {tahun}"
    return {
        "judul": judul,
        "jenis_dokumen": jenis,
        "perubahan": perubahan,
        "ada_semula": ada_semula,
        "pihak_pertama": penandatangan(dinas, m),
        "pihak_kedua": atasan(dinas, m),
        "tempat_tanggal": tempat_tanggal(dinas, m, tahun),
        "tabel_kinerja": tabel_kinerja,
        "tabel_program": tabel_program(doc, programs, pk, kecil=True),
        "ada_program": bool(programs),
    }
