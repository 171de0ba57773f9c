"""The garbage collector's policy of a ``sakipgen`` process.

Importing typer, pydantic and sakipgen's models, then the pipeline and the renderers,
makes a few hundred thousand objects that live as long as the process and none of
which is garbage.  With the collector on, every full collection walks all of them again
(and the interpreter walks them once more at exit): about 30 ms of a 250 ms ``check``
and 3-5 ms of every dinas a build reads (``bench/run.py``).  So the process's entry
point (:mod:`sakipgen.__main__`) collects nothing while it imports and then *freezes*
what it imported (``gc.freeze``: left out of every collection; still freed when no
longer referenced); a batch build freezes the modules it imported before it starts the
dinas (and before it forks its workers, which then share those pages).

The policy is the process's: it applies only once :func:`mulai` has run, i.e. in
``sakipgen`` started as a command.  A test run or another program importing sakipgen
keeps its collector as it set it.
"""

from __future__ import annotations

import gc

_AKTIF = False


def mulai() -> None:
    """Start the policy (the entry point, before it imports anything else): collect
    nothing until :func:`bekukan` says the imports are done."""
    global _AKTIF
    _AKTIF = True
    gc.disable()


def bekukan() -> None:
    """Freeze every object alive now, which the process keeps to its end, and collect as
    usual among those made after; nothing when the policy was not started."""
    if _AKTIF:
        gc.freeze()
        gc.enable()
