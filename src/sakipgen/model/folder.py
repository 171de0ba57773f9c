"""A whole dinas folder after loading: every file's model with its source map."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from sakipgen.model.anggaran import AnggaranTahun, Program
from sakipgen.model.dinas import DokumenTahun, Identitas
from sakipgen.model.rencana_aksi import RencanaAksiTahun
from sakipgen.model.renstra import Indikator, Renstra, Sasaran
from sakipgen.model.tabel import Tabel
from sakipgen.model.tahun import RealisasiTahun, TargetTahun

if TYPE_CHECKING:
    from sakipgen.load.yaml_reader import SourceMap

M = TypeVar("M")


@dataclass(frozen=True)
class Berkas(Generic[M]):
    """One validated file: its model, where it is, and the positions of its values."""

    model: M
    source: SourceMap


@dataclass(frozen=True)
class Narasi:
    """A narrative block written by the dinas (Markdown), placed into documents."""

    teks: str
    file: str


@dataclass
class Tahun:
    tahun: int
    folder: Path
    target: Berkas[TargetTahun] | None = None
    realisasi: Berkas[RealisasiTahun] | None = None
    anggaran: Berkas[AnggaranTahun] | None = None
    rencana_aksi: Berkas[RencanaAksiTahun] | None = None
    dokumen: Berkas[DokumenTahun] | None = None
    narasi: dict[str, Narasi] = field(default_factory=dict)
    tabel: dict[str, Berkas[Tabel]] = field(default_factory=dict)

    def program(self) -> list[Program]:
        return self.anggaran.model.program if self.anggaran else []


@dataclass
class Dinas:
    folder: Path
    identitas: Berkas[Identitas]
    renstra: Berkas[Renstra]
    narasi: dict[str, Narasi] = field(default_factory=dict)
    tahun: dict[int, Tahun] = field(default_factory=dict)
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    """Results of pure calculations on this (never modified) dinas, e.g. a year's capaian."""

    @property
    def nama(self) -> str:
        return self.identitas.model.dinas.nama

    @cached_property
    def sasaran(self) -> dict[str, Sasaran]:
        return {s.id: s for s in self.renstra.model.sasaran}

    @cached_property
    def indikator(self) -> dict[str, tuple[Sasaran, Indikator]]:
        return {i.id: (s, i) for s, i in self.renstra.model.indikator()}

    def narasi_untuk(self, tahun: int | None, nama: str) -> Narasi | None:
        """A narrative block of the year, else the dinas-wide one."""
        if tahun is not None and tahun in self.tahun and nama in self.tahun[tahun].narasi:
            return self.tahun[tahun].narasi[nama]
        return self.narasi.get(nama)
