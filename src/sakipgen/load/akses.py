"""Every file and folder sakipgen reads from a dinas folder goes through one
:class:`Akses`.

A dinas folder is untrusted input (CI builds pull requests), so this is the one place
that decides what may be read:

* a path the folder names, or an entry found in it, must resolve (symlinks followed)
  to a place inside the folder, else it is a located F007 and is not read;
* only regular files are read (a named pipe, device or socket would hang or never end:
  F002), opened without blocking and checked again on the open descriptor;
* no file is read past its size limit (F003);
* entries whose names start with ``.`` are never looked at (editor swap files, ``.git``),
  in loading and in the build hash alike.

Everything read is written into the folder's :class:`~sakipgen.model.folder.Jejak`
(trace): the listing of every folder listed and the sha256 of every file read.  The
incremental build compares exactly that trace, so what decides "unchanged" is the same
set of files the loader and renderers read, from the same code.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from sakipgen.diagnostics import Diagnostic, Location, display_path
from sakipgen.errors import TemuanData
from sakipgen.i18n import _
from sakipgen.model import susunan
from sakipgen.model.folder import Jejak

MAX_BYTES = 4 * 1024 * 1024
"""Largest text file read (4 MiB): a dinas plan is a few hundred KiB at most."""
MAX_NODES = 1_000_000
"""YAML nodes visited while expanding aliases, for the whole folder ("billion laughs"
split over many files is still one budget)."""


def ribuan(n: int) -> str:
    """``1000000`` → ``1.000.000`` (Indonesian grouping, without loading Babel)."""
    return f"{n:,}".replace(",", ".")


POLA: dict[str, Callable[[str], bool]] = {
    "semua": lambda name: True,
    "akar": lambda name: (
        name in susunan.AKAR
        or name in (susunan.NARASI, susunan.TEMPLATES)
        or bool(susunan.FOLDER_TAHUN.match(name))
        or susunan.yaml(name)
    ),
    "tahun": lambda name: (
        name in susunan.TAHUN or name in (susunan.NARASI, susunan.TABEL) or susunan.yaml(name)
    ),
    "tabel": susunan.yaml,
    "templates": lambda name: name in ("docx", "reference.docx"),
}
"""Which names of a folder the loader looks at, per kind of folder (the dinas layout)."""


class Ditolak(TemuanData):
    """A path that may not be read (F001–F003, F007)."""


class Akses:
    """Reading one dinas folder: containment, file kinds, size limits, and the trace."""

    def __init__(self, folder: Path, base: Path | None = None) -> None:
        self.folder = folder
        self.base = base or Path.cwd()
        self.nyata = folder.resolve()
        self.jejak = Jejak()
        self.sisa_simpul = MAX_NODES

    # --- names ------------------------------------------------------------------------

    def tampil(self, path: Path) -> str:
        """``path`` as diagnostics show it (relative to the working folder)."""
        return display_path(path, self.base)

    def relatif(self, path: Path) -> str:
        """``path`` relative to the dinas folder, POSIX; the key of the trace."""
        try:
            return path.relative_to(self.folder).as_posix()
        except ValueError:
            return path.as_posix()

    # --- containment --------------------------------------------------------------------

    def nyata_di_dalam(self, path: Path) -> Path:
        """The real path of ``path``; :class:`Ditolak` when it does not exist, loops, or
        resolves (through a symlink or ``..``) to a place outside the dinas folder."""
        try:
            real = path.resolve(strict=True)
        except FileNotFoundError:
            raise Ditolak("F001", _("berkas atau folder tidak ada")) from None
        except (OSError, RuntimeError) as exc:
            loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
            reason = (
                _("tautan simbolik berputar")
                if loop
                else (getattr(exc, "strerror", None) or str(exc))
            )
            raise Ditolak(
                "F002", _("berkas tidak dapat dibaca: {reason}").format(reason=reason)
            ) from None
        if real != self.nyata and not real.is_relative_to(self.nyata):
            raise Ditolak(
                "F007",
                _(
                    "menunjuk ke luar folder dinas ({tujuan}); sakipgen hanya membaca berkas "
                    "di dalam folder dinas"
                ).format(tujuan=real),
            )
        return real

    def jalur_dinas(self, nama: str) -> Path:
        """A path written in the folder's data (``kop.logo``), relative to the folder;
        :class:`Ditolak` when it is absolute or leaves the folder."""
        p = Path(nama)
        if p.is_absolute() or p.drive or nama.startswith(("/", "\\")):
            raise Ditolak(
                "F007",
                _("jalur mutlak tidak boleh; tulis jalur relatif terhadap folder dinas"),
            )
        if ".." in p.parts:
            raise Ditolak(
                "F007", _("'..' tidak boleh; berkasnya harus berada di dalam folder dinas")
            )
        return self.folder / p

    # --- folders --------------------------------------------------------------------------

    def adalah_folder(self, path: Path, diags: list[Diagnostic]) -> bool:
        """Whether ``path`` is a folder inside the dinas folder; a symlink leading outside
        is reported (F007) and counts as no folder."""
        key = self.relatif(path)
        if not (path.exists() or path.is_symlink()):
            self.jejak.jenis[key] = "-"
            return False
        try:
            real = self.nyata_di_dalam(path)
        except Ditolak as exc:
            self.jejak.jenis[key] = "!" + exc.code
            diags.append(self._diag(path, exc))
            return False
        found = real.is_dir()
        self.jejak.jenis[key] = "d" if found else "f"
        return found

    def nama_isi(self, folder: Path, diags: list[Diagnostic], pola: str = "semua") -> list[str]:
        """Names in ``folder`` (already known to be inside) that the layout rule ``pola``
        (:data:`POLA`) cares about, sorted; hidden ones are never listed.  Only those
        names are traced, so a ``build/`` folder or an unrelated file appearing does not
        make the documents look changed."""
        key = self.relatif(folder)
        pilih = POLA.get(pola, POLA["semua"])
        self.jejak.pola[key] = pola
        try:
            with os.scandir(folder) as it:
                names = sorted(e.name for e in it if not e.name.startswith(".") and pilih(e.name))
        except OSError as exc:
            self.jejak.folder[key] = ["!F002"]
            diags.append(
                Diagnostic.make(
                    Location(self.tampil(folder)),
                    "F002",
                    _("folder tidak dapat dibaca: {exc}").format(exc=exc.strerror or exc),
                )
            )
            return []
        self.jejak.folder[key] = names
        return names

    def telusuri(self, folder: Path, akhiran: str, diags: list[Diagnostic]) -> list[Path]:
        """Files ending in ``akhiran`` anywhere below ``folder``, in a stable order.
        Symlinked folders inside the dinas folder are followed once (no loops); those
        leading outside are reported."""
        found: list[Path] = []
        seen: set[Path] = set()

        def walk(d: Path) -> None:
            real = d.resolve()
            if real in seen:
                return
            seen.add(real)
            for name in self.nama_isi(d, diags):
                p = d / name
                if name.endswith(akhiran):
                    found.append(p)
                elif self._folder_diam(p) and self.adalah_folder(p, diags):
                    walk(p)

        if self.adalah_folder(folder, diags):
            walk(folder)
        return found

    @staticmethod
    def _folder_diam(p: Path) -> bool:
        """Whether ``p`` may be a folder (or a symlink to one), without following it."""
        try:
            st = p.lstat()
        except OSError:
            return False
        return stat.S_ISDIR(st.st_mode) or stat.S_ISLNK(st.st_mode)

    # --- files ------------------------------------------------------------------------------

    def baca(self, path: Path, diags: list[Diagnostic], *, batas: int = MAX_BYTES) -> bytes | None:
        """The bytes of a regular file inside the folder, at most ``batas`` of them; on any
        problem a diagnostic at the file's first line and None."""
        key = self.relatif(path)
        try:
            data = self._ambil(path, batas)
        except Ditolak as exc:
            self.jejak.berkas[key] = "!" + exc.code
            if batas != MAX_BYTES:
                self.jejak.batas[key] = batas
            diags.append(self._diag(path, exc))
            return None
        self.jejak.berkas[key] = hashlib.sha256(data).hexdigest()
        if batas != MAX_BYTES:
            self.jejak.batas[key] = batas
        return data

    def _ambil(self, path: Path, batas: int) -> bytes:
        real = self.nyata_di_dalam(path)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        try:
            # Opened without blocking, so a named pipe cannot hang the open itself; its
            # kind is then checked on the descriptor (no window for a swap in between).
            fd = os.open(real, flags)
        except OSError as exc:
            raise Ditolak(
                "F002", _("berkas tidak dapat dibaca: {reason}").format(reason=exc.strerror or exc)
            ) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise Ditolak("F002", _("bukan berkas biasa (folder, pipa atau perangkat)"))
            if st.st_size > batas:
                raise Ditolak(
                    "F003",
                    _(
                        "berkas {ukuran} byte melebihi batas {batas} byte; "
                        "pecah datanya menjadi beberapa berkas"
                    ).format(ukuran=ribuan(st.st_size), batas=ribuan(batas)),
                )
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(batas + 1)
        except OSError as exc:
            raise Ditolak(
                "F002", _("berkas tidak dapat dibaca: {reason}").format(reason=exc.strerror or exc)
            ) from None
        finally:
            os.close(fd)
        if len(data) > batas:  # grew while being read
            raise Ditolak(
                "F003",
                _("berkas melebihi batas {batas} byte").format(batas=ribuan(batas)),
            )
        return data

    def _diag(self, path: Path, exc: Ditolak) -> Diagnostic:
        # Whole-file problems point at the first line, as compilers do.
        return Diagnostic.make(Location(self.tampil(path), 1, 1), exc.code, exc.message)


def jejak_sama(folder: Path, lama: Jejak) -> bool:
    """Whether reading ``folder`` again the same way gives the same trace: every folder
    listed has the same names, every file read the same bytes (or the same refusal).
    Used by the incremental build before anything is parsed."""
    akses = Akses(folder)
    sink: list[Diagnostic] = []
    for key, names in lama.folder.items():
        akses.nama_isi(folder / key, sink, lama.pola.get(key, "semua"))
        if akses.jejak.folder.get(key) != names:
            return False
    for key, kind in lama.jenis.items():
        akses.adalah_folder(folder / key, sink)
        if akses.jejak.jenis.get(key) != kind:
            return False
    for key, digest in lama.berkas.items():
        batas = lama.batas.get(key, MAX_BYTES)
        akses.baca(folder / key, sink, batas=batas)
        if akses.jejak.berkas.get(key) != digest:
            return False
    return True
