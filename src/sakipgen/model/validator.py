"""The validators of the models, kept between runs.

pydantic builds every model's validator from its Python class when the class is made:
about 50 ms of each ``sakipgen`` process, a sixth of a whole ``check``, for the same
result every time one installation runs.  The models are therefore made with
``defer_build`` (:class:`sakipgen.model.base.Model`), and :func:`siapkan` gives them
their validators before the first file is validated: pydantic's *core schema* of
every model (plain data naming sakipgen's own classes and functions) is kept in
sakipgen's cache folder (:mod:`sakipgen.cache`, sha256-verified), and building the
Rust validators from it takes about 2 ms.

The key holds everything the schemas are made from: the bytes of every module of this
package and the versions of sakipgen, pydantic, pydantic-core and Python (messages are
translated when a validator runs, so the schemas hold none).  A missing, altered or
unreadable entry costs only the time: the models are then built as pydantic builds them
and the entry is written again.  What is
loaded is only ever what this installation wrote (the cache folder is the user's own;
nothing from a dinas folder is read here).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import sys
from pathlib import Path
from typing import Any

from sakipgen import cache
from sakipgen.model.base import Model

_SIAP = False


def _semua(cls: type[Model]) -> list[type[Model]]:
    found: list[type[Model]] = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_semua(sub))
    return list(dict.fromkeys(found))


def _nama(cls: type[Model]) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


@functools.cache
def _versi() -> tuple[str, ...]:
    import pydantic
    import pydantic_core

    from sakipgen import __version__

    folder = Path(__file__).parent
    kode = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        kode.update(path.name.encode() + b"\0" + path.read_bytes())
    return (
        __version__,
        pydantic.VERSION,
        pydantic_core.__version__,
        sys.version,
        kode.hexdigest(),
    )


def siapkan() -> None:
    """Give every model its validator, from the cache when it holds them for this code."""
    global _SIAP
    if _SIAP:
        return
    from sakipgen.model import folder  # noqa: F401  every model is defined once it is imported

    models = _semua(Model)
    key = cache.kunci("core-schema", _versi(), [_nama(m) for m in models])
    data = cache.baca("skema", key)
    if data is None or not _pasang(models, data):
        for model in models:
            model.model_rebuild(force=True)
        with contextlib.suppress(Exception):  # a schema pickle cannot hold: no cache
            cache.tulis(
                "skema",
                key,
                pickle.dumps(
                    {_nama(m): m.__pydantic_core_schema__ for m in models},
                    protocol=pickle.HIGHEST_PROTOCOL,
                ),
            )
    _SIAP = True


def _pasang(models: list[type[Model]], data: bytes) -> bool:
    """Set each model's validator and serializer as pydantic's ``complete_model_class``
    does, from the stored schemas; False (nothing set) when they do not fit."""
    from pydantic._internal._config import ConfigWrapper
    from pydantic_core import SchemaSerializer, SchemaValidator

    try:
        schemas: dict[str, Any] = pickle.loads(data)  # written by this code, see above
        siap = []
        for model in models:
            schema = schemas[_nama(model)]
            config = ConfigWrapper(model.model_config, check=False)
            core_config = config.core_config(title=model.__name__)
            # What pydantic's create_schema_validator makes when no plugin is active:
            # sakipgen's models are never observed by a plugin (cli/__init__), and
            # asking for plugins imports importlib.metadata, about 12 ms.
            validator = SchemaValidator(schema, core_config)
            siap.append((model, schema, validator, SchemaSerializer(schema, core_config)))
    except Exception:
        return False
    for model, schema, validator, serializer in siap:
        model.__pydantic_core_schema__ = schema
        model.__pydantic_validator__ = validator
        model.__pydantic_serializer__ = serializer
        model.__pydantic_computed_fields__ = {
            k: v.info for k, v in model.__pydantic_decorators__.computed_fields.items()
        }
        model.__pydantic_complete__ = True
    return True
