"""What every document template can call: the ``doc`` helper.

A template is a Jinja file producing the WordprocessingML body.  It gets one
:class:`Dokumen` as ``doc`` plus the document's own data; everything that turns
user text into XML goes through :mod:`sakipgen.render.xml`, which escapes it.  The
helper is made of three parts: page layout and contents lists
(:mod:`~sakipgen.render.dok_letak`), text, narrative, tables and pictures
(:mod:`~sakipgen.render.dok_teks`), letterhead and signatures
(:mod:`~sakipgen.render.dok_ttd`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from sakipgen.diagnostics import Diagnostic, Location, display_path
from sakipgen.model.folder import Dinas
from sakipgen.model.hasil import TabelHitung
from sakipgen.render import regulasi
from sakipgen.render.dok_letak import ROMAWI, TataLetak
from sakipgen.render.dok_teks import DataKurang, IsiTeks
from sakipgen.render.dok_ttd import KopTandaTangan, Penanda
from sakipgen.render.paket import Paket, Seksi

__all__ = ["ROMAWI", "DataKurang", "Dokumen", "Penanda", "tanggal_dokumen"]


@dataclass
class Dokumen(TataLetak, IsiTeks, KopTandaTangan):
    """The ``doc`` helper of every template.  A template may use only the names in
    :data:`API` (the sandbox enforces it); everything else here is the renderers'."""

    API: ClassVar[frozenset[str]] = frozenset(
        {
            "seksi",
            "lebar",
            "seksi_baru",
            "halaman_baru",
            "bab_baru",
            "judul",
            "judul_halaman",
            "p",
            "teks",
            "narasi",
            "ada_narasi",
            "judul_tabel",
            "judul_gambar",
            "daftar_isi",
            "daftar_tabel",
            "daftar_gambar",
            "kop",
            "logo",
            "tanda_tangan",
            "dua_tanda_tangan",
            "tabel_identitas",
            "tanda_tangan_pk",
            "tanda_tangan_sejajar",
            "blok_kanan",
            "regulasi",
            "landasan_hukum",
        }
    )

    dinas: Dinas
    tahun: int | None
    paket: Paket
    narasi_terisi: Mapping[tuple[int, str], str] = field(default_factory=dict)
    """(year, name) → narrative with its figures filled in (from the pipeline)."""
    tabel_terhitung: Mapping[tuple[int, str], TabelHitung] = field(default_factory=dict)
    """(year, table name) → the supporting table's computed cells (from the pipeline)."""
    seksi: Seksi = field(default_factory=lambda: Seksi(nomor=None))
    bab: int = 0
    _tabel: int = 0
    _gambar: int = 0
    daftar_tabel_isi: list[str] = field(default_factory=list)
    daftar_gambar_isi: list[str] = field(default_factory=list)
    judul_isi: list[tuple[int, str]] = field(default_factory=list)
    masalah: list[Diagnostic] = field(default_factory=list)

    def peringatan(self, kode: str, pesan: str, lokasi: Location | None = None) -> None:
        """A hollow part found while filling the document (H003, H004), reported by
        ``build``; ``lokasi``: the file to fix, else the dinas folder."""
        where = lokasi or Location(display_path(self.dinas.folder))
        self.masalah.append(Diagnostic.make(where, kode, pesan))

    # --- regulations in force in the document's year (render/regulasi.py) ------------------

    def regulasi(self, pokok: str) -> str:
        """The title of the regulation on ``pokok`` in force in the document's year
        (``"sakip"``: Inpres 7/1999 before 2014, Perpres 29/2014 from then); "" when
        none was."""
        assert self.tahun is not None
        found = regulasi.regulasi(pokok, self.tahun)
        return found.judul if found else ""

    def landasan_hukum(self, pokok: list[str]) -> list[str]:
        """The titles in force in the document's year, for the topics in that order."""
        assert self.tahun is not None
        return regulasi.landasan(list(pokok), self.tahun)


def tanggal_dokumen(dinas: Dinas, tahun: int | None, jenis: str) -> date | None:
    t = dinas.tahun.get(tahun) if tahun is not None else None
    doc = getattr(t.dokumen.model, jenis, None) if t and t.dokumen else None
    return doc.tanggal if doc else None
