"""``sakipgen schema``: one JSON Schema per kind of YAML file, for editors.

The schemas are generated from the pydantic models (``model_json_schema``), so they
cannot drift from what ``sakipgen check`` reads.  They target JSON Schema draft-07,
the draft the VS Code YAML extension (yaml-language-server) supports fully:
definitions live under ``definitions``, and a ``$ref`` that carries its own
description is wrapped in ``allOf`` (draft-07 ignores keywords beside ``$ref``).
The output is deterministic — sorted keys, fixed indentation — so committed schemas
diff cleanly and a test can tell when they are stale.

A YAML file names its schema in a first-line comment::

    # yaml-language-server: $schema=../schema/target.schema.json
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel

from sakipgen.model.susunan import AKAR, BERKAS, FOLDER_TAHUN

DRAFT = "http://json-schema.org/draft-07/schema#"

JENIS: dict[str, tuple[type[BaseModel], str]] = {b.jenis: (b.model, b.tempat) for b in BERKAS}
"""Kind of file → (model that validates it, where it lives in a dinas folder), from the
one layout table (:mod:`sakipgen.model.susunan`)."""

_REF = "#/definitions/{model}"


def nama_berkas(jenis: str) -> str:
    """``target`` → ``target.schema.json``."""
    return f"{jenis}.schema.json"


def _draft07(node: Any) -> Any:
    """Keywords beside ``$ref`` (a field's description) moved next to an ``allOf``."""
    if isinstance(node, list):
        return [_draft07(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _draft07(v) for k, v in node.items()}
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out["allOf"] = [{"$ref": ref}]
    return out


def buat_skema(jenis: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file (a key of :data:`JENIS`)."""
    model, letak = JENIS[jenis]
    schema = model.model_json_schema(ref_template=_REF)
    definitions = schema.pop("$defs", None)
    if definitions:
        schema["definitions"] = definitions
    schema = dict(_draft07(schema))
    schema["$schema"] = DRAFT
    schema["title"] = f"sakipgen: {letak}"
    schema["$comment"] = (
        "Dibuat oleh 'sakipgen schema' dari model data sakipgen; jangan diubah dengan tangan. "
        "Pemeriksaan lengkap (angka ambigu, rujukan id, perhitungan): sakipgen check."
    )
    return schema


def teks_skema(jenis: str) -> str:
    """The schema as the exact text written to its file (same bytes every run)."""
    return json.dumps(buat_skema(jenis), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def tulis_skema(folder: Path) -> list[Path]:
    """Write ``<jenis>.schema.json`` for every kind into ``folder``; return the paths.
    A file whose content is already right is left untouched (its time stamp too)."""
    from sakipgen.write import tulis_atomik

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for jenis in sorted(JENIS):
        path = folder / nama_berkas(jenis)
        data = teks_skema(jenis).encode("utf-8")
        if not (path.is_file() and path.read_bytes() == data):
            tulis_atomik(path, data)
        written.append(path)
    return written


def jenis_berkas(relatif: PurePath) -> str | None:
    """The kind of a YAML file from its path inside a dinas folder (as the loader
    decides): ``sakip.yaml``, ``2021/target.yaml``, ``2021/tabel/umkm.yaml`` …;
    None for a file the loader does not read as data."""
    parts = relatif.parts
    if len(parts) == 1 and parts[0] in AKAR:
        return AKAR[parts[0]].jenis
    if len(parts) >= 2 and FOLDER_TAHUN.match(parts[0]):
        if len(parts) == 2 and parts[1].endswith(".yaml"):
            jenis = parts[1].removesuffix(".yaml")
            return (
                jenis
                if jenis in JENIS and f"{jenis}.yaml" not in AKAR and jenis != "tabel"
                else None
            )
        if len(parts) == 3 and parts[1] == "tabel" and parts[2].endswith((".yaml", ".yml")):
            return "tabel"
    return None


def baris_skema(berkas: Path, folder_skema: Path, jenis: str) -> str:
    """The first-line comment that points ``berkas`` at its schema in ``folder_skema``
    (a relative path, as the VS Code YAML extension resolves it from the file)."""
    relatif = os.path.relpath(folder_skema / nama_berkas(jenis), berkas.parent)
    return f"# yaml-language-server: $schema={PurePath(relatif).as_posix()}"
