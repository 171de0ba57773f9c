"""Validate plain YAML data against a model; turn pydantic errors into located diagnostics."""

from __future__ import annotations

import difflib
import functools
import types
from pathlib import Path
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from sakipgen.diagnostics import Diagnostic
from sakipgen.i18n import _
from sakipgen.load.yaml_reader import YamlFile
from sakipgen.model import susunan
from sakipgen.model.galat import pesan_galat
from sakipgen.model.sumber import SourceMap, YamlPath
from sakipgen.model.susunan import JenisBerkas

M = TypeVar("M", bound=BaseModel)


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


_BUTIR, _KUNCI = "[]", "<id>"
"""In a key's place (:func:`tempat_kunci`): any item of a list, any key of a mapping."""
Pola = tuple[str, ...]


def _jalan(root: type[BaseModel], path: YamlPath) -> tuple[Pola, list[Any]]:
    """Follow ``path`` down the types of ``root``: the path with list indexes and the keys
    of mappings (ids, years) generalised (``("sasaran", 0, "indikator")`` →
    ``("sasaran", "[]", "indikator")``), and the candidate types of what it leads to."""
    current: list[Any] = [root]
    out: list[str] = []
    for part in path:
        nxt: list[Any] = []
        label = str(part)
        for tp in current:
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                if isinstance(part, str) and part in tp.model_fields:
                    nxt.extend(_unwrap(tp.model_fields[part].annotation))
            elif get_origin(tp) is list and isinstance(part, int):
                nxt.extend(_unwrap(get_args(tp)[0]))
                label = _BUTIR
            elif get_origin(tp) is dict:
                nxt.extend(_unwrap(get_args(tp)[1]))
                label = _KUNCI
        out.append(_BUTIR if isinstance(part, int) and label == str(part) else label)
        current = nxt
    return tuple(out), current


def _model_at(root: type[BaseModel], loc: YamlPath) -> type[BaseModel] | None:
    """The model class that owns the mapping at ``loc`` (for "did you mean")."""
    for tp in _jalan(root, loc)[1]:
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


@functools.cache
def tempat_kunci() -> dict[str, list[tuple[JenisBerkas, Pola]]]:
    """Every key of every file kind and where it is written: ``revisi_pk`` →
    ``[(dokumen.yaml, ("pk_perubahan",))]`` (the mapping that holds it)."""
    found: dict[str, list[tuple[JenisBerkas, Pola]]] = {}

    def telusuri(tp: Any, pola: Pola, berkas: JenisBerkas, dilalui: frozenset[type]) -> None:
        for t in _unwrap(tp):
            if isinstance(t, type) and issubclass(t, BaseModel):
                if t in dilalui:
                    continue
                for name, field in t.model_fields.items():
                    found.setdefault(name, []).append((berkas, pola))
                    telusuri(field.annotation, (*pola, name), berkas, dilalui | {t})
            elif get_origin(t) is list:
                telusuri(get_args(t)[0], (*pola, _BUTIR), berkas, dilalui)
            elif get_origin(t) is dict:
                telusuri(get_args(t)[1], (*pola, _KUNCI), berkas, dilalui)

    for berkas in susunan.BERKAS:
        telusuri(berkas.model, (), berkas, frozenset())
    return found


def _teks_pola(pola: Pola) -> str:
    out = ""
    for part in pola:
        out += part if part == _BUTIR or not out else f".{part}"
    return out


def _terdekat(places: list[Pola], here: Pola) -> list[Pola]:
    """The places most like ``here``: the longest common end (``indikator.<id>``), then
    the longest common start (``program[]``)."""

    def ujung(a: Pola, b: Pola) -> int:
        n = 0
        while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
            n += 1
        return n

    def awal(a: Pola, b: Pola) -> int:
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n

    def skor(p: Pola) -> tuple[int, int]:
        return (ujung(p, here), awal(p, here))

    best = max(map(skor, places))
    return [p for p in places if skor(p) == best]


_BANYAK = 8
"""More places than this are not listed (the file is named alone)."""


def _tempat_lain(model: type[BaseModel], path: YamlPath, file: str) -> str | None:
    """S001 for a key that another place takes (another mapping of this file, or
    another file kind), saying where it is written; None for a key known nowhere."""
    key = str(path[-1])
    places = tempat_kunci().get(key, [])
    berkas = next((b for b in susunan.BERKAS if b.model is model), None)
    if not places or berkas is None:
        return None
    here = _jalan(model, path[:-1])[0]
    atau = " " + _("atau") + " "

    def daftar(items: list[str]) -> str:
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + atau + items[-1]

    def di_bawah(pola: list[Pola]) -> str:
        parts = [_("di tingkat teratas")] if () in pola else []
        if inner := [_teks_pola(p) for p in pola if p]:
            parts.append(_("di bawah {jalur}").format(jalur=daftar(inner)))
        return atau.join(parts)

    same = [p for b, p in places if b is berkas]
    if same:
        if len(same) > _BANYAK:
            return None
        return _("kunci '{key}' tidak berlaku di sini; tulis {tempat}").format(
            key=key, tempat=di_bawah(same)
        )
    parent = Path(file).parent.name
    tahun = parent if susunan.FOLDER_TAHUN.match(parent) else None

    def nama(b: JenisBerkas) -> str:
        return b.tempat.replace("<tahun>", tahun) if tahun and b.atribut else b.tempat

    kinds = list(dict.fromkeys(b for b, _p in places))
    if len(kinds) > 1:
        return _("kunci '{key}' bukan isian {berkas}; kunci ini ditulis di {tempat}").format(
            key=key, berkas=berkas.nama, tempat=daftar([nama(b) for b in kinds])
        )
    nearest = _terdekat([p for _b, p in places], here)
    tempat = nama(kinds[0])
    if len(nearest) <= 3:
        tempat += ", " + di_bawah(nearest)
    return _("kunci '{key}' bukan isian {berkas}; tulis di {tempat}").format(
        key=key, berkas=berkas.nama, tempat=tempat
    )


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
        if etype == "extra_forbidden" and path in source.terpisah:
            sebelum, nilai = source.terpisah[path]
            d = Diagnostic.make(
                source.locate(path, key=True),
                "S001",
                _(
                    "'{potongan}' terbaca sebagai kunci sendiri: di dalam {{…}} koma memisahkan "
                    "isian. Bila ini lanjutan nilai '{kunci}', beri tanda kutip pada nilainya: "
                    '{kunci}: "{nilai}"'
                ).format(potongan=path[-1], kunci=sebelum, nilai=nilai),
            )
        elif etype == "extra_forbidden":
            key = str(path[-1]) if path else "?"
            owner = _model_at(model, path[:-1])
            choices = list(owner.model_fields) if owner else []
            d = Diagnostic.make(
                source.locate(path, key=True),
                "S001",
                _tempat_lain(model, path, source.file)
                or _("kunci '{key}' tidak dikenal").format(key=key) + suggest(key, choices),
            )
        elif etype == "missing":
            key = str(path[-1]) if path else "?"
            d = Diagnostic.make(
                source.locate(path[:-1]), "S002", _("isian '{key}' wajib diisi").format(key=key)
            )
        else:
            code, text = pesan_galat(err)
            d = Diagnostic.make(source.locate(path), code, text)
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
