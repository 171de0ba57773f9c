"""SIGTERM and SIGHUP as an exception while sakipgen has something to clean up.

Python runs ``finally`` blocks for Ctrl-C (KeyboardInterrupt), but SIGTERM (a CI job
cancelled, ``timeout``, ``kill``) and SIGHUP (the terminal closed) end it at once: a
LibreOffice started in its own session keeps running and a temporary folder stays
behind. Inside :func:`dijaga` these signals raise :class:`Dihentikan`, a
``SystemExit`` with the conventional status 128 + signal number, so every ``finally``
and ``with`` exit runs on the way out and ``except Exception`` does not swallow it.

Only the first signal is raised: a second SIGTERM (or Ctrl-C) while the cleanup is
running is remembered, not raised, so it cannot abort the cleanup half way. Code that
must not be interrupted at all — starting a process and recording its id, stopping
it, creating or removing a folder — runs inside :func:`tunda`: a signal arriving there
is raised when the block ends, once whatever was started is in the hands of a
``finally``. A signal the parent process ignores (``nohup``) stays ignored.

Handlers can only be installed in the main thread; elsewhere both are no-ops.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

_Penangan = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class Dihentikan(SystemExit):
    """SIGTERM or SIGHUP arrived inside :func:`dijaga`; exits with 128 + ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


class _Keadaan:
    """One state for the whole process: guards may nest (the outermost installs the
    handlers), and a signal is raised at most once however deep it arrives."""

    def __init__(self) -> None:
        self.kedalaman = 0
        self.tunda = 0
        self.diterima: int | None = None
        self.dinaikkan = False
        self.lama: dict[int, _Penangan] = {}


_keadaan = _Keadaan()


def _naikkan(signum: int) -> None:
    _keadaan.dinaikkan = True
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Dihentikan(signum)


def _penangan(signum: int, _frame: FrameType | None) -> None:
    k = _keadaan
    if k.diterima is None:
        k.diterima = signum
    if k.dinaikkan or k.tunda:
        return  # already on the way out, or in a block that must finish first
    _naikkan(signum)


def _sinyal_dijaga() -> list[int]:
    names = ("SIGTERM", "SIGHUP")
    found = [getattr(signal, n) for n in names if hasattr(signal, n)]
    return [int(s) for s in found]


@contextlib.contextmanager
def dijaga() -> Iterator[None]:
    """For its duration SIGTERM and SIGHUP raise :class:`Dihentikan` (and a second
    Ctrl-C during cleanup is deferred like them); the previous handlers come back after."""
    k = _keadaan
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if k.kedalaman:
        k.kedalaman += 1
        try:
            yield
        finally:
            k.kedalaman -= 1
        return
    k.kedalaman = 1
    k.diterima, k.dinaikkan, k.lama = None, False, {}
    try:
        with tunda():
            for sig in _sinyal_dijaga():
                old = signal.getsignal(sig)
                if old is signal.SIG_IGN or old is None:
                    # nohup: the caller asked for it to be ignored. None: a handler set
                    # outside Python, which could not be put back afterwards.
                    continue
                k.lama[sig] = old
                signal.signal(sig, _penangan)
            # Ctrl-C keeps raising KeyboardInterrupt; only a second one is deferred.
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                k.lama[signal.SIGINT] = signal.default_int_handler
                signal.signal(signal.SIGINT, _penangan)
        yield
    finally:
        k.tunda += 1  # a signal from here on is only recorded
        for sig, old in k.lama.items():
            signal.signal(sig, old)
        k.lama = {}
        k.kedalaman = 0
        k.tunda -= 1
        pending = k.diterima if not k.dinaikkan else None
        if pending is not None:
            _naikkan(pending)


class tunda:  # lower case: used like the context-manager functions, ``with tunda():``
    """A block a guarded signal does not interrupt: it is raised when the block ends."""

    def __enter__(self) -> None:
        _keadaan.tunda += 1

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        k = _keadaan
        k.tunda = max(k.tunda - 1, 0)
        if k.tunda == 0 and k.kedalaman and k.diterima is not None and not k.dinaikkan:
            _naikkan(k.diterima)


def hapus_folder(nama: str | os.PathLike[str]) -> None:
    """Remove a folder of ours and everything in it, without following symlinks; tries
    again briefly when a process that was just killed still held a file in it."""
    for _ in range(10):
        shutil.rmtree(nama, ignore_errors=True)
        if not os.path.lexists(nama):
            return
        time.sleep(0.2)


@contextlib.contextmanager
def folder_sementara(prefix: str) -> Iterator[Path]:
    """A private temporary folder, removed at the end even on SIGTERM or SIGHUP (inside
    :func:`dijaga`); the path is resolved (``/tmp`` may be a symlink, as on macOS)."""
    nama: str | None = None
    try:
        with tunda():  # created and recorded as one step
            nama = os.path.realpath(tempfile.mkdtemp(prefix=prefix))
        yield Path(nama)
    finally:
        if nama is not None:
            with tunda():
                hapus_folder(nama)
