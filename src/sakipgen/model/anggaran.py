"""``<tahun>/anggaran.yaml``: program → kegiatan → sub kegiatan with pagu and realisasi."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from sakipgen.model.base import Model, as_list
from sakipgen.model.nilai import Angka, Id, NilaiField, Rupiah, Teks


class SumberDana(Model):
    """A source of funds: ``APBD`` or ``DAK Non Fisik``, as an amount or a share."""

    sumber: Teks
    jumlah: Rupiah | None = None
    persen: Angka | None = None

    @model_validator(mode="after")
    def _satu(self) -> SumberDana:
        if self.jumlah is not None and self.persen is not None:
            raise ValueError("isi 'jumlah' atau 'persen', tidak keduanya")
        return self


class IndikatorKegiatan(Model):
    uraian: Teks
    satuan: Teks = ""
    target: NilaiField | None = None

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return {"uraian": value} if isinstance(value, str) else value


IndikatorList = Annotated[list[IndikatorKegiatan], BeforeValidator(as_list)]
SumberList = Annotated[list[SumberDana], BeforeValidator(as_list)]


class _Unit(Model):
    id: Id | None = None
    kode: Teks | None = None
    uraian: Teks
    indikator: IndikatorList = Field(default_factory=list)
    pagu: Rupiah | None = None
    realisasi: Rupiah | None = None
    sumber_dana: SumberList = Field(default_factory=list)
    penanggung_jawab: Teks | None = None
    catatan: Teks | None = None


class SubKegiatan(_Unit):
    pass


class Kegiatan(_Unit):
    sub_kegiatan: list[SubKegiatan] = Field(default_factory=list)


class Program(_Unit):
    id: Id
    nomor: Teks | None = None
    """The number printed before the program, when the source skips numbers (Sinjai 1, 2, 4 …)."""
    sasaran: Annotated[list[Id], BeforeValidator(as_list)] = Field(default_factory=list)
    penunjang: bool = False
    """A support program (administrasi perkantoran, sarana aparatur …) that serves no sasaran."""
    kegiatan: list[Kegiatan] = Field(default_factory=list)


class Total(Model):
    pagu: Rupiah
    realisasi: Rupiah | None = None


class Belanja(Model):
    jenis: Teks
    jumlah: Rupiah


class AnggaranTahun(Model):
    program: list[Program] = Field(default_factory=list)
    total: Total | None = None
    """Only the totals, for a year whose programs are not recorded (an earlier year)."""
    sumber_dana: SumberList = Field(default_factory=list)
    belanja: list[Belanja] = Field(default_factory=list)
