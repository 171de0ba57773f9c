"""Perjanjian Kinerja (and PK Perubahan): the agreement page with both signatures,
and its lampiran — sasaran, indikator, target; program, anggaran, sumber dana."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from sakipgen.calc.tahun import HasilTahun
from sakipgen.model.folder import Dinas
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


def konteks(dinas: Dinas, tahun: int, hasil: HasilTahun, doc: Dokumen) -> dict[str, Any]:
    t = dinas.tahun.get(tahun)
    target = t.target.model if t and t.target else None
    if target is None or not (target.pk or target.pk_perubahan):
        raise DataKurang(f"{tahun}/target.yaml tidak memuat 'pk' atau 'pk_perubahan'")
    perubahan = target.pk_perubahan is not None and bool(target.pk_perubahan.indikator)
    pk = target.pk_perubahan if perubahan else target.pk
    assert pk is not None
    if perubahan and target.pk is not None:
        # The original PK of the same year is the "semula" where the entry does not say.
        merged = {
            k: v
            if v.semula is not None or k not in target.pk.indikator
            else v.model_copy(update={"semula": target.pk.indikator[k].target})
            for k, v in pk.indikator.items()
        }
        pk = pk.model_copy(update={"indikator": merged})
    ada_semula = perubahan and any(v.semula is not None for v in pk.indikator.values())
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
