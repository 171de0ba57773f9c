"""The export as CSV files for Indonesian Excel (UTF-8 with BOM, ``;``, decimal comma),
every text cell that could start a formula quoted, and the manifest that lets a later
export remove only the files it wrote itself."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sakipgen.ekspor.tabel import BERKAS_CSV, JenisKolom, SelEkspor, Tabel
from sakipgen.i18n import _
from sakipgen.model.folder import Dinas
from sakipgen.write import tulis_atomik

_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel, LibreOffice or Sheets read a CSV cell as a formula (OWASP "CSV
Injection").  Whatever follows: ``-2+3+cmd|' /C calc'!A0`` starts with ``-`` and a digit."""


def _csv_sel(value: SelEkspor, jenis: JenisKolom, places: int) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # Every text cell starting like a formula gets a leading ' (CSV injection). The
        # numbers sakipgen writes are int or Decimal, never text, so a negative figure
        # (-1,25) stays a number; a text such as "-2 kop" is shown with its '.
        return "'" + value if value.startswith(_AWAL_RUMUS) else value
    if isinstance(value, int):
        return str(value)
    if jenis == "persen":
        value = value.quantize(Decimal(1).scaleb(-places))
    return format(value, "f").replace(".", ",")


def csv_bytes(table: Tabel, desimal: int = 2) -> bytes:
    """One table as CSV for Indonesian Excel: UTF-8 with BOM, ``;``, decimal comma."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow([_csv_sel(k.judul, "teks", desimal) for k in table.kolom])
    for row in table.baris:
        w.writerow([_csv_sel(v, k.jenis, desimal) for k, v in zip(table.kolom, row, strict=True)])
    return buf.getvalue().encode("utf-8-sig")


MANIFES = ".sakipgen-ekspor.json"
"""Written by ``export --format csv`` in its folder: the files that export wrote, with
their size and sha256, so that the next export into the folder can remove the table
files it no longer produces, and only those, while unchanged."""
_MANIFES_MAKS = 64 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class HasilCsv:
    ditulis: list[Path]
    catatan: list[str]
    """Notes for the user (active language): files left in place."""


def _sidik(data: bytes) -> dict[str, object]:
    import hashlib

    return {"sha256": hashlib.sha256(data).hexdigest(), "ukuran": len(data)}


def _baca_manifes(folder: Path) -> dict[str, dict[str, object]]:
    """The previous export's files, as recorded in its manifest.  The manifest is in a
    folder anyone may have written to (``DIR/build`` comes with the dinas folder), so
    it only ever names candidates: entries other than the table file names sakipgen
    writes (``..``, absolute paths, sub folders …) and malformed entries are dropped,
    and a file is removed only when it still has the recorded size and sha256."""
    import json
    import stat

    path = folder / MANIFES
    try:
        if not stat.S_ISREG(path.lstat().st_mode):  # a symlink or a device is not read
            return {}
        with path.open("rb") as fh:
            raw = fh.read(_MANIFES_MAKS + 1)
        data = json.loads(raw) if len(raw) <= _MANIFES_MAKS else None
    except (OSError, ValueError, RecursionError):  # RecursionError: "[[[[…" nested deep
        return {}
    entries = data.get("berkas") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        return {}
    known = {f"{name}.csv" for name in BERKAS_CSV}
    out: dict[str, dict[str, object]] = {}
    for name, entry in entries.items():
        if name not in known or not isinstance(entry, dict):
            continue
        sha, size = entry.get("sha256"), entry.get("ukuran")
        if isinstance(sha, str) and _SHA256.match(sha) and type(size) is int and size >= 0:
            out[name] = {"sha256": sha, "ukuran": size}
    return out


def _masih_sama(path: Path, sidik: dict[str, object]) -> bool:
    """Whether ``path`` is a regular file (not a symlink) with exactly that size and sha256."""
    import hashlib
    import os
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        fd = os.open(path, flags)  # O_NOFOLLOW: not swapped for a symlink meanwhile
    except OSError:
        return False
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size != sidik["ukuran"]:
            return False
        return hashlib.sha256(fh.read()).hexdigest() == sidik["sha256"]


def tulis_csv(dinas: Dinas, tables: Sequence[Tabel], folder: Path) -> HasilCsv:
    """One file per table, and the manifest :data:`MANIFES` listing them.

    A table file of an earlier export that this one does not produce (the year has no
    such table) is removed only when the earlier manifest lists it and it is unchanged
    since, so the folder holds exactly this export without ever losing a file the user
    made or edited; any other such file is left, with a note.  Files of the tables
    written are replaced.  Raises OSError when the folder cannot be written."""
    import json

    places = dinas.identitas.model.profil.desimal
    lama = _baca_manifes(folder) if folder.is_dir() else {}
    written: list[Path] = []
    baru: dict[str, dict[str, object]] = {}
    for table in tables:
        path = folder / f"{table.berkas}.csv"
        data = csv_bytes(table, places)
        tulis_atomik(path, data)
        written.append(path)
        baru[path.name] = _sidik(data)
    catatan: list[str] = []
    for name in BERKAS_CSV:
        stale = folder / f"{name}.csv"
        if stale.name in baru or not (stale.exists() or stale.is_symlink()):
            continue
        if stale.name in lama and _masih_sama(stale, lama[stale.name]):
            stale.unlink()
        elif stale.name in lama:
            catatan.append(
                _(
                    "{berkas} dibiarkan: tabelnya tidak ada di ekspor ini, tetapi berkas itu "
                    "sudah berubah sejak ditulis sakipgen"
                ).format(berkas=stale)
            )
        else:
            catatan.append(
                _(
                    "{berkas} dibiarkan: tabelnya tidak ada di ekspor ini, tetapi {manifes} "
                    "tidak mencatatnya sebagai tulisan sakipgen"
                ).format(berkas=stale, manifes=MANIFES)
            )
    manifes = {"format": "sakipgen-ekspor-csv", "versi": 1, "berkas": baru}
    text = json.dumps(manifes, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    tulis_atomik(folder / MANIFES, text.encode("utf-8"))
    return HasilCsv(written, catatan)
