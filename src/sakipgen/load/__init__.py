"""Load a dinas folder: find its files, read YAML with positions, validate, resolve ids.

Layout (README "Susunan folder dinas")::

    sakip.yaml           identity, signatories, calculation profile      (required)
    renstra.yaml         visi, misi, tujuan, sasaran, indikator          (required)
    narasi/*.md          narrative used in every year
    <tahun>/             e.g. 2021/
      target.yaml        RKT, PK and PK Perubahan targets
      realisasi.yaml     realisasi (and hand-entered capaian) per indikator
      anggaran.yaml      program → kegiatan → sub kegiatan, pagu, realisasi
      rencana-aksi.yaml  monthly/quarterly targets per level
      dokumen.yaml       date, place and signatory per document
      narasi/**/*.md     narrative of the year (narasi/indikator/<id>.md per indikator)
      tabel/*.yaml       supporting tables
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from sakipgen.diagnostics import Diagnostic, Location, display_path
from sakipgen.i18n import _
from sakipgen.load.akses import Akses, Ditolak
from sakipgen.load.referensi import periksa_referensi
from sakipgen.load.templat import muat_logo, muat_templat
from sakipgen.load.validate import validate
from sakipgen.load.yaml_reader import baca_teks, baca_yaml
from sakipgen.model import susunan
from sakipgen.model.dinas import Identitas
from sakipgen.model.folder import Berkas, Dinas, Jejak, Narasi, Tahun
from sakipgen.model.renstra import Renstra
from sakipgen.model.sipd import PetaSipd
from sakipgen.model.tabel import Tabel

M = TypeVar("M", bound=BaseModel)

TAHUN_FILES: dict[str, type[BaseModel]] = {n: b.model for n, b in susunan.TAHUN.items()}
"""The files of a year folder and their models (from :mod:`sakipgen.model.susunan`)."""


@dataclass
class HasilMuat:
    dinas: Dinas | None
    diagnostics: list[Diagnostic]
    jejak: Jejak = field(default_factory=Jejak)
    """What was read, also when the folder could not be loaded (the build remembers a
    failure only as long as these inputs stay the same)."""


def adalah_folder_dinas(path: Path) -> bool:
    return (path / "sakip.yaml").is_file()


def temukan_dinas(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Dinas folders named, or found below the given paths (hidden and ``build``
    folders skipped, symlinked folders not followed); and the paths with none.  The
    same dinas named twice (``build a a/``) is listed once."""
    found: list[Path] = []
    empty: list[Path] = []
    for p in paths:
        if adalah_folder_dinas(p):
            found.append(p)
            continue
        below = (
            sorted(
                q.parent
                for q in p.rglob("sakip.yaml")
                if not any(part.startswith(".") or part == "build" for part in q.parts)
            )
            if p.is_dir()
            else []
        )
        if below:
            found.extend(below)
        else:
            empty.append(p)
    unique: dict[Path, Path] = {}
    for f in found:
        unique.setdefault(f.resolve(), f)
    return list(unique.values()), empty


def _load_file(
    akses: Akses, model: type[M], path: Path, diags: list[Diagnostic]
) -> Berkas[M] | None:
    yf = baca_yaml(akses, path, diags)
    if yf is None:
        return None
    result = validate(model, yf, diags)
    return Berkas(result, yf.source) if result is not None else None


def _load_narasi(akses: Akses, folder: Path, diags: list[Diagnostic]) -> dict[str, Narasi]:
    out: dict[str, Narasi] = {}
    for path in akses.telusuri(folder, ".md", diags):
        text = baca_teks(akses, path, diags)
        if text is not None:
            key = path.relative_to(folder).with_suffix("").as_posix()
            out[key] = Narasi(text, akses.tampil(path))
    return out


def _unknown_yaml(akses: Akses, path: Path, known: list[str], diags: list[Diagnostic]) -> None:
    from sakipgen.load.validate import suggest

    diags.append(
        Diagnostic.make(
            Location(akses.tampil(path), 1, 1),
            "F006",
            _("berkas '{nama}' tidak dikenal dan diabaikan").format(nama=path.name)
            + suggest(path.name, known),
        )
    )


def muat_dinas(folder: Path, base: Path | None = None) -> HasilMuat:
    """Load ``folder``; every problem is returned as a diagnostic, nothing raises."""
    base = base or Path.cwd()
    diags: list[Diagnostic] = []
    shown = display_path(folder, base)
    if not folder.is_dir():
        diags.append(Diagnostic.make(Location(shown), "F005", _("folder tidak ditemukan")))
        return HasilMuat(None, diags)
    if not adalah_folder_dinas(folder):
        diags.append(
            Diagnostic.make(
                Location(shown),
                "F005",
                _("bukan folder dinas: sakip.yaml tidak ada (buat sakip.yaml dan renstra.yaml)"),
            )
        )
        return HasilMuat(None, diags)

    akses = Akses(folder, base)
    names = akses.nama_isi(folder, diags, "akar")
    identitas = _load_file(akses, Identitas, folder / "sakip.yaml", diags)
    renstra_path = folder / "renstra.yaml"
    renstra = None
    if "renstra.yaml" in names:
        renstra = _load_file(akses, Renstra, renstra_path, diags)
    else:
        diags.append(
            Diagnostic.make(
                Location(akses.tampil(renstra_path), 1, 1),
                "F001",
                _("renstra.yaml tidak ada: tulis visi, misi, sasaran dan indikator di sini"),
            )
        )
    narasi = _load_narasi(akses, folder / "narasi", diags) if "narasi" in names else {}

    years: dict[int, Tahun] = {}
    for name in names:
        entry = folder / name
        if susunan.FOLDER_TAHUN.match(name):
            if akses.adalah_folder(entry, diags):
                years[int(name)] = _load_year(akses, int(name), entry, diags)
        elif susunan.yaml(name) and name not in susunan.AKAR:
            _unknown_yaml(akses, entry, sorted(susunan.AKAR), diags)
    templat = muat_templat(akses, diags) if "templates" in names else None
    logo = muat_logo(akses, identitas, diags) if identitas is not None else None

    if identitas is None or renstra is None:
        return HasilMuat(None, diags, akses.jejak)
    sipd = (
        _load_file(akses, PetaSipd, folder / "sipd.yaml", diags) if "sipd.yaml" in names else None
    )
    dinas = Dinas(
        folder, identitas, renstra, narasi, years, jejak=akses.jejak, logo=logo, sipd=sipd
    )
    if templat is not None:
        dinas.templat = templat
    diags.extend(periksa_referensi(dinas, base))
    return HasilMuat(dinas, diags, akses.jejak)


def _load_year(akses: Akses, year: int, folder: Path, diags: list[Diagnostic]) -> Tahun:
    tahun = Tahun(year, folder)
    names = akses.nama_isi(folder, diags, "tahun")
    for name in names:
        entry = folder / name
        if name in susunan.TAHUN:
            jenis = susunan.TAHUN[name]
            berkas = _load_file(akses, jenis.model, entry, diags)
            setattr(tahun, str(jenis.atribut), berkas)
        elif susunan.yaml(name):
            _unknown_yaml(akses, entry, sorted(TAHUN_FILES), diags)
    if "narasi" in names:
        tahun.narasi = _load_narasi(akses, folder / "narasi", diags)
    tabel_dir = folder / "tabel"
    if "tabel" in names and akses.adalah_folder(tabel_dir, diags):
        for name in akses.nama_isi(tabel_dir, diags, "tabel"):
            if susunan.yaml(name):
                t = _load_file(akses, Tabel, tabel_dir / name, diags)
                if t is not None:
                    tahun.tabel[Path(name).stem] = t
    return tahun


__all__ = [
    "Akses",
    "Ditolak",
    "HasilMuat",
    "adalah_folder_dinas",
    "muat_dinas",
    "temukan_dinas",
]
