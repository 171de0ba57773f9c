"""``<tahun>/target.yaml`` and ``<tahun>/realisasi.yaml``."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from sakipgen.model.base import Model
from sakipgen.model.nilai import Angka, Id, NilaiField, Rupiah, Teks


def _shortcut(key: str) -> Any:
    """``IK1: 32`` is short for ``IK1: {target: 32}``."""

    def wrap(value: Any) -> Any:
        return value if isinstance(value, dict) else {key: value}

    return wrap


class TargetIndikator(Model):
    target: NilaiField
    semula: NilaiField | None = None
    """In a PK Perubahan: the target of the original PK that this one replaces."""
    alasan: Teks | None = None
    catatan: Teks | None = None

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return _shortcut("target")(value)


class TargetDokumen(Model):
    """The targets of one planning document of the year (RKT, PK or PK Perubahan)."""

    indikator: dict[Id, TargetIndikator] = Field(default_factory=dict)
    program: dict[Id, Rupiah] = Field(default_factory=dict)
    """Pagu per program as signed in this document, when it differs from anggaran.yaml."""


class TargetTahun(Model):
    rkt: TargetDokumen | None = None
    pk: TargetDokumen | None = None
    pk_perubahan: TargetDokumen | None = None

    def berlaku(self) -> tuple[str, TargetDokumen] | None:
        """The document whose targets are measured: PK Perubahan, else PK, else RKT."""
        for name in ("pk_perubahan", "pk", "rkt"):
            doc = getattr(self, name)
            if doc is not None and doc.indikator:
                return name, doc
        return None


Bulan = Annotated[int, Field(ge=1, le=12)]
Triwulan = Annotated[int, Field(ge=1, le=4)]


class RealisasiIndikator(Model):
    nilai: NilaiField | None = None
    capaian: Angka | None = None
    """Capaian entered by hand: for a qualitative target, or a figure printed in an
    earlier report whose realisasi is not known."""
    alasan: Teks | None = None
    sumber: Teks | None = None
    bulanan: dict[Bulan, NilaiField] = Field(default_factory=dict)
    triwulan: dict[Triwulan, NilaiField] = Field(default_factory=dict)
    catatan: Teks | None = None

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return _shortcut("nilai")(value)

    @model_validator(mode="after")
    def _ada_isi(self) -> RealisasiIndikator:
        if self.nilai is None and self.capaian is None and self.catatan is None:
            raise ValueError(
                "isi 'nilai' (realisasi), 'capaian', atau 'catatan' yang menjelaskan mengapa "
                "realisasi tidak tersedia"
            )
        return self


class RealisasiTahun(Model):
    indikator: dict[Id, RealisasiIndikator] = Field(default_factory=dict)
