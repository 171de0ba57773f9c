"""What a document template is given: plain data, never objects that can act.

A dinas may bring its own templates, and a dinas folder is untrusted (CI builds pull
requests).  So a template receives only values that cannot reach the file system, the
network or a process: ``None``, booleans, numbers, text (``str``/``Markup``), dates,
lists, dicts, :class:`Data` records, :class:`~sakipgen.model.nilai.Nilai` values, the
renderer's own functions that return document XML, and the ``doc`` helper whose
methods are an allow-list (:data:`sakipgen.render.dokumen.Dokumen.API`).  Models and
result objects are copied into :class:`Data` by :func:`polos`; a ``Path`` or any other
object is a programming error here, not something a template can ever see.
The sandbox (:mod:`sakipgen.render.sandbox`) enforces the same list.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from sakipgen.model.nilai import Nilai


class Data:
    """A read-only record: fields by attribute (``s.uraian``) or key (``s["uraian"]``).

    It has no methods a template could call; ``str()`` of it is the text it stands for
    (a target's text), or empty."""

    __slots__ = ("_isi", "_teks")

    def __init__(self, isi: Mapping[str, Any], teks: str = "") -> None:
        object.__setattr__(self, "_isi", dict(isi))
        object.__setattr__(self, "_teks", teks)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._isi[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._isi[name]

    def __contains__(self, name: object) -> bool:
        return name in self._isi

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(name)

    def __dir__(self) -> list[str]:
        return sorted(self._isi)

    def __str__(self) -> str:
        return str(self._teks)

    def __repr__(self) -> str:
        return f"Data({self._isi!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Data) and self._isi == other._isi

    def __hash__(self) -> int:
        return id(self)

    def fields(self) -> dict[str, Any]:
        """For Python callers (renderers, tests); templates cannot reach it (the sandbox
        allows only field names on a record)."""
        return dict(self._isi)


SKALAR: tuple[type, ...] = (type(None), bool, int, float, Decimal, str, date)
"""Values passed to templates as they are (``Markup`` is a ``str``)."""
NILAI_TETAP: tuple[type, ...] = (Nilai,)
"""Frozen data classes of the model passed as they are: plain values, no I/O."""


@functools.cache
def _properti(cls: type) -> tuple[str, ...]:
    """Public properties of a class (``Pos.efisiensi``), evaluated into the record (looked
    up once per class: ``dir`` over a pydantic model is slow, and a document has
    thousands of records)."""
    return tuple(
        name
        for name in dir(cls)
        if not name.startswith("_")
        and not hasattr(BaseModel, name)  # pydantic's own (model_fields_set …)
        and isinstance(getattr(cls, name, None), property | functools.cached_property)
    )


def polos(value: Any) -> Any:
    """``value`` as plain template data (see the module docstring)."""
    if isinstance(value, (*SKALAR, Data)):
        return value
    if isinstance(value, enum.Enum):
        return polos(value.value)
    if isinstance(value, NILAI_TETAP):
        return value
    if isinstance(value, list | tuple | range | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return [polos(v) for v in items]
    if isinstance(value, dict):
        return {k if isinstance(k, SKALAR) else str(k): polos(v) for k, v in value.items()}
    if isinstance(value, BaseModel):
        isi = {name: polos(getattr(value, name)) for name in type(value).model_fields}
        isi.update({name: polos(getattr(value, name)) for name in _properti(type(value))})
        return Data(isi)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        isi = {f.name: polos(getattr(value, f.name)) for f in dataclasses.fields(value)}
        isi.update({name: polos(getattr(value, name)) for name in _properti(type(value))})
        return Data(isi)
    if isinstance(value, types.FunctionType):
        # The renderer's own functions (closures building tables, Markup helpers): a
        # template can call them but reach nothing through them (no public attributes).
        return value
    if _doc_method(value) or _is_doc(value):
        return value
    raise TypeError(f"tidak boleh diberikan ke templat: {type(value).__name__}")


def _is_doc(value: object) -> bool:
    from sakipgen.render.dokumen import Dokumen

    return isinstance(value, Dokumen)


def _doc_method(value: object) -> bool:
    from sakipgen.render.dokumen import Dokumen

    return (
        isinstance(value, types.MethodType)
        and isinstance(value.__self__, Dokumen)
        and value.__name__ in Dokumen.API
    )
