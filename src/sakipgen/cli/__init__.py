"""The command line: one small module per command (``cli/<command>.py``), each parsing
its options, calling one function of the pipeline or of an output, and handing the
result to a reporter.  :mod:`sakipgen.cli.aplikasi` holds what they share and the one
place where errors become exit codes (0 clean, 1 findings, 2 usage or internal error).
"""

from __future__ import annotations

import os

# sakipgen validates its own models and wants no third-party pydantic plugin observing
# them; without this, the first model class scans every installed distribution's entry
# points, a cost that grows with the environment.  Set before any model is defined.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

# The language is chosen when aplikasi is imported, before the commands (and their
# --help texts) are defined; importing a command module registers it on the app.
from sakipgen.cli import build, check, diff, export, impor, init, schema, show
from sakipgen.cli.aplikasi import app, main

__all__ = [
    "app",
    "build",
    "check",
    "diff",
    "export",
    "impor",
    "init",
    "main",
    "schema",
    "show",
]
