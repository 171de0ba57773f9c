"""Validate plain YAML data against a model; turn pydantic errors into located diagnostics."""

from __future__ import annotations

import difflib
import types
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from sakipgen.diagnostics import RULES, Diagnostic
from sakipgen.i18n import _
from sakipgen.load.yaml_reader import YamlFile
from sakipgen.model.sumber import SourceMap, YamlPath

M = TypeVar("M", bound=BaseModel)

_PEMETAAN = frozenset({"dict_type", "model_type", "model_attributes_type"})
_BOOL = frozenset({"bool_type", "bool_parsing"})
_INT = frozenset({"int_type", "int_parsing", "int_from_float"})
_DATE = frozenset({"date_type", "date_parsing", "date_from_datetime_parsing"})


def _type_message(etype: str) -> str | None:
    """The message of a wrong-type error, in the active language (looked up per call)."""
    if etype in _PEMETAAN:
        return _("harus berupa pemetaan (baris-baris 'kunci: nilai')")
    if etype == "list_type":
        return _("harus berupa daftar (baris-baris yang diawali '- ')")
    if etype == "string_type":
        return _("harus berupa teks")
    if etype in _BOOL:
        return _("harus true atau false")
    if etype in _INT:
        return _("harus bilangan bulat")
    if etype in _DATE:
        return _("harus tanggal dengan bentuk TTTT-BB-HH, misalnya 2021-01-31")
    if etype == "date_from_datetime_inexact":
        return _("harus tanggal tanpa jam, misalnya 2021-01-31")
    return None


def _string_message(etype: str, ctx: dict[str, object]) -> str | None:
    if etype == "string_too_short":
        return _("terlalu pendek: minimal {min_length} karakter").format(
            min_length=ctx.get("min_length")
        )
    if etype == "string_too_long":
        return _("terlalu panjang: maksimal {max_length} karakter").format(
            max_length=ctx.get("max_length")
        )
    if etype == "string_pattern_mismatch":
        return _("bentuknya tidak sesuai aturan penulisan (lihat README)")
    return None


def _unwrap(tp: Any) -> list[Any]:
    """The candidate types inside Annotated/Optional/Union."""
    origin = get_origin(tp)
    if origin is Annotated:
        return _unwrap(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        out: list[Any] = []
        for a in get_args(tp):
            out.extend(_unwrap(a))
        return out
    return [tp]


def _model_at(root: type[BaseModel], loc: YamlPath) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (for "did you mean")."""
    current: list[Any] = [root]
    for part in loc:
        nxt: list[Any] = []
        for tp in current:
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                if isinstance(part, str) and part in tp.model_fields:
                    nxt.extend(_unwrap(tp.model_fields[part].annotation))
            else:
                origin = get_origin(tp)
                if origin is list and isinstance(part, int):
                    nxt.extend(_unwrap(get_args(tp)[0]))
                elif origin is dict:
                    nxt.extend(_unwrap(get_args(tp)[1]))
        current = nxt
    for tp in current:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp
    return None


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[YamlPath, bool]:
    """Keep the parts of a pydantic loc that index the YAML data; drop union labels.

    Returns the path and whether a part was dropped (the error came from a union member).
    """
    path: list[str | int] = []
    dropped = False
    cur = data
    for part in loc:
        if isinstance(cur, dict) and str(part) in cur:
            path.append(str(part))
            cur = cur[str(part)]
        elif isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur):
            path.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and isinstance(part, str) and "[" not in part:
            # a key that is not there (missing / not yet present): keep it as the last part
            path.append(part)
            cur = None
        else:
            dropped = True
    return tuple(path), dropped


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return _("; mungkin maksudnya '{saran}'?").format(saran=close[0]) if close else ""


def validate(model: type[M], yf: YamlFile, diags: list[Diagnostic]) -> M | None:
    try:
        return model.model_validate(yf.data)
    except ValidationError as exc:
        diags.extend(translate(model, exc, yf.data, yf.source))
        return None


def translate(
    model: type[BaseModel], exc: ValidationError, data: Any, source: SourceMap
) -> list[Diagnostic]:
    found: list[tuple[YamlPath, bool, Diagnostic]] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        path, dropped = _data_path(data, loc)
        etype = err["type"]
        msg = str(err["msg"])
        if etype == "extra_forbidden":
            key = str(path[-1]) if path else "?"
            owner = _model_at(model, path[:-1])
            choices = list(owner.model_fields) if owner else []
            d = Diagnostic.make(
                source.locate(path, key=True),
                "S001",
                _("kunci '{key}' tidak dikenal").format(key=key) + suggest(key, choices),
            )
        elif etype == "missing":
            key = str(path[-1]) if path else "?"
            d = Diagnostic.make(
                source.locate(path[:-1]), "S002", _("isian '{key}' wajib diisi").format(key=key)
            )
        elif etype in RULES:
            d = Diagnostic.make(source.locate(path), etype, msg)
        elif (text := _type_message(etype)) is not None:
            d = Diagnostic.make(source.locate(path), "S003", text)
        elif etype == "literal_error":
            atau = " " + _("atau") + " "
            expected = str(err.get("ctx", {}).get("expected", "")).replace(" or ", atau)
            d = Diagnostic.make(
                source.locate(path),
                "S004",
                _("harus salah satu dari: {expected}").format(expected=expected),
            )
        elif (text := _string_message(etype, dict(err.get("ctx", {})))) is not None:
            d = Diagnostic.make(source.locate(path), "S004", text)
        elif etype == "too_short":
            d = Diagnostic.make(source.locate(path), "S004", _("tidak boleh kosong"))
        elif etype in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            ctx = err.get("ctx", {})
            bound = next(iter(ctx.values()), "")
            word = {
                "greater_than_equal": ">=",
                "less_than_equal": "<=",
                "greater_than": ">",
                "less_than": "<",
            }[etype]
            d = Diagnostic.make(
                source.locate(path),
                "S004",
                _("harus {word} {bound}").format(word=word, bound=bound),
            )
        elif etype == "value_error":
            d = Diagnostic.make(source.locate(path), "S004", msg.removeprefix("Value error, "))
        else:
            d = Diagnostic.make(
                source.locate(path), "S004", _("nilai tidak valid ({msg})").format(msg=msg)
            )
        found.append((path, dropped, d))
    # An error from one member of a union is noise when another member got further.
    out = []
    for path, dropped, d in found:
        if dropped and any(
            len(p) > len(path) and p[: len(path)] == path for p, _dropped, _diag in found
        ):
            continue
        out.append(d)
    return out
