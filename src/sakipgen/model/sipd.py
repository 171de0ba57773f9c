"""``sipd.yaml``: how this Pemda's SIPD export names its columns, for
``sakipgen import DIR FILE --from sipd`` when the names sakipgen knows do not match."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sakipgen.model.base import Model, empty_dict, skema
from sakipgen.model.nilai import Teks

IsianSipd = Literal[
    "kode_program",
    "nama_program",
    "kode_kegiatan",
    "nama_kegiatan",
    "kode_sub_kegiatan",
    "nama_sub_kegiatan",
    "kode",
    "uraian",
    "pagu",
    "pagu_murni",
    "realisasi",
    "sumber_dana",
    "pagu_dana",
    "indikator",
    "target",
    "satuan",
]


class PetaSipd(Model):
    """The column names (and sheet) of a SIPD export that differ from the known ones."""

    model_config = skema(
        "sipd.yaml: judul kolom berkas SIPD Pemda ini, bila berbeda dari yang dikenali sakipgen"
    )

    lembar: Teks | None = Field(
        None,
        description="Nama lembar (sheet) yang dibaca; bawaan: lembar pertama yang judul "
        "kolomnya dikenali",
    )
    kolom: dict[IsianSipd, Teks] = Field(
        default_factory=empty_dict,
        description="Isian → judul kolom di berkas; contoh: {kode_sub_kegiatan: Kode Sub, "
        "pagu: Pagu Perubahan}",
    )
