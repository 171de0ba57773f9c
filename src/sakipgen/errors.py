"""The errors sakipgen raises, all under one base with the exit code each ends in.

Two families:

* :class:`TemuanData` — a problem in the dinas's data with a diagnostic code
  (``C001``, ``F007``, ``D001``, ...).  Raised deep inside a stage (a capaian that
  cannot be computed, a path that may not be read, a document that lacks data) and
  caught by the stage that knows the location, which turns it into a
  ``file:line:col: CODE message`` diagnostic.  Should one ever reach the CLI, it
  still ends as a finding (exit 1), never as an internal error.
* the others — what stops a command before or outside the data: a git revision that
  cannot be read, a folder that cannot be written, LibreOffice missing.  The CLI
  prints the message and exits with ``kode_keluar`` (2).

Messages are in the active language.  ``cli.aplikasi`` is the one place where an
error becomes an exit code.
"""

from __future__ import annotations


class SakipgenError(Exception):
    """A problem for the user to fix, not a bug: printed without a traceback."""

    kode_keluar: int = 2
    """0 clean, 1 findings, 2 usage (the default for these errors)."""


class TemuanData(SakipgenError):
    """A problem in the data; ``code`` and ``message`` make its diagnostic (the same
    names as :class:`~sakipgen.diagnostics.Diagnostic`'s)."""

    kode_keluar = 1

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class RevisiError(SakipgenError):
    """A revision cannot be read: not a git repository, an unknown revision, no such
    folder at that revision, or git missing."""


class GalatPemakaian(SakipgenError):
    """The command cannot do what was asked: an unknown year, an ``--out`` that cannot
    be written, two dinas whose documents would overwrite each other."""


class AdaTemuan(SakipgenError):
    """The data has errors the command cannot work past (they were printed already)."""

    kode_keluar = 1
