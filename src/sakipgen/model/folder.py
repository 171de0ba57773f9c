"""A whole dinas folder after loading: every file's model with its source map."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from sakipgen.model.anggaran import AnggaranTahun, Kegiatan, Program, SubKegiatan
from sakipgen.model.dinas import Dokumen, DokumenTahun, Identitas
from sakipgen.model.rencana_aksi import (
    JUMLAH_PERIODE,
    BarisRencanaAksi,
    CaraTahunan,
    RencanaAksiTahun,
    TabelRencanaAksi,
)
from sakipgen.model.renstra import Indikator, Renstra, Sasaran
from sakipgen.model.sipd import PetaSipd
from sakipgen.model.tabel import Tabel
from sakipgen.model.tahun import RealisasiTahun, TargetTahun

if TYPE_CHECKING:
    from sakipgen.model.sumber import SourceMap

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
class Jejak:
    """What loading a dinas folder read (the trace): the names in every folder listed,
    what kind every path checked was, the sha256 of every file read (or ``!CODE`` when it
    was refused), and inputs from outside the folder.  Two loads that give the same trace
    give the same documents (README "Batch dan build bertahap")."""

    folder: dict[str, list[str]] = field(default_factory=dict)
    pola: dict[str, str] = field(default_factory=dict)
    """Folder → the layout rule its names were filtered with (``akses.POLA``)."""
    jenis: dict[str, str] = field(default_factory=dict)
    """Path → ``d`` (folder), ``f`` (not a folder), ``-`` (absent), ``!CODE`` (refused)."""
    berkas: dict[str, str] = field(default_factory=dict)
    batas: dict[str, int] = field(default_factory=dict)
    """The size limit a file was read with, where it is not the default."""
    luar: dict[str, str] = field(default_factory=dict)
    """Inputs from outside the folder: ``git:<revisi>`` → the commit it named (or ``-``)."""

    def as_dict(self) -> dict[str, object]:
        return {
            "folder": self.folder,
            "pola": self.pola,
            "jenis": self.jenis,
            "berkas": self.berkas,
            "batas": self.batas,
            "luar": self.luar,
        }

    @classmethod
    def from_dict(cls, data: object) -> Jejak | None:
        """A trace read back from a manifest; None when it is not one."""
        if not isinstance(data, dict):
            return None
        try:
            folder = {str(k): [str(n) for n in v] for k, v in data["folder"].items()}
            pola = {str(k): str(v) for k, v in data["pola"].items()}
            jenis = {str(k): str(v) for k, v in data["jenis"].items()}
            berkas = {str(k): str(v) for k, v in data["berkas"].items()}
            batas = {str(k): int(v) for k, v in data["batas"].items()}
            luar = {str(k): str(v) for k, v in data["luar"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return cls(folder, pola, jenis, berkas, batas, luar)


@dataclass(frozen=True)
class UkuranHalaman:
    """Page size and margins of one orientation, in twips."""

    lebar: int
    tinggi: int
    atas: int
    kanan: int
    bawah: int
    kiri: int

    @property
    def lebar_teks(self) -> int:
        return self.lebar - self.kiri - self.kanan


@dataclass(frozen=True)
class TemplatDinas:
    """The dinas's own template files, read when the folder is loaded, so that building
    a document reads nothing more from the folder (README "Templat")."""

    berkas: dict[str, str] = field(default_factory=dict)
    """``templates/docx/<name>`` → its text."""
    lokasi: dict[str, str] = field(default_factory=dict)
    """``<name>`` → the file as diagnostics show it."""
    styles: str | None = None
    """``word/styles.xml`` of ``templates/reference.docx``."""
    halaman: tuple[UkuranHalaman, UkuranHalaman] | None = None
    """Portrait and landscape page of ``templates/docx/halaman.yaml``."""


@dataclass(frozen=True)
class Logo:
    """The letterhead logo named by ``kop.logo``, read when the folder is loaded."""

    data: bytes
    jenis: str
    """``png`` or ``jpeg``."""


@dataclass
class Dinas:
    folder: Path
    identitas: Berkas[Identitas]
    renstra: Berkas[Renstra]
    narasi: dict[str, Narasi] = field(default_factory=dict)
    tahun: dict[int, Tahun] = field(default_factory=dict)
    templat: TemplatDinas = field(default_factory=TemplatDinas)
    logo: Logo | None = None
    sipd: Berkas[PetaSipd] | None = None
    """``sipd.yaml``: the column names of this Pemda's SIPD export (``import --from sipd``)."""
    jejak: Jejak = field(default_factory=Jejak, repr=False, compare=False)

    @property
    def nama(self) -> str:
        return self.identitas.model.dinas.nama

    @cached_property
    def sasaran(self) -> dict[str, Sasaran]:
        return {s.id: s for s in self.renstra.model.sasaran}

    @cached_property
    def indikator(self) -> dict[str, tuple[Sasaran, Indikator]]:
        return {i.id: (s, i) for s, i in self.renstra.model.indikator()}

    def cara_tahunan(self, baris: BarisRencanaAksi, tabel: TabelRencanaAksi) -> CaraTahunan:
        """How a rencana aksi row's periods make its annual target: the row's own
        ``kumulatif`` (the last period's, or the sum), else its Renstra indikator's
        ``sifat`` (the rule that makes the year's realisasi: kumulatif and akhir_periode
        the last period's, jumlah the sum, rata_rata the mean), else the table's."""
        if baris.kumulatif is not None:
            return "akhir" if baris.kumulatif else "jumlah"
        found = self.indikator.get(baris.indikator or "")
        sifat = found[1].sifat if found else None
        if sifat in ("kumulatif", "akhir_periode"):
            return "akhir"
        if sifat in ("jumlah", "rata_rata"):
            return sifat
        return "akhir" if tabel.kumulatif else "jumlah"

    def bulan_terakhir(self, tahun: int) -> int:
        """The latest month the year reports anything for (an indikator's month or
        quarter, a rencana aksi row's realisasi, money spent per month or quarter); 0
        when none: how far the year's monitoring has come."""
        t = self.tahun.get(tahun)
        if t is None:
            return 0
        months = [0]
        if t.realisasi is not None:
            for r in t.realisasi.model.indikator.values():
                months += [*r.bulanan, *(3 * q for q in r.triwulan)]
        if t.rencana_aksi is not None:
            for tb in t.rencana_aksi.model.tabel:
                step = 12 // JUMLAH_PERIODE[tb.periode]
                months += [step * len(b.realisasi) for b in tb.baris]
                months += [step * max(b.realisasi_anggaran, default=0) for b in tb.baris]
        units: list[Program | Kegiatan | SubKegiatan] = list(t.program())
        while units:
            u = units.pop()
            months += [*u.realisasi_bulanan, *(3 * q for q in u.realisasi_triwulan)]
            if isinstance(u, Program):
                units += u.kegiatan
            elif isinstance(u, Kegiatan):
                units += u.sub_kegiatan
        return max(months)

    def dokumen(self, tahun: int, jenis: str) -> Dokumen:
        """The year's ``dokumen.yaml`` entry of a document kind (``pk_perubahan`` …):
        date, place, signatory; empty when the year has none."""
        t = self.tahun.get(tahun)
        found = getattr(t.dokumen.model, jenis, None) if t and t.dokumen else None
        return found if isinstance(found, Dokumen) else Dokumen()

    def revisi_pk(self, tahun: int) -> str | None:
        """The git revision holding the year's original PK (``dokumen.yaml``
        ``pk_perubahan.revisi_pk``); None when not given."""
        t = self.tahun.get(tahun)
        dok = t.dokumen.model.pk_perubahan if t and t.dokumen else None
        return dok.revisi_pk if dok is not None else None

    def narasi_untuk(self, tahun: int | None, nama: str) -> Narasi | None:
        """A narrative block of the year, else the dinas-wide one."""
        if tahun is not None and tahun in self.tahun and nama in self.tahun[tahun].narasi:
            return self.tahun[tahun].narasi[nama]
        return self.narasi.get(nama)
