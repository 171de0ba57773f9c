"""``<tahun>/rencana-aksi.yaml``: monthly or quarterly targets per level."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sakipgen.model.base import Model
from sakipgen.model.nilai import Id, NilaiField, Rupiah, Teks

Tingkat = Literal["eselon_ii", "eselon_iii", "eselon_iv", "staf"]
Periode = Literal["bulanan", "triwulan"]
JUMLAH_PERIODE: dict[str, int] = {"bulanan": 12, "triwulan": 4}


class BarisRencanaAksi(Model):
    """One row: what is measured (a Renstra indikator or its own uraian) and its
    target per period.  Refs point at renstra.yaml and anggaran.yaml ids."""

    no: Teks | None = None
    sasaran: Id | None = None
    indikator: Id | None = None
    program: Id | None = None
    kegiatan: Id | None = None
    sub_kegiatan: Id | None = None
    uraian_sasaran: Teks | None = None
    uraian: Teks | None = None
    satuan: Teks = ""
    kumulatif: bool | None = None
    """Whether the targets are running totals (1, 2, … 12 laporan); default: the table's."""
    target: list[NilaiField]
    target_tahunan: NilaiField | None = None
    anggaran: Rupiah | None = None
    penanggung_jawab: Teks | None = None

    @model_validator(mode="after")
    def _apa(self) -> BarisRencanaAksi:
        if self.indikator is None and self.uraian is None:
            raise ValueError("isi 'indikator' (id Renstra) atau 'uraian' (indikator sendiri)")
        return self


class TabelRencanaAksi(Model):
    tingkat: Tingkat
    judul: Teks | None = None
    periode: Periode = "bulanan"
    kumulatif: bool = True
    baris: list[BarisRencanaAksi] = Field(min_length=1)


class RencanaAksiTahun(Model):
    tabel: list[TabelRencanaAksi] = Field(min_length=1)
