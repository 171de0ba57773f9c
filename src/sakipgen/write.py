"""Write output files atomically: a failed or interrupted build never leaves a
truncated file and never destroys the last good one."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from sakipgen.i18n import _


def tautan_di_jalur(folder: Path, target: Path) -> str | None:
    """For an output sakipgen places inside a dinas folder by default (``DIR/build/…``):
    why it must not be written, or None.  A dinas folder is untrusted, and a ``build``
    that is a symlink (committed in a pull request) would carry the write anywhere."""
    try:
        rel = target.relative_to(folder)
    except ValueError:
        return None
    cur = folder
    for part in rel.parts[:-1]:
        cur = cur / part
        if cur.is_symlink() or (cur.exists() and not cur.is_dir()):
            return _(
                "'{jalur}' adalah tautan simbolik atau bukan folder; sakipgen tidak menulis "
                "keluaran lewat tautan di folder dinas (hapus atau ganti dengan folder biasa, "
                "atau pakai --out)"
            ).format(jalur=cur)
    return None


def tulis_atomik(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600; a document should be readable like any file the user makes.
        os.chmod(tmp, mode_berkas(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def mode_berkas(path: Path) -> int:
    """The permissions a file written at ``path`` gets: those of the file it replaces,
    else what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777  # keep the permissions of the file replaced
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def ganti_bagian_zip(data: bytes, nama: str, ubah: Callable[[bytes], bytes]) -> bytes:
    """A zip package (.docx, .xlsx) with one part changed by ``ubah``: every entry kept,
    in the same order and with the same stored date, so the result stays deterministic."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info, ubah(body) if info.filename == nama else body)
    return out.getvalue()
