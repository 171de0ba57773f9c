"""Reading a dinas folder as it was at a git revision: all of sakipgen's git plumbing.

Used by ``sakipgen diff`` (both sides loaded and checked) and by a PK Perubahan whose
"target semula" comes from history (``dokumen.yaml`` ``pk_perubahan.revisi_pk``).

The files of a revision are read with ``git ls-tree`` and ``git cat-file`` into a
private temporary folder (never touching the working tree or the index), streamed one
object at a time, and only the files the loader reads are filled in; what is loaded
from there obeys the same rules as any dinas folder (README "Untrusted folders").
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from sakipgen import sinyal
from sakipgen.errors import RevisiError
from sakipgen.i18n import _
from sakipgen.model import susunan
from sakipgen.model.folder import Dinas
from sakipgen.model.nilai import Nilai
from sakipgen.model.tahun import pasangan_target

__all__ = ["Repo", "RevisiError", "commit", "ekstrak", "repo_untuk", "revisi_sama", "semula"]


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


def _yaml(name: str) -> bool:
    # Any case: a superset of what the loader reads (``susunan.yaml``) is harmless here.
    return susunan.yaml(name.lower())


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
                if susunan.FOLDER_TAHUN.match(name):
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


@contextlib.contextmanager
def ekstrak(folder: Path, revisi: str) -> Iterator[tuple[Path, Path, str]]:
    """The dinas folder as it was at ``revisi``, in a temporary folder for the duration
    of the block: yields (the folder there, the temporary root to show paths against,
    the commit).  SIGTERM or SIGHUP meanwhile: git stopped and the temporary folder
    removed before sakipgen ends (:mod:`sakipgen.sinyal`)."""
    with sinyal.dijaga(), contextlib.ExitStack() as stack:
        repo = repo_untuk(folder)
        sha = commit(repo, revisi)
        try:
            base = stack.enter_context(sinyal.folder_sementara("sakipgen-revisi-"))
            _ekstrak(repo, sha, revisi, base)
        except OSError as exc:  # no temporary folder, a full disk
            raise RevisiError(
                _("revisi '{revisi}' tidak dapat disalin ke folder sementara: {sebab}").format(
                    revisi=revisi, sebab=exc.strerror or exc
                )
            ) from exc
        yield base.joinpath(*PurePosixPath(repo.prefix).parts), base, sha


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


def semula(dinas: Dinas, tahun: int, revisi: str) -> dict[str, Nilai]:
    """The targets the year's PK Perubahan replaces, as they were at ``revisi``: that
    revision's PK Perubahan of the year when it had one (an earlier amendment), else its
    PK.  Keyed by indikator id; only indikator of the current PK Perubahan.  The commit
    the revision named is written into the dinas's trace (``git:<revisi>``, ``-`` when
    it named none), so a build that failed because the revision did not exist is tried
    again once it does.  :class:`RevisiError` when the revision or its targets cannot
    be read."""
    from sakipgen.diagnostics import sorted_unique
    from sakipgen.load import muat_dinas

    try:
        with ekstrak(dinas.folder, revisi) as (folder, base, sha):
            found = muat_dinas(folder, base)
    except RevisiError:
        dinas.jejak.luar[f"git:{revisi}"] = "-"
        raise
    dinas.jejak.luar[f"git:{revisi}"] = sha
    if found.dinas is None:
        diags = sorted_unique(found.diagnostics)
        first = f"{revisi}:{diags[0].text()}" if diags else ""
        raise RevisiError(
            _("data pada revisi '{revisi}' tidak dapat dimuat: {first}").format(
                revisi=revisi, first=first
            )
        )
    t = found.dinas.tahun.get(tahun)
    model = t.target.model if t and t.target else None
    lama = None
    if model is not None:
        lama = model.pk_perubahan if model.ada_pk_perubahan else None
        lama = lama or model.pk
    if lama is None or not lama.indikator:
        raise RevisiError(
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
