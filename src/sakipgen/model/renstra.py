"""``renstra.yaml``: the five-year plan — visi, misi, tujuan, sasaran and indikator."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from sakipgen.model.base import Model, as_list
from sakipgen.model.nilai import Id, NilaiField, Tahun, Teks

TargetPerTahun = dict[Tahun, NilaiField]


class Periode(Model):
    mulai: Tahun
    akhir: Tahun

    @model_validator(mode="after")
    def _urut(self) -> Periode:
        if self.akhir < self.mulai:
            raise ValueError("tahun akhir lebih awal dari tahun mulai")
        return self

    @property
    def tahun(self) -> range:
        return range(self.mulai, self.akhir + 1)


class Misi(Model):
    id: Id
    uraian: Teks


class Rpjmd(Model):
    """The kabupaten's plan that the Renstra supports (its visi and misi)."""

    periode: Periode | None = None
    visi: Teks | None = None
    misi: list[Misi] = Field(default_factory=list)


class Baseline(Model):
    tahun: Tahun
    nilai: NilaiField


class IndikatorTujuan(Model):
    id: Id | None = None
    uraian: Teks
    satuan: Teks = ""
    target: TargetPerTahun = Field(default_factory=dict)
    target_akhir: NilaiField | None = None


class Tujuan(Model):
    id: Id
    uraian: Teks
    misi: Annotated[list[Id], BeforeValidator(as_list)] = Field(default_factory=list)
    indikator: list[IndikatorTujuan] = Field(default_factory=list)


class Indikator(Model):
    id: Id
    uraian: Teks
    satuan: Teks = ""
    polaritas: Literal["positif", "negatif", "stabil"] = "positif"
    iku: bool = True
    """Whether this indikator is an Indikator Kinerja Utama (printed in the IKU table)."""
    definisi: Teks | None = None
    formula: Teks | None = None
    sumber_data: Teks | None = None
    penanggung_jawab: Teks | None = None
    keterangan: Teks | None = None
    baseline: Baseline | None = None
    target: TargetPerTahun = Field(default_factory=dict)
    target_akhir: NilaiField | None = None


class Sasaran(Model):
    id: Id
    uraian: Teks
    tujuan: Id | None = None
    misi: Id | None = None
    indikator: list[Indikator] = Field(default_factory=list)


class Renstra(Model):
    periode: Periode
    visi: Teks | None = None
    penjelasan_visi: Annotated[list[Teks], BeforeValidator(as_list)] = Field(default_factory=list)
    misi: list[Misi] = Field(default_factory=list)
    rpjmd: Rpjmd | None = None
    tujuan: list[Tujuan] = Field(default_factory=list)
    strategi: Annotated[list[Teks], BeforeValidator(as_list)] = Field(default_factory=list)
    kebijakan: Annotated[list[Teks], BeforeValidator(as_list)] = Field(default_factory=list)
    sasaran: list[Sasaran] = Field(min_length=1)

    def indikator(self) -> list[tuple[Sasaran, Indikator]]:
        return [(s, i) for s in self.sasaran for i in s.indikator]
