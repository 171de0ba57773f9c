"""The errors sakipgen reports to the user, with the exit code each ends in.

Data problems are diagnostics (``file:line:col: CODE message``), collected and
reported together; these exceptions are for what stops a command before or outside
the data: a git revision that cannot be read, a folder that cannot be written.  The
message is in the active language; the CLI prints it and exits with ``kode_keluar``.
"""

from __future__ import annotations


class SakipgenError(Exception):
    """A problem for the user to fix, not a bug: printed without a traceback."""

    kode_keluar: int = 2
    """0 clean, 1 findings, 2 usage (the default for these errors)."""


class RevisiError(SakipgenError):
    """A revision cannot be read: not a git repository, an unknown revision, no such
    folder at that revision, or git missing."""


class GalatPemakaian(SakipgenError):
    """The command cannot do what was asked: an unknown year, an ``--out`` that cannot
    be written, two dinas whose documents would overwrite each other."""


class AdaTemuan(SakipgenError):
    """The data has errors the command cannot work past (they were printed already)."""

    kode_keluar = 1
