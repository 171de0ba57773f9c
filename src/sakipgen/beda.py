"""``sakipgen diff``: what changed in a dinas's plan data between two git revisions.

The dinas folder may be anywhere inside a git repository.  The files of an older
revision that the loader reads are streamed with ``git ls-tree`` and ``git cat-file``
into a temporary folder (never touching the working tree or the index; anything else,
a video or a ``build/`` folder, costs an empty file), loaded with the same loader and
checks as ``sakipgen check``, and the two *models* are compared — not the YAML text,
so reformatting, comments and key order are not changes, and ``32`` against
``32.0`` is the same target.

Every change is one :class:`Perubahan`.  The JSON shape (README "sakipgen diff")::

    {"dinas": "examples/blora",
     "lama": {"revisi": "HEAD~1", "commit": "<40 hex>"},
     "baru": {"revisi": null, "commit": null},          # null: the working tree
     "perubahan": [{"jenis": "target", "tahun": 2021, "dokumen": "pk",
                    "lokasi": "2021/target.yaml", "id": "IK1.1",
                    "uraian": "Persentase koperasi sehat", "lama": "32", "baru": "35"}]}

``lama``/``baru`` are strings (a target or realisasi as written, a rupiah amount as
its digits, a capaian as its exact decimal), ``null`` where the item does not exist
on that side.  The same code gives the PK Perubahan its "target semula" from git
history (``dokumen.yaml`` ``pk_perubahan.revisi_pk``, see :func:`semula_revisi`).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import subprocess
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

from sakipgen import sinyal
from sakipgen.calc.anggaran import pagu, realisasi
from sakipgen.diagnostics import Diagnostic
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import Nilai
from sakipgen.model.tahun import TargetDokumen, TargetIndikator

Nilainya = Nilai | int | Decimal | str | None
"""A compared value: a target or realisasi, a rupiah amount, a capaian, or a text."""


class RevisiError(Exception):
    """A revision cannot be read: not a git repository, an unknown revision, no such
    folder at that revision, or git missing.  The message is for the user (in the active
    language)."""


# --- reading a revision ------------------------------------------------------------------


@dataclass(frozen=True)
class Repo:
    """The git repository holding a dinas folder, and the folder's path inside it."""

    root: Path
    prefix: str
    """The dinas folder relative to the repository root, POSIX, ``""`` at the root."""


_GIT_AMAN = (
    # Read-only plumbing (rev-parse, ls-tree, cat-file) runs no hook and no fsmonitor
    # today; pinned anyway, for the case of a folder that brings its own .git. No
    # transport either: a partial clone's missing object is an error, never a fetch that
    # would run the configured ssh command or credential helper.
    "-c",
    "core.fsmonitor=false",
    "-c",
    f"core.hooksPath={os.devnull}",
    "-c",
    "protocol.allow=never",
)
WAKTU_GIT = 300.0
"""Seconds any one git command may take."""
_POTONGAN = 64 * 1024
"""Bytes copied at a time from ``git cat-file`` to a file."""
_MAX_TAUTAN = 4096
"""Longest symlink target recreated (PATH_MAX); a longer one cannot be made anyway."""


def _perintah(cwd: Path, *args: str) -> list[str]:
    return ["git", *_GIT_AMAN, "-C", str(cwd), *args]


def _env() -> dict[str, str]:
    return {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1"}


def _git(cwd: Path, *args: str) -> bytes:
    try:
        proc = subprocess.run(
            _perintah(cwd, *args),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=_env(),
            check=False,
            timeout=WAKTU_GIT,
        )
    except FileNotFoundError as exc:
        raise RevisiError(_("git tidak terpasang (perintah 'git' tidak ditemukan)")) from exc
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RevisiError(_("git tidak dapat dijalankan: {exc}").format(exc=exc)) from exc
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisiError(
            message[-1] if message else _("git {perintah} gagal").format(perintah=args[0])
        )
    return proc.stdout


def repo_untuk(folder: Path) -> Repo:
    """The repository of ``folder``; :class:`RevisiError` when it is not in one."""
    if not folder.is_dir():
        raise RevisiError(_("folder '{folder}' tidak ditemukan").format(folder=folder))
    try:
        root = _git(folder, "rev-parse", "--show-toplevel").decode("utf-8").strip()
        prefix = _git(folder, "rev-parse", "--show-prefix").decode("utf-8").strip()
    except (RevisiError, UnicodeDecodeError) as exc:
        raise RevisiError(
            _(
                "'{folder}' tidak berada di dalam repositori git ({exc}); 'diff' dan 'revisi_pk' "
                "membandingkan revisi git, jadi simpan folder dinas di repositori git"
            ).format(folder=folder, exc=exc)
        ) from exc
    return Repo(Path(root), prefix.rstrip("/"))


def commit(repo: Repo, revisi: str) -> str:
    """The full commit id a revision names (a commit id, tag, branch, ``HEAD~1`` …)."""
    if not revisi.strip():
        raise RevisiError(_("revisi kosong"))
    try:
        out = _git(
            repo.root,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{revisi}^{{commit}}",
        )
    except RevisiError as exc:
        raise RevisiError(
            _(
                "revisi '{revisi}' tidak dikenal di repositori {root} "
                "(contoh revisi: HEAD~1, main, v2021, atau id commit)"
            ).format(revisi=revisi, root=repo.root)
        ) from exc
    return out.decode("ascii").strip()


@dataclass(frozen=True)
class _Blob:
    """One file of the dinas folder at a revision, as ``git ls-tree -l`` lists it."""

    mode: str
    oid: str
    ukuran: int
    bagian: tuple[str, ...]
    """Its path relative to the dinas folder, one folder name at a time."""

    @property
    def nama(self) -> str:
        return "/".join(self.bagian)


def _bagian_aman(bagian: list[str]) -> bool:
    """Whether a path from a tree object stays inside the folder it is written to (a
    hand-made tree may hold ``..``, or a ``\\`` or drive that Windows would honour)."""
    if not bagian:
        return False
    for p in bagian:
        if p in ("", ".", "..") or "\0" in p:
            return False
        if os.sep in p or (os.altsep and os.altsep in p) or (os.name == "nt" and ":" in p):
            return False
    return True


def _daftar(repo: Repo, sha: str, revisi: str) -> list[_Blob]:
    """Every blob of the dinas folder at ``sha``, with its size (nothing is read yet)."""
    spec = ["--", f":(literal){repo.prefix}"] if repo.prefix else []
    listing = _git(repo.root, "ls-tree", "-r", "-l", "-z", "--full-tree", sha, *spec)
    awal = tuple(PurePosixPath(repo.prefix).parts) if repo.prefix else ()
    blobs: list[_Blob] = []
    for entry in listing.split(b"\0"):
        head, _tab, raw_name = entry.partition(b"\t")
        fields = head.decode("ascii", "replace").split()
        # "<mode> <type> <id> <size>"; a submodule is a "commit" of size "-".
        if len(fields) != 4 or fields[1] != "blob":
            continue
        parts = raw_name.decode("utf-8", "surrogateescape").split("/")
        if tuple(parts[: len(awal)]) != awal or not _bagian_aman(parts[len(awal) :]):
            continue
        if not fields[3].isdigit():  # "BAD": the object is missing (a partial clone)
            raise RevisiError(
                _("isi revisi '{revisi}' tidak lengkap di repositori ({name})").format(
                    revisi=revisi, name="/".join(parts)
                )
            )
        blobs.append(_Blob(fields[0], fields[2], int(fields[3]), tuple(parts[len(awal) :])))
    if not blobs:
        raise RevisiError(
            _("folder '{folder}' tidak ada pada revisi '{revisi}'").format(
                folder=repo.prefix or ".", revisi=revisi
            )
        )
    return blobs


class _CatFile:
    """One ``git cat-file --batch`` for a whole extraction, asked for one object at a
    time and copied to disk in pieces: memory stays at one piece whatever the sizes."""

    def __init__(self, root: Path, revisi: str) -> None:
        self.root = root
        self.revisi = revisi
        self.habis = False
        self.proc: subprocess.Popen[bytes] | None = None
        self.timer: threading.Timer | None = None

    def __enter__(self) -> _CatFile:
        try:
            with sinyal.tunda():  # started and recorded as one step
                self.proc = subprocess.Popen(
                    _perintah(self.root, "cat-file", "--batch"),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=_env(),
                )
        except FileNotFoundError as exc:
            raise RevisiError(_("git tidak terpasang (perintah 'git' tidak ditemukan)")) from exc
        except OSError as exc:
            raise RevisiError(_("git tidak dapat dijalankan: {exc}").format(exc=exc)) from exc
        # The same limit as every other git command: a hung git is killed, and the
        # reads below then end.
        self.timer = threading.Timer(WAKTU_GIT, self._waktu_habis)
        self.timer.daemon = True
        self.timer.start()
        return self

    def _waktu_habis(self) -> None:
        self.habis = True
        if self.proc is not None:
            with contextlib.suppress(OSError):
                self.proc.kill()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with sinyal.tunda():
            if self.timer is not None:
                self.timer.cancel()
            proc = self.proc
            if proc is None:
                return
            assert proc.stdin is not None and proc.stdout is not None
            with contextlib.suppress(OSError):
                proc.stdin.close()  # git exits at the end of its input
            if kind is not None:
                proc.kill()  # possibly in the middle of an object: do not wait for it
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            proc.stdout.close()

    def _gagal(self, blob: _Blob) -> RevisiError:
        if self.habis:
            timeout = subprocess.TimeoutExpired(["git", "cat-file", "--batch"], WAKTU_GIT)
            return RevisiError(_("git tidak dapat dijalankan: {exc}").format(exc=timeout))
        # "<id> missing": a partial or broken clone (nothing is ever fetched).
        return RevisiError(
            _("isi revisi '{revisi}' tidak lengkap di repositori ({name})").format(
                revisi=self.revisi, name=blob.nama
            )
        )

    def salin(self, blob: _Blob, tulis: Callable[[bytes], object]) -> None:
        """Pass the content of ``blob`` to ``tulis``, one piece at a time."""
        proc = self.proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(f"{blob.oid}\n".encode("ascii"))
            proc.stdin.flush()  # without --buffer, git answers each line at once
            header = proc.stdout.readline(200).split()
            if len(header) != 3 or header[1] != b"blob" or header[2] != str(blob.ukuran).encode():
                raise self._gagal(blob)
            sisa = blob.ukuran
            while sisa:
                piece = proc.stdout.read(min(sisa, _POTONGAN))
                if not piece:
                    raise self._gagal(blob)
                tulis(piece)
                sisa -= len(piece)
            if proc.stdout.read(1) != b"\n":
                raise self._gagal(blob)
        except (BrokenPipeError, ValueError) as exc:  # git exited; a closed pipe
            raise self._gagal(blob) from exc

    def isi(self, blob: _Blob) -> bytes:
        """The content of a small blob (a symlink target)."""
        out = bytearray()
        self.salin(blob, out.extend)
        return bytes(out)


_O_BARU = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL  # never an existing file, nor a symlink's target
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _buat_folder(dasar: Path, bagian: tuple[str, ...]) -> Path | None:
    """``dasar/bagian…`` as real folders, made one level at a time; None when one level
    exists and is not a real folder (a file, or a symlink — never gone through)."""
    path = dasar
    for name in bagian:
        path = path / name
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
        try:
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                return None
        except OSError:
            return None
    return path


def _buat_berkas(dinas: Path, bagian: tuple[str, ...]) -> str | None:
    """An empty file at ``dinas/bagian…``; its path, or None when it cannot be made."""
    folder = _buat_folder(dinas, bagian[:-1])
    if folder is None:
        return None
    path = folder / bagian[-1]
    try:
        os.close(os.open(path, _O_BARU, 0o600))
    except (OSError, ValueError):  # a duplicate entry of a hand-made tree; a bad name
        return None
    return str(path)


def _buat_tautan(dinas: Path, bagian: tuple[str, ...], tujuan: bytes) -> None:
    """The symlink as it is at the revision; where it leads is the loader's business
    (a target outside the dinas folder is reported, not read)."""
    folder = _buat_folder(dinas, bagian[:-1])
    if folder is None:
        return
    with contextlib.suppress(OSError, ValueError):  # exists already; no symlinks (Windows)
        os.symlink(os.fsdecode(tujuan), folder / bagian[-1])


def _di_dalam(path: Path | str, dinas: str) -> str | None:
    """The real path of ``path`` when it lies inside ``dinas`` (a real path)."""
    real = os.path.realpath(path)
    return real if real == dinas or real.startswith(dinas + os.sep) else None


_TAHUN = re.compile(r"^\d{4}$")
"""A year folder's name, as the loader matches it (``sakipgen.load.akses.TAHUN``)."""


def _yaml(name: str) -> bool:
    return name.lower().endswith((".yaml", ".yml"))


def _yang_dibaca(dinas: str, batas_teks: int) -> dict[str, int]:
    """The files the loader reads (the layout of ``sakipgen.load``: ``*.yaml`` at the
    top and in year folders, ``<tahun>/tabel/*.yaml``, ``narasi/**/*.md`` at both
    levels, ``templates/docx/*`` and ``templates/reference.docx``), as real paths with
    the size limit it reads them with. Found on the extracted tree, so a symlinked year
    or narasi folder leads to the files it names; a generous superset is harmless."""
    from sakipgen.load.templat import MAX_REFERENCE

    out: dict[str, int] = {}
    seen: set[tuple[str, str]] = set()

    def berkas(path: str, batas: int) -> None:
        real = _di_dalam(path, dinas)
        if real is not None and os.path.isfile(real):
            out[real] = max(out.get(real, 0), batas)

    # A stack, not recursion: a tree may nest narasi folders deeper than Python recurses.
    stack: list[tuple[str, str]] = [(dinas, "akar")]
    while stack:
        path, jenis = stack.pop()
        real = _di_dalam(path, dinas)
        if real is None or (real, jenis) in seen or not os.path.isdir(real):
            continue
        seen.add((real, jenis))
        try:
            names = sorted(n for n in os.listdir(real) if not n.startswith("."))
        except OSError:
            continue
        for name in names:
            p = os.path.join(real, name)
            if jenis == "akar":
                if _TAHUN.match(name):
                    stack.append((p, "tahun"))
                elif name in ("narasi", "templates"):
                    stack.append((p, name))
            elif jenis == "tahun" and name in ("narasi", "tabel"):
                stack.append((p, name))
            elif jenis == "templates":
                if name == "docx":
                    stack.append((p, "docx"))
                elif name == "reference.docx":
                    berkas(p, MAX_REFERENCE)
            elif jenis == "narasi" and not name.lower().endswith(".md"):
                stack.append((p, "narasi"))
            teks = name.lower().endswith(".md") if jenis == "narasi" else _yaml(name)
            if jenis == "docx" or (teks and jenis in ("akar", "tahun", "tabel", "narasi")):
                berkas(p, batas_teks)
    return out


def _logo(dinas: str, semua: list[tuple[str, ...]], teks: bytes) -> list[str]:
    """Candidates for ``kop.logo``: every entry whose name appears in sakip.yaml. (Parsing
    sakip.yaml here would take the loader's limits with it; the name is enough.)"""
    out: list[str] = []
    for bagian in semua:
        if bagian[-1].encode("utf-8", "surrogateescape") in teks:
            real = _di_dalam(os.path.join(dinas, *bagian), dinas)
            if real is not None and os.path.isfile(real):
                out.append(real)
    return out


def _isi_berkas(cat: _CatFile, blob: _Blob, path: str, batas: int) -> None:
    """Fill the empty file at ``path`` (made by :func:`_buat_berkas`) with ``blob``. A
    blob over ``batas`` is not read: the file gets its size, sparsely, so the loader
    reports it as too large the way it does on the working tree."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    try:
        if blob.ukuran > batas:
            try:
                os.ftruncate(fd, blob.ukuran)
            except (OSError, OverflowError):  # more than the file system allows
                os.ftruncate(fd, batas + 1)  # still too large, with a smaller size
            return
        with os.fdopen(fd, "wb", closefd=False) as fh:
            cat.salin(blob, fh.write)
    finally:
        os.close(fd)


def _ekstrak(repo: Repo, sha: str, revisi: str, tujuan: Path) -> None:
    """Recreate the dinas folder at commit ``sha`` below ``tujuan`` (a real path; same
    relative paths as in the repository), reading only what the loader reads.

    Every folder and file is made, so listings, "is it there" checks and the unknown-file
    warnings are those of the working tree; but only the files the loader reads get their
    content, streamed from one ``git cat-file --batch``, and one over the loader's size
    limit only gets its size. A video, an image or a ``build/`` folder costs an empty file.
    Symlinks are made last, so no file or folder is ever created through one."""
    from sakipgen.load.akses import MAX_BYTES
    from sakipgen.load.templat import MAX_LOGO

    blobs = _daftar(repo, sha, revisi)
    dinas_path = tujuan.joinpath(*PurePosixPath(repo.prefix).parts)
    dinas_path.mkdir(parents=True, exist_ok=True)
    dinas = os.path.realpath(dinas_path)
    berkas: dict[str, _Blob] = {}
    with _CatFile(repo.root, revisi) as cat:
        for b in blobs:
            if b.mode != "120000":
                path = _buat_berkas(dinas_path, b.bagian)
                if path is not None:
                    berkas[os.path.realpath(path)] = b
        for b in blobs:
            if b.mode == "120000" and b.ukuran <= _MAX_TAUTAN:
                _buat_tautan(dinas_path, b.bagian, cat.isi(b))
        dibaca = _yang_dibaca(dinas, MAX_BYTES)
        for path, batas in sorted(dibaca.items()):
            if path in berkas:
                _isi_berkas(cat, berkas[path], path, batas)
        sakip = _di_dalam(os.path.join(dinas, "sakip.yaml"), dinas)
        if sakip is not None and sakip in dibaca and os.path.isfile(sakip):
            with open(sakip, "rb") as fh:
                teks = fh.read(MAX_BYTES + 1)
            for path in _logo(dinas, [b.bagian for b in blobs], teks):
                if path in berkas and path not in dibaca:
                    _isi_berkas(cat, berkas[path], path, MAX_LOGO)


@dataclass
class DataRevisi:
    """A dinas as it was at one revision (or as it is in the working tree)."""

    revisi: str | None
    """As the user named it; None for the working tree."""
    commit: str | None
    dinas: Dinas | None
    diagnostics: list[Diagnostic]


def muat_revisi(folder: Path, revisi: str) -> DataRevisi:
    """Load the dinas folder as it was at ``revisi``, with every ``check`` diagnostic.
    Diagnostics name their files as ``REVISI:path/in/repo``, the way git does. SIGTERM or
    SIGHUP meanwhile: git stopped and the temporary folder removed before sakipgen ends
    (:mod:`sakipgen.sinyal`)."""
    from sakipgen.checks import periksa

    with sinyal.dijaga():
        repo = repo_untuk(folder)
        sha = commit(repo, revisi)
        try:
            with sinyal.folder_sementara("sakipgen-revisi-") as base:
                _ekstrak(repo, sha, revisi, base)
                dinas, diags = periksa(base.joinpath(*PurePosixPath(repo.prefix).parts), base)
        except OSError as exc:  # no temporary folder, a full disk
            raise RevisiError(
                _("revisi '{revisi}' tidak dapat disalin ke folder sementara: {sebab}").format(
                    revisi=revisi, sebab=exc.strerror or exc
                )
            ) from exc
    shown = [
        replace(d, location=replace(d.location, file=f"{revisi}:{d.location.file}")) for d in diags
    ]
    return DataRevisi(revisi, sha, dinas, shown)


def muat_kerja(folder: Path) -> DataRevisi:
    """The working tree: the folder as it is on disk."""
    from sakipgen.checks import periksa

    dinas, diags = periksa(folder)
    return DataRevisi(None, None, dinas, diags)


# --- comparing two models -----------------------------------------------------------------


@dataclass(frozen=True)
class Perubahan:
    """One change.  ``jenis`` (stable names, README "sakipgen diff"):

    ``sasaran_ditambah``, ``sasaran_dihapus``, ``sasaran_uraian``; ``indikator_ditambah``,
    ``indikator_dihapus``, ``indikator_uraian``, ``indikator_satuan``,
    ``indikator_polaritas``, ``indikator_sasaran`` (moved to another sasaran);
    ``target_renstra`` (a Renstra year target), ``target_akhir``; ``target`` and
    ``target_semula`` (``dokumen`` rkt, pk or pk_perubahan); ``realisasi``,
    ``capaian_manual``; ``program_ditambah``, ``program_dihapus``, ``program_uraian``,
    ``pagu_program`` (``dokumen`` anggaran, or the PK/RKT's own pagu), ``realisasi_program``,
    ``pagu_total``, ``realisasi_total``.
    """

    jenis: str
    tahun: int | None
    dokumen: str | None
    lokasi: str
    """The file, relative to the dinas folder: ``renstra.yaml``, ``2021/target.yaml``."""
    id: str
    uraian: str
    lama: Nilainya
    baru: Nilainya

    def as_dict(self) -> dict[str, Any]:
        return {
            "jenis": self.jenis,
            "tahun": self.tahun,
            "dokumen": self.dokumen,
            "lokasi": self.lokasi,
            "id": self.id,
            "uraian": self.uraian,
            "lama": teks_json(self.lama),
            "baru": teks_json(self.baru),
        }


def teks_json(value: Nilainya) -> str | None:
    if value is None:
        return None
    if isinstance(value, Nilai):
        return value.teks
    return str(value)


def sama(a: Nilainya, b: Nilainya) -> bool:
    """Equal as data: numbers by value (``32`` and ``32.0``), text ignoring spacing."""
    if a is None or b is None:
        return a is b
    if isinstance(a, Nilai) and isinstance(b, Nilai):
        if a.jenis == "angka" and b.jenis == "angka":
            return a.angka == b.angka and a.satuan.lower() == b.satuan.lower()
        return a.jenis == b.jenis and " ".join(a.teks.split()) == " ".join(b.teks.split())
    if isinstance(a, Nilai) or isinstance(b, Nilai):
        return False
    return a == b


def pasangan_target(
    lama: TargetDokumen | None, baru: TargetDokumen | None, urutan: Sequence[str] = ()
) -> list[tuple[str, TargetIndikator | None, TargetIndikator | None]]:
    """Every indikator of either document with its entry on each side: the Renstra
    order first (``urutan``), then other ids in order of appearance.  ``diff`` reports
    the pairs that differ; the PK Perubahan takes its "target semula" from them."""
    a = lama.indikator if lama else {}
    b = baru.indikator if baru else {}
    ids = [i for i in urutan if i in a or i in b]
    ids += [i for i in [*b, *a] if i not in ids]
    return [(i, a.get(i), b.get(i)) for i in dict.fromkeys(ids)]


def bandingkan(lama: Dinas, baru: Dinas) -> list[Perubahan]:
    """Every change from ``lama`` to ``baru``: Renstra first, then year by year."""
    out: list[Perubahan] = []
    out += _renstra(lama, baru)
    for tahun in sorted(set(lama.tahun) | set(baru.tahun)):
        out += _target(lama, baru, tahun)
        out += _realisasi(lama, baru, tahun)
        out += _anggaran(lama, baru, tahun)
    return out


def _urutan(lama: Dinas, baru: Dinas) -> list[str]:
    """Indikator ids in the new Renstra's order, then those only the old one has."""
    ids = list(baru.indikator)
    return ids + [i for i in lama.indikator if i not in baru.indikator]


def _uraian_indikator(lama: Dinas, baru: Dinas, ident: str) -> str:
    found = baru.indikator.get(ident) or lama.indikator.get(ident)
    return found[1].uraian if found else ""


def _renstra(lama: Dinas, baru: Dinas) -> list[Perubahan]:
    out: list[Perubahan] = []
    loc = "renstra.yaml"

    def add(
        jenis: str, ident: str, uraian: str, a: Nilainya, b: Nilainya, tahun: int | None = None
    ) -> None:
        out.append(Perubahan(jenis, tahun, "renstra", loc, ident, uraian, a, b))

    old_s, new_s = lama.sasaran, baru.sasaran
    for sid, s in new_s.items():
        if sid not in old_s:
            add("sasaran_ditambah", sid, s.uraian, None, s.uraian)
        elif not sama(old_s[sid].uraian, s.uraian):
            add("sasaran_uraian", sid, s.uraian, old_s[sid].uraian, s.uraian)
    for sid, s in old_s.items():
        if sid not in new_s:
            add("sasaran_dihapus", sid, s.uraian, s.uraian, None)

    old_i, new_i = lama.indikator, baru.indikator
    for iid in _urutan(lama, baru):
        if iid not in old_i:
            add("indikator_ditambah", iid, new_i[iid][1].uraian, None, new_i[iid][1].uraian)
            continue
        if iid not in new_i:
            add("indikator_dihapus", iid, old_i[iid][1].uraian, old_i[iid][1].uraian, None)
            continue
        (sa, a), (sb, b) = old_i[iid], new_i[iid]
        if sa.id != sb.id:
            add("indikator_sasaran", iid, b.uraian, sa.id, sb.id)
        for field, jenis in (
            ("uraian", "indikator_uraian"),
            ("satuan", "indikator_satuan"),
            ("polaritas", "indikator_polaritas"),
        ):
            va, vb = getattr(a, field), getattr(b, field)
            if " ".join(va.split()) != " ".join(vb.split()):
                add(jenis, iid, b.uraian, va, vb)

    for iid in _urutan(lama, baru):
        a_ind = old_i[iid][1] if iid in old_i else None
        b_ind = new_i[iid][1] if iid in new_i else None
        uraian = _uraian_indikator(lama, baru, iid)
        ta = a_ind.target if a_ind else {}
        tb = b_ind.target if b_ind else {}
        for y in sorted(set(ta) | set(tb)):
            if not sama(ta.get(y), tb.get(y)):
                add("target_renstra", iid, uraian, ta.get(y), tb.get(y), y)
        aa = a_ind.target_akhir if a_ind else None
        ab = b_ind.target_akhir if b_ind else None
        if not sama(aa, ab):
            add("target_akhir", iid, uraian, aa, ab)
    return out


def _target(lama: Dinas, baru: Dinas, tahun: int) -> list[Perubahan]:
    out: list[Perubahan] = []
    ta, tb = lama.tahun.get(tahun), baru.tahun.get(tahun)
    ma = ta.target.model if ta and ta.target else None
    mb = tb.target.model if tb and tb.target else None
    loc = f"{tahun}/target.yaml"
    order = _urutan(lama, baru)
    for doc in ("rkt", "pk", "pk_perubahan"):
        da: TargetDokumen | None = getattr(ma, doc) if ma else None
        db: TargetDokumen | None = getattr(mb, doc) if mb else None
        for iid, ea, eb in pasangan_target(da, db, order):
            uraian = _uraian_indikator(lama, baru, iid)
            va, vb = (ea.target if ea else None), (eb.target if eb else None)
            if not sama(va, vb):
                out.append(Perubahan("target", tahun, doc, loc, iid, uraian, va, vb))
            sa, sb = (ea.semula if ea else None), (eb.semula if eb else None)
            if not sama(sa, sb):
                out.append(Perubahan("target_semula", tahun, doc, loc, iid, uraian, sa, sb))
        pa = da.program if da else {}
        pb = db.program if db else {}
        for pid in dict.fromkeys([*pb, *pa]):
            if pa.get(pid) != pb.get(pid):
                name = _uraian_program(lama, baru, tahun, pid)
                out.append(
                    Perubahan("pagu_program", tahun, doc, loc, pid, name, pa.get(pid), pb.get(pid))
                )
    return out


def _uraian_program(lama: Dinas, baru: Dinas, tahun: int, pid: str) -> str:
    for d in (baru, lama):
        t = d.tahun.get(tahun)
        for p in t.program() if t else []:
            if p.id == pid:
                return p.uraian
    return ""


def _realisasi(lama: Dinas, baru: Dinas, tahun: int) -> list[Perubahan]:
    out: list[Perubahan] = []
    ta, tb = lama.tahun.get(tahun), baru.tahun.get(tahun)
    ra = ta.realisasi.model.indikator if ta and ta.realisasi else {}
    rb = tb.realisasi.model.indikator if tb and tb.realisasi else {}
    loc = f"{tahun}/realisasi.yaml"
    order = _urutan(lama, baru)
    ids = [i for i in order if i in ra or i in rb]
    ids += [i for i in [*rb, *ra] if i not in ids]
    for iid in dict.fromkeys(ids):
        ea, eb = ra.get(iid), rb.get(iid)
        uraian = _uraian_indikator(lama, baru, iid)
        va, vb = (ea.nilai if ea else None), (eb.nilai if eb else None)
        if not sama(va, vb):
            out.append(Perubahan("realisasi", tahun, "realisasi", loc, iid, uraian, va, vb))
        ca, cb = (ea.capaian if ea else None), (eb.capaian if eb else None)
        if ca != cb:
            out.append(Perubahan("capaian_manual", tahun, "realisasi", loc, iid, uraian, ca, cb))
    return out


def _anggaran(lama: Dinas, baru: Dinas, tahun: int) -> list[Perubahan]:
    out: list[Perubahan] = []
    ta, tb = lama.tahun.get(tahun), baru.tahun.get(tahun)
    aa = ta.anggaran.model if ta and ta.anggaran else None
    ab = tb.anggaran.model if tb and tb.anggaran else None
    if aa is None and ab is None:
        return out
    loc = f"{tahun}/anggaran.yaml"
    pa = {p.id: p for p in aa.program} if aa else {}
    pb = {p.id: p for p in ab.program} if ab else {}

    def add(jenis: str, ident: str, uraian: str, a: Nilainya, b: Nilainya) -> None:
        out.append(Perubahan(jenis, tahun, "anggaran", loc, ident, uraian, a, b))

    for pid, p in pb.items():
        if pid not in pa:
            add("program_ditambah", pid, p.uraian, None, pagu(p))
            continue
        old = pa[pid]
        if " ".join(old.uraian.split()) != " ".join(p.uraian.split()):
            add("program_uraian", pid, p.uraian, old.uraian, p.uraian)
        if pagu(old) != pagu(p):
            add("pagu_program", pid, p.uraian, pagu(old), pagu(p))
        if realisasi(old) != realisasi(p):
            add("realisasi_program", pid, p.uraian, realisasi(old), realisasi(p))
    for pid, p in pa.items():
        if pid not in pb:
            add("program_dihapus", pid, p.uraian, pagu(p), None)
    tot_a = aa.total if aa else None
    tot_b = ab.total if ab else None
    if (tot_a.pagu if tot_a else None) != (tot_b.pagu if tot_b else None):
        add("pagu_total", "total", "", tot_a.pagu if tot_a else None, tot_b.pagu if tot_b else None)
    ra = tot_a.realisasi if tot_a else None
    rb = tot_b.realisasi if tot_b else None
    if ra != rb:
        add("realisasi_total", "total", "", ra, rb)
    return out


# --- PK Perubahan: the "target semula" from git history -----------------------------------


def revisi_sama(folder: Path, luar: dict[str, str]) -> bool:
    """Whether every git revision recorded in a trace (``git:<revisi>`` → commit or
    ``-``) still names the same commit."""
    for key, sha in luar.items():
        if not key.startswith("git:"):
            return False
        try:
            now = commit(repo_untuk(folder), key[4:])
        except RevisiError:
            now = "-"
        if now != sha:
            return False
    return True


def semula_revisi(dinas: Dinas, tahun: int, revisi: str) -> dict[str, Nilai]:
    """The targets the year's PK Perubahan replaces, as they were at ``revisi``: that
    revision's PK Perubahan of the year when it had one (an earlier amendment), else its
    PK.  Keyed by indikator id; only indikator of the current PK Perubahan.  Raises
    :class:`RevisiError` when the revision or its targets cannot be read."""
    key = ("semula_revisi", tahun, revisi)
    if key not in dinas.memo:
        dinas.memo[key] = _semula_revisi(dinas, tahun, revisi)
    found = dinas.memo[key]
    if isinstance(found, RevisiError):
        raise found
    assert isinstance(found, dict)
    return found


def _semula_revisi(dinas: Dinas, tahun: int, revisi: str) -> dict[str, Nilai] | RevisiError:
    try:
        data = muat_revisi(dinas.folder, revisi)
    except RevisiError as exc:
        # Remembered as an input from outside the folder: when the revision appears
        # later (a tag added), the build sees the change and tries again.
        dinas.jejak.luar[f"git:{revisi}"] = "-"
        return exc
    dinas.jejak.luar[f"git:{revisi}"] = data.commit or "-"
    if data.dinas is None:
        first = next((d.text() for d in data.diagnostics), "")
        return RevisiError(
            _("data pada revisi '{revisi}' tidak dapat dimuat: {first}").format(
                revisi=revisi, first=first
            )
        )
    t = data.dinas.tahun.get(tahun)
    model = t.target.model if t and t.target else None
    lama = None
    if model is not None:
        lama = model.pk_perubahan if model.pk_perubahan and model.pk_perubahan.indikator else None
        lama = lama or model.pk
    if lama is None or not lama.indikator:
        return RevisiError(
            _("{tahun}/target.yaml pada revisi '{revisi}' tidak memuat 'pk'").format(
                tahun=tahun, revisi=revisi
            )
        )
    now = dinas.tahun[tahun].target
    baru = now.model.pk_perubahan if now else None
    return {
        iid: ea.target
        for iid, ea, eb in pasangan_target(lama, baru, list(dinas.indikator))
        if ea is not None and eb is not None
    }


# --- text output --------------------------------------------------------------------------

BAGIAN = [
    ("Sasaran dan indikator", ("sasaran_", "indikator_")),
    ("Target", ("target",)),
    ("Realisasi", ("realisasi", "capaian_manual")),
    ("Anggaran", ("program_", "pagu_", "realisasi_program", "realisasi_total")),
]
"""Sections of the text output, by ``jenis`` prefix (first match wins); the titles are
keys, shown through :func:`judul_bagian`."""


def judul_bagian() -> dict[str, str]:
    """Section title → its text in the active language."""
    return {
        "Sasaran dan indikator": _("Sasaran dan indikator"),
        "Target": _("Target"),
        "Realisasi": _("Realisasi"),
        "Anggaran": _("Anggaran"),
        "Lainnya": _("Lainnya"),
    }


def dokumen() -> dict[str, str]:
    """``dokumen`` → its name in the text output (in the active language)."""
    return {
        "renstra": "Renstra",
        "rkt": "RKT",
        "pk": "PK",
        "pk_perubahan": "PK Perubahan",
        "realisasi": _("Realisasi"),
        "anggaran": _("Anggaran"),
    }


def label() -> dict[str, str]:
    """``jenis`` → how the text output names the change (in the active language)."""
    return {
        "sasaran_ditambah": _("sasaran ditambah"),
        "sasaran_dihapus": _("sasaran dihapus"),
        "sasaran_uraian": _("uraian diubah"),
        "indikator_ditambah": _("indikator ditambah"),
        "indikator_dihapus": _("indikator dihapus"),
        "indikator_uraian": _("uraian diubah"),
        "indikator_satuan": _("satuan diubah"),
        "indikator_polaritas": _("polaritas diubah"),
        "indikator_sasaran": _("pindah sasaran"),
        "target_renstra": _("target"),
        "target_akhir": _("target akhir"),
        "target": _("target"),
        "target_semula": _("target semula"),
        "realisasi": _("realisasi"),
        "capaian_manual": _("capaian manual"),
        "program_ditambah": _("program ditambah"),
        "program_dihapus": _("program dihapus"),
        "program_uraian": _("uraian diubah"),
        "pagu_program": _("pagu"),
        "realisasi_program": _("realisasi"),
        "pagu_total": _("pagu total"),
        "realisasi_total": _("realisasi total"),
    }


_RUPIAH = ("program_ditambah", "program_dihapus", "pagu_", "realisasi_program", "realisasi_total")


def _bagian(p: Perubahan) -> str:
    for title, prefixes in BAGIAN:
        if p.jenis.startswith(prefixes):
            return title
    return "Lainnya"


def _tampil(p: Perubahan, value: Nilainya) -> str:
    from sakipgen.format import angka, nilai, rupiah

    if value is None:
        return _("(tidak ada)")
    if isinstance(value, Nilai):
        return nilai(value)
    if isinstance(value, int) and p.jenis.startswith(_RUPIAH):
        return rupiah(value, "")
    if isinstance(value, Decimal):
        return angka(value)
    return str(value)


def render_text(changes: Sequence[Perubahan], judul: str) -> Any:
    """A rich renderable: one table per section, then a one-line summary.

    Every cell and title is a :class:`rich.text.Text` of :func:`~sakipgen.teks.teks_layar`
    text: uraian, ids and values come from the YAML of either revision, and neither
    their control characters nor ``[markup]`` may reach the terminal as commands."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from sakipgen.teks import teks_layar

    def t(value: str, style: str = "") -> Text:
        return Text(teks_layar(value), style=style)

    parts: list[Any] = []
    titles = judul_bagian()
    names = dokumen()
    labels = label()
    lama, baru = _("Lama"), _("Baru")
    for title, _prefixes in [*BAGIAN, ("Lainnya", ())]:
        rows = [p for p in changes if _bagian(p) == title]
        if not rows:
            continue
        cols: list[tuple[str, str, list[str]]] = [
            (_("Tahun"), "right", [str(p.tahun) if p.tahun else "" for p in rows]),
            (_("Dokumen"), "left", [names.get(p.dokumen or "", p.dokumen or "") for p in rows]),
            (_("Perubahan"), "left", [labels.get(p.jenis, p.jenis) for p in rows]),
            (_("Id"), "left", [p.id for p in rows]),
            (_("Uraian"), "left", [p.uraian for p in rows]),
            (lama, "right", [_tampil(p, p.lama) for p in rows]),
            (baru, "right", [_tampil(p, p.baru) for p in rows]),
        ]
        cols = [c for c in cols if any(c[2]) or c[0] in (lama, baru)]
        table = Table(title=t(titles.get(title, title), "italic"), title_justify="left")
        for name, just, _values in cols:
            table.add_column(t(name), justify=just, overflow="fold")  # type: ignore[arg-type]
        for i in range(len(rows)):
            table.add_row(*(t(c[2][i]) for c in cols))
        parts.append(table)
    summary = (
        _("{jumlah} perubahan {judul}").format(jumlah=len(changes), judul=judul)
        if changes
        else _("Tidak ada perubahan {judul}").format(judul=judul)
    )
    parts.append(t(summary, "bold"))
    return Group(*parts)


def label_revisi(data: DataRevisi) -> str:
    """The revision as the user named it, with its commit; cleaned for the terminal
    (a branch or tag name may hold any character git allows)."""
    from sakipgen.teks import teks_layar

    if data.revisi is None:
        return _("working tree")
    return teks_layar(f"{data.revisi} ({(data.commit or '')[:10]})")


def to_json(
    folder: str, lama: DataRevisi, baru: DataRevisi, changes: Sequence[Perubahan]
) -> dict[str, Any]:
    return {
        "dinas": folder,
        "lama": {"revisi": lama.revisi, "commit": lama.commit},
        "baru": {"revisi": baru.revisi, "commit": baru.commit},
        "perubahan": [p.as_dict() for p in changes],
    }


def kesalahan(data: Sequence[DataRevisi]) -> list[Diagnostic]:
    """The errors (not warnings) of either side; any makes ``diff`` exit 1."""
    from sakipgen.diagnostics import Severity

    return [x for d in data for x in d.diagnostics if x.severity is Severity.ERROR]
