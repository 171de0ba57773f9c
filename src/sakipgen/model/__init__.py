"""Pydantic models of a dinas folder, one module per file kind.

Every model is complete as soon as this package is imported: its validator is built
from the schemas kept between runs, or generated once (:mod:`sakipgen.model.validator`),
so a model made anywhere (the built-in scales in ``calc``, a loaded file) never has to
build its own.
"""

from sakipgen.model.validator import siapkan

siapkan()
