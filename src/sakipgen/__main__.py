"""``sakipgen`` and ``python -m sakipgen``: the process's entry point.

Two choices for the process, and only for it (tests run the commands inside their own
process and its policies), both about starting fast (``bench/run.py``):

* **The garbage collector** (:mod:`sakipgen.proses`): nothing is collected while the
  command line is imported; what was imported is then frozen.  When the command ends,
  its own objects are frozen too: the process is about to end and the system takes its
  memory back; the files it wrote are closed by then (``write.tulis_atomik`` syncs and
  renames each).
* **pydantic's plugin finder.**  pydantic looks for plugins each time a validator is
  made, in a module that imports ``importlib.metadata`` (with email, zipfile, csv …:
  about 11 ms) even when every plugin is disabled; typer makes a validator for each
  option it parses.  sakipgen disables the plugins (``cli/__init__``), so that module
  is stood in for by one that answers as pydantic's own answers when they are
  disabled, and hands anything else to the real module, imported then.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any

from sakipgen import proses

_PENCARI_PLUGIN = "pydantic.plugin._loader"
_PLUGIN_MATI = ("__all__", "1", "true")
"""The values of PYDANTIC_DISABLE_PLUGINS for which pydantic loads no plugin at all."""


def _pencari_plugin_asli() -> Any:
    if isinstance(sys.modules.get(_PENCARI_PLUGIN), _PencariPlugin):
        del sys.modules[_PENCARI_PLUGIN]
    return importlib.import_module(_PENCARI_PLUGIN)


class _PencariPlugin(types.ModuleType):
    """Stands in for ``pydantic.plugin._loader`` until something other than "no plugins"
    is asked of it."""

    def get_plugins(self) -> Any:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _PLUGIN_MATI:
            return ()
        return _pencari_plugin_asli().get_plugins()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        return getattr(_pencari_plugin_asli(), name)


def main() -> None:
    if _PENCARI_PLUGIN not in sys.modules:
        sys.modules[_PENCARI_PLUGIN] = _PencariPlugin(_PENCARI_PLUGIN)
    proses.mulai()
    from sakipgen.cli import main as jalankan

    proses.bekukan()
    try:
        jalankan()
    finally:
        proses.bekukan()


if __name__ == "__main__":
    main()
