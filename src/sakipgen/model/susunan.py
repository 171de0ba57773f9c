"""The dinas folder layout: which file holds which model, and where (README "The dinas
folder").  One table, read by the loader, the JSON Schemas (``sakipgen schema``), the
build's change detection (which names of a folder count) and the reading of git
revisions (which files to take out)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from sakipgen.model.anggaran import AnggaranTahun
from sakipgen.model.dinas import DokumenTahun, Identitas
from sakipgen.model.rencana_aksi import RencanaAksiTahun
from sakipgen.model.renstra import Renstra
from sakipgen.model.sipd import PetaSipd
from sakipgen.model.tabel import Tabel
from sakipgen.model.tahun import RealisasiTahun, TargetTahun


@dataclass(frozen=True)
class JenisBerkas:
    jenis: str
    """The kind: ``target``; its schema is ``target.schema.json``."""
    tempat: str
    """Where it lives: ``sakip.yaml``, ``<tahun>/target.yaml``, ``<tahun>/tabel/<nama>.yaml``."""
    model: type[BaseModel]
    atribut: str | None = None
    """The attribute of ``model.folder.Tahun`` a year file is loaded into."""

    @property
    def nama(self) -> str:
        """The file name: ``target.yaml`` (``<nama>.yaml`` for a table)."""
        return self.tempat.rsplit("/", 1)[-1]


BERKAS: tuple[JenisBerkas, ...] = (
    JenisBerkas("sakip", "sakip.yaml", Identitas),
    JenisBerkas("renstra", "renstra.yaml", Renstra),
    JenisBerkas("sipd", "sipd.yaml", PetaSipd),
    JenisBerkas("target", "<tahun>/target.yaml", TargetTahun, "target"),
    JenisBerkas("realisasi", "<tahun>/realisasi.yaml", RealisasiTahun, "realisasi"),
    JenisBerkas("anggaran", "<tahun>/anggaran.yaml", AnggaranTahun, "anggaran"),
    JenisBerkas("rencana-aksi", "<tahun>/rencana-aksi.yaml", RencanaAksiTahun, "rencana_aksi"),
    JenisBerkas("dokumen", "<tahun>/dokumen.yaml", DokumenTahun, "dokumen"),
    JenisBerkas("tabel", "<tahun>/tabel/<nama>.yaml", Tabel),
)

AKAR: dict[str, JenisBerkas] = {b.nama: b for b in BERKAS if "/" not in b.tempat}
"""The files at the top of a dinas folder."""
TAHUN: dict[str, JenisBerkas] = {b.nama: b for b in BERKAS if b.atribut is not None}
"""The files of a year folder."""
FOLDER_TAHUN = re.compile(r"^\d{4}$")
"""A year folder's name: ``2021``."""
NARASI, TABEL, TEMPLATES = "narasi", "tabel", "templates"


def yaml(name: str) -> bool:
    """Whether a name is a YAML file's (the loader reads ``.yaml`` and ``.yml``)."""
    return name.endswith((".yaml", ".yml"))
