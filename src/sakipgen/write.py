"""Write output files atomically: a failed or interrupted build never leaves a
truncated file and never destroys the last good one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def tulis_atomik(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates 0600; a document should be readable like any file the user makes.
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777  # keep the permissions of the file replaced
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
