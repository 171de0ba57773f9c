"""sakipgen's own cache, outside every dinas folder.

Nothing a dinas folder contains is trusted as a cache (a committed ``build/`` folder
could carry anything), so what sakipgen keeps between runs — the incremental-build
manifests and the compiled built-in templates — lives in the user's cache folder:
``$SAKIPGEN_CACHE``, else ``$XDG_CACHE_HOME/sakipgen``, else ``~/.cache/sakipgen``.
Every entry carries the sha256 of its content and is verified when read: a truncated
or altered entry is treated as absent, never used.  When no cache folder can be made
(read-only home), sakipgen works the same, only without the speed-up.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path

_TANDA = b"sakipgen-cache-1\n"
MAX_ENTRI = 20_000
"""Entries kept per kind (charts, manifests); past it the oldest fifth is removed, so a CI
runner that builds for years does not fill its disk."""
_DIPANGKAS: set[str] = set()


@functools.cache
def _folder_cache(env: str | None, xdg: str | None, home: str) -> Path | None:
    root = Path(env) if env else (Path(xdg) if xdg else Path(home) / ".cache") / "sakipgen"
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return root if os.access(root, os.W_OK) else None


def folder_cache() -> Path | None:
    """The cache folder, made if needed; None when there is none to use."""
    return _folder_cache(
        os.environ.get("SAKIPGEN_CACHE") or None,
        os.environ.get("XDG_CACHE_HOME") or None,
        str(Path.home()),
    )


def kunci(*bagian: object) -> str:
    """A file name for an entry: the sha256 of what it is made from."""
    return hashlib.sha256(repr(bagian).encode("utf-8", "surrogatepass")).hexdigest()


def baca(jenis: str, nama: str) -> bytes | None:
    """The content of an entry, or None when absent or not intact."""
    root = folder_cache()
    if root is None:
        return None
    try:
        raw = (root / jenis / nama).read_bytes()
    except OSError:
        return None
    head, sep, rest = raw.partition(b"\n")
    if not sep or len(head) != 64 + len(_TANDA) - 1 or not head.startswith(_TANDA[:-1]):
        return None
    digest = head[len(_TANDA) - 1 :].decode("ascii", "replace")
    return rest if hashlib.sha256(rest).hexdigest() == digest else None


def tulis(jenis: str, nama: str, data: bytes) -> None:
    """Store an entry; a cache that cannot be written only costs speed."""
    from sakipgen.write import tulis_atomik

    root = folder_cache()
    if root is None:
        return
    head = _TANDA[:-1] + hashlib.sha256(data).hexdigest().encode("ascii") + b"\n"
    with contextlib.suppress(OSError):
        tulis_atomik(root / jenis / nama, head + data)
    if jenis not in _DIPANGKAS:  # once per kind and process: listing costs a little
        _DIPANGKAS.add(jenis)
        _pangkas(root / jenis)


def _pangkas(folder: Path, batas: int | None = None) -> None:
    """Remove the least recently written entries when there are more than ``batas``."""
    batas = MAX_ENTRI if batas is None else batas
    try:
        with os.scandir(folder) as it:
            entries = [(e.stat().st_mtime_ns, e.path) for e in it if e.is_file()]
    except OSError:
        return
    if len(entries) <= batas:
        return
    entries.sort()
    for _mtime, path in entries[: len(entries) - batas * 4 // 5]:
        with contextlib.suppress(OSError):
            os.unlink(path)
