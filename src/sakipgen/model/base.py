"""Common configuration of every model: unknown keys are errors, values are frozen.

Also the JSON Schema metadata shared by the models (``sakipgen schema``): each model's
Indonesian description, and markers that describe in the schema what a ``before``
validator accepts (one item where a list is expected, a short form, the keys of a
mapping).  The markers only change the JSON Schema, never validation.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema


def empty_list() -> list[Any]:
    """``default_factory`` for lists.  Not ``list`` itself: pydantic reads the signature
    of every factory, and a builtin's signature is parsed from its text with the
    tokenizer, about 0,25 ms each, 46 of them on every start of sakipgen."""
    return []


def empty_dict() -> dict[Any, Any]:
    """``default_factory`` for dicts (see :func:`empty_list`)."""
    return {}


class Model(BaseModel):
    # defer_build: the validators come from sakipgen.model.validator.siapkan, usually
    # from the cache, instead of being built from the classes in every process
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


def as_list(value: Any) -> Any:
    """Accept a single item where a list is expected (``sasaran: S1``)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def skema(deskripsi: str, **tambahan: Any) -> ConfigDict:
    """A model's config holding its Indonesian description for the JSON Schema.

    The class docstring (English, for developers) would otherwise become the schema's
    description; ``tambahan`` adds schema keywords (``anyOf`` of required keys …).
    Subclasses inherit it, so every model sets its own.
    """
    return ConfigDict(json_schema_extra={"description": deskripsi, **tambahan})


def _pilihan(schema: JsonSchemaValue) -> list[JsonSchemaValue]:
    """The alternatives of a schema, ``anyOf`` flattened one level."""
    return list(schema["anyOf"]) if set(schema) == {"anyOf"} else [schema]


class SatuAtauDaftar:
    """JSON Schema of a list validated with :func:`as_list`: a list, one item alone, or
    nothing (``sasaran: S1`` as well as ``sasaran: [S1, S2]``)."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        daftar = handler(core_schema)
        satu = daftar.get("items", {})
        return {"anyOf": [*_pilihan(satu), daftar, {"type": "null"}]}


class BentukSingkat:
    """JSON Schema of a model that also accepts a short form through its ``_short``
    validator (``IK1.1: 32`` for ``IK1.1: {target: 32}``): the short form's schema or
    the model."""

    def __init__(self, singkat: JsonSchemaValue) -> None:
        self.singkat = singkat

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"anyOf": [*_pilihan(dict(self.singkat)), handler(core_schema)]}


class KunciPeta:
    """JSON Schema of the keys of a mapping.  YAML keys such as ``2021`` or ``IK1.1``
    are text in JSON Schema, so the keys get a pattern (``propertyNames``) while every
    value keeps the value schema (``additionalProperties``)."""

    def __init__(self, pola: str, pesan: str) -> None:
        self.pola = pola
        self.pesan = pesan

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        peta = dict(handler(core_schema))
        pola_lain = peta.pop("patternProperties", None)
        if pola_lain:
            peta["additionalProperties"] = next(iter(pola_lain.values()))
        peta["propertyNames"] = {"pattern": self.pola, "patternErrorMessage": self.pesan}
        return peta
